"""Backups kept to a number, one a day, restore, and the integrity check."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime
from pathlib import Path

import pytest

from compass_tui.domain.entries import EntryInput
from compass_tui.store.maintenance import (
    MaintenanceError,
    backups_of,
    check_database,
    daily_backup,
    make_backup,
    prune,
    rebuild_search_index,
    restore,
)
from compass_tui.store.repository import Repository
from tests.conftest import NOW
from tests.test_cli import compass


def journal(path: Path, *titles: str) -> Path:
    repo = Repository.open(f"sqlite:///{path}")
    for title in titles:
        repo.entries.add(EntryInput(title=title, body="", entry_date=NOW))
    repo.close()
    return path


def titles(path: Path) -> list[str]:
    with sqlite3.connect(path) as conn:
        return [row[0] for row in conn.execute("SELECT title FROM entries ORDER BY id")]


def test_backups_are_kept_to_a_number(tmp_path: Path) -> None:
    db = journal(tmp_path / "compass.db", "One")
    for second in range(5):
        make_backup(db, keep=3, now=datetime(2026, 3, 15, 9, 0, second))
    kept = backups_of(db, "backup")
    assert [p.name for p in kept] == [f"compass-backup-20260315-09000{s}.db" for s in (2, 3, 4)]
    assert all(p.stat().st_mode & 0o777 == 0o600 for p in kept)
    (kept[0].parent / "my-own-copy.db").write_bytes(b"keep me")
    assert prune(db, "backup", 1) == kept[:2]
    assert (kept[0].parent / "my-own-copy.db").exists()  # not ours to prune


def test_one_daily_backup_a_day(tmp_path: Path) -> None:
    db = journal(tmp_path / "compass.db", "One")
    first = daily_backup(db, date(2026, 3, 15), now=datetime(2026, 3, 15, 8, 0))
    assert first is not None and titles(first) == ["One"]
    assert daily_backup(db, date(2026, 3, 15), now=datetime(2026, 3, 15, 20, 0)) is None
    assert daily_backup(db, date(2026, 3, 16), now=datetime(2026, 3, 16, 8, 0)) is not None
    assert daily_backup(tmp_path / "missing.db", date(2026, 3, 16)) is None


def test_restore_puts_the_backup_back_and_keeps_what_was_there(tmp_path: Path) -> None:
    db = journal(tmp_path / "compass.db", "Before")
    backup = make_backup(db)
    journal(db, "After")
    safety = restore(backup, db, now=datetime(2026, 3, 16, 9, 0))
    assert titles(db) == ["Before"]
    assert safety is not None and titles(safety) == ["Before", "After"]
    repo = Repository.open(f"sqlite:///{db}")  # still a working journal
    assert [e.title for e in repo.entries.entries(__import__(
        "compass_tui.domain.entries", fromlist=["EntryQuery"]).EntryQuery())] == ["Before"]
    repo.close()


@pytest.mark.parametrize("content", [b"not a database at all" * 50, None])
def test_restore_refuses_what_is_not_a_compass_database(tmp_path: Path,
                                                        content: bytes | None) -> None:
    db = journal(tmp_path / "compass.db", "Mine")
    before = db.read_bytes()
    bad = tmp_path / "bad.db"
    if content is None:  # a SQLite file, but not ours
        with sqlite3.connect(bad) as conn:
            conn.execute("CREATE TABLE other (x)")
        conn.close()
    else:
        bad.write_bytes(content)
    with pytest.raises(MaintenanceError, match="nothing was changed"):
        restore(bad, db)
    assert db.read_bytes() == before


def test_check_finds_an_index_out_of_step_and_repair_fixes_it(tmp_path: Path) -> None:
    db = journal(tmp_path / "compass.db", "One", "Two")
    report = check_database(db)
    assert report.ok and any("all 2 entries" in fact for fact in report.facts)
    with sqlite3.connect(db) as conn:
        conn.execute("INSERT INTO entries_fts(entries_fts, rowid, search_text) "
                     "SELECT 'delete', id, search_text FROM entries WHERE id = 1")
    conn.close()
    broken = check_database(db)
    assert not broken.ok and "out of step" in broken.problems[0]
    rebuild_search_index(db)
    assert check_database(db).ok


def test_check_finds_an_entry_changed_by_hand_and_repair_fixes_it(tmp_path: Path) -> None:
    """A title edited outside the app leaves its search text behind: said, and mended."""
    from compass_tui.domain.entries import EntryQuery

    db = journal(tmp_path / "compass.db", "One", "Two")
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE entries SET title = 'Renamed by hand' WHERE id = 1")
    conn.close()
    broken = check_database(db)
    assert not broken.ok and "(1 of 2 entries)" in broken.problems[0]
    rebuild_search_index(db)
    assert check_database(db).ok
    repo = Repository.open(f"sqlite:///{db}")
    assert [h.entry.title for h in repo.entries.search(EntryQuery(text="renamed"))] == [
        "Renamed by hand"]
    repo.close()


def test_check_refuses_a_file_that_is_not_a_database(tmp_path: Path) -> None:
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"hello" * 100)
    with pytest.raises(MaintenanceError, match="not a SQLite database"):
        check_database(junk)


# -- through the command line -------------------------------------------------------


def test_cli_backup_keep_restore_and_db_check(tmp_path: Path) -> None:
    db = journal(tmp_path / "compass.db", "Before")
    folder = tmp_path / "copies"
    folder.mkdir()
    for _ in range(3):
        made = compass("backup", str(folder), "--keep", "2", db=db)
        assert made.returncode == 0, made.stderr
    assert len(list(folder.iterdir())) <= 2
    backup = sorted(folder.iterdir())[-1]
    assert compass("add", "After", db=db).returncode == 0
    refused = compass("restore", str(backup), db=db)  # no terminal to ask: refuse
    assert refused.returncode == 2 and "--yes" in refused.stderr
    done = compass("restore", str(backup), "--yes", db=db)
    assert done.returncode == 0, done.stderr
    assert titles(db) == ["Before"]
    checked = compass("db", "check", db=db)
    assert checked.returncode == 0 and "all good" in checked.stdout


def test_cli_db_check_reports_and_repairs(tmp_path: Path) -> None:
    db = journal(tmp_path / "compass.db", "One")
    with sqlite3.connect(db) as conn:
        conn.execute("INSERT INTO entries_fts(entries_fts, rowid, search_text) "
                     "SELECT 'delete', id, search_text FROM entries")
    conn.close()
    found = compass("db", "check", db=db)
    assert found.returncode == 1 and "Problem: The search index" in found.stdout
    fixed = compass("db", "check", "--repair", db=db)
    assert fixed.returncode == 0 and "rebuilt" in fixed.stdout


def test_cli_restore_of_a_missing_file_is_one_line(tmp_path: Path) -> None:
    db = journal(tmp_path / "compass.db", "One")
    result = compass("restore", str(tmp_path / "nope.db"), "--yes", db=db)
    assert result.returncode == 2
    assert result.stderr.strip().startswith("compass: no such backup file")
