"""Moments (a row created, changed, deleted) stored in UTC, read back in local time.

Two machines in different time zones share one PostgreSQL journal: each stamps rows
with its own clock, so a column of local times would sort one machine's changes hours
away from the other's. The app keeps working in naive local time (what it shows); this
type turns it into UTC on the way in (timezone-aware on PostgreSQL, UTC text on SQLite)
and back into this machine's local time on the way out.

An entry's own date is not a moment but the writer's wall time ("yesterday 18:00"):
it stays a plain DateTime, the same on every machine.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import DateTime
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator


def to_utc(value: datetime) -> datetime:
    """A naive value is this machine's local time; an aware one says its own zone."""
    return value.astimezone(UTC)


def to_local(value: datetime) -> datetime:
    """Naive local time from a UTC moment (naive values are UTC here)."""
    aware = value if value.tzinfo is not None else value.replace(tzinfo=UTC)
    return aware.astimezone().replace(tzinfo=None)


class Instant(TypeDecorator[datetime]):
    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        utc = to_utc(value)
        # SQLite keeps the text it always kept, now in UTC; PostgreSQL a timestamptz.
        return utc if dialect.name == "postgresql" else utc.replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect
                             ) -> datetime | None:
        return None if value is None else to_local(value)
