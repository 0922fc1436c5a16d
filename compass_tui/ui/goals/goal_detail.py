"""The Goals tab's right pane: one goal in full, its tasks, its trend, its journal.

Everything it draws for a goal is read in one background read; a read that
brings what is already on screen changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from rich.console import Group
from rich.padding import Padding
from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.message import Message
from textual.widgets import OptionList, Sparkline, Static
from textual.widgets.option_list import Option

from compass_tui.domain.entries import EntrySummary
from compass_tui.domain.goals import (
    Goal,
    ProgressPoint,
    SmartPart,
    Task,
    goal_progress,
    measure_progress,
    smart_check,
)
from compass_tui.ui.common.entry_render import summary_line
from compass_tui.ui.common.section_tools import confirm_then, guard_actions
from compass_tui.ui.goals.render import (
    OVERDUE_STYLE,
    VERDICT_STYLE,
    VERDICT_WORDS,
    badge,
    due_label,
    measure_line,
    percent_label,
    progress_bar,
    smart_badges,
    task_line,
)
from compass_tui.ui.goals.task_form import TaskForm

if TYPE_CHECKING:
    from compass_tui.ui.app import CompassApp

TASK_ACTIONS = {"toggle", "undo", "move", "add_task", "edit_task", "delete_task"}
NO_TASKS = "No tasks yet: n (here) or t (in the list) adds one."
TASKS_HINT = "space done · u undo · K/J move · n e d · esc back"


@dataclass(frozen=True)
class GoalFacts:
    """Everything the pane draws for one goal."""

    goal: Goal
    parent_title: str | None
    tasks: list[Task]
    history: list[ProgressPoint]
    entries: list[EntrySummary]
    value_names: dict[int, str]
    skill_names: dict[int, str]
    today: date


def when_phrase(day: date, today: date) -> str:
    days = (day - today).days
    if days == 0:
        return "today"
    if days > 0:
        return f"in {days} day{'s' if days != 1 else ''}"
    return f"{-days} day{'s' if days != -1 else ''} ago"


def head_text(facts: GoalFacts) -> Text:
    goal, today = facts.goal, facts.today
    text = Text()
    text.append(goal.title, style="bold")
    text.append(f"\n{goal.status} · {goal.horizon} term · ")
    if goal.due_date is None:
        text.append("no due date", style="dim")
    else:
        late = goal.due_date < today and goal.status in ("active", "paused")
        text.append(f"due {goal.due_date.isoformat()} ({when_phrase(goal.due_date, today)})",
                    style=OVERDUE_STYLE if late else "")
    if goal.status_reason:
        # On an active goal it says how a check-in adjusted it.
        label = "note" if goal.status == "active" else goal.status
        text.append(f"\n{label}: {goal.status_reason}", style="italic")
    if facts.parent_title:
        text.append("\npart of: ", style="dim")
        text.append(facts.parent_title)
    if goal.why:
        text.append("\nwhy: ", style="bold")
        text.append(goal.why, style="italic")
    return text


def _part_content(part: SmartPart, facts: GoalFacts) -> str:
    """What the user wrote for this part, in a line."""
    goal = facts.goal
    if part.part == "S":
        return goal.specific
    if part.part == "M":
        return measure_line(goal)
    if part.part == "A":
        sides = [f"with: {goal.resources}" if goal.resources else "",
                 f"against: {goal.obstacles}" if goal.obstacles else ""]
        return " · ".join(side for side in sides if side)
    if part.part == "R":
        names = [facts.value_names.get(v, f"value {v}") for v in goal.value_ids]
        return "serves: " + ", ".join(names) if names else ""
    start = goal.start_date.isoformat() if goal.start_date else "?"
    return f"{start} → {due_label(goal.due_date)}" if goal.start_date or goal.due_date else ""


def smart_text(parts: list[SmartPart], facts: GoalFacts) -> Group:
    """Each part: badge, name and verdict in words; below it, indented, what is there
    and the advice."""
    rows: list[Text | Padding] = [
        Text.assemble(("SMART check  ", "bold underline"), smart_badges(parts))]
    for part in parts:
        rows.append(Text.assemble(badge(part), f" {part.name}: ",
                                  (VERDICT_WORDS[part.verdict], VERDICT_STYLE[part.verdict])))
        body = Text(_part_content(part, facts))
        if part.advice:
            body.append(f"{chr(10) if body else ''}→ {part.advice}", style="dim")
        if body:
            rows.append(Padding(body, (0, 0, 0, 2)))
    return Group(*rows)


def progress_text(facts: GoalFacts, percent: float) -> Text:
    goal, tasks = facts.goal, facts.tasks
    done = sum(task.done for task in tasks)
    text = Text.assemble(("Progress ", "bold underline"), (percent_label(percent), "bold"), " ",
                         progress_bar(percent, 12))
    measured = measure_progress(goal.start_value, goal.target_value, goal.current_value)
    source = "from the measure" if measured is not None and goal.status != "done" else (
        "from tasks done" if tasks else "no tasks, no measure yet")
    counted = f"{done}/{len(tasks)} tasks done" if tasks else "no tasks"
    text.append(f"\n{counted} · {source}", style="dim")
    return text


def trend_text(history: list[ProgressPoint]) -> Text:
    if len(history) < 2:
        return Text("no history yet", style="dim italic")
    first, last = history[0], history[-1]
    return Text(f"{first.percent:.0f}% → {last.percent:.0f}% since "
                f"{first.recorded_at.date().isoformat()} ({len(history)} changes)", style="dim")


def journal_text(facts: GoalFacts) -> Text:
    tag = facts.goal.tag
    text = Text("Journal", style="bold underline")
    if not tag:
        text.append("\nNo tag: give the goal one (e) and entries written with it show here.",
                    style="dim")
        return text
    text.append(f"  @{tag}, newest first", style="dim")
    if not facts.entries:
        text.append(f"\nNo entries tagged @{tag} yet.", style="dim")
    for entry in facts.entries:
        text.append("\n")
        text.append_text(summary_line(entry, "%Y-%m-%d  "))
    return text


def undo_last_toggle(app: CompassApp) -> Task | None:
    """Reverse the last tick (from the task list or "this week"), saying what happened."""
    task = app.goals.undo_toggle()
    if task is None:
        app.notify("Nothing to undo.", timeout=2)
    else:
        app.notify(f"Undone: “{task.title}” is {'done' if task.done else 'open'} again.",
                   timeout=3)
    return task


@guard_actions
class GoalDetail(VerticalScroll):
    app: CompassApp

    BINDINGS = [
        Binding("space", "toggle", "Done", id="goals.task.toggle"),
        Binding("u,ctrl+z", "undo", "Undo", id="goals.task.undo"),
        Binding("K,shift+up", "move(-1)", "Up", id="goals.task.up", show=False),
        Binding("J,shift+down", "move(1)", "Down", id="goals.task.down", show=False),
        Binding("n", "add_task", "New task", id="goals.task.add"),
        Binding("e", "edit_task", "Edit", id="goals.task.edit"),
        Binding("d", "delete_task", "Delete", id="goals.task.delete"),
        Binding("escape", "back", "Back", id="goals.task.back"),
    ]

    class Changed(Message):
        """Tasks changed here: the goal list's rows (progress, counts) are stale."""

    class Back(Message):
        """escape: the goal list should take the focus back."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.goal_id: int | None = None
        self._facts: GoalFacts | None = None
        self._empty: Text | None = None
        self._want_task: int | None = None
        self._generation = 0

    def compose(self) -> ComposeResult:
        yield Static(id="goal-head")
        yield Static(id="goal-smart")
        yield Static(id="goal-progress")
        yield Sparkline([], id="goal-trend")
        yield Static(id="goal-trend-note")
        yield Static(id="goal-tasks-heading")
        yield OptionList(id="goal-tasks")
        yield Static(id="goal-journal")

    @property
    def task_list(self) -> OptionList:
        return self.query_one("#goal-tasks", OptionList)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Task keys only while the task list has focus; elsewhere n, e, d fall through
        # to the goal list's meaning (new goal, edit goal, ...).
        if action in TASK_ACTIONS:
            return self.task_list.has_focus
        return True

    # -- reading --------------------------------------------------------------

    def show_goal(self, goal_id: int | None, task_id: int | None = None,
                  empty: Text | None = None, *, at_once: bool = False) -> None:
        """Show this goal, or the `empty` text for none. The read runs in a thread, after
        the screen has painted what it has unless `at_once` (a thread slows the paint)."""
        self._generation += 1
        if task_id is not None or goal_id != self.goal_id:  # else keep a wish not yet met
            self._want_task = task_id
        self.goal_id = goal_id
        if goal_id is None:
            self._show_empty(empty or Text(""))
        elif at_once:
            self._read(goal_id, self._generation)
        else:
            self.call_after_refresh(self._read, goal_id, self._generation)

    def reload(self, task_id: int | None = None) -> None:
        """Read the same goal again, at once; the cursor stays where it is unless told."""
        self.show_goal(self.goal_id, task_id, at_once=True)

    @work(thread=True, exclusive=True, group="goal-detail", exit_on_error=False)
    def _read(self, goal_id: int, generation: int) -> None:
        if generation != self._generation:  # the cursor moved on before the read began
            return
        facts = self._gather(goal_id)
        self.app.call_from_thread(self._apply_if_current, facts, generation)

    def _gather(self, goal_id: int) -> GoalFacts | None:
        goals = self.app.goals
        goal = goals.get(goal_id)
        if goal is None:
            return None
        parent = goals.get(goal.parent_id) if goal.parent_id is not None else None
        tasks = goals.tasks(goal_id)
        values = self.app.values
        names = {v.id: v.name for v in [*values.active(), *values.retired()]
                 if v.id in goal.value_ids}
        skills = ({s.id: s.name for s in self.app.assessment.skills()}
                  if any(t.skill_id is not None for t in tasks) else {})
        return GoalFacts(goal=goal, parent_title=parent.title if parent else None, tasks=tasks,
                         history=goals.progress_history(goal_id),
                         entries=goals.journal_entries(goal_id) if goal.tag else [],
                         value_names=names, skill_names=skills, today=self.app.clock().date())

    def _apply_if_current(self, facts: GoalFacts | None, generation: int) -> None:
        if generation != self._generation:
            return
        if facts is None:
            self._show_empty(Text("This goal is gone.", style="dim"))
            return
        if facts != self._facts:  # the same goal read again: nothing to redraw
            self._draw(facts)
        # Once only: a later read must not pull the cursor back from where the user moved it.
        self._highlight(self._want_task)
        self._want_task = None

    # -- drawing --------------------------------------------------------------

    def _show_empty(self, text: Text) -> None:
        self._facts = None
        if self._empty == text:
            return
        self._empty = text
        self.query_one("#goal-head", Static).update(text)
        for part in ("#goal-smart", "#goal-progress", "#goal-trend", "#goal-trend-note",
                     "#goal-tasks-heading", "#goal-tasks", "#goal-journal"):
            self.query_one(part).display = False

    def _draw(self, facts: GoalFacts) -> None:
        if self._facts is None or self._facts.goal.id != facts.goal.id:
            self.scroll_home(animate=False)  # another goal: from its title down
        self._facts = facts
        self._empty = None
        goal = facts.goal
        done = sum(task.done for task in facts.tasks)
        percent = goal_progress(goal, done, len(facts.tasks))
        self.query_one("#goal-head", Static).update(head_text(facts))
        self.query_one("#goal-smart", Static).update(
            smart_text(smart_check(goal, facts.today), facts))
        self.query_one("#goal-progress", Static).update(progress_text(facts, percent))
        trend = self.query_one("#goal-trend", Sparkline)
        trend.data = [point.percent for point in facts.history]
        trend.display = len(facts.history) >= 2
        self.query_one("#goal-trend-note", Static).update(trend_text(facts.history))
        heading = Text("Tasks", style="bold underline")
        if facts.tasks:
            heading.append(f" {done}/{len(facts.tasks)} done")
        heading.append(f"\n{TASKS_HINT if facts.tasks else NO_TASKS}", style="dim")
        self.query_one("#goal-tasks-heading", Static).update(heading)
        self._fill_tasks(facts)
        self.query_one("#goal-journal", Static).update(journal_text(facts))
        for part in ("#goal-smart", "#goal-progress", "#goal-trend-note",
                     "#goal-tasks-heading", "#goal-tasks", "#goal-journal"):
            self.query_one(part).display = True

    def _fill_tasks(self, facts: GoalFacts) -> None:
        tasks = self.task_list
        keep = self.current_task_id
        tasks.clear_options()
        tasks.add_options(
            Option(task_line(task, facts.today, facts.skill_names.get(task.skill_id or 0)),
                   id=str(task.id))
            for task in facts.tasks)
        self._highlight(keep)

    def _highlight(self, task_id: int | None) -> None:
        tasks = self.task_list
        if not tasks.option_count:
            return
        if task_id is not None and str(task_id) in {o.id for o in tasks.options}:
            tasks.highlighted = tasks.get_option_index(str(task_id))
        elif tasks.highlighted is None:
            tasks.highlighted = 0

    # -- the task list ---------------------------------------------------------

    @property
    def current_task(self) -> Task | None:
        option = self.task_list.highlighted_option
        if self._facts is None or option is None:
            return None
        return next((t for t in self._facts.tasks if str(t.id) == option.id), None)

    @property
    def current_task_id(self) -> int | None:
        task = self.current_task
        return task.id if task is not None else None

    def focus_tasks(self) -> None:
        if self._facts is not None:
            self.task_list.focus()

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()  # the goal list listens for its own highlights only

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_edit_task()

    def _changed(self, task_id: int | None = None) -> None:
        self.reload(task_id)
        self.post_message(self.Changed())

    def action_back(self) -> None:
        self.post_message(self.Back())

    def action_toggle(self) -> None:
        task = self.current_task
        if task is not None:
            self.app.goals.toggle_task(task.id)
            self._changed()

    def action_undo(self) -> None:
        task = undo_last_toggle(self.app)
        if task is not None:
            self._changed(task.id if task.goal_id == self.goal_id else None)

    def action_move(self, delta: int) -> None:
        task = self.current_task
        if task is not None:
            self.app.goals.move_task(task.id, delta)
            self.reload(task.id)

    def action_add_task(self) -> None:
        if self._facts is not None:
            self.app.push_screen(TaskForm(self._facts.goal.id), self._task_saved)

    def action_edit_task(self) -> None:
        task = self.current_task
        if task is not None:
            self.app.push_screen(TaskForm(task.goal_id, task), self._task_saved)

    def _task_saved(self, task: Task | None) -> None:
        if task is not None:
            self._changed(task.id)
        self.task_list.focus()

    def action_delete_task(self) -> None:
        task = self.current_task
        if task is None:
            return

        def delete() -> None:
            self.app.goals.delete_task(task.id)
            self._changed()

        confirm_then(self, f"Delete the task “{task.title}”?", "Delete", delete,
                     after=self.task_list.focus)
