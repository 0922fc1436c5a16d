"""`v` on the board: one card in full, and an image card's picture where it can be drawn."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from compass_tui.domain.vision import CARD_SYMBOLS, Card
from compass_tui.ui.common import pictures
from compass_tui.ui.vision.card_box import KIND_STYLE, PIN_MARK

if TYPE_CHECKING:
    from PIL.Image import Image

    from compass_tui.ui.app import CompassApp

LOADING = "Drawing the picture…"


def card_text(card: Card) -> Text:
    """Everything the card says, unwrapped and uncut."""
    text = Text()
    text.append(f"{CARD_SYMBOLS[card.kind]} {card.kind}", style=KIND_STYLE[card.kind])
    if card.pinned:
        text.append(f"   {PIN_MARK}", style="bold")
    text.append("\n\n")
    if card.kind == "image":
        text.append(card.caption)
        text.append(f"\n{card.image}", style="dim")
    elif card.kind == "quote":
        text.append(f"“{card.text}”")
        if card.author:
            text.append(f"\n— {card.author}", style="italic")
    else:
        text.append(card.text)
    return text


class CardViewScreen(ModalScreen[None]):
    app: CompassApp

    BINDINGS = [Binding("escape,q,v,enter", "close", "Close", id="card-view.close")]

    def __init__(self, card: Card) -> None:
        super().__init__()
        self.card = card

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide", id="card-view"):
            yield Static(card_text(self.card), id="card-view-text")
            if self.card.kind == "image":
                yield Static(LOADING, id="card-view-picture-note", classes="form-hint")

    def on_mount(self) -> None:
        if self.card.kind != "image":
            return
        source = pictures.locate(self.card.image)
        if source.path is None:
            self._say(source.reason)
            return
        module = pictures.picture_module(self.app)
        if isinstance(module, str):
            self._say(module)
            return
        self._read(module, source.path)

    @work(thread=True, exclusive=True, group="card-picture", exit_on_error=False)
    def _read(self, module: ModuleType, path: Path) -> None:
        picture = pictures.read_picture(path)
        self.app.call_from_thread(self._show, module, picture)

    def _show(self, module: ModuleType, picture: Image | str) -> None:
        if not self.is_attached:
            return
        if isinstance(picture, str):
            self._say(picture)
            return
        note = self.query_one("#card-view-picture-note", Static)
        self.query_one("#card-view", Vertical).mount(pictures.picture_widget(module, picture),
                                                     before=note)
        note.update("escape closes")

    def _say(self, words: str) -> None:
        self.query_one("#card-view-picture-note", Static).update(words)

    def action_close(self) -> None:
        self.dismiss(None)
