"""The scheduler widget and guided check-ins, driven by keys."""

from __future__ import annotations

from datetime import date, datetime

from textual.geometry import Region
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Input, Markdown, Static, TextArea

from compass_tui.config import Settings
from compass_tui.domain.entries import EntryQuery
from compass_tui.domain.goals import GoalInput, TaskInput
from compass_tui.domain.values import ValueInput
from compass_tui.services.goals import GoalsService
from compass_tui.services.schedule_file import load_schedule, schedule_path
from compass_tui.services.vision import VisionService
from compass_tui.store.repository import Repository
from compass_tui.ui.app import CompassApp
from compass_tui.ui.checkins.checkin_screen import CheckinScreen
from compass_tui.ui.checkins.checkins_screen import CheckinsScreen
from compass_tui.ui.checkins.schedule_form import ScheduleForm
from compass_tui.ui.checkins.snooze import SnoozeScreen
from compass_tui.ui.checkins.tick_list import TickList
from compass_tui.ui.checkins.values_rank_step import RankList
from compass_tui.ui.common.confirm import ConfirmScreen
from compass_tui.ui.common.scheduler_bar import SchedulerBar
from tests.conftest import NOW, fixed_clock
from tests.pilot_helpers import make_app, settle, type_text


def bar(pilot: Pilot) -> str:
    return str(pilot.app.query_one(SchedulerBar).render())


async def start(pilot: Pilot) -> None:
    await settle(pilot)
    await pilot.press("ctrl+k")
    await settle(pilot)
    assert isinstance(pilot.app.screen, CheckinScreen)


def drawn(screen: Screen, selector: str) -> str:
    """The characters a widget puts on the screen, whatever kind of widget it is."""
    widget = screen.query_one(selector)
    lines = widget.render_lines(Region(0, 0, widget.size.width, widget.size.height))
    return "\n".join("".join(segment.text for segment in line) for line in lines)


def goal_with_measure(repo: Repository) -> tuple[int, int]:
    goals = GoalsService(repo, fixed_clock)
    goal = goals.create(GoalInput(title="Run 100 km", metric="distance", unit="km",
                                  start_value=0, target_value=100, current_value=10))
    task = goals.add_task(TaskInput(goal_id=goal.id, title="Buy shoes"))
    return goal.id, task.id


async def test_sunday_shows_weekly_check_in_due_on_every_tab(repo: Repository) -> None:
    app = make_app(repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert "Weekly check-in due" in bar(pilot)
        for key in "2345":
            await pilot.press(key)
            assert app.query_one(SchedulerBar).display
            assert "Weekly check-in due" in bar(pilot)


async def test_completing_the_weekly_check_in_updates_a_goal_and_clears_the_widget(
        repo: Repository) -> None:
    goal_id, task_id = goal_with_measure(repo)
    app = make_app(repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await start(pilot)
        await type_text(pilot, "40")  # the measure's field has the focus
        await pilot.press("tab", "space")  # tick "Buy shoes"
        ticks = app.screen.query_one(TickList)
        assert ticks.ticked == {task_id}
        assert "[x] Buy shoes" in str(ticks.get_option_at_index(0).prompt)
        wins = app.screen.query(TextArea).first()
        wins.focus()
        await type_text(pilot, "Ran twice")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not isinstance(app.screen, CheckinScreen)
        assert "Weekly check-in due" not in bar(pilot) and "next:" in bar(pilot)
    goals = GoalsService(repo, fixed_clock)
    goal = goals.get(goal_id)
    assert goal is not None and goal.current_value == 40
    assert [t.done for t in goals.tasks(goal_id)] == [True]
    assert goals.progress_history(goal_id)[-1].percent == 40.0
    [entry] = repo.entries.entries(EntryQuery())
    assert entry.kind == "checkin" and "Ran twice" in entry.body


async def test_a_half_done_check_in_survives_a_restart(repo: Repository) -> None:
    goal_with_measure(repo)
    app = make_app(repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await start(pilot)
        await type_text(pilot, "55")
        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(app.screen, CheckinScreen)
        assert "Weekly check-in due" in bar(pilot)  # still to do
    again = make_app(repo)
    async with again.run_test(size=(80, 24)) as pilot:
        await start(pilot)
        assert again.screen.query(Input).first().value == "55"


async def test_a_started_check_in_can_be_discarded_after_asking(repo: Repository) -> None:
    goal_with_measure(repo)
    app = make_app(repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await start(pilot)
        await type_text(pilot, "55")
        await pilot.press("ctrl+g")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")  # kept: back in the form with the answer
        assert isinstance(app.screen, CheckinScreen)
        assert app.screen.query(Input).first().value == "55"
        await pilot.press("ctrl+g", "y")
        await settle(pilot)
        assert not isinstance(app.screen, CheckinScreen)
        assert repo.checkins.open_for("weekly") is None
        assert "Weekly check-in due" in bar(pilot)  # discarded, not done
        await start(pilot)  # a fresh one, empty
        assert app.screen.query(Input).first().value == ""
    assert repo.entries.count() == 0


async def test_hang_up_keeps_the_answers(repo: Repository) -> None:
    goal_with_measure(repo)
    app = make_app(repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await start(pilot)
        await type_text(pilot, "77")
        app.save_open_drafts()  # what SIGHUP and quit do
    [checkin] = [repo.checkins.open_for("weekly")]
    assert checkin is not None
    assert next(iter(checkin.answers["goals"].values()))["current"] == "77"


async def test_a_refused_answer_is_said_in_the_form_and_nothing_is_lost(
        repo: Repository) -> None:
    goal_with_measure(repo)
    app = make_app(repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await start(pilot)
        await type_text(pilot, "lots")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, CheckinScreen)
        status = str(app.screen.query_one("#checkin-status").render())
        assert "Not complete" in status and "not a number" in status
        assert app.screen.query(Input).first().value == "lots"
    assert repo.entries.count() == 0


async def test_snooze_until_tomorrow_is_shown(repo: Repository) -> None:
    app = make_app(repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+y")
        assert isinstance(app.screen, SnoozeScreen)
        await pilot.press("enter")  # "tomorrow" is offered
        await settle(pilot)
        assert "snoozed until tomorrow" in bar(pilot)
        assert "ctrl+k start" not in bar(pilot)


async def test_snooze_refuses_a_day_in_the_past(repo: Repository) -> None:
    app = make_app(repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+y")
        field = app.screen.query_one(Input)
        field.value = "yesterday"
        await pilot.press("enter")
        assert isinstance(app.screen, SnoozeScreen)
        assert "after today" in str(app.screen.query_one("#snooze-status").render())


async def test_monthly_check_in_reranks_values_in_place(repo: Repository) -> None:
    month_end = datetime(2026, 3, 31, 19, 0)
    growth = repo.values.add(ValueInput(name="Growth"), NOW)
    repo.values.add(ValueInput(name="Family"), NOW)
    VisionService(repo, fixed_clock).set_purpose("Build tools people trust")
    GoalsService(repo, fixed_clock).create(GoalInput(
        title="Lead a team", why="to help people grow", value_ids=[growth.id]))
    app = CompassApp(repo, Settings(db_url=str(repo.engine.url)), clock=lambda: month_end)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert "Monthly check-in due" in bar(pilot)
        await pilot.press("ctrl+k")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, CheckinScreen) and screen.checkin.kind == "monthly"
        ranks = screen.query_one(RankList)
        assert app.focused is ranks
        # The vision review shows what it asks about: the purpose and each goal's why.
        vision = str(screen.query_one(".step-vision", Static).content)
        assert "Build tools people trust" in vision
        assert "Lead a team: to help people grow  (Growth)" in vision
        await pilot.press("J")  # Growth down below Family
        lesson = screen.query_one(".lesson-title", Input)
        lesson.value = "Ask early"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "Monthly check-in due" not in bar(pilot)
    assert [v.name for v in repo.values.active()] == ["Family", "Growth"]
    assert [(e.title, e.source) for e in repo.timeline.events()] == [
        ("Values re-ranked: Family, Growth", "ranking"), ("Ask early", "checkin")]


async def test_history_shows_past_check_ins_trend_and_schedule(repo: Repository) -> None:
    app = make_app(repo)
    checkins = app.checkins
    checkins.complete(checkins.open_or_start("weekly").id, {"energy": 3, "fulfilment": 4,
                                                            "wins": "Shipped it"})
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+k")  # nothing due: the check-ins screen
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, CheckinsScreen)
        # On the 1-5 scale: a 3 and a 4 are not both drawn as full bars.
        energy, fulfilment = drawn(screen, "#trend-energy"), drawn(screen, "#trend-fulfilment")
        assert energy.startswith("▅  3 last") and fulfilment.startswith("▆  4 last")
        assert "Weekly check-in: every Sunday" in str(
            screen.query_one("#checkins-schedule").render())
        assert "Shipped it" in screen.query_one("#checkins-text", Markdown).source
        await pilot.press("e")
        assert isinstance(app.screen, ScheduleForm)
        app.screen.query_one("#schedule-weekly", Input).value = "friday"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "every Friday" in str(screen.query_one("#checkins-schedule").render())
    assert load_schedule().weekly == "friday"
    assert date(2026, 3, 20).strftime("%A") == "Friday"


async def test_a_bad_schedule_is_said_in_the_form_and_not_saved(repo: Repository) -> None:
    app = make_app(repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.action_checkin_history()
        await settle(pilot)
        await pilot.press("e")
        app.screen.query_one("#schedule-monthly", Input).value = "31"
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, ScheduleForm)
        assert "missing from some months" in str(app.screen.query_one(".form-status").render())
    assert not schedule_path().exists()


async def test_a_check_in_done_early_files_its_lesson_today_and_its_decisions_on_goals(
        repo: Repository) -> None:
    from tests.test_app_goals import shown
    from tests.test_app_timeline import rows

    december_2 = datetime(2026, 12, 2, 18, 0)
    goals = GoalsService(repo, lambda: december_2)
    paused = goals.create(GoalInput(title="Learn Go"))
    adjusted = goals.create(GoalInput(title="Speak at meetups"))
    app = CompassApp(repo, Settings(db_url=str(repo.engine.url)), clock=lambda: december_2)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+k")  # nothing due: the history, where m starts one now
        await settle(pilot)
        await pilot.press("m")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, CheckinScreen) and screen.checkin.kind == "monthly"
        screen.query_one(f"#decision-{paused.id}").value = "pause"
        screen.query_one(f"#note-{paused.id}", Input).value = "Until the move is over"
        screen.query_one(f"#decision-{adjusted.id}").value = "adjust"
        screen.query_one(f"#note-{adjusted.id}", Input).value = "Two talks, not five"
        screen.query_one(".lesson-title", Input).value = "Ask for help sooner"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not isinstance(app.screen, CheckinScreen)
        await pilot.press("4", "l")
        await settle(pilot, rounds=3)
        assert [r for r in rows(pilot) if "Ask for help sooner" in r] == [
            "│ ✎ 2 Dec 2026  Ask for help sooner ·app"]
        await pilot.press("3")
        await settle(pilot, rounds=3)
        assert "paused: Until the move is over" in shown(pilot, "goal-head")
        await pilot.press("down")
        await settle(pilot, rounds=3)
        assert "note: Two talks, not five" in shown(pilot, "goal-head")
