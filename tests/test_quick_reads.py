"""The lean paths: what the first frame and the quick commands read without the database
toolkit, and what is not imported on the way."""

from __future__ import annotations

import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest

from compass_tui.domain.entries import EntryInput
from compass_tui.services.journal import JournalService
from compass_tui.store import migrate
from compass_tui.store.engine import make_engine
from compass_tui.store.quick_reads import UnreadableError, first_page, sqlite_file
from compass_tui.store.repository import Repository

pytestmark = pytest.mark.sqlite_only("reads the SQLite file with the standard library")


def imported_by(code: str) -> set[str]:
    """Top-level packages loaded by running `code` in a fresh interpreter."""
    done = subprocess.run(
        [sys.executable, "-c", f"{code}\nimport sys\nprint(' '.join(sorted(sys.modules)))"],
        capture_output=True, text=True, check=True)
    return {name.split(".")[0] for name in done.stdout.split()}


def test_first_page_is_the_lists_first_page(repo: Repository, db_path: Path) -> None:
    for day in range(1, 8):
        repo.entries.add(EntryInput(entry_date=datetime(2025, 3, day, 9), title=f"Day {day}",
                                    tags=["a", "b"], starred=day == 3))
    same_time = [repo.entries.add(EntryInput(entry_date=datetime(2025, 3, 7, 9),
                                             title=f"Twin {n}")).id for n in range(2)]
    gone = repo.entries.add(EntryInput(entry_date=datetime(2025, 3, 9), title="Trashed"))
    repo.entries.trash(gone.id)
    page = first_page(db_path, 6)
    assert page is not None
    expected = JournalService(repo).page(size=6)
    assert [(e.id, e.entry_date, e.title, e.tags, e.starred) for e in page] == [
        (e.id, e.entry_date, e.title, e.tags, e.starred) for e in expected]
    assert page[0].id == same_time[1]  # newest first, the later id first on a tie


def test_no_file_or_an_older_schema_is_left_to_the_repository(db_path: Path,
                                                              db_url: str) -> None:
    assert first_page(db_path, 10) is None
    db_path.parent.mkdir(parents=True)
    engine = make_engine(db_url)
    migrate.upgrade(engine, "0009_entry_template")
    engine.dispose()
    assert first_page(db_path, 10) is None
    db_path.write_bytes(b"")  # a file SQLite sees as empty: the repository makes it
    assert first_page(db_path, 10) is None


def test_a_file_that_is_no_database_is_unreadable(tmp_path: Path) -> None:
    junk = tmp_path / "junk.db"
    junk.write_text("not a database, only words " * 100)
    with pytest.raises(UnreadableError, match="not a database"):
        first_page(junk, 10)


def test_only_plain_file_urls_are_read_this_way(tmp_path: Path) -> None:
    assert sqlite_file(f"sqlite:///{tmp_path}/a.db") == tmp_path / "a.db"
    assert sqlite_file("sqlite+pysqlcipher://:key@/x.db") is None
    assert sqlite_file("postgresql://u@h/db") is None
    assert sqlite_file("sqlite:///:memory:") is None


def test_the_shell_imports_neither_the_database_stack_nor_the_models() -> None:
    loaded = imported_by("import compass_tui.cli, compass_tui.ui.app")
    assert not loaded & {"sqlalchemy", "alembic", "pydantic", "psycopg"}


def test_a_journal_at_head_opens_without_importing_alembic(repo: Repository,
                                                           db_url: str) -> None:
    loaded = imported_by("from compass_tui.store.repository import Repository\n"
                         f"Repository.open({db_url!r}).close()")
    assert "sqlalchemy" in loaded and "alembic" not in loaded


def test_the_read_ahead_imports_no_toolkit(repo: Repository, db_path: Path) -> None:
    loaded = imported_by("from pathlib import Path\n"
                         "from compass_tui.store.quick_reads import first_page\n"
                         f"assert first_page(Path({str(db_path)!r}), 5) == []")
    assert not loaded & {"sqlalchemy", "alembic", "pydantic"}


QUERIES = [
    {},
    {"limit": 3},
    {"text": "mentor"},
    {"text": "café ana"},
    {"text": "!!!"},
    {"tags": ["Mentor"]},
    {"tags": ["mentor", "growth"]},
    {"starred": True},
    {"date_from": datetime(2025, 3, 3), "date_to": datetime(2025, 3, 6)},
    {"text": "day", "tags": ["a"], "limit": 2},
]


def seed_for_listing(repo: Repository) -> None:
    for day in range(1, 9):
        repo.entries.add(EntryInput(
            entry_date=datetime(2025, 3, day, 8 + day), title=f"Day {day} with Ana",
            body="Coffee at the café; the mentor said to write more." if day % 2 else "",
            tags=["a", "mentor"] if day % 3 else ["growth", "mentor"], starred=day == 4,
            energy=day % 5 + 1))
    gone = repo.entries.add(EntryInput(entry_date=datetime(2025, 3, 9), title="mentor gone"))
    repo.entries.trash(gone.id)


@pytest.mark.parametrize("filters", QUERIES, ids=[str(q) for q in QUERIES])
def test_list_reads_what_the_repository_reads(repo: Repository, db_path: Path,
                                              filters: dict) -> None:
    from compass_tui.domain.entries import EntryQuery
    from compass_tui.services.entry_format import entry_to_dict
    from compass_tui.store.quick_reads import list_entries

    seed_for_listing(repo)
    quick = list_entries(db_path, **filters)
    assert quick is not None
    through_repo = JournalService(repo).entries(EntryQuery(**{"limit": None, **filters}))
    assert [(e.id, entry_to_dict(e)) for e in quick] == [
        (e.id, entry_to_dict(e)) for e in through_repo]


def test_many_matches_take_the_date_index_and_agree(repo: Repository, db_path: Path) -> None:
    from compass_tui.domain.entries import EntryQuery
    from compass_tui.store.fts import COMMON_MATCHES
    from compass_tui.store.quick_reads import list_entries

    repo.entries.add_many(EntryInput(entry_date=datetime(2024, 1, 1, n // 60, n % 60),
                                     title=f"common word {n}")
                          for n in range(COMMON_MATCHES + 5))
    quick = list_entries(db_path, text="common", limit=10)
    assert quick is not None
    expected = JournalService(repo).entries(EntryQuery(text="common", limit=10))
    assert [e.id for e in quick] == [e.id for e in expected]
