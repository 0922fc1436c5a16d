"""Passions, SWOT and personality sections of the Values tab, by keyboard on a real file."""

from datetime import date, datetime, timedelta

from textual.pilot import Pilot
from textual.widgets import Input, OptionList, Select, Static

from compass_tui.domain.assessment import (
    PassionInput,
    PersonalityInput,
    SwotInput,
)
from compass_tui.domain.entries import EntryInput
from compass_tui.store.repository import Repository
from compass_tui.ui.common.confirm import ConfirmScreen
from compass_tui.ui.journal.search import SearchScreen
from compass_tui.ui.values.passion_form import PassionForm
from compass_tui.ui.values.personality_form import PersonalityForm
from compass_tui.ui.values.swot_form import SwotForm
from compass_tui.ui.values.swot_section import QuadrantList
from compass_tui.ui.values.values_tab import ValuesTab
from tests.pilot_helpers import make_app, settle, type_text

SECTION_PANES = {"Passions": "section-passions", "SWOT": "section-swot",
                 "Personality": "section-personality"}


async def open_section(pilot: Pilot, label: str) -> None:
    """Values tab, then `]` until the named section shows."""
    await pilot.press("2")
    values_tab = pilot.app.query_one(ValuesTab)
    for _ in range(8):
        await settle(pilot)
        if values_tab.active_section == SECTION_PANES[label]:
            return
        await pilot.press("right_square_bracket")
    raise AssertionError(f"no {label} section")


def detail_text(pilot: Pilot, selector: str) -> str:
    return str(pilot.app.query_one(selector, Static).render())


def list_lines(listing: OptionList) -> list[str]:
    return [listing.get_option_at_index(i).prompt.plain.strip()
            for i in range(listing.option_count)]


def swot_texts(repo: Repository) -> dict[str, list[str]]:
    return {q: [item.text for item in items] for q, items in repo.swot.by_quadrant().items()}


async def save_and_settle(pilot: Pilot) -> None:
    await pilot.press("ctrl+s")
    await settle(pilot)


# -- passions -----------------------------------------------------------------


async def add_passion(pilot: Pilot, kind_steps: int, text: str, tag: str = "") -> None:
    """n, the words, the tag, then back up to Kind and go `kind_steps` down from the one shown."""
    await pilot.press("n")
    assert isinstance(pilot.app.screen, PassionForm)
    await type_text(pilot, text)
    back = ["shift+tab"]
    if tag:
        await pilot.press("tab")
        await type_text(pilot, tag)
        back.append("shift+tab")
    if kind_steps:
        await pilot.press(*back, "enter", *["down"] * kind_steps, "enter")
    await save_and_settle(pilot)


async def test_a_passion_of_each_kind_shows_under_its_heading(repo: Repository) -> None:
    app = make_app(repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_section(pilot, "Passions")
        await add_passion(pilot, 0, "Untangling messy pipelines", "@deepwork")
        await add_passion(pilot, 1, "Mentoring a new hire")
        # The form starts on the kind under the cursor (fulfils): one more step down.
        await add_passion(pilot, 1, "Why is this query slow")
        assert [(p.kind, p.text, p.tag) for p in repo.passions.list()] == [
            ("absorbs", "Untangling messy pipelines", "deepwork"),
            ("fulfils", "Mentoring a new hire", ""),
            ("problem", "Why is this query slow", ""),
        ]
        lines = list_lines(app.query_one("#passions-list", OptionList))
        assert lines == [
            "Makes me lose track of time", "Untangling messy pipelines  @deepwork",
            "When I feel most fulfilled", "Mentoring a new hire",
            "Problems I love solving", "Why is this query slow",
        ]
        assert "Why is this query slow" in detail_text(pilot, "#passions-detail-text")


async def test_link_an_entry_picked_by_search_and_a_tagged_entry_shows_alone(
    repo: Repository,
) -> None:
    repo.entries.add(EntryInput(entry_date=datetime(2026, 3, 10, 8), title="Rebuilt the ETL",
                                tags=["deepwork"]))
    mentored = repo.entries.add(EntryInput(entry_date=datetime(2026, 3, 1, 8),
                                           title="Mentored Ana on SQL"))
    passion = repo.passions.add(PassionInput(kind="absorbs", text="Pipelines", tag="deepwork"))
    app = make_app(repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_section(pilot, "Passions")
        shown = detail_text(pilot, "#passions-detail-text")
        assert "tagged" in shown and "Rebuilt the ETL" in shown  # by its tag, no link
        assert "Mentored Ana" not in shown

        await pilot.press("l")
        assert isinstance(app.screen, SearchScreen)
        await type_text(pilot, "mentored")
        await pilot.pause(0.3)
        await settle(pilot)
        await pilot.press("down", "enter")
        await settle(pilot)
        assert not isinstance(app.screen, SearchScreen)
        assert repo.passions.list()[0].entry_ids == [mentored.id]
        shown = detail_text(pilot, "#passions-detail-text")
        assert "linked" in shown and "Mentored Ana on SQL" in shown

        await pilot.press("u")  # unlink asks first; "n" keeps it
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await settle(pilot)
        assert repo.passions.list()[0].entry_ids == [mentored.id]
        await pilot.press("u")
        await pilot.press("y")
        await settle(pilot)
        assert repo.passions.list()[0].entry_ids == []
        assert [e.title for e in repo.passions.entries_for(passion.id)] == ["Rebuilt the ETL"]


async def test_passion_delete_asks_first_and_empty_text_is_refused(repo: Repository) -> None:
    repo.passions.add(PassionInput(kind="fulfils", text="Teaching"))
    app = make_app(repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_section(pilot, "Passions")
        await pilot.press("n", "ctrl+s")
        form = app.screen
        assert isinstance(form, PassionForm)
        assert "text cannot be empty" in form.status.text
        form.query_one("#passion-text", Input).value = "Chess"
        form.query_one("#passion-tag", Input).value = "not a tag!"
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, PassionForm)
        assert "not a tag" in form.status.text
        await pilot.press("escape")  # something was typed: it asks before throwing it away
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        assert isinstance(app.screen, PassionForm)
        await pilot.press("escape", "y")
        await settle(pilot)
        assert [p.text for p in repo.passions.list()] == ["Teaching"]

        await pilot.press("d")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("escape")
        await settle(pilot)
        assert [p.text for p in repo.passions.list()] == ["Teaching"]
        await pilot.press("d", "y")
        await settle(pilot)
        assert repo.passions.list() == []


# -- SWOT ---------------------------------------------------------------------


async def test_swot_add_to_two_quadrants_move_with_shift_arrows_and_restart(
    repo: Repository, db_url: str,
) -> None:
    app = make_app(repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_section(pilot, "SWOT")
        assert isinstance(app.focused, QuadrantList) and app.focused.quadrant == "strength"
        await pilot.press("n")
        assert isinstance(app.screen, SwotForm)
        await type_text(pilot, "Explain hard things simply")
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("right", "n")  # to Weaknesses
        await type_text(pilot, "Public speaking")
        await save_and_settle(pilot)
        assert swot_texts(repo) == {"strength": ["Explain hard things simply"],
                                    "weakness": ["Public speaking"],
                                    "opportunity": [], "threat": []}

        await pilot.press("shift+down")  # Weaknesses -> Threats, focus follows
        await settle(pilot)
        focused = app.focused
        assert isinstance(focused, QuadrantList) and focused.quadrant == "threat"
        assert list_lines(focused) == ["Public speaking"]
        await pilot.press("shift+left")  # Threats -> Opportunities
        await settle(pilot)
        assert swot_texts(repo)["opportunity"] == ["Public speaking"]
        assert app.query_one("#swot-opportunity", QuadrantList).has_focus
        await pilot.press("shift+left")  # nothing to the left: stays
        await settle(pilot)
        assert swot_texts(repo)["opportunity"] == ["Public speaking"]

    repo.close()  # a real restart: a new engine on the same file
    again = make_app(Repository.open(db_url))
    async with again.run_test(size=(200, 60)) as pilot:
        await open_section(pilot, "SWOT")
        assert list_lines(again.query_one("#swot-opportunity", QuadrantList)) == [
            "Public speaking"]
        assert list_lines(again.query_one("#swot-strength", QuadrantList)) == [
            "Explain hard things simply"]
        grid = again.query_one("#swot-threat", QuadrantList)
        assert grid.region.right <= 200 and grid.region.bottom <= 60


async def test_swot_arrows_cross_quadrants_reorder_edit_and_delete(repo: Repository) -> None:
    for text in ("Curious", "Patient", "Calm"):
        repo.swot.add(SwotInput(quadrant="strength", text=text))
    repo.swot.add(SwotInput(quadrant="threat", text="Automation"))
    app = make_app(repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_section(pilot, "SWOT")
        await pilot.press("end", "K")  # Calm up one
        await settle(pilot)
        assert swot_texts(repo)["strength"] == ["Curious", "Calm", "Patient"]
        await pilot.press("J")
        await settle(pilot)
        assert swot_texts(repo)["strength"] == ["Curious", "Patient", "Calm"]

        await pilot.press("tab")
        assert app.query_one("#swot-weakness", QuadrantList).has_focus
        await pilot.press("shift+tab")
        assert app.query_one("#swot-strength", QuadrantList).has_focus
        await pilot.press("down")  # past the last item: into Opportunities below
        assert app.query_one("#swot-opportunity", QuadrantList).has_focus
        await pilot.press("right")
        assert app.query_one("#swot-threat", QuadrantList).has_focus

        await pilot.press("e")  # edit: text and quadrant
        form = app.screen
        assert isinstance(form, SwotForm)
        form.query_one("#swot-text", Input).value = ""
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, SwotForm)
        assert "text cannot be empty" in form.status.text
        assert swot_texts(repo)["threat"] == ["Automation"]
        form.query_one("#swot-text", Input).value = "AI automation of my tasks"
        form.query_one("#swot-quadrant", Select).value = "opportunity"
        await save_and_settle(pilot)
        assert swot_texts(repo)["opportunity"] == ["AI automation of my tasks"]
        assert app.query_one("#swot-opportunity", QuadrantList).has_focus

        await pilot.press("d")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await settle(pilot)
        assert swot_texts(repo)["opportunity"] == ["AI automation of my tasks"]
        await pilot.press("d", "y")
        await settle(pilot)
        assert swot_texts(repo)["opportunity"] == []


async def test_swot_empty_text_is_refused_when_adding(repo: Repository) -> None:
    app = make_app(repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_section(pilot, "SWOT")
        await pilot.press("n", "ctrl+s")
        form = app.screen
        assert isinstance(form, SwotForm)
        assert "text cannot be empty" in form.status.text
        await pilot.press("escape")
    assert all(not items for items in repo.swot.by_quadrant().values())


# -- personality --------------------------------------------------------------


async def test_personality_with_a_date_and_a_bad_date_refused(repo: Repository) -> None:
    app = make_app(repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_section(pilot, "Personality")
        await pilot.press("n")
        form = app.screen
        assert isinstance(form, PersonalityForm)
        await pilot.press("ctrl+s")  # no result
        assert "result cannot be empty" in form.status.text
        await pilot.press("enter", "down", "enter")  # framework: Enneagram
        await pilot.press("tab")
        await type_text(pilot, "Type 5")
        await pilot.press("tab")
        await type_text(pilot, "someday soon")
        await pilot.press("tab")
        await type_text(pilot, "Deep solo work, small calm teams")
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, PersonalityForm)
        assert "not a date" in form.status.text
        assert repo.personality.list() == []
        date_field = form.query_one("#personality-date", Input)
        assert date_field.has_focus
        date_field.value = "2024-05-01"
        await save_and_settle(pilot)
        [result] = repo.personality.list()
        assert (result.framework, result.result, result.taken_on, result.meaning) == (
            "Enneagram", "Type 5", date(2024, 5, 1), "Deep solo work, small calm teams")
        listing = app.query_one("#personality-list", OptionList)
        assert list_lines(listing) == ["Enneagram · Type 5 · 2024-05-01"]
        assert "small calm teams" in detail_text(pilot, "#personality-detail-text")


async def test_personality_edit_empty_date_allowed_and_delete_asks(repo: Repository) -> None:
    repo.personality.add(PersonalityInput(framework="MBTI", result="INTJ",
                                          taken_on=date(2024, 5, 1)))
    app = make_app(repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_section(pilot, "Personality")
        await pilot.press("e")
        form = app.screen
        assert isinstance(form, PersonalityForm)
        form.query_one("#personality-date", Input).value = ""
        await save_and_settle(pilot)
        [result] = repo.personality.list()
        assert result.taken_on is None
        assert list_lines(app.query_one("#personality-list", OptionList)) == ["MBTI · INTJ"]

        await pilot.press("d")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("escape")
        await settle(pilot)
        assert len(repo.personality.list()) == 1
        await pilot.press("d", "y")
        await settle(pilot)
        assert repo.personality.list() == []


async def test_n_adds_in_whichever_section_shows(repo: Repository) -> None:
    app = make_app(repo)
    async with app.run_test(size=(80, 24)) as pilot:
        for label, form in (("Passions", PassionForm), ("SWOT", SwotForm),
                            ("Personality", PersonalityForm)):
            await open_section(pilot, label)
            await pilot.press("n")
            assert isinstance(app.screen, form)
            await pilot.press("escape")
            await settle(pilot)
        await open_section(pilot, "SWOT")
        await pilot.press("down", "right", "n")  # Threats, bottom right
        form = app.screen
        assert isinstance(form, SwotForm) and form.quadrant == "threat"


async def test_unlink_reaches_a_linked_entry_behind_many_tagged_ones(repo: Repository) -> None:
    old = repo.entries.add(EntryInput(entry_date=datetime(2020, 1, 1, 8), title="Long ago"))
    repo.entries.add_many(EntryInput(entry_date=datetime(2026, 1, 1, 8) + timedelta(days=i),
                                     title=f"Day {i}", tags=["deepwork"]) for i in range(55))
    passion = repo.passions.add(PassionInput(kind="absorbs", text="Pipelines", tag="deepwork"))
    repo.passions.link_entry(passion.id, old.id)
    app = make_app(repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_section(pilot, "Passions")
        await pilot.press("u")
        assert isinstance(app.screen, ConfirmScreen)
        assert "Long ago" in app.screen.question
        await pilot.press("y")
        await settle(pilot)
    assert repo.passions.list()[0].entry_ids == []
