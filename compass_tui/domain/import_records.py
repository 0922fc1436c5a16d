"""What an import reads, validated before anything is written: one model per record of
the export's shape (jrnl's JSON entries have the same keys as ours), the batch that
carries them to the store, and the records refused on the way.

The rules are those of the data as stored, not of the forms: an export must always be
readable back, and the app itself writes a few things the forms would refuse (a goal
abandoned by a check-in without a reason, an event title longer than a form allows).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from compass_tui.domain.assessment import (
    FeedbackInput,
    PassionInput,
    PersonalityInput,
    SkillInput,
    SwotInput,
)
from compass_tui.domain.dates import DEFAULT_TIME, MAX_YEAR, MIN_YEAR
from compass_tui.domain.entries import TEMPLATE_NAME_MAX
from compass_tui.domain.goals import Horizon, Status
from compass_tui.domain.schedule import Kind
from compass_tui.domain.tags import is_valid_tag, normalise_tag
from compass_tui.domain.text_rules import one_line, required_text
from compass_tui.domain.timeline import (
    EventKind,
    PartialDateError,
    Precision,
    parse_partial,
)
from compass_tui.domain.values import ValueInput
from compass_tui.domain.vision import CardInput

Rating = int | None
Number = float | None


def _tag_names(tags: list[str]) -> list[str]:
    """Normalised and de-duplicated; a name that cannot be a tag is refused, not dropped."""
    seen: dict[str, None] = {}
    for raw in tags:
        tag = normalise_tag(raw)
        if not is_valid_tag(tag):
            raise ValueError(f"not a tag: {raw!r} (letters, digits, - and _)")
        seen.setdefault(tag, None)
    return list(seen)


def _optional_tag(tag: str) -> str:
    return _tag_names([tag])[0] if tag.strip() else ""


class EntryRecord(BaseModel):
    """A journal entry in the export's shape: `date`, `time`, `title`, `body`, `tags`..."""

    model_config = ConfigDict(populate_by_name=True)

    day: date = Field(alias="date")
    clock: time = Field(default=DEFAULT_TIME, alias="time")
    title: str = ""
    body: str = ""
    tags: list[str] = Field(default_factory=list)
    starred: bool = False
    energy: Rating = Field(default=None, ge=1, le=5)
    fulfilment: Rating = Field(default=None, ge=1, le=5)
    kind: str = Field(default="journal", min_length=1, max_length=20)
    template: str | None = Field(default=None, min_length=1, max_length=TEMPLATE_NAME_MAX)

    @field_validator("day")
    @classmethod
    def _year(cls, day: date) -> date:
        if not MIN_YEAR <= day.year <= MAX_YEAR:
            raise ValueError(f"the year should be between {MIN_YEAR} and {MAX_YEAR}")
        return day

    @field_validator("title")
    @classmethod
    def _title(cls, title: str) -> str:
        return title.strip()  # as the journal stores it

    @field_validator("body")
    @classmethod
    def _body(cls, body: str) -> str:
        return body.rstrip()

    @field_validator("tags")
    @classmethod
    def _tags(cls, tags: list[str]) -> list[str]:
        return _tag_names(tags)

    @model_validator(mode="after")
    def _not_empty(self) -> EntryRecord:
        if not self.title and not self.body.strip():
            raise ValueError("the entry is empty (no title, no text)")
        return self

    @property
    def entry_date(self) -> datetime:
        """To the minute: the export keeps no seconds."""
        return datetime.combine(self.day, self.clock.replace(second=0, microsecond=0))


# -- values and self-assessment ------------------------------------------------------


class ValueRecord(ValueInput):
    rank: int | None = Field(default=None, ge=1)  # None: retired
    retired: datetime | None = None


class RankRecord(BaseModel):
    """One line of a value's rank history."""

    name: str
    rank: int | None = Field(default=None, ge=1)
    at: datetime


class LevelRecord(BaseModel):
    """One line of a skill's level history."""

    name: str
    level: int = Field(ge=1, le=5)
    at: datetime


class FeedbackRecord(FeedbackInput):
    """Feedback on the skill holding it (or, in the assessment's own list, on none)."""


class SkillRecord(SkillInput):
    feedback: list[FeedbackRecord] = Field(default_factory=list)


class LinkedEntry(BaseModel):
    """A journal entry a passion was linked to by hand, named by minute and title."""

    date: datetime
    title: str


class PassionRecord(PassionInput):
    entries: list[LinkedEntry] = Field(default_factory=list)


# -- goals ---------------------------------------------------------------------------


class TaskRecord(BaseModel):
    title: str = Field(max_length=300)
    due: date | None = None
    done: bool = False
    done_on: date | None = None
    skill: str | None = None  # a skill's name

    @field_validator("title")
    @classmethod
    def _title(cls, title: str) -> str:
        return one_line(title, "the title")


class ProgressRecord(BaseModel):
    percent: float = Field(allow_inf_nan=False)
    at: datetime


class GoalRecord(BaseModel):
    """A goal with its tasks and progress; `ref` numbers it within the file and `parent`
    is the parent's ref (titles repeat, and database ids mean nothing elsewhere)."""

    ref: int | None = None
    title: str = Field(max_length=300)
    horizon: Horizon = "short"
    due: date | None = None
    status: Status = "active"
    status_reason: str = ""
    start: date | None = None
    specific: str = ""
    metric: str = Field(default="", max_length=200)
    unit: str = Field(default="", max_length=50)
    start_value: Number = Field(default=None, allow_inf_nan=False)
    target_value: Number = Field(default=None, allow_inf_nan=False)
    current_value: Number = Field(default=None, allow_inf_nan=False)
    resources: str = ""
    obstacles: str = ""
    why: str = ""
    values: list[str] = Field(default_factory=list)  # values' names
    parent: int | None = None
    tag: str = Field(default="", max_length=200)
    tasks: list[TaskRecord] = Field(default_factory=list)
    progress: list[ProgressRecord] = Field(default_factory=list)

    @field_validator("title")
    @classmethod
    def _title(cls, title: str) -> str:
        required_text(title, "the title")
        return title

    @field_validator("tag")
    @classmethod
    def _tag(cls, tag: str) -> str:
        return _optional_tag(tag)


# -- timeline, vision, check-ins -------------------------------------------------------------


class EventRecord(BaseModel):
    """A timeline event: `date` is "2019", "2019-03" or "2019-03-14", as exported."""

    occurred_on: date
    precision: Precision
    title: str
    kind: EventKind = "milestone"
    what: str = ""
    lesson: str = ""
    source: str = Field(default="user", min_length=1, max_length=20)
    values: list[str] = Field(default_factory=list)
    skills: list[str] = Field(default_factory=list)

    @model_validator(mode="before")
    @classmethod
    def _partial_date(cls, data: Any) -> Any:
        if not isinstance(data, dict) or "occurred_on" in data:
            return data
        text = data.get("date")
        if not isinstance(text, str):
            raise ValueError("date: give it as 2019, 2019-03 or 2019-03-14")
        try:
            when = parse_partial(text)
        except PartialDateError as exc:
            raise ValueError(f"date: {exc}") from None
        precision = data.get("precision", when.precision)
        if precision != when.precision:
            raise ValueError(f"date: {text!r} names a {when.precision}, not a {precision}")
        return {**data, "occurred_on": when.start, "precision": when.precision}

    @field_validator("title")
    @classmethod
    def _title(cls, title: str) -> str:
        required_text(title, "the title")
        return title


class CardRecord(CardInput):
    pinned: bool = False


class NarrativeRecord(BaseModel):
    text: str
    note: str = Field(default="", max_length=100)
    at: datetime


class CheckinRecord(BaseModel):
    """A completed check-in (open ones are not exported)."""

    kind: Kind
    period_start: date
    period_end: date
    completed_at: datetime | None = None
    energy: Rating = Field(default=None, ge=1, le=5)
    fulfilment: Rating = Field(default=None, ge=1, le=5)
    answers: dict[str, Any] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _period(self) -> CheckinRecord:
        if self.period_end < self.period_start:
            raise ValueError("the period ends before it starts")
        return self


# -- the batch ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Refusal:
    """A record that could not be read: which one (an index, a line, a file) and why."""

    record: str
    reason: str

    def __str__(self) -> str:
        return f"{self.record}: {self.reason}"


@dataclass
class ImportBatch:
    """Everything one import writes, in the order the export lists it."""

    entries: list[EntryRecord] = field(default_factory=list)
    values: list[ValueRecord] = field(default_factory=list)
    value_history: list[RankRecord] = field(default_factory=list)
    skills: list[SkillRecord] = field(default_factory=list)
    skill_history: list[LevelRecord] = field(default_factory=list)
    feedback: list[FeedbackRecord] = field(default_factory=list)  # on no particular skill
    passions: list[PassionRecord] = field(default_factory=list)
    swot: list[SwotInput] = field(default_factory=list)
    personality: list[PersonalityInput] = field(default_factory=list)
    goals: list[GoalRecord] = field(default_factory=list)
    timeline: list[EventRecord] = field(default_factory=list)
    purpose: str = ""
    cards: list[CardRecord] = field(default_factory=list)
    narrative: list[NarrativeRecord] = field(default_factory=list)
    checkins: list[CheckinRecord] = field(default_factory=list)
    refused: list[Refusal] = field(default_factory=list)


# What a summary calls each part it counts: (singular, plural).
PART_NAMES: dict[str, tuple[str, str]] = {
    "entries": ("entry", "entries"),
    "values": ("value", "values"),
    "skills": ("skill", "skills"),
    "feedback": ("feedback note", "feedback notes"),
    "passions": ("passion", "passions"),
    "swot": ("SWOT item", "SWOT items"),
    "personality": ("personality result", "personality results"),
    "goals": ("goal", "goals"),
    "tasks": ("task", "tasks"),
    "timeline": ("timeline event", "timeline events"),
    "purpose": ("purpose", "purposes"),
    "cards": ("card", "cards"),
    "narrative": ("narrative version", "narrative versions"),
    "checkins": ("check-in", "check-ins"),
}


@dataclass
class ImportCounts:
    """Per part: how many were written, and how many were already there."""

    added: dict[str, int] = field(default_factory=dict)
    skipped: dict[str, int] = field(default_factory=dict)

    def add(self, part: str, added: int, skipped: int = 0) -> None:
        self.added[part] = self.added.get(part, 0) + added
        self.skipped[part] = self.skipped.get(part, 0) + skipped
