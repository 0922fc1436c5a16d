"""Feedback someone gave on a skill: who, when, and what they said."""

from __future__ import annotations

from datetime import date

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Input, Label, TextArea

from compass_tui.domain.assessment import Feedback, FeedbackInput, Skill
from compass_tui.domain.dates import parse_day_or_start
from compass_tui.domain.text_rules import required_text
from compass_tui.ui.common.form_screen import FormScreen


class FeedbackForm(FormScreen[Feedback]):
    TITLE = "Feedback"

    def __init__(self, skill: Skill) -> None:
        super().__init__()
        self.skill = skill

    def heading(self) -> str:
        return f"Feedback on “{self.skill.name}”"

    def compose_fields(self) -> ComposeResult:
        with Horizontal(classes="form-row"):
            yield Label("Who", classes="field-label")
            yield Input(id="feedback-who", compact=True, placeholder="Name, and role if it helps")
        with Horizontal(classes="form-row"):
            yield Label("When", classes="field-label")
            yield Input(id="feedback-when", compact=True,
                        placeholder="last friday, 2026-03-01 … (empty: undated)")
        yield Label("What they said", classes="field-label feedback-said-label")
        yield TextArea(id="feedback-said", soft_wrap=True, compact=True)

    def on_mount(self) -> None:
        self.query_one("#feedback-who").focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.focus_next()  # enter walks the form; ctrl+s saves from anywhere

    def _given_on(self) -> date | None:
        text = self.query_one("#feedback-when", Input).value
        if not text.strip():
            return None  # feedback remembered without a date is still worth keeping
        now = self.app.clock()
        day = parse_day_or_start(text, now)
        if day > now.date():
            raise ValueError(f"{day.isoformat()} has not happened yet")
        return day

    def save(self) -> Feedback:
        data = FeedbackInput(
            skill_id=self.skill.id,
            giver=required_text(self.query_one("#feedback-who", Input).value, "who said it"),
            given_on=self._given_on(),
            said=required_text(self.query_one("#feedback-said", TextArea).text,
                               "what they said"),
        )
        return self.app.assessment.add_feedback(data)
