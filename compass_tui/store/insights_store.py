"""The sums behind Insights: entries and their ratings added up by the database, per
tag and per day, over a period; never every entry read into Python."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from sqlalchemy import (
    ColumnElement,
    DateTime,
    Select,
    bindparam,
    false,
    func,
    literal_column,
    or_,
    select,
    text,
)

from compass_tui.domain.entries import EntrySummary
from compass_tui.domain.insights import HIGH_RATING, Tally
from compass_tui.store.entries_store import SUMMARY_COLUMNS, SearchKind, summary_of
from compass_tui.store.insights_sql import (
    BEST_RUN,
    EARLIEST,
    FLOW_IN_FTS5,
    FLOW_IN_TSVECTOR,
    MONTH,
    RUN,
    TALLY_COLUMNS,
    as_date,
    flow_phrases,
    fts5_flow_match,
    tally,
    tsvector_flow_query,
)
from compass_tui.store.sessions import Sessions
from compass_tui.store.tables import EntryRow, TagRow, entry_tags

_RATED = or_(EntryRow.fulfilment.is_not(None), EntryRow.energy.is_not(None))
_TALLY_COLUMNS = tuple(literal_column(column) for column in TALLY_COLUMNS)


class InsightsStore:
    def __init__(self, sessions: Sessions, *, search: SearchKind) -> None:
        self._sessions = sessions
        self._search = search

    @staticmethod
    def _within(stmt: Select, start: datetime | None, end: datetime) -> Select:
        stmt = stmt.where(EntryRow.deleted_at.is_(None), EntryRow.entry_date < end)
        return stmt.where(EntryRow.entry_date >= start) if start is not None else stmt

    def first_day(self) -> date | None:
        """The day of the oldest live entry."""
        with self._sessions() as session:
            first = session.scalar(select(func.min(EntryRow.entry_date))
                                   .where(EntryRow.deleted_at.is_(None)))
        return first.date() if first is not None else None

    def run_back_from(self, day: date) -> int | None:
        """Consecutive written days ending on `day` (0: nothing written that day); None
        where the database has no recursive query written for it here."""
        sql = RUN.get(self._sessions.engine.dialect.name)
        if sql is None:
            return None
        at = day.isoformat() + " 00:00:00"
        with self._sessions() as session:
            return int(session.scalar(text(sql), {"day": at}) or 0)

    def overall(self, start: datetime | None, end: datetime) -> Tally:
        with self._sessions() as session:
            row = session.execute(self._within(select(*_TALLY_COLUMNS).select_from(EntryRow),
                                                start, end)).one()
        return tally("overall", row)

    def by_tag(self, start: datetime | None, end: datetime,
               leave_out: Sequence[str] = ()) -> list[Tally]:
        """Every tag carried in the period, with its entries' counts and sums."""
        stmt = (select(TagRow.name, *_TALLY_COLUMNS)
                .select_from(entry_tags)
                .join(EntryRow, EntryRow.id == entry_tags.c.entry_id)
                .join(TagRow, TagRow.id == entry_tags.c.tag_id)
                .group_by(TagRow.name))
        if leave_out:
            stmt = stmt.where(TagRow.name.not_in(list(leave_out)))
        with self._sessions() as session:
            rows = session.execute(self._within(stmt, start, end)).all()
        return [tally(name, rest) for name, *rest in rows]

    def by_month(self, start: datetime | None, end: datetime) -> list[Tally]:
        """Each month written in the period (key YYYY-MM), oldest first."""
        month = literal_column(
            MONTH["sqlite" if self._sessions.engine.dialect.name == "sqlite" else "postgresql"])
        stmt = select(month, *_TALLY_COLUMNS).group_by(month).order_by(month)
        with self._sessions() as session:
            rows = session.execute(self._within(stmt, start, end)).all()
        return [tally(str(key), rest) for key, *rest in rows]

    def best_run(self, start: datetime | None, end: datetime) -> int | None:
        """The most consecutive written days in the period; None where the database has
        no query written for it here."""
        sql = BEST_RUN.get(self._sessions.engine.dialect.name)
        if sql is None:
            return None
        stmt = text(sql).bindparams(bindparam("start", type_=DateTime()),
                                    bindparam("end", type_=DateTime()))
        with self._sessions() as session:
            return int(session.scalar(stmt, {"start": start or EARLIEST, "end": end}) or 0)

    def by_day(self, start: datetime | None, end: datetime) -> list[tuple[date, Tally]]:
        """Each day written in the period, oldest first, with its counts and sums."""
        day = func.date(EntryRow.entry_date)
        stmt = select(day, *_TALLY_COLUMNS).group_by(day).order_by(day)
        with self._sessions() as session:
            rows = session.execute(self._within(stmt, start, end)).all()
        found = []
        for value, *rest in rows:
            when = as_date(value)
            found.append((when, tally(when.isoformat(), rest)))
        return found

    # -- the entries behind a figure ----------------------------------------------------

    def entries(self, start: datetime | None, end: datetime, *, tag: str | None = None,
                rated_only: bool = True, limit: int = 500) -> list[tuple[EntrySummary,
                                                                         int | None,
                                                                         int | None]]:
        """Entries of the period (carrying `tag`, rated), newest first, with their
        fulfilment and energy."""
        stmt = select(*SUMMARY_COLUMNS, EntryRow.fulfilment, EntryRow.energy)
        if tag is not None:
            stmt = stmt.where(EntryRow.id.in_(
                select(entry_tags.c.entry_id).join(TagRow, TagRow.id == entry_tags.c.tag_id)
                .where(TagRow.name == tag)))
        if rated_only:
            stmt = stmt.where(_RATED)
        stmt = (self._within(stmt, start, end)
                .order_by(EntryRow.entry_date.desc(), EntryRow.id.desc()).limit(limit))
        with self._sessions() as session:
            return [(summary_of(row), row.fulfilment, row.energy)
                    for row in session.execute(stmt)]

    def moments(self, start: datetime | None, end: datetime, limit: int = 6
                ) -> list[tuple[EntrySummary, int | None, int | None, str]]:
        """Entries worth rereading: the newest rated 5 for fulfilment or energy, and the
        newest that say the writer was absorbed ("lost track of time"); with their
        ratings and their text (to name the reason)."""
        columns = (*SUMMARY_COLUMNS, EntryRow.fulfilment, EntryRow.energy, EntryRow.body)
        order = (EntryRow.entry_date.desc(), EntryRow.id.desc())
        high = or_(EntryRow.fulfilment >= HIGH_RATING, EntryRow.energy >= HIGH_RATING)
        found: dict[int, tuple[EntrySummary, int | None, int | None, str]] = {}
        with self._sessions() as session:
            for where in (self._flow(), high):
                stmt = self._within(select(*columns).where(where), start, end)
                for row in session.execute(stmt.order_by(*order).limit(limit)):
                    found.setdefault(row.id, (summary_of(row), row.fulfilment, row.energy,
                                              f"{row.title}\n{row.body}"))
        return sorted(found.values(), key=lambda m: (m[0].entry_date, m[0].id), reverse=True)

    def _flow(self) -> ColumnElement[bool]:
        """Entries holding a flow phrase, through the database's own search index."""
        phrases = flow_phrases()
        if not phrases:
            return false()
        if self._search == "fts5":
            return text(FLOW_IN_FTS5).bindparams(flow_match=fts5_flow_match())
        if self._search == "tsvector":
            return text(FLOW_IN_TSVECTOR).bindparams(flow_query=tsvector_flow_query())
        padded = " " + EntryRow.search_text + " "
        return or_(*(padded.like(f"% {' '.join(p)} %") for p in phrases))
