"""Faults that must never lose words: a read-only database, a second process writing
the same entry, a corrupt file at the --db path."""

from __future__ import annotations

import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest
from textual.widgets import Input, TextArea

from compass_tui.domain.entries import EntryInput
from compass_tui.services.journal import EditConflict, JournalService
from compass_tui.store.repository import Repository
from compass_tui.ui.journal.entry_editor import EntryEditorScreen
from tests.conftest import fixed_clock
from tests.pilot_helpers import make_app, settle, type_text
from tests.test_cli import compass


def read_only_url(path: Path) -> str:
    # SQLite itself refuses every write: closer to a read-only mount than chmod, which
    # the superuser (CI) would ignore.
    return f"sqlite:///file:{path}?mode=ro&uri=true"


@pytest.fixture
def journal_file(tmp_path: Path) -> Path:
    path = tmp_path / "compass.db"
    repo = Repository.open(f"sqlite:///{path}")
    repo.entries.add(EntryInput(title="Already here", body="", entry_date=datetime(2026, 3, 1)))
    repo.close()
    return path


def test_cli_write_to_a_read_only_database_is_one_line(journal_file: Path) -> None:
    before = journal_file.read_bytes()
    result = compass("--db", read_only_url(journal_file), "add", "Lost? No: refused.")
    assert result.returncode == 1
    assert result.stderr.strip() == ("compass: not saved: the database refused (the database "
                                     "file is read-only)")
    assert journal_file.read_bytes() == before


async def test_editor_keeps_the_text_when_the_database_is_read_only(
        journal_file: Path) -> None:
    repo = Repository.open(read_only_url(journal_file))
    app = make_app(repo)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            await pilot.press("n")
            await type_text(pilot, "Words worth keeping")
            app.screen.query_one("#body", TextArea).focus()
            await type_text(pilot, "body text")
            await pilot.press("ctrl+s")
            await settle(pilot)
            screen = app.screen
            assert isinstance(screen, EntryEditorScreen)  # still open
            status = str(screen.query_one("#editor-status").render())
            assert "the database file is read-only" in status
            assert screen.query_one("#title", Input).value == "Words worth keeping"
            assert screen.query_one("#body", TextArea).text == "body text"
    finally:
        repo.close()


SECOND_WRITER = """
import sys
from compass_tui.store.repository import Repository
from compass_tui.domain.entries import EntryInput
repo = Repository.open(sys.argv[1])
entry = repo.entries.get(int(sys.argv[2]))
repo.entries.update(entry.id, EntryInput(entry_date=entry.entry_date, title=entry.title,
                                         body="written by the other process"),
                    expected_version=entry.version)
repo.close()
"""


def test_a_real_second_process_writing_the_same_entry_is_detected(journal_file: Path) -> None:
    url = f"sqlite:///{journal_file}"
    repo = Repository.open(url)
    journal = JournalService(repo, fixed_clock)
    opened = journal.page()[0]
    entry = journal.get(opened.id)
    done = subprocess.run([sys.executable, "-c", SECOND_WRITER, url, str(entry.id)],
                          capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    mine = EntryInput(entry_date=entry.entry_date, title=entry.title, body="written here")
    with pytest.raises(EditConflict) as caught:
        from compass_tui.domain.entries import Draft

        journal.save_draft(Draft(key=f"entry:{entry.id}", entry_id=entry.id,
                                 entry_version=entry.version, title=mine.title,
                                 body=mine.body), entry)
    assert caught.value.theirs.body == "written by the other process"
    assert journal.get(entry.id).body == "written by the other process"  # not overwritten
    both = journal.resolve_conflict(caught.value, "both")
    assert both.kept_both and journal.get(both.entry.id).body == "written here"
    repo.close()


def test_a_corrupt_file_at_the_db_path_is_named_and_never_overwritten(tmp_path: Path) -> None:
    corrupt = tmp_path / "compass.db"
    payload = b"SQLite format 3\x00" + b"\xff" * 4000  # a header, then garbage
    corrupt.write_bytes(payload)
    for args in (("list",), ("add", "hello"), ("export",), ("due",), ("db", "check")):
        result = compass(*args, db=corrupt)
        assert result.returncode in (1, 2), (args, result.stderr)
        assert "Traceback" not in result.stderr, args
        said = result.stderr + result.stdout
        assert str(corrupt) in said or "could not be read" in said, args
        assert corrupt.read_bytes() == payload, args


async def test_a_refused_write_in_a_tab_is_said_not_a_crash(journal_file: Path) -> None:
    from compass_tui.domain.goals import GoalInput, TaskInput
    from compass_tui.services.goals import GoalsService

    repo = Repository.open(f"sqlite:///{journal_file}")
    goals = GoalsService(repo, fixed_clock)
    goal = goals.create(GoalInput(title="Ship"))
    goals.add_task(TaskInput(goal_id=goal.id, title="Write", due=fixed_clock().date()))
    repo.close()
    read_only = Repository.open(read_only_url(journal_file))
    app = make_app(read_only)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            await pilot.press("3")
            await settle(pilot)
            await pilot.press("v", "v")  # this week
            await settle(pilot)
            await pilot.press("space")  # tick: the database refuses
            await settle(pilot)
            assert any("the database file is read-only" in n.message
                       for n in app._notifications)
            assert app.is_running
    finally:
        read_only.close()
