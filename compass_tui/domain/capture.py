"""Quick capture, jrnl style: "yesterday: Met Ana. Talked about @mentoring"."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime

from compass_tui.domain.tags import extract_tags
from compass_tui.domain.text_rules import TITLE_MAX

# A date prefix ends at a colon followed by whitespace or the end ("9:30am: ..."
# keeps its clock colon); only the first few words may form one.
_PREFIX_COLON = re.compile(r":(?=\s|$)")
_MAX_PREFIX_WORDS = 5
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n")


@dataclass(frozen=True)
class Capture:
    when: datetime
    title: str
    body: str
    tags: list[str] = field(default_factory=list)


def split_date_prefix(text: str, now: datetime) -> tuple[datetime | None, str]:
    """Return (date, rest) when text starts with a date and a colon, else (None, text).

    A prefix shaped like a day that is none ("2026-02-30:", "feb 30:") raises
    DateParseError rather than being filed today with the mistake in its title; a
    word that is no date ("Blursday:") stays text.
    """
    for match in _PREFIX_COLON.finditer(text):
        prefix = text[: match.start()].strip()
        if not prefix or len(prefix.split()) > _MAX_PREFIX_WORDS:
            break
        # Loaded only for a prefix: the date parser takes longer to load than a plain
        # `compass add` takes altogether.
        from compass_tui.domain.dates import DateParseError, names_a_day, parse_when
        from compass_tui.domain.impossible_days import impossible_day

        # "May: the offsite moved" or "2024: year in review" name no day: text, not a date.
        try:
            if names_a_day(prefix, now):
                return parse_when(prefix, now), text[match.end() :].strip()
        except DateParseError:
            pass
        if fault := impossible_day(prefix, now):
            raise DateParseError(f"{prefix!r} looks like a date but is not one: {fault}")
    return None, text


def split_title(text: str) -> tuple[str, str]:
    """The first sentence (or line) is the title; the rest is the body."""
    text = text.strip()
    match = _SENTENCE_END.search(text)
    if not match:
        return text, ""
    return text[: match.start()].strip(), text[match.end() :].strip()


def parse_capture(text: str, now: datetime) -> Capture:
    """Parse quick-capture text; raises ValueError when nothing is left to save."""
    when, rest = split_date_prefix(text.strip(), now)
    title, body = split_title(rest)
    if not title and not body:
        raise ValueError("nothing to write: the entry is empty")
    if len(title) > TITLE_MAX:
        raise ValueError(f"the first sentence becomes the title, and it is {len(title):,} "
                         f"characters long; at most {TITLE_MAX} fit (end it sooner with "
                         "a full stop)")
    return Capture(when=when or now.replace(second=0, microsecond=0), title=title, body=body,
                   tags=extract_tags(rest))
