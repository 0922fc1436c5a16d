"""Moments in UTC: every created/updated/deleted time (and the like) moves from this
machine's local time to UTC, and becomes timestamptz on PostgreSQL. An entry's own date
is the writer's wall time and is left as it is.

The times were written by the clock of the machine that runs this upgrade (a journal
shared by several machines is upgraded by one of them: its zone is the one assumed),
so each shows the same date and time there afterwards as before.

Revision ID: 0008_utc_instants
Revises: 0007_search_text
Create Date: 2026-12-02
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision = "0008_utc_instants"
down_revision = "0007_search_text"
branch_labels = None
depends_on = None

# table: (its key columns, its moment columns)
INSTANTS = {
    "entries": (("id",), ("created_at", "updated_at", "deleted_at")),
    "drafts": (("key",), ("updated_at",)),
    "core_values": (("id",), ("retired_at", "created_at", "updated_at")),
    "value_rank_history": (("id",), ("recorded_at",)),
    "skills": (("id",), ("created_at", "updated_at")),
    "feedback": (("id",), ("created_at",)),
    "passions": (("id",), ("created_at",)),
    "swot_items": (("id",), ("created_at",)),
    "personality_results": (("id",), ("created_at",)),
    "goals": (("id",), ("done_at", "created_at", "updated_at")),
    "tasks": (("id",), ("created_at",)),
    "goal_progress": (("id",), ("recorded_at",)),
    "timeline_events": (("id",), ("created_at",)),
    "checkins": (("id",), ("started_at", "updated_at", "completed_at")),
    "vision_cards": (("id",), ("created_at", "updated_at")),
    "vision_texts": (("key",), ("updated_at",)),
    "narrative_versions": (("id",), ("created_at",)),
}
BATCH = 2000


def local_to_utc(value: datetime) -> datetime:
    return value.astimezone(UTC).replace(tzinfo=None)


def utc_to_local(value: datetime) -> datetime:
    return value.replace(tzinfo=UTC).astimezone().replace(tzinfo=None)


def convert(convert_one: Callable[[datetime], datetime]) -> None:
    """Every moment through convert_one, a batch of rows at a time (naive in, naive out)."""
    conn = op.get_bind()
    for name, (keys, columns) in INSTANTS.items():
        table = sa.table(name, *(sa.column(k) for k in keys),
                         *(sa.column(c, sa.DateTime()) for c in columns))
        rows = conn.execute(sa.select(*(table.c[k] for k in keys),
                                      *(table.c[c] for c in columns))).all()
        stmt = (sa.update(table)
                .where(*(table.c[k] == sa.bindparam(f"key_{k}") for k in keys))
                .values({c: sa.bindparam(f"new_{c}") for c in columns}))
        params = [{**{f"key_{k}": row[n] for n, k in enumerate(keys)},
                   **{f"new_{c}": None if row[len(keys) + n] is None
                      else convert_one(row[len(keys) + n]) for n, c in enumerate(columns)}}
                  for row in rows]
        for start in range(0, len(params), BATCH):
            conn.execute(stmt, params[start:start + BATCH])


def set_postgres_types(timezone: bool) -> None:
    kind = "timestamptz" if timezone else "timestamp"
    for name, (_keys, columns) in INSTANTS.items():
        changes = ", ".join(f"ALTER COLUMN {c} TYPE {kind} USING {c} AT TIME ZONE 'UTC'"
                            for c in columns)
        op.execute(f"ALTER TABLE {name} {changes}")


def upgrade() -> None:
    convert(local_to_utc)
    if op.get_bind().dialect.name == "postgresql":
        set_postgres_types(timezone=True)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        set_postgres_types(timezone=False)
    convert(utc_to_local)
