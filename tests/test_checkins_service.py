"""Check-ins through the service: due, answers kept, completion applies the plan."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from compass_tui.domain.entries import EntryQuery
from compass_tui.domain.goals import GoalInput, TaskInput
from compass_tui.domain.schedule import Schedule
from compass_tui.domain.values import ValueInput
from compass_tui.services.checkins import CheckinError, CheckinService
from compass_tui.services.goals import GoalsService
from compass_tui.store.repository import Repository
from compass_tui.store.rows import NotFoundError
from tests.conftest import NOW, fixed_clock

SUNDAY = NOW.date()


@pytest.fixture
def service(repo: Repository) -> CheckinService:
    return CheckinService(repo, fixed_clock)


def at(moment: datetime):
    return lambda: moment


def test_weekly_is_due_on_a_sunday_and_monthly_is_not(service: CheckinService) -> None:
    report = service.report()
    assert report.lines() == ["Weekly check-in due"]
    assert report.next_words() == "next: Monthly check-in, Tue 31 Mar"


def test_nothing_is_written_when_only_reading(repo: Repository) -> None:
    CheckinService(repo, fixed_clock).report(create=False)
    assert repo.checkins.states(("weekly",), date(2030, 1, 1), create=False)[
        "weekly"].started_on == date(2030, 1, 1)  # no row was kept


def test_answers_survive_and_the_same_check_in_is_resumed(repo: Repository,
                                                         service: CheckinService) -> None:
    checkin = service.open_or_start("weekly")
    assert (checkin.period_start, checkin.period_end) == (date(2026, 3, 9), SUNDAY)
    service.save_answers(checkin.id, {"wins": "Gave the talk"})
    again = CheckinService(repo, fixed_clock).open_or_start("weekly")
    assert again.id == checkin.id and again.answers == {"wins": "Gave the talk"}


def test_weekly_completion_updates_goals_tasks_and_clears_the_widget(
        repo: Repository, service: CheckinService) -> None:
    goals = GoalsService(repo, fixed_clock)
    goal = goals.create(GoalInput(title="Run 100 km", metric="distance", unit="km",
                                  start_value=0, target_value=100, current_value=10))
    task = goals.add_task(TaskInput(goal_id=goal.id, title="Buy shoes"))
    other = goals.create(GoalInput(title="Speak at a meetup"))
    checkin = service.open_or_start("weekly")
    done = service.complete(checkin.id, {
        "goals": {str(goal.id): {"current": "35", "tasks": {str(task.id): True}}},
        "wins": "Ran three times", "setbacks": "Skipped Friday; sleep first",
        "energy": 4, "fulfilment": "3",
        "focus": {"text": "- Email the organisers\n- Draft the abstract\n",
                  "goal_id": other.id},
    })
    assert goals.get(goal.id).current_value == 35
    assert [t.done for t in goals.tasks(goal.id)] == [True]
    assert [(t.title, t.due) for t in goals.tasks(other.id)] == [
        ("Email the organisers", SUNDAY + timedelta(days=7)),
        ("Draft the abstract", SUNDAY + timedelta(days=7))]
    assert goals.progress_history(goal.id)[-1].percent == 35.0
    entry = repo.entries.get(done.entry_id)
    assert entry is not None and entry.kind == "checkin" and entry.tags == ["checkin"]
    assert entry.title == "Weekly check-in, 9–15 Mar 2026"
    assert "## Wins\n\nRan three times" in entry.body
    assert "ticked “Buy shoes”" in entry.body
    assert (entry.energy, entry.fulfilment) == (4, 3)
    assert done.checkin.status == "done" and (done.checkin.energy, done.checkin.fulfilment) \
        == (4, 3)
    assert service.report().lines() == []
    assert service.open_for("weekly") is None


def test_monthly_reranks_values_reviews_goals_and_adds_a_lesson(
        repo: Repository) -> None:
    month_end = datetime(2026, 3, 31, 20, 0)
    service = CheckinService(repo, at(month_end))
    growth = repo.values.add(ValueInput(name="Growth"), NOW)
    family = repo.values.add(ValueInput(name="Family"), NOW)
    goals = GoalsService(repo, at(month_end))
    paused = goals.create(GoalInput(title="Learn Go"))
    dropped = goals.create(GoalInput(title="Become a manager"))
    assert "Monthly check-in due" in service.report().lines()
    checkin = service.open_or_start("monthly")
    assert (checkin.period_start, checkin.period_end) == (date(2026, 3, 1), date(2026, 3, 31))
    answers = {
        "values": [family.id, growth.id],
        "review": {str(paused.id): {"decision": "pause", "note": ""},
                   str(dropped.id): {"decision": "abandon", "note": ""}},
        "lesson": {"title": "Say no early", "text": "It costs less than saying it late."},
    }
    with pytest.raises(CheckinError, match="Say why you are letting go of “Become a manager”"):
        service.complete(checkin.id, answers)
    # Nothing was applied by the refused attempt.
    assert [v.name for v in repo.values.active()] == ["Growth", "Family"]
    assert goals.get(paused.id).status == "active"
    answers["review"][str(dropped.id)]["note"] = "I like the craft more than the title"
    service.complete(checkin.id, answers)
    assert [v.name for v in repo.values.active()] == ["Family", "Growth"]
    assert goals.get(paused.id).status == "paused"
    assert (goals.get(dropped.id).status, goals.get(dropped.id).status_reason) == (
        "abandoned", "I like the craft more than the title")
    [event] = [e for e in repo.timeline.events() if e.source == "checkin"]
    assert (event.title, event.kind, event.lesson, event.occurred_on) == (
        "Say no early", "learning", "It costs less than saying it late.", date(2026, 3, 31))
    assert service.report().lines() == []


def test_what_a_review_decides_is_kept_on_the_goal(repo: Repository) -> None:
    service = CheckinService(repo, at(datetime(2026, 12, 2, 18, 0)))
    goals = GoalsService(repo, at(datetime(2026, 12, 2, 18, 0)))
    paused = goals.create(GoalInput(title="Learn Go"))
    dropped = goals.create(GoalInput(title="Become a manager"))
    adjusted = goals.create(GoalInput(title="Speak at meetups"))
    kept = goals.create(GoalInput(title="Run", status_reason="after the knee healed"))
    done = service.complete(service.open_or_start("monthly").id, {"review": {
        str(paused.id): {"decision": "pause", "note": "Until the move is over"},
        str(dropped.id): {"decision": "abandon", "note": "The craft matters more"},
        str(adjusted.id): {"decision": "adjust", "note": "Two talks, not five"},
        str(kept.id): {"decision": "keep", "note": "going well"}}})
    assert [(g.status, g.status_reason) for g in map(goals.get, (
        paused.id, dropped.id, adjusted.id, kept.id))] == [
        ("paused", "Until the move is over"), ("abandoned", "The craft matters more"),
        ("active", "Two talks, not five"), ("active", "after the knee healed")]
    assert "“Speak at meetups” adjusted: Two talks, not five" in done.changes
    assert "“Learn Go” paused: Until the move is over" in done.changes


def test_a_lesson_is_dated_the_day_learned_and_shows_wherever_lessons_do(
        repo: Repository) -> None:
    import io

    from compass_tui.services.markdown_export import MarkdownExport
    from compass_tui.services.timeline import TimelineService
    from compass_tui.services.vision import VisionService

    december_2 = at(datetime(2026, 12, 2, 18, 0))
    service = CheckinService(repo, december_2)
    checkin = service.open_or_start("monthly")  # done early: the period ends 31 Dec
    assert checkin.period_end == date(2026, 12, 31)
    service.complete(checkin.id, {"lesson": {"title": "Ask for help sooner", "text": ""}})
    [lesson] = TimelineService(repo, december_2).lessons()
    assert (lesson.title, lesson.lesson, lesson.occurred_on) == (
        "Ask for help sooner", "Ask for help sooner", date(2026, 12, 2))
    out = io.StringIO()
    MarkdownExport(repo, december_2).write(out)
    learned = out.getvalue().split("## Lessons learned", 1)[1]
    assert "- Ask for help sooner (2 Dec 2026, Ask for help sooner)" in learned
    outline = VisionService(repo, december_2).draft_outline()
    assert "- Ask for help sooner" in outline.split("## What it taught me", 1)[1]


def test_bad_ratings_and_measures_are_refused_with_nothing_changed(
        repo: Repository, service: CheckinService) -> None:
    goals = GoalsService(repo, fixed_clock)
    goal = goals.create(GoalInput(title="Run", metric="km", target_value=100, start_value=0))
    checkin = service.open_or_start("weekly")
    with pytest.raises(CheckinError, match="Energy: give a number from 1 to 5"):
        service.complete(checkin.id, {"energy": 9})
    with pytest.raises(CheckinError, match="not a number"):
        service.complete(checkin.id, {"goals": {str(goal.id): {"current": "lots"}}})
    assert repo.entries.entries(EntryQuery()) == []
    assert service.open_for("weekly") is not None


def test_a_failure_while_applying_leaves_nothing_half_done(
        repo: Repository, service: CheckinService, monkeypatch: pytest.MonkeyPatch) -> None:
    goals = GoalsService(repo, fixed_clock)
    goal = goals.create(GoalInput(title="Run 100 km", metric="distance", unit="km",
                                  start_value=0, target_value=100, current_value=10))
    task = goals.add_task(TaskInput(goal_id=goal.id, title="Buy shoes"))
    checkin = service.open_or_start("weekly")
    answers = {"goals": {str(goal.id): {"current": "35", "tasks": {str(task.id): True}}},
               "wins": "Ran three times",
               "focus": {"text": "Email the organisers", "goal_id": goal.id}}

    def disk_full(*_args: object, **_kwargs: object) -> None:
        raise OSError("database or disk is full")

    # The last write of all fails: the goal, task, new tasks and entry written
    # before it in the same completion must not stay.
    monkeypatch.setattr(repo.checkins, "complete", disk_full)
    with pytest.raises(OSError):
        service.complete(checkin.id, answers)
    monkeypatch.undo()
    assert goals.get(goal.id).current_value == 10
    assert [(t.title, t.done) for t in goals.tasks(goal.id)] == [("Buy shoes", False)]
    assert [p.percent for p in goals.progress_history(goal.id)] == [10.0]
    assert repo.entries.entries(EntryQuery()) == []
    kept = service.open_for("weekly")
    assert kept is not None and kept.answers == answers  # the words typed are kept
    # And it can be completed once the fault is gone.
    service.complete(checkin.id, answers)
    assert goals.get(goal.id).current_value == 35
    assert len(repo.entries.entries(EntryQuery())) == 1


def test_a_check_in_completed_in_another_window_is_not_completed_twice(
        repo: Repository, service: CheckinService) -> None:
    checkin = service.open_or_start("weekly")
    other_window = CheckinService(repo, fixed_clock)
    other_window.complete(checkin.id, {"wins": "From the other window"})
    # This window read the check-in as open earlier; the store still refuses.
    with pytest.raises(NotFoundError):
        repo.checkins.complete(checkin.id, {}, energy=None, fulfilment=None, entry_id=None,
                               now=NOW)
    with pytest.raises(NotFoundError):
        service.complete(checkin.id, {"wins": "Again"})
    assert len(repo.entries.entries(EntryQuery())) == 1


def test_snooze_shows_and_completing_clears_it(service: CheckinService) -> None:
    with pytest.raises(CheckinError, match="after today"):
        service.snooze("weekly", SUNDAY)
    service.snooze("weekly", SUNDAY + timedelta(days=1))
    report = service.report()
    assert report.lines() == ["Weekly check-in due (snoozed until tomorrow)"]
    assert report.actionable == []
    service.complete(service.open_or_start("weekly").id, {})
    assert service.report().lines() == []


def test_a_check_in_done_early_quiets_the_widget_until_the_next_one(repo: Repository) -> None:
    wednesday = datetime(2026, 3, 18, 12, 0)
    service = CheckinService(repo, at(wednesday))
    service.report()  # first run: the schedule starts today
    checkin = service.open_or_start("weekly")
    assert checkin.period_end == date(2026, 3, 22)
    service.complete(checkin.id, {})
    assert CheckinService(repo, at(datetime(2026, 3, 22, 9))).report().lines() == []
    assert CheckinService(repo, at(datetime(2026, 3, 29, 9))).report().lines() == [
        "Weekly check-in due"]


def test_once_a_period_is_covered_the_strip_names_the_next_one(repo: Repository) -> None:
    wednesday = datetime(2026, 12, 2, 18, 0)
    service = CheckinService(repo, at(wednesday))
    assert service.report().next_words() == "next: Weekly check-in, Sun 6 Dec"
    service.complete(service.open_or_start("weekly").id, {})
    assert service.report().next_words() == "next: Weekly check-in, Sun 13 Dec"
    restarted = CheckinService(repo, at(wednesday + timedelta(hours=1)))
    assert restarted.report().next_words() == "next: Weekly check-in, Sun 13 Dec"
    restarted.complete(restarted.open_or_start("weekly").id, {})  # the week after, too
    assert restarted.report().next_words() == "next: Weekly check-in, Sun 20 Dec"
    assert restarted.history()[0].period_start == date(2026, 12, 7)


def test_rituals_when_enabled(repo: Repository) -> None:
    schedule = Schedule.parse({"morning": "07:00", "evening": "off"})
    service = CheckinService(repo, fixed_clock, schedule)
    assert "Morning affirmation due" in service.report().lines()
    affirmation = service.affirmation(SUNDAY)
    assert affirmation and affirmation == service.affirmation(SUNDAY)
    done = service.complete(service.open_or_start("morning").id,
                            {"affirmation": affirmation, "intention": "Finish the spec"})
    assert "Morning affirmation due" not in service.report().lines()
    assert repo.entries.get(done.entry_id).title == "Morning affirmation, Sun 15 Mar 2026"


def test_history_trend_and_export(repo: Repository, service: CheckinService) -> None:
    service.complete(service.open_or_start("weekly").id, {"energy": 2, "fulfilment": 4})
    [past] = service.history()
    assert past.kind == "weekly"
    assert [(c.energy, c.fulfilment) for c in service.trend()] == [(2, 4)]
    data = service.export_data()
    assert data["schedule"]["weekly"] == "sunday"
    assert data["history"][0] | {"kind": "weekly", "period_end": "2026-03-15",
                                 "energy": 2} == data["history"][0]


def test_the_morning_ritual_shows_an_affirmation_from_the_board(repo: Repository) -> None:
    from compass_tui.domain.vision import CardInput
    from compass_tui.services.vision import VisionService

    VisionService(repo, fixed_clock).add_card(CardInput(kind="affirmation",
                                                        text="I finish what matters"))
    schedule = Schedule.parse({"morning": "07:00"})
    service = CheckinService(repo, fixed_clock, schedule)
    assert service.affirmation(SUNDAY) == "I finish what matters"
    assert service.form_data("morning").affirmation == "I finish what matters"
