"""Core values: named, explained, ranked (1 = most important), retired but never forgotten."""

from __future__ import annotations

import re
from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field, field_validator

from compass_tui.domain.text_rules import required_text

NAME_MAX = 100


def value_key(name: str) -> str:
    """What makes two names the same value: case and spacing do not."""
    return " ".join(name.split()).lower()


def value_tag(name: str) -> str:
    """The journal tag that stands for a value: 'Financial Security' -> 'financial-security'."""
    return re.sub(r"[^\w]+", "-", value_key(name)).strip("-")


class ValueInput(BaseModel):
    name: str = Field(max_length=NAME_MAX)
    meaning: str = ""  # what it means to me
    why: str = ""  # why it matters

    @field_validator("name")
    @classmethod
    def _name(cls, name: str) -> str:
        return " ".join(required_text(name, "the name").split())


class CoreValue(ValueInput):
    model_config = ConfigDict(from_attributes=True)

    id: int
    rank: int | None = None
    retired_at: datetime | None = None
    created_at: datetime

    @property
    def retired(self) -> bool:
        return self.rank is None


class RankChange(BaseModel):
    """A value's rank from a moment on (None: retired then)."""

    value_id: int
    name: str
    rank: int | None
    recorded_at: datetime


class Alignment(BaseModel):
    """How much of a ranked value shows in the plan and in the journal."""

    value_id: int
    name: str
    rank: int
    active_goals: int
    recent_entries: int  # tagged with the value's tag in the last RECENT_DAYS

    @property
    def unserved(self) -> bool:
        return self.active_goals == 0


RECENT_DAYS = 90


class ValuesOverview(BaseModel):
    active: list[CoreValue]  # by rank
    retired: list[CoreValue]  # most recently retired first
    alignment: list[Alignment]  # one per active value, by rank


class CatalogueValue(BaseModel):
    name: str
    meaning: str
