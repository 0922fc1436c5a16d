"""The Vision tab through the keyboard, on a real database file."""

import stat
from datetime import date
from pathlib import Path

from PIL import Image as PILImage
from textual.pilot import Pilot
from textual.widgets import OptionList, Static, TabbedContent, TextArea

from compass_tui.domain.goals import GoalInput
from compass_tui.domain.values import ValueInput
from compass_tui.domain.vision import CardInput
from compass_tui.services.goals import GoalsService
from compass_tui.services.vision import VisionService
from compass_tui.store.repository import Repository
from compass_tui.ui.common.confirm import ConfirmScreen
from compass_tui.ui.vision.card_box import PIN_MARK
from compass_tui.ui.vision.card_form import CardForm
from compass_tui.ui.vision.card_grid import CardGrid
from compass_tui.ui.vision.card_view import CardViewScreen
from compass_tui.ui.vision.narrative_editor import NarrativeEditorScreen
from compass_tui.ui.vision.narrative_section import NarrativeSection
from compass_tui.ui.vision.narrative_versions import NarrativeVersionsScreen, VersionScreen
from compass_tui.ui.vision.purpose_form import PurposeForm
from compass_tui.ui.vision.vision_tab import VisionTab
from tests.conftest import NOW, fixed_clock
from tests.pilot_helpers import make_app, type_text
from tests.pilot_helpers import settle as settle_all


async def settle(pilot: Pilot) -> None:
    await settle_all(pilot, rounds=3)


def vision(repo: Repository) -> VisionService:
    return VisionService(repo, fixed_clock)


def grid(pilot: Pilot) -> CardGrid:
    return pilot.app.query_one("#vision-board", CardGrid)


def board_text(pilot: Pilot) -> list[str]:
    """Every card's box, joined line by line."""
    board = grid(pilot)
    return ["\n".join(board.card_text(i)) for i in range(len(board.cards))]


def shown(pilot: Pilot, widget_id: str) -> str:
    return str(pilot.app.query_one(f"#{widget_id}", Static).content)


async def open_board(pilot: Pilot) -> None:
    await pilot.press("5")
    await settle(pilot)
    assert pilot.app.query_one("#tabs", TabbedContent).active == "vision"


async def pick_kind(pilot: Pilot, downs: int) -> None:
    """Open the kind menu, go down from "aspiration", take it, on to the next field."""
    await pilot.press("enter", *["down"] * downs, "enter", "tab")


async def test_cards_of_three_kinds_added_by_keyboard_are_there_after_restart(
    repo: Repository, db_url: str
) -> None:
    app = make_app(repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_board(pilot)
        assert "Nothing on the board yet" in grid(pilot).render_line(0).text
        await pilot.press("n")
        assert isinstance(app.screen, CardForm)
        await pick_kind(pilot, 0)  # aspiration
        await type_text(pilot, "Lead a kind data team")
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.press("n")
        await pick_kind(pilot, 1)  # quote
        await type_text(pilot, "Simplicity is hard work")
        await pilot.press("tab")
        await type_text(pilot, "R. Hickey")
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.press("n")
        await pick_kind(pilot, 3)  # image
        await type_text(pilot, "~/pics/lake [2024].png")
        await pilot.press("tab")
        await type_text(pilot, "Calm water")
        await pilot.press("enter")  # enter in the last field saves too
        await settle(pilot)
        assert not isinstance(app.screen, CardForm)
        assert grid(pilot).current is not None and grid(pilot).current.kind == "image"

    repo.close()  # a real restart: a new engine on the same file
    reopened = Repository.open(db_url)
    again = make_app(reopened)
    async with again.run_test(size=(80, 24)) as pilot:
        await open_board(pilot)
        cards = grid(pilot).cards
        assert [c.kind for c in cards] == ["aspiration", "quote", "image"]
        assert cards[1].author == "R. Hickey"
        boxes = board_text(pilot)
        assert "✦ aspiration" in boxes[0] and "Lead a kind data team" in boxes[0]
        assert "❝ quote" in boxes[1] and "“Simplicity is hard work”" in boxes[1]
        assert "— R. Hickey" in boxes[1]
        assert "▣ image" in boxes[2] and "Calm water" in boxes[2]
        assert "~/pics/lake [2024].png" in boxes[2]  # shown as typed, not read as markup
    reopened.close()


async def test_reorder_and_pin_by_keys(repo: Repository) -> None:
    service = vision(repo)
    for text in ("First", "Second", "Third"):
        service.add_card(CardInput(kind="affirmation", text=text))
    app = make_app(repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_board(pilot)
        await pilot.press("right", "K")  # Second before First
        await settle(pilot)
        assert [c.text for c in service.cards()] == ["Second", "First", "Third"]
        assert grid(pilot).current is not None and grid(pilot).current.text == "Second"
        await pilot.press("shift+right")  # and back after it
        await settle(pilot)
        assert [c.text for c in service.cards()] == ["First", "Second", "Third"]
        await pilot.press("down")  # Third, alone on the second row
        await pilot.press("space")
        await settle(pilot)
        assert [(c.text, c.pinned) for c in service.cards()] == [
            ("Third", True), ("First", False), ("Second", False)]
        assert grid(pilot).cursor == 0  # the cursor went with the card
        assert PIN_MARK in board_text(pilot)[0]
        assert PIN_MARK not in board_text(pilot)[1]
        await pilot.press("P")  # unpinned: back to its place among the others
        await settle(pilot)
        assert [c.text for c in service.cards()] == ["First", "Second", "Third"]
        assert all(PIN_MARK not in box for box in board_text(pilot))


async def test_delete_asks_first(repo: Repository) -> None:
    service = vision(repo)
    service.add_card(CardInput(kind="aspiration", text="Keep me"))
    app = make_app(repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_board(pilot)
        await pilot.press("d")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        assert len(service.cards()) == 1
        await pilot.press("d", "y")
        await settle(pilot)
        assert service.cards() == []
        assert grid(pilot).cards == []


async def test_purpose_is_edited_and_shown(repo: Repository) -> None:
    app = make_app(repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_board(pilot)
        assert "No purpose written yet" in shown(pilot, "vision-purpose")
        await pilot.press("p")
        assert isinstance(app.screen, PurposeForm)
        await type_text(pilot, "Help small teams do careful work [for real].")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not isinstance(app.screen, PurposeForm)
        assert "Help small teams do careful work [for real]." in shown(pilot, "vision-purpose")
    assert vision(repo).purpose() == "Help small teams do careful work [for real]."


async def test_why_section_lists_active_goals_with_their_values(repo: Repository) -> None:
    craft = repo.values.add(ValueInput(name="Craft"), NOW)
    goals = GoalsService(repo, fixed_clock)
    goals.create(GoalInput(title="Lead a data team", horizon="long",
                           why="to help people grow", value_ids=[craft.id]))
    goals.create(GoalInput(title="Learn Rust", horizon="short"))
    goals.create(GoalInput(title="Old plan", status="done", why="no longer"))
    app = make_app(repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_board(pilot)
        await pilot.press("right_square_bracket")
        await settle(pilot)
        text = shown(pilot, "vision-why-text")
        assert "Lead a data team" in text and "to help people grow" in text
        assert "Serves: Craft" in text
        assert "Learn Rust" in text and "No why written yet" in text
        assert "Goals tab" in text
        assert "Old plan" not in text  # only active goals


async def test_outline_draft_lands_in_the_narrative_with_versions_kept(repo: Repository) -> None:
    repo.values.add(ValueInput(name="Integrity"), NOW)
    repo.values.add(ValueInput(name="Growth"), NOW)
    repo.timeline.add_event(date(2019, 1, 1), "Joined Acme", "role change",
                            precision="year", now=NOW)
    app = make_app(repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_board(pilot)
        await pilot.press("left_square_bracket")  # ] and [ wrap around
        await settle(pilot)
        section = app.query_one(NarrativeSection)
        assert "No career story yet" in section.text
        await pilot.press("o")
        await settle(pilot)
        assert "1. **Integrity**" in section.text  # the top-ranked value
        assert "2019: Joined Acme" in section.text
        assert any("Outline drafted" in n.message for n in app._notifications)
        await pilot.press("o")  # a second draft is one more version, the first stays
        await settle(pilot)
        assert len(vision(repo).versions()) == 2
        await pilot.press("v")
        screen = app.screen
        assert isinstance(screen, NarrativeVersionsScreen)
        assert screen.query_one(OptionList).option_count == 2
        await pilot.press("escape")


async def test_narrative_editor_saves_a_version_and_an_old_one_is_restored(
    repo: Repository,
) -> None:
    service = vision(repo)
    service.save_narrative("# Where I come from\n\nThe first draft.\n")
    app = make_app(repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_board(pilot)
        await pilot.press("left_square_bracket")
        await settle(pilot)
        await pilot.press("e")
        editor = app.screen
        assert isinstance(editor, NarrativeEditorScreen)
        await pilot.press("ctrl+end")
        await type_text(pilot, "A second paragraph.")
        await pilot.press("escape")  # changed: asks before dropping it
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        assert app.screen is editor
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not isinstance(app.screen, NarrativeEditorScreen)
        section = app.query_one(NarrativeSection)
        assert "A second paragraph." in section.text
        assert [v.note for v in service.versions()] == ["edited", "edited"]

        await pilot.press("v", "down", "enter")  # read the older one
        assert isinstance(app.screen, VersionScreen)
        await pilot.press("r")  # and make it current again
        await settle(pilot)
        assert not isinstance(app.screen, (VersionScreen, NarrativeVersionsScreen))
        versions = service.versions()
        assert len(versions) == 3
        assert versions[0].text == "# Where I come from\n\nThe first draft.\n"
        assert versions[0].note.startswith("restored")
        assert "A second paragraph." not in section.text


async def test_external_editor_for_the_narrative(repo: Repository, tmp_path: Path) -> None:
    script = tmp_path / "fake-editor"
    script.write_text('#!/bin/sh\nprintf "Written in my own editor.\\n" >> "$1"\n')
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    app = make_app(repo, editor=str(script))
    async with app.run_test(size=(80, 24)) as pilot:
        await open_board(pilot)
        await pilot.press("left_square_bracket", "e", "ctrl+o")
        await pilot.pause()
        assert "Written in my own editor." in app.screen.query_one(TextArea).text
        await pilot.press("ctrl+s")
        await settle(pilot)
    narrative = vision(repo).narrative()
    assert narrative is not None and "Written in my own editor." in narrative.text


async def test_bad_card_is_answered_in_the_form_and_nothing_saved(repo: Repository) -> None:
    app = make_app(repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_board(pilot)
        await pilot.press("n")
        await pick_kind(pilot, 3)  # image
        await type_text(pilot, "~/pics/lake.png")
        await pilot.press("ctrl+s")  # no caption
        form = app.screen
        assert isinstance(form, CardForm)
        message = form.status.text
        assert "Not saved" in message and "caption" in message
        await pilot.press("escape", "y")  # leave, dropping what was typed
        await settle(pilot)
        assert not isinstance(app.screen, CardForm)
    assert vision(repo).cards() == []


async def test_n_from_another_section_adds_a_card_on_the_board(repo: Repository) -> None:
    app = make_app(repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_board(pilot)
        await pilot.press("right_square_bracket")
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        assert isinstance(app.screen, CardForm)
        assert app.query_one(VisionTab).active_section == "vision-section-board"


async def test_the_board_reflows_with_the_width(repo: Repository) -> None:
    service = vision(repo)
    for n in range(12):
        service.add_card(CardInput(kind="aspiration", text=f"Card {n + 1}"))
    columns = []
    for size in ((80, 24), (200, 60)):
        app = make_app(repo)
        async with app.run_test(size=size) as pilot:
            await open_board(pilot)
            columns.append(grid(pilot).columns)
    assert columns[0] < columns[1]
    assert columns[0] >= 2

    app = make_app(repo)
    async with app.run_test(size=(200, 60)) as pilot:
        await open_board(pilot)
        await pilot.press("down", "down")  # the third row at the wide size
        card = grid(pilot).current
        await pilot.resize_terminal(80, 24)
        await settle(pilot)
        board = grid(pilot)
        assert board.columns == columns[0]
        assert board.current == card  # the cursor stays on its card...
        top = board.scroll_offset.y
        row_top = board.cursor // board.columns * 6
        assert top <= row_top < top + board.scrollable_content_region.height  # ...in view


def on_top(pilot: Pilot, widget_id: str) -> str:
    return str(pilot.app.screen.query_one(f"#{widget_id}", Static).content)


async def test_v_shows_a_card_in_full_and_an_image_card_with_its_picture(
        repo: Repository, tmp_path: Path) -> None:
    picture = tmp_path / "summit.png"
    PILImage.new("RGB", (60, 30), (20, 120, 200)).save(picture)
    service = vision(repo)
    long_quote = "Begin where you are. " * 12
    service.add_card(CardInput(kind="quote", text=long_quote.strip(), author="A. Mentor"))
    service.add_card(CardInput(kind="image", image=str(picture), caption="The summit"))
    service.add_card(CardInput(kind="image", image="https://example.org/x.jpg",
                               caption="Far away"))
    app = make_app(repo)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_board(pilot)
        await pilot.press("v")
        await settle(pilot)
        assert isinstance(app.screen, CardViewScreen)
        assert long_quote.strip() in on_top(pilot, "card-view-text")  # all of it, uncut
        assert "A. Mentor" in on_top(pilot, "card-view-text")
        await pilot.press("escape")
        await pilot.press("right", "v")
        await settle(pilot)
        drawn = app.screen.query(".picture")
        assert len(drawn) == 1 and drawn.first().region.height > 0
        assert "The summit" in on_top(pilot, "card-view-text")
        await pilot.press("escape", "down", "v")
        await settle(pilot)
        assert not app.screen.query(".picture")
        assert "not downloaded" in on_top(pilot, "card-view-picture-note")
        await pilot.press("escape")
        assert not isinstance(app.screen, CardViewScreen)


async def test_no_picture_is_drawn_when_colour_is_off(repo: Repository, tmp_path: Path) -> None:
    picture = tmp_path / "summit.png"
    PILImage.new("RGB", (60, 30), (20, 120, 200)).save(picture)
    vision(repo).add_card(CardInput(kind="image", image=str(picture), caption="The summit"))
    app = make_app(repo)
    app.no_color = True  # what NO_COLOR in the environment sets
    async with app.run_test(size=(80, 24)) as pilot:
        await open_board(pilot)
        await pilot.press("v")
        await settle(pilot)
        assert not app.screen.query(".picture")
        assert "NO_COLOR" in on_top(pilot, "card-view-picture-note")
        assert "The summit" in on_top(pilot, "card-view-text")
