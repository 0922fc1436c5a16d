"""How goals and tasks read on screen: SMART badges, progress bars, rows.

Every mark says its meaning without colour (letter case, "·", block length,
"overdue" in words); colour only repeats it.
"""

from __future__ import annotations

from datetime import date

from rich.table import Table
from rich.text import Text

from compass_tui.domain.goals import Goal, GoalSummary, SmartPart, Task, WeekTask

VERDICT_STYLE = {"ok": "bold green", "weak": "yellow", "missing": "red"}
VERDICT_WORDS = {"ok": "ok", "weak": "weak", "missing": "missing"}
STATUS_MARK = {"active": "", "paused": "‖ ", "done": "✓ ", "abandoned": "✗ "}
EIGHTHS = " ▏▎▍▌▋▊▉"
DONE_BOX, OPEN_BOX = "☑", "☐"
OVERDUE_STYLE = "bold red"
BADGES_WIDTH = 9  # "S M A R T"
PERCENT_WIDTH = 4  # "100%"


def badge(part: SmartPart) -> Text:
    """The letter when ok, lower case when weak, a dot when missing."""
    letter = {"ok": part.part, "weak": part.part.lower(), "missing": "·"}[part.verdict]
    return Text(letter, style=VERDICT_STYLE[part.verdict])


def smart_badges(parts: list[SmartPart]) -> Text:
    return Text(" ").join(badge(part) for part in parts)


def progress_bar(percent: float, width: int) -> Text:
    """Full blocks, an eighth-block for the remainder, light shade for the rest."""
    eighths = round(max(0.0, min(100.0, percent)) / 100 * width * 8)
    full, rest = divmod(eighths, 8)
    bar = Text("█" * full, style="green")
    if rest:
        bar.append(EIGHTHS[rest], style="green")
    bar.append("░" * (width - full - (1 if rest else 0)), style="dim")
    return bar


def percent_label(percent: float) -> str:
    return f"{percent:.0f}%".rjust(PERCENT_WIDTH)


def number(value: float | None) -> str:
    """3.0 reads as 3, 2.5 as 2.5; a missing number as '?'."""
    return "?" if value is None else f"{value:g}"


def measure_line(goal: Goal) -> str:
    """'talks given: 3 → 7 talks (now 5)'; empty when there is no metric."""
    if not goal.metric.strip():
        return ""
    unit = f" {goal.unit}" if goal.unit else ""
    line = f"{goal.metric}: {number(goal.start_value)} → {number(goal.target_value)}{unit}"
    if goal.current_value is not None:
        line += f" (now {number(goal.current_value)})"
    return line


def due_label(due: date | None) -> str:
    return due.isoformat() if due else "no due date"


def goal_row(summary: GoalSummary, width: int, *, show_due: bool, today: date) -> Text:
    """One line: [due] indent, status mark, title … badges, bar, percent.

    The tail sits at the right edge of `width`, so the columns line up.
    """
    goal = summary.goal
    bar_width = 10 if width >= 56 else 5
    tail_width = 1 + BADGES_WIDTH + 1 + bar_width + 1 + PERCENT_WIDTH
    head = Text(no_wrap=True, overflow="ellipsis")
    if show_due:
        late = goal.due_date is not None and goal.due_date < today and goal.status in (
            "active", "paused")
        head.append(goal.due_date.isoformat() if goal.due_date else "—".center(10),
                    style=OVERDUE_STYLE if late else "dim")
        head.append("! " if late else "  ", style=OVERDUE_STYLE)
    elif summary.depth:
        head.append("  " * (summary.depth - 1) + "└ ", style="dim")
    head.append(STATUS_MARK[goal.status], style="dim")
    head.append(goal.title, style="dim" if goal.status in ("done", "abandoned") else "")
    room = max(4, width - tail_width)
    head.truncate(room, overflow="ellipsis", pad=True)
    head.append(" ")
    head.append_text(smart_badges(summary.smart))
    head.append(" ")
    head.append_text(progress_bar(summary.progress, bar_width))
    head.append(" " + percent_label(summary.progress), style="bold")
    return head


def task_line(task: Task, today: date, skill_name: str | None) -> Table:
    """Box, then title, due date, 'overdue' in words when an undone task is past due;
    a long line wraps under the title, not under the box."""
    body = Text(task.title, style="dim" if task.done else "")
    if task.done and task.done_on:
        body.append(f"  done {task.done_on.isoformat()}", style="dim")
    elif task.due:
        overdue = task.due < today
        body.append(f"  {task.due.isoformat()}", style=OVERDUE_STYLE if overdue else "dim")
        if overdue:
            body.append(" overdue", style=OVERDUE_STYLE)
    if task.skill_id is not None:
        body.append(f"  ◆ learn: {skill_name or 'a skill'}", style="cyan")
    return hanging(Text(DONE_BOX if task.done else OPEN_BOX,
                        style="green" if task.done else "bold"), body)


def hanging(mark: Text, body: Text) -> Table:
    """A one-cell mark with the body beside it, wrapped lines indented under the body."""
    grid = Table.grid(padding=(0, 1), expand=True)
    grid.add_column(width=mark.cell_len, no_wrap=True)
    grid.add_column(ratio=1)
    grid.add_row(mark, body)
    return grid


def week_row(item: WeekTask, today: date) -> Text:
    """☐ 2026-03-12 overdue  Task title · Goal title"""
    task = item.task
    line = Text(no_wrap=True, overflow="ellipsis")
    line.append(DONE_BOX if task.done else OPEN_BOX, style="green" if task.done else "bold")
    line.append(" ")
    due = task.due.isoformat() if task.due else "—".center(10)
    if item.overdue and not task.done:
        line.append(f"{due} overdue ", style=OVERDUE_STYLE)
    else:
        when = "today" if task.due == today else (task.due.strftime("%a") if task.due else "")
        line.append(f"{due} {when:<7} ", style="dim")
    line.append(task.title, style="dim" if task.done else "")
    line.append(f" · {item.goal_title}", style="dim italic")
    return line
