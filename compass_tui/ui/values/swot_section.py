"""SWOT as a 2x2 grid of lists; items are added, edited and moved between quadrants by keyboard.

    Strengths      | Weaknesses
    ---------------+--------------
    Opportunities  | Threats
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from compass_tui.domain.assessment import QUADRANTS, Quadrant, SwotItem
from compass_tui.ui.common.section_tools import confirm_then, guard_actions
from compass_tui.ui.values.swot_form import QUADRANT_TITLES, SwotForm

if TYPE_CHECKING:
    from compass_tui.ui.app import CompassApp

Direction = Literal["left", "right", "up", "down"]
STEPS: dict[Direction, tuple[int, int]] = {
    "left": (0, -1), "right": (0, 1), "up": (-1, 0), "down": (1, 0),
}
# Shown in an empty quadrant: the question each one asks.
PROMPTS: dict[Quadrant, str] = {
    "strength": "What do people come to you for? n adds one.",
    "weakness": "What do you put off, or lean on others for?",
    "opportunity": "What is changing around you that you could use?",
    "threat": "What could get in the way of where you are heading?",
}


def neighbour(quadrant: Quadrant, direction: Direction) -> Quadrant | None:
    """The quadrant next to this one in the grid, or None at its edge."""
    row, col = divmod(QUADRANTS.index(quadrant), 2)
    d_row, d_col = STEPS[direction]
    row, col = row + d_row, col + d_col
    return QUADRANTS[row * 2 + col] if 0 <= row < 2 and 0 <= col < 2 else None


class QuadrantList(OptionList):
    """One quadrant's items; arrows at its edges carry focus to the next quadrant."""

    # The scroll container's left/right would scroll sideways; here they change quadrant.
    BINDINGS = [
        Binding("left", "cross('left')", "Left", show=False, id="swot.left"),
        Binding("right", "cross('right')", "Right", show=False, id="swot.right"),
    ]

    class Cross(Message):
        def __init__(self, quadrant: Quadrant, direction: Direction) -> None:
            super().__init__()
            self.quadrant = quadrant
            self.direction = direction

    def __init__(self, quadrant: Quadrant) -> None:
        super().__init__(id=f"swot-{quadrant}", classes="swot-quadrant")
        self.quadrant: Quadrant = quadrant
        self.border_title = QUADRANT_TITLES[quadrant]
        self._shown_lines: list[tuple[int, str]] = []

    def action_cross(self, direction: Direction) -> None:
        self.post_message(self.Cross(self.quadrant, direction))

    def _at_end(self, step: int) -> bool:
        ids = [i for i, option in enumerate(self.options) if not option.disabled]
        return not ids or self.highlighted == (ids[0] if step < 0 else ids[-1])

    def action_cursor_up(self) -> None:
        if neighbour(self.quadrant, "up") and self._at_end(-1):
            self.action_cross("up")
        else:
            super().action_cursor_up()

    def action_cursor_down(self) -> None:
        if neighbour(self.quadrant, "down") and self._at_end(1):
            self.action_cross("down")
        else:
            super().action_cursor_down()

    @property
    def current_id(self) -> int | None:
        option = self.highlighted_option
        return int(option.id) if option is not None and option.id and option.id.isdigit() else None

    def fill(self, items: list[SwotItem], select: int | None) -> None:
        """Show these items, keeping the cursor on `select` or where it was."""
        keep = select if select in {item.id for item in items} else self.current_id
        lines = [(item.id, item.text) for item in items]
        if lines == self._shown_lines and (items or self.option_count):
            self._highlight(items, keep)  # showing the grid again unchanged redraws nothing
            return
        self._shown_lines = lines
        self.clear_options()
        if not items:
            self.add_option(Option(Text(PROMPTS[self.quadrant], style="dim italic"),
                                   id=f"prompt-{self.quadrant}", disabled=True))
            return
        self.add_options(Option(Text(item.text), id=str(item.id)) for item in items)
        self._highlight(items, keep)

    def _highlight(self, items: list[SwotItem], keep: int | None) -> None:
        ids = [item.id for item in items]
        if keep in ids:
            self.highlighted = ids.index(keep)
        elif ids:
            self.highlighted = 0


@guard_actions
class SwotSection(Grid):
    app: CompassApp
    _quadrant: Quadrant = "strength"  # the quadrant last focused: n adds there

    BINDINGS = [
        Binding("n", "add", "Add item", id="swot.add"),
        Binding("e", "edit", "Edit", id="swot.edit"),
        Binding("d", "delete", "Delete", id="swot.delete"),
        # One footer entry stands for all four shift+arrows.
        Binding("shift+right", "move('right')", "Move", key_display="⇧arrows",
                id="swot.move-right"),
        Binding("shift+left", "move('left')", "Move ←", show=False, id="swot.move-left"),
        Binding("shift+up", "move('up')", "Move ↑", show=False, id="swot.move-up"),
        Binding("shift+down", "move('down')", "Move ↓", show=False, id="swot.move-down"),
        Binding("K", "reorder(-1)", "Up", id="swot.up"),
        Binding("J", "reorder(1)", "Down", id="swot.down"),
    ]

    def compose(self) -> ComposeResult:
        for quadrant in QUADRANTS:
            yield QuadrantList(quadrant)

    def on_mount(self) -> None:
        self._items: dict[int, SwotItem] = {}

    def on_show(self) -> None:
        """Read when shown, not at start-up."""
        self.refresh_lists()

    def quadrant_list(self, quadrant: Quadrant) -> QuadrantList:
        return self.query_one(f"#swot-{quadrant}", QuadrantList)

    def reload(self) -> None:
        self.refresh_lists()

    def focus_default(self) -> None:
        self.quadrant_list("strength").focus()

    def refresh_lists(self, select: int | None = None) -> None:
        found = self.app.assessment.swot()
        self._items = {item.id: item for items in found.values() for item in items}
        for quadrant, items in found.items():
            self.quadrant_list(quadrant).fill(items, select)

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        if isinstance(event.widget, QuadrantList):
            self._quadrant = event.widget.quadrant

    def on_quadrant_list_cross(self, event: QuadrantList.Cross) -> None:
        event.stop()
        target = neighbour(event.quadrant, event.direction)
        if target is None:
            return
        listing = self.quadrant_list(target)
        # Coming up from below lands on the last item, coming down on the first.
        if event.direction in ("up", "down") and listing.current_id is not None:
            listing.highlighted = listing.option_count - 1 if event.direction == "up" else 0
        listing.focus()

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()  # nothing to show elsewhere; keep it from the tabs above

    @property
    def current(self) -> SwotItem | None:
        item_id = self.quadrant_list(self._quadrant).current_id
        return self._items.get(item_id) if item_id is not None else None

    # -- actions --------------------------------------------------------------

    def action_add(self) -> None:
        self.app.push_screen(SwotForm(self._quadrant), self._saved)

    def action_edit(self) -> None:
        if self.current is not None:
            self.app.push_screen(SwotForm(self._quadrant, self.current), self._saved)

    def _saved(self, item: SwotItem | None) -> None:
        if item is not None:
            self.refresh_lists(select=item.id)
            self._quadrant = item.quadrant
        self.quadrant_list(self._quadrant).focus()

    def action_move(self, direction: Direction) -> None:
        item = self.current
        target = neighbour(self._quadrant, direction)
        if item is None or target is None:
            return
        moved = self.app.assessment.move_swot(item.id, target)
        self.refresh_lists(select=moved.id)
        self._quadrant = target
        self.quadrant_list(target).focus()  # focus follows the item

    def action_reorder(self, delta: int) -> None:
        item = self.current
        if item is not None:
            self.refresh_lists(select=self.app.assessment.reorder_swot(item.id, delta).id)

    def action_delete(self) -> None:
        item = self.current
        if item is None:
            return

        def delete() -> None:
            self.app.assessment.delete_swot(item.id)
            self.refresh_lists()

        confirm_then(self, f"Delete “{item.text}” from {QUADRANT_TITLES[item.quadrant]}?",
                     "Delete", delete, after=self.quadrant_list(item.quadrant).focus)
