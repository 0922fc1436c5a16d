"""The selected entry: a heading line, then its Markdown body."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Markdown, Static

from compass_tui.domain.entries import Entry
from compass_tui.ui.common.entry_render import STAR, STAR_STYLE, TAG_STYLE, tags_label, title_of


def rating_text(label: str, value: int | None) -> str:
    return f"{label} {'●' * value}{'○' * (5 - value)}" if value else ""


def entry_heading(entry: Entry) -> Text:
    text = Text()
    if entry.starred:
        text.append(STAR, style=STAR_STYLE)
    text.append(title_of(entry.title), style="bold")
    text.append("\n" + entry.entry_date.strftime("%A %d %B %Y, %H:%M"), style="dim")
    extras = [rating_text("energy", entry.energy), rating_text("fulfilment", entry.fulfilment)]
    extras = [x for x in extras if x]
    if extras:
        text.append("   " + "   ".join(extras), style="dim")
    if entry.tags:
        text.append("\n" + tags_label(entry.tags), style=TAG_STYLE)
    return text


class ReadingPane(VerticalScroll):
    """Scrolls with the keyboard when focused; never steals focus at start."""

    def compose(self) -> ComposeResult:
        yield Static(id="reading-heading")
        yield Markdown(id="reading-body")

    def show(self, entry: Entry | None, empty_message: str = "") -> None:
        heading = self.query_one("#reading-heading", Static)
        body = self.query_one("#reading-body", Markdown)
        if entry is None:
            heading.update(Text(empty_message, style="dim"))
            body.update("")
        else:
            heading.update(entry_heading(entry))
            body.update(entry.body)
        self.scroll_home(animate=False)
