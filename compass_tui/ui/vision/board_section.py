"""The purpose statement and the board of cards under it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Static

from compass_tui.domain.vision import Card
from compass_tui.ui.common.latest_read import LatestRead
from compass_tui.ui.common.section_tools import confirm_then, guard_actions
from compass_tui.ui.vision.card_box import PIN_MARK
from compass_tui.ui.vision.card_form import CardForm
from compass_tui.ui.vision.card_grid import CardGrid
from compass_tui.ui.vision.card_view import CardViewScreen
from compass_tui.ui.vision.purpose_form import PurposeForm

if TYPE_CHECKING:
    from compass_tui.ui.app import CompassApp

PREFETCH_DELAY = 0.5  # seconds after start-up
EMPTY_BOARD = ("Nothing on the board yet. Put here what pulls you forward: aspirations "
               "(the work you want to be doing), quotes that steady you, with their author, "
               "affirmations to read in the morning, and images with a caption (a path or "
               "a URL). Press n to add the first card.")
NO_PURPOSE = "No purpose written yet: p says, in a sentence or two, why you do this work."


@dataclass(frozen=True)
class Board:
    """What one read brings."""

    purpose: str
    cards: list[Card]


def purpose_text(purpose: str) -> Text:
    text = Text()
    text.append("Purpose  ", style="bold")
    if purpose:
        text.append(purpose)
    else:
        text.append(NO_PURPOSE, style="dim")
    return text


def card_name(card: Card) -> str:
    """A card named in a question or a notice: its first words."""
    words = " ".join(card.headline.split())
    return words if len(words) <= 40 else words[:39] + "…"


@guard_actions
class BoardSection(LatestRead, Vertical):
    app: CompassApp

    BINDINGS = [
        Binding("n", "add", "Add card", id="vision.add"),
        Binding("e", "edit", "Edit", id="vision.edit"),
        Binding("v", "view", "View", id="vision.view",
                tooltip="The card in full; an image card's picture where it can be drawn"),
        Binding("d", "delete", "Delete", id="vision.delete"),
        Binding("space,P", "pin", "Pin", id="vision.pin"),
        Binding("K,shift+left", "move(-1)", "Earlier", id="vision.earlier"),
        Binding("J,shift+right", "move(1)", "Later", id="vision.later"),
        Binding("p", "purpose", "Purpose", id="vision.purpose"),
    ]

    def compose(self) -> ComposeResult:
        yield Static(purpose_text(""), id="vision-purpose")
        yield CardGrid(EMPTY_BOARD, id="vision-board")

    def on_mount(self) -> None:
        self._purpose = ""
        # Read ahead once start-up has painted, so the first visit draws at once.
        self.set_timer(PREFETCH_DELAY, self.read_latest)

    def on_show(self) -> None:
        """Fresh on every visit (an import or another window may have changed it)."""
        self.read_latest()

    @property
    def grid(self) -> CardGrid:
        return self.query_one(CardGrid)

    def focus_default(self) -> None:
        self.grid.focus()

    # -- reading ----------------------------------------------------------------

    def reload(self, select: int | None = None) -> None:
        self.read_latest(select)

    def _fetch(self) -> Board:
        vision = self.app.vision
        return Board(vision.purpose(), vision.cards())

    def _show_read(self, board: Board, select: int | None) -> None:
        if board.purpose != self._purpose:
            self._purpose = board.purpose
            self.query_one("#vision-purpose", Static).update(purpose_text(board.purpose))
        self.grid.set_cards(board.cards, keep=select)

    # -- actions ------------------------------------------------------------------

    def action_add(self) -> None:
        self.app.push_screen(CardForm(), self._saved)

    def action_edit(self) -> None:
        card = self.grid.current
        if card is not None:
            self.app.push_screen(CardForm(card), self._saved)

    def action_view(self) -> None:
        card = self.grid.current
        if card is not None:
            self.app.push_screen(CardViewScreen(card), lambda _: self.grid.focus())

    def on_card_grid_selected(self, event: CardGrid.Selected) -> None:
        event.stop()
        self.action_edit()

    def _saved(self, card: Card | None) -> None:
        if card is not None:
            self.reload(select=card.id)
        self.grid.focus()

    def action_delete(self) -> None:
        card = self.grid.current
        if card is None:
            return

        def delete() -> None:
            self.app.vision.delete_card(card.id)
            self.reload()

        confirm_then(self, f"Delete the {card.kind} card “{card_name(card)}”?", "Delete",
                     delete, after=self.grid.focus)

    def action_pin(self) -> None:
        card = self.grid.current
        if card is None:
            return
        pinned = self.app.vision.toggle_pin(card)
        if pinned.pinned:
            self.app.notify(f"Pinned: it shows first, marked “{PIN_MARK}”.", timeout=3)
        self.reload(select=pinned.id)

    def action_move(self, delta: int) -> None:
        card = self.grid.current
        if card is None:
            return
        moved = self.app.vision.move_card(card.id, delta)
        self.reload(select=moved.id)

    def action_purpose(self) -> None:
        def saved(purpose: str | None) -> None:
            if purpose is not None:
                self.reload()
            self.grid.focus()

        self.app.push_screen(PurposeForm(), saved)
