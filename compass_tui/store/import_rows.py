"""Bulk writes the import parts share: many rows per statement, ids back in order."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator, Sequence
from datetime import datetime
from itertools import chain
from typing import Any, TypeVar

from sqlalchemy import Connection, Table, func, select

T = TypeVar("T")

# Rows per executemany: big enough to amortise each statement, small enough that one
# batch of entry rows never weighs much.
BATCH = 2000
_NOTHING = object()


def existing(conn: Connection, *columns: Any) -> set[tuple[Any, ...]]:
    """The values these columns hold together: what an import would repeat."""
    return {tuple(row) for row in conn.execute(select(*columns))}


def lookup(conn: Connection, key: Any, value: Any) -> dict[Any, Any]:
    return {k: v for k, v in conn.execute(select(key, value))}


def insert_all(conn: Connection, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    if rows:
        conn.execute(table.insert(), list(rows))


def insert_ids(conn: Connection, table: Table, rows: Sequence[dict[str, Any]]) -> list[int]:
    """Insert the rows and return their new ids, in the rows' order."""
    if not rows:
        return []
    if conn.dialect.name != "sqlite":
        stmt = table.insert().returning(table.c.id, sort_by_parameter_order=True)
        return [row_id for (row_id,) in conn.execute(stmt, list(rows))]
    insert_all(conn, table, rows)
    return _newest_ids(conn, table, len(rows))


def _newest_ids(conn: Connection, table: Table, count: int) -> list[int]:
    """SQLite returns ids in order only one row per statement, several times slower.
    But this transaction holds the write lock from its first write, and SQLite gives a
    new row the id above the largest: the newest `count` ids are the rows just written,
    in order. Two counts in the index say so, without reading the ids back."""
    top = conn.scalar(select(func.max(table.c.id)))
    first = (top or 0) - count + 1
    held = conn.scalar(select(func.count()).select_from(table)
                       .where(table.c.id.between(first, top)))
    if top is None or held != count:
        raise RuntimeError(f"{table.name}: the new ids are not consecutive")
    return list(range(first, top + 1))


def processed_tuples(conn: Connection, table: Table, columns: Sequence[str],
                     rows: Sequence[Sequence[Any]]) -> list[Sequence[Any]]:
    """The rows as SQLite's driver takes them: each value through its column's own bind
    processing, so dates are stored as every other write stores them."""
    dialect = conn.dialect
    found = [(n, table.c[c].type.dialect_impl(dialect).bind_processor(dialect))
             for n, c in enumerate(columns)]
    processors = [(n, _repeats_cached(_iso_when_same(process)))
                  for n, process in found if process is not None]
    return [_processed(row, processors) for row in rows] if processors else list(rows)


# SQLite's own limit when the driver cannot say (SQLITE_MAX_VARIABLE_NUMBER before 3.32).
_FEWEST_VARIABLES = 999


def insert_processed(conn: Connection, table: Table, columns: Sequence[str],
                     values: Sequence[Sequence[Any]], *, ids: bool = False) -> list[int]:
    """Processed rows (processed_tuples) into a SQLite table, as many to a statement as
    its limit on parameters allows: the driver lets go of Python's lock for the whole
    of each statement rather than for one row at a time, so other Python work runs
    meanwhile. Their new ids, in order, when asked."""
    if not values:
        return []
    dbapi = conn.connection.dbapi_connection
    try:
        limit = dbapi.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)
    except (AttributeError, sqlite3.Error):
        limit = _FEWEST_VARIABLES
    quote = conn.dialect.identifier_preparer.quote
    head = f"INSERT INTO {quote(table.name)} ({', '.join(quote(c) for c in columns)}) VALUES "
    one = f"({', '.join('?' for _ in columns)})"
    per = max(1, limit // len(columns))
    for start in range(0, len(values), per):
        part = values[start:start + per]
        conn.exec_driver_sql(head + ", ".join([one] * len(part)),
                             tuple(chain.from_iterable(part)))
    return _newest_ids(conn, table, len(values)) if ids else []


def insert_tuples(conn: Connection, table: Table, columns: Sequence[str],
                  rows: Sequence[Sequence[Any]], *, ids: bool = False) -> list[int]:
    """Many rows given as tuples in the order of `columns` (their new ids when asked).

    On SQLite they go straight to the driver, processed (processed_tuples): Core's
    per-row parameter handling would cost a fifth of a 100,000-entry import.
    Elsewhere, Core.
    """
    if not rows:
        return []
    if conn.dialect.name != "sqlite":
        dicts = [dict(zip(columns, row, strict=True)) for row in rows]
        if ids:
            return insert_ids(conn, table, dicts)
        insert_all(conn, table, dicts)
        return []
    quote = conn.dialect.identifier_preparer.quote
    sql = (f"INSERT INTO {quote(table.name)} ({', '.join(quote(c) for c in columns)}) "
           f"VALUES ({', '.join('?' for _ in columns)})")
    conn.exec_driver_sql(sql, processed_tuples(conn, table, columns, rows))
    return _newest_ids(conn, table, len(rows)) if ids else []


_SAMPLE = datetime(2001, 2, 3, 4, 5, 6, 7)


def _iso_when_same(process: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """SQLite's date and time processor formats each field in Python; for a plain
    datetime, `isoformat` writes the same text in C. Used only where it is the same (a
    sample decides), so a column with another storage format keeps its processor."""
    try:
        same = process(_SAMPLE) == _SAMPLE.isoformat(" ", "microseconds")
    except (TypeError, ValueError, AttributeError):
        same = False
    if not same:
        return process

    def iso(value: Any) -> Any:
        if type(value) is datetime and value.tzinfo is None:
            return value.isoformat(" ", "microseconds")
        return process(value)
    return iso


def _repeats_cached(process: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """The processor, skipping work when handed the same object as last time (every row
    of an import shares one created_at)."""
    last: list[Any] = [_NOTHING, None]

    def cached(value: Any) -> Any:
        if value is not last[0]:
            last[0], last[1] = value, process(value)
        return last[1]
    return cached


def _processed(row: Sequence[Any], processors: list[tuple[int, Any]]) -> tuple[Any, ...]:
    values = list(row)
    for n, process in processors:
        values[n] = process(values[n])
    return tuple(values)


def chunks(items: Sequence[T], size: int = BATCH) -> Iterator[Sequence[T]]:
    for start in range(0, len(items), size):
        yield items[start:start + size]
