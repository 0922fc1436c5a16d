"""Add or edit a task under a goal: title, due date, and the skill gap it closes."""

from __future__ import annotations

from datetime import date, datetime

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Input, Label, Select

from compass_tui.domain.dates import DateParseError, parse_due
from compass_tui.domain.goals import Task, TaskInput
from compass_tui.ui.common.form_screen import FormScreen


def parse_day(text: str, field: str, now: datetime) -> date | None:
    """A day from what the user typed; empty is none; the message names the field."""
    text = text.strip()
    if not text:
        return None
    try:
        return parse_due(text, now)
    except DateParseError as exc:
        raise ValueError(f"{field}: {exc} (try 2026-06-30 or 'next friday')") from exc


class TaskForm(FormScreen[Task]):
    TITLE = "Task"

    def __init__(self, goal_id: int, task: Task | None = None) -> None:
        super().__init__()
        self.goal_id = goal_id
        self.editing = task

    def heading(self) -> str:
        return "Add a task" if self.editing is None else "Edit the task"

    def compose_fields(self) -> ComposeResult:
        task = self.editing
        with Horizontal(classes="form-row"):
            yield Label("Task", classes="field-label")
            yield Input(task.title if task else "", id="task-title", compact=True,
                        placeholder="One concrete step, e.g. draft the talk outline")
        with Horizontal(classes="form-row"):
            yield Label("Due", classes="field-label")
            yield Input(task.due.isoformat() if task and task.due else "", id="task-due",
                        compact=True, placeholder="2026-03-20, friday, in 2 weeks (optional)")
        gaps = self.app.goals.skill_gaps()
        # A skill no longer marked as a gap stays selectable for the task that has it.
        if task and task.skill_id is not None and all(s.id != task.skill_id for s in gaps):
            gaps += [s for s in self.app.assessment.skills() if s.id == task.skill_id]
        with Horizontal(classes="form-row"):
            yield Label("Learning task", classes="field-label")
            yield Select([(Text(skill.name), skill.id) for skill in gaps],
                         prompt="none" if gaps else "none (no skill gaps marked in Values)",
                         value=task.skill_id if task and task.skill_id is not None
                         else Select.NULL, id="task-skill", compact=True)

    def on_mount(self) -> None:
        self.query_one("#task-title").focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_submit()

    def save(self) -> Task:
        due_input = self.query_one("#task-due", Input)
        try:
            due = parse_day(due_input.value, "due date", self.app.clock())
        except ValueError:
            due_input.focus()
            raise
        skill = self.query_one("#task-skill", Select).value
        data = TaskInput(goal_id=self.goal_id, title=self.query_one("#task-title", Input).value,
                         due=due, skill_id=skill if isinstance(skill, int) else None)
        if self.editing is None:
            return self.app.goals.add_task(data)
        return self.app.goals.update_task(self.editing.id, data, self.editing.version)
