"""The strip on every tab: the day, the journal streak, and the check-ins due."""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual.reactive import reactive
from textual.widgets import Static

from compass_tui.services.due import DueReport

DUE_STYLE = "bold"
OVERDUE_STYLE = "bold red"
SNOOZED_STYLE = "dim"


class SchedulerBar(Static):
    """What is due and what comes next; ctrl+k starts the due check-in, ctrl+y snoozes."""

    today: reactive[date | None] = reactive(None)
    streak: reactive[int] = reactive(0)
    report: reactive[DueReport | None] = reactive(None)

    def render(self) -> Text:
        """Date, then what is due (the part that matters, so it is never the one cut
        short at 80 columns), then the streak and the keys."""
        text = Text(no_wrap=True, overflow="ellipsis")
        if self.today:
            text.append(self.today.strftime("%a %d %b"), style="bold")
        text.append(" · ")
        report = self.report
        if report is None:
            text.append("check-ins…", style="dim")
        elif not report.pending:
            text.append(report.next_words() or "no check-ins scheduled", style="italic")
        else:
            # Several at once: each in brief, so the last is not cut off at 80 columns.
            lines = report.lines(brief=len(report.pending) > 1)
            for index, (item, words) in enumerate(zip(report.pending, lines, strict=True)):
                if index:
                    text.append(" · ")
                if item.snoozed(report.today):
                    style = SNOOZED_STYLE
                else:
                    style = OVERDUE_STYLE if item.overdue(report.today) else DUE_STYLE
                # A symbol too, for terminals without colour.
                text.append(("! " if item.overdue(report.today) else "• ") + words,
                            style=style)
        text.append(" · ")
        days = "day" if self.streak == 1 else "days"
        text.append(f"streak {self.streak} {days}" if self.streak else "no streak yet")
        if report is not None and report.actionable:
            key_of = self.app.key_of
            text.append(f" · {key_of('app.checkin')} start, {key_of('app.snooze')} snooze",
                        style="dim")
        return text
