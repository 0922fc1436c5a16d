"""Add a SWOT item to a given quadrant, or edit one (text and quadrant)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Input, Label, Select, Static

from compass_tui.domain.assessment import QUADRANTS, Quadrant, SwotInput, SwotItem
from compass_tui.ui.common.form_screen import FormScreen

QUADRANT_TITLES: dict[Quadrant, str] = {
    "strength": "Strengths",
    "weakness": "Weaknesses",
    "opportunity": "Opportunities",
    "threat": "Threats",
}


class SwotForm(FormScreen[SwotItem]):
    TITLE = "SWOT item"

    def __init__(self, quadrant: Quadrant, item: SwotItem | None = None) -> None:
        super().__init__()
        self.item = item
        self.quadrant: Quadrant = item.quadrant if item is not None else quadrant

    def heading(self) -> str:
        if self.item is None:
            return f"Add to {QUADRANT_TITLES[self.quadrant]}"
        return "Edit the SWOT item"

    def compose_fields(self) -> ComposeResult:
        if self.item is not None:
            with Horizontal(classes="form-row"):
                yield Label("Quadrant", classes="field-label")
                yield Select([(QUADRANT_TITLES[q], q) for q in QUADRANTS], value=self.quadrant,
                             allow_blank=False, id="swot-quadrant", compact=True)
        else:
            yield Static("Shift+arrows move it to another quadrant later.", classes="form-hint")
        with Horizontal(classes="form-row"):
            yield Label("Text", classes="field-label")
            yield Input(id="swot-text", compact=True)

    def on_mount(self) -> None:
        if self.item is not None:
            self.query_one("#swot-text", Input).value = self.item.text
        self.query_one("#swot-text").focus()

    def on_input_submitted(self, _event: Input.Submitted) -> None:
        self.action_submit()

    def _chosen_quadrant(self) -> Quadrant:
        if self.item is None:
            return self.quadrant
        return self.query_one("#swot-quadrant", Select).value

    def save(self) -> SwotItem:
        # Validated before anything is written, so a bad edit never half-saves.
        data = SwotInput(quadrant=self._chosen_quadrant(),
                         text=self.query_one("#swot-text", Input).value)
        service = self.app.assessment
        if self.item is None:
            return service.add_swot(data)
        return service.edit_swot(self.item.id, data, self.item.version)
