"""The Goals section: SMART goals as a tree or by due date, and this week's tasks.

The list on the left is read off the event loop: shortly after start-up (the
tree and this week, so the first visit and the first switch paint what is
already there), and again after every showing and every switch, once the screen
has painted what it had. The detail on the right reads the highlighted goal the
same way.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Container, Horizontal
from textual.widgets import Static, TabbedContent

from compass_tui.domain.goals import Goal, GoalSummary, Task, WeekTask
from compass_tui.ui.common.cached_reads import CachedReads
from compass_tui.ui.common.section_tools import confirm_then, guard_actions
from compass_tui.ui.goals.goal_detail import GoalDetail, undo_last_toggle
from compass_tui.ui.goals.goal_form import GoalForm
from compass_tui.ui.goals.render import OVERDUE_STYLE, goal_row, week_row
from compass_tui.ui.goals.row_list import RowList
from compass_tui.ui.goals.task_form import TaskForm
from compass_tui.ui.goals.value_picker import ValueChoice, ValuePickerScreen

if TYPE_CHECKING:
    from compass_tui.ui.app import CompassApp

View = Literal["tree", "due", "week"]
VIEWS: tuple[View, ...] = ("tree", "due", "week")
VIEW_NAMES: dict[View, str] = {"tree": "Tree", "due": "By due date", "week": "This week"}
# (label, statuses shown); None shows every status.
STATUS_FILTERS: tuple[tuple[str, frozenset[str] | None], ...] = (
    ("active+paused", frozenset({"active", "paused"})),
    ("active", frozenset({"active"})),
    ("paused", frozenset({"paused"})),
    ("done", frozenset({"done"})),
    ("abandoned", frozenset({"abandoned"})),
    ("all statuses", None),
)
HORIZON_FILTERS: tuple[str | None, ...] = (None, "short", "long")
PREFETCH_DELAY = 0.5  # seconds after start-up

NO_GOALS = ("No goals here. Press n to write one: a long-term goal first, then c adds the "
            "short-term goals that get you there. Make each one SMART: the form asks for "
            "every part.\n\nf, h and r change which goals are shown.")
NO_WEEK = ("Nothing due in the next 7 days, and nothing overdue.\n\n"
           "v switches to the goal tree; t adds a dated task to a goal.")


@dataclass(frozen=True)
class Query:
    """Which goals to read, fixed when the read starts."""

    view: View
    status: frozenset[str] | None
    horizon: str | None
    value_id: int | None


@dataclass(frozen=True)
class Listing:
    """What one read brought: goal summaries, or this week's tasks."""

    view: View
    goals: list[GoalSummary] = field(default_factory=list)
    week: list[WeekTask] = field(default_factory=list)

    @property
    def rows(self) -> list[GoalSummary] | list[WeekTask]:
        return self.week if self.view == "week" else self.goals

    @property
    def ids(self) -> list[str]:
        if self.view == "week":
            return [task_option_id(item.task.id) for item in self.week]
        return [str(item.goal.id) for item in self.goals]


Row = GoalSummary | WeekTask


def task_option_id(task_id: int) -> str:
    return f"t{task_id}"


@guard_actions
class GoalsSection(CachedReads, Container):
    app: CompassApp

    BINDINGS = [
        Binding("n", "add", "New", id="goals.add"),
        Binding("c", "add_child", "Sub-goal", id="goals.child"),
        Binding("e", "edit", "Edit", id="goals.edit"),
        Binding("d", "delete", "Delete", id="goals.delete"),
        Binding("t", "add_task", "Task", id="goals.task"),
        Binding("space", "toggle", "Done", id="goals.toggle"),
        Binding("u,ctrl+z", "undo", "Undo", id="goals.undo", show=False),
        Binding("v", "cycle_view", "View", id="goals.view"),
        Binding("f", "cycle_status", "Status", id="goals.status"),
        Binding("h", "cycle_horizon", "Horizon", id="goals.horizon"),
        Binding("r", "pick_value", "Value", id="goals.value"),
        Binding("tab", "focus_tasks", "Tasks", id="goals.tasks", show=False),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.view: View = "tree"
        self.status_index = 0
        self.horizon: str | None = None
        self.value_filter: ValueChoice = (None, "all values")
        self._listing = Listing("tree")
        self._header: Text | None = None
        self._init_reads()

    def compose(self) -> ComposeResult:
        yield Static(id="goals-header")
        with Horizontal(id="goals-body"):
            yield RowList[Row](self._render_row, id="goals-list")
            yield GoalDetail(id="goal-detail")

    def on_mount(self) -> None:
        self._show_header()
        # Read ahead once start-up has painted, so the first visit draws at once.
        self.set_timer(PREFETCH_DELAY, self._read_ahead)

    def on_show(self) -> None:
        """Fresh on every visit (values and tags change elsewhere)."""
        self._load()

    def refresh_from_store(self) -> None:
        """Another window wrote: every read kept is stale; the cursor stays on its row."""
        self._changed()

    # -- parts ------------------------------------------------------------------

    @property
    def goal_list(self) -> RowList[Row]:
        return self.query_one("#goals-list", RowList)

    @property
    def detail(self) -> GoalDetail:
        return self.query_one(GoalDetail)

    def _showing(self) -> bool:
        """Focusing inside a hidden tab would make the app switch to it."""
        return self.app.query_one("#tabs", TabbedContent).active == "goals"

    def focus_default(self) -> None:
        self.goal_list.focus()

    def _focus_list(self) -> None:
        if self._showing():
            self.goal_list.focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "toggle":  # space ticks a task in the "this week" list only
            return self.view == "week" and self.goal_list.has_focus
        if action == "focus_tasks":  # elsewhere tab moves focus as usual
            return self.goal_list.has_focus
        if action == "add_child":
            return self.view != "week"
        return True

    # -- reading ----------------------------------------------------------------

    def _query(self) -> Query:
        return Query(self.view, STATUS_FILTERS[self.status_index][1], self.horizon,
                     self.value_filter[0])

    def reload(self) -> None:
        """The list as it is now (after a row vanished under a key press)."""
        self._changed()

    def _read_ahead_queries(self) -> list[Query]:
        """The tab's first view and "this week"."""
        first = self._query()
        return [first, Query("week", first.status, first.horizon, first.value_id)]

    def _fetch(self, query: Query) -> Listing:
        goals = self.app.goals
        if query.view == "week":
            return Listing("week", week=goals.this_week(query.horizon, query.value_id))
        fetch = goals.tree if query.view == "tree" else goals.by_due
        status = set(query.status) if query.status is not None else None
        return Listing(query.view, goals=fetch(status=status, horizon=query.horizon,
                                               value_id=query.value_id))

    # -- drawing ----------------------------------------------------------------

    def _render_row(self, item: Row, width: int) -> Text:
        today = self.app.clock().date()
        if isinstance(item, WeekTask):
            return week_row(item, today)
        return goal_row(item, width, show_due=self._listing.view == "due", today=today)

    def _apply(self, listing: Listing, select: str | None) -> None:
        self._listing = listing
        ids = listing.ids
        # Only the rows on screen are drawn, and nothing when the rows are the same.
        self.goal_list.set_items(listing.rows, ids, version=listing.view, keep=select)
        if select is not None and select not in ids and listing.view != "week":
            self.app.notify("Saved; the filters hide it (f, h and r change them).", timeout=4)
        self._show_header()
        self._show_current()

    def _show_header(self) -> None:
        header = Text(no_wrap=True, overflow="ellipsis")
        header.append(f" {VIEW_NAMES[self.view]} ", style="bold reverse")
        listing = self._listing if self._listing.view == self.view else None
        if self.view == "week":
            horizon = f"{self.horizon}-term goals" if self.horizon else "all goals"
            value = f" · {self.value_filter[1]}" if self.value_filter[0] is not None else ""
            header.append(f"  next 7 days · {horizon}{value}", style="dim")
            if listing is not None:
                overdue = sum(item.overdue for item in listing.week)
                count = len(listing.week)
                header.append(f" · {count} open task{'s' if count != 1 else ''}")
                if overdue:
                    header.append(f", {overdue} overdue", style=OVERDUE_STYLE)
        else:
            horizon = f"{self.horizon} term" if self.horizon else "all horizons"
            header.append(f"  {STATUS_FILTERS[self.status_index][0]} · {horizon} · ")
            header.append(self.value_filter[1])
            if listing is not None:
                count = len(listing.goals)
                overdue = sum(item.overdue_tasks for item in listing.goals)
                header.append(f" · {count} goal{'s' if count != 1 else ''}")
                if overdue:
                    tasks = "task" if overdue == 1 else "tasks"
                    header.append(f", {overdue} {tasks} overdue", style=OVERDUE_STYLE)
        if header != self._header:
            self._header = header
            # One line, always: no layout pass needed (it would cost a view switch ~10 ms).
            self.query_one("#goals-header", Static).update(header, layout=False)

    # -- what the cursor is on ----------------------------------------------------

    def _current_option_id(self) -> str | None:
        return self.goal_list.highlighted_id

    @property
    def current_goal(self) -> Goal | None:
        if self._listing.view == "week":
            return None
        summary = self.current_summary
        return summary.goal if summary is not None else None

    @property
    def current_summary(self) -> GoalSummary | None:
        option_id = self._current_option_id()
        return next((s for s in self._listing.goals if str(s.goal.id) == option_id), None)

    @property
    def current_week_task(self) -> WeekTask | None:
        option_id = self._current_option_id()
        return next((w for w in self._listing.week if task_option_id(w.task.id) == option_id),
                    None)

    @property
    def current_goal_id(self) -> int | None:
        if self._listing.view == "week":
            item = self.current_week_task
            return item.task.goal_id if item is not None else None
        goal = self.current_goal
        return goal.id if goal is not None else None

    def _show_current(self) -> None:
        if self._listing.view == "week":
            item = self.current_week_task
            if item is None:
                self.detail.show_goal(None, empty=Text(NO_WEEK, style="dim"))
            else:
                self.detail.show_goal(item.task.goal_id, item.task.id)
            return
        goal = self.current_goal
        self.detail.show_goal(goal.id if goal else None, empty=Text(NO_GOALS, style="dim"))

    def on_row_list_highlighted(self, event: RowList.Highlighted) -> None:
        event.stop()
        self._show_current()

    def on_row_list_selected(self, event: RowList.Selected) -> None:
        event.stop()
        self.action_focus_tasks()

    def on_goal_detail_changed(self, event: GoalDetail.Changed) -> None:
        event.stop()
        self._changed()

    def on_goal_detail_back(self, event: GoalDetail.Back) -> None:
        event.stop()
        self._focus_list()

    # -- actions ------------------------------------------------------------------

    def action_focus_tasks(self) -> None:
        if self.current_goal_id is not None:
            self.detail.focus_tasks()

    def action_add(self) -> None:
        self.app.push_screen(GoalForm(), self._goal_saved)

    def action_add_child(self) -> None:
        goal = self.current_goal
        if goal is None:
            self.action_add()
            return
        self.app.push_screen(GoalForm(parent_id=goal.id, horizon="short"), self._goal_saved)

    def action_edit(self) -> None:
        if self._listing.view == "week":
            item = self.current_week_task
            if item is not None:
                self.app.push_screen(TaskForm(item.task.goal_id, item.task), self._task_saved)
            return
        goal = self.current_goal
        if goal is not None:
            self.app.push_screen(GoalForm(goal), self._goal_saved)

    def _goal_saved(self, goal: Goal | None) -> None:
        if goal is not None:
            self._changed(select=str(goal.id))
        self._focus_list()

    def action_add_task(self) -> None:
        goal_id = self.current_goal_id
        if goal_id is None:
            self.app.notify("Pick a goal first (n writes one).", timeout=3)
            return
        self.app.push_screen(TaskForm(goal_id), self._task_saved)

    def _task_saved(self, task: Task | None) -> None:
        if task is not None:
            in_week = self._listing.view == "week"
            self._changed(select=task_option_id(task.id) if in_week else None)
            if not in_week:
                self.detail.reload(task.id)
        self._focus_list()

    def action_delete(self) -> None:
        if self._listing.view == "week":
            self._delete_task(self.current_week_task)
            return
        summary = self.current_summary
        if summary is None:
            return
        goal = summary.goal
        children = any(s.goal.parent_id == goal.id for s in self._listing.goals)
        tasks = f" with its {summary.tasks_total} task{'s' if summary.tasks_total != 1 else ''}" \
            if summary.tasks_total else ""
        question = f"Delete the goal “{goal.title}”{tasks} and its progress history for good?"
        if children:
            question += "\n(Its sub-goals stay, as goals of their own.)"

        def delete() -> None:
            self.app.goals.delete(goal.id)
            self._changed()

        confirm_then(self, question, "Delete", delete, after=self._focus_list)

    def _delete_task(self, item: WeekTask | None) -> None:
        if item is None:
            return

        def delete() -> None:
            self.app.goals.delete_task(item.task.id)
            self._changed()

        confirm_then(self, f"Delete the task “{item.task.title}” (goal: {item.goal_title})?",
                     "Delete", delete, after=self._focus_list)

    def action_toggle(self) -> None:
        item = self.current_week_task
        if item is None:
            return
        task = self.app.goals.toggle_task(item.task.id)
        if task.done:  # it leaves the list of open tasks: say where it went
            self.app.notify(f"Done: “{task.title}”. u undoes.", timeout=3)
        self._changed()

    def action_undo(self) -> None:
        task = undo_last_toggle(self.app)
        if task is None:
            return
        in_week = self._listing.view == "week"
        self._changed(select=task_option_id(task.id) if in_week else None)

    def _refilter(self) -> None:
        self._show_header()
        self._load()

    def action_cycle_view(self) -> None:
        self.view = VIEWS[(VIEWS.index(self.view) + 1) % len(VIEWS)]
        self._refilter()

    def action_cycle_status(self) -> None:
        self.status_index = (self.status_index + 1) % len(STATUS_FILTERS)
        self._refilter()

    def action_cycle_horizon(self) -> None:
        index = HORIZON_FILTERS.index(self.horizon)
        self.horizon = HORIZON_FILTERS[(index + 1) % len(HORIZON_FILTERS)]
        self._refilter()

    def action_pick_value(self) -> None:
        def picked(choice: ValueChoice | None) -> None:
            if choice is not None:
                self.value_filter = choice
                self._refilter()
            self._focus_list()

        self.app.push_screen(ValuePickerScreen(self.app.values.active(), self.value_filter[0]),
                             picked)
