"""Check-in scheduling as pure functions of the schedule, what was done, and today."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest

from compass_tui.domain.schedule import (
    KindState,
    Schedule,
    ScheduleError,
    early_period,
    next_on,
    pending,
)

DEFAULT = Schedule()
SUNDAY = date(2026, 3, 15)


def state(kind: str, started: date, covered: date | None = None,
          snoozed: date | None = None) -> KindState:
    return KindState(kind, started, covered, snoozed)  # type: ignore[arg-type]


def test_weekly_is_due_on_its_day_and_quiet_before() -> None:
    weekly = state("weekly", date(2026, 3, 9))  # started on a Monday
    assert pending(DEFAULT, weekly, date(2026, 3, 14)) is None  # Saturday
    due = pending(DEFAULT, weekly, SUNDAY)
    assert due is not None
    assert due.phrase(SUNDAY) == "Weekly check-in due"
    assert (due.period_start, due.period_end, due.periods) == (
        date(2026, 3, 9), SUNDAY, 1)


def test_weekly_missed_is_overdue_since_that_sunday() -> None:
    weekly = state("weekly", date(2026, 3, 1), covered=date(2026, 3, 8))
    tuesday = date(2026, 3, 17)
    due = pending(DEFAULT, weekly, tuesday)
    assert due is not None and due.status(tuesday) == "overdue"
    assert due.phrase(tuesday) == "Weekly check-in overdue since Sun 15 Mar"
    assert (due.period_start, due.period_end) == (date(2026, 3, 9), SUNDAY)


def test_done_this_week_means_nothing_due_until_next_sunday() -> None:
    weekly = state("weekly", date(2026, 3, 1), covered=SUNDAY)
    assert pending(DEFAULT, weekly, SUNDAY) is None
    assert pending(DEFAULT, weekly, date(2026, 3, 21)) is None
    assert pending(DEFAULT, weekly, date(2026, 3, 22)) is not None
    assert next_on(DEFAULT, weekly, SUNDAY) == date(2026, 3, 22)


def test_the_next_day_named_is_one_no_check_in_covers_yet() -> None:
    wednesday = date(2026, 12, 2)
    done_early = state("weekly", wednesday, covered=date(2026, 12, 6))
    assert next_on(DEFAULT, done_early, wednesday) == date(2026, 12, 13)
    monthly = state("monthly", wednesday, covered=date(2026, 12, 31))
    assert next_on(DEFAULT, monthly, wednesday) == date(2027, 1, 31)
    assert next_on(DEFAULT, state("weekly", wednesday), wednesday) == date(2026, 12, 6)


@pytest.mark.parametrize(("today", "last_day"), [
    (date(2026, 2, 28), date(2026, 2, 28)),  # 28 days
    (date(2028, 2, 29), date(2028, 2, 29)),  # leap year: 29
    (date(2026, 4, 30), date(2026, 4, 30)),  # 30
    (date(2026, 1, 31), date(2026, 1, 31)),  # 31
])
def test_monthly_last_day_falls_on_each_month_end(today: date, last_day: date) -> None:
    monthly = state("monthly", today.replace(day=1))
    due = pending(DEFAULT, monthly, today)
    assert due is not None and due.due_on == last_day and due.status(today) == "due"
    assert due.period_start == today.replace(day=1)
    # The day before the month ends: nothing yet.
    assert pending(DEFAULT, monthly, today.replace(day=today.day - 1)) is None


def test_three_missed_months_make_one_overdue_check_in() -> None:
    monthly = state("monthly", date(2026, 1, 1), covered=date(2026, 7, 31))
    today = date(2026, 11, 22)
    due = pending(DEFAULT, monthly, today)
    assert due is not None
    assert (due.since, due.due_on, due.periods) == (
        date(2026, 8, 31), date(2026, 10, 31), 3)
    assert due.phrase(today) == "Monthly check-in overdue since Mon 31 Aug (3 months)"
    assert (due.period_start, due.period_end) == (date(2026, 8, 1), date(2026, 10, 31))


def test_monthly_first_monday_and_a_fixed_day() -> None:
    first_monday = Schedule.parse({"monthly": "first Monday"})
    monthly = state("monthly", date(2026, 3, 1))
    assert pending(first_monday, monthly, date(2026, 3, 2)) is not None  # 2 Mar: a Monday
    assert pending(first_monday, monthly, date(2026, 3, 1)) is None
    fifteenth = Schedule.parse({"monthly": "15"})
    due = pending(fifteenth, monthly, date(2026, 4, 20))
    assert due is not None and (due.since, due.due_on, due.periods) == (
        date(2026, 3, 15), date(2026, 4, 15), 2)


def test_clock_set_back_finds_nothing_and_never_duplicates() -> None:
    weekly = state("weekly", date(2026, 3, 1), covered=date(2026, 3, 22))
    assert pending(DEFAULT, weekly, SUNDAY) is None  # the clock went back a week
    assert pending(DEFAULT, weekly, date(2026, 3, 1)) is None


def test_daylight_saving_weeks_keep_one_check_in_on_the_local_sunday() -> None:
    # Europe/London goes to summer time at 01:00 UTC on Sunday 29 March 2026 and back
    # on Sunday 25 October: the check-in is due on those Sundays once, local time.
    london = Schedule.parse({"timezone": "Europe/London"})
    weekly = state("weekly", date(2026, 3, 23))
    from dateutil import tz

    for moment in (datetime(2026, 3, 29, 0, 30, tzinfo=tz.UTC),
                   datetime(2026, 3, 29, 23, 30, tzinfo=tz.UTC)):
        local = london.local(moment)
        due = pending(london, weekly, local.date())
        if local.date() == date(2026, 3, 29):
            assert due is not None and due.due_on == date(2026, 3, 29)
        else:  # 23:30 UTC is 00:30 BST on Monday: the Sunday one is now overdue
            assert local.date() == date(2026, 3, 30)
            assert due is not None and due.periods == 1 and due.status(local.date()) == \
                "overdue"
    autumn = state("weekly", date(2026, 10, 19))
    local = london.local(datetime(2026, 10, 25, 0, 30, tzinfo=tz.UTC))  # 01:30 BST
    assert local.date() == date(2026, 10, 25)
    due = pending(london, autumn, local.date())
    assert due is not None and due.periods == 1


def test_snooze_is_shown_until_its_day() -> None:
    weekly = state("weekly", date(2026, 3, 9), snoozed=date(2026, 3, 16))
    due = pending(DEFAULT, weekly, SUNDAY)
    assert due is not None and due.snoozed(SUNDAY)
    assert not due.snoozed(date(2026, 3, 16))


def test_rituals_are_off_by_default_and_only_today_counts() -> None:
    assert pending(DEFAULT, state("morning", date(2026, 3, 1)), SUNDAY) is None
    rituals = Schedule.parse({"morning": "7:30", "evening": "21"})
    assert rituals.morning == "07:30" and rituals.evening == "21:00"
    morning = state("morning", date(2026, 3, 1), covered=date(2026, 3, 10))
    assert pending(rituals, morning, SUNDAY, time(7, 0)) is None  # not yet 07:30
    due = pending(rituals, morning, SUNDAY, time(8, 0))
    assert due is not None and due.periods == 1 and due.phrase(SUNDAY) == \
        "Morning affirmation due"
    done_today = state("morning", date(2026, 3, 1), covered=SUNDAY)
    assert pending(rituals, done_today, SUNDAY, time(9, 0)) is None


def test_a_check_in_done_early_covers_up_to_the_next_day_it_falls_on() -> None:
    weekly = state("weekly", date(2026, 3, 1), covered=date(2026, 3, 8))
    assert early_period(DEFAULT, "weekly", state("weekly", date(2026, 3, 1),
                                                 covered=SUNDAY), date(2026, 3, 18)) == (
        date(2026, 3, 16), date(2026, 3, 22))
    assert pending(DEFAULT, weekly, date(2026, 3, 12)) is None


@pytest.mark.parametrize(("settings", "words"), [
    ({"weekly": "someday"}, "not a weekday"),
    ({"monthly": "31"}, "missing from some months"),
    ({"monthly": "every blue moon"}, "not understood"),
    ({"morning": "25:00"}, "not a time of day"),
    ({"timezone": "Mars/Olympus"}, "not a time zone"),
    ({"weekley": "sunday"}, "unknown check-in setting"),
])
def test_bad_settings_say_what_would_do(settings: dict[str, str], words: str) -> None:
    with pytest.raises(ScheduleError, match=words):
        Schedule.parse(settings)


def test_settings_are_normalised_and_described() -> None:
    schedule = Schedule.parse({"weekly": "Fri", "monthly": "last friday"})
    assert (schedule.weekly, schedule.monthly) == ("friday", "last friday")
    assert schedule.describe("weekly") == "every Friday"
    assert schedule.describe("monthly") == "on the last Friday of each month"
    assert Schedule.parse({"weekly": "off"}).rule("weekly", SUNDAY) is None
