"""The Values tab through the keyboard, on a real database file."""

from textual.pilot import Pilot
from textual.widgets import Input, OptionList, Static, TabbedContent

from compass_tui.domain.values import ValueInput
from compass_tui.store.repository import Repository
from compass_tui.ui.common.confirm import ConfirmScreen
from compass_tui.ui.values.rank_history import RankHistoryScreen
from compass_tui.ui.values.value_form import ValueForm
from compass_tui.ui.values.values_tab import ValuesTab
from tests.conftest import NOW
from tests.pilot_helpers import make_app, settle, type_text


def ranked(repo: Repository) -> list[str]:
    return [v.name for v in repo.values.active()]


async def add_from_catalogue(pilot: Pilot, word: str) -> None:
    await pilot.press("n")
    assert isinstance(pilot.app.screen, ValueForm)
    await type_text(pilot, word)
    await pilot.press("enter")  # one Enter picks the first match
    await pilot.press("ctrl+s")
    await settle(pilot)


async def test_add_three_from_the_catalogue_rerank_and_find_it_after_restart(
    repo: Repository, db_url: str
) -> None:
    app = make_app(repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2")
        for word in ("integrity", "growth", "autonomy"):
            await add_from_catalogue(pilot, word)
        assert ranked(repo) == ["Integrity", "Growth", "Autonomy"]
        assert repo.values.active()[0].meaning  # the catalogue's meaning came along
        listing = app.query_one("#values-list", OptionList)
        assert listing.highlighted == 2  # the one just added
        await pilot.press("K", "K")  # Autonomy to the top
        await pilot.press("down", "shift+down")  # Integrity below Growth
        await settle(pilot)
        assert ranked(repo) == ["Autonomy", "Growth", "Integrity"]

    repo.close()  # a real restart: a new engine on the same file
    reopened = Repository.open(db_url)
    again = make_app(reopened)
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.press("2")
        await settle(pilot)
        listing = again.query_one("#values-list", OptionList)
        lines = [listing.get_option_at_index(i).prompt.plain for i in range(3)]
        assert [line.split()[1] for line in lines] == ["Autonomy", "Growth", "Integrity"]
        assert all("served by nothing" in line for line in lines)


async def test_own_value_with_meaning_and_why(repo: Repository) -> None:
    app = make_app(repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2", "n")
        await type_text(pilot, "craft beer")
        screen = app.screen
        screen.query_one("#value-meaning", Input).value = "Making small things well"
        screen.query_one("#value-why", Input).value = "It keeps me honest"
        await pilot.press("ctrl+s")
        await settle(pilot)
    [value] = repo.values.active()
    assert (value.name, value.meaning, value.why) == (
        "craft beer", "Making small things well", "It keeps me honest")  # as typed


async def test_bad_input_is_answered_in_the_form_and_nothing_saved(repo: Repository) -> None:
    repo.values.add(ValueInput(name="Integrity"), NOW)
    app = make_app(repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2", "n")
        await pilot.press("ctrl+s")  # no name
        form = app.screen
        assert isinstance(form, ValueForm)
        assert "name cannot be empty" in form.status.text
        form.query_one("#value-name", Input).value = "INTEGRITY"
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, ValueForm)
        assert "already a value called 'Integrity'" in form.status.text
        await pilot.press("escape")
    assert ranked(repo) == ["Integrity"]


async def test_retire_restore_delete_and_history(repo: Repository) -> None:
    for name in ("Integrity", "Growth", "Family"):
        repo.values.add(ValueInput(name=name), NOW)
    app = make_app(repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2")
        await settle(pilot)
        await pilot.press("r")  # retire Integrity: asked first
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await settle(pilot)
        assert ranked(repo) == ["Growth", "Family"]
        assert [v.name for v in repo.values.retired()] == ["Integrity"]
        await pilot.press("r")  # the cursor stayed on it: bring it back
        await settle(pilot)
        assert ranked(repo) == ["Growth", "Family", "Integrity"]
        await pilot.press("h")
        assert isinstance(app.screen, RankHistoryScreen)
        shown = str(app.screen.query_one("#rank-history-text", Static).render())
        # Added, retired and back the same day: told once, as the day left it.
        assert "Integrity  new" in shown and "retired" not in shown
        await pilot.press("escape")
        await pilot.press("home", "d")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await settle(pilot)
        assert ranked(repo) == ["Family", "Integrity"]


async def test_sections_switch_with_brackets_and_app_tabs_stay(repo: Repository) -> None:
    app = make_app(repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2")
        values_tab = app.query_one(ValuesTab)
        assert values_tab.active_section == "section-values"
        await pilot.press("right_square_bracket")
        await settle(pilot)
        assert values_tab.active_section == "section-skills"
        assert app.query_one("#tabs", TabbedContent).active == "values"
        await pilot.press("left_square_bracket", "left_square_bracket")
        await settle(pilot)
        assert values_tab.active_section == "section-personality"  # wraps around
        await pilot.press("1")
        assert app.query_one("#tabs", TabbedContent).active == "journal"


async def test_a_value_deleted_in_another_window_is_reported_not_a_crash(
    repo: Repository,
) -> None:
    for name in ("Integrity", "Growth"):
        repo.values.add(ValueInput(name=name), NOW)
    app = make_app(repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2")
        await settle(pilot)
        repo.values.delete(repo.values.active()[0].id, NOW)  # the other SSH session
        await pilot.press("J")  # move the value that is gone
        await settle(pilot)
        assert any("another window" in n.message for n in app._notifications)
        listing = app.query_one("#values-list", OptionList)
        assert listing.option_count == 1


async def test_keys_on_an_empty_section_do_nothing_harmful(repo: Repository) -> None:
    app = make_app(repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2")
        for key in ("e", "K", "J", "r", "d", "h", "escape"):
            await pilot.press(key)
        await settle(pilot)
        assert repo.values.active() == []
