"""The highlighted line, the reading pane and what e, s and d act on are one entry,
after a delete, after fast keys, and after Enter on a search result."""

from datetime import datetime

import pytest
from textual.widgets import Input, Static

from compass_tui.domain.entries import EntryInput
from compass_tui.store.repository import Repository
from compass_tui.ui.common.key_bar import KeyBar
from compass_tui.ui.journal import journal_tab
from compass_tui.ui.journal.entry_editor import EntryEditorScreen
from compass_tui.ui.journal.entry_list import EntryList
from tests.pilot_helpers import make_app, settle, type_text


def seed(repo: Repository, *titles: str) -> list[int]:
    """Entries on successive days, the first title the oldest."""
    return [repo.entries.add(EntryInput(entry_date=datetime(2026, 3, day, 8), title=title)).id
            for day, title in enumerate(titles, start=1)]


def pane(app: object) -> str:
    return str(app.query_one("#reading-heading", Static).render())  # type: ignore[attr-defined]


def highlighted_title(app: object) -> str | None:
    entries = app.query_one(EntryList)  # type: ignore[attr-defined]
    current = entries.current_id
    return entries.summaries[current].title if current is not None else None


async def test_after_a_delete_the_next_entry_is_highlighted_shown_and_edited(
    repo: Repository,
) -> None:
    seed(repo, "Oldest", "Middle", "Newest")
    app = make_app(repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("down")  # Middle
        await settle(pilot)
        await pilot.press("d", "y")
        await settle(pilot)
        assert highlighted_title(app) == "Oldest"  # the next one down took its place
        assert "Oldest" in pane(app) and "Middle" not in pane(app)
        await pilot.press("e")
        assert isinstance(app.screen, EntryEditorScreen)
        assert app.screen.entry is not None  # an edit, not a blank "New entry"
        assert app.screen.query_one("#title", Input).value == "Oldest"


async def test_deleting_the_last_line_moves_up_to_the_one_above(repo: Repository) -> None:
    seed(repo, "Oldest", "Newest")
    app = make_app(repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("down")  # Oldest, the last line
        await settle(pilot)
        await pilot.press("d", "y")
        await settle(pilot)
        assert highlighted_title(app) == "Newest"
        assert "Newest" in pane(app)
        await pilot.press("s")  # the star lands on what is shown
        await settle(pilot)
        starred = [s.title for s in app.query_one(EntryList).summaries.values() if s.starred]
        assert starred == ["Newest"]


async def test_an_emptied_list_says_so_and_e_opens_nothing(repo: Repository) -> None:
    seed(repo, "Only one")
    app = make_app(repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("d", "y")
        await settle(pilot)
        assert highlighted_title(app) is None
        assert "No entries left" in pane(app) and "Only one" not in pane(app)
        await pilot.press("e", "s", "d")
        await settle(pilot)
        assert not isinstance(app.screen, EntryEditorScreen)
        assert any("No entry to edit" in n.message for n in app._notifications)
        assert repo.drafts.all() == []


async def test_keys_typed_before_the_pane_catches_up_act_on_the_highlighted_entry(
    repo: Repository, monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The pane redraws at most this often; a slow one makes the lag certain.
    monkeypatch.setattr(journal_tab, "SHOW_INTERVAL", 5.0)
    seed(repo, "Oldest", "Middle", "Newest")
    app = make_app(repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("down", "down", "e")  # the pane still shows Middle
        assert isinstance(app.screen, EntryEditorScreen)
        assert app.screen.query_one("#title", Input).value == "Oldest"
        await pilot.press("escape")
        await settle(pilot)
        assert highlighted_title(app) == "Oldest" and "Oldest" in pane(app)


async def test_enter_on_a_search_result_written_elsewhere_selects_it_and_shows_it(
    repo: Repository,
) -> None:
    seed(repo, "Oldest", "Newest")
    app = make_app(repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        # `compass add` in another shell, after the list was read.
        outside = repo.entries.add(EntryInput(entry_date=datetime(2026, 3, 9, 8),
                                              title="Added from the shell")).id
        await pilot.press("slash")
        await type_text(pilot, "shell")
        await pilot.pause(0.3)
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot, rounds=3)
        assert app.query_one(EntryList).current_id == outside
        assert "Added from the shell" in pane(app)
        await pilot.press("e")
        assert app.screen.query_one("#title", Input).value == "Added from the shell"


async def test_a_result_older_than_the_list_can_reach_is_shown_on_its_own(
    repo: Repository, monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(journal_tab, "FIND_LIMIT", 50)
    [old] = seed(repo, "Ancient zebra")
    repo.entries.add_many(EntryInput(entry_date=datetime(2026, 5, 1 + i % 28, 8, i // 28),
                                     title=f"Filler {i}") for i in range(120))
    app = make_app(repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        await type_text(pilot, "zebra")
        await pilot.pause(0.3)
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot, rounds=3)
        assert app.journal_tab.shown.id == old and "Ancient zebra" in pane(app)
        assert app.query_one(EntryList).current_id is None  # no other line marked
        await pilot.press("e")
        assert app.screen.query_one("#title", Input).value == "Ancient zebra"


async def test_the_search_key_bar_says_what_enter_does(repo: Repository) -> None:
    seed(repo, "Coffee with Ana")
    app = make_app(repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        await type_text(pilot, "coffee")
        await pilot.pause(0.3)
        await settle(pilot)
        bar = app.screen.query_one(KeyBar).line().plain
        assert "Show in journal" in bar
        await pilot.press("down", "enter")  # from the results, the same Enter
        await settle(pilot)
        assert highlighted_title(app) == "Coffee with Ana"
