"""Every list stops at its ends: a Down too many stays on the last row, never jumps to
the first, so the key pressed next acts on the row the user can see they reached."""

from datetime import datetime

from textual.widgets import OptionList, Select, SelectionList

from compass_tui.domain.entries import EntryInput
from compass_tui.domain.values import ValueInput
from compass_tui.store.repository import Repository
from compass_tui.ui.common.confirm import ConfirmScreen
from compass_tui.ui.goals.goal_form import GoalForm
from compass_tui.ui.journal.entry_editor import EntryEditorScreen
from compass_tui.ui.journal.entry_list import EntryList
from tests.conftest import NOW
from tests.pilot_helpers import make_app, settle

FOUR = ("Autonomy", "Integrity", "Growth", "Family")


def ranked(repo: Repository) -> list[str]:
    return [v.name for v in repo.values.active()]


async def test_five_downs_in_four_values_stay_on_the_last_and_retire_asks(
    repo: Repository,
) -> None:
    for name in FOUR:
        repo.values.add(ValueInput(name=name), NOW)
    app = make_app(repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2")
        await settle(pilot)
        listing = app.query_one("#values-list", OptionList)
        assert listing.highlighted == 0
        await pilot.press(*["down"] * 5)
        assert listing.highlighted == 3  # Family, not back round to Integrity
        await pilot.press("r")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")  # kept: nothing retired without a yes
        await settle(pilot)
        assert ranked(repo) == list(FOUR)
        await pilot.press("r", "y")
        await settle(pilot)
        assert ranked(repo) == ["Autonomy", "Integrity", "Growth"]
        await pilot.press(*["up"] * 6)
        assert listing.highlighted == 0  # the top holds too


async def test_the_journal_list_stops_at_both_ends(repo: Repository) -> None:
    for day in (1, 2, 3):
        repo.entries.add(EntryInput(entry_date=datetime(2026, 3, day, 8), title=f"Day {day}"))
    app = make_app(repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        entries = app.query_one(EntryList)
        first = entries.current_id
        await pilot.press("up")  # above the newest entry is only its day heading
        assert entries.current_id == first
        await pilot.press(*["down"] * 8)
        assert entries.summaries[entries.current_id].title == "Day 1"  # the oldest, kept


async def test_a_selection_list_stops_at_its_ends(repo: Repository) -> None:
    for name in FOUR:
        repo.values.add(ValueInput(name=name), NOW)
    app = make_app(repo)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("3", "n")
        assert isinstance(app.screen, GoalForm)
        values = app.screen.query_one("#goal-values", SelectionList)
        values.focus()
        await pilot.pause()
        await pilot.press(*["down"] * 6)
        assert values.highlighted == 3
        await pilot.press("space")
        await pilot.pause()
        assert values.selected == [repo.values.active()[3].id]  # Family, the one on screen


async def test_a_drop_down_stops_at_its_ends(repo: Repository) -> None:
    app = make_app(repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        assert isinstance(app.screen, EntryEditorScreen)
        energy = app.screen.query_one("#energy", Select)
        energy.focus()
        await pilot.press("enter")  # open it
        await pilot.pause()
        await pilot.press(*["down"] * 9, "enter")  # five ratings: the last is 5
        await pilot.pause()
        assert energy.value == 5
