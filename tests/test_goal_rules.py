"""Pure goal rules: the SMART check, progress, and what a goal form may hold."""

from datetime import date, datetime
from typing import Any

import pytest
from pydantic import ValidationError

from compass_tui.domain.goals import (
    Goal,
    GoalInput,
    GoalSummary,
    goal_progress,
    measure_progress,
    smart_check,
)

TODAY = date(2026, 3, 15)
SMART_GOAL: dict[str, Any] = {
    "title": "Run the team's first design review",
    "specific": "Hold a monthly design review with all six engineers of the payments team",
    "metric": "reviews held", "unit": "reviews",
    "start_value": 0, "target_value": 6, "current_value": 1,
    "resources": "Tuesday slot, a template", "obstacles": "release weeks",
    "value_ids": [1], "why": "Teaching grows me and the team",
    "start_date": date(2026, 1, 1), "due_date": date(2026, 7, 1),
}


def verdicts(**changes: Any) -> dict[str, str]:
    goal = GoalInput(**{**SMART_GOAL, **changes})
    return {part.part: part.verdict for part in smart_check(goal, TODAY)}


def advice(part: str, **changes: Any) -> str:
    goal = GoalInput(**{**SMART_GOAL, **changes})
    return next(p.advice for p in smart_check(goal, TODAY) if p.part == part)


# -- SMART check ----------------------------------------------------------------


def test_a_smart_goal_passes_every_part() -> None:
    parts = smart_check(GoalInput(**SMART_GOAL), TODAY)
    assert [(p.part, p.verdict, p.advice) for p in parts] == [
        (part, "ok", "") for part in "SMART"
    ]
    assert [p.name for p in parts] == [
        "Specific", "Measurable", "Achievable", "Relevant", "Time-bound",
    ]


@pytest.mark.parametrize(("changes", "verdict"), [
    ({"specific": ""}, "missing"),
    ({"specific": "   "}, "missing"),
    ({"specific": "Ship the review"}, "weak"),  # too short to be concrete
    ({"specific": "Get better at running reviews for the whole team"}, "weak"),  # vague word
])
def test_specific(changes: dict[str, Any], verdict: str) -> None:
    assert verdicts(**changes)["S"] == verdict
    assert advice("S", **changes)


@pytest.mark.parametrize(("changes", "verdict"), [
    ({"metric": ""}, "missing"),
    ({"target_value": None}, "missing"),
    ({"start_value": None}, "weak"),
    ({"current_value": None}, "weak"),
])
def test_measurable(changes: dict[str, Any], verdict: str) -> None:
    assert verdicts(**changes)["M"] == verdict


def test_achievable_names_the_side_that_is_missing() -> None:
    assert verdicts(resources="", obstacles="")["A"] == "missing"
    assert verdicts(obstacles="")["A"] == "weak"
    assert "obstacles" in advice("A", obstacles="")
    assert "resources" in advice("A", resources=" ")


def test_relevant_needs_a_value_then_a_why() -> None:
    assert verdicts(value_ids=[])["R"] == "missing"
    assert verdicts(why="")["R"] == "weak"


def test_time_bound() -> None:
    assert verdicts(due_date=None, start_date=None)["T"] == "missing"
    assert verdicts(start_date=None)["T"] == "weak"
    assert verdicts(due_date=TODAY)["T"] == "ok"  # due today has not passed


@pytest.mark.parametrize("status", ["active", "paused"])
def test_a_past_due_date_is_flagged_while_the_goal_is_open(status: str) -> None:
    assert verdicts(due_date=date(2026, 3, 14), status=status)["T"] == "weak"
    assert "passed" in advice("T", due_date=date(2026, 3, 14), status=status)


@pytest.mark.parametrize(("status", "reason"), [("done", ""), ("abandoned", "changed role")])
def test_a_closed_goal_is_not_flagged_for_its_past_due_date(status: str, reason: str) -> None:
    assert verdicts(due_date=date(2026, 3, 14), status=status, status_reason=reason)["T"] == "ok"


# -- progress -------------------------------------------------------------------


@pytest.mark.parametrize(("start", "target", "current", "expected"), [
    (0, 10, 5, 50.0),
    (10, 0, 5, 50.0),  # target 0: counting down to nothing
    (0, -10, -5, 50.0),  # negative target
    (-20, -10, -15, 50.0),  # both negative
    (90, 80, 85, 50.0),  # target below start: a decreasing metric (weight, costs)
    (90, 80, 95, 0.0),  # went the wrong way: clamped to 0
    (0, 10, 15, 100.0),  # beyond the target clamps to 100
    (90, 80, 70, 100.0),  # beyond a decreasing target too
    (0, 3, 2, 66.7),  # rounded to one decimal
])
def test_measure_progress(start: float, target: float, current: float, expected: float) -> None:
    assert measure_progress(start, target, current) == expected


@pytest.mark.parametrize(("start", "target", "current"), [
    (None, 10, 5), (0, None, 5), (0, 10, None), (5, 5, 5),
])
def test_an_incomplete_measure_gives_no_progress(
    start: float | None, target: float | None, current: float | None,
) -> None:
    assert measure_progress(start, target, current) is None


def test_task_progress_rules() -> None:
    plain = GoalInput(title="Learn SQL window functions")
    assert goal_progress(plain, 0, 0) == 0.0  # no tasks yet
    assert goal_progress(plain, 0, 4) == 0.0
    assert goal_progress(plain, 2, 3) == 66.7
    assert goal_progress(plain, 3, 3) == 100.0


def test_the_measure_beats_the_tasks_and_done_is_100() -> None:
    measured = GoalInput(title="Save a buffer", metric="months of costs", start_value=0,
                         target_value=6, current_value=3)
    assert goal_progress(measured, 4, 4) == 50.0  # all tasks done, the measure says half
    assert goal_progress(measured, 0, 4) == 50.0
    half_measured = measured.model_copy(update={"current_value": None})
    assert goal_progress(half_measured, 1, 4) == 25.0  # no current value: tasks count
    done = measured.model_copy(update={"status": "done"})
    assert goal_progress(done, 0, 4) == 100.0
    assert goal_progress(GoalInput(title="Done", status="done"), 0, 0) == 100.0


# -- what a goal may hold -------------------------------------------------------


def refused(**fields: Any) -> str:
    with pytest.raises(ValidationError) as info:
        GoalInput(**{"title": "A goal", **fields})
    return str(info.value)


def test_start_after_due_is_refused() -> None:
    assert "the due date is before the start date" in refused(
        start_date=date(2026, 5, 2), due_date=date(2026, 5, 1))
    same_day = GoalInput(title="A goal", start_date=date(2026, 5, 1), due_date=date(2026, 5, 1))
    assert same_day.due_date == same_day.start_date


def test_target_equal_to_start_is_refused() -> None:
    assert "the target equals the starting point" in refused(start_value=3, target_value=3)
    assert GoalInput(title="A goal", start_value=3, target_value=0).target_value == 0


def test_abandoned_needs_a_reason() -> None:
    assert "say why the goal was abandoned" in refused(status="abandoned")
    assert "say why the goal was abandoned" in refused(status="abandoned", status_reason="  ")
    assert GoalInput(title="A goal", status="abandoned", status_reason="moved city").status_reason


def test_tags_are_normalised_or_refused() -> None:
    assert "not a tag: bad tag" in refused(tag="bad tag")
    assert "not a tag" in refused(tag="@-x")
    assert GoalInput(title="A goal", tag=" @Public-Speaking ").tag == "public-speaking"
    assert GoalInput(title="A goal", tag="@").tag == ""  # nothing left: no tag


def test_the_title_is_required_and_tidied() -> None:
    assert "the title cannot be empty" in refused(title="")
    assert "the title cannot be empty" in refused(title="  \n ")
    assert GoalInput(title="  Speak   at a\nmeetup ").title == "Speak at a meetup"


def test_status_and_horizon_are_closed_lists() -> None:
    refused(status="someday")
    refused(horizon="medium")


def test_a_summary_keeps_progress_within_0_to_100() -> None:
    goal = Goal(title="A goal", id=1, created_at=datetime(2026, 1, 1),
                updated_at=datetime(2026, 1, 1))
    summary = GoalSummary(goal=goal, progress=100, tasks_done=0, tasks_total=0,
                          overdue_tasks=0, smart=[])
    assert summary.depth == 0
    with pytest.raises(ValidationError):
        GoalSummary(goal=goal, progress=100.1, tasks_done=0, tasks_total=0, overdue_tasks=0,
                    smart=[])
