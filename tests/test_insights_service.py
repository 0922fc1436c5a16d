"""Insights and the review on a real database (SQLite and PostgreSQL), fixed clock."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from datetime import date, datetime

import pytest

from compass_tui.domain.assessment import FeedbackInput
from compass_tui.domain.goals import GoalInput, TaskInput
from compass_tui.domain.insights import Period
from compass_tui.domain.values import ValueInput
from compass_tui.services.assessment import AssessmentService
from compass_tui.services.goals import GoalsService
from compass_tui.services.insights import InsightsService, span_of
from compass_tui.services.insights_format import insights_json, insights_text
from compass_tui.services.review import ReviewService
from compass_tui.services.review_format import review_json, review_markdown
from compass_tui.services.values import ValuesService
from compass_tui.store.repository import Repository
from tests.conftest import fixed_clock
from tests.insights_seed import LAST_DAY, seed_ratings


@pytest.fixture
def service(repo: Repository) -> InsightsService:
    seed_ratings(repo)
    return InsightsService(repo, fixed_clock)


def test_mentoring_lifts_and_status_meetings_drain(service: InsightsService) -> None:
    insights = service.insights(service.period())
    assert [(t.key, t.rated, t.fulfilment, t.energy) for t in insights.by_tag] == [
        ("mentoring", 6, 5.0, 4.0), ("ana-lima", 5, 5.0, 4.0), ("status-meetings", 7, 2.0, 2.0)]
    assert insights.tags_below_minimum == 2  # pottery (3 rated) and code (none rated)
    overall = insights.overall
    # 19 entries in the 90 days; the check-in's entry counts once, through its ratings.
    assert (overall.entries, overall.rated, overall.fulfilment, overall.energy) == (
        19, 17, 3.53, 3.18)
    split = insights.split
    assert [t.key for t in split.lifts] == ["mentoring", "ana-lima"]
    assert [t.key for t in split.drains] == ["status-meetings"]
    assert all(t.key != "checkin" for t in insights.by_tag)


def test_the_minimum_can_be_lowered(repo: Repository) -> None:
    seed_ratings(repo)
    insights = InsightsService(repo, fixed_clock, min_entries=3).insights(
        InsightsService(repo, fixed_clock).period())
    assert [t.key for t in insights.by_tag][:2] == ["pottery", "mentoring"]


def test_months_weeks_streaks_the_year_and_moments(service: InsightsService) -> None:
    insights = service.insights(service.period())
    assert [(m.key, m.entries, m.rated, m.fulfilment) for m in insights.by_month] == [
        ("2026-02", 5, 3, 5.0), ("2026-03", 14, 14, 3.21)]
    assert insights.weekly_trend and insights.trend_unit == "week"
    assert insights.by_week[-1].key == "2026-03-09"  # Monday to Sunday 15 March
    assert (insights.streaks.current, insights.streaks.best) == (12, 12)  # 12 Mar: none
    assert insights.year.cell(LAST_DAY).entries == 1
    assert insights.year.cell(date(2026, 3, 14)).fulfilment == 2.0
    reasons = [m.reason for m in insights.moments]
    assert "“lost track of time”" in reasons
    assert reasons.count("fulfilment 5") == 6
    assert insights.moments[0].entry.title == "Mentoring session 0"


def test_people_and_goals_rank_through_their_tags(repo: Repository) -> None:
    seed_ratings(repo)
    AssessmentService(repo, fixed_clock).add_feedback(
        FeedbackInput(giver="Ana  Lima", said="Clear feedback", given_on=date(2026, 3, 1)))
    GoalsService(repo, fixed_clock).create(GoalInput(title="Mentor two juniors",
                                                     tag="mentoring"))
    service = InsightsService(repo, fixed_clock)
    insights = service.insights(service.period())
    assert [(n.name, n.tally.key) for n in insights.by_person] == [("Ana Lima", "ana-lima")]
    assert [(n.name, n.tally.key) for n in insights.by_goal] == [
        ("Mentor two juniors", "mentoring")]


def test_the_entries_behind_a_figure(service: InsightsService) -> None:
    period = service.period()
    behind = service.entries_behind(period, "status-meetings")
    assert len(behind) == 7 and all(item.fulfilment == 2 for item in behind)
    assert behind[0].entry.entry_date > behind[-1].entry.entry_date
    assert [i.entry.title for i in service.entries_behind(period, "code")] == []
    assert len(service.entries_behind(period, "code", rated_only=False)) == 2
    week = span_of("2026-03-09", True)
    assert (week.start, week.end) == (date(2026, 3, 9), date(2026, 3, 15))
    assert span_of("2026-02", False).end == date(2026, 2, 28)


def test_a_period_without_ratings_gives_nulls_and_a_sentence(service: InsightsService) -> None:
    insights = service.insights(service.period("2026-02-12", "2026-02-13"))
    assert insights.overall.entries == 2 and insights.overall.fulfilment is None
    data = insights_json(insights)
    assert data["overall"] == {"entries": 2, "rated": 0, "fulfilment": None, "energy": None}
    assert data["by_tag"] == []
    assert "No rated entries in 12 Feb – 13 Feb 2026" in insights_text(insights)


def test_the_json_has_the_documented_shape(service: InsightsService) -> None:
    data = insights_json(service.insights(service.period()))
    assert data["period"] == {"from": "2025-12-16", "to": "2026-03-15"}
    assert data["min_entries"] == 5
    assert data["by_tag"][0] == {"tag": "mentoring", "entries": 6, "rated": 6,
                                 "fulfilment": 5.0, "energy": 4.0}
    assert data["by_month"][-1]["month"] == "2026-03"
    assert data["streak"] == {"current": 12, "best": 12}


def test_all_time_starts_at_the_first_entry(service: InsightsService) -> None:
    insights = service.insights(service.period(everything=True))
    assert insights_json(insights)["period"]["from"] == "2025-08-27"
    mentoring = next(t for t in insights.by_tag if t.key == "mentoring")
    assert (mentoring.rated, mentoring.fulfilment) == (7, 4.43)  # 6 x 5 and 1 x 1


def test_an_empty_journal(repo: Repository) -> None:
    service = InsightsService(repo, fixed_clock)
    insights = service.insights(service.period())
    assert insights.first_day is None and insights.overall.entries == 0
    assert insights.streaks.current == 0 and insights.moments == []


# -- the review ------------------------------------------------------------------------------


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def test_a_quarters_review_holds_what_happened_in_it(repo: Repository) -> None:
    clock = Clock(datetime(2025, 12, 20, 10))  # before the quarter
    goals = GoalsService(repo, clock)
    values = ValuesService(repo, clock)
    autonomy = values.add(ValueInput(name="Autonomy"))
    craft = values.add(ValueInput(name="Craft"))
    early = goals.create(GoalInput(title="Give the meetup talk", metric="talks",
                                   start_value=0, target_value=1, current_value=0))
    late = goals.create(GoalInput(title="Ship the side project"))
    task = goals.add_task(TaskInput(goal_id=late.id, title="Write the README"))
    clock.now = datetime(2026, 2, 10, 18)
    goals.update(early.id, GoalInput(title="Give the meetup talk", status="done",
                                     metric="talks", start_value=0, target_value=1,
                                     current_value=1))
    goals.toggle_task(task.id)
    values.move(values.get(craft.id), -1)  # Craft above Autonomy
    AssessmentService(repo, clock).add_feedback(FeedbackInput(
        giver="Sam Ortiz", said="The talk was clear.", given_on=date(2026, 2, 11)))
    clock.now = datetime(2026, 4, 2, 9)  # the next quarter
    goals.update(late.id, GoalInput(title="Ship the side project", status="done"))
    review = ReviewService(repo, clock).build(
        InsightsService(repo, clock).period("2026-Q1", "2026-Q1"))
    assert [g.title for g in review.goals_done] == ["Give the meetup talk"]
    assert [t.title for t in review.tasks_done] == ["Write the README"]
    assert [(f.giver, f.on) for f in review.feedback] == [("Sam Ortiz", date(2026, 2, 11))]
    assert [p.name for p in review.people] == ["Sam Ortiz"]
    moved = {v.name: (v.rank_start, v.rank_end) for v in review.values}
    assert moved == {"Craft": (2, 1), "Autonomy": (1, 2)}
    text = review_markdown(review)
    assert text.startswith("# Review: Q1 2026 (1 Jan – 31 Mar 2026)")
    assert "## Goals completed\n\n- Give the meetup talk (short-term), done 2026-02-10" in text
    completed = text.split("## Goals completed")[1].split("## ")[0]
    assert "Ship the side project" not in completed  # done in April
    assert "- Ship the side project: 0% → 100%" in text  # its task was done in February
    assert "- Craft: #2 → #1" in text
    assert review_json(review)["goals_completed"][0]["done"] == "2026-02-10"
    assert autonomy.id != craft.id


def test_an_empty_period_says_so(repo: Repository) -> None:
    review = ReviewService(repo, fixed_clock).build(Period(date(2020, 1, 1), date(2020, 3, 31)))
    assert "Nothing was recorded in this period." in review_markdown(review)


def test_ratings_and_starred_entries_in_the_review(repo: Repository) -> None:
    seed_ratings(repo)
    review = ReviewService(repo, fixed_clock).build(
        InsightsService(repo, fixed_clock).period("2026-03", "2026-03"))
    text = review_markdown(review)
    assert "14 of 14 entries rated: fulfilment 3.21" in text
    assert "| 2026-03 | 14 | 3.21 |" in text


@pytest.fixture
def tokyo() -> Iterator[None]:
    """This process in Tokyo's time zone for the test (instants are UTC in the database)."""
    old = os.environ.get("TZ")
    os.environ["TZ"] = "Asia/Tokyo"
    time.tzset()
    yield
    if old is None:
        os.environ.pop("TZ", None)
    else:
        os.environ["TZ"] = old
    time.tzset()


def test_a_goal_done_late_on_the_last_day_belongs_to_that_day_in_local_time(
        repo: Repository, tokyo: None) -> None:
    clock = Clock(datetime(2026, 3, 31, 23, 30))  # 14:30 UTC
    goals = GoalsService(repo, clock)
    goal = goals.create(GoalInput(title="Finish the course"))
    goals.update(goal.id, GoalInput(title="Finish the course", status="done"))
    review = ReviewService(repo, clock)
    march = review.build(Period(date(2026, 3, 1), date(2026, 3, 31), "month"))
    april = review.build(Period(date(2026, 4, 1), date(2026, 4, 30), "month"))
    assert [g.done_on for g in march.goals_done] == [date(2026, 3, 31)]
    assert april.goals_done == []


def test_wins_setbacks_and_lessons_come_from_check_ins_events_and_entries(
        repo: Repository) -> None:
    from compass_tui.domain.timeline import EventInput
    from compass_tui.services.checkins import CheckinService
    from compass_tui.services.timeline import TimelineService
    from tests.insights_seed import entry

    timeline = TimelineService(repo, fixed_clock)
    timeline.add(EventInput(occurred_on=date(2026, 2, 3), title="Promoted to senior",
                            kind="achievement", what="after the platform work"))
    timeline.add(EventInput(occurred_on=date(2026, 2, 20), title="Launch slipped",
                            kind="setback", lesson="Cut scope earlier"))
    timeline.add(EventInput(occurred_on=date(2026, 3, 2), title="Pairing works",
                            kind="learning", lesson="Pair on the hard parts"))
    timeline.add(EventInput(occurred_on=date(2025, 12, 2), title="Old win",
                            kind="achievement"))  # before the quarter
    repo.entries.add_many([
        entry(date(2026, 1, 12), "Shipped search", ["win"], starred=True),
        entry(date(2026, 1, 13), "Lost the argument", ["setback"]),
        entry(date(2026, 1, 14), "Ask before building", ["lesson"]),
        entry(date(2025, 11, 14), "Old lesson", ["lesson"]),
    ])
    checkins = CheckinService(repo, fixed_clock)
    checkins.complete(checkins.open_or_start("weekly").id,
                      {"wins": "Ran the retro", "setbacks": "Missed the gym"})
    review = ReviewService(repo, fixed_clock).build(Period(date(2026, 1, 1),
                                                           date(2026, 3, 31), "quarter"))
    text = review_markdown(review)
    wins = text.split("## Wins")[1].split("## ")[0]
    assert "2026-02-03 Promoted to senior: after the platform work" in wins
    assert "2026-01-12 Shipped search @win" in wins and "Ran the retro" in wins
    assert "Old win" not in text
    setbacks = text.split("## Setbacks")[1].split("## ")[0]
    assert "Launch slipped" in setbacks and "Lesson: Cut scope earlier" in setbacks
    assert "Lost the argument" in setbacks and "Missed the gym" in setbacks
    lessons = text.split("## Lessons")[1].split("## ")[0]
    assert "2026-03-02 Pairing works: Pair on the hard parts" in lessons
    assert "2026-01-14 Ask before building @lesson" in lessons
    assert "Old lesson" not in text
    assert "## Starred entries\n\n- 2026-01-12 Shipped search @win" in text
    data = review_json(review)
    assert [e["title"] for e in data["lesson_entries"]] == ["Ask before building"]
    assert [c["wins"] for c in data["checkins"]] == ["Ran the retro"]
