"""Core values kept in a dense 1..N ranking, with every rank change recorded."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from compass_tui.domain.values import (
    Alignment,
    CoreValue,
    RankChange,
    ValueInput,
    ValuesOverview,
    value_key,
    value_tag,
)
from compass_tui.store.errors import (
    DuplicateNameError,
    check_version,
    name_guard,
    version_guard,
)
from compass_tui.store.rows import NotFoundError, get_row
from compass_tui.store.sessions import Sessions
from compass_tui.store.tables import (
    EntryRow,
    GoalRow,
    TagRow,
    ValueRankRow,
    ValueRow,
    entry_tags,
    goal_values,
)


def _value(row: ValueRow, session: Session | None = None) -> CoreValue:
    """The value as saved: pending changes flushed first, so its version is the new one."""
    if session is not None:
        session.flush()
    return CoreValue.model_validate(row)


class ValueStore:
    def __init__(self, sessions: Sessions) -> None:
        self._sessions = sessions

    # -- writes ---------------------------------------------------------------

    def add(self, data: ValueInput, now: datetime) -> CoreValue:
        """A new value goes to the bottom of the ranking."""
        with name_guard("value", data.name), self._sessions.begin() as session:
            self._check_free(session, data.name)
            active = self._active_rows(session)
            row = ValueRow(name=data.name, name_key=value_key(data.name), meaning=data.meaning,
                           why=data.why, rank=None, created_at=now, updated_at=now)
            session.add(row)
            session.flush()
            self._rerank(session, [*active, row], now)
            return _value(row, session)

    def update(self, value_id: int, data: ValueInput, now: datetime,
               expected_version: int | None = None) -> CoreValue:
        """Saved only over the version the form read (ChangedElsewhereError otherwise)."""
        with version_guard("value"), name_guard("value", data.name), \
                self._sessions.begin() as session:
            row = get_row(session, ValueRow, value_id, "value")
            check_version(row, expected_version, "value")
            if value_key(data.name) != row.name_key:
                self._check_free(session, data.name, but=value_id)
            row.name, row.name_key = data.name, value_key(data.name)
            row.meaning, row.why, row.updated_at = data.meaning, data.why, now
            return _value(row, session)

    def move_by(self, value_id: int, delta: int, now: datetime) -> CoreValue:
        """Up (negative) or down the ranking from where it is now, read in the same
        transaction, so a re-ranking saved meanwhile elsewhere is not undone."""
        with self._sessions.begin() as session:
            row = get_row(session, ValueRow, value_id, "value")
            if row.rank is None:
                return _value(row, session)
            order = [r for r in self._active_rows(session) if r.id != value_id]
            order.insert(max(0, min(row.rank - 1 + delta, len(order))), row)
            self._rerank(session, order, now)
            return _value(row, session)

    def move_to(self, value_id: int, rank: int, now: datetime) -> CoreValue:
        """Put a value at a rank (clamped to 1..N); the others close up around it."""
        with self._sessions.begin() as session:
            row = get_row(session, ValueRow, value_id, "value")
            if row.rank is None:
                raise NotFoundError(f"value {row.name!r} is retired; restore it first")
            order = [r for r in self._active_rows(session) if r.id != value_id]
            order.insert(max(0, min(rank - 1, len(order))), row)
            self._rerank(session, order, now)
            return _value(row, session)

    def retire(self, value_id: int, now: datetime) -> CoreValue:
        """Out of the ranking, kept with its history."""
        with self._sessions.begin() as session:
            row = get_row(session, ValueRow, value_id, "value")
            if row.rank is None:
                return _value(row, session)
            order = [r for r in self._active_rows(session) if r.id != value_id]
            row.rank, row.retired_at, row.updated_at = None, now, now
            session.add(ValueRankRow(value_id=row.id, rank=None, recorded_at=now))
            self._rerank(session, order, now)
            return _value(row, session)

    def restore(self, value_id: int, now: datetime) -> CoreValue:
        """Back into the ranking, at the bottom."""
        with self._sessions.begin() as session:
            row = get_row(session, ValueRow, value_id, "value")
            if row.rank is not None:
                return _value(row, session)
            row.retired_at, row.updated_at = None, now
            self._rerank(session, [*self._active_rows(session), row], now)
            return _value(row, session)

    def delete(self, value_id: int, now: datetime) -> None:
        """Gone for good, history included; the rest of the ranking closes up."""
        with self._sessions.begin() as session:
            row = get_row(session, ValueRow, value_id, "value")
            order = [r for r in self._active_rows(session) if r.id != value_id]
            session.delete(row)
            session.flush()
            self._rerank(session, order, now)

    def _rerank(self, session: Session, order: list[ValueRow], now: datetime) -> None:
        """Number the given rows 1..N, recording each value whose rank changed."""
        for rank, row in enumerate(order, start=1):
            if row.rank != rank:
                row.rank = rank
                session.add(ValueRankRow(value_id=row.id, rank=rank, recorded_at=now))

    # -- reads ----------------------------------------------------------------

    def active(self) -> list[CoreValue]:
        with self._sessions() as session:
            return [_value(row) for row in self._active_rows(session)]

    def retired(self) -> list[CoreValue]:
        with self._sessions() as session:
            rows = session.scalars(select(ValueRow).where(ValueRow.rank.is_(None))
                                   .order_by(ValueRow.retired_at.desc()))
            return [_value(row) for row in rows]

    def get(self, value_id: int) -> CoreValue | None:
        with self._sessions() as session:
            row = session.get(ValueRow, value_id)
            return _value(row) if row else None

    def history(self, value_id: int | None = None) -> list[RankChange]:
        """Every rank change (of one value, or of all), oldest first."""
        with self._sessions() as session:
            stmt = (select(ValueRankRow.value_id, ValueRow.name, ValueRankRow.rank,
                           ValueRankRow.recorded_at)
                    .join(ValueRow, ValueRow.id == ValueRankRow.value_id)
                    .order_by(ValueRankRow.recorded_at, ValueRankRow.id))
            if value_id is not None:
                stmt = stmt.where(ValueRankRow.value_id == value_id)
            return [RankChange(value_id=v, name=n, rank=r, recorded_at=t)
                    for v, n, r, t in session.execute(stmt)]

    def overview(self, tag_of: Callable[[str], str], since: datetime) -> ValuesOverview:
        """Everything the Values section shows, read in one session."""
        with self._sessions() as session:
            active = self._active_rows(session)
            retired = session.scalars(select(ValueRow).where(ValueRow.rank.is_(None))
                                      .order_by(ValueRow.retired_at.desc()))
            tags = {row.id: tag_of(row.name) for row in active}
            return ValuesOverview(
                active=[_value(row) for row in active],
                retired=[_value(row) for row in retired],
                alignment=self._alignment(session, active, tags, since),
            )

    def alignment(self, tag_of: Callable[[str], str], since: datetime) -> list[Alignment]:
        """Per ranked value: active goals linked to it, and entries tagged with it since.

        tag_of gives a value's journal tag (the rule lives in the domain).
        """
        with self._sessions() as session:
            active = self._active_rows(session)
            tags = {row.id: tag_of(row.name) for row in active}
            return self._alignment(session, active, tags, since)

    @staticmethod
    def _alignment(session: Session, active: list[ValueRow], tags: dict[int, str],
                   since: datetime) -> list[Alignment]:
        goals = dict(session.execute(
            select(goal_values.c.value_id, func.count())
            .join(GoalRow, GoalRow.id == goal_values.c.goal_id)
            .where(GoalRow.status == "active")
            .group_by(goal_values.c.value_id)
        ).all())
        entries = dict(session.execute(
            select(TagRow.name, func.count())
            .join(entry_tags, entry_tags.c.tag_id == TagRow.id)
            .join(EntryRow, EntryRow.id == entry_tags.c.entry_id)
            .where(TagRow.name.in_(set(tags.values())),
                   EntryRow.deleted_at.is_(None), EntryRow.entry_date >= since)
            .group_by(TagRow.name)
        ).all())
        return [
            Alignment(value_id=row.id, name=row.name, rank=row.rank,
                      active_goals=goals.get(row.id, 0),
                      recent_entries=entries.get(tags.get(row.id, ""), 0))
            for row in active
        ]

    # -- helpers --------------------------------------------------------------

    @staticmethod
    def _active_rows(session: Session) -> list[ValueRow]:
        return list(session.scalars(
            select(ValueRow).where(ValueRow.rank.is_not(None)).order_by(ValueRow.rank)
        ))

    @staticmethod
    def _check_free(session: Session, name: str, but: int | None = None) -> None:
        """One value per name, and per journal tag ("Work-Life Balance" and
        "Work Life Balance" would both count @work-life-balance)."""
        tag = value_tag(name)
        for row in session.scalars(select(ValueRow).where(ValueRow.id != (but or 0))):
            if row.name_key == value_key(name):
                raise DuplicateNameError("value", row.name)
            if value_tag(row.name) == tag:
                raise ValueError(f"'{row.name}' already uses the journal tag @{tag}")
