"""Consistent copies of a SQLite database through SQLite's online backup API."""

from __future__ import annotations

import os
import sqlite3
from datetime import datetime
from pathlib import Path


def connect_file(path: Path | str, key: str | None = None, **options: object
                 ) -> sqlite3.Connection:
    """A DB-API connection to the file: the standard sqlite3, or SQLCipher with the key
    (an encrypted journal's backups are encrypted with the same key)."""
    if key is None:
        return sqlite3.connect(path, **options)  # type: ignore[arg-type]
    import sqlcipher3  # the optional "encryption" extra

    conn = sqlcipher3.connect(str(path), **options)
    # SQLCipher would print its own complaint about a wrong key; callers say it in words.
    conn.execute("PRAGMA cipher_log_level = NONE")
    conn.execute("PRAGMA key = '" + key.replace("'", "''") + "'")
    return conn  # type: ignore[no-any-return]


def database_errors() -> tuple[type[Exception], ...]:
    """What the standard sqlite3 and, when installed, SQLCipher raise for a bad file."""
    try:
        import sqlcipher3
    except ImportError:
        return (sqlite3.DatabaseError,)
    return (sqlite3.DatabaseError, sqlcipher3.DatabaseError)


def backup_sqlite_file(source: Path, dest: Path, key: str | None = None) -> Path:
    """Copy a live database page by page; safe while another process writes.

    Written to a temporary name and renamed, so a backup file is never half a file.
    """
    dest.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    partial = dest.with_name(dest.name + ".partial")
    fd = os.open(partial, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600)
    os.close(fd)
    src = connect_file(source, key, timeout=10)
    try:
        out = connect_file(partial, key)
        try:
            src.backup(out)
        finally:
            out.close()
    finally:
        src.close()
    os.replace(partial, dest)
    return dest


def timestamped_name(source: Path, label: str, now: datetime | None = None) -> str:
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    return f"{source.stem}-{label}-{stamp}{source.suffix or '.db'}"
