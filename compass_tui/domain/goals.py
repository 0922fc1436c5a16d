"""Goals: SMART parts, tasks, progress and the rules that judge them."""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from compass_tui.domain.tags import is_valid_tag, normalise_tag
from compass_tui.domain.text_rules import one_line

Horizon = Literal["short", "long"]
HORIZONS: tuple[Horizon, ...] = ("short", "long")
Status = Literal["active", "paused", "done", "abandoned"]
STATUSES: tuple[Status, ...] = ("active", "paused", "done", "abandoned")


class GoalInput(BaseModel):
    """A goal as the user writes it; the SMART parts may be filled in over time."""

    title: str = Field(max_length=300)
    horizon: Horizon = "short"
    # Specific: what exactly.
    specific: str = ""
    # Measurable: a metric from start to target, with where it stands now.
    metric: str = Field(default="", max_length=200)
    unit: str = Field(default="", max_length=50)
    start_value: float | None = None
    target_value: float | None = None
    current_value: float | None = None
    # Achievable: what helps and what stands in the way.
    resources: str = ""
    obstacles: str = ""
    # Relevant: the values it serves (ids from the Values tab) and why it matters.
    value_ids: list[int] = Field(default_factory=list)
    why: str = ""
    # Time-bound.
    start_date: date | None = None
    due_date: date | None = None
    status: Status = "active"
    status_reason: str = ""  # required when abandoned
    parent_id: int | None = None
    tag: str = Field(default="", max_length=200)  # entries with this tag belong to the goal

    @field_validator("title")
    @classmethod
    def _title(cls, title: str) -> str:
        return one_line(title, "the title")

    @field_validator("tag")
    @classmethod
    def _tag(cls, tag: str) -> str:
        tag = normalise_tag(tag)
        if tag and not is_valid_tag(tag):
            raise ValueError(f"not a tag: {tag} (letters, digits, - and _)")
        return tag

    @model_validator(mode="after")
    def _consistent(self) -> GoalInput:
        if self.start_date and self.due_date and self.due_date < self.start_date:
            raise ValueError("the due date is before the start date")
        has_start, has_target = self.start_value is not None, self.target_value is not None
        if has_start and has_target and self.start_value == self.target_value:
            raise ValueError("the target equals the starting point: nothing to measure")
        if self.status == "abandoned" and not self.status_reason.strip():
            raise ValueError("say why the goal was abandoned")
        return self


class Goal(GoalInput):
    model_config = ConfigDict(from_attributes=True)

    id: int
    done_at: datetime | None = None
    created_at: datetime
    updated_at: datetime
    # What a form saves over: a save over an older version is refused.
    version: int = 1


class TaskInput(BaseModel):
    goal_id: int
    title: str = Field(max_length=300)
    due: date | None = None
    skill_id: int | None = None  # a skill gap this task closes (a learning task)

    @field_validator("title")
    @classmethod
    def _title(cls, title: str) -> str:
        return one_line(title, "the title")


class Task(TaskInput):
    model_config = ConfigDict(from_attributes=True)

    id: int
    done: bool = False
    done_on: date | None = None
    position: int
    # What a form saves over: a save over an older version is refused.
    version: int = 1


class ProgressPoint(BaseModel):
    """Progress (0-100) from a moment on."""

    model_config = ConfigDict(from_attributes=True)

    percent: float
    recorded_at: datetime


class WeekTask(BaseModel):
    """A task due soon, with the goal it belongs to ("this week" view)."""

    task: Task
    goal_title: str
    overdue: bool


# -- Progress -----------------------------------------------------------------


def measure_progress(start: float | None, target: float | None,
                     current: float | None) -> float | None:
    """Percent of the way from start to target, clamped to 0..100.

    Works for targets below the start (lose weight, cut costs); None when the
    measure is incomplete or start and target are the same point.
    """
    if start is None or target is None or current is None or target == start:
        return None
    share = (current - start) / (target - start)
    return round(max(0.0, min(1.0, share)) * 100, 1)


def task_progress(done: int, total: int) -> float | None:
    return round(done / total * 100, 1) if total else None


def goal_progress(goal: GoalInput, done_tasks: int, total_tasks: int) -> float:
    """The measure when there is one, else the share of tasks done; a done goal is 100."""
    if goal.status == "done":
        return 100.0
    measured = measure_progress(goal.start_value, goal.target_value, goal.current_value)
    if measured is not None:
        return measured
    return task_progress(done_tasks, total_tasks) or 0.0


# -- SMART check --------------------------------------------------------------

Part = Literal["S", "M", "A", "R", "T"]
Verdict = Literal["ok", "weak", "missing"]
PART_NAMES: dict[Part, str] = {
    "S": "Specific", "M": "Measurable", "A": "Achievable", "R": "Relevant", "T": "Time-bound",
}
VAGUE_WORDS = ("better", "more", "improve", "some", "stuff", "things", "try", "maybe")


class SmartPart(BaseModel):
    part: Part
    verdict: Verdict
    advice: str  # what to do about it, in a sentence; empty when ok

    @property
    def name(self) -> str:
        return PART_NAMES[self.part]


def smart_check(goal: GoalInput, today: date) -> list[SmartPart]:
    """Judge each SMART part; advice says how to fix what is missing or weak."""
    return [_specific(goal), _measurable(goal), _achievable(goal), _relevant(goal),
            _time_bound(goal, today)]


def _specific(goal: GoalInput) -> SmartPart:
    text = goal.specific.strip()
    if not text:
        return SmartPart(part="S", verdict="missing",
                         advice="Say exactly what will be true when this is done.")
    words = text.lower().split()
    if len(words) < 5 or any(w.strip(".,") in VAGUE_WORDS for w in words):
        return SmartPart(part="S", verdict="weak",
                         advice="Name the concrete result, not a direction: "
                                "what, for whom, and how you will know.")
    return SmartPart(part="S", verdict="ok", advice="")


def _measurable(goal: GoalInput) -> SmartPart:
    if not goal.metric.strip() or goal.target_value is None:
        return SmartPart(part="M", verdict="missing",
                         advice="Pick a metric and a target number (with a unit), "
                                "and where you start from.")
    if goal.start_value is None or goal.current_value is None:
        return SmartPart(part="M", verdict="weak",
                         advice="Add the starting value and where you stand now, "
                                "so progress can be seen.")
    return SmartPart(part="M", verdict="ok", advice="")


def _achievable(goal: GoalInput) -> SmartPart:
    if not goal.resources.strip() and not goal.obstacles.strip():
        return SmartPart(part="A", verdict="missing",
                         advice="Note what you have to make it happen and what could stop you.")
    if not goal.resources.strip() or not goal.obstacles.strip():
        missing = "resources" if not goal.resources.strip() else "obstacles"
        return SmartPart(part="A", verdict="weak",
                         advice=f"Name the {missing} too: a plan sees both sides.")
    return SmartPart(part="A", verdict="ok", advice="")


def _relevant(goal: GoalInput) -> SmartPart:
    if not goal.value_ids:
        return SmartPart(part="R", verdict="missing",
                         advice="Link the core values this goal serves (Values tab).")
    if not goal.why.strip():
        return SmartPart(part="R", verdict="weak",
                         advice="Write the why: what changes for you when it is done.")
    return SmartPart(part="R", verdict="ok", advice="")


def _time_bound(goal: GoalInput, today: date) -> SmartPart:
    if goal.due_date is None:
        return SmartPart(part="T", verdict="missing", advice="Set a due date.")
    if goal.status in ("active", "paused") and goal.due_date < today:
        return SmartPart(part="T", verdict="weak",
                         advice="The due date has passed: move it, or close the goal.")
    if goal.start_date is None:
        return SmartPart(part="T", verdict="weak",
                         advice="Add a start date, so the timeline has a beginning.")
    return SmartPart(part="T", verdict="ok", advice="")


# -- What the Goals tab lists ---------------------------------------------------


class GoalSummary(BaseModel):
    """One line of the goal list or tree: the goal with what the list draws beside it."""

    goal: Goal
    progress: float = Field(ge=0, le=100)
    tasks_done: int
    tasks_total: int
    overdue_tasks: int
    smart: list[SmartPart]
    depth: int = 0  # indentation in the tree view; 0 in flat lists
