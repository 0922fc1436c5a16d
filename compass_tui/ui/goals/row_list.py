"""A one-line-per-row list that draws only the rows on screen.

OptionList measures and converts every option when it is filled and when it is
first shown: for 500 goals that is most of a tenth of a second on each show. This
list keeps the items and a function that draws one row at the width it is given,
and calls it only for the rows being painted (cached until the items change).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import ClassVar, Generic, TypeVar

from rich.style import Style
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.events import Click
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

Item = TypeVar("Item")
CURSOR = "row-list--cursor"


class RowList(ScrollView, Generic[Item], can_focus=True):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "move(-1)", "Up", show=False, id="rows.up"),
        Binding("down", "move(1)", "Down", show=False, id="rows.down"),
        Binding("pageup", "page(-1)", "Page up", show=False, id="rows.page-up"),
        Binding("pagedown", "page(1)", "Page down", show=False, id="rows.page-down"),
        Binding("home", "first", "First", show=False, id="rows.first"),
        Binding("end", "last", "Last", show=False, id="rows.last"),
        Binding("enter", "select", "Select", show=False, id="rows.select"),
    ]
    COMPONENT_CLASSES: ClassVar[set[str]] = {CURSOR}

    class Highlighted(Message):
        """The cursor moved to another row (or the rows changed under it)."""

        def __init__(self, row_list: RowList[object]) -> None:
            super().__init__()
            self.row_list = row_list

    class Selected(Message):
        """enter on a row."""

        def __init__(self, row_list: RowList[object]) -> None:
            super().__init__()
            self.row_list = row_list

    def __init__(self, render_row: Callable[[Item, int], Text], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._render_row = render_row
        self._items: list[Item] = []
        self._source: Sequence[Item] | None = None
        self._ids: list[str] = []
        self._version: object = None
        self.highlighted: int | None = None
        self._strips: LRUCache[tuple[int, int, bool, bool], Strip] = LRUCache(1024)
        self._rows: LRUCache[tuple[int, int], Strip] = LRUCache(1024)
        self._style_pair: tuple[Style, Style] | None = None

    # -- the rows ---------------------------------------------------------------

    @property
    def row_count(self) -> int:
        return len(self._items)

    @property
    def items(self) -> Sequence[Item]:
        return self._items

    @property
    def highlighted_id(self) -> str | None:
        return self._ids[self.highlighted] if self.highlighted is not None else None

    def set_items(self, items: Sequence[Item], ids: Sequence[str], *, version: object = None,
                  keep: str | None = None) -> bool:
        """Show these rows, the cursor on `keep` (else near where it was).

        `version` stands for whatever else changes how a row reads (the view);
        returns False, and redraws nothing, when rows and version are the same.
        """
        keep = keep if keep is not None else self.highlighted_id
        # The same list object again (a cached read) is the same rows: skip comparing them.
        changed = version != self._version or (
            items is not self._source and list(items) != self._items)
        self._source = items
        if changed:
            self._items, self._ids, self._version = list(items), list(ids), version
            self._strips.clear()
            self._rows.clear()
            self.virtual_size = Size(0, len(self._items))
            self.refresh()
        if keep is not None and keep in self._ids:
            self._move_to(self._ids.index(keep))
        elif self._items:
            self._move_to(min(self.highlighted or 0, len(self._items) - 1))
        else:
            self.highlighted = None
        return changed

    def row_text(self, index: int) -> Text:
        """A row as it reads at the current width (for tests and screen readers)."""
        return self._render_row(self._items[index], self._width())

    def _width(self) -> int:
        return self.scrollable_content_region.width

    # -- drawing ------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        index = self.scroll_offset.y + y
        width = self._width()
        if index >= len(self._items) or width <= 0:
            return Strip.blank(width, self.rich_style)
        cursor = index == self.highlighted
        key = (index, width, cursor, self.has_focus)
        strip = self._strips.get(key)
        if strip is None:
            base, with_cursor = self._styles()
            strip = self._row_strip(index, width).apply_style(with_cursor if cursor else base)
            self._strips[key] = strip
        return strip

    def _styles(self) -> tuple[Style, Style]:
        """The list's style and the cursor row's, worked out once per restyle (asking
        the widget walks its ancestors: a millisecond a row)."""
        if self._style_pair is None:
            base = self.rich_style
            self._style_pair = (base, base + self.get_component_rich_style(CURSOR))
        return self._style_pair

    def _row_strip(self, index: int, width: int) -> Strip:
        """The row's own colours, before the list's and the cursor's: kept across focus
        changes, which restyle every row (rendering 50 rows again is most of a show)."""
        key = (index, width)
        strip = self._rows.get(key)
        if strip is None:
            text = self._render_row(self._items[index], width)
            console = self.app.console
            options = console.options.update(width=width, no_wrap=True, overflow="ellipsis",
                                             height=1)
            line = console.render_lines(text, options, pad=True)[0]
            strip = self._rows[key] = Strip(line, width)
        return strip

    def notify_style_update(self) -> None:
        self._strips.clear()  # focus or theme changed the list's or the cursor's colours
        self._style_pair = None
        super().notify_style_update()

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

    # -- the cursor -----------------------------------------------------------------

    def _move_to(self, index: int) -> None:
        if not self._items:
            return
        index = max(0, min(index, len(self._items) - 1))
        old, self.highlighted = self.highlighted, index
        self._scroll_into_view(index)
        if old != index:
            if old is not None:
                self.refresh_line(old)
            self.refresh_line(index)
            self.post_message(self.Highlighted(self))

    def _scroll_into_view(self, index: int) -> None:
        top, height = self.scroll_offset.y, self.scrollable_content_region.height
        if height <= 0:
            return
        if index < top:
            self.scroll_to(y=index, animate=False, immediate=True)
        elif index >= top + height:
            self.scroll_to(y=index - height + 1, animate=False, immediate=True)

    def action_move(self, step: int) -> None:
        if self.highlighted is None:
            self._move_to(0)
        elif 0 <= self.highlighted + step < len(self._items):
            self._move_to(self.highlighted + step)

    def action_page(self, direction: int) -> None:
        page = max(1, self.scrollable_content_region.height - 1)
        self._move_to((self.highlighted or 0) + direction * page)

    def action_first(self) -> None:
        self._move_to(0)

    def action_last(self) -> None:
        self._move_to(len(self._items) - 1)

    def action_select(self) -> None:
        if self.highlighted is not None:
            self.post_message(self.Selected(self))

    def on_click(self, event: Click) -> None:
        index = self.scroll_offset.y + event.y
        if 0 <= index < len(self._items):
            self.focus()
            self._move_to(index)
