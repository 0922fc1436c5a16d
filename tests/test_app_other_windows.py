"""What another process writes (`compass add`, a second SSH window) shows in the open
app within seconds: on the tab on screen, never under an open editor, with the cursor
left on its entry."""

from collections.abc import Iterator
from datetime import datetime

import pytest
from textual import events
from textual.pilot import Pilot
from textual.widgets import Input, OptionList, Static

from compass_tui.domain.entries import EntryInput
from compass_tui.domain.values import ValueInput
from compass_tui.store.repository import Repository
from compass_tui.ui.app import CHANGE_CHECK_SECONDS
from compass_tui.ui.journal.entry_editor import EntryEditorScreen
from compass_tui.ui.journal.entry_list import EntryList
from tests.conftest import NOW
from tests.pilot_helpers import make_app, settle, type_text


@pytest.fixture
def elsewhere(db_url: str, repo: Repository) -> Iterator[Repository]:
    """Another process's view of the same file: its own engine and connections."""
    other = Repository.open(db_url)
    yield other
    other.close()


def seed(repo: Repository, *titles: str) -> list[int]:
    return [repo.entries.add(EntryInput(entry_date=datetime(2026, 3, day, 8), title=title)).id
            for day, title in enumerate(titles, start=1)]


def titles(pilot: Pilot) -> list[str]:
    return [s.title for s in pilot.app.query_one(EntryList).summaries.values()]


def pane(pilot: Pilot) -> str:
    return str(pilot.app.query_one("#reading-heading", Static).render())


async def looked(pilot: Pilot) -> None:
    """One look for changes, as the app makes every few seconds, and its reads done."""
    pilot.app.look_for_changes()  # type: ignore[attr-defined]
    await settle(pilot, rounds=3)


async def test_an_entry_added_elsewhere_appears_within_seconds_and_the_cursor_stays(
    repo: Repository, elsewhere: Repository,
) -> None:
    seed(repo, "Oldest", "Middle", "Newest")
    app = make_app(repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("down")
        await settle(pilot)
        entries = app.query_one(EntryList)
        middle = entries.current_id
        elsewhere.entries.add(EntryInput(entry_date=datetime(2026, 3, 9, 8),
                                         title="Added by compass add"))
        waited = 0.0
        while "Added by compass add" not in titles(pilot) and waited < CHANGE_CHECK_SECONDS + 3:
            await pilot.pause(0.2)
            waited += 0.2
        await settle(pilot)
        assert titles(pilot) == ["Added by compass add", "Newest", "Middle", "Oldest"]
        assert entries.current_id == middle and "Middle" in pane(pilot)


async def test_nothing_changes_under_an_open_editor_and_all_shows_after(
    repo: Repository, elsewhere: Repository,
) -> None:
    seed(repo, "Oldest")
    app = make_app(repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await type_text(pilot, "My own words")
        elsewhere.entries.add(EntryInput(entry_date=datetime(2026, 3, 9, 8), title="Outside"))
        await looked(pilot)
        assert isinstance(app.screen, EntryEditorScreen)
        assert app.screen.query_one("#title", Input).value == "My own words"
        assert titles(pilot) == ["Oldest"]  # the list under the editor was left alone
        await pilot.press("escape")  # leave, the draft kept
        await settle(pilot)
        await looked(pilot)
        assert titles(pilot) == ["Outside", "Oldest"]


async def test_an_entry_edited_elsewhere_is_shown_anew_in_place(
    repo: Repository, elsewhere: Repository,
) -> None:
    _oldest, newest = seed(repo, "Oldest", "Newest")
    app = make_app(repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        entries = app.query_one(EntryList)
        assert entries.current_id == newest
        current = elsewhere.entries.get(newest)
        elsewhere.entries.update(newest, EntryInput(entry_date=current.entry_date,
                                                    title="Newest, retitled elsewhere"),
                                 expected_version=current.version)
        await looked(pilot)
        assert entries.current_id == newest
        assert "retitled elsewhere" in pane(pilot)
        assert titles(pilot) == ["Newest, retitled elsewhere", "Oldest"]


async def test_an_entry_deleted_elsewhere_gives_its_place_to_the_next(
    repo: Repository, elsewhere: Repository,
) -> None:
    _oldest, middle, _newest = seed(repo, "Oldest", "Middle", "Newest")
    app = make_app(repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("down")
        await settle(pilot)
        elsewhere.entries.trash(middle)
        await looked(pilot)
        entries = app.query_one(EntryList)
        assert entries.summaries[entries.current_id].title == "Oldest"
        assert "Oldest" in pane(pilot) and "Middle" not in pane(pilot)
        await pilot.press("e")
        assert app.screen.query_one("#title", Input).value == "Oldest"


async def test_coming_back_to_the_window_looks_at_once(
    repo: Repository, elsewhere: Repository,
) -> None:
    seed(repo, "Oldest")
    app = make_app(repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        elsewhere.entries.add(EntryInput(entry_date=datetime(2026, 3, 9, 8), title="Outside"))
        app.post_message(events.AppFocus())  # the terminal says the window is back
        await settle(pilot, rounds=3)
        assert titles(pilot) == ["Outside", "Oldest"]


async def test_the_values_tab_on_screen_and_a_hidden_journal_catch_up(
    repo: Repository, elsewhere: Repository,
) -> None:
    seed(repo, "Oldest")
    for name in ("Integrity", "Growth"):
        repo.values.add(ValueInput(name=name), NOW)
    app = make_app(repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2")
        await settle(pilot, rounds=3)
        listing = app.query_one("#values-list", OptionList)
        await pilot.press("down")  # Growth
        elsewhere.values.add(ValueInput(name="Autonomy"), NOW)
        elsewhere.entries.add(EntryInput(entry_date=datetime(2026, 3, 9, 8), title="Outside"))
        await looked(pilot)
        shown = [str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count)]
        assert [line.split()[1] for line in shown] == ["Integrity", "Growth", "Autonomy"]
        assert "Growth" in str(listing.highlighted_option.prompt)  # the cursor stayed
        await pilot.press("1")
        await settle(pilot, rounds=3)
        assert titles(pilot) == ["Outside", "Oldest"]


async def test_far_down_the_list_the_cursor_keeps_its_line_on_the_screen(
    repo: Repository, elsewhere: Repository,
) -> None:
    repo.entries.add_many(EntryInput(entry_date=datetime(2026, 2, 1 + i % 28, 8, i // 28),
                                     title=f"Filler {i}") for i in range(80))
    app = make_app(repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press(*["down"] * 40, *["up"] * 8)  # the cursor mid-screen
        await settle(pilot)
        entries = app.query_one(EntryList)
        here, line = entries.current_id, entries.highlighted - entries.scroll_y
        assert entries.scroll_y > 0
        elsewhere.entries.add(EntryInput(entry_date=datetime(2026, 3, 9, 8), title="Outside"))
        await looked(pilot)
        assert titles(pilot)[0] == "Outside"
        assert entries.current_id == here
        assert entries.highlighted - entries.scroll_y == line  # the same line of the screen


async def test_a_read_overtaken_by_paging_never_moves_the_cursor(repo: Repository) -> None:
    repo.entries.add_many(EntryInput(entry_date=datetime(2026, 2, 1 + i % 28, 8, i // 28),
                                     title=f"Filler {i}") for i in range(150))
    app = make_app(repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        tab = app.journal_tab
        first_page = app.journal.page(size=100)  # a refresh read begun before paging on
        await pilot.press(*["down"] * 125)  # into the second page
        await settle(pilot)
        entries = app.query_one(EntryList)
        here = entries.current_id
        assert len(entries.summaries) == 150 and here not in {e.id for e in first_page}
        tab._rows_read(first_page, 100, None, tab.shown)  # that read lands now
        await settle(pilot, rounds=3)
        assert entries.current_id == here and len(entries.summaries) == 150
