"""The journal read straight from its SQLite file with the standard library, read-only.

For what must be on screen before the database toolkit could even be imported: the
app's first page of entries, painted while the repository opens behind it, and
`compass list`, which must answer in a blink. Only a
file already at this version's schema (one query) is read this way; anything else
(no file yet, a schema to upgrade, an encrypted journal, a server) is left to the
repository, which creates, upgrades or opens it with every rule it keeps.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from urllib.parse import quote

from compass_tui.domain.entry_line import EntryLine
from compass_tui.domain.tags import unique_tags
from compass_tui.store.fts import COMMON_MATCHES, COUNT_UP_TO, fts_match, ids_matching
from compass_tui.store.migrate import HEAD

__all__ = ["EntryLine", "ListedEntry", "UnreadableError", "first_page", "list_entries",
           "read_only", "sqlite_file"]

BUSY_TIMEOUT_S = 2.0
# The newest live entries, as the list shows them (ix_entries_live serves it).
_FIRST_PAGE = ("SELECT id, entry_date, title, tags_text, starred FROM entries "
               "WHERE deleted_at IS NULL ORDER BY entry_date DESC, id DESC LIMIT ?")


@dataclass(frozen=True)
class ListedEntry:
    """An entry as `compass list` prints it (the export's entry shape)."""

    id: int
    entry_date: datetime
    title: str
    body: str
    tags: list[str] = field(default_factory=list)
    starred: bool = False
    energy: int | None = None
    fulfilment: int | None = None
    kind: str = "journal"
    template: str | None = None


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
    return at_head(path, "ro")


def at_head(path: Path, mode: str) -> sqlite3.Connection | None:
    """A connection (mode "ro" or "rw") to the file when its schema is this version's."""
    if not path.is_file():
        return None
    try:
        conn = sqlite3.connect(f"file:{quote(str(path))}?mode={mode}", uri=True,
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


_ENTRY_COLUMNS = ("id, entry_date, title, body, tags_text, starred, energy, fulfilment, kind,"
                  " template")
_HAS_TAG = ("EXISTS (SELECT 1 FROM entry_tags JOIN tags ON tags.id = entry_tags.tag_id"
            " WHERE entry_tags.entry_id = entries.id AND tags.name = :tag{n})")


def stored_time(moment: datetime) -> str:
    """A datetime as the entries table keeps it (text that sorts as time does)."""
    return moment.strftime("%Y-%m-%d %H:%M:%S.%f")


def list_entries(path: Path, *, text: str = "", tags: Sequence[str] = (),
                 starred: bool | None = None, date_from: datetime | None = None,
                 date_to: datetime | None = None, limit: int | None = None,
                 ) -> list[ListedEntry] | None:
    """Live entries newest first, filtered as the entry store filters them (the same
    search rules and plan, the same tag names, `date_to` exclusive); None: not readable
    this way (see read_only)."""
    conn = read_only(path)
    if conn is None:
        return None
    try:
        where, params = ["deleted_at IS NULL"], {}
        if text.strip():
            match = fts_match(text.strip())
            if match is None:  # only punctuation: nothing can match
                return []
            common = conn.execute(COUNT_UP_TO, {"match": match, "cap": COMMON_MATCHES}
                                  ).fetchone()[0]
            where.append(ids_matching(common))
            params["match"] = match
        for n, tag in enumerate(unique_tags(tags)):
            where.append(_HAS_TAG.format(n=n))
            params[f"tag{n}"] = tag
        if starred is not None:
            where.append("starred = :starred")
            params["starred"] = int(starred)
        if date_from is not None:
            where.append("entry_date >= :date_from")
            params["date_from"] = stored_time(date_from)
        if date_to is not None:
            where.append("entry_date < :date_to")
            params["date_to"] = stored_time(date_to)
        sql = (f"SELECT {_ENTRY_COLUMNS} FROM entries WHERE {' AND '.join(where)}"
               " ORDER BY entry_date DESC, id DESC")
        if limit is not None:
            sql += " LIMIT :limit"
            params["limit"] = limit
        rows = conn.execute(sql, params).fetchall()
    except sqlite3.Error as exc:
        raise UnreadableError(f"cannot read {path}: {exc}") from exc
    finally:
        conn.close()
    return [ListedEntry(row_id, datetime.fromisoformat(when), title, body, tags_text.split(),
                        bool(star), energy, fulfilment, kind, template)
            for row_id, when, title, body, tags_text, star, energy, fulfilment, kind, template
            in rows]
