"""Add or edit a vision card: its kind, and the fields that kind uses."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Input, Label, Select, Static

from compass_tui.domain.vision import CARD_KINDS, CARD_SYMBOLS, Card, CardInput, CardKind
from compass_tui.ui.common.form_screen import FormScreen

HINTS: dict[str, str] = {
    "aspiration": "The work you want to be doing, or the person you want to become.",
    "quote": "Words that steady you, and who said them.",
    "affirmation": "A short line in the present tense, to read in the morning.",
    "image": "A picture that pulls you forward: a path or URL, and a caption that says why.",
}
TEXT_LABELS: dict[str, str] = {"aspiration": "Aspiration", "quote": "Quote",
                               "affirmation": "Affirmation"}
# Which field rows each kind shows; the others are not used by it.
ROWS: dict[str, frozenset[str]] = {
    "aspiration": frozenset({"text"}),
    "quote": frozenset({"text", "author"}),
    "affirmation": frozenset({"text"}),
    "image": frozenset({"image", "caption"}),
}


class CardForm(FormScreen[Card]):
    TITLE = "Vision card"

    def __init__(self, card: Card | None = None) -> None:
        super().__init__()
        self.card = card

    def heading(self) -> str:
        return "Add a card to the board" if self.card is None else f"Edit the {self.card.kind}"

    def compose_fields(self) -> ComposeResult:
        kind = self.card.kind if self.card is not None else "aspiration"
        with Horizontal(classes="form-row"):
            yield Label("Kind", classes="field-label")
            yield Select([(f"{CARD_SYMBOLS[k]} {k}", k) for k in CARD_KINDS], value=kind,
                         allow_blank=False, id="card-kind", compact=True)
        yield Static(id="card-hint", classes="form-hint")
        with Horizontal(classes="form-row", id="card-text-row"):
            yield Label("Aspiration", classes="field-label", id="card-text-label")
            yield Input(id="card-text", compact=True)
        with Horizontal(classes="form-row", id="card-author-row"):
            yield Label("Author", classes="field-label")
            yield Input(placeholder="who said it", id="card-author", compact=True)
        with Horizontal(classes="form-row", id="card-image-row"):
            yield Label("Image", classes="field-label")
            yield Input(placeholder="~/Pictures/lake.jpg or https://…", id="card-image",
                        compact=True)
        with Horizontal(classes="form-row", id="card-caption-row"):
            yield Label("Caption", classes="field-label")
            yield Input(placeholder="what it stands for", id="card-caption", compact=True)

    def on_mount(self) -> None:
        card = self.card
        if card is not None:
            for name in ("text", "author", "image", "caption"):
                self.query_one(f"#card-{name}", Input).value = getattr(card, name)
        self._show_rows(self.kind)
        # A new card starts on its kind; an edit on the words.
        if card is None:
            self.query_one("#card-kind").focus()
        else:
            self.query_one("#card-caption" if card.kind == "image" else "#card-text").focus()

    @property
    def kind(self) -> CardKind:
        value = self.query_one("#card-kind", Select).value
        return value if isinstance(value, str) and value in CARD_KINDS else "aspiration"  # type: ignore[return-value]

    def _show_rows(self, kind: str) -> None:
        for name in ("text", "author", "image", "caption"):
            self.query_one(f"#card-{name}-row").display = name in ROWS[kind]
        if kind in TEXT_LABELS:
            self.query_one("#card-text-label", Label).update(TEXT_LABELS[kind])
        self.query_one("#card-hint", Static).update(Content(HINTS[kind]))

    def on_select_changed(self, event: Select.Changed) -> None:
        event.stop()
        self._show_rows(self.kind)

    def on_input_submitted(self, _event: Input.Submitted) -> None:
        self.action_submit()

    def save(self) -> Card:
        kind = self.kind
        used = ROWS[kind]
        # Only the fields the kind shows: a quote's author left over from switching
        # kinds would otherwise be saved, unseen, with an image.
        fields = {name: self.query_one(f"#card-{name}", Input).value if name in used else ""
                  for name in ("text", "author", "image", "caption")}
        data = CardInput(kind=kind, **fields)
        if self.card is None:
            return self.app.vision.add_card(data)
        return self.app.vision.update_card(self.card.id, data, self.card.version)
