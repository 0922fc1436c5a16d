"""The backup made on the first start of each day, on either database: a copy of the
SQLite file beside it, or a pg_dump of a PostgreSQL journal into this machine's backups
folder (skipped when pg_dump is not installed)."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy.engine import URL


class BackupFailed(RuntimeError):
    """The day's backup could not be made; the message says why."""


def make_daily_backup(url: URL, today: date, keep: int) -> Path | None:
    """The day's backup, or None when there was one already (or nothing to copy)."""
    from compass_tui.store.engine import database_key, sqlite_path
    from compass_tui.store.maintenance import daily_backup
    from compass_tui.store.pg_dump import DumpError, daily_dump

    try:
        path = sqlite_path(url)
        if path is not None:
            return daily_backup(path, today, keep=keep, key=database_key(url))
        if url.get_backend_name() == "postgresql":
            return daily_dump(url, today, keep=keep)
        return None
    except (OSError, sqlite3.Error, DumpError) as exc:
        raise BackupFailed(str(exc)) from exc
