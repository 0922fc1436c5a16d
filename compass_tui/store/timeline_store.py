"""Moments of the professional journey; the app adds some itself (a goal completed)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from compass_tui.store.tables import TimelineEventRow

_EVENT_COLUMNS = (
    TimelineEventRow.id,
    TimelineEventRow.occurred_on,
    TimelineEventRow.precision,
    TimelineEventRow.title,
    TimelineEventRow.kind,
    TimelineEventRow.what,
    TimelineEventRow.lesson,
    TimelineEventRow.source,
    TimelineEventRow.source_id,
)


class TimelineStore:
    """Small for now: the Timeline tab will extend it (and give events a model)."""

    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    def add_event(self, occurred_on: date, title: str, kind: str, what: str = "",
                  lesson: str = "", source: str = "user", source_id: int | None = None,
                  precision: str = "day", *, now: datetime) -> int:
        with self._sessions.begin() as session:
            row = TimelineEventRow(occurred_on=occurred_on, precision=precision, title=title,
                                   kind=kind, what=what, lesson=lesson, source=source,
                                   source_id=source_id, created_at=now)
            session.add(row)
            session.flush()
            return row.id

    def events(self) -> list[dict[str, Any]]:
        """Every event, oldest first (events of one day in the order they were added)."""
        stmt = select(*_EVENT_COLUMNS).order_by(TimelineEventRow.occurred_on,
                                                TimelineEventRow.id)
        with self._sessions() as session:
            return [dict(row) for row in session.execute(stmt).mappings()]
