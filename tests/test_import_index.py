"""A bulk import indexes its entries for search once, at the end, and leaves the index's
trigger as it found it, whether the import succeeds or fails."""

from __future__ import annotations

import sqlite3
from datetime import date, timedelta
from pathlib import Path

import pytest

from compass_tui.domain.entries import EntryInput, EntryQuery
from compass_tui.domain.import_records import EntryRecord, ImportBatch
from compass_tui.services.importers import ImportService, read_batch
from compass_tui.services.journal import JournalService
from compass_tui.store import import_entries, import_vision
from compass_tui.store.maintenance import check_database
from compass_tui.store.repository import Repository
from tests.conftest import NOW, fixed_clock

JRNL = Path(__file__).parent / "data" / "jrnl-export.json"
JRNL_TEXT = Path(__file__).parent / "data" / "jrnl-journal.txt"


def trigger_sql(db: Path) -> str | None:
    with sqlite3.connect(db) as conn:
        row = conn.execute("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?",
                           (import_entries.FTS_INSERT_TRIGGER,)).fetchone()
    conn.close()
    return row[0] if row else None


def test_imported_entries_are_found_and_later_ones_too(repo: Repository) -> None:
    repo.entries.add(EntryInput(entry_date=NOW, title="Written before the import"))
    batch = read_batch("jrnl", str(JRNL))
    ImportService(repo, fixed_clock).write(batch)
    journal = JournalService(repo, fixed_clock)
    for entry in batch.entries:
        word = next(w for w in entry.title.split() if len(w) > 3)
        assert any(hit.entry.title == entry.title
                   for hit in journal.search(EntryQuery(text=word, limit=None)))
    assert journal.search(EntryQuery(text="before the import"))
    repo.entries.add(EntryInput(entry_date=NOW, title="Zanzibar after the import"))
    assert journal.search(EntryQuery(text="zanzibar"))  # the trigger indexes it


@pytest.mark.sqlite_only("FTS5's trigger and the file's own check")
def test_the_trigger_is_put_back_as_it_was(repo: Repository, db_path: Path) -> None:
    before = trigger_sql(db_path)
    assert before is not None
    ImportService(repo, fixed_clock).write(read_batch("jrnl", str(JRNL)))
    assert trigger_sql(db_path) == before
    report = check_database(db_path, None)
    assert report.ok, report.problems


@pytest.mark.sqlite_only("FTS5's trigger")
def test_a_failed_import_leaves_the_trigger_and_the_index(
        repo: Repository, db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = trigger_sql(db_path)

    def broken(*_args: object) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(import_vision, "write_checkins", broken)  # after the entries
    with pytest.raises(RuntimeError, match="disk full"):
        ImportService(repo, fixed_clock).write(read_batch("jrnl", str(JRNL)))
    assert trigger_sql(db_path) == before
    assert JournalService(repo).entries(EntryQuery(limit=None)) == []
    assert check_database(db_path, None).ok


def fts_settings(db: Path) -> list[tuple[str, object]]:
    with sqlite3.connect(db) as conn:
        rows = conn.execute("SELECT k, v FROM entries_fts_config ORDER BY k").fetchall()
    conn.close()
    return rows


@pytest.mark.sqlite_only("FTS5's own settings")
def test_the_index_settings_are_left_as_they_were(repo: Repository, db_path: Path) -> None:
    before = fts_settings(db_path)
    assert "hashsize" not in dict(before)
    ImportService(repo, fixed_clock).write(read_batch("jrnl", str(JRNL)))
    assert fts_settings(db_path) == before
    with sqlite3.connect(db_path) as conn:  # a journal that has its own keeps it
        conn.execute("INSERT INTO entries_fts (entries_fts, rank) VALUES ('hashsize', 4096)")
    conn.close()
    ImportService(repo, fixed_clock).write(read_batch("jrnl-text", str(JRNL_TEXT)))
    assert dict(fts_settings(db_path))["hashsize"] == 4096
    assert check_database(db_path, None).ok


@pytest.mark.sqlite_only("SQLite's own date and time text")
def test_dates_are_written_as_the_column_writes_them() -> None:
    from datetime import datetime, timedelta

    from sqlalchemy.dialects import sqlite

    from compass_tui.store import import_rows
    from compass_tui.store.tables import EntryRow

    dialect = sqlite.dialect()
    column = EntryRow.__table__.c.entry_date.type.dialect_impl(dialect)
    process = column.bind_processor(dialect)
    quick = import_rows._iso_when_same(process)
    assert quick is not process
    moments = [datetime(1, 1, 1), datetime(9999, 12, 31, 23, 59, 59, 999999),
               datetime(2024, 2, 29, 7, 5), None]
    moments += [datetime(1900, 1, 1) + timedelta(seconds=n * 7_777_777.123457)
                for n in range(500)]
    for when in moments:
        assert quick(when) == process(when)


def small_batches(monkeypatch: pytest.MonkeyPatch) -> None:
    real = import_entries.chunks
    monkeypatch.setattr(import_entries, "chunks", lambda items: real(items, 7))


def many_entries(count: int) -> list[EntryRecord]:
    return [EntryRecord(day=date(2020, 1, 1) + timedelta(days=n), title=f"Entry {n}",
                        body=f"word{n} @t{n % 5}", tags=[f"t{n % 5}", f"only{n}"][:1 + n % 2])
            for n in range(count)]


def test_entries_written_batch_by_batch_keep_their_tags(
        repo: Repository, monkeypatch: pytest.MonkeyPatch) -> None:
    """Batches written while the next is made ready: every entry with its own tags and
    found by its own words."""
    small_batches(monkeypatch)
    records = many_entries(40)
    ImportService(repo, fixed_clock).write(ImportBatch(entries=records))
    journal = JournalService(repo, fixed_clock)
    stored = {e.title: e.tags for e in journal.entries(EntryQuery(limit=None))}
    assert stored == {r.title: r.tags for r in records}
    for n in (0, 13, 39):
        [hit] = journal.search(EntryQuery(text=f"word{n}"))
        assert hit.entry.title == f"Entry {n}"
    assert {e.title for e in journal.entries(EntryQuery(tags=["t3"], limit=None))} == {
        f"Entry {n}" for n in range(40) if n % 5 == 3}


def test_a_batch_that_fails_on_the_way_leaves_nothing(
        repo: Repository, monkeypatch: pytest.MonkeyPatch, db_url: str) -> None:
    small_batches(monkeypatch)
    calls = []
    real = import_entries.insert_processed if "sqlite" in db_url else import_entries.insert_tuples
    name = "insert_processed" if "sqlite" in db_url else "insert_tuples"

    def failing(*args: object, **kwargs: object) -> list[int]:
        calls.append(1)
        if len(calls) == 5:  # the third batch's entries, after two whole batches
            raise RuntimeError("disk full")
        return real(*args, **kwargs)

    monkeypatch.setattr(import_entries, name, failing)
    with pytest.raises(RuntimeError, match="disk full"):
        ImportService(repo, fixed_clock).write(ImportBatch(entries=many_entries(40)))
    monkeypatch.undo()
    journal = JournalService(repo, fixed_clock)
    assert journal.entries(EntryQuery(limit=None)) == []
    assert journal.search(EntryQuery(text="word1")) == []
    repo.entries.add(EntryInput(entry_date=NOW, title="Zanzibar after the failure"))
    assert journal.search(EntryQuery(text="zanzibar"))  # the trigger is there
