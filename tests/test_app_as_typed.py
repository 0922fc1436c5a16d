"""What the screens show and keep is what was typed: a tag written in the title is not
said twice, a value keeps its own words, a title too long is refused with its length
and kept in the editor, a result dated in the future is refused."""

from __future__ import annotations

from textual.widgets import Input, OptionList

from compass_tui.domain.entries import EntryQuery
from compass_tui.services.journal import JournalService
from compass_tui.store.repository import Repository
from compass_tui.ui.journal.entry_editor import EntryEditorScreen
from compass_tui.ui.journal.entry_list import EntryList
from compass_tui.ui.values.personality_form import PersonalityForm
from tests.conftest import fixed_clock
from tests.pilot_helpers import make_app, settle, type_text
from tests.test_app_reflections import open_section


async def test_a_tag_in_the_title_is_listed_once(repo: Repository) -> None:
    JournalService(repo, fixed_clock).capture("Shipped the release @work. Dinner @family")
    app = make_app(repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, rounds=3)
        listing = app.query_one(EntryList)
        [line] = [listing.get_option_at_index(i).prompt.plain
                  for i in range(listing.option_count)
                  if not listing.get_option_at_index(i).disabled]
        assert line.count("@work") == 1 and line.endswith("Shipped the release @work.  @family")


async def test_a_value_typed_by_hand_keeps_its_words(repo: Repository) -> None:
    app = make_app(repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2", "n")
        await type_text(pilot, "Craftsmanship of conversations")
        await pilot.press("ctrl+s")
        await settle(pilot)
    assert [v.name for v in repo.values.active()] == ["Craftsmanship of conversations"]


async def test_a_title_too_long_is_refused_and_kept_in_the_editor(repo: Repository) -> None:
    app = make_app(repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        editor = app.screen
        assert isinstance(editor, EntryEditorScreen)
        title = editor.query_one("#title", Input)
        title.value = "w" * 5000
        editor.query_one("#body").focus()
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is editor
        assert "5,000 characters long; at most 300" in editor.status.text
        assert title.has_focus and title.value == "w" * 5000
    assert repo.entries.entries(EntryQuery()) == []


async def test_a_personality_result_dated_next_year_is_refused(repo: Repository) -> None:
    app = make_app(repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_section(pilot, "Personality")
        await pilot.press("n")
        form = app.screen
        assert isinstance(form, PersonalityForm)
        form.query_one("#personality-result", Input).value = "INTJ"
        form.query_one("#personality-date", Input).value = "2027-05-01"  # today: 15 Mar 2026
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is form
        assert "2027-05-01 is still to come" in form.status.text
        assert form.query_one("#personality-date", Input).has_focus
        assert app.query_one("#personality-list", OptionList).option_count == 0
    assert repo.personality.list() == []
