"""The strip on every tab where check-ins are raised; today it shows the day and streak."""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual.reactive import reactive
from textual.widgets import Static


class SchedulerBar(Static):
    """Check-in reminders land here once a schedule exists (see the scheduler service)."""

    today: reactive[date | None] = reactive(None)
    streak: reactive[int] = reactive(0)
    due_text: reactive[str] = reactive("")

    def render(self) -> Text:
        text = Text(no_wrap=True, overflow="ellipsis")
        if self.today:
            text.append(self.today.strftime("%a %d %b"), style="bold")
        text.append("  ·  ")
        days = "day" if self.streak == 1 else "days"
        text.append(f"streak {self.streak} {days}" if self.streak else "no streak yet")
        text.append("  ·  ")
        text.append(self.due_text or "no check-ins scheduled", style="italic")
        return text
