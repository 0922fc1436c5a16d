"""A review of a period, as facts read from the user's own data: nothing in it is
written by the app, only gathered and put in order."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from compass_tui.domain.assessment import SkillLevel
from compass_tui.domain.entries import EntrySummary
from compass_tui.domain.insights import Period, Tally
from compass_tui.domain.values import RankChange


@dataclass(frozen=True)
class GoalDone:
    title: str
    horizon: str
    done_on: date
    due: date | None


@dataclass(frozen=True)
class GoalProgress:
    """Where a goal's progress stood as the period began and as it ended (percent), and
    its measure as it is now."""

    title: str
    status: str
    percent_start: float | None
    percent_end: float | None
    metric: str = ""
    unit: str = ""
    start_value: float | None = None
    target_value: float | None = None
    current_value: float | None = None


@dataclass(frozen=True)
class TaskDone:
    title: str
    goal: str
    done_on: date


@dataclass(frozen=True)
class EventNote:
    """A timeline event of the period: a win, a setback, a lesson."""

    title: str
    kind: str
    on: date
    what: str
    lesson: str


@dataclass(frozen=True)
class CheckinNote:
    kind: str
    period_start: date
    period_end: date
    wins: str
    setbacks: str
    lesson: str


@dataclass(frozen=True)
class FeedbackNote:
    giver: str
    on: date
    said: str
    skill: str | None


@dataclass(frozen=True)
class SkillNote:
    """A skill added or changed in the period, at its level now, with the learning tasks
    on it done in the period (how its level moved: SkillLevelMove)."""

    name: str
    category: str
    level: int
    added: bool
    changed_on: date
    learning_done: int = 0


@dataclass(frozen=True)
class PersonNote:
    """Someone the period's data names: entries carrying their tag, feedback they gave."""

    name: str
    tag: str | None
    entries: int
    feedback: int


@dataclass(frozen=True)
class ValueMove:
    name: str
    rank_start: int | None  # None: not ranked then (not yet added, or retired)
    rank_end: int | None

    @property
    def moved(self) -> int:
        """Places up (positive) or down; 0 when it held its place or was not ranked."""
        if self.rank_start is None or self.rank_end is None:
            return 0
        return self.rank_start - self.rank_end


def ranks_at(history: list[RankChange], moment: datetime) -> dict[int, tuple[str, int | None]]:
    """Each value's (name, rank) as of a moment, from its rank changes (oldest first)."""
    ranks: dict[int, tuple[str, int | None]] = {}
    for change in history:
        if change.recorded_at >= moment:
            break
        ranks[change.value_id] = (change.name, change.rank)
    return ranks


def value_moves(history: list[RankChange], start: datetime | None,
                end: datetime) -> list[ValueMove]:
    """How the ranking moved between the period's start and its end, in the order of the
    end's ranking (values ranked only at the start last)."""
    before = ranks_at(history, start) if start is not None else {}
    after = ranks_at(history, end)
    moves = [ValueMove(name, before.get(value_id, (name, None))[1], rank)
             for value_id, (name, rank) in after.items()
             if rank is not None or before.get(value_id, ("", None))[1] is not None]
    return sorted(moves, key=lambda m: (m.rank_end is None, m.rank_end or 0,
                                        m.rank_start or 0, m.name))


@dataclass(frozen=True)
class SkillLevelMove:
    """A skill whose level was set to another within the period: where it stood as the
    period began (or where it was first set, for a skill added in it) and at its end."""

    name: str
    level_start: int
    level_end: int


def skill_level_moves(history: list[SkillLevel], start: datetime | None,
                      end: datetime) -> list[SkillLevelMove]:
    """Skills whose level changed in [start, end), from the history (oldest first),
    by name. Up and back down again within the period is no change."""
    before: dict[int, int] = {}
    within: dict[int, list[SkillLevel]] = {}
    for change in history:
        if start is not None and change.recorded_at < start:
            before[change.skill_id] = change.level
        elif change.recorded_at < end:
            within.setdefault(change.skill_id, []).append(change)
    moves = []
    for skill_id, changes in within.items():
        first = before.get(skill_id, changes[0].level)
        last = changes[-1].level
        if first != last:
            moves.append(SkillLevelMove(changes[-1].name, first, last))
    return sorted(moves, key=lambda m: (m.name.casefold(), m.name))


@dataclass
class Review:
    period: Period
    overall: Tally
    months: list[Tally]
    goals_done: list[GoalDone] = field(default_factory=list)
    progress: list[GoalProgress] = field(default_factory=list)
    tasks_done: list[TaskDone] = field(default_factory=list)
    wins: list[EventNote] = field(default_factory=list)
    setbacks: list[EventNote] = field(default_factory=list)
    lessons: list[EventNote] = field(default_factory=list)
    checkins: list[CheckinNote] = field(default_factory=list)
    win_entries: list[EntrySummary] = field(default_factory=list)
    setback_entries: list[EntrySummary] = field(default_factory=list)
    lesson_entries: list[EntrySummary] = field(default_factory=list)
    feedback: list[FeedbackNote] = field(default_factory=list)
    skills: list[SkillNote] = field(default_factory=list)
    skill_levels: list[SkillLevelMove] = field(default_factory=list)
    people: list[PersonNote] = field(default_factory=list)
    values: list[ValueMove] = field(default_factory=list)
    starred: list[EntrySummary] = field(default_factory=list)

    def is_empty(self) -> bool:
        return not (self.overall.entries or self.lesson_entries or self.goals_done or self.progress
                    or self.tasks_done or self.wins or self.setbacks or self.lessons
                    or self.checkins or self.feedback or self.skills or self.skill_levels
                    or any(v.moved for v in self.values))
