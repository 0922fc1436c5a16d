"""The shell paints before the journal opens: the newest entries read ahead, keys that
wait for the journal, an upgrade that says so, and a journal that cannot be opened."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest
from textual.widgets import TabbedContent

from compass_tui.config import Settings
from compass_tui.domain.entries import EntryInput
from compass_tui.domain.entry_line import EntryLine
from compass_tui.store import migrate
from compass_tui.store.engine import StoreError, make_engine
from compass_tui.store.repository import Repository
from compass_tui.ui.app import CompassApp
from compass_tui.ui.journal.entry_list import EntryList
from compass_tui.ui.journal.journal_tab import JournalTab
from compass_tui.ui.shell.opening_view import OPENING, OpeningView
from compass_tui.ui.values.values_tab import ValuesTab
from tests.conftest import fixed_clock
from tests.pilot_helpers import region_text, screen_text, settle

Announce = Callable[[str], None]


class HeldOpener:
    """Opens the journal only when the test lets it, announcing what it was told to."""

    def __init__(self, url: str, announcing: str | None = None) -> None:
        self.url = url
        self.announcing = announcing
        self.go = threading.Event()
        self.opened: list[Repository] = []

    def __call__(self, announce: Announce) -> Repository:
        if self.announcing:
            announce(self.announcing)
        assert self.go.wait(10), "the test never let the journal open"
        self.opened.append(Repository.open(self.url))
        return self.opened[-1]

    def close(self) -> None:
        for repo in self.opened:
            repo.close()


def opening_app(opener: Callable[[Announce], Repository], url: str,
                first_page: list[EntryLine] | None) -> CompassApp:
    return CompassApp(None, Settings(db_url=url), clock=fixed_clock, opener=opener,
                      first_page=first_page)


def add_entry(repo: Repository, title: str, when: datetime) -> int:
    return repo.entries.add(EntryInput(entry_date=when, title=title, tags=["mentor"])).id


async def test_the_read_ahead_is_on_screen_before_the_journal_opens(
        repo: Repository, db_url: str) -> None:
    newest = add_entry(repo, "Coffee with Ana", datetime(2025, 3, 14, 9, 30))
    read_ahead = [EntryLine(newest, datetime(2025, 3, 14, 9, 30), "Coffee with Ana",
                            ["mentor"])]
    opener = HeldOpener(db_url)
    app = opening_app(opener, db_url, read_ahead)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause(0.05)
            view = app.query_one(OpeningView)
            assert "09:30 Coffee with Ana" in region_text(app, view.query_one(EntryList))
            assert OPENING in screen_text(app)
            assert not app.query(JournalTab)
            opener.go.set()
            await settle(pilot)
            assert not app.query(OpeningView)
            tab = app.query_one(JournalTab)
            assert "09:30 Coffee with Ana" in region_text(app, tab.entry_list)
            assert tab.shown is not None and tab.shown.id == newest
            assert isinstance(app.focused, EntryList)
            assert OPENING not in screen_text(app)
    finally:
        opener.close()


async def test_an_empty_journal_says_so_at_once(repo: Repository, db_url: str) -> None:
    opener = HeldOpener(db_url)
    app = opening_app(opener, db_url, [])
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause(0.05)
            assert "No entries yet" in screen_text(app)
            assert OPENING not in screen_text(app)
            opener.go.set()
            await settle(pilot)
            assert "No entries yet" in screen_text(app)
    finally:
        opener.close()


async def test_without_a_read_ahead_the_list_says_opening(repo: Repository,
                                                          db_url: str) -> None:
    add_entry(repo, "Coffee with Ana", datetime(2025, 3, 14, 9, 30))
    opener = HeldOpener(db_url)
    app = opening_app(opener, db_url, None)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause(0.05)
            list_text = region_text(app, app.query_one(OpeningView).query_one(EntryList))
            assert OPENING in list_text and "No entries yet" not in screen_text(app)
            opener.go.set()
            await settle(pilot)
            assert "09:30 Coffee with Ana" in region_text(app, app.query_one(JournalTab)
                                                          .entry_list)
    finally:
        opener.close()


async def test_keys_typed_while_opening_take_effect_once_open(repo: Repository,
                                                              db_url: str) -> None:
    opener = HeldOpener(db_url)
    app = opening_app(opener, db_url, [])
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause(0.05)
            await pilot.press("2")  # the Values tab, before there is one
            assert app.query_one("#tabs", TabbedContent).active == "journal"
            opener.go.set()
            await settle(pilot)
            assert app.query_one("#tabs", TabbedContent).active == "values"
            assert app.query_one(ValuesTab).is_attached
    finally:
        opener.close()


async def test_ctrl_q_quits_while_the_journal_is_still_opening(db_url: str) -> None:
    opener = HeldOpener(db_url)
    app = opening_app(opener, db_url, None)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause(0.05)
            await pilot.press("ctrl+q")
            await pilot.pause()
            assert app.return_code == 0
    finally:
        opener.go.set()
        opener.close()


async def test_an_upgrade_is_announced_on_screen(db_url: str) -> None:
    opener = HeldOpener(db_url, announcing=migrate.UPGRADING)
    app = opening_app(opener, db_url, None)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause(0.1)
            reading = app.query_one(OpeningView).query_one("#reading")
            assert "Upgrading the journal" in region_text(app, reading)
            opener.go.set()
            await settle(pilot)
            assert app.query(JournalTab)
    finally:
        opener.close()


async def test_a_journal_that_cannot_be_opened_ends_the_app_with_its_reason() -> None:
    def opener(_announce: Announce) -> Repository:
        raise StoreError("cannot open database /nowhere: it is a directory")

    app = opening_app(opener, "sqlite:////nowhere", None)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause(0.2)
    assert app.return_code == 2
    assert isinstance(app.open_error, StoreError)
    assert "it is a directory" in str(app.open_error)


@pytest.mark.sqlite_only("the backup before an upgrade copies the file")
async def test_an_old_journal_is_backed_up_and_upgraded_behind_the_shell(
        db_path: Path, db_url: str) -> None:
    db_path.parent.mkdir(parents=True, mode=0o700)
    engine = make_engine(db_url)
    migrate.upgrade(engine, "0009_entry_template")
    with engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO entries (entry_date, title, body, tags_text, search_text, starred,"
            " kind, version, created_at, updated_at) VALUES ('2025-03-14 09:30:00.000000',"
            " 'Written before the upgrade', '', '', 'written before the upgrade ¶  ¶ ', 0,"
            " 'journal', 1, '2025-03-14 09:30:00', '2025-03-14 09:30:00')")
    engine.dispose()
    said: list[str] = []
    opened: list[Repository] = []

    def opener(announce: Announce) -> Repository:
        def telling(message: str) -> None:
            said.append(message)
            announce(message)
        opened.append(Repository.open(db_url, announce=telling))
        return opened[-1]

    app = opening_app(opener, db_url, None)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot, rounds=3)
            assert said[0] == migrate.UPGRADING
            assert said[1].startswith(migrate.UPGRADED) and "backups" in said[1]
            assert "Written before the upgrade" in screen_text(app)
    finally:
        for repo in opened:
            repo.close()
    backups = list((db_path.parent / "backups").iterdir())
    assert len(backups) == 1
    with sqlite3.connect(backups[0]) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == (
            "0009_entry_template",)
    conn.close()
