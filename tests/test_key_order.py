"""Keys typed faster than the app answers, as over SSH: each key takes effect before the
next is handled, so every word lands in the field that had the focus when it was typed."""

from __future__ import annotations

from datetime import datetime

from textual.widgets import Input, TextArea

from compass_tui.domain.entries import EntryQuery
from compass_tui.domain.goals import GoalInput, TaskInput
from compass_tui.services.goals import GoalsService
from compass_tui.store.repository import Repository
from compass_tui.ui.checkins.checkin_screen import CheckinScreen
from compass_tui.ui.goals.goal_form import GoalForm
from compass_tui.ui.journal.entry_editor import EntryEditorScreen
from tests.conftest import fixed_clock
from tests.pilot_helpers import burst, make_app, settle, text_keys


async def test_keys_after_tab_land_in_the_next_field_of_the_editor(repo: Repository) -> None:
    app = make_app(repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        await settle(pilot)
        await burst(pilot, *"abc", "tab", *"def")  # was "abcdef" in the title
        screen = app.screen
        assert isinstance(screen, EntryEditorScreen)
        assert screen.query_one("#title", Input).value == "abc"
        assert screen.query_one("#when", Input).value == "def"


async def test_a_new_entry_typed_in_one_burst_is_saved_as_typed(repo: Repository) -> None:
    app = make_app(repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await burst(pilot, "n", *text_keys("Met Ana"), "tab", *text_keys("yesterday 8am"),
                    "tab", *text_keys("@mentor"), "tab", "space", "shift+tab", "shift+tab",
                    "shift+tab", "end", *text_keys(" for coffee"), "ctrl+s")
        assert not isinstance(app.screen, EntryEditorScreen)
    [entry] = repo.entries.entries(EntryQuery())
    assert entry.title == "Met Ana for coffee"
    assert entry.entry_date == datetime(2026, 3, 14, 8, 0)
    assert entry.tags == ["mentor"]
    assert entry.starred


async def test_editing_keys_in_a_burst_act_where_they_were_typed(repo: Repository) -> None:
    """Backspace and the arrows are bindings, run when the key comes back up to the
    app; the letters after them must wait for them."""
    app = make_app(repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await burst(pilot, "n", *"abc", "backspace", "d", "left", "x", "end", "!")
        assert app.screen.query_one("#title", Input).value == "abxd!"


async def test_the_goal_form_typed_fast_keeps_each_field_apart(repo: Repository) -> None:
    app = make_app(repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("3")
        await settle(pilot)
        # enter walks the form (Input.Submitted, then focus_next); tab steps over the
        # three choices to the reason, the specific part and the metric.
        await burst(pilot, "n", *text_keys("Speak at meetups"), "enter", "tab", "tab", "tab",
                    "tab", *text_keys("Three talks this spring"), "enter",
                    *text_keys("training hours"), "tab", *text_keys("hours"), "tab", "0",
                    "tab", *"40", "ctrl+s")
        assert not isinstance(app.screen, GoalForm), app.screen.query_one(".form-status")
    [summary] = GoalsService(repo, fixed_clock).summaries()
    goal = summary.goal
    assert (goal.title, goal.specific, goal.metric, goal.unit) == (
        "Speak at meetups", "Three talks this spring", "training hours", "hours")
    assert (goal.start_value, goal.target_value) == (0, 40)


async def test_a_check_in_typed_fast_keeps_each_answer_apart(repo: Repository) -> None:
    """The steps load in a worker: keys typed before they are shown wait for them."""
    goals = GoalsService(repo, fixed_clock)
    goal = goals.create(GoalInput(title="Run 100 km", metric="distance", unit="km",
                                  start_value=0, target_value=100, current_value=10))
    goals.add_task(TaskInput(goal_id=goal.id, title="Buy shoes"))
    app = make_app(repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, 3)
        await burst(pilot, "ctrl+k", *"40", "tab", "space", "tab", *text_keys("Ran twice"),
                    "tab", *text_keys("Slept badly"))
        screen = app.screen
        assert isinstance(screen, CheckinScreen)
        assert [i.value for i in screen.query(Input)] == ["40"]
        assert [t.text for t in screen.query(TextArea)][:2] == ["Ran twice", "Slept badly"]
        [task] = goals.tasks(goal.id)
        assert screen.answers()["goals"][str(goal.id)]["tasks"] == {str(task.id): True}
