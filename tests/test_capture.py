from datetime import datetime

import pytest

from compass_tui.domain.capture import parse_capture, split_date_prefix, split_title
from compass_tui.domain.dates import DateParseError
from compass_tui.domain.tags import extract_tags, invalid_tags, parse_tag_field

NOW = datetime(2026, 3, 15, 14, 20)


def test_date_prefix_yesterday() -> None:
    cap = parse_capture("yesterday: Met Ana about @mentoring. She said apply.", NOW)
    assert cap.when == datetime(2026, 3, 14, 9, 0)
    assert cap.title == "Met Ana about @mentoring."
    assert cap.body == "She said apply."
    assert cap.tags == ["mentoring"]


def test_date_prefix_iso_and_clock_colon() -> None:
    when, rest = split_date_prefix("2025-03-14: Started the new role", NOW)
    assert when == datetime(2025, 3, 14, 9, 0)
    assert rest == "Started the new role"
    when, rest = split_date_prefix("last monday 9:30am: Standup ran long", NOW)
    assert when == datetime(2026, 3, 9, 9, 30)
    assert rest == "Standup ran long"


def test_no_prefix_keeps_text_and_uses_now() -> None:
    cap = parse_capture("Note: the offsite moved. Plan again", NOW)
    assert cap.when == NOW
    assert cap.title == "Note: the offsite moved."
    assert cap.body == "Plan again"


@pytest.mark.parametrize(
    "text", ["3: things I learned", "100: days of code", "May: the offsite moved",
             "2024: year in review", "Q3: planning"],
)
def test_prefix_naming_no_day_is_text(text: str) -> None:
    """Only a prefix that names a day is a date; a month, a year or a number is text."""
    when, rest = split_date_prefix(text, NOW)
    assert when is None
    assert rest == text


@pytest.mark.parametrize(("text", "fault"), [
    ("2026-02-30: Feb thirtieth", "February 2026 has 28 days"),
    ("31/04/2026: x", "April 2026 has 30 days"),
    ("04/31/2026: x", "April 2026 has 30 days"),
    ("feb 30: x", "February 2026 has 28 days"),
    ("Feb 29: not a leap year", "February 2026 has 28 days"),
    ("30th of June 2026 9am: x", None),
    ("June 31st: x", "June 2026 has 30 days"),
    ("2026-13-01: x", "there is no month 13"),
    ("2026-03-14 24:61: x", "24:61 is not a time of day"),
    ("last monday 9:75am: x", "9:75am is not a time of day"),
])
def test_a_prefix_shaped_like_a_day_that_is_none_is_refused(text: str,
                                                            fault: str | None) -> None:
    if fault is None:
        assert split_date_prefix(text, NOW)[0] == datetime(2026, 6, 30, 9, 0)
        return
    with pytest.raises(DateParseError, match=fault):
        parse_capture(text, NOW)


@pytest.mark.parametrize("text", ["Blursday: the week has no shape", "50/50: split it",
                                  "24/7: on call again", "v1.2.3: released",
                                  "Note: 2026-02-30 was a typo"])
def test_words_and_numbers_that_are_no_day_stay_text(text: str) -> None:
    assert split_date_prefix(text, NOW) == (None, text)


@pytest.mark.parametrize(
    ("text", "title", "body"),
    [
        ("One sentence only", "One sentence only", ""),
        ("Done! Next is review.", "Done!", "Next is review."),
        ("Why now? Because.", "Why now?", "Because."),
        ("First line\nsecond line", "First line", "second line"),
        ("v1.2 shipped today. Good.", "v1.2 shipped today.", "Good."),
    ],
)
def test_split_title(text: str, title: str, body: str) -> None:
    assert split_title(text) == (title, body)


def test_empty_capture_is_refused() -> None:
    with pytest.raises(ValueError, match="empty"):
        parse_capture("yesterday:   ", NOW)


def test_tags() -> None:
    assert extract_tags("Chat with @Ana and @ana, email ana@example.com, (@side-project)") == [
        "ana", "side-project",
    ]
    assert extract_tags("@café @日本 @x") == ["café", "日本", "x"]
    assert extract_tags("no tags @ here, nor @-dash, nor https://x.org/@user") == []
    assert extract_tags('**@bold** "@quoted" > @quote_ @under_score') == [
        "bold", "quoted", "quote_", "under_score"]
    assert parse_tag_field("@Career, mentor;  @career growth") == ["career", "mentor", "growth"]
    assert invalid_tags("@ok c++ a/b @fine") == ["c++", "a/b"]
