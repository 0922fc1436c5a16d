"""GoalStore on a real SQLite file: the tree stays a tree, tasks stay in order, counts add up."""

from datetime import date, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import text

from compass_tui.domain.goals import GoalInput, TaskInput
from compass_tui.domain.values import ValueInput
from compass_tui.store.entries_store import NotFoundError
from compass_tui.store.goals_store import GoalStore
from compass_tui.store.repository import Repository
from tests.conftest import NOW

TODAY = NOW.date()
CYCLE = "a goal cannot sit under itself or one of its own sub-goals"


@pytest.fixture
def goals(repo: Repository) -> GoalStore:
    return repo.goals


def goal(store: GoalStore, title: str, parent: int | None = None, **fields: Any) -> int:
    return store.create(GoalInput(title=title, parent_id=parent, **fields), NOW).id


def task(store: GoalStore, goal_id: int, title: str, due: date | None = None) -> int:
    return store.add_task(TaskInput(goal_id=goal_id, title=title, due=due), NOW).id


def titles_and_positions(store: GoalStore, goal_id: int) -> list[tuple[str, int]]:
    return [(t.title, t.position) for t in store.tasks(goal_id)]


def count_rows(repo: Repository, table: str, goal_id: int) -> int:
    with repo.engine.connect() as conn:
        return conn.execute(text(f"SELECT count(*) FROM {table} WHERE goal_id = :g"),
                            {"g": goal_id}).scalar_one()


# -- the tree -------------------------------------------------------------------


def test_a_goal_cannot_become_its_own_ancestor(goals: GoalStore) -> None:
    top = goal(goals, "Become a staff engineer", horizon="long")
    middle = goal(goals, "Lead a cross-team project", top)
    bottom = goal(goals, "Write the design doc", middle)
    assert goals.descendants(top) == {middle, bottom}
    assert goals.descendants(bottom) == set()
    for new_parent in (top, middle, bottom):  # itself, a child, a grandchild
        with pytest.raises(ValueError, match=CYCLE):
            goals.update(top, GoalInput(title="Renamed", horizon="long", parent_id=new_parent),
                         NOW)
    with pytest.raises(ValueError, match=CYCLE):
        goals.update(middle, GoalInput(title="Lead", parent_id=bottom), NOW)
    unchanged = goals.get(top)
    assert unchanged is not None and unchanged.title == "Become a staff engineer"
    assert unchanged.parent_id is None
    # Moving a goal up or sideways is fine.
    assert goals.update(bottom, GoalInput(title="Write the design doc", parent_id=top),
                        NOW).parent_id == top
    assert goals.descendants(middle) == set()


def test_a_parent_must_exist(goals: GoalStore, repo: Repository) -> None:
    with pytest.raises(NotFoundError):
        goal(goals, "Orphan", 999)
    with repo.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM goals")).scalar_one() == 0


def test_delete_keeps_the_children_and_drops_tasks_and_progress(
    goals: GoalStore, repo: Repository,
) -> None:
    top = goal(goals, "Change careers", horizon="long")
    middle = goal(goals, "Finish the bootcamp", top)
    child = goal(goals, "Build a portfolio", middle)
    task(goals, middle, "Module 1")
    goals.add_progress(middle, 10, NOW)
    goals.delete(middle)
    assert goals.get(middle) is None
    kept = goals.get(child)
    assert kept is not None and kept.parent_id is None  # ON DELETE SET NULL
    assert goals.descendants(top) == set()
    assert count_rows(repo, "tasks", middle) == 0
    assert count_rows(repo, "goal_progress", middle) == 0
    with pytest.raises(NotFoundError):
        goals.delete(middle)


def test_value_links_are_replaced_and_read_in_rank_order(
    goals: GoalStore, repo: Repository,
) -> None:
    growth, family, health = (repo.values.add(ValueInput(name=n), NOW).id
                              for n in ("Growth", "Family", "Health"))
    goal_id = goals.create(GoalInput(title="Teach", value_ids=[health, growth, health]), NOW).id
    fetched = goals.get(goal_id)
    assert fetched is not None and fetched.value_ids == [growth, health]
    assert goals.update(goal_id, GoalInput(title="Teach", value_ids=[family]),
                        NOW).value_ids == [family]
    with pytest.raises(NotFoundError):
        goals.update(goal_id, GoalInput(title="Teach", value_ids=[family, 999]), NOW)
    fetched = goals.get(goal_id)
    assert fetched is not None and fetched.value_ids == [family]  # nothing half-written


def test_done_at_marks_the_completion(goals: GoalStore) -> None:
    goal_id = goal(goals, "Pass the exam")
    assert goals.get(goal_id).done_at is None  # type: ignore[union-attr]
    done = goals.update(goal_id, GoalInput(title="Pass the exam", status="done"), NOW)
    assert done.done_at == NOW
    later = NOW + timedelta(days=3)
    edited = goals.update(goal_id, GoalInput(title="Pass the AWS exam", status="done"), later)
    assert edited.done_at == NOW and edited.updated_at == later
    reopened = goals.update(goal_id, GoalInput(title="Pass the AWS exam"), later)
    assert reopened.done_at is None


# -- tasks ----------------------------------------------------------------------


def test_task_positions_stay_dense_after_moves_and_deletes(goals: GoalStore) -> None:
    goal_id = goal(goals, "Ship the side project")
    ids = {name: task(goals, goal_id, name) for name in "ABCDE"}
    assert titles_and_positions(goals, goal_id) == [(n, i) for i, n in enumerate("ABCDE", 1)]
    goals.move_task(ids["E"], -2)
    assert [t.title for t in goals.tasks(goal_id)] == list("ABECD")
    goals.move_task(ids["A"], -1)  # already first: clamped
    goals.move_task(ids["B"], +10)  # far past the end: clamped to last
    assert [t.title for t in goals.tasks(goal_id)] == list("AECDB")
    goals.delete_task(ids["C"])
    assert titles_and_positions(goals, goal_id) == [("A", 1), ("E", 2), ("D", 3), ("B", 4)]
    assert goals.add_task(TaskInput(goal_id=goal_id, title="F"), NOW).position == 5
    goals.move_task(ids["D"], -1)
    assert titles_and_positions(goals, goal_id) == [
        ("A", 1), ("D", 2), ("E", 3), ("B", 4), ("F", 5),
    ]


def test_a_task_moved_to_another_goal_goes_last_and_both_lists_close_up(
    goals: GoalStore,
) -> None:
    first, second = goal(goals, "First"), goal(goals, "Second")
    a, b, _c = (task(goals, first, n) for n in "abc")
    task(goals, second, "x")
    moved = goals.update_task(b, TaskInput(goal_id=second, title="b, renamed"))
    assert (moved.goal_id, moved.position, moved.title) == (second, 2, "b, renamed")
    assert titles_and_positions(goals, first) == [("a", 1), ("c", 2)]
    assert goals.update_task(a, TaskInput(goal_id=first, title="a", due=TODAY)).due == TODAY
    with pytest.raises(NotFoundError):
        goals.update_task(a, TaskInput(goal_id=999, title="a"))


def test_ticking_sets_and_clears_the_done_date(goals: GoalStore) -> None:
    task_id = task(goals, goal(goals, "Read"), "Chapter 1")
    done = goals.set_task_done(task_id, True, TODAY)
    assert (done.done, done.done_on) == (True, TODAY)
    undone = goals.set_task_done(task_id, False, TODAY)
    assert (undone.done, undone.done_on) == (False, None)
    with pytest.raises(NotFoundError):
        goals.set_task_done(999, True, TODAY)


def test_summaries_count_done_total_and_overdue_tasks(
    goals: GoalStore, repo: Repository,
) -> None:
    value = repo.values.add(ValueInput(name="Growth"), NOW).id
    busy = goal(goals, "Busy", value_ids=[value])
    idle = goal(goals, "Idle")
    yesterday, tomorrow = TODAY - timedelta(days=1), TODAY + timedelta(days=1)
    goals.set_task_done(task(goals, busy, "done late", yesterday), True, TODAY)
    task(goals, busy, "overdue 1", yesterday)
    task(goals, busy, "overdue 2", TODAY - timedelta(days=30))
    task(goals, busy, "due today", TODAY)  # not overdue yet
    task(goals, busy, "later", tomorrow)
    task(goals, busy, "undated")
    by_id = {g.id: (g.value_ids, done, total, late)
             for g, done, total, late in goals.summaries(TODAY)}
    assert by_id == {busy: ([value], 1, 6, 2), idle: ([], 0, 0, 0)}


def test_open_tasks_due_by(goals: GoalStore) -> None:
    active, paused = goal(goals, "Active"), goal(goals, "Paused", status="paused")
    done_goal = goal(goals, "Done", status="done")
    dropped = goal(goals, "Dropped", status="abandoned", status_reason="no longer wanted")
    week_end = TODAY + timedelta(days=6)
    task(goals, active, "second on the day", TODAY)
    task(goals, active, "first on the day", TODAY)
    goals.move_task(goals.tasks(active)[1].id, -1)
    task(goals, paused, "long overdue", TODAY - timedelta(days=40))
    task(goals, active, "last day", week_end)
    task(goals, active, "too late", week_end + timedelta(days=1))
    task(goals, active, "undated")
    goals.set_task_done(task(goals, active, "already done", TODAY), True, TODAY)
    task(goals, done_goal, "under a done goal", TODAY)
    task(goals, dropped, "under an abandoned goal", TODAY)
    found = goals.open_tasks_due_by(week_end)
    assert [(t.title, title) for t, title in found] == [
        ("long overdue", "Paused"),
        ("first on the day", "Active"),
        ("second on the day", "Active"),
        ("last day", "Active"),
    ]
    assert all(not t.done and t.due is not None for t, _ in found)


def test_progress_history_oldest_first(goals: GoalStore) -> None:
    goal_id = goal(goals, "Run 10k")
    assert goals.last_progress(goal_id) is None and goals.progress(goal_id) == []
    goals.add_progress(goal_id, 40, NOW)
    goals.add_progress(goal_id, 20, NOW - timedelta(days=7))  # written late, happened earlier
    goals.add_progress(goal_id, 60, NOW + timedelta(days=7))
    assert [p.percent for p in goals.progress(goal_id)] == [20, 40, 60]
    assert goals.last_progress(goal_id) == 60
    with pytest.raises(NotFoundError):
        goals.add_progress(999, 10, NOW)


def test_bulk_writes_append_in_order(goals: GoalStore) -> None:
    goal_id = goal(goals, "Import me")
    task(goals, goal_id, "existing")
    count = goals.add_tasks([(TaskInput(goal_id=goal_id, title="a"), True, TODAY),
                             (TaskInput(goal_id=goal_id, title="b"), False, TODAY)], NOW)
    assert count == 2
    assert [(t.title, t.position, t.done, t.done_on) for t in goals.tasks(goal_id)] == [
        ("existing", 1, False, None), ("a", 2, True, TODAY), ("b", 3, False, None),
    ]
    assert goals.add_progress_many([(goal_id, 5.0, NOW), (goal_id, 9.5, NOW)]) == 2
    assert goals.last_progress(goal_id) == 9.5


# -- the minimal API the Values tab uses ------------------------------------------


def test_legacy_add_goal_and_set_status_still_work(goals: GoalStore) -> None:
    goal_id = goals.add_goal("Old style", "long", "paused", [], NOW)
    goals.set_status(goal_id, "active")
    fetched = goals.get(goal_id)
    assert fetched is not None and (fetched.horizon, fetched.status) == ("long", "active")
    # set_status asks no reason; the goal must still be readable, and listed.
    goals.set_status(goal_id, "abandoned")
    fetched = goals.get(goal_id)
    assert fetched is not None and (fetched.status, fetched.status_reason) == ("abandoned", "")
    assert [g.id for g, *_ in goals.summaries(TODAY)] == [goal_id]


# -- timeline events ------------------------------------------------------------


def test_timeline_events_are_read_in_date_order(repo: Repository) -> None:
    later = repo.timeline.add_event(date(2024, 5, 1), "Promoted", "role change", now=NOW)
    first = repo.timeline.add_event(date(2015, 9, 1), "First job", "role change",
                                    what="Junior analyst", lesson="Ask early",
                                    precision="month", now=NOW)
    auto = repo.timeline.add_event(occurred_on=TODAY, title="Goal completed: X",
                                   kind="milestone", source="goal", source_id=7, now=NOW)
    events = repo.timeline.events()
    assert [e.id for e in events] == [first, later, auto]
    expected: dict[str, Any] = {
        "id": first, "occurred_on": date(2015, 9, 1), "precision": "month",
        "title": "First job", "kind": "role change", "what": "Junior analyst",
        "lesson": "Ask early", "source": "user", "source_id": None,
        "value_ids": [], "skill_ids": [], "created_at": NOW, "version": 1,
    }
    assert events[0].model_dump() == expected
    assert (events[2].source, events[2].source_id) == ("goal", 7)


def test_times_are_kept_to_the_second(goals: GoalStore) -> None:
    goal_id = goals.create(GoalInput(title="Precise"), datetime(2026, 3, 15, 9, 30, 5)).id
    fetched = goals.get(goal_id)
    assert fetched is not None and fetched.created_at == datetime(2026, 3, 15, 9, 30, 5)
