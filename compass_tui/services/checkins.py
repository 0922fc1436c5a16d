"""Check-ins: what is due, the guided forms' answers, and what completing one changes.

Answers are plain JSON, saved as they are typed (an open check-in survives a
restart). Completing one checks every answer first, then applies the goal, task,
value and timeline changes, writes a journal entry of kind "checkin" with the
answers in Markdown, and records the check-in as done, which clears it from the
scheduler.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from compass_tui.config import resource_dir
from compass_tui.domain.checkins import DECISIONS, ENTRY_TAG, Checkin, Template, period_words
from compass_tui.domain.entries import EntryInput
from compass_tui.domain.errors import ChangedElsewhereError, NotFoundError
from compass_tui.domain.goals import Goal, GoalInput, Task, TaskInput
from compass_tui.domain.schedule import (
    KINDS,
    RITUALS,
    Kind,
    KindState,
    Schedule,
    early_period,
    pending,
)
from compass_tui.domain.values import CoreValue
from compass_tui.domain.vision import GoalWhy
from compass_tui.services.clock import Clock, system_clock
from compass_tui.services.due import DueReport, build_report
from compass_tui.services.errors import plain_refusals
from compass_tui.services.goals import GoalsService
from compass_tui.services.vision import VisionService

if TYPE_CHECKING:
    from compass_tui.store.repository import Repository

FOCUS_DUE_DAYS = 7  # focus lines become tasks due this long after the period ends
TAG = ENTRY_TAG


class CheckinError(ValueError):
    """An answer that cannot be applied; the message says which and why."""


@cache
def load_templates(path: Path | None = None) -> dict[Kind, Template]:
    path = path or resource_dir("seeds") / "checkins.toml"
    with path.open("rb") as handle:
        data = tomllib.load(handle)
    return {kind: Template.model_validate({"kind": kind, **data[kind]}) for kind in KINDS}


@dataclass(frozen=True)
class FormData:
    """What a guided check-in shows: active goals with their tasks, ranked values, the
    day's affirmation, and for the vision review the purpose and the why of each goal."""

    goals: list[tuple[Goal, list[Task]]]
    values: list[CoreValue]
    affirmation: str
    purpose: str = ""
    whys: list[GoalWhy] = field(default_factory=list)


@dataclass(frozen=True)
class Completed:
    checkin: Checkin
    entry_id: int
    changes: list[str]  # what was applied, in words


def _number(text: object, what: str) -> float | None:
    if text is None or (isinstance(text, str) and not text.strip()):
        return None
    try:
        return float(str(text).strip().replace(",", "."))
    except ValueError:
        raise CheckinError(f"{what}: {text!r} is not a number") from None


def _rating(value: object, what: str) -> int | None:
    if value in (None, ""):
        return None
    try:
        rating = int(str(value))
    except ValueError:
        raise CheckinError(f"{what}: give a number from 1 to 5") from None
    if not 1 <= rating <= 5:
        raise CheckinError(f"{what}: give a number from 1 to 5")
    return rating


def _lines(text: object) -> list[str]:
    return [line.strip(" -*\t") for line in str(text or "").splitlines()
            if line.strip(" -*\t")]


def _goal_input(goal: Goal, **changes: Any) -> GoalInput:
    data = goal.model_dump(include=set(GoalInput.model_fields))
    return GoalInput.model_validate({**data, **changes})


@plain_refusals
class CheckinService:
    def __init__(self, repo: Repository, clock: Clock = system_clock,
                 schedule: Schedule | None = None) -> None:
        self._repo = repo
        self._clock = clock
        self.schedule = schedule or Schedule()
        self.goals = GoalsService(repo, clock)
        self.vision = VisionService(repo, clock)
        # Each check-in as this window last read or saved it: what its next save is
        # compared with (another window may have the same check-in open).
        self._seen: dict[int, Checkin] = {}

    def _saw(self, checkin: Checkin | None) -> Checkin | None:
        if checkin is not None:
            self._seen[checkin.id] = checkin
        return checkin

    # -- when -------------------------------------------------------------------------

    def now_local(self) -> datetime:
        return self.schedule.local(self._clock())

    def today(self) -> date:
        return self.now_local().date()

    def _states(self, *, create: bool = True) -> dict[Kind, KindState]:
        kinds = tuple(kind for kind in KINDS if self.schedule.enabled(kind))
        return self._repo.checkins.states(kinds, self.today(), create=create)

    def report(self, *, create: bool = True) -> DueReport:
        """What is pending today, and what comes next. `create=False` writes nothing
        (a kind never seen before is taken to start today)."""
        return build_report(self.schedule, self._states(create=create), self.now_local())

    def template(self, kind: Kind) -> Template:
        return load_templates()[kind]

    # -- doing one ------------------------------------------------------------------------

    def open_or_start(self, kind: Kind) -> Checkin:
        """The kind's unfinished check-in, or a new one for the period now pending (or,
        when nothing is pending, the period up to the next day it falls on)."""
        current = self._saw(self._repo.checkins.open_for(kind))
        if current is not None:
            return current
        state = self._states().get(kind) or KindState(kind, self.today())
        now = self.now_local()
        item = pending(self.schedule, state, now.date(), now.time())
        if item is not None:
            start, end = item.period_start, item.period_end
        elif kind in RITUALS:
            start = end = now.date()
        else:
            start, end = early_period(self.schedule, kind, state, now.date())
        started = self._repo.checkins.start(kind, start, end, self._clock())
        self._saw(started)
        return started

    def open_for(self, kind: Kind) -> Checkin | None:
        return self._saw(self._repo.checkins.open_for(kind))

    def save_answers(self, checkin_id: int, answers: dict[str, Any]) -> int:
        """Save over the answers as this window last saw them (a compare-and-set on the
        check-in's version). Answers another window saved meanwhile are kept beside
        these; where both windows changed the same answer, this save is refused once
        (ChangedElsewhereError, so the screen says so) and the next one keeps this
        window's words. Returns the version saved."""
        base = self._seen.get(checkin_id)
        for _attempt in range(5):
            try:
                saved = self._repo.checkins.save_answers(
                    checkin_id, answers, self._clock(),
                    expected_version=base.version if base is not None else None)
            except ChangedElsewhereError:
                theirs = self._repo.checkins.get(checkin_id)
                if theirs is None or theirs.status != "open":
                    raise NotFoundError("this check-in is gone or already complete") from None
                before = base.answers if base is not None else {}
                mine = {k: v for k, v in answers.items() if before.get(k) != v}
                clash = [k for k in mine if theirs.answers.get(k, before.get(k)) != before.get(k)
                         and theirs.answers.get(k) != mine[k]]
                self._seen[checkin_id] = base = theirs
                if clash:
                    raise
                answers = {**theirs.answers, **mine}
                continue
            self._seen[checkin_id] = saved
            return saved.version
        raise ChangedElsewhereError("check-in")

    def discard(self, checkin_id: int) -> None:
        self._repo.checkins.discard(checkin_id)

    def snooze(self, kind: Kind, until: date) -> None:
        if until <= self.today():
            raise CheckinError("snooze until a day after today")
        self._repo.checkins.snooze(kind, until, self.today())

    def unsnooze(self, kind: Kind) -> None:
        self._repo.checkins.snooze(kind, None, self.today())

    # -- what a form shows ------------------------------------------------------------------

    def active_goals(self) -> list[Goal]:
        return [item.goal for item in self.goals.tree(status={"active"})]

    def form_data(self, kind: Kind) -> FormData:
        steps = {step.type for step in self.template(kind).steps}
        needs_goals = bool(steps & {"goals_update", "goals_review", "focus"})
        goals = [(goal, self.goals.tasks(goal.id) if "goals_update" in steps else [])
                 for goal in self.active_goals()] if needs_goals else []
        values = self._repo.values.active() if "values_rank" in steps else []
        purpose, whys = ((self.vision.purpose(), self.vision.goal_whys())
                         if "vision" in steps else ("", []))
        return FormData(goals, values, self.affirmation(self.today()), purpose, whys)

    def affirmation(self, day: date) -> str:
        """The day's affirmation, from the vision board's affirmations and quotes when
        it has any (else the app's own): the same all day, another tomorrow."""
        choices = self.vision.affirmations() or \
            self.template("morning").affirmations
        return choices[day.toordinal() % len(choices)] if choices else ""

    # -- completing ---------------------------------------------------------------------------

    def complete(self, checkin_id: int, answers: dict[str, Any]) -> Completed:
        checkin = self._repo.checkins.get(checkin_id)
        if checkin is None or checkin.status != "open":
            raise NotFoundError("this check-in is gone or already complete")
        template = self.template(checkin.kind)
        # The answers are kept first, on their own (with any another window saved
        # meanwhile): if checking or applying them fails, nothing typed is lost.
        version = self.save_answers(checkin_id, answers)
        answers = self._seen[checkin_id].answers
        energy = _rating(answers.get("energy"), "Energy")
        fulfilment = _rating(answers.get("fulfilment"), "Fulfilment")
        # Every answer is checked before anything is changed.
        plans: list[Callable[[], str | None]] = []
        sections: list[str] = []
        for step in template.steps:
            value = answers.get(step.key)
            plan, markdown = self._step(step.type, step.key, value, checkin)
            plans.extend(plan)
            if markdown:
                sections.append(f"## {step.heading}\n\n{markdown}")
        period = period_words(checkin.kind, checkin.period_start, checkin.period_end)
        with self._repo.transaction():  # every change, the entry and the record, or none
            changes = [said for apply in plans if (said := apply())]
            body = "\n\n".join(sections) or "(no answers)"
            if changes:
                body += "\n\n## Changes made\n\n" + "\n".join(f"- {c}" for c in changes)
            entry = self._repo.entries.add(EntryInput(
                title=f"{template.title}, {period}", body=body, tags=[TAG], energy=energy,
                fulfilment=fulfilment, kind="checkin",
                entry_date=self._clock().replace(second=0, microsecond=0)))
            done = self._repo.checkins.complete(checkin_id, answers, energy=energy,
                                                fulfilment=fulfilment, entry_id=entry.id,
                                                expected_version=version,
                                                now=self._clock())
        return Completed(done, entry.id, changes)

    def _step(self, kind: str, key: str, value: Any, checkin: Checkin
              ) -> tuple[list[Callable[[], str | None]], str]:
        """(changes to apply, Markdown for the journal) for one answer."""
        if kind == "goals_update":
            return self._goal_updates(value or {})
        if kind == "focus":
            return self._focus(value or {}, checkin)
        if kind == "values_rank":
            return self._ranking(value or [])
        if kind == "goals_review":
            return self._review(value or {})
        if kind == "lesson":
            return self._lesson(value or {}, checkin)
        if kind == "rating":
            return [], str(value) if value not in (None, "") else ""
        if kind == "affirmation":
            return [], f"> {value}" if value else ""
        return [], str(value or "").strip()

    def _goal(self, goal_id: object) -> Goal | None:
        try:
            return self.goals.get(int(str(goal_id)))
        except ValueError:
            return None

    def _goal_updates(self, value: dict[str, Any]
                      ) -> tuple[list[Callable[[], str | None]], str]:
        plans: list[Callable[[], str | None]] = []
        lines: list[str] = []
        for goal_key, update in value.items():
            goal = self._goal(goal_key)
            if goal is None or not isinstance(update, dict):
                continue  # deleted since the check-in began: nothing to update
            current = _number(update.get("current"), f"“{goal.title}”")
            tasks = {t.id: t for t in self.goals.tasks(goal.id)}
            wanted = {int(k): bool(v) for k, v in (update.get("tasks") or {}).items()
                      if str(k).isdigit() and int(k) in tasks}
            toggles = [task for task_id, done in wanted.items()
                       if (task := tasks[task_id]).done != done]
            said = []
            if current is not None and current != goal.current_value:
                unit = f" {goal.unit}" if goal.unit else ""
                said.append(f"{goal.metric or 'measure'} now {current:g}{unit}")
                plans.append(self._set_current(goal, current))
            for task in toggles:
                said.append(f"{'ticked' if not task.done else 'reopened'} “{task.title}”")
                plans.append(self._toggle(goal.id, task.id, task.title, not task.done))
            if said:
                lines.append(f"- **{goal.title}**: " + "; ".join(said))
        return plans, "\n".join(lines)

    def _set_current(self, goal: Goal, current: float) -> Callable[[], str | None]:
        def apply() -> str | None:
            fresh = self.goals.get(goal.id)
            if fresh is None:
                return None
            self.goals.update(goal.id, _goal_input(fresh, current_value=current))
            return f"“{goal.title}”: {goal.metric or 'measure'} set to {current:g}"
        return apply

    def _toggle(self, goal_id: int, task_id: int, title: str, done: bool
                ) -> Callable[[], str | None]:
        def apply() -> str | None:
            tasks = {t.id: t for t in self.goals.tasks(goal_id)}
            task = tasks.get(task_id)
            if task is None or task.done == done:
                return None
            self.goals.toggle_task(task_id)
            return f"{'ticked' if done else 'reopened'} “{title}”"
        return apply

    def _focus(self, value: dict[str, Any], checkin: Checkin
               ) -> tuple[list[Callable[[], str | None]], str]:
        lines = _lines(value.get("text"))
        goal = self._goal(value.get("goal_id")) if value.get("goal_id") else None
        markdown = "\n".join(f"- {line}" for line in lines)
        if goal is None or not lines:
            return [], markdown
        due = max(checkin.period_end, self.today()) + timedelta(days=FOCUS_DUE_DAYS)

        def apply() -> str | None:
            for line in lines:
                self.goals.add_task(TaskInput(goal_id=goal.id, title=line[:300], due=due))
            count = len(lines)
            return f"{count} task{'s' if count != 1 else ''} added to “{goal.title}”"
        return [apply], markdown + f"\n\n(as tasks under “{goal.title}”)"

    def _ranking(self, value: list[Any]) -> tuple[list[Callable[[], str | None]], str]:
        active = {v.id: v for v in self._repo.values.active()}
        order = [int(v) for v in value if str(v).isdigit() and int(v) in active]
        if not order:
            ranked = sorted(active.values(), key=lambda v: v.rank or 0)
            return [], "\n".join(f"{v.rank}. {v.name}" for v in ranked)
        # Values added elsewhere meanwhile keep their place after the ones ordered here.
        order += [v.id for v in sorted(active.values(), key=lambda v: v.rank or 0)
                  if v.id not in order]
        markdown = "\n".join(f"{rank}. {active[v].name}" for rank, v in enumerate(order, 1))
        changed = [v for rank, v in enumerate(order, 1) if active[v].rank != rank]

        def apply() -> str | None:
            if not changed:
                return None
            for rank, value_id in enumerate(order, start=1):
                self._repo.values.move_to(value_id, rank, self._clock())
            names = ", ".join(active[v].name for v in order[:5]) + (
                "…" if len(order) > 5 else "")
            self._repo.timeline.add_event(
                occurred_on=self._clock().date(), title=f"Values re-ranked: {names}",
                kind="other", source="ranking", now=self._clock())
            return f"values re-ranked: {names}"
        return [apply], markdown

    def _review(self, value: dict[str, Any]) -> tuple[list[Callable[[], str | None]], str]:
        names = dict(DECISIONS)
        plans: list[Callable[[], str | None]] = []
        lines: list[str] = []
        for goal_key, answer in value.items():
            goal = self._goal(goal_key)
            if goal is None or not isinstance(answer, dict):
                continue
            decision = answer.get("decision") or "keep"
            note = str(answer.get("note") or "").strip()
            if decision not in names:
                raise CheckinError(f"“{goal.title}”: {decision!r} is not a choice")
            if decision == "abandon" and not note:
                raise CheckinError(f"Say why you are letting go of “{goal.title}”")
            lines.append(f"- **{goal.title}**: {names[decision].split(' (')[0].lower()}"
                         + (f": {note}" if note else ""))
            if decision in ("pause", "abandon") or (decision == "adjust" and note):
                plans.append(self._decide(goal, decision, note))
        return plans, "\n".join(lines)

    def _decide(self, goal: Goal, decision: str, note: str) -> Callable[[], str | None]:
        """The decision on the goal itself, its reason (or how it changes) in
        status_reason, where the Goals tab and the goal form read it."""
        status = {"pause": "paused", "abandon": "abandoned"}.get(decision)

        def apply() -> str | None:
            fresh = self.goals.get(goal.id)
            if fresh is None:
                return None
            reason = note or fresh.status_reason
            if (fresh.status, fresh.status_reason) == (status or fresh.status, reason):
                return None
            self.goals.update(goal.id, _goal_input(fresh, status=status or fresh.status,
                                                   status_reason=reason))
            said = f"“{goal.title}” {status or 'adjusted'}"
            return said + (f": {note}" if note else "")
        return apply

    def _lesson(self, value: dict[str, Any], checkin: Checkin
                ) -> tuple[list[Callable[[], str | None]], str]:
        title = str(value.get("title") or "").strip()
        text = str(value.get("text") or "").strip()
        if not title and not text:
            return [], ""
        title = title or text.splitlines()[0][:120]
        # The lesson is what was written: the longer text, or the few words alone.
        lesson = text or title

        def apply() -> str | None:
            # Dated the day it was learned, not the end of the period (a check-in done
            # early would put it in the future).
            self._repo.timeline.add_event(
                occurred_on=self.today(), title=title, kind="learning", lesson=lesson,
                source="checkin", source_id=checkin.id, now=self._clock())
            return f"lesson “{title}” added to the timeline"
        return [apply], f"**{title}**" + (f"\n\n{text}" if text else "")

    # -- history ------------------------------------------------------------------------------

    def history(self, limit: int | None = 200) -> list[Checkin]:
        return self._repo.checkins.done(limit)

    def trend(self, limit: int = 52) -> list[Checkin]:
        """Recent finished check-ins with a rating, oldest first (for the sparklines)."""
        rated = [c for c in self._repo.checkins.done(limit * 2)
                 if c.energy is not None or c.fulfilment is not None]
        return list(reversed(rated[:limit]))

    def export_data(self) -> dict[str, Any]:
        return {
            "schedule": self.schedule.as_dict(),
            "history": [
                {"kind": c.kind, "period_start": c.period_start.isoformat(),
                 "period_end": c.period_end.isoformat(),
                 "completed_at": c.completed_at.isoformat(timespec="seconds")
                 if c.completed_at else None,
                 "energy": c.energy, "fulfilment": c.fulfilment, "answers": c.answers}
                for c in reversed(self._repo.checkins.done())
            ],
        }
