"""Newest-first entry list, grouped by day, that pages in as the cursor nears its end."""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from compass_tui.domain.entries import EntrySummary

# Ask for the next page when the cursor comes this close to the last row.
PREFETCH_MARGIN = 15


def day_heading(day: date) -> Text:
    return Text(day.strftime("%a %d %b %Y"), style="bold")


def entry_label(entry: EntrySummary) -> Text:
    label = Text()
    label.append("★ " if entry.starred else "  ", style="bold yellow")
    label.append(entry.entry_date.strftime("%H:%M "), style="dim")
    label.append(entry.title or "(untitled)")
    if entry.tags:
        label.append("  " + " ".join("@" + t for t in entry.tags), style="italic cyan")
    label.no_wrap = True
    label.overflow = "ellipsis"
    return label


class EntryList(OptionList):
    """Holds only the pages loaded so far; the rest is fetched on demand."""

    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
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

    def append_page(self, page: list[EntrySummary], page_size: int) -> None:
        options: list[Option] = []
        for entry in page:
            day = entry.entry_date.date()
            if day != self._last_day:
                options.append(Option(day_heading(day), disabled=True))
                self._last_day = day
            options.append(Option(entry_label(entry), id=str(entry.id)))
            self.summaries[entry.id] = entry
        if page:
            self.last = page[-1]
        self.exhausted = len(page) < page_size
        self.add_options(options)
        if self.highlighted is None and self.summaries:
            self.action_first()

    def select_entry(self, entry_id: int) -> bool:
        """Move the cursor to an entry if it is loaded."""
        try:
            self.highlighted = self.get_option_index(str(entry_id))
        except Exception:  # OptionDoesNotExist: not in the loaded pages
            return False
        return True

    @property
    def current_id(self) -> int | None:
        option = self.highlighted_option
        return int(option.id) if option is not None and option.id else None

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
