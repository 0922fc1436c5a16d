"""Check-in steps over the active goals: bring each up to date (weekly), and decide
whether each still fits (monthly)."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Input, Select, Static

from compass_tui.domain.checkins import DECISIONS
from compass_tui.domain.goals import Goal, goal_progress
from compass_tui.ui.checkins.step import StepWidget
from compass_tui.ui.checkins.tick_list import TickList

NO_GOALS = "No active goals yet: the Goals tab (3) is where they start."


def _measure(goal: Goal) -> str:
    if not goal.metric or goal.target_value is None:
        return ""
    unit = f" {goal.unit}" if goal.unit else ""
    start = f"{goal.start_value:g} → " if goal.start_value is not None else ""
    now = f"{goal.current_value:g}" if goal.current_value is not None else "?"
    return f"{goal.metric}: {start}{goal.target_value:g}{unit}, now {now}"


class GoalsUpdateStep(StepWidget):
    """Per goal: the measure's new value, and its tasks to tick."""

    def compose_fields(self) -> ComposeResult:
        if not self.data.goals:
            yield Static(Content(NO_GOALS), classes="step-help")
            return
        for goal, tasks in self.data.goals:
            done = sum(task.done for task in tasks)
            percent = goal_progress(goal, done, len(tasks))
            line = f"{goal.title} · {percent:.0f}%"
            if measure := _measure(goal):
                line += f" · {measure}"
            yield Static(Content(line), classes="goal-line")
            if goal.metric:
                yield Input(placeholder=f"new value of {goal.metric}"
                            + (f" ({goal.unit})" if goal.unit else ""),
                            id=f"current-{goal.id}", classes="goal-current")
            if tasks:
                yield TickList([(task.id, task.title, task.done) for task in tasks],
                               id=f"tasks-{goal.id}", classes="goal-tasks")

    def answer(self) -> dict[str, Any]:
        found: dict[str, Any] = {}
        for goal, tasks in self.data.goals:
            entry: dict[str, Any] = {}
            if goal.metric:
                entry["current"] = self.query_one(f"#current-{goal.id}", Input).value
            if tasks:
                ticked = self.query_one(f"#tasks-{goal.id}", TickList).ticked
                entry["tasks"] = {str(task.id): task.id in ticked for task in tasks}
            found[str(goal.id)] = entry
        return found

    def restore(self, value: Any) -> None:
        if not isinstance(value, dict):
            return
        for goal, tasks in self.data.goals:
            saved = value.get(str(goal.id))
            if not isinstance(saved, dict):
                continue
            if goal.metric and isinstance(saved.get("current"), str):
                self.query_one(f"#current-{goal.id}", Input).value = saved["current"]
            wanted = saved.get("tasks")
            if tasks and isinstance(wanted, dict):
                ticks = self.query_one(f"#tasks-{goal.id}", TickList)
                for task in tasks:
                    if isinstance(wanted.get(str(task.id)), bool):
                        ticks.set_ticked(task.id, wanted[str(task.id)])


class GoalsReviewStep(StepWidget):
    """Per goal: keep, adjust, pause or abandon, with a note (a reason to abandon)."""

    def compose_fields(self) -> ComposeResult:
        if not self.data.goals:
            yield Static(Content(NO_GOALS), classes="step-help")
            return
        for goal, _tasks in self.data.goals:
            line = goal.title + (f" · why: {goal.why}" if goal.why else "")
            yield Static(Content(line), classes="goal-line")
            with Horizontal(classes="review-row"):
                yield Select([(label, key) for key, label in DECISIONS], value="keep",
                             allow_blank=False, compact=True, id=f"decision-{goal.id}",
                             classes="review-decision")
                yield Input(placeholder="how, or why (needed to abandon)",
                            id=f"note-{goal.id}", classes="review-note")

    def answer(self) -> dict[str, Any]:
        return {str(goal.id): {
            "decision": self.query_one(f"#decision-{goal.id}", Select).value,
            "note": self.query_one(f"#note-{goal.id}", Input).value,
        } for goal, _tasks in self.data.goals}

    def restore(self, value: Any) -> None:
        if not isinstance(value, dict):
            return
        keys = {key for key, _label in DECISIONS}
        for goal, _tasks in self.data.goals:
            saved = value.get(str(goal.id))
            if not isinstance(saved, dict):
                continue
            if saved.get("decision") in keys:
                self.query_one(f"#decision-{goal.id}", Select).value = saved["decision"]
            self.query_one(f"#note-{goal.id}", Input).value = str(saved.get("note") or "")
