"""A year of days, one cell each (weeks as columns, Monday on top): nothing written,
written, or the day's mean fulfilment as a bar as high as the rating, which reads
without colour. The cursor moves by day (up, down) and by week (left, right); enter
asks for that day's entries."""

from __future__ import annotations

from datetime import date, timedelta

from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.widget import Widget

from compass_tui.domain.insights import (
    NO_ENTRY,
    SHADES,
    UNRATED,
    Streaks,
    YearGrid,
    shade,
)

DAY_NAMES = ("Mon", "", "Wed", "", "Fri", "", "Sun")
SHADE_STYLES = ("red", "yellow", "white", "green", "bold green")
LEFT = 4


class YearHeatmap(Widget, can_focus=True):
    BINDINGS = [
        Binding("left", "move(-7)", "Week before", show=False, id="insights-year.left"),
        Binding("right", "move(7)", "Week after", show=False, id="insights-year.right"),
        Binding("up", "move(-1)", "Day before", show=False, id="insights-year.up"),
        Binding("down", "move(1)", "Day after", show=False, id="insights-year.down"),
        Binding("enter", "choose", "That day", id="insights-year.entries",
                tooltip="The entries of the day under the cursor"),
    ]

    class DayChosen(Message):
        def __init__(self, day: date) -> None:
            super().__init__()
            self.day = day

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.grid: YearGrid | None = None
        self.streaks: Streaks | None = None
        self.cursor: date | None = None

    def show(self, grid: YearGrid, streaks: Streaks) -> None:
        self.grid, self.streaks = grid, streaks
        if self.cursor is None or not grid.first <= self.cursor <= grid.last:
            self.cursor = grid.last
        self.refresh(layout=True)

    def action_move(self, days: int) -> None:
        if self.grid is None or self.cursor is None:
            return
        moved = self.cursor + timedelta(days=days)
        if self.grid.first <= moved <= self.grid.last:
            self.cursor = moved
            self.refresh()

    def action_choose(self) -> None:
        if self.cursor is not None:
            self.post_message(self.DayChosen(self.cursor))

    def render(self) -> Text:
        grid = self.grid
        text = Text(no_wrap=True, overflow="ellipsis")
        if grid is None:
            return text
        weeks = grid.weeks
        # Only as many weeks as fit, the latest kept.
        room = max(1, self.size.width - LEFT) if self.size.width else weeks
        skip = max(0, weeks - room)
        mondays = [grid.first + timedelta(weeks=w) for w in range(skip, weeks)]
        header = [" "] * len(mondays)
        for column, monday in enumerate(mondays):
            sunday = monday + timedelta(days=6)
            if sunday.day <= 7 and column + 3 <= len(header):  # the week a month starts
                header[column:column + 3] = list(f"{sunday:%b}")
        text.append(" " * LEFT + "".join(header)[: len(mondays)] + "\n", style="dim")
        for weekday in range(7):
            text.append(f"{DAY_NAMES[weekday]:<{LEFT}}", style="dim")
            for monday in mondays:
                day = monday + timedelta(days=weekday)
                if day > grid.last or day < grid.first:
                    text.append(" ")
                    continue
                cell = grid.cell(day)
                char = shade(cell)
                style = ""
                if char in SHADES:
                    style = SHADE_STYLES[SHADES.index(char)]
                elif char == NO_ENTRY:
                    style = "dim"
                if day == self.cursor and self.has_focus:
                    style = "reverse bold"
                text.append(char, style=style)
            text.append("\n")
        text.append(self._caption(), style="dim")
        return text

    def _caption(self) -> str:
        grid, cursor = self.grid, self.cursor
        if grid is None:
            return ""
        caption = (f"{NO_ENTRY} none  {UNRATED} written  {SHADES} fulfilment 1-5 · "
                   f"{grid.written_days()} days written")
        if cursor is not None and self.has_focus:
            cell = grid.cell(cursor)
            said = ("nothing written" if cell is None or not cell.entries else
                    f"{cell.entries} entr{'ies' if cell.entries != 1 else 'y'}"
                    + (f", fulfilment {cell.fulfilment:.2f}" if cell.fulfilment else ""))
            caption += f"\n{cursor:%a %d %b %Y}: {said}"
        return caption

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()
