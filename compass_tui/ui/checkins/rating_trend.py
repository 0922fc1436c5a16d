"""Energy or fulfilment across check-ins: one bar per check-in on the fixed 1-5 scale,
so a lone 3 reads as middling and a 4 as higher (a chart scaled to its own values would
draw both full), then the numbers in words, for terminals without colour."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.widgets import Static

BARS = "▁▂▃▄▅▆▇█"
LOW, HIGH = 1, 5
GAP = "  "


def rating_bar(rating: int | None) -> str:
    """A bar as tall as the rating on the 1-5 scale; a space for a check-in not rated."""
    if rating is None:
        return " "
    share = (min(max(rating, LOW), HIGH) - LOW) / (HIGH - LOW)
    return BARS[round(share * (len(BARS) - 1))]


def trend_words(ratings: Sequence[int | None]) -> str:
    rated = [r for r in ratings if r is not None]
    if not rated:
        return "no ratings yet"
    average = sum(rated) / len(rated)
    return f"{rated[-1]} last · {average:.1f} on average over {len(rated)} (1-5)"


class RatingTrend(Static):
    """Oldest on the left; as many of the latest as fit beside the words."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.ratings: list[int | None] = []

    def show(self, ratings: Sequence[int | None]) -> None:
        self.ratings = list(ratings)
        self.refresh()

    def bars(self, width: int) -> str:
        room = max(0, width - len(trend_words(self.ratings)) - len(GAP))
        return "".join(rating_bar(r) for r in self.ratings[-room:] if room)

    def render(self) -> Text:
        text = Text(no_wrap=True, overflow="ellipsis")
        bars = self.bars(self.size.width)
        if bars:
            text.append(bars, style="bold")
            text.append(GAP)
        text.append(trend_words(self.ratings), style="dim")
        return text
