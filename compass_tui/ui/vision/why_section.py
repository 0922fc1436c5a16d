"""The why of every active goal, and the values each one serves."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from compass_tui.domain.vision import GoalWhy
from compass_tui.ui.common.latest_read import LatestRead

if TYPE_CHECKING:
    from compass_tui.ui.app import CompassApp

NO_GOALS = ("No active goals yet. Write one in the Goals tab (3, then n), with why it "
            "matters to you: that why is what this page gathers.")
NO_WHY = ("No why written yet. Say why it matters in the Goals tab (3, then e on the goal): "
          "a goal without a why is the first to be dropped.")
INTRO = ("Why each active goal matters, long-term first: read it when a goal starts to "
         "feel like a chore.")


def why_text(whys: list[GoalWhy]) -> Text:
    if not whys:
        return Text(NO_GOALS, style="dim")
    text = Text()
    text.append(INTRO + "\n", style="dim italic")
    for item in whys:
        text.append("\n")
        text.append(item.title, style="bold")
        text.append(f"  ({item.horizon} term)\n", style="dim")
        if item.why:
            text.append("  Why: ", style="bold")
            text.append(" ".join(item.why.split()) + "\n")
        else:
            text.append(f"  {NO_WHY}\n", style="italic")
        text.append("  Serves: ", style="bold")
        if item.values:
            text.append(", ".join(item.values) + "\n")
        else:
            text.append("no value linked yet (the goal's form picks them)\n", style="dim")
    return text


class WhySection(LatestRead, VerticalScroll):
    """Read when shown, in a worker: goals and values change in other tabs."""

    app: CompassApp

    def compose(self) -> ComposeResult:
        yield Static(id="vision-why-text")

    def on_mount(self) -> None:
        self._shown: list[GoalWhy] | None = None

    def on_show(self) -> None:
        self.reload()

    def focus_default(self) -> None:
        self.focus()

    def reload(self) -> None:
        self.read_latest()

    def _fetch(self) -> list[GoalWhy]:
        return self.app.vision.goal_whys()

    def _show_read(self, whys: list[GoalWhy], _select: None) -> None:
        if whys != self._shown:
            self._shown = whys
            self.query_one("#vision-why-text", Static).update(why_text(whys))
