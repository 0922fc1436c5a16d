"""Get-or-create that holds when two machines create the same row at the same moment.

Select-then-insert lets both writers see "missing" and both insert; on PostgreSQL the
second then fails on the unique index. Here the insert itself says what to do when the
row is already there (the dialect's INSERT ... ON CONFLICT), and the row is read after.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import Connection, Insert, Table
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from compass_tui.domain.errors import WriteRefused


def _insert(bind: Session | Connection, table: Table) -> Any:
    dialect = bind.get_bind().dialect.name if isinstance(bind, Session) else bind.dialect.name
    if dialect == "postgresql":
        return postgresql.insert(table)
    if dialect == "sqlite":
        return sqlite.insert(table)
    # Only these two can say "unless it is there already" in the insert itself.
    raise WriteRefused(f"a journal on {dialect} cannot be written safely from two places;"
                       " keep it in SQLite or PostgreSQL")


def insert_missing(bind: Session | Connection, table: Table, rows: Sequence[Mapping[str, Any]],
                   keys: Sequence[str]) -> None:
    """Insert the rows whose keys are not there yet; the others are left as they are."""
    if rows:
        stmt: Insert = _insert(bind, table).on_conflict_do_nothing(index_elements=list(keys))
        bind.execute(stmt, list(rows))


def inserted(bind: Session | Connection, table: Table, row: Mapping[str, Any],
             keys: Sequence[str]) -> bool:
    """Insert the row unless its key is there already: whether it was inserted. (The
    row comes back through RETURNING: an INSERT's row count is not told everywhere.)"""
    stmt = (_insert(bind, table).values(dict(row))
            .on_conflict_do_nothing(index_elements=list(keys))
            .returning(*(table.c[key] for key in keys)))
    return bind.execute(stmt).first() is not None


def upsert(bind: Session | Connection, table: Table, row: Mapping[str, Any],
           keys: Sequence[str], bump: str | None = None) -> None:
    """Insert the row, or set its other columns on the one already there (and add one
    to its `bump` column, a version a form may be saving over)."""
    stmt = _insert(bind, table).values(dict(row))
    changes: dict[str, Any] = {name: stmt.excluded[name] for name in row if name not in keys}
    if bump is not None:
        changes[bump] = table.c[bump] + 1
    bind.execute(stmt.on_conflict_do_update(index_elements=list(keys), set_=changes))
