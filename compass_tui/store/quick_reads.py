"""The journal read straight from its SQLite file with the standard library, read-only.

For what must be on screen before the database toolkit could even be imported: the
app's first page of entries, painted while the repository opens behind it. Only a
file already at this version's schema (one query) is read this way; anything else
(no file yet, a schema to upgrade, an encrypted journal, a server) is left to the
repository, which creates, upgrades or opens it with every rule it keeps.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path
from urllib.parse import quote

from compass_tui.domain.entry_line import EntryLine
from compass_tui.store.migrate import HEAD

__all__ = ["EntryLine", "UnreadableError", "first_page", "read_only", "sqlite_file"]

BUSY_TIMEOUT_S = 2.0
# The newest live entries, as the list shows them (ix_entries_live serves it).
_FIRST_PAGE = ("SELECT id, entry_date, title, tags_text, starred FROM entries "
               "WHERE deleted_at IS NULL ORDER BY entry_date DESC, id DESC LIMIT ?")


class UnreadableError(RuntimeError):
    """The file is not a database this can read."""


def sqlite_file(url: str) -> Path | None:
    """The file of a plain sqlite:/// URL (the default and `--db PATH`), else None."""
    prefix = "sqlite:///"
    if not url.startswith(prefix) or "?" in url:
        return None
    name = url[len(prefix):]
    return Path(name) if name and name != ":memory:" else None


def read_only(path: Path) -> sqlite3.Connection | None:
    """A read-only connection to a journal at this version's schema; None when there
    is no such file or its schema is older or newer (the repository deals with it).
    UnreadableError when the file is not a database SQLite can read."""
    if not path.is_file():
        return None
    try:
        conn = sqlite3.connect(f"file:{quote(str(path))}?mode=ro", uri=True,
                               timeout=BUSY_TIMEOUT_S)
    except sqlite3.Error as exc:
        raise UnreadableError(f"cannot read {path}: {exc}") from exc
    try:
        revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.OperationalError as exc:
        conn.close()
        if "no such table" in str(exc):
            return None  # an empty file, or one from before migrations: the repository's
        raise UnreadableError(f"cannot read {path}: {exc}") from exc
    except sqlite3.Error as exc:
        conn.close()
        raise UnreadableError(f"cannot read {path}: {exc}") from exc
    if revision is None or revision[0] != HEAD:
        conn.close()
        return None
    return conn


def first_page(path: Path, size: int) -> list[EntryLine] | None:
    """The newest `size` live entries, newest first; None: not readable this way."""
    conn = read_only(path)
    if conn is None:
        return None
    try:
        rows = conn.execute(_FIRST_PAGE, (size,)).fetchall()
    except sqlite3.Error as exc:
        raise UnreadableError(f"cannot read {path}: {exc}") from exc
    finally:
        conn.close()
    return [EntryLine(row_id, datetime.fromisoformat(when), title, tags.split(), bool(star))
            for row_id, when, title, tags, star in rows]
