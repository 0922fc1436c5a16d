"""How an entry's parts read on screen, shared by the list, search and pickers."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text

from compass_tui.domain.tags import tags_not_in

if TYPE_CHECKING:
    from compass_tui.domain.entries import EntrySummary
    from compass_tui.domain.entry_line import EntryLine

STAR = "★ "
NO_STAR = "  "
STAR_STYLE = "bold yellow"
TAG_STYLE = "italic cyan"


def title_of(title: str) -> str:
    return title or "(untitled)"


def tags_label(tags: list[str]) -> str:
    return " ".join("@" + tag for tag in tags)


def summary_line(entry: EntrySummary | EntryLine, date_format: str) -> Text:
    """Star, date or time, title and tags on one line that never wraps."""
    line = Text(no_wrap=True, overflow="ellipsis")
    line.append(STAR if entry.starred else NO_STAR, style=STAR_STYLE)
    line.append(entry.entry_date.strftime(date_format), style="dim")
    line.append(title_of(entry.title))
    if more := tags_not_in(entry.title, entry.tags):
        line.append("  " + tags_label(more), style=TAG_STYLE)
    return line
