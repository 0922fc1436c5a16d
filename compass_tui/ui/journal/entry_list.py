"""Newest-first entry list, grouped by day, that pages in as the cursor nears its end."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option, OptionDoesNotExist

from compass_tui.ui.common.entry_render import summary_line

if TYPE_CHECKING:
    from compass_tui.domain.entries import EntrySummary
    from compass_tui.domain.entry_line import EntryLine

# Ask for the next page when the cursor comes this close to the last row.
PREFETCH_MARGIN = 15
DAY_PREFIX = "day:"


def day_heading(day: date) -> Text:
    return Text(day.strftime("%a %d %b %Y"), style="bold")


class EntryList(OptionList):
    """Holds only the pages loaded so far; the rest is fetched on demand."""

    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False, id="journal.down"),
        Binding("k", "cursor_up", "Up", show=False, id="journal.up"),
    ]

    class NeedMore(Message):
        """The cursor is near the end of what is loaded."""

    class EntryChosen(Message):
        def __init__(self, entry_id: int | None) -> None:
            super().__init__()
            self.entry_id = entry_id

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)
        self.summaries: dict[int, EntrySummary] = {}
        self.last: EntrySummary | None = None
        self.exhausted = False
        self._last_day: date | None = None

    def reset(self) -> None:
        self.clear_options()
        self.summaries.clear()
        self.last = None
        self.exhausted = False
        self._last_day = None

    def append_page(self, page: list[EntrySummary] | list[EntryLine], page_size: int) -> None:
        self._add_rows(page, page_size)
        if self.highlighted is None and self.summaries:
            self.action_first()

    def _add_rows(self, page: list[EntrySummary] | list[EntryLine], page_size: int) -> None:
        options: list[Option] = []
        for entry in page:
            day = entry.entry_date.date()
            if day != self._last_day:
                options.append(Option(day_heading(day), id=f"{DAY_PREFIX}{day}", disabled=True))
                self._last_day = day
            options.append(Option(summary_line(entry, "%H:%M "), id=str(entry.id)))
            self.summaries[entry.id] = entry
        if page:
            self.last = page[-1]
        self.exhausted = len(page) < page_size
        self.add_options(options)

    def replace_rows(self, page: list[EntrySummary], page_size: int) -> bool:
        """The list read again (another window wrote). The cursor stays on its entry
        without a highlight message (the reading pane keeps its place), on the same
        line of the screen; if that entry is gone, the cursor keeps its place, on the
        entry that took it. False, with nothing redrawn, when the rows are the same."""
        if page == list(self.summaries.values()):
            return False
        keep, index, top = self.current_id, self.highlighted, self.scroll_y
        self.reset()
        self._add_rows(page, page_size)
        if keep is not None and keep in self.summaries and index is not None:
            moved_to = self.get_option_index(str(keep))
            self.set_reactive(EntryList.highlighted, moved_to)
            top += moved_to - index  # rows above it came or went: every row is one line
        elif index is not None:
            self.highlighted = self._enabled_from(index)
        self.scroll_to(y=top, animate=False, immediate=True)
        if self.highlighted is not None:
            self.scroll_to_highlight()
        return True

    def _enabled_from(self, index: int) -> int | None:
        """The first entry line at or below `index`, else the last one above it."""
        entries = [i for i, option in enumerate(self.options) if not option.disabled]
        below = [i for i in entries if i >= index]
        return below[0] if below else (entries[-1] if entries else None)

    def select_entry(self, entry_id: int) -> bool:
        """Move the cursor to an entry if it is loaded."""
        try:
            self.highlighted = self.get_option_index(str(entry_id))
        except OptionDoesNotExist:
            return False
        return True

    def update_entry(self, entry: EntrySummary) -> None:
        """Redraw one line in place (after a star), keeping the cursor where it is."""
        if entry.id in self.summaries:
            self.summaries[entry.id] = entry
            self.replace_option_prompt(str(entry.id), summary_line(entry, "%H:%M "))

    def drop_entry(self, entry_id: int) -> None:
        """Remove one line in place (after a delete), and its day heading if now empty.

        The cursor, if it was on that line, goes to the entry that took its place (the
        next older one), or to the one above when it was the last.
        """
        if self.summaries.pop(entry_id, None) is None:
            return
        index = self.get_option_index(str(entry_id))
        kept = None if self.highlighted == index else self.current_id
        self.remove_option_at_index(index)
        before = self.get_option_at_index(index - 1) if index > 0 else None
        after = self.get_option_at_index(index) if index < self.option_count else None
        heading_alone = before is not None and (before.id or "").startswith(DAY_PREFIX)
        if heading_alone and (after is None or (after.id or "").startswith(DAY_PREFIX)):
            self.remove_option_at_index(index - 1)
            index -= 1
        if kept is not None:
            self.select_entry(kept)
        else:
            self.highlighted = self._enabled_from(index)

    @property
    def current_id(self) -> int | None:
        option = self.highlighted_option
        if option is None or not option.id or option.id.startswith(DAY_PREFIX):
            return None
        return int(option.id)

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        self.post_message(self.EntryChosen(self.current_id))
        if (
            not self.exhausted
            and self.highlighted is not None
            and self.highlighted >= self.option_count - PREFETCH_MARGIN
        ):
            self.post_message(self.NeedMore())

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
