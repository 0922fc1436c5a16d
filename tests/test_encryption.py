"""An encrypted journal (SQLCipher): unreadable without its passphrase, usable with it,
its backups encrypted too."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

import pytest

pytest.importorskip("sqlcipher3")

from compass_tui.config import resolve_db_url
from compass_tui.domain.entries import EntryInput, EntryQuery
from compass_tui.store.backup import connect_file
from compass_tui.store.engine import StoreError
from compass_tui.store.maintenance import make_backup
from compass_tui.store.repository import Repository
from tests.test_cli import compass

SECRET = "correct horse battery"


def test_encrypted_journal_needs_its_passphrase(tmp_path: Path) -> None:
    db = tmp_path / "compass.db"
    repo = Repository.open(resolve_db_url(str(db), SECRET))
    repo.entries.add(EntryInput(title="Private thought", body="only mine",
                                entry_date=datetime(2026, 3, 14, 9, 0)))
    assert [h.entry.title for h in repo.entries.search(EntryQuery(text="mine"))] == [
        "Private thought"]
    repo.close()
    raw = db.read_bytes()
    assert not raw.startswith(b"SQLite format 3") and b"Private thought" not in raw
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(db).execute("SELECT count(*) FROM entries").fetchone()
    with pytest.raises(StoreError, match="wrong passphrase"):
        Repository.open(resolve_db_url(str(db), "wrong"))
    assert db.read_bytes() == raw  # a wrong passphrase changes nothing
    again = Repository.open(resolve_db_url(str(db), SECRET))
    assert again.entries.count() == 1
    again.close()


def test_backups_of_an_encrypted_journal_are_encrypted(tmp_path: Path) -> None:
    db = tmp_path / "compass.db"
    Repository.open(resolve_db_url(str(db), SECRET)).close()
    backup = make_backup(db, key=SECRET)
    assert not backup.read_bytes().startswith(b"SQLite format 3")
    conn = connect_file(backup, SECRET)
    assert conn.execute("SELECT count(*) FROM alembic_version").fetchone() == (1,)
    conn.close()


def test_cli_asks_for_the_passphrase(tmp_path: Path) -> None:
    db = tmp_path / "compass.db"
    added = compass("--encrypted", "--db", str(db), "add", "Secret plan. @private",
                    stdin=SECRET + "\n")
    assert added.returncode == 0, added.stderr
    listed = compass("--encrypted", "--db", str(db), "list", stdin=SECRET + "\n")
    assert "Secret plan." in listed.stdout
    wrong = compass("--encrypted", "--db", str(db), "list", stdin="nope\n")
    assert wrong.returncode == 2
    assert "wrong passphrase" in wrong.stderr and "Traceback" not in wrong.stderr
    assert len(wrong.stderr.strip().splitlines()) == 1
    plain = compass("--db", str(db), "list")  # forgot --encrypted: said, not crashed
    assert plain.returncode == 2 and "Traceback" not in plain.stderr
    quiet = compass("--encrypted", "--db", str(db), "due")
    assert (quiet.returncode, quiet.stdout) == (0, "")


def test_db_check_and_restore_work_on_an_encrypted_journal(tmp_path: Path) -> None:
    db = tmp_path / "compass.db"
    added = compass("--encrypted", "--db", str(db), "add", "Before the backup.",
                    stdin=SECRET + "\n")
    assert added.returncode == 0, added.stderr
    checked = compass("--encrypted", "--db", str(db), "db", "check", stdin=SECRET + "\n")
    assert checked.returncode == 0, checked.stderr
    assert "The search index holds all 1 entries." in checked.stdout
    wrong = compass("--encrypted", "--db", str(db), "db", "check", stdin="nope\n")
    assert wrong.returncode == 2 and "Traceback" not in wrong.stderr
    assert "does not open with this passphrase" in wrong.stderr
    assert len(wrong.stderr.strip().splitlines()) == 1  # SQLCipher's own log kept quiet
    empty = tmp_path / "empty.db"
    empty.touch(mode=0o600)
    nothing = compass("--encrypted", "--db", str(empty), "db", "check", stdin=SECRET + "\n")
    assert nothing.returncode == 1 and "not a compass-tui journal" in nothing.stdout

    backed = compass("--encrypted", "--db", str(db), "backup", stdin=SECRET + "\n")
    assert backed.returncode == 0, backed.stderr
    [backup] = sorted((tmp_path / "backups").glob("compass-backup-*.db"))
    compass("--encrypted", "--db", str(db), "add", "After the backup.", stdin=SECRET + "\n")
    raw = db.read_bytes()
    refused = compass("--encrypted", "--db", str(db), "restore", str(backup), "--yes",
                      stdin="nope\n")
    assert refused.returncode == 2 and "Traceback" not in refused.stderr
    assert db.read_bytes() == raw  # a wrong passphrase replaces nothing
    restored = compass("--encrypted", "--db", str(db), "restore", str(backup), "--yes",
                       stdin=SECRET + "\n")
    assert restored.returncode == 0, restored.stderr
    listed = compass("--encrypted", "--db", str(db), "list", stdin=SECRET + "\n")
    assert "Before the backup." in listed.stdout and "After the backup." not in listed.stdout
    assert not db.read_bytes().startswith(b"SQLite format 3")  # still encrypted
