"""Imported goals with their value links, sub-goals (by the file's refs), tasks and
progress history. A goal already there (same title and horizon) is not written again:
its tasks are matched by title and the missing ones appended."""

from __future__ import annotations

from collections import defaultdict, deque
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, bindparam, func, select, update

from compass_tui.domain.import_records import GoalRecord, ImportBatch, ImportCounts
from compass_tui.domain.values import value_key
from compass_tui.store.import_rows import insert_all, insert_ids
from compass_tui.store.tables import GoalRow, ProgressRow, TaskRow, goal_values


def _goal_row(goal: GoalRecord, now: datetime) -> dict[str, Any]:
    return {
        "title": goal.title, "horizon": goal.horizon, "status": goal.status,
        "status_reason": goal.status_reason, "specific": goal.specific,
        "metric": goal.metric, "unit": goal.unit, "start_value": goal.start_value,
        "target_value": goal.target_value, "current_value": goal.current_value,
        "resources": goal.resources, "obstacles": goal.obstacles, "why": goal.why,
        "start_date": goal.start, "due_date": goal.due, "parent_id": None, "tag": goal.tag,
        # The file does not say when a goal was completed: the import is the best guess.
        "done_at": now if goal.status == "done" else None,
        "created_at": now, "updated_at": now,
    }


def write_goals(conn: Connection, batch: ImportBatch, value_ids: dict[str, int],
                skill_ids: dict[str, int], now: datetime, counts: ImportCounts) -> None:
    # Goals sharing a title and horizon are matched one to one, oldest first, so a file
    # holding two "Learn Rust" goals finds both again (with their own tasks).
    existing: dict[tuple[str, str], deque[int]] = defaultdict(deque)
    for goal_id, title, horizon in conn.execute(
            select(GoalRow.id, GoalRow.title, GoalRow.horizon).order_by(GoalRow.id)):
        existing[(title, horizon)].append(goal_id)
    by_ref: dict[int, int] = {}
    new: list[GoalRecord] = []
    matched: list[tuple[GoalRecord, int]] = []
    for goal in batch.goals:
        same = existing.get((goal.title, goal.horizon))
        found = same.popleft() if same else None
        if found is None:
            new.append(goal)
        else:
            matched.append((goal, found))
            if goal.ref is not None:
                by_ref[goal.ref] = found
    new_ids = insert_ids(conn, GoalRow.__table__, [_goal_row(g, now) for g in new])
    by_ref.update((g.ref, i) for g, i in zip(new, new_ids, strict=True) if g.ref is not None)
    # Parents last: a file may name a parent after its sub-goal.
    parents = [{"goal": i, "parent": by_ref[g.parent]}
               for g, i in zip(new, new_ids, strict=True) if g.parent is not None]
    if parents:
        conn.execute(update(GoalRow).where(GoalRow.id == bindparam("goal"))
                     .values(parent_id=bindparam("parent")), parents)
    insert_all(conn, goal_values, [
        {"goal_id": goal_id, "value_id": value_id}
        for g, goal_id in zip(new, new_ids, strict=True)
        for value_id in dict.fromkeys(value_ids[value_key(name)] for name in g.values)])
    counts.add("goals", len(new), len(matched))

    tasks: list[dict[str, Any]] = []
    progress: list[dict[str, Any]] = []
    for goal, goal_id in zip(new, new_ids, strict=True):
        tasks += _task_rows(goal, goal_id, 1, set(), skill_ids, now)
        progress += [{"goal_id": goal_id, "percent": p.percent, "recorded_at": p.at}
                     for p in goal.progress]
    skipped = _matched_tasks(conn, matched, skill_ids, now, tasks)
    insert_all(conn, TaskRow.__table__, tasks)
    insert_all(conn, ProgressRow.__table__, progress)
    counts.add("tasks", len(tasks), skipped)


def _matched_tasks(conn: Connection, matched: list[tuple[GoalRecord, int]],
                   skill_ids: dict[str, int], now: datetime, out: list[dict[str, Any]]
                   ) -> int:
    """Tasks of goals already there: the missing ones appended; returns how many were
    there already."""
    if not matched:
        return 0
    goal_ids = list({goal_id for _, goal_id in matched})
    titles: dict[int, set[str]] = defaultdict(set)
    last: dict[int, int] = defaultdict(int)
    for goal_id, title in conn.execute(select(TaskRow.goal_id, TaskRow.title)
                                       .where(TaskRow.goal_id.in_(goal_ids))):
        titles[goal_id].add(title)
    for goal_id, position in conn.execute(
            select(TaskRow.goal_id, func.max(TaskRow.position))
            .where(TaskRow.goal_id.in_(goal_ids)).group_by(TaskRow.goal_id)):
        last[goal_id] = position
    skipped = 0
    for goal, goal_id in matched:
        rows = _task_rows(goal, goal_id, last[goal_id] + 1, titles[goal_id], skill_ids, now)
        skipped += len(goal.tasks) - len(rows)
        last[goal_id] += len(rows)
        out += rows
    return skipped


def _task_rows(goal: GoalRecord, goal_id: int, first: int, known: set[str],
               skill_ids: dict[str, int], now: datetime) -> list[dict[str, Any]]:
    fresh = [t for t in goal.tasks if t.title not in known]
    return [{"goal_id": goal_id, "title": t.title, "due": t.due, "done": t.done,
             "done_on": t.done_on if t.done else None,
             "skill_id": skill_ids[value_key(t.skill)] if t.skill else None,
             "position": position, "created_at": now}
            for position, t in enumerate(fresh, start=first)]
