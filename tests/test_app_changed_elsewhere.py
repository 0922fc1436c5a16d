"""What a screen says when another window saved the same thing first: the words typed
here stay, and the user decides."""

from __future__ import annotations

from textual.widgets import TextArea

from compass_tui.domain.goals import GoalInput
from compass_tui.services.goals import GoalsService
from compass_tui.services.vision import VisionService
from compass_tui.store.repository import Repository
from compass_tui.ui.goals.goal_form import GoalForm
from compass_tui.ui.vision.narrative_editor import NarrativeEditorScreen
from tests.conftest import fixed_clock
from tests.pilot_helpers import make_app, settle, type_text
from tests.test_app_goals import open_goals, save
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
        status = str(form.query_one(".form-status").render())
        assert "this goal was changed in another window meanwhile" in status
        assert "what you typed is still here" in status
    saved = repo.goals.get(goal.id)
    assert saved is not None and saved.title == "Speak at two meetups"
