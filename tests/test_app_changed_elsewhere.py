"""What a screen says when another window saved the same thing first: the words typed
here stay, and the user decides."""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets import Input, TextArea

from compass_tui.domain.assessment import SkillInput
from compass_tui.domain.goals import GoalInput
from compass_tui.domain.vision import CardInput
from compass_tui.services.assessment import AssessmentService
from compass_tui.services.goals import GoalsService
from compass_tui.services.vision import VisionService
from compass_tui.store.repository import Repository
from compass_tui.ui.goals.goal_form import GoalForm
from compass_tui.ui.values.skill_form import SkillForm
from compass_tui.ui.vision.card_form import CardForm
from compass_tui.ui.vision.narrative_editor import NarrativeEditorScreen
from compass_tui.ui.vision.purpose_form import PurposeForm
from tests.conftest import fixed_clock
from tests.pilot_helpers import make_app, settle, type_text
from tests.test_app_goals import open_goals, save
from tests.test_app_skills import open_skills
from tests.test_app_vision import open_board


async def test_a_narrative_saved_meanwhile_elsewhere_is_not_buried(repo: Repository) -> None:
    other_window = VisionService(repo, fixed_clock)
    other_window.save_narrative("Where I come from.\n")
    app = make_app(repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_board(pilot)
        await pilot.press("left_square_bracket")
        await settle(pilot)
        await pilot.press("e")
        editor = app.screen
        assert isinstance(editor, NarrativeEditorScreen)
        await type_text(pilot, "Mine.")
        other_window.save_narrative("Where I come from, said elsewhere.\n")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is editor  # not saved, still open
        status = str(editor.query_one("#narrative-editor-status").render())
        assert "another window saved a newer version meanwhile" in status
        assert "Mine." in editor.query_one(TextArea).text
        await pilot.press("ctrl+s")  # yes, mine
        await settle(pilot)
        assert not isinstance(app.screen, NarrativeEditorScreen)
    texts = [v.text for v in other_window.versions()]
    assert len(texts) == 3 and "Mine." in texts[0]
    assert texts[1] == "Where I come from, said elsewhere.\n"


async def test_a_goal_changed_meanwhile_elsewhere_is_not_overwritten(repo: Repository) -> None:
    goals = GoalsService(repo, fixed_clock)
    goal = goals.create(GoalInput(title="Speak at a meetup"))
    app = make_app(repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_goals(pilot)
        await pilot.press("e")
        form = app.screen
        assert isinstance(form, GoalForm)
        goals.update(goal.id, GoalInput(title="Speak at two meetups"))  # another window
        await type_text(pilot, " soon")
        await save(pilot)
        assert app.screen is form
        told_changed_elsewhere(form, "goal")
    saved = repo.goals.get(goal.id)
    assert saved is not None and saved.title == "Speak at two meetups"


def told_changed_elsewhere(form: Screen, what: str) -> None:
    status = str(form.query_one(".form-status").render())
    assert f"this {what} was changed in another window meanwhile" in status
    assert "what you typed is still here" in status


async def test_a_skill_changed_meanwhile_elsewhere_is_not_overwritten(repo: Repository) -> None:
    other_window = AssessmentService(repo, fixed_clock)
    skill = other_window.add_skill(SkillInput(name="SQL", category="technical", level=2))
    app = make_app(repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_skills(pilot)
        await pilot.press("e")
        form = app.screen
        assert isinstance(form, SkillForm)
        other_window.update_skill(skill.id, SkillInput(name="SQL", category="technical",
                                                       level=4, evidence="Ran the migration"))
        await pilot.press("end")  # focus selects the words; add to them
        await type_text(pilot, " and PL/pgSQL")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is form  # not saved, still open
        told_changed_elsewhere(form, "skill")
        assert form.query_one("#skill-name", Input).value == "SQL and PL/pgSQL"
    saved = repo.skills.get(skill.id)
    assert saved is not None and (saved.name, saved.level) == ("SQL", 4)


async def test_a_card_changed_meanwhile_elsewhere_is_not_overwritten(repo: Repository) -> None:
    other_window = VisionService(repo, fixed_clock)
    card = other_window.add_card(CardInput(kind="aspiration", text="Lead a team"))
    app = make_app(repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_board(pilot)
        await pilot.press("e")
        form = app.screen
        assert isinstance(form, CardForm)
        other_window.update_card(card.id, CardInput(kind="aspiration", text="Lead a guild"))
        await pilot.press("end")  # focus selects the words; add to them
        await type_text(pilot, " of five")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is form
        told_changed_elsewhere(form, "card")
        assert form.query_one("#card-text", Input).value == "Lead a team of five"
    assert [c.text for c in other_window.cards()] == ["Lead a guild"]


async def test_a_purpose_saved_meanwhile_elsewhere_is_not_overwritten(repo: Repository) -> None:
    other_window = VisionService(repo, fixed_clock)
    app = make_app(repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_board(pilot)
        await pilot.press("p")  # no statement yet: the first one is being written
        form = app.screen
        assert isinstance(form, PurposeForm)
        other_window.set_purpose("Help small teams do careful work.")
        await type_text(pilot, "Make hard things clear.")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is form
        told_changed_elsewhere(form, "purpose statement")
        assert form.query_one(TextArea).text == "Make hard things clear."
    assert other_window.purpose() == "Help small teams do careful work."


async def test_a_card_pinned_here_then_edited_at_once_saves(repo: Repository) -> None:
    """This window's own writes (pin, move) move the version on; its next edit goes
    over the version it now shows, not over the one it had before."""
    service = VisionService(repo, fixed_clock)
    for text in ("First", "Second"):
        service.add_card(CardInput(kind="affirmation", text=text))
    app = make_app(repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_board(pilot)
        await pilot.press("right", "space", "e")
        form = app.screen
        assert isinstance(form, CardForm)
        await pilot.press("end")  # focus selects the words; add to them
        await type_text(pilot, ", again")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not isinstance(app.screen, CardForm), form.query_one(".form-status").render()
    assert [(c.text, c.pinned) for c in service.cards()] == [("Second, again", True),
                                                             ("First", False)]
