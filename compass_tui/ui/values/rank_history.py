"""How the ranking of values moved: the whole order on each day it changed, newest first."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from compass_tui.domain.values import RankChange, RankingSnapshot, ranking_snapshots


def snapshot_text(snapshot: RankingSnapshot) -> Text:
    text = Text()
    text.append(snapshot.day.strftime("%a %d %b %Y") + "\n", style="bold")
    for rank, name in enumerate(snapshot.order, start=1):
        text.append(f"  {rank:>3}  {name}")
        places = snapshot.moved.get(name)
        if places:
            arrow = "▲" if places > 0 else "▼"
            text.append(f"  {arrow}{abs(places)}", style="green" if places > 0 else "red")
        elif name in snapshot.added:
            text.append("  new", style="cyan")
        elif name in snapshot.restored:
            text.append("  back", style="cyan")
        text.append("\n")
    for name in snapshot.retired:
        text.append(f"    –  {name}  retired\n", style="dim")
    return text


def history_table(changes: list[RankChange]) -> Text:
    snapshots = ranking_snapshots(changes)
    if not snapshots:
        return Text("No rankings yet.", style="dim")
    text = Text()
    for snapshot in reversed(snapshots):
        text.append_text(snapshot_text(snapshot))
        text.append("\n")
    return text


class RankHistoryScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,q,h", "dismiss", "Close", id="rank-history.close")]

    def __init__(self, changes: list[RankChange]) -> None:
        super().__init__()
        self.changes = changes

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog wide", id="rank-history"):
            yield Static("How your ranking moved (▲ gained, ▼ lost places)",
                         classes="dialog-title")
            yield Static(history_table(self.changes), id="rank-history-text")

    def on_mount(self) -> None:
        self.query_one("#rank-history").focus()
