"""GoalsService over a real SQLite file: progress history, undo, milestones, views, export."""

from collections.abc import Iterator
from datetime import date, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import event

from compass_tui.domain.assessment import SkillInput
from compass_tui.domain.entries import EntryInput
from compass_tui.domain.goals import GoalInput, TaskInput
from compass_tui.domain.values import ValueInput
from compass_tui.services.goals import GoalsService
from compass_tui.store.repository import Repository
from tests.conftest import NOW, fixed_clock

TODAY = NOW.date()


class Clock:
    """A clock the test can move."""

    def __init__(self, now: datetime = NOW) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def service(repo: Repository) -> GoalsService:
    return GoalsService(repo, fixed_clock)


def new_goal(service: GoalsService, title: str, **fields: Any) -> int:
    return service.create(GoalInput(title=title, **fields)).id


def new_task(service: GoalsService, goal_id: int, title: str, due: date | None = None) -> int:
    return service.add_task(TaskInput(goal_id=goal_id, title=title, due=due)).id


def percents(service: GoalsService, goal_id: int) -> list[float]:
    return [p.percent for p in service.progress_history(goal_id)]


def summary_of(service: GoalsService, goal_id: int) -> Any:
    return next(s for s in service.summaries() if s.goal.id == goal_id)


# -- progress -------------------------------------------------------------------


def test_ticking_two_of_three_tasks_is_66_7_percent_recorded_once_per_change(
    repo: Repository, db_url: str,
) -> None:
    service = GoalsService(repo, fixed_clock)
    career = new_goal(service, "Move into engineering management", horizon="long")
    course = new_goal(service, "Finish a management course", parent_id=career)
    tasks = [new_task(service, course, f"Module {i}") for i in (1, 2, 3)]
    service.toggle_task(tasks[0])
    service.toggle_task(tasks[1])
    service.update(course, GoalInput(title="Finish the management course", parent_id=career))
    assert percents(service, course) == [0.0, 33.3, 66.7]  # the rename changed nothing
    assert percents(service, career) == [0.0]
    # After a restart (a new engine on the same file) the numbers are the same.
    repo.close()
    reopened = Repository.open(db_url)
    try:
        tree = GoalsService(reopened, fixed_clock).tree()
        assert [(s.goal.title, s.depth, s.progress, s.tasks_done, s.tasks_total)
                for s in tree] == [
            ("Move into engineering management", 0, 0.0, 0, 0),
            ("Finish the management course", 1, 66.7, 2, 3),
        ]
    finally:
        reopened.close()


def test_every_change_of_progress_is_recorded_with_its_date(repo: Repository) -> None:
    clock = Clock()
    service = GoalsService(repo, clock)
    goal_id = new_goal(service, "Read four books")
    first, second = new_task(service, goal_id, "Book 1"), new_task(service, goal_id, "Book 2")
    clock.now = NOW + timedelta(days=1)
    service.toggle_task(first)  # 50
    clock.now = NOW + timedelta(days=2)
    new_task(service, goal_id, "Book 3")  # 33.3
    new_task(service, goal_id, "Book 4")  # 25
    clock.now = NOW + timedelta(days=3)
    service.delete_task(second)  # 1 of 3: 33.3
    history = service.progress_history(goal_id)
    assert [(p.percent, p.recorded_at.day) for p in history] == [
        (0.0, 15), (50.0, 16), (33.3, 17), (25.0, 17), (33.3, 18),
    ]


def test_the_measure_beats_the_tasks(service: GoalsService) -> None:
    fields: dict[str, Any] = {"metric": "talks given", "start_value": 0, "target_value": 4,
                              "current_value": 1}
    goal_id = new_goal(service, "Speak at meetups", **fields)
    for name in ("Pick a topic", "Submit"):
        service.toggle_task(new_task(service, goal_id, name))  # all tasks done...
    assert summary_of(service, goal_id).progress == 25.0  # ...the measure still says 1 of 4
    assert percents(service, goal_id) == [25.0]
    service.update(goal_id, GoalInput(title="Speak at meetups", **{**fields, "current_value": 3}))
    assert percents(service, goal_id) == [25.0, 75.0]
    service.update(goal_id, GoalInput(title="Speak at meetups", **fields, status="done"))
    assert percents(service, goal_id) == [25.0, 75.0, 100.0]
    assert summary_of(service, goal_id).progress == 100.0


# -- toggles and undo -------------------------------------------------------------


def test_undo_reverses_the_last_toggle_and_restores_the_done_date(repo: Repository) -> None:
    clock = Clock()
    service = GoalsService(repo, clock)
    goal_id = new_goal(service, "Get certified")
    task_id = new_task(service, goal_id, "Book the exam")
    other = new_task(service, goal_id, "Study")
    assert service.undo_toggle() is None  # nothing toggled yet
    ticked = service.toggle_task(task_id)
    assert (ticked.done, ticked.done_on) == (True, TODAY)
    clock.now = NOW + timedelta(days=2)
    unticked = service.toggle_task(task_id)  # an accidental key press two days later
    assert (unticked.done, unticked.done_on) == (False, None)
    restored = service.undo_toggle()
    assert restored is not None and (restored.done, restored.done_on) == (True, TODAY)
    assert service.tasks(goal_id)[0].done_on == TODAY
    service.toggle_task(other)
    service.delete_task(other)  # a deleted task's toggle is forgotten
    again = service.undo_toggle()  # so this undoes the first tick
    assert again is not None and again.id == task_id and not again.done
    assert service.undo_toggle() is None
    assert percents(service, goal_id) == [0.0, 50.0, 0.0, 50.0, 100.0, 0.0]


def test_undo_belongs_to_the_service_instance(repo: Repository) -> None:
    first = GoalsService(repo, fixed_clock)
    goal_id = new_goal(first, "Learn Rust")
    first.toggle_task(new_task(first, goal_id, "Read the book"))
    assert GoalsService(repo, fixed_clock).undo_toggle() is None


# -- milestones -------------------------------------------------------------------


def milestones(repo: Repository) -> list[dict[str, Any]]:
    return [e.model_dump() for e in repo.timeline.events() if e.kind == "milestone"]


def test_completing_a_goal_records_exactly_one_milestone(
    service: GoalsService, repo: Repository,
) -> None:
    goal_id = new_goal(service, "Publish a paper")
    assert milestones(repo) == []
    service.update(goal_id, GoalInput(title="Publish a paper", status="done"))
    service.update(goal_id, GoalInput(title="Publish the paper", status="done",
                                      why="share what we learned"))  # edited while done
    events = milestones(repo)
    assert len(events) == 1
    assert {k: events[0][k] for k in ("occurred_on", "title", "source", "source_id")} == {
        "occurred_on": TODAY, "title": "Goal completed: Publish a paper", "source": "goal",
        "source_id": goal_id,
    }
    service.update(goal_id, GoalInput(title="Publish the paper", status="paused"))
    assert len(milestones(repo)) == 1
    born_done = new_goal(service, "Ran a half marathon", status="done")
    assert [e["source_id"] for e in milestones(repo)] == [goal_id, born_done]


def test_a_goal_is_not_done_without_its_milestone(
    service: GoalsService, repo: Repository, monkeypatch: pytest.MonkeyPatch,
) -> None:
    goal_id = new_goal(service, "Publish a paper")

    def fails(**_kwargs: object) -> None:
        raise OSError("disk I/O error")

    monkeypatch.setattr(repo.timeline, "add_event", fails)
    with pytest.raises(OSError):
        service.update(goal_id, GoalInput(title="Publish a paper", status="done"))
    monkeypatch.undo()
    assert service.get(goal_id).status == "active"  # the status change went back too
    service.update(goal_id, GoalInput(title="Publish a paper", status="done"))
    assert len(milestones(repo)) == 1


# -- views ----------------------------------------------------------------------


def test_this_week_lists_overdue_first_then_by_due_date(service: GoalsService) -> None:
    speaking = new_goal(service, "Speaking")
    reading = new_goal(service, "Reading", status="paused")
    closed = new_goal(service, "Closed", status="done")
    new_task(service, speaking, "in six days", TODAY + timedelta(days=6))
    new_task(service, speaking, "in a week", TODAY + timedelta(days=7))  # not this week
    new_task(service, reading, "yesterday", TODAY - timedelta(days=1))
    new_task(service, speaking, "today", TODAY)
    new_task(service, speaking, "last month", TODAY - timedelta(days=31))
    new_task(service, speaking, "someday")
    new_task(service, closed, "closed goal", TODAY)
    service.toggle_task(new_task(service, reading, "done already", TODAY))
    week = service.this_week()
    assert [(w.task.title, w.goal_title, w.overdue) for w in week] == [
        ("last month", "Speaking", True),
        ("yesterday", "Reading", True),
        ("today", "Speaking", False),
        ("in six days", "Speaking", False),
    ]


def test_this_week_follows_the_horizon_and_value_filters(service: GoalsService,
                                                       repo: Repository) -> None:
    growth = repo.values.add(ValueInput(name="Growth"), NOW).id
    long_goal = new_goal(service, "Career change", horizon="long", value_ids=[growth])
    short_goal = new_goal(service, "Course", horizon="short")
    new_task(service, long_goal, "apply", TODAY)
    new_task(service, short_goal, "enrol", TODAY)
    titles = lambda **f: [w.task.title for w in service.this_week(**f)]  # noqa: E731
    assert titles() == ["apply", "enrol"]
    assert titles(horizon="short") == ["enrol"]
    assert titles(value_id=growth) == ["apply"]
    assert titles(horizon="short", value_id=growth) == []


def test_lists_filter_and_sort(service: GoalsService, repo: Repository) -> None:
    growth = repo.values.add(ValueInput(name="Growth"), NOW).id
    new_goal(service, "b undated")
    new_goal(service, "Z later", due_date=date(2026, 9, 1), value_ids=[growth])
    new_goal(service, "a undated")
    new_goal(service, "Soon", due_date=date(2026, 4, 1), horizon="long")
    new_goal(service, "Paused", due_date=date(2026, 3, 20), status="paused")
    titles = [s.goal.title for s in service.by_due()]
    assert titles == ["Paused", "Soon", "Z later", "a undated", "b undated"]
    assert [s.goal.title for s in service.summaries()] == titles
    assert [s.goal.title for s in service.by_due(status={"active"}, horizon="short")] == [
        "Z later", "a undated", "b undated"]
    assert [s.goal.title for s in service.summaries(value_id=growth)] == ["Z later"]
    assert [s.goal.title for s in service.by_due(status={"paused", "done"})] == ["Paused"]


def test_tree_puts_long_term_roots_first_and_children_under_them(
    service: GoalsService,
) -> None:
    new_goal(service, "Loose short goal", due_date=date(2026, 4, 1))
    career = new_goal(service, "Career change", horizon="long", due_date=date(2027, 1, 1))
    course = new_goal(service, "Course", parent_id=career, due_date=date(2026, 6, 1))
    new_goal(service, "Portfolio", parent_id=course)
    new_goal(service, "Network", parent_id=career, due_date=date(2026, 5, 1),
             status="paused")
    new_goal(service, "Health", horizon="long")
    new_goal(service, "Late short goal", due_date=date(2026, 12, 1))
    tree = service.tree()
    assert [(s.goal.title, s.depth) for s in tree] == [
        ("Career change", 0), ("Network", 1), ("Course", 1), ("Portfolio", 2),
        ("Health", 0), ("Loose short goal", 0), ("Late short goal", 0),
    ]
    # A child whose parent is filtered out stands at the top level.
    active = service.tree(status={"active"})
    assert [(s.goal.title, s.depth) for s in active] == [
        ("Career change", 0), ("Course", 1), ("Portfolio", 2), ("Health", 0),
        ("Loose short goal", 0), ("Late short goal", 0),
    ]
    short = service.tree(horizon="short")
    assert [(s.goal.title, s.depth) for s in short] == [
        ("Loose short goal", 0), ("Network", 0), ("Course", 0), ("Portfolio", 1),
        ("Late short goal", 0),
    ]


def test_summaries_carry_the_smart_check_and_overdue_tasks(service: GoalsService) -> None:
    goal_id = new_goal(service, "Vague", due_date=TODAY - timedelta(days=1))
    new_task(service, goal_id, "late", TODAY - timedelta(days=2))
    summary = summary_of(service, goal_id)
    assert [(p.part, p.verdict) for p in summary.smart] == [
        ("S", "missing"), ("M", "missing"), ("A", "missing"), ("R", "missing"), ("T", "weak"),
    ]
    assert (summary.overdue_tasks, summary.tasks_total, summary.depth) == (1, 1, 0)


def test_parent_choices_exclude_the_goal_and_its_descendants(service: GoalsService) -> None:
    top = new_goal(service, "Top", horizon="long")
    child = new_goal(service, "Child", parent_id=top)
    grandchild = new_goal(service, "Grandchild", parent_id=child)
    sibling = new_goal(service, "Another long one", horizon="long")
    loose = new_goal(service, "A loose short one")
    assert [g.id for g in service.parent_choices(child)] == [sibling, top, loose]
    assert [g.id for g in service.parent_choices(top)] == [sibling, loose]
    assert [g.id for g in service.parent_choices(None)] == [
        sibling, top, loose, child, grandchild]
    with pytest.raises(ValueError, match="cannot sit under itself"):
        service.update(top, GoalInput(title="Top", horizon="long", parent_id=grandchild))


def test_journal_entries_by_tag_newest_first(service: GoalsService, repo: Repository) -> None:
    goal_id = new_goal(service, "Mentor juniors", tag="@Mentoring")
    untagged = new_goal(service, "No tag")
    day = datetime(2026, 3, 1, 8)
    for i, tags in enumerate([["mentoring"], ["other"], ["mentoring", "team"], ["mentoring"]]):
        repo.entries.add(EntryInput(entry_date=day + timedelta(days=i), title=f"Day {i}",
                                    tags=tags))
    trashed = repo.entries.add(EntryInput(entry_date=day + timedelta(days=9),
                                          title="Deleted", tags=["mentoring"]))
    repo.entries.trash(trashed.id)
    assert [e.title for e in service.journal_entries(goal_id)] == ["Day 3", "Day 2", "Day 0"]
    assert [e.title for e in service.journal_entries(goal_id, limit=1)] == ["Day 3"]
    assert service.journal_entries(untagged) == []


def test_skill_gaps_are_offered_for_learning_tasks(
    service: GoalsService, repo: Repository,
) -> None:
    gap = repo.skills.add(SkillInput(name="Kubernetes", category="technical", level=1,
                                     is_gap=True))
    repo.skills.add(SkillInput(name="Python", category="technical", level=5))
    assert [s.name for s in service.skill_gaps()] == ["Kubernetes"]
    goal_id = new_goal(service, "Run the cluster")
    learning = service.add_task(TaskInput(goal_id=goal_id, title="Course", skill_id=gap.id))
    assert service.tasks(goal_id)[0].skill_id == gap.id == learning.skill_id


# -- export -----------------------------------------------------------------------


def test_export_data_shape(service: GoalsService, repo: Repository) -> None:
    growth = repo.values.add(ValueInput(name="Growth"), NOW).id
    skill = repo.skills.add(SkillInput(name="SQL", category="technical", level=1,
                                       is_gap=True)).id
    child_first = new_goal(service, "Learn SQL")  # created before its parent
    parent = new_goal(service, "Become a data analyst", horizon="long",
                      start_date=date(2026, 1, 1), due_date=date(2026, 12, 31),
                      value_ids=[growth], tag="data", metric="courses", unit="courses",
                      start_value=0, target_value=3, current_value=1)
    service.update(child_first, GoalInput(title="Learn SQL", parent_id=parent))
    done = service.add_task(TaskInput(goal_id=child_first, title="Joins",
                                      due=date(2026, 3, 20), skill_id=skill))
    service.toggle_task(done.id)
    new_task(service, child_first, "Window functions")
    data = service.export_data()
    assert list(data) == ["goals"]
    top, child = data["goals"]  # parents before their sub-goals
    assert top == {
        "ref": 1, "title": "Become a data analyst", "horizon": "long", "due": "2026-12-31",
        "status": "active", "status_reason": "", "start": "2026-01-01", "specific": "",
        "metric": "courses", "unit": "courses", "start_value": 0.0, "target_value": 3.0,
        "current_value": 1.0, "resources": "", "obstacles": "", "why": "",
        "values": ["Growth"], "parent": None, "tag": "data", "tasks": [],
        "progress": [{"percent": 33.3, "at": "2026-03-15T09:30:00"}],
    }
    assert (child["ref"], child["parent"]) == (2, 1)  # by ref: titles can repeat
    assert child["tasks"] == [
        {"title": "Joins", "due": "2026-03-20", "done": True, "done_on": "2026-03-15",
         "skill": "SQL"},
        {"title": "Window functions", "due": None, "done": False, "done_on": None,
         "skill": None},
    ]
    assert [p["percent"] for p in child["progress"]] == [0.0, 100.0, 50.0]


# -- cost -------------------------------------------------------------------------


@pytest.fixture
def select_counter(repo: Repository) -> Iterator[list[str]]:
    statements: list[str] = []

    def count(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if statement.lstrip().upper().startswith(("SELECT", "WITH")):
            statements.append(statement)

    event.listen(repo.engine, "before_cursor_execute", count)
    yield statements
    event.remove(repo.engine, "before_cursor_execute", count)


def seed_goals(service: GoalsService, repo: Repository, count: int) -> None:
    values = [repo.values.add(ValueInput(name=f"Value {count} {i}"), NOW).id for i in range(3)]
    parent = None
    for i in range(count):
        goal_id = new_goal(service, f"Goal {count} {i}", parent_id=parent,
                           value_ids=values[: i % 4], due_date=TODAY + timedelta(days=i))
        for j in range(3):
            new_task(service, goal_id, f"Task {j}", TODAY + timedelta(days=j - 1))
        parent = goal_id if i % 5 == 0 else parent


def test_summaries_use_a_fixed_number_of_queries(
    service: GoalsService, repo: Repository, select_counter: list[str],
) -> None:
    seed_goals(service, repo, 5)
    select_counter.clear()
    assert len(service.summaries()) == 5
    few = len(select_counter)
    seed_goals(service, repo, 45)
    select_counter.clear()
    summaries = service.summaries()
    assert len(summaries) == 50
    assert len(select_counter) == few == 3  # goals, value links, task counts
    select_counter.clear()
    assert len(service.tree()) == 50 and len(select_counter) == 3
    select_counter.clear()
    service.this_week()
    assert len(select_counter) == 1
