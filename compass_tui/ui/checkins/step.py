"""A step of a guided check-in: a heading, a line of help, and the fields that answer it.

Each kind of step says what its answer is (`answer`, plain JSON) and how to show an
answer saved earlier (`restore`), so a half-done check-in comes back as it was left.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Input, Select, Static, TextArea

from compass_tui.domain.checkins import Step
from compass_tui.domain.entries import RATING_CHOICES
from compass_tui.services.checkins import FormData


class StepWidget(Vertical):
    """The base: subclasses compose their fields and read them back."""

    def __init__(self, step: Step, data: FormData) -> None:
        super().__init__(classes="checkin-step")
        self.step = step
        self.data = data

    def compose(self) -> ComposeResult:
        yield Static(Content(self.step.heading), classes="step-heading")
        if self.step.help:
            yield Static(Content(self.step.help), classes="step-help")
        yield from self.compose_fields()

    def compose_fields(self) -> ComposeResult:
        raise TypeError(f"{type(self).__name__} must define compose_fields()")

    def answer(self) -> Any:
        raise TypeError(f"{type(self).__name__} must define answer()")

    def restore(self, value: Any) -> None:
        """Show a saved answer; anything unexpected in it is ignored."""


class TextStep(StepWidget):
    def compose_fields(self) -> ComposeResult:
        yield TextArea(soft_wrap=True, classes="step-text")

    def answer(self) -> str:
        return self.query_one(TextArea).text

    def restore(self, value: Any) -> None:
        if isinstance(value, str):
            self.query_one(TextArea).load_text(value)


class LineStep(StepWidget):
    def compose_fields(self) -> ComposeResult:
        yield Input(classes="step-line")

    def answer(self) -> str:
        return self.query_one(Input).value

    def restore(self, value: Any) -> None:
        if isinstance(value, str):
            self.query_one(Input).value = value


class RatingStep(StepWidget):
    def compose_fields(self) -> ComposeResult:
        yield Select(RATING_CHOICES, prompt="–", compact=True, classes="step-rating")

    def answer(self) -> int | None:
        value = self.query_one(Select).value
        return value if isinstance(value, int) else None

    def restore(self, value: Any) -> None:
        if isinstance(value, int) and 1 <= value <= 5:
            self.query_one(Select).value = value


class AffirmationStep(StepWidget):
    def compose_fields(self) -> ComposeResult:
        yield Static(Content(f"“{self.data.affirmation}”"), classes="step-affirmation")

    def answer(self) -> str:
        return self.data.affirmation


class VisionStep(TextStep):
    """Free text, with the purpose and the why of each active goal above it."""

    def compose_fields(self) -> ComposeResult:
        yield Static(vision_summary(self.data), classes="step-vision")
        yield from super().compose_fields()


def vision_summary(data: FormData) -> Text:
    text = Text()
    text.append("Purpose  ", style="bold")
    text.append(data.purpose or "(none written yet: p on the Vision tab)",
                style="" if data.purpose else "dim")
    for why in data.whys:
        text.append(f"\n• {why.title}", style="bold")
        text.append(f": {why.why}" if why.why else ": no why written yet",
                    style="" if why.why else "dim")
        if why.values:
            text.append(f"  ({', '.join(why.values)})", style="dim")
    return text


class LessonStep(StepWidget):
    def compose_fields(self) -> ComposeResult:
        yield Input(placeholder="The lesson in a few words (its title on the timeline)",
                    classes="lesson-title")
        yield TextArea(soft_wrap=True, classes="step-text")

    def answer(self) -> dict[str, str]:
        return {"title": self.query_one(Input).value, "text": self.query_one(TextArea).text}

    def restore(self, value: Any) -> None:
        if isinstance(value, dict):
            self.query_one(Input).value = str(value.get("title") or "")
            self.query_one(TextArea).load_text(str(value.get("text") or ""))


class FocusStep(StepWidget):
    """Lines of intent, and the goal whose tasks they become (or none)."""

    def compose_fields(self) -> ComposeResult:
        yield TextArea(soft_wrap=True, classes="step-text")
        options = [(goal.title, goal.id) for goal, _tasks in self.data.goals]
        yield Select(options, prompt="Keep them as notes (no tasks)", classes="focus-goal")

    def answer(self) -> dict[str, Any]:
        goal = self.query_one(Select).value
        return {"text": self.query_one(TextArea).text,
                "goal_id": goal if isinstance(goal, int) else None}

    def restore(self, value: Any) -> None:
        if not isinstance(value, dict):
            return
        self.query_one(TextArea).load_text(str(value.get("text") or ""))
        goal = value.get("goal_id")
        if goal in {g.id for g, _tasks in self.data.goals}:
            self.query_one(Select).value = goal
