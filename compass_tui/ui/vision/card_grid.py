"""The vision board: cards in a grid that reflows with the width, drawn line by line.

A widget per card would make a board of 300 cards slow to show and slower to
reflow. This grid keeps the cards and draws only the lines on screen: each card's
box is rendered once per width (cached), and a resize only changes how many
columns there are.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.events import Click, Resize
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from compass_tui.domain.vision import Card
from compass_tui.ui.vision.card_box import (
    CARD_HEIGHT,
    GAP,
    card_box,
    card_width_for,
    columns_for,
)

CURSOR = "card-grid--cursor"
EMPTY = "card-grid--empty"


class CardGrid(ScrollView, can_focus=True):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("left", "move(-1, 0)", "Left", show=False, id="board.left"),
        Binding("right", "move(1, 0)", "Right", show=False, id="board.right"),
        Binding("up", "move(0, -1)", "Up", show=False, id="board.up"),
        Binding("down", "move(0, 1)", "Down", show=False, id="board.down"),
        Binding("pageup", "page(-1)", "Page up", show=False, id="board.page-up"),
        Binding("pagedown", "page(1)", "Page down", show=False, id="board.page-down"),
        Binding("home", "first", "First", show=False, id="board.first"),
        Binding("end", "last", "Last", show=False, id="board.last"),
        Binding("enter", "select", "Select", show=False, id="board.select"),
    ]
    COMPONENT_CLASSES: ClassVar[set[str]] = {CURSOR, EMPTY}

    class Highlighted(Message):
        """The cursor moved to another card (or the cards changed under it)."""

    class Selected(Message):
        """enter on a card."""

    def __init__(self, empty: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._empty = empty
        self._cards: list[Card] = []
        self.cursor: int | None = None
        # (card index, card width, is the cursor, has focus) -> the card's lines.
        self._boxes: LRUCache[tuple[int, int, bool, bool], list[Strip]] = LRUCache(1024)
        self._empty_lines: dict[int, list[Strip]] = {}
        self._styles: tuple[Style, Style, Style] | None = None

    # -- the cards ----------------------------------------------------------------

    @property
    def cards(self) -> Sequence[Card]:
        return self._cards

    @property
    def current(self) -> Card | None:
        return self._cards[self.cursor] if self.cursor is not None else None

    @property
    def columns(self) -> int:
        return columns_for(self._width())

    def set_cards(self, cards: Sequence[Card], keep: int | None = None) -> None:
        """Show these cards, the cursor on the card with id `keep` (else where it was)."""
        keep = keep if keep is not None else (self.current.id if self.current else None)
        cards = list(cards)
        changed = cards != self._cards
        if changed:
            self._cards = cards
            self._boxes.clear()
            self._update_virtual_size()
            self.refresh()
        ids = [card.id for card in cards]
        old = self.cursor
        if keep is not None and keep in ids:
            self.cursor = ids.index(keep)
        elif cards:
            self.cursor = min(self.cursor or 0, len(cards) - 1)
        else:
            self.cursor = None
        if self.cursor is not None:
            self._scroll_into_view(self.cursor)
        if self.cursor != old:
            self._refresh_card(old)
            self._refresh_card(self.cursor)
        if changed or self.cursor != old:
            self.post_message(self.Highlighted())

    def card_text(self, index: int) -> list[str]:
        """A card's box as it reads now, line by line (for tests and screen readers)."""
        width = card_width_for(self._width())
        return [line.plain for line in card_box(self._cards[index], width, self.app.console)]

    def _width(self) -> int:
        return self.scrollable_content_region.width

    def _rows(self) -> int:
        return -(-len(self._cards) // self.columns)

    def _update_virtual_size(self) -> None:
        lines = self._rows() * CARD_HEIGHT if self._cards else 0
        self.virtual_size = Size(0, lines)

    def on_resize(self, _event: Resize) -> None:
        """A new width is a new number of columns: the card boxes cached per width stay."""
        self._update_virtual_size()
        if self.cursor is not None:
            self._scroll_into_view(self.cursor)

    # -- drawing --------------------------------------------------------------------

    def _palette(self) -> tuple[Style, Style, Style]:
        """The grid's style, the cursor card's and the empty text's, worked out once per
        restyle (asking the widget walks its ancestors)."""
        if self._styles is None:
            base = self.rich_style
            self._styles = (base, base + self.get_component_rich_style(CURSOR, partial=True),
                            base + self.get_component_rich_style(EMPTY, partial=True))
        return self._styles

    def render_line(self, y: int) -> Strip:
        width = self._width()
        line = self.scroll_offset.y + y
        base = self._palette()[0]
        if width <= 0:
            return Strip.blank(0)
        if not self._cards:
            lines = self._empty_text(width)
            return lines[line] if line < len(lines) else Strip.blank(width, base)
        columns = columns_for(width)
        row, part = divmod(line, CARD_HEIGHT)
        first = row * columns
        if first >= len(self._cards):
            return Strip.blank(width, base)
        card_width = card_width_for(width)
        gap = Strip.blank(GAP, base)
        pieces: list[Strip] = []
        for index in range(first, min(first + columns, len(self._cards))):
            pieces += [self._box(index, card_width)[part], gap]
        return Strip.join(pieces).adjust_cell_length(width, base)

    def _box(self, index: int, width: int) -> list[Strip]:
        cursor = index == self.cursor
        key = (index, width, cursor, self.has_focus)
        box = self._boxes.get(key)
        if box is None:
            base, with_cursor, _empty = self._palette()
            style = with_cursor if cursor else base
            console = self.app.console
            box = [Strip(line.render(console, end=""), width).apply_style(style)
                   for line in card_box(self._cards[index], width, console, cursor=cursor)]
            self._boxes[key] = box
        return box

    def _empty_text(self, width: int) -> list[Strip]:
        lines = self._empty_lines.get(width)
        if lines is None:
            style = self._palette()[2]
            console = self.app.console
            text = Text(self._empty)
            options = console.options.update(width=width)
            lines = [Strip(segments, width).apply_style(style)
                     for segments in console.render_lines(text, options, pad=True)]
            self._empty_lines[width] = lines
        return lines

    def notify_style_update(self) -> None:
        # Focus or theme changed the grid's or the cursor's colours.
        self._boxes.clear()
        self._empty_lines.clear()
        self._styles = None
        super().notify_style_update()

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

    # -- the cursor -------------------------------------------------------------------

    def _refresh_card(self, index: int | None) -> None:
        if index is not None:
            self.refresh_lines(index // self.columns * CARD_HEIGHT, CARD_HEIGHT)

    def _move_to(self, index: int) -> None:
        if not self._cards:
            return
        index = max(0, min(index, len(self._cards) - 1))
        old, self.cursor = self.cursor, index
        self._scroll_into_view(index)
        if old != index:
            self._refresh_card(old)
            self._refresh_card(index)
            self.post_message(self.Highlighted())

    def _scroll_into_view(self, index: int) -> None:
        top = index // self.columns * CARD_HEIGHT
        shown, height = self.scroll_offset.y, self.scrollable_content_region.height
        if height <= 0:
            return
        if top < shown or height < CARD_HEIGHT:
            self.scroll_to(y=top, animate=False, immediate=True)
        elif top + CARD_HEIGHT > shown + height:
            self.scroll_to(y=top + CARD_HEIGHT - height, animate=False, immediate=True)

    def action_move(self, across: int, down: int) -> None:
        """Left and right stay within the row; down onto a shorter last row lands on
        its last card."""
        if self.cursor is None:
            self._move_to(0)
            return
        columns = self.columns
        row, column = divmod(self.cursor, columns)
        if across:
            if 0 <= column + across < columns:
                self._move_to(self.cursor + across)
            return
        if 0 <= row + down < self._rows():
            self._move_to(min(self.cursor + down * columns, len(self._cards) - 1))

    def action_page(self, direction: int) -> None:
        rows = max(1, self.scrollable_content_region.height // CARD_HEIGHT)
        if self.cursor is not None:
            self._move_to(self.cursor + direction * rows * self.columns)

    def action_first(self) -> None:
        self._move_to(0)

    def action_last(self) -> None:
        self._move_to(len(self._cards) - 1)

    def action_select(self) -> None:
        if self.cursor is not None:
            self.post_message(self.Selected())

    def on_click(self, event: Click) -> None:
        width = self._width()
        column = event.x // (width // self.columns) if width else 0
        index = (self.scroll_offset.y + event.y) // CARD_HEIGHT * self.columns + column
        if column < self.columns and 0 <= index < len(self._cards):
            self.focus()
            self._move_to(index)
