"""Every list in the app stops at its ends.

Textual's OptionList wraps from the last row to the first (and back): five Downs in
a list of four land on the first row, and the key pressed next acts on an item the
user never meant. Every list here that is not a RowList or the card grid (which
stop already) is an OptionList: the journal, the values and the other sections, the
pickers, the check-in's lists, and those Textual builds itself (a SelectionList, a
Select's drop-down, the command palette). So the stop is made once, on OptionList,
rather than in a subclass that each of those would have to remember to use.
"""

from __future__ import annotations

from textual.widgets import OptionList


def _next_enabled(option_list: OptionList, direction: int) -> int | None:
    """The next enabled row that way, or the row the cursor is on when none is left."""
    options = option_list.options
    here = option_list.highlighted
    if here is None:
        indexes = range(len(options)) if direction > 0 else range(len(options) - 1, -1, -1)
    else:
        indexes = range(here + direction, len(options) if direction > 0 else -1, direction)
    return next((index for index in indexes if not options[index].disabled), here)


def _cursor_up(self: OptionList) -> None:
    """Move the highlight up to the previous enabled option; at the top, stay."""
    self.highlighted = _next_enabled(self, -1)


def _cursor_down(self: OptionList) -> None:
    """Move the highlight down to the next enabled option; at the bottom, stay."""
    self.highlighted = _next_enabled(self, 1)


def stop_lists_at_ends() -> None:
    """Make every OptionList (subclasses and Textual's own lists included) stop at its
    ends. Called once as the app is imported; calling it again changes nothing."""
    OptionList.action_cursor_up = _cursor_up  # type: ignore[method-assign]
    OptionList.action_cursor_down = _cursor_down  # type: ignore[method-assign]
