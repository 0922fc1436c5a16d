"""Goals in a tree, linked to the values they serve; their tasks and progress history."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime
from typing import Any

from pydantic import ValidationError
from sqlalchemy import and_, case, delete, exists, func, literal, select
from sqlalchemy.orm import Session

from compass_tui.domain.goals import Goal, GoalInput, ProgressPoint, Task, TaskInput
from compass_tui.store.errors import check_version, version_guard
from compass_tui.store.rows import NotFoundError, get_row
from compass_tui.store.sessions import Sessions
from compass_tui.store.tables import (
    GoalRow,
    ProgressRow,
    SkillRow,
    TaskRow,
    ValueRow,
    goal_values,
)

CYCLE_MESSAGE = "a goal cannot sit under itself or one of its own sub-goals"
# The columns a Goal is made of (value_ids come from goal_values).
_GOAL_COLUMNS = tuple(GoalRow.__table__.columns)
_GOAL_KEYS = tuple(column.key for column in _GOAL_COLUMNS)
_TASK_COLUMNS = tuple(TaskRow.__table__.columns)
_TASK_KEYS = tuple(column.key for column in _TASK_COLUMNS)
# Linked values in the order of the ranking; retired ones (no rank) last.
_VALUE_LINKS = (
    select(goal_values.c.goal_id, goal_values.c.value_id)
    .join(ValueRow, ValueRow.id == goal_values.c.value_id)
    .order_by(ValueRow.rank.is_(None), ValueRow.rank, goal_values.c.value_id)
)
# Open tasks: `done = 0` (not `IS 0`) so SQLite can use ix_tasks_open_due.
_OPEN = TaskRow.done == literal(False)


def _goal(row: Sequence[Any], value_ids: list[int]) -> Goal:
    """A goal from a row of _GOAL_COLUMNS (zip into a dict: the fastest way into pydantic)."""
    fields = dict(zip(_GOAL_KEYS, row, strict=True), value_ids=value_ids)
    try:
        return Goal.model_validate(fields)
    except ValidationError:
        # A row the form would refuse today (set_status("abandoned") gives no
        # reason): show it as stored rather than break the whole list over it.
        return Goal.model_construct(**fields)


def _task(row: Mapping[str, Any] | TaskRow) -> Task:
    return Task.model_validate(dict(row) if isinstance(row, Mapping) else row)


def _unique(ids: Iterable[int]) -> list[int]:
    return list(dict.fromkeys(ids))


class GoalStore:
    """Goals and the values they serve, tasks under goals, and progress over time."""

    def __init__(self, sessions: Sessions) -> None:
        self._sessions = sessions

    # -- the minimal API the Values tab's alignment tests use ---------------------

    def add_goal(self, title: str, horizon: str, status: str, value_ids: list[int],
                 now: datetime) -> int:
        with self._sessions.begin() as session:
            row = GoalRow(title=title, horizon=horizon, status=status, created_at=now,
                          updated_at=now)
            session.add(row)
            session.flush()
            if value_ids:
                session.execute(goal_values.insert(),
                                [{"goal_id": row.id, "value_id": v} for v in value_ids])
            return row.id

    def set_status(self, goal_id: int, status: str) -> None:
        with self._sessions.begin() as session:
            row = session.get(GoalRow, goal_id)
            if row is None:
                raise NotFoundError(f"no goal {goal_id}")
            row.status = status

    def unlink_all(self, goal_id: int) -> None:
        with self._sessions.begin() as session:
            session.execute(delete(goal_values).where(goal_values.c.goal_id == goal_id))

    # -- goals: writes ------------------------------------------------------------

    def create(self, data: GoalInput, now: datetime) -> Goal:
        with self._sessions.begin() as session:
            if data.parent_id is not None:
                get_row(session, GoalRow, data.parent_id, "goal")
            row = GoalRow(created_at=now)
            self._apply(row, data, now)
            session.add(row)
            session.flush()
            self._link_values(session, row.id, data.value_ids)
            return self._written(session, row.id)

    def update(self, goal_id: int, data: GoalInput, now: datetime,
               expected_version: int | None = None) -> Goal:
        """Replace the goal's fields and value links; the tree must stay a tree. Saved
        only over the version the form read (ChangedElsewhereError otherwise)."""
        with version_guard("goal"), self._sessions.begin() as session:
            row = get_row(session, GoalRow, goal_id, "goal")
            check_version(row, expected_version, "goal")
            if data.parent_id is not None:
                if data.parent_id == goal_id or data.parent_id in self._descendants(
                        session, goal_id):
                    raise ValueError(CYCLE_MESSAGE)
                get_row(session, GoalRow, data.parent_id, "goal")
            self._apply(row, data, now)
            session.execute(delete(goal_values).where(goal_values.c.goal_id == goal_id))
            self._link_values(session, goal_id, data.value_ids)
            return self._written(session, goal_id)

    def delete(self, goal_id: int) -> None:
        """Tasks, progress and value links go with it; sub-goals stay, without a parent."""
        with self._sessions.begin() as session:
            # Core DELETE: the database's ON DELETE rules do the rest in one statement.
            result = session.execute(delete(GoalRow).where(GoalRow.id == goal_id))
            if result.rowcount == 0:
                raise NotFoundError(f"no goal {goal_id}")

    @staticmethod
    def _apply(row: GoalRow, data: GoalInput, now: datetime) -> None:
        fields = data.model_dump(exclude={"value_ids"})
        was_done = row.status == "done"
        for key, value in fields.items():
            setattr(row, key, value)
        # done_at marks the completion: kept through later edits, cleared on reopening.
        if data.status != "done":
            row.done_at = None
        elif not was_done or row.done_at is None:
            row.done_at = now
        row.updated_at = now

    def _link_values(self, session: Session, goal_id: int, value_ids: list[int]) -> None:
        ids = _unique(value_ids)
        if not ids:
            return
        known = set(session.scalars(select(ValueRow.id).where(ValueRow.id.in_(ids))))
        unknown = [v for v in ids if v not in known]
        if unknown:
            raise NotFoundError(f"no value {unknown[0]}")
        session.execute(goal_values.insert(),
                        [{"goal_id": goal_id, "value_id": v} for v in ids])

    # -- goals: reads ---------------------------------------------------------------

    def get(self, goal_id: int) -> Goal | None:
        with self._sessions() as session:
            return self._read(session, goal_id)

    def all_goals(self) -> list[Goal]:
        """Every goal (value_ids filled), oldest first: two queries."""
        with self._sessions() as session:
            return self._all(session)

    def summaries(self, today: date) -> list[tuple[Goal, int, int, int]]:
        """Every goal with (tasks done, tasks in all, overdue tasks), oldest goal first.

        Three queries whatever the number of goals: the goals, the value links,
        the task counts grouped by goal. The tab repaints from this.
        """
        overdue = case((and_(_OPEN, TaskRow.due < today), 1), else_=0)
        counts_stmt = (select(TaskRow.goal_id,
                              func.sum(case((TaskRow.done, 1), else_=0)),
                              func.count(),
                              func.sum(overdue))
                       .group_by(TaskRow.goal_id))
        with self._sessions() as session:
            goals = self._all(session)
            counts = {goal_id: (int(done), int(total), int(late)) for goal_id, done, total, late
                      in session.connection().execute(counts_stmt).all()}
        return [(goal, *counts.get(goal.id, (0, 0, 0))) for goal in goals]

    @staticmethod
    def _all(session: Session) -> list[Goal]:
        # Core execution on the session's connection: these plain-column selects
        # need none of the ORM's result machinery, and the tab repaints from them.
        conn = session.connection()
        rows = conn.execute(select(*_GOAL_COLUMNS).order_by(GoalRow.id)).all()
        links: dict[int, list[int]] = defaultdict(list)
        for goal_id, value_id in conn.execute(_VALUE_LINKS).all():  # .all(): one fetch
            links[goal_id].append(value_id)
        return [_goal(row, links.get(row.id, [])) for row in rows]

    def descendants(self, goal_id: int) -> set[int]:
        """Ids of the goal's sub-goals, their sub-goals, and so on (not the goal itself)."""
        with self._sessions() as session:
            return self._descendants(session, goal_id)

    @staticmethod
    def _descendants(session: Session, goal_id: int) -> set[int]:
        # A recursive CTE: one query for the whole subtree. UNION (not UNION ALL)
        # stops even if a cycle was ever written by hand.
        tree = select(GoalRow.id).where(GoalRow.parent_id == goal_id).cte(
            "subtree", recursive=True)
        tree = tree.union(select(GoalRow.id).join(tree, GoalRow.parent_id == tree.c.id))
        return set(session.scalars(select(tree.c.id))) - {goal_id}

    @staticmethod
    def _read(session: Session, goal_id: int) -> Goal | None:
        row = session.execute(select(*_GOAL_COLUMNS).where(GoalRow.id == goal_id)).one_or_none()
        if row is None:
            return None
        value_ids = list(session.scalars(
            _VALUE_LINKS.with_only_columns(goal_values.c.value_id)
            .where(goal_values.c.goal_id == goal_id)))
        return _goal(row, value_ids)

    def _written(self, session: Session, goal_id: int) -> Goal:
        """The goal as just written in this transaction."""
        session.flush()
        goal = self._read(session, goal_id)
        if goal is None:  # cannot happen after our own write; keeps the type honest
            raise NotFoundError(f"no goal {goal_id}")
        return goal

    # -- tasks --------------------------------------------------------------------

    def tasks(self, goal_id: int) -> list[Task]:
        with self._sessions() as session:
            return [_task(row) for row in self._task_rows(session, goal_id)]

    def all_tasks(self) -> dict[int, list[Task]]:
        """Every task by goal id, in position order (one query, for export)."""
        found: dict[int, list[Task]] = defaultdict(list)
        with self._sessions() as session:
            stmt = select(*_TASK_COLUMNS).order_by(TaskRow.goal_id, TaskRow.position,
                                                   TaskRow.id)
            for row in session.execute(stmt).mappings():
                found[row["goal_id"]].append(_task(row))
        return dict(found)

    def get_task(self, task_id: int) -> Task | None:
        with self._sessions() as session:
            row = session.get(TaskRow, task_id)
            return _task(row) if row else None

    def add_task(self, data: TaskInput, now: datetime) -> Task:
        """A new task goes to the end of its goal's list."""
        with self._sessions.begin() as session:
            self._check_task_links(session, data)
            row = TaskRow(goal_id=data.goal_id, title=data.title, due=data.due,
                          skill_id=data.skill_id, done=False, created_at=now,
                          position=self._next_position(session, data.goal_id))
            session.add(row)
            session.flush()
            return _task(row)

    def add_tasks(self, items: Iterable[tuple[TaskInput, bool, date | None]],
                  now: datetime) -> int:
        """Many (task, done, done_on) in one transaction (import, benchmarks), each
        appended to its goal's list."""
        count = 0
        with self._sessions.begin() as session:
            next_position: dict[int, int] = {}
            batch: list[dict[str, Any]] = []
            for data, done, done_on in items:
                if data.goal_id not in next_position:
                    get_row(session, GoalRow, data.goal_id, "goal")
                    next_position[data.goal_id] = self._next_position(session, data.goal_id)
                batch.append({"goal_id": data.goal_id, "title": data.title, "due": data.due,
                              "skill_id": data.skill_id, "done": done,
                              "done_on": done_on if done else None,
                              "position": next_position[data.goal_id], "created_at": now})
                next_position[data.goal_id] += 1
                count += 1
            if batch:
                session.execute(TaskRow.__table__.insert(), batch)
        return count

    def update_task(self, task_id: int, data: TaskInput,
                    expected_version: int | None = None) -> Task:
        """New title, due date, skill; a new goal_id moves the task to the end of that goal.
        Saved only over the version the form read (ChangedElsewhereError otherwise)."""
        with version_guard("task"), self._sessions.begin() as session:
            row = self._task_row(session, task_id)
            check_version(row, expected_version, "task")
            self._check_task_links(session, data)
            row.title, row.due, row.skill_id = data.title, data.due, data.skill_id
            if data.goal_id != row.goal_id:
                old_goal = row.goal_id
                row.position = self._next_position(session, data.goal_id)
                row.goal_id = data.goal_id
                session.flush()
                self._renumber(self._task_rows(session, old_goal))
            session.flush()
            return _task(row)

    def delete_task(self, task_id: int) -> None:
        with self._sessions.begin() as session:
            row = self._task_row(session, task_id)
            goal_id = row.goal_id
            session.delete(row)
            session.flush()
            self._renumber(self._task_rows(session, goal_id))

    def set_task_done(self, task_id: int, done: bool, on: date | None) -> Task:
        """Tick or untick; an open task has no done date."""
        with self._sessions.begin() as session:
            row = self._task_row(session, task_id)
            row.done, row.done_on = done, on if done else None
            session.flush()
            return _task(row)

    def move_task(self, task_id: int, delta: int) -> None:
        """Up (negative) or down (positive) its goal's list, clamped; positions stay 1..N."""
        with self._sessions.begin() as session:
            row = self._task_row(session, task_id)
            order = [r for r in self._task_rows(session, row.goal_id) if r.id != task_id]
            current = row.position - 1
            order.insert(max(0, min(current + delta, len(order))), row)
            self._renumber(order)

    def open_tasks_due_by(self, last_day: date, horizon: str | None = None,
                          value_id: int | None = None) -> list[tuple[Task, str]]:
        """Open dated tasks due on or before last_day under active or paused goals (of
        this horizon, serving this value, when given), with their goal's title: soonest
        (most overdue) first. One indexed query."""
        stmt = (select(*_TASK_COLUMNS, GoalRow.title.label("goal_title"))
                .join(GoalRow, GoalRow.id == TaskRow.goal_id)
                .where(_OPEN, TaskRow.due.is_not(None), TaskRow.due <= last_day,
                       GoalRow.status.in_(("active", "paused")))
                .order_by(TaskRow.due, TaskRow.goal_id, TaskRow.position, TaskRow.id))
        if horizon is not None:
            stmt = stmt.where(GoalRow.horizon == horizon)
        if value_id is not None:
            stmt = stmt.where(exists().where(goal_values.c.goal_id == GoalRow.id,
                                             goal_values.c.value_id == value_id))
        with self._sessions() as session:
            rows = session.connection().execute(stmt).all()
        # zip stops at the task's columns; the goal's title rides last in the row.
        return [(_task(dict(zip(_TASK_KEYS, row, strict=False))), row.goal_title)
                for row in rows]

    @staticmethod
    def _task_rows(session: Session, goal_id: int) -> list[TaskRow]:
        return list(session.scalars(select(TaskRow).where(TaskRow.goal_id == goal_id)
                                    .order_by(TaskRow.position, TaskRow.id)))

    @staticmethod
    def _renumber(order: list[TaskRow]) -> None:
        for position, row in enumerate(order, start=1):
            if row.position != position:
                row.position = position

    @staticmethod
    def _next_position(session: Session, goal_id: int) -> int:
        last = session.scalar(select(func.max(TaskRow.position))
                              .where(TaskRow.goal_id == goal_id))
        return (last or 0) + 1

    def _check_task_links(self, session: Session, data: TaskInput) -> None:
        get_row(session, GoalRow, data.goal_id, "goal")
        if data.skill_id is not None and session.get(SkillRow, data.skill_id) is None:
            raise NotFoundError(f"no skill {data.skill_id}")

    @staticmethod
    def _task_row(session: Session, task_id: int) -> TaskRow:
        row = session.get(TaskRow, task_id)
        if row is None:
            raise NotFoundError(f"no task {task_id}")
        return row

    # -- progress -----------------------------------------------------------------

    def add_progress(self, goal_id: int, percent: float, at: datetime) -> None:
        with self._sessions.begin() as session:
            get_row(session, GoalRow, goal_id, "goal")
            session.add(ProgressRow(goal_id=goal_id, percent=percent, recorded_at=at))

    def add_progress_many(self, points: Iterable[tuple[int, float, datetime]]) -> int:
        """(goal_id, percent, at) rows in one transaction (import, benchmarks)."""
        batch = [{"goal_id": g, "percent": p, "recorded_at": at} for g, p, at in points]
        if batch:
            with self._sessions.begin() as session:
                session.execute(ProgressRow.__table__.insert(), batch)
        return len(batch)

    def progress(self, goal_id: int) -> list[ProgressPoint]:
        """The goal's progress history, oldest first."""
        stmt = (select(ProgressRow.percent, ProgressRow.recorded_at)
                .where(ProgressRow.goal_id == goal_id)
                .order_by(ProgressRow.recorded_at, ProgressRow.id))
        with self._sessions() as session:
            return [ProgressPoint(percent=p, recorded_at=at) for p, at in session.execute(stmt)]

    def all_progress(self) -> dict[int, list[ProgressPoint]]:
        """Every goal's history by goal id, oldest first (one query, for export)."""
        found: dict[int, list[ProgressPoint]] = defaultdict(list)
        stmt = (select(ProgressRow.goal_id, ProgressRow.percent, ProgressRow.recorded_at)
                .order_by(ProgressRow.goal_id, ProgressRow.recorded_at, ProgressRow.id))
        with self._sessions() as session:
            for goal_id, percent, at in session.execute(stmt):
                found[goal_id].append(ProgressPoint(percent=percent, recorded_at=at))
        return dict(found)

    def last_progress(self, goal_id: int) -> float | None:
        stmt = (select(ProgressRow.percent).where(ProgressRow.goal_id == goal_id)
                .order_by(ProgressRow.recorded_at.desc(), ProgressRow.id.desc()).limit(1))
        with self._sessions() as session:
            return session.scalar(stmt)
