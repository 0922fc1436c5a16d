"""Moments of the professional journey; the app adds some itself (a goal completed, a
check-in's lesson, a value re-ranking). Links to values and skills live in two
association tables, read with one query each."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date, datetime

from sqlalchemy import case, delete, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified

from compass_tui.domain.timeline import EventInput, TimelineEvent
from compass_tui.store.errors import check_version, version_guard
from compass_tui.store.rows import get_row
from compass_tui.store.sessions import Sessions
from compass_tui.store.tables import (
    TimelineEventRow,
    timeline_event_skills,
    timeline_event_values,
)

# Less precise first on the same day: "2019" heads its year, "Mar 2019" its month.
_PRECISION_RANK = case({"year": 0, "month": 1}, value=TimelineEventRow.precision, else_=2)


class TimelineStore:
    def __init__(self, sessions: Sessions) -> None:
        self._sessions = sessions

    # -- writes -------------------------------------------------------------------

    def add_event(self, occurred_on: date, title: str, kind: str, what: str = "",
                  lesson: str = "", source: str = "user", source_id: int | None = None,
                  precision: str = "day", *, now: datetime) -> int:
        """An event the app records itself (no links)."""
        with self._sessions.begin() as session:
            row = TimelineEventRow(occurred_on=occurred_on, precision=precision, title=title,
                                   kind=kind, what=what, lesson=lesson, source=source,
                                   source_id=source_id, created_at=now)
            session.add(row)
            session.flush()
            return row.id

    def add(self, data: EventInput, now: datetime) -> TimelineEvent:
        with self._sessions.begin() as session:
            row = self._insert(session, data, now)
            return self._event(session, row)

    def add_many(self, items: Iterable[EventInput], now: datetime) -> int:
        """All in one transaction: every event is written, or none."""
        count = 0
        with self._sessions.begin() as session:
            for data in items:
                self._insert(session, data, now)
                count += 1
        return count

    def update(self, event_id: int, data: EventInput,
               expected_version: int | None = None) -> TimelineEvent:
        """Saved only over the version the form read (ChangedElsewhereError otherwise)."""
        with version_guard("event"), self._sessions.begin() as session:
            row = get_row(session, TimelineEventRow, event_id, "event")
            check_version(row, expected_version, "event")
            for key in ("occurred_on", "precision", "title", "kind", "what", "lesson"):
                setattr(row, key, getattr(data, key))
            # Written even when only the links change, so the UPDATE naming the version
            # read always runs; flushed first, so the event returned has the new version.
            flag_modified(row, "title")
            session.flush()
            self._link(session, row.id, data)
            return self._event(session, row)

    def delete(self, event_id: int) -> None:
        with self._sessions.begin() as session:
            session.delete(get_row(session, TimelineEventRow, event_id, "event"))

    def _insert(self, session: Session, data: EventInput, now: datetime) -> TimelineEventRow:
        row = TimelineEventRow(occurred_on=data.occurred_on, precision=data.precision,
                               title=data.title, kind=data.kind, what=data.what,
                               lesson=data.lesson, source="user", created_at=now)
        session.add(row)
        session.flush()
        self._link(session, row.id, data)
        return row

    @staticmethod
    def _link(session: Session, event_id: int, data: EventInput) -> None:
        for table, column, ids in ((timeline_event_values, "value_id", data.value_ids),
                                   (timeline_event_skills, "skill_id", data.skill_ids)):
            session.execute(delete(table).where(table.c.event_id == event_id))
            if ids:
                session.execute(table.insert(), [{"event_id": event_id, column: i}
                                                 for i in dict.fromkeys(ids)])

    # -- reads ----------------------------------------------------------------------

    def get(self, event_id: int) -> TimelineEvent | None:
        with self._sessions() as session:
            row = session.get(TimelineEventRow, event_id)
            return self._event(session, row) if row is not None else None

    def events(self, kinds: set[str] | None = None, *, include_app: bool = True
               ) -> list[TimelineEvent]:
        """Oldest first; on one day, less precise dates first, then in the order added."""
        stmt = select(TimelineEventRow).order_by(TimelineEventRow.occurred_on,
                                                 _PRECISION_RANK, TimelineEventRow.id)
        if kinds is not None:
            stmt = stmt.where(TimelineEventRow.kind.in_(kinds))
        if not include_app:
            stmt = stmt.where(TimelineEventRow.source == "user")
        with self._sessions() as session:
            rows = list(session.scalars(stmt))
            return self._events(session, rows)

    def lessons(self) -> list[TimelineEvent]:
        """Events with a lesson learned, newest first."""
        stmt = (select(TimelineEventRow).where(TimelineEventRow.lesson != "")
                .order_by(TimelineEventRow.occurred_on.desc(), _PRECISION_RANK.desc(),
                          TimelineEventRow.id.desc()))
        with self._sessions() as session:
            return self._events(session, list(session.scalars(stmt)))

    def keys(self) -> set[tuple[date, str, str]]:
        """(day, precision, title) of every event: what an import would duplicate."""
        stmt = select(TimelineEventRow.occurred_on, TimelineEventRow.precision,
                      TimelineEventRow.title)
        with self._sessions() as session:
            return {(row[0], row[1], row[2]) for row in session.execute(stmt)}

    def _event(self, session: Session, row: TimelineEventRow) -> TimelineEvent:
        return self._events(session, [row])[0]

    @staticmethod
    def _events(session: Session, rows: list[TimelineEventRow]) -> list[TimelineEvent]:
        links: dict[str, dict[int, list[int]]] = {"value_ids": defaultdict(list),
                                                  "skill_ids": defaultdict(list)}
        for key, table, column in (("value_ids", timeline_event_values, "value_id"),
                                   ("skill_ids", timeline_event_skills, "skill_id")):
            for event_id, linked in session.execute(select(table.c.event_id, table.c[column])):
                links[key][event_id].append(linked)
        return [TimelineEvent.model_validate({
            **{c.key: getattr(row, c.key) for c in TimelineEventRow.__table__.columns},
            "value_ids": links["value_ids"].get(row.id, []),
            "skill_ids": links["skill_ids"].get(row.id, []),
        }) for row in rows]
