"""One escape leaves any editor or form, from any of its fields; a screen that takes
text asks before it throws typed words away (the entry editor and a check-in keep
them instead, as a draft and as saved answers)."""

from __future__ import annotations

import pytest
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Input, Static, TextArea

from compass_tui.domain.entries import EntryInput, EntryQuery
from compass_tui.domain.goals import GoalInput
from compass_tui.services.goals import GoalsService
from compass_tui.store.repository import Repository
from compass_tui.ui.checkins.checkin_screen import CheckinScreen
from compass_tui.ui.common.confirm import ConfirmScreen
from compass_tui.ui.common.typed_text import QUESTION
from compass_tui.ui.journal.entry_editor import EntryEditorScreen
from tests.conftest import NOW, fixed_clock
from tests.pilot_helpers import make_app, settle, type_text
from tests.screen_catalogue import ASKING, KEEPING, Build, seed


async def opened(pilot: Pilot, build: Build) -> Screen[object]:
    screen = build(pilot.app)  # type: ignore[arg-type]
    pilot.app.push_screen(screen)
    await settle(pilot)
    assert pilot.app.screen is screen
    return screen


def text_field(screen: Screen[object]) -> Widget:
    return next(w for w in screen.focus_chain if isinstance(w, Input | TextArea))


async def test_escape_in_the_body_leaves_and_s_then_stars_the_entry(repo: Repository) -> None:
    """e, escape, s, escape once moved to Title with all of it selected: s replaced the
    title, and the draft kept it."""
    entry = repo.entries.add(EntryInput(entry_date=NOW, title="Coffee with Ana",
                                        body="We talked about the guide."))
    app = make_app(repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, 3)
        await pilot.press("e")
        await settle(pilot)
        assert isinstance(app.screen, EntryEditorScreen)
        assert isinstance(app.screen.focused, TextArea)  # the cursor is in the body
        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(app.screen, EntryEditorScreen)
        await pilot.press("s", "escape")
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
    [saved] = repo.entries.entries(EntryQuery())
    assert (saved.id, saved.title, saved.starred) == (entry.id, "Coffee with Ana", True)
    assert repo.drafts.all() == []


@pytest.mark.parametrize("name", [*ASKING, *KEEPING])
async def test_one_escape_leaves_from_every_field(repo: Repository, name: str) -> None:
    seed(repo)
    build = {**ASKING, **KEEPING}[name]
    app = make_app(repo)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot, 3)
        count = len((await opened(pilot, build)).focus_chain)
        app.pop_screen()
        assert count > 0
        for index in range(count):
            screen = await opened(pilot, build)
            field = screen.focus_chain[index]
            field.focus()
            await pilot.pause()
            assert screen.focused is field
            await pilot.press("escape")
            await settle(pilot)
            assert app.screen is not screen, f"escape in {field} did not leave"
            assert not isinstance(app.screen, ConfirmScreen)


@pytest.mark.parametrize("name", list(ASKING))
async def test_escape_asks_before_discarding_what_was_typed(repo: Repository,
                                                             name: str) -> None:
    seed(repo)
    app = make_app(repo)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot, 3)
        screen = await opened(pilot, ASKING[name])
        field = text_field(screen)
        field.focus()
        await pilot.pause()
        await type_text(pilot, "7")
        typed = field.value if isinstance(field, Input) else field.text
        await pilot.press("escape")
        await settle(pilot)
        question = app.screen
        assert isinstance(question, ConfirmScreen)
        assert str(question.query_one(".dialog-question", Static).content) == QUESTION
        await pilot.press("n")  # keep editing: back with the words where they were
        await settle(pilot)
        assert app.screen is screen
        assert (field.value if isinstance(field, Input) else field.text) == typed
        await pilot.press("escape", "y")
        await settle(pilot)
        assert app.screen is not screen and not isinstance(app.screen, ConfirmScreen)


@pytest.mark.parametrize("field_id", ["title", "when", "tags", "starred", "energy", "body"])
async def test_escape_leaves_the_editor_at_once_keeping_the_draft(repo: Repository,
                                                                   field_id: str) -> None:
    app = make_app(repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        await type_text(pilot, "Kept words")
        app.screen.query_one(f"#{field_id}").focus()
        await pilot.pause()
        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(app.screen, EntryEditorScreen | ConfirmScreen)
    assert [draft.title for draft in repo.drafts.all()] == ["Kept words"]


async def test_escape_leaves_a_check_in_from_every_field_keeping_the_answers(
        repo: Repository) -> None:
    GoalsService(repo, fixed_clock).create(GoalInput(
        title="Run 100 km", metric="distance", unit="km", start_value=0, target_value=100))
    app = make_app(repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, 3)
        await pilot.press("ctrl+k")
        await settle(pilot)
        count = len(app.screen.focus_chain)
        for index in range(count):
            if not isinstance(app.screen, CheckinScreen):
                await pilot.press("ctrl+k")
                await settle(pilot)
            screen = app.screen
            field = screen.focus_chain[index]
            field.focus()
            await pilot.pause()
            if isinstance(field, Input | TextArea):
                await type_text(pilot, f"answer {index}")
            await pilot.press("escape")
            await settle(pilot)
            assert not isinstance(app.screen, CheckinScreen | ConfirmScreen), field
    checkin = repo.checkins.open_for("weekly")
    assert checkin is not None and "answer" in str(checkin.answers)
