"""Partial dates and the one-line timeline import format."""

from __future__ import annotations

from datetime import date

import pytest

from compass_tui.domain.timeline import (
    PartialDate,
    PartialDateError,
    parse_partial,
    parse_timeline_lines,
)


@pytest.mark.parametrize(("text", "start", "precision", "label"), [
    ("2019", date(2019, 1, 1), "year", "2019"),
    ("2019-05", date(2019, 5, 1), "month", "May 2019"),
    ("2019/5", date(2019, 5, 1), "month", "May 2019"),
    ("May 2019", date(2019, 5, 1), "month", "May 2019"),
    ("march 2021", date(2021, 3, 1), "month", "Mar 2021"),
    ("2019-05-14", date(2019, 5, 14), "day", "14 May 2019"),
    ("14 May 2019", date(2019, 5, 14), "day", "14 May 2019"),
])
def test_partial_dates_keep_what_is_known(text: str, start: date, precision: str,
                                          label: str) -> None:
    when = parse_partial(text)
    assert (when.start, when.precision, when.label()) == (start, precision, label)


@pytest.mark.parametrize(("text", "words"), [
    ("", "no date"),
    ("someday", "not a date"),
    ("May", "no year"),
    ("2019-13", "not a date on the calendar"),
    ("1066", "between"),
])
def test_bad_partial_dates_say_why(text: str, words: str) -> None:
    with pytest.raises(PartialDateError, match=words):
        parse_partial(text)


def test_year_and_month_only_sort_before_full_dates_of_that_period() -> None:
    dates = [parse_partial(t) for t in ("2019-03-02", "2019", "2018-12-31", "2019-03",
                                        "2019-01-01", "2020")]
    assert [d.iso() for d in sorted(dates)] == [
        "2018-12-31", "2019", "2019-01-01", "2019-03", "2019-03-02", "2020"]
    assert PartialDate.of(date(2019, 1, 1), "year") < PartialDate.of(date(2019, 1, 1), "day")


def test_good_lines_become_events_with_their_kind() -> None:
    parsed = parse_timeline_lines(
        "# my career\n"
        "2015-09: First job, junior analyst\n"
        "\n"
        "2019: [role change] Joined Acme as analyst\n"
        "2021-03-01: [Pivot] Left banking for design\n")
    assert parsed.errors == []
    assert [(n, e.occurred_on, e.precision, e.kind, e.title) for n, e in parsed.events] == [
        (2, date(2015, 9, 1), "month", "milestone", "First job, junior analyst"),
        (4, date(2019, 1, 1), "year", "role change", "Joined Acme as analyst"),
        (5, date(2021, 3, 1), "day", "pivot", "Left banking for design"),
    ]


def test_bad_lines_are_reported_with_their_numbers() -> None:
    parsed = parse_timeline_lines(
        "2015: Fine\n"
        "no colon here\n"
        "someday: Dreamed\n"
        "2016: [promotion] Unknown kind\n"
        "2017:   \n")
    assert [e.line for e in parsed.errors] == [2, 3, 4, 5]
    assert "expected 'DATE: what happened'" in str(parsed.errors[0])
    assert "not a date" in parsed.errors[1].reason
    assert "unknown kind [promotion]" in parsed.errors[2].reason
    assert [n for n, _e in parsed.events] == [1]
