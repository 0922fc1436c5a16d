"""Core values: named, explained, ranked (1 = most important), retired but never forgotten."""

from __future__ import annotations

from datetime import date, datetime
from itertools import groupby

from pydantic import BaseModel, ConfigDict, Field, field_validator

# The naming rules live apart from the models; every module still finds them here.
from compass_tui.domain.name_keys import value_key as value_key
from compass_tui.domain.name_keys import value_tag as value_tag
from compass_tui.domain.text_rules import one_line

NAME_MAX = 100


class ValueInput(BaseModel):
    name: str = Field(max_length=NAME_MAX)
    meaning: str = ""  # what it means to me
    why: str = ""  # why it matters

    @field_validator("name")
    @classmethod
    def _name(cls, name: str) -> str:
        return one_line(name, "the name")


class CoreValue(ValueInput):
    model_config = ConfigDict(from_attributes=True)

    id: int
    rank: int | None = None
    retired_at: datetime | None = None
    created_at: datetime
    # What a form saves over: a save over an older version is refused.
    version: int = 1

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


class RankingSnapshot(BaseModel):
    """The whole ranking as it stood at the end of a day on which it changed.

    Each value is told once, as the day left it: a value retired by mistake and
    brought back the same day is not "retired", and one added that day is "new"
    whatever else happened to it before the day ended.
    """

    day: date
    order: list[str]  # names, rank 1 first
    moved: dict[str, int] = Field(default_factory=dict)  # name -> places gained (+) or lost
    added: list[str] = Field(default_factory=list)  # ranked for the first time
    restored: list[str] = Field(default_factory=list)  # back from an earlier retirement
    retired: list[str] = Field(default_factory=list)  # ranked when the day began, not at its end


def ranking_snapshots(changes: list[RankChange]) -> list[RankingSnapshot]:
    """Replay rank changes (oldest first) into one snapshot per day, oldest first."""
    ranks: dict[int, int] = {}
    names: dict[int, str] = {}
    snapshots: list[RankingSnapshot] = []
    for day, group in groupby(changes, key=lambda c: c.recorded_at.date()):
        before = dict(ranks)
        known = set(names)  # every value ranked on an earlier day, retired or not
        for change in group:
            names[change.value_id] = change.name
            if change.rank is None:
                ranks.pop(change.value_id, None)
            else:
                ranks[change.value_id] = change.rank
        ranked = sorted(ranks, key=ranks.__getitem__)
        arrived = [v for v in ranked if v not in before]
        snapshots.append(RankingSnapshot(
            day=day,
            order=[names[v] for v in ranked],
            moved={names[v]: before[v] - ranks[v] for v in ranked
                   if v in before and before[v] != ranks[v]},
            added=[names[v] for v in arrived if v not in known],
            restored=[names[v] for v in arrived if v in known],
            retired=[names[v] for v in sorted(before, key=before.__getitem__)
                     if v not in ranks],
        ))
    return snapshots
