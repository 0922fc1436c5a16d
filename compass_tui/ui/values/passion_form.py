"""Add or edit a passion: what kind it is, a short line, and an optional journal tag."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Input, Label, Select

from compass_tui.domain.assessment import PASSION_KINDS, Passion, PassionInput, PassionKind
from compass_tui.ui.common.form_screen import FormScreen


class PassionForm(FormScreen[Passion]):
    TITLE = "Passion"

    def __init__(self, passion: Passion | None = None, kind: PassionKind = "absorbs") -> None:
        super().__init__()
        self.passion = passion
        self.kind: PassionKind = passion.kind if passion is not None else kind

    def heading(self) -> str:
        return "Add a passion or interest" if self.passion is None else "Edit the passion"

    def compose_fields(self) -> ComposeResult:
        with Horizontal(classes="form-row"):
            yield Label("Kind", classes="field-label")
            yield Select([(label, kind) for kind, label in PASSION_KINDS.items()],
                         value=self.kind, allow_blank=False, id="passion-kind", compact=True)
        with Horizontal(classes="form-row"):
            yield Label("In a few words", classes="field-label")
            yield Input(placeholder="e.g. untangling a messy data pipeline",
                        id="passion-text", compact=True)
        with Horizontal(classes="form-row"):
            yield Label("Journal tag", classes="field-label")
            yield Input(placeholder="@tag (optional): entries with it show here",
                        id="passion-tag", compact=True)

    def on_mount(self) -> None:
        if self.passion is not None:
            self.query_one("#passion-text", Input).value = self.passion.text
            self.query_one("#passion-tag", Input).value = self.passion.tag
        # The kind is already chosen from where the cursor was, so start on the words.
        self.query_one("#passion-text").focus()

    def on_input_submitted(self, _event: Input.Submitted) -> None:
        self.action_submit()

    def save(self) -> Passion:
        data = PassionInput(
            kind=self.query_one("#passion-kind", Select).value,
            text=self.query_one("#passion-text", Input).value,
            tag=self.query_one("#passion-tag", Input).value,
        )
        if self.passion is None:
            return self.app.assessment.add_passion(data)
        return self.app.assessment.update_passion(self.passion.id, data, self.passion.version)
