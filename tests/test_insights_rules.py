"""Insights' rules on their own: periods, means, rankings, weeks, streaks, the year."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from compass_tui.domain.dates import DateParseError
from compass_tui.domain.insights import (
    DayCell,
    Period,
    PeriodError,
    Tally,
    best_streak,
    difference,
    flow_phrase,
    lifts_and_drains,
    lifts_words,
    mean,
    moment_reason,
    named_period,
    next_kind,
    period_of,
    ranked,
    shade,
    use_weeks,
    week_label,
    week_start,
    weekly,
    year_first_day,
)
from compass_tui.domain.review import value_moves
from compass_tui.domain.values import RankChange
from tests.conftest import NOW


def tally(key: str, rated: int, fulfilment: int, energy: int | None = None) -> Tally:
    """`rated` entries all rated `fulfilment` (and `energy`)."""
    return Tally(key, rated, rated, rated, rated * fulfilment,
                 rated if energy is not None else 0, rated * (energy or 0))


def test_a_mean_is_rounded_half_up_to_two_decimals() -> None:
    assert mean(1, 8) == 0.13  # 0.125: a float average might give 0.12
    assert mean(2, 3) == 0.67
    assert mean(10, 4) == 2.5
    assert mean(0, 0) is None


def test_only_groups_with_enough_rated_entries_are_ranked_highest_first() -> None:
    rows = [tally("status-meetings", 7, 2), tally("mentoring", 6, 5),
            tally("three-happy-days", 3, 5), tally("writing", 5, 4)]
    assert [t.key for t in ranked(rows)] == ["mentoring", "writing", "status-meetings"]
    assert [t.key for t in ranked(rows, min_entries=3)] == [
        "mentoring", "three-happy-days", "writing", "status-meetings"]
    assert ranked([], 5) == []


def test_ties_go_to_energy_then_to_more_entries_then_to_the_name() -> None:
    rows = [tally("b", 5, 4, 3), tally("a", 5, 4, 3), tally("c", 6, 4, 3), tally("d", 5, 4, 5)]
    assert [t.key for t in ranked(rows)] == ["d", "c", "a", "b"]


def test_true_order_is_kept_where_the_rounded_means_are_equal() -> None:
    # 4.004 and 4.001 both read 4.00; the higher one still comes first.
    high = Tally("high", 1000, 1000, 1000, 4004, 0, 0)
    low = Tally("low", 1000, 1000, 1000, 4001, 0, 0)
    assert high.fulfilment == low.fulfilment == 4.0
    assert [t.key for t in ranked([low, high])] == ["high", "low"]


def test_lifts_are_above_the_overall_mean_and_drains_below_it_lowest_first() -> None:
    rows = ranked([tally("mentoring", 6, 5), tally("code", 5, 4), tally("admin", 5, 2),
                   tally("status-meetings", 7, 1), tally("same", 5, 3)])
    split = lifts_and_drains(rows, tally("overall", 30, 3))
    assert [t.key for t in split.lifts] == ["mentoring", "code"]
    assert [t.key for t in split.drains] == ["status-meetings", "admin"]
    assert lifts_and_drains(rows, Tally("overall")).lifts == []
    assert "Lifted you: @mentoring 5.00 (6)" in lifts_words(lifts_and_drains(
        rows, tally("overall", 30, 3), limit=3))
    assert difference(4.8, 3.42) == "+1.38" and difference(2.0, 3.42) == "-1.42"
    assert difference(3.0, 3.0) == "±0.00" and difference(None, 3.0) == ""


def test_a_week_across_a_year_end_is_one_week() -> None:
    assert week_start(date(2025, 12, 31)) == date(2025, 12, 29)
    assert week_start(date(2026, 1, 4)) == date(2025, 12, 29)
    assert week_label(date(2025, 12, 29)) == "2026-W01"
    weeks = weekly([(date(2025, 12, 28), tally("", 1, 2)), (date(2025, 12, 31), tally("", 1, 4)),
                    (date(2026, 1, 2), tally("", 1, 5)), (date(2026, 1, 5), tally("", 2, 1))])
    assert [(w.key, w.entries, w.fulfilment) for w in weeks] == [
        ("2025-12-22", 1, 2.0), ("2025-12-29", 2, 4.5), ("2026-01-05", 2, 1.0)]


def test_the_default_period_is_the_last_90_days() -> None:
    period = period_of(None, None, NOW)
    assert (period.start, period.end) == (date(2025, 12, 16), date(2026, 3, 15))
    assert period.words() == "last 90 days"
    assert period.start_at == datetime(2025, 12, 16)
    assert period.end_before == datetime(2026, 3, 16)


def test_periods_in_words() -> None:
    march = period_of("2026-03", "2026-03", NOW)
    assert (march.start, march.end, march.words()) == (date(2026, 3, 1), date(2026, 3, 31),
                                                       "March 2026")
    quarter = period_of("2025-Q4", "q4 2025", NOW)
    assert (quarter.start, quarter.end, quarter.words()) == (
        date(2025, 10, 1), date(2025, 12, 31), "Q4 2025")
    assert period_of("last quarter", "last quarter", NOW).start == date(2025, 10, 1)
    year = period_of("2025", "2025", NOW)
    assert (year.start, year.end, year.words()) == (date(2025, 1, 1), date(2025, 12, 31), "2025")
    since = period_of("2026-02", None, NOW)
    assert (since.start, since.end) == (date(2026, 2, 1), date(2026, 3, 15))
    until = period_of(None, "2025-12", NOW)
    assert (until.start, until.end, until.words()) == (None, date(2025, 12, 31), "all time")
    assert period_of(None, None, NOW, everything=True).start is None


def test_bad_periods_are_said() -> None:
    with pytest.raises(PeriodError, match=r"--from \(2026-03-01\) is after --to"):
        period_of("2026-03", "2026-02", NOW)
    with pytest.raises(DateParseError):
        period_of("the other day", None, NOW)
    with pytest.raises(PeriodError, match="after today"):
        period_of("2027-01", None, NOW)
    with pytest.raises(PeriodError, match="--all"):
        period_of("2026-01", None, NOW, everything=True)


def test_named_periods_cycle_and_shift() -> None:
    today = NOW.date()
    kinds = ["days"]
    for _ in range(5):
        kinds.append(next_kind(kinds[-1]))  # type: ignore[arg-type]
    assert kinds == ["days", "month", "quarter", "year", "all", "days"]
    quarter = named_period("quarter", today)
    assert (quarter.start, quarter.end) == (date(2026, 1, 1), date(2026, 3, 31))
    before = quarter.shifted(-1)
    assert (before.start, before.end, before.words()) == (date(2025, 10, 1), date(2025, 12, 31),
                                                          "Q4 2025")
    february = named_period("month", today).shifted(-1)
    assert (february.start, february.end) == (date(2026, 2, 1), date(2026, 2, 28))
    days = named_period("days", today).shifted(-1)
    assert (days.start, days.end) == (date(2025, 9, 17), date(2025, 12, 15))
    assert named_period("all", today).shifted(-1).start is None


def test_weeks_for_short_periods_months_for_long_ones() -> None:
    assert use_weeks(Period(date(2026, 1, 1), date(2026, 3, 31)), None)
    assert not use_weeks(Period(date(2025, 1, 1), date(2026, 3, 31)), None)
    assert not use_weeks(Period(None, date(2026, 3, 31)), date(2020, 1, 1))


def test_the_best_streak_is_the_longest_run_of_days() -> None:
    days = [date(2026, 1, d) for d in (1, 2, 3, 5, 6, 7, 8, 10)]
    assert best_streak(days) == 4
    assert best_streak([]) == 0
    assert best_streak([date(2025, 12, 31), date(2026, 1, 1)]) == 2


def test_a_day_reads_without_colour() -> None:
    assert shade(None) == "·"
    assert shade(DayCell(date(2026, 1, 1), 2, None)) == "○"
    assert shade(DayCell(date(2026, 1, 1), 1, 1.0)) == "▁"
    assert shade(DayCell(date(2026, 1, 1), 1, 4.5)) == "█"  # 4.5 rounds up
    assert shade(DayCell(date(2026, 1, 1), 1, 3.49)) == "▄"
    assert year_first_day(date(2026, 3, 15)) == date(2025, 3, 10)


def test_moments_say_why() -> None:
    assert flow_phrase("I LOST TRACK OF TIME refactoring") == "lost track of time"
    assert flow_phrase("Couldn’t stop writing") == "couldn't stop"
    assert flow_phrase("a plain day") is None
    assert moment_reason(5, 3, "in the zone all morning") == "fulfilment 5, “in the zone”"
    assert moment_reason(None, 5, "") == "energy 5"


def test_how_the_value_ranking_moved_over_a_period() -> None:
    def change(value_id: int, name: str, rank: int | None, day: int) -> RankChange:
        return RankChange(value_id=value_id, name=name, rank=rank,
                          recorded_at=datetime(2026, 1, day, 12))

    history = [change(1, "Autonomy", 1, 1), change(2, "Craft", 2, 1),
               change(2, "Craft", 1, 10), change(1, "Autonomy", 2, 10),
               change(3, "Family", 3, 12), change(4, "Status", 4, 2), change(4, "Status", None, 11)]
    history.sort(key=lambda c: c.recorded_at)
    moves = value_moves(history, datetime(2026, 1, 5), datetime(2026, 2, 1))
    said = {(m.name, m.rank_start, m.rank_end) for m in moves}
    assert said == {("Craft", 2, 1), ("Autonomy", 1, 2), ("Family", None, 3),
                    ("Status", 4, None)}
    assert [m.name for m in moves][:3] == ["Craft", "Autonomy", "Family"]
    assert next(m for m in moves if m.name == "Craft").moved == 1
