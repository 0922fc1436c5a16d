"""Check-ins as data: a record of one (open or done) and the templates that guide them."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from compass_tui.domain.schedule import Kind

StepType = Literal["goals_update", "text", "line", "rating", "focus", "values_rank",
                   "goals_review", "lesson", "affirmation", "vision"]
# The tag of the journal entry a completed check-in writes.
ENTRY_TAG = "checkin"
DECISIONS: tuple[tuple[str, str], ...] = (
    ("keep", "Keep as it is"),
    ("adjust", "Keep, but adjust (say how)"),
    ("pause", "Pause it"),
    ("abandon", "Abandon it (say why)"),
)


class Checkin(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: int
    kind: Kind
    status: Literal["open", "done"]
    period_start: date
    period_end: date
    answers: dict[str, Any] = Field(default_factory=dict)
    energy: int | None = None
    fulfilment: int | None = None
    entry_id: int | None = None
    started_at: datetime
    updated_at: datetime
    completed_at: datetime | None = None
    version: int = 1


class Step(BaseModel):
    """One part of a guided check-in; `key` names its answer."""

    model_config = ConfigDict(frozen=True)

    key: str
    type: StepType
    heading: str
    help: str = ""


class Template(BaseModel):
    model_config = ConfigDict(frozen=True)

    kind: Kind
    title: str
    intro: str
    steps: list[Step]
    affirmations: list[str] = Field(default_factory=list)


def period_words(kind: str, start: date, end: date) -> str:
    """"9–15 Mar 2026", "October 2026", "Sun 15 Mar 2026"."""
    if start == end:
        return f"{end:%a} {end.day} {end:%b %Y}"
    if kind == "monthly" and start.day == 1 and start.month == end.month:
        return f"{end:%B %Y}"
    if start.year != end.year:
        return f"{start.day} {start:%b %Y} – {end.day} {end:%b %Y}"
    if start.month != end.month:
        return f"{start.day} {start:%b} – {end.day} {end:%b %Y}"
    return f"{start.day}–{end.day} {end:%b %Y}"
