"""Finding things by typing: the command palette takes words in any order, and the
value catalogue takes its marked match with one Enter."""

from textual.command import CommandPalette
from textual.widgets import Input, OptionList

from compass_tui.store.repository import Repository
from compass_tui.ui.shell.word_matcher import WordMatcher
from compass_tui.ui.values.value_form import ValueForm
from tests.pilot_helpers import make_app, settle, type_text


def test_words_match_in_any_order_and_every_word_must_match() -> None:
    name = "Weekly check-in now"
    assert WordMatcher("weekly").match(name) > 0
    assert WordMatcher("check weekly").match(name) > 0
    assert WordMatcher("wkly chk").match(name) > 0  # letters in order within a word
    assert WordMatcher("check monthly").match(name) == 0
    assert WordMatcher("   ").match(name) == 0
    marked = WordMatcher("check weekly").highlight(name)
    assert marked.plain == name
    assert {span.start for span in marked.spans} >= {0, 7}  # "W" and "c" both marked


async def test_the_palette_finds_check_weekly(repo: Repository) -> None:
    app = make_app(repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+p")
        assert isinstance(app.screen, CommandPalette)
        await type_text(pilot, "check weekly")
        await pilot.pause(0.5)
        found = app.screen.query_one(OptionList)
        prompts = [str(found.get_option_at_index(i).prompt) for i in range(found.option_count)]
        assert any("Weekly check-in now" in prompt for prompt in prompts), prompts


async def test_one_enter_picks_the_marked_catalogue_value(repo: Repository) -> None:
    app = make_app(repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2", "n")
        form = app.screen
        assert isinstance(form, ValueForm)
        await type_text(pilot, "integ")
        await pilot.press("enter")
        await pilot.pause()
        assert form.query_one("#value-name", Input).value == "Integrity"
        assert form.query_one("#value-meaning", Input).value  # the catalogue's meaning
        assert form.query_one("#value-why", Input).has_focus  # on to your own reason
        await pilot.press("ctrl+s")
        await settle(pilot)
    assert [v.name for v in repo.values.active()] == ["Integrity"]


async def test_enter_with_nothing_typed_goes_into_the_catalogue_to_choose(
    repo: Repository,
) -> None:
    app = make_app(repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2", "n")
        form = app.screen
        await pilot.press("enter")
        catalogue = form.query_one("#value-catalogue", OptionList)
        assert catalogue.has_focus and catalogue.highlighted == 0
        await pilot.press("down", "enter")  # one Enter in the list picks, as before
        await pilot.pause()
        assert form.query_one("#value-name", Input).value == catalogue.get_option_at_index(1).id
