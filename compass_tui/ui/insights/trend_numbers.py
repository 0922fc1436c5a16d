"""The trend's means as text, under the chart: the latest points that fit, one column
each, for terminals without colour and for reading the figures themselves."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.widget import Widget

from compass_tui.domain.insights import Tally

COLUMN = 7  # characters per point
LABEL = 11
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def point_label(key: str, weekly: bool) -> str:
    """A week by its Monday ("09 Mar"), a month as "Mar'26", a year as itself."""
    if weekly:
        return f"{key[8:10]} {_MONTHS[int(key[5:7]) - 1]}"
    if len(key) == 7:
        return f"{_MONTHS[int(key[5:7]) - 1]}'{key[2:4]}"
    return key


class TrendNumbers(Widget, can_focus=True):
    """Left and right move between points; enter asks for the entries behind the one
    marked."""

    BINDINGS = [
        Binding("left", "move(-1)", "Earlier", show=False, id="insights-trend.earlier"),
        Binding("right", "move(1)", "Later", show=False, id="insights-trend.later"),
        Binding("enter", "choose", "Entries", id="insights-trend.entries",
                tooltip="The rated entries of the week or month marked"),
    ]

    class PointChosen(Message):
        def __init__(self, key: str) -> None:
            super().__init__()
            self.key = key

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.points: list[Tally] = []
        self.weekly = False
        self.cursor = -1

    def show(self, points: Sequence[Tally], weekly: bool) -> None:
        self.points, self.weekly = list(points), weekly
        self.cursor = len(self.points) - 1
        self.refresh()

    def action_move(self, step: int) -> None:
        if self.points:
            self.cursor = min(max(self.cursor + step, 0), len(self.points) - 1)
            self.refresh()

    def action_choose(self) -> None:
        if 0 <= self.cursor < len(self.points):
            self.post_message(self.PointChosen(self.points[self.cursor].key))

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

    def render(self) -> Text:
        room = max(1, (self.size.width - LABEL) // COLUMN)
        last = max(self.cursor + 1, min(room, len(self.points)))
        first = max(0, last - room)
        shown = list(enumerate(self.points))[first:last]
        text = Text(no_wrap=True, overflow="ellipsis")
        if not shown:
            return text
        rows = (("", lambda t: point_label(t.key, self.weekly)),
                ("fulfilment", lambda t: _mean(t.fulfilment)),
                ("energy", lambda t: _mean(t.energy)),
                ("rated", lambda t: str(t.rated)))
        for index, (label, cell) in enumerate(rows):
            if index:
                text.append("\n")
            text.append(f"{label:<{LABEL}}", style="bold" if label else "")
            for position, tally in shown:
                marked = position == self.cursor and self.has_focus
                style = "reverse bold" if marked else "dim" if index == 3 else ""
                text.append(f"{cell(tally):>{COLUMN}}", style=style)
        return text


def _mean(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}"
