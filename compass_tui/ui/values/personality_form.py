"""Add or edit a personality result: framework, result, when taken, what it means."""

from __future__ import annotations

from datetime import date

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Input, Label, Select

from compass_tui.domain.assessment import (
    FRAMEWORKS,
    PersonalityInput,
    PersonalityResult,
    taken_on_fault,
)
from compass_tui.domain.dates import DateParseError, parse_day_or_start
from compass_tui.ui.common.form_screen import FormScreen


class PersonalityForm(FormScreen[PersonalityResult]):
    TITLE = "Personality result"

    def __init__(self, result: PersonalityResult | None = None) -> None:
        super().__init__()
        self.result = result

    def heading(self) -> str:
        return "Add a personality result" if self.result is None else "Edit the result"

    def compose_fields(self) -> ComposeResult:
        framework = self.result.framework if self.result is not None else FRAMEWORKS[0]
        with Horizontal(classes="form-row"):
            yield Label("Framework", classes="field-label")
            yield Select([(name, name) for name in FRAMEWORKS], value=framework,
                         allow_blank=False, id="personality-framework", compact=True)
        with Horizontal(classes="form-row"):
            yield Label("Result", classes="field-label")
            yield Input(placeholder="e.g. INTJ, Type 5, Achiever", id="personality-result",
                        compact=True)
        with Horizontal(classes="form-row"):
            yield Label("Taken on", classes="field-label")
            yield Input(placeholder="2024-05-01, 3 months ago (optional)", id="personality-date",
                        compact=True)
        with Horizontal(classes="form-row"):
            yield Label("What it means", classes="field-label")
            yield Input(placeholder="for the kind of work and team that suit me",
                        id="personality-meaning", compact=True)

    def on_mount(self) -> None:
        result = self.result
        if result is None:
            self.query_one("#personality-framework").focus()
            return
        self.query_one("#personality-result", Input).value = result.result
        self.query_one("#personality-date", Input).value = (
            result.taken_on.isoformat() if result.taken_on else "")
        self.query_one("#personality-meaning", Input).value = result.meaning
        self.query_one("#personality-result").focus()

    def on_input_submitted(self, _event: Input.Submitted) -> None:
        self.action_submit()

    def _taken_on(self) -> date | None:
        text = self.query_one("#personality-date", Input).value.strip()
        if not text:
            return None
        try:
            day = parse_day_or_start(text, self.app.clock())
        except DateParseError as exc:
            self.query_one("#personality-date").focus()  # straight to what needs fixing
            raise ValueError(f"taken on: {exc} (try 2024-05-01)") from exc
        if fault := taken_on_fault(day, self.app.clock().date()):
            self.query_one("#personality-date").focus()
            raise ValueError(fault)
        return day

    def save(self) -> PersonalityResult:
        data = PersonalityInput(
            framework=self.query_one("#personality-framework", Select).value,
            result=self.query_one("#personality-result", Input).value,
            taken_on=self._taken_on(),
            meaning=self.query_one("#personality-meaning", Input).value.strip(),
        )
        if self.result is None:
            return self.app.assessment.add_personality(data)
        return self.app.assessment.update_personality(self.result.id, data,
                                                   self.result.version)
