"""`compass add` straight into the SQLite file writes what the repository writes."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

import pytest

from compass_tui.domain.capture import parse_capture
from compass_tui.domain.entries import EntryQuery
from compass_tui.services.journal import JournalService
from compass_tui.store import migrate
from compass_tui.store.engine import make_engine
from compass_tui.store.quick_capture import add_entry
from compass_tui.store.quick_reads import first_page
from compass_tui.store.repository import Repository

pytestmark = pytest.mark.sqlite_only("writes the SQLite file with the standard library")

NOW = datetime(2025, 3, 14, 9, 30, 12, 345678)
TEXTS = [
    "Met Ana for coffee. Talked about @Mentoring and @growth, then @mentoring again.  ",
    "yesterday 18:00: Wrote the plan\nSecond line of the body.\n\n",
    "Café with Zoë — « déjà vu ». @café",
    "Just a title with no tags",
]
# Columns that differ by nature between two writes: the row's id and the moment saved.
MOMENTS = ("id", "created_at", "updated_at")


def entry_rows(db: Path) -> list[dict]:
    with sqlite3.connect(db) as conn:
        conn.row_factory = sqlite3.Row
        rows = [dict(row) for row in conn.execute("SELECT * FROM entries ORDER BY id")]
        for row in rows:
            row["tag_names"] = sorted(name for (name,) in conn.execute(
                "SELECT tags.name FROM entry_tags JOIN tags ON tags.id = entry_tags.tag_id"
                " WHERE entry_tags.entry_id = ?", (row["id"],)))
            row["indexed"] = conn.execute(
                "SELECT search_text FROM entries_fts WHERE rowid = ?", (row["id"],)
            ).fetchone()
    conn.close()
    return rows


def without_moments(rows: list[dict]) -> list[dict]:
    return [{k: v for k, v in row.items() if k not in MOMENTS} for row in rows]


def test_the_same_rows_as_the_repository(tmp_path: Path, sqlite_template: Path) -> None:
    through_repo, quick = tmp_path / "repo.db", tmp_path / "quick.db"
    for path in (through_repo, quick):
        path.write_bytes(sqlite_template.read_bytes())
    repo = Repository.open(f"sqlite:///{through_repo}")
    try:
        journal = JournalService(repo, clock=lambda: NOW)
        for text in TEXTS:
            journal.capture(text)
    finally:
        repo.close()
    for text in TEXTS:
        capture = parse_capture(text, NOW)
        assert add_entry(quick, capture.when, capture.title, capture.body, capture.tags)
    expected, written = entry_rows(through_repo), entry_rows(quick)
    assert without_moments(written) == without_moments(expected)
    assert all(row["indexed"] is not None for row in written)  # the triggers indexed them
    for row in written:  # saved moments in UTC, as the repository's are
        for column in ("created_at", "updated_at"):
            assert len(row[column]) == len(expected[0][column])
    repo = Repository.open(f"sqlite:///{quick}")
    try:  # read back through the repository: found by search, as the repository's are
        found = JournalService(repo).search(EntryQuery(text="zoe deja"))
        assert [hit.entry.title for hit in found] == ["Café with Zoë — « déjà vu »."]
    finally:
        repo.close()


def test_tags_already_there_are_reused(repo: Repository, db_path: Path) -> None:
    JournalService(repo, clock=lambda: NOW).capture("First. @mentoring")
    capture = parse_capture("Second. @mentoring @new", NOW.replace(hour=10))
    added = add_entry(db_path, capture.when, capture.title, capture.body, capture.tags)
    assert added is not None and added.title == "Second."
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("SELECT name FROM tags ORDER BY name").fetchall() == [
            ("mentoring",), ("new",)]
    conn.close()
    page = first_page(db_path, 5)
    assert page is not None and page[0].id == added.id
    assert page[0].tags == ["mentoring", "new"]


def test_a_file_to_upgrade_is_left_to_the_repository(db_path: Path, db_url: str) -> None:
    db_path.parent.mkdir(parents=True)
    engine = make_engine(db_url)
    migrate.upgrade(engine, "0009_entry_template")
    engine.dispose()
    assert add_entry(db_path, NOW, "Not written", "", []) is None
    assert add_entry(db_path.parent / "missing.db", NOW, "Not written", "", []) is None


def test_a_write_held_elsewhere_refuses_and_writes_nothing(
        repo: Repository, db_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    from compass_tui import cli
    from compass_tui.store import quick_capture

    monkeypatch.setattr(quick_capture, "PRAGMAS", ("PRAGMA busy_timeout=50",
                                                   "PRAGMA foreign_keys=ON"))
    holder = sqlite3.connect(db_path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another window in the middle of a write
    try:
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            add_entry(db_path, NOW, "Not written", "", ["x"])
        assert cli.main(["--db", str(db_path), "add", "Not written either. @x"]) == \
            cli.EXIT_REFUSED
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    said = capsys.readouterr().err
    assert "not saved: the database refused (another window is writing" in said
    assert "Traceback" not in said
    assert first_page(db_path, 5) == []
