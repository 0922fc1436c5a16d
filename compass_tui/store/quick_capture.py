"""`compass add` written straight into a SQLite file with the standard library.

Quick capture must answer in a blink, and the database toolkit alone takes longer
than that to import. This writes the same rows as EntryStore.add: the entry's columns
as the store sets them (title stripped, body trimmed at its end, the tag names, the
search text by the same rules, version 1, the moments in UTC), each tag got or created
by name (INSERT ... ON CONFLICT, as the store does, so two writers at once agree), the
entry's tag links, and the full-text index kept by the file's own triggers, all in one
transaction under SQLite's busy timeout. Only a file already at this version's schema is
written this way; anything else (no file yet, a schema to upgrade, an encrypted journal,
a server) goes through the repository. tests/test_quick_capture.py holds the two to
the same rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from compass_tui.domain.search_text import search_text
from compass_tui.store.quick_reads import at_head, stored_time

# As the repository's connections are set (store/engine.py).
PRAGMAS = ("PRAGMA busy_timeout=10000", "PRAGMA foreign_keys=ON", "PRAGMA synchronous=NORMAL")
_INSERT_ENTRY = (
    "INSERT INTO entries (entry_date, title, body, tags_text, search_text, starred, energy,"
    " fulfilment, kind, template, version, created_at, updated_at, deleted_at)"
    " VALUES (?, ?, ?, ?, ?, 0, NULL, NULL, 'journal', NULL, 1, ?, ?, NULL)")


@dataclass(frozen=True)
class Added:
    id: int
    entry_date: datetime
    title: str


def add_entry(path: Path, when: datetime, title: str, body: str, tags: list[str]
              ) -> Added | None:
    """The entry saved (whole or not at all); None: not written this way. A refusal of
    the database (full disk, read-only file, a lock held too long) is sqlite3's error."""
    conn = at_head(path, "rw")
    if conn is None:
        return None
    try:
        for pragma in PRAGMAS:
            conn.execute(pragma)
        now = stored_time(datetime.now().replace(microsecond=0).astimezone(UTC)
                          .replace(tzinfo=None))
        entry_date = when.replace(microsecond=0)
        title, body = title.strip(), body.rstrip()
        with conn:  # one transaction: committed whole, or rolled back
            cursor = conn.execute(_INSERT_ENTRY, (
                stored_time(entry_date), title, body, " ".join(tags),
                search_text(title, body, tags), now, now))
            entry_id = cursor.lastrowid
            if tags:
                conn.executemany("INSERT INTO tags (name) VALUES (?)"
                                 " ON CONFLICT (name) DO NOTHING", [(tag,) for tag in tags])
                marks = ", ".join("?" * len(tags))
                conn.execute(f"INSERT INTO entry_tags (entry_id, tag_id) SELECT ?, id"
                             f" FROM tags WHERE name IN ({marks})", (entry_id, *tags))
    finally:
        conn.close()
    assert entry_id is not None
    return Added(entry_id, entry_date, title)
