from datetime import date

from compass_tui.domain.highlight import match_spans, search_terms, snippet
from compass_tui.domain.streak import current_streak
from compass_tui.services.prompts import load_prompts, prompt_of_the_day

TODAY = date(2026, 3, 15)


def days(*offsets: int) -> list[date]:
    return [date.fromordinal(TODAY.toordinal() - n) for n in offsets]


def test_streak_counts_consecutive_days() -> None:
    assert current_streak(days(0, 1, 2, 4), TODAY) == 3
    assert current_streak(days(1, 2), TODAY) == 2  # today not written yet
    assert current_streak(days(2, 3), TODAY) == 0
    assert current_streak([], TODAY) == 0
    assert current_streak(days(-1, 0), TODAY) == 1  # future-dated entries ignored


def test_streak_stops_reading_at_first_gap() -> None:
    consumed: list[date] = []

    def stream():
        for day in days(0, 1, 5, 6, 7, 8):
            consumed.append(day)
            yield day

    assert current_streak(stream(), TODAY) == 2
    assert len(consumed) == 3


def test_search_terms_and_spans() -> None:
    # Operators are ordinary words: every term is matched literally.
    assert search_terms('mentor AND "growth" @career') == ["mentor", "AND", "growth", "career"]
    assert search_terms("-- @ ! *") == []
    text = "Mentoring is a mentor's job"
    assert match_spans(text, ["mentor"]) == [(0, 9), (15, 21)]
    assert match_spans("", ["x"]) == []


def test_snippet_centres_on_first_match() -> None:
    body = "word " * 100 + "mentor " + "word " * 100
    piece = snippet(body, ["mentor"], width=60)
    assert "mentor" in piece
    assert piece.startswith("…") and piece.endswith("…")


def test_prompt_library_is_rich_and_daily_stable() -> None:
    prompts = load_prompts()
    assert len(prompts) >= 40
    assert len({p.text for p in prompts}) == len(prompts)
    themes = {p.theme for p in prompts}
    assert {"passions", "values", "fulfilment", "problems", "setbacks", "lessons"} <= themes
    assert prompt_of_the_day(TODAY) == prompt_of_the_day(TODAY)
    week = {prompt_of_the_day(date.fromordinal(TODAY.toordinal() + i)).text for i in range(7)}
    assert len(week) == 7
