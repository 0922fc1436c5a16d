"""How the ranking of values moved: every change, grouped by day, newest first."""

from __future__ import annotations

from itertools import groupby

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from compass_tui.domain.values import RankChange


def history_table(changes: list[RankChange]) -> Text:
    if not changes:
        return Text("No rankings yet.", style="dim")
    text = Text()
    newest_first = sorted(changes, key=lambda c: c.recorded_at, reverse=True)
    for day, group in groupby(newest_first, key=lambda c: c.recorded_at.date()):
        text.append(day.strftime("%a %d %b %Y") + "\n", style="bold")
        for change in sorted(group, key=lambda c: (c.rank is None, c.rank or 0)):
            where = f"#{change.rank}" if change.rank else "retired"
            text.append(f"   {where:>8}  {change.name}\n")
    return text


class RankHistoryScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,q,h", "dismiss", "Close")]

    def __init__(self, changes: list[RankChange]) -> None:
        super().__init__()
        self.changes = changes

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog wide", id="rank-history"):
            yield Static("How your ranking moved", classes="dialog-title")
            yield Static(history_table(self.changes))

    def on_mount(self) -> None:
        self.query_one("#rank-history").focus()
