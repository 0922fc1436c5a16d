"""Engine factory: SQLite pragmas, private file permissions, clear open errors."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError

BUSY_TIMEOUT_MS = 10_000
LOCK_TIMEOUT_MS = BUSY_TIMEOUT_MS
CONNECT_TIMEOUT_S = 10
# A plain postgresql:// means psycopg 3 (the `postgres` extra), whichever driver the
# installed SQLAlchemy would pick by default (psycopg2 before 2.1).
POSTGRES_DRIVER = "psycopg"
POSTGRES_EXTRA = "pip install 'compass-tui[postgres]'"


class StoreError(Exception):
    """A problem with the database the user can act on; the message says which."""


def database_key(url: URL) -> str | None:
    """The passphrase of an encrypted (SQLCipher) journal, held in memory only."""
    return url.password if url.drivername.endswith("pysqlcipher") else None


def sqlite_path(url: URL) -> Path | None:
    """The file behind a SQLite URL, or None for other databases and :memory:."""
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return None
    return Path(url.database)


def with_default_driver(url: URL) -> URL:
    return url.set(drivername=f"postgresql+{POSTGRES_DRIVER}") \
        if url.drivername == "postgresql" else url


def missing_driver_words(url: URL, exc: BaseException) -> str:
    """Which package the URL needs, and the pip command that brings it."""
    if url.get_backend_name() == "postgresql":
        driver = url.get_driver_name()
        if driver == POSTGRES_DRIVER:
            return f"PostgreSQL needs the psycopg driver: {POSTGRES_EXTRA}"
        return f"the {driver} driver for PostgreSQL is not installed (or use postgresql://, " \
               f"which needs {POSTGRES_EXTRA})"
    return f"no driver for {url.drivername} URLs is installed ({exc})"


def _prepare_sqlite_file(path: Path) -> None:
    """Create the folder 0700 and the file 0600 before SQLite does it with umask defaults."""
    if path.is_dir():
        raise StoreError(f"cannot open database {path}: it is a directory")
    parent = path.parent
    if not parent.exists():
        parent.mkdir(parents=True, mode=0o700, exist_ok=True)
        os.chmod(parent, 0o700)
    if not path.exists():
        fd = os.open(path, os.O_CREAT | os.O_WRONLY | os.O_EXCL, 0o600)
        os.close(fd)


def _sqlite_pragmas(dbapi_conn: sqlite3.Connection, _record: object) -> None:
    cursor = dbapi_conn.cursor()
    try:
        if type(dbapi_conn).__module__.startswith("sqlcipher3"):
            # SQLCipher would print its own complaint about a wrong key on the terminal;
            # the app says it in words instead.
            cursor.execute("PRAGMA cipher_log_level = NONE")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
    finally:
        cursor.close()


def make_engine(url_text: str) -> Engine:
    """An engine for a URL, checked by opening one connection."""
    try:
        url = make_url(url_text)
    except ArgumentError as exc:
        raise StoreError(f"not a database path or URL: {url_text!r}") from exc
    url = with_default_driver(url)

    path = sqlite_path(url)
    try:
        if path is not None:
            _prepare_sqlite_file(path)
            engine = create_engine(
                url,
                connect_args={"check_same_thread": False, "timeout": BUSY_TIMEOUT_MS / 1000},
            )
            event.listen(engine, "connect", _sqlite_pragmas)
        elif url.get_backend_name() == "postgresql":
            # A write waits for another's lock as long as SQLite's busy timeout, then is
            # refused in words (rather than hanging); a connection the server dropped is
            # noticed and replaced before use, so the app carries on once it is back.
            extra: dict[str, object] = {"connect_timeout": CONNECT_TIMEOUT_S}
            if "options" not in url.query:  # the URL's own server options win
                extra["options"] = f"-c lock_timeout={LOCK_TIMEOUT_MS}"
            engine = create_engine(url, pool_pre_ping=True, connect_args=extra)
        else:
            engine = create_engine(url, pool_pre_ping=True)
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except StoreError:
        raise
    except (DBAPIError, NoSuchModuleError, ImportError, OSError) as exc:
        reason = getattr(exc, "orig", None) or exc
        where = path or url.render_as_string(hide_password=True)
        if database_key(url) is not None:
            if isinstance(exc, ImportError | NoSuchModuleError):
                raise StoreError("an encrypted journal needs the sqlcipher3 package: "
                                 "pip install 'compass-tui[encryption]'") from exc
            if "not a database" in str(reason):
                raise StoreError(f"cannot open {where}: wrong passphrase, or not an "
                                 "encrypted journal") from exc
        if isinstance(exc, ImportError | NoSuchModuleError):
            raise StoreError(f"cannot open database {where}: "
                             f"{missing_driver_words(url, exc)}") from exc
        raise StoreError(f"cannot open database {where}: {reason}") from exc
    return engine
