"""Reading a database under test directly, whichever it is: a SQLite file (a Path) or a
URL (a SQLite or PostgreSQL one), so a test can check what was written on both."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, inspect, text

Target = Path | str


def url_of(target: Target) -> str:
    return f"sqlite:///{target}" if isinstance(target, Path) else target


def scalar(target: Target, sql: str, **params: Any) -> Any:
    engine = create_engine(url_of(target))
    try:
        with engine.connect() as conn:
            return conn.execute(text(sql), params).scalar()
    finally:
        engine.dispose()


def count_rows(target: Target, table: str = "entries") -> int:
    return int(scalar(target, f'SELECT count(*) FROM "{table}"'))


def table_counts(target: Target) -> dict[str, int]:
    """Rows in every table (SQLite's search index tables included)."""
    engine = create_engine(url_of(target))
    try:
        with engine.connect() as conn:
            if conn.dialect.name == "sqlite":
                names = [name for (name,) in conn.execute(text(
                    "SELECT name FROM sqlite_master WHERE type = 'table' "
                    "AND name NOT LIKE 'sqlite_%'"))]
            else:
                names = inspect(conn).get_table_names()
            return {name: conn.execute(text(f'SELECT count(*) FROM "{name}"')).scalar_one()
                    for name in names}
    finally:
        engine.dispose()
