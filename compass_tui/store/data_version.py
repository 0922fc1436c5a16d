"""A version that moves whenever anyone commits a change to the database: how the open
app notices a write made by another process (`compass add`, a second SSH window)
without reading any table. It is read every few seconds, so it must cost next to
nothing; each database has its own cheap way.

- SQLite: `PRAGMA data_version` on a connection kept for it alone. SQLite changes the
  number a connection sees whenever another connection commits, in this process or
  another; this connection never writes, so every commit counts.
- PostgreSQL: the server's current snapshot (`pg_current_snapshot()`: the next
  transaction id and those still running), which moves when any transaction starts
  writing and again when it ends, whichever process or database it is in. (The
  statistics' row counts would be per database, but a session may report them only
  ten seconds after its commit.) A write elsewhere on the same server costs one
  needless read of the tab on screen, which then redraws nothing.
- Any other database: not watched (None): the app then shows other windows' changes
  when a tab is shown again, as before.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from contextlib import suppress

from sqlalchemy import Engine, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import PoolProxiedConnection

POSTGRES_SNAPSHOT = text("SELECT pg_current_snapshot()::text")

# What a read gives: which connection it came from (a new connection starts its own
# count) and the version as that connection sees it.
Version = tuple[int, object]


class DataVersion:
    """`read()`: a version that differs after any commit since the last read, or None
    when it cannot be had (then nothing is known to have changed). Safe from any thread."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._lock = threading.Lock()
        self._connection: PoolProxiedConnection | None = None
        self._opened = 0  # connections opened for SQLite: a reopened one counts anew
        readers: dict[str, Callable[[], Version]] = {
            "sqlite": self._sqlite, "postgresql": self._postgresql}
        self._reader = readers.get(engine.dialect.name)
        # The raw connection raises the driver's own errors, not SQLAlchemy's.
        self._errors: tuple[type[Exception], ...] = (
            DBAPIError, engine.dialect.loaded_dbapi.Error)

    def read(self) -> Version | None:
        if self._reader is None:
            return None
        try:
            return self._reader()
        except self._errors:
            self.close()  # a broken connection is opened afresh on the next read
            return None

    def _sqlite(self) -> Version:
        with self._lock:
            if self._connection is None:
                connection = self._engine.raw_connection()
                connection.detach()  # its own for good: never handed to a store's session
                self._connection = connection
                self._opened += 1
            cursor = self._connection.cursor()
            try:
                cursor.execute("PRAGMA data_version")
                return self._opened, int(cursor.fetchone()[0])
            finally:
                cursor.close()

    def _postgresql(self) -> Version:
        with self._engine.connect() as connection:
            return 0, connection.execute(POSTGRES_SNAPSHOT).scalar_one()

    def close(self) -> None:
        with self._lock:
            connection, self._connection = self._connection, None
        if connection is not None:
            with suppress(*self._errors):  # already broken: nothing left to close
                connection.close()
