from datetime import UTC, date, datetime

import pytest

from compass_tui.domain.dates import (
    DateParseError,
    parse_day_or_start,
    parse_due,
    parse_period,
    parse_when,
)

NOW = datetime(2026, 3, 15, 14, 20)  # a Sunday


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("yesterday", datetime(2026, 3, 14, 9, 0)),
        ("today", datetime(2026, 3, 15, 14, 20)),
        ("now", datetime(2026, 3, 15, 14, 20)),
        ("2025-03-14", datetime(2025, 3, 14, 9, 0)),
        ("2025-03-14 18:45", datetime(2025, 3, 14, 18, 45)),
        ("last monday", datetime(2026, 3, 9, 9, 0)),
        ("last monday 9am", datetime(2026, 3, 9, 9, 0)),
        ("last monday at 9:30pm", datetime(2026, 3, 9, 21, 30)),
        ("last sunday", datetime(2026, 3, 8, 9, 0)),
        ("friday", datetime(2026, 3, 13, 9, 0)),
        ("yesterday 18:05", datetime(2026, 3, 14, 18, 5)),
        ("3 days ago", datetime(2026, 3, 12, 9, 0)),
        ("2 weeks ago", datetime(2026, 3, 1, 9, 0)),
        ("7am", datetime(2026, 3, 15, 7, 0)),
        ("March 3 2024", datetime(2024, 3, 3, 9, 0)),
        ("tomorrow", datetime(2026, 3, 16, 9, 0)),
        ("2024-02-29", datetime(2024, 2, 29, 9, 0)),
        ("2025-12-31 23:59", datetime(2025, 12, 31, 23, 59)),
    ],
)
def test_parse_when(text: str, expected: datetime) -> None:
    assert parse_when(text, NOW) == expected


@pytest.mark.parametrize(
    "text", ["", "soon", "note", "3", "100", "the meeting", "2025-13-40", "32", "2025-02-29",
             "0099-01-01"],
)
def test_parse_when_rejects(text: str) -> None:
    with pytest.raises(DateParseError):
        parse_when(text, NOW)


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("2025", datetime(2025, 1, 1), datetime(2026, 1, 1)),
        ("2025-03", datetime(2025, 3, 1), datetime(2025, 4, 1)),
        ("2025-12", datetime(2025, 12, 1), datetime(2026, 1, 1)),
        ("last month", datetime(2026, 2, 1), datetime(2026, 3, 1)),
        ("this month", datetime(2026, 3, 1), datetime(2026, 4, 1)),
        ("last week", datetime(2026, 3, 2), datetime(2026, 3, 9)),
        ("this year", datetime(2026, 1, 1), datetime(2027, 1, 1)),
        ("yesterday", datetime(2026, 3, 14), datetime(2026, 3, 15)),
        ("2025-03-14", datetime(2025, 3, 14), datetime(2025, 3, 15)),
        ("march 2025", datetime(2025, 3, 1), datetime(2025, 4, 1)),
        ("march", datetime(2026, 3, 1), datetime(2026, 4, 1)),
        ("march 1", datetime(2026, 3, 1), datetime(2026, 3, 2)),
        ("1 march 2025", datetime(2025, 3, 1), datetime(2025, 3, 2)),
        ("mar 1st", datetime(2026, 3, 1), datetime(2026, 3, 2)),
        ("2024-02-29", datetime(2024, 2, 29), datetime(2024, 3, 1)),
    ],
)
def test_parse_period(text: str, start: datetime, end: datetime) -> None:
    assert parse_period(text, NOW) == (start, end)


@pytest.mark.parametrize("text", ["whenever", "2025-13", "9999", "0000", "9999-12", ""])
def test_parse_period_rejects_nonsense(text: str) -> None:
    with pytest.raises(DateParseError):
        parse_period(text, NOW)


def test_offsets_become_local_wall_time() -> None:
    when = parse_when("2025-03-14T10:00:00+00:00", NOW)
    assert when.tzinfo is None
    assert when == datetime(2025, 3, 14, 10, 0, tzinfo=UTC).astimezone().replace(
        tzinfo=None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("friday", date(2026, 3, 20)),  # NOW is Sunday 15 March: the coming Friday
        ("next friday", date(2026, 3, 20)),
        ("this sunday", date(2026, 3, 15)),
        ("sunday", date(2026, 3, 22)),
        ("in 2 weeks", date(2026, 3, 29)),
        ("in 3 months", date(2026, 6, 15)),
        ("next month", date(2026, 4, 15)),
        ("tomorrow", date(2026, 3, 16)),
        ("2026-06-30", date(2026, 6, 30)),
        ("yesterday", date(2026, 3, 14)),
    ],
)
def test_parse_due_looks_ahead(text: str, expected: date) -> None:
    assert parse_due(text, NOW) == expected


@pytest.mark.parametrize("text", ["", "someday", "in 999999999 years", "next blue moon"])
def test_parse_due_rejects(text: str) -> None:
    with pytest.raises(DateParseError):
        parse_due(text, NOW)


@pytest.mark.parametrize(("text", "expected"), [
    ("march 2024", date(2024, 3, 1)),  # not the 15th: today's day number means nothing
    ("2019", date(2019, 1, 1)),
    ("2024-05-07", date(2024, 5, 7)),
    ("yesterday", date(2026, 3, 14)),
])
def test_a_month_or_year_alone_is_its_first_day(text: str, expected: date) -> None:
    assert parse_day_or_start(text, NOW) == expected
