"""The monthly re-rank: the Values tab's order, moved in place with the same keys."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from compass_tui.ui.checkins.step import StepWidget


class RankList(OptionList):
    BINDINGS = [
        Binding("K,shift+up", "move(-1)", "Up", id="checkin.rank.up"),
        Binding("J,shift+down", "move(1)", "Down", id="checkin.rank.down"),
    ]

    class Moved(Message):
        """The order changed (the check-in's answers are stale)."""

    def __init__(self, names: dict[int, str], *, id: str | None = None) -> None:
        super().__init__(id=id, classes="rank-list")
        self.names = names
        self.order: list[int] = list(names)

    def on_mount(self) -> None:
        self._fill()

    def _fill(self, highlight: int | None = None) -> None:
        self.clear_options()
        self.add_options(Option(Content(f"{rank}. {self.names[value_id]}"), id=str(value_id))
                         for rank, value_id in enumerate(self.order, start=1))
        if self.order:
            self.highlighted = highlight if highlight is not None else 0

    def set_order(self, order: list[int]) -> None:
        known = [v for v in order if v in self.names]
        self.order = known + [v for v in self.names if v not in known]
        self._fill(self.highlighted)

    def action_move(self, delta: int) -> None:
        index = self.highlighted
        if index is None or not 0 <= index + delta < len(self.order):
            return
        order = self.order
        order[index], order[index + delta] = order[index + delta], order[index]
        self._fill(index + delta)
        self.post_message(self.Moved())


class ValuesRankStep(StepWidget):
    def compose_fields(self) -> ComposeResult:
        if not self.data.values:
            yield Static(Content("No values ranked yet: the Values tab (2) is where they "
                                 "start."), classes="step-help")
            return
        yield RankList({v.id: v.name for v in self.data.values}, id="rank-values")

    def answer(self) -> list[int]:
        lists = self.query(RankList)
        return list(lists.first().order) if lists else []

    def restore(self, value: Any) -> None:
        lists = self.query(RankList)
        if lists and isinstance(value, list):
            lists.first().set_order([v for v in value if isinstance(v, int)])
