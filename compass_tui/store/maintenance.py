"""Looking after the SQLite file: backups kept to a number, one a day on start,
restore from a backup, and an integrity check in plain words.

Everything here works on the file with the standard library's sqlite3 (SQLCipher
with the key, for an encrypted journal): a backup or a check must work even when the
schema is older or damaged.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from urllib.parse import quote

from compass_tui.domain.search_text import search_text, stale_search_ids
from compass_tui.store.backup import (
    backup_sqlite_file,
    connect_file,
    database_errors,
    timestamped_name,
)

DEFAULT_KEEP = 10
SQLITE_HEADER = b"SQLite format 3\x00"


class MaintenanceError(RuntimeError):
    """Something about the files that the user must hear in plain words."""


def backups_folder(db: Path) -> Path:
    return db.parent / "backups"


def _pattern(db: Path, label: str) -> re.Pattern[str]:
    return re.compile(rf"^{re.escape(db.stem)}-{re.escape(label)}-(\d{{8}}-\d{{6}})"
                      rf"{re.escape(db.suffix or '.db')}$")


def backups_of(db: Path, label: str, folder: Path | None = None) -> list[Path]:
    """This database's backups with this label, oldest first (by the stamp in the name)."""
    folder = folder or backups_folder(db)
    if not folder.is_dir():
        return []
    pattern = _pattern(db, label)
    found = [(match.group(1), path) for path in folder.iterdir()
             if (match := pattern.match(path.name))]
    return [path for _stamp, path in sorted(found)]


def prune(db: Path, label: str, keep: int, folder: Path | None = None) -> list[Path]:
    """Delete all but the newest `keep` backups with this label; returns the deleted."""
    old = backups_of(db, label, folder)
    doomed = old[:-keep] if keep > 0 else old
    for path in doomed:
        path.unlink(missing_ok=True)
    return doomed


def make_backup(db: Path, label: str = "backup", *, keep: int | None = DEFAULT_KEEP,
                now: datetime | None = None, key: str | None = None) -> Path:
    """A consistent copy into backups/ beside the database (encrypted with the same key
    when the journal is), then the oldest beyond `keep` (of this label) removed."""
    dest = backups_folder(db) / timestamped_name(db, label, now)
    backup_sqlite_file(db, dest, key)
    if keep is not None:
        prune(db, label, keep)
    return dest


def daily_backup(db: Path, today: date, *, keep: int = DEFAULT_KEEP,
                 now: datetime | None = None, key: str | None = None) -> Path | None:
    """At most one automatic backup a day (the first start of the day makes it)."""
    if not db.exists() or db.stat().st_size == 0:
        return None
    stamp = today.strftime("%Y%m%d")
    if any(path.name.split("-daily-")[1].startswith(stamp)
           for path in backups_of(db, "daily")):
        return None
    return make_backup(db, "daily", keep=keep, now=now, key=key)


def looks_like_sqlite(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False


@dataclass(frozen=True)
class CheckReport:
    problems: list[str] = field(default_factory=list)
    facts: list[str] = field(default_factory=list)
    tables: frozenset[str] = frozenset()

    @property
    def ok(self) -> bool:
        return not self.problems


def _open_read_only(db: Path, key: str | None) -> sqlite3.Connection:
    """A read-only connection; a file that is not a database (or not with this key) is
    refused in words. With a key, opening costs a key derivation: open once per use."""
    if key is None and not looks_like_sqlite(db):
        raise MaintenanceError(f"{db} is not a SQLite database")
    try:
        conn = connect_file(f"file:{quote(str(db))}?mode=ro", key, uri=True, timeout=10)
    except database_errors() as exc:
        raise MaintenanceError(f"{db} cannot be opened ({exc})") from exc
    if key is None:
        return conn
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except database_errors() as exc:
        conn.close()
        raise MaintenanceError(f"{db} does not open with this passphrase (or is not an "
                               "encrypted journal)") from exc
    return conn


def check_database(db: Path, key: str | None = None) -> CheckReport:
    """SQLite's integrity and foreign-key checks, and the search index against the
    entries it indexes."""
    if not db.exists():
        raise MaintenanceError(f"no database at {db}")
    conn = _open_read_only(db, key)
    problems: list[str] = []
    facts: list[str] = []
    tables: set[str] = set()
    try:
        integrity = [row[0] for row in conn.execute("PRAGMA integrity_check")]
        if integrity == ["ok"]:
            facts.append("The file is sound (SQLite's integrity check found nothing).")
        else:
            problems += [f"Integrity: {line}" for line in integrity[:20]]
        dangling = conn.execute("PRAGMA foreign_key_check").fetchall()
        if dangling:
            where = sorted({row[0] for row in dangling})
            problems.append(f"{len(dangling)} rows point at rows that are gone "
                            f"(in {', '.join(where)}).")
        else:
            facts.append("Every link between rows points at a row that exists.")
        tables = {row[0] for row in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'")}
        if not tables:
            problems.append("The file holds no tables: it is not a compass-tui journal.")
        if "entries_fts" in tables:
            entries = conn.execute("SELECT count(*) FROM entries").fetchone()[0]
            indexed = conn.execute("SELECT count(*) FROM entries_fts_docsize").fetchone()[0] \
                if "entries_fts_docsize" in tables else entries
            stale = _stale_search_text(conn)
            in_sync = indexed == entries and not stale and _fts_matches_content(db, key)
            if in_sync:
                facts.append(f"The search index holds all {entries:,} entries.")
            elif stale:
                problems.append(f"The search index is out of step with the entries "
                                f"({len(stale):,} of {entries:,} entries).")
            else:
                problems.append(f"The search index is out of step with the entries "
                                f"({indexed:,} indexed, {entries:,} entries).")
        version = (conn.execute("SELECT version_num FROM alembic_version").fetchone()
                   if "alembic_version" in tables else None)
        facts.append(f"Schema revision: {version[0] if version else 'none'}.")
    except database_errors() as exc:
        problems.append(f"The file could not be read to the end: {exc}.")
    finally:
        conn.close()
    return CheckReport(problems, facts, frozenset(tables))


def _search_columns(conn: sqlite3.Connection) -> bool:
    return "search_text" in {row[1] for row in conn.execute("PRAGMA table_info(entries)")}


def _stale_search_text(conn: sqlite3.Connection) -> list[int]:
    """Entries whose search text is not what the app writes for them (a hand edit)."""
    if not _search_columns(conn):
        return []
    return stale_search_ids(conn.execute(
        "SELECT id, title, body, tags_text, search_text FROM entries"))


def _fts_matches_content(db: Path, key: str | None) -> bool:
    """FTS5's own check of the index against the entries table. It writes nothing, but
    SQLite only runs it on a connection that could write."""
    conn = connect_file(db, key, timeout=10)
    try:
        conn.execute("INSERT INTO entries_fts(entries_fts, rank) VALUES('integrity-check', 1)")
        return True
    except database_errors():
        return False
    finally:
        conn.rollback()
        conn.close()


def rebuild_search_index(db: Path, key: str | None = None) -> None:
    """Each entry's search text written again where it is out of step, then every entry
    indexed again (what `db check --repair` does)."""
    conn = connect_file(db, key, timeout=10)
    try:
        with conn:
            for row_id in _stale_search_text(conn):
                title, body, tags = conn.execute(
                    "SELECT title, body, tags_text FROM entries WHERE id = ?", (row_id,)
                ).fetchone()
                conn.execute("UPDATE entries SET search_text = ? WHERE id = ?",
                             (search_text(title, body, tags.split()), row_id))
            conn.execute("INSERT INTO entries_fts(entries_fts) VALUES('rebuild')")
    finally:
        conn.close()


def restore(backup: Path, db: Path, *, now: datetime | None = None,
            key: str | None = None) -> Path | None:
    """Put a backup's content in place of the database (through SQLite's backup API,
    so the live file stays consistent), after a backup of the database as it is.
    Returns that safety backup (None when there was no database yet)."""
    if not backup.is_file():
        raise MaintenanceError(f"no such backup file: {backup}")
    if backup.resolve() == db.resolve():
        raise MaintenanceError("that is the database itself, not a backup of it")
    try:
        report = check_database(backup, key)
    except MaintenanceError as exc:
        raise MaintenanceError(f"{exc}; nothing was changed") from exc
    if not report.ok:
        raise MaintenanceError(f"{backup} is damaged ({report.problems[0]}); nothing was "
                               "changed")
    if not {"alembic_version", "entries"} <= report.tables:
        raise MaintenanceError(f"{backup} is not a compass-tui database; nothing was changed")
    if db.exists():
        _open_read_only(db, key).close()  # a journal this key cannot read is not replaced
    safety = (make_backup(db, "before-restore", keep=None, now=now, key=key)
              if db.exists() else None)
    db.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    source = _open_read_only(backup, key)
    try:
        target = connect_file(db, key, timeout=10)
        try:
            source.backup(target)
        finally:
            target.close()
    finally:
        source.close()
    db.chmod(0o600)
    return safety
