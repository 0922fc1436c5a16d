"""Goals: the tree and lists the Goals tab draws, tasks, progress history, milestones."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from compass_tui.domain.assessment import Skill
from compass_tui.domain.entries import EntryQuery, EntrySummary
from compass_tui.domain.errors import NotFoundError
from compass_tui.domain.goals import (
    Goal,
    GoalInput,
    GoalSummary,
    ProgressPoint,
    Task,
    TaskInput,
    WeekTask,
    goal_progress,
    smart_check,
)
from compass_tui.services.clock import Clock, system_clock
from compass_tui.services.errors import plain_refusals

if TYPE_CHECKING:
    from compass_tui.store.repository import Repository

WEEK_DAYS = 7  # "this week": today and the six days after it
UNDO_DEPTH = 20  # task toggles remembered for undo


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _due_order(item: GoalSummary) -> tuple[bool, date, str, int]:
    """Due date first, undated last, then title (case-blind), then age."""
    goal = item.goal
    return (goal.due_date is None, goal.due_date or date.max, goal.title.casefold(), goal.id)


@plain_refusals
class GoalsService:
    def __init__(self, repo: Repository, clock: Clock = system_clock) -> None:
        self._repo = repo
        self._goals = repo.goals
        self._clock = clock
        # (task id, done before, done_on before), most recent last.
        self._toggles: list[tuple[int, bool, date | None]] = []

    # -- goals --------------------------------------------------------------------

    def create(self, data: GoalInput) -> Goal:
        with self._repo.transaction():  # the goal, its milestone and first progress
            goal = self._goals.create(data, self._clock())
            if goal.status == "done":
                self._record_completion(goal)
            self._record_progress(goal.id)
        return goal

    def update(self, goal_id: int, data: GoalInput, expected_version: int | None = None
               ) -> Goal:
        """With expected_version (the version the form opened), a goal changed in
        another window meanwhile is not overwritten: ChangedElsewhereError."""
        before = self._goals.get(goal_id)
        if before is None:
            raise NotFoundError(f"no goal {goal_id}")
        with self._repo.transaction():
            goal = self._goals.update(goal_id, data, self._clock(), expected_version)
            # Only the step into "done" is a milestone; edits while done are not.
            if goal.status == "done" and before.status != "done":
                self._record_completion(goal)
            self._record_progress(goal.id)
        return goal

    def delete(self, goal_id: int) -> None:
        self._goals.delete(goal_id)

    def get(self, goal_id: int) -> Goal | None:
        return self._goals.get(goal_id)

    # -- lists --------------------------------------------------------------------

    def summaries(self, status: set[str] | None = None, horizon: str | None = None,
                  value_id: int | None = None) -> list[GoalSummary]:
        """Goals passing the filters, by due date (undated last), then title."""
        return sorted(self._filtered(status, horizon, value_id), key=_due_order)

    def by_due(self, status: set[str] | None = None, horizon: str | None = None,
               value_id: int | None = None) -> list[GoalSummary]:
        return self.summaries(status, horizon, value_id)

    def tree(self, status: set[str] | None = None, horizon: str | None = None,
             value_id: int | None = None) -> list[GoalSummary]:
        """Depth first: top-level long-term goals, then top-level short-term ones, each
        followed by its sub-goals (depth set). A goal whose parent is filtered out
        stands at the top level."""
        items = self.summaries(status, horizon, value_id)
        shown = {item.goal.id for item in items}
        children: dict[int, list[GoalSummary]] = defaultdict(list)
        roots: list[GoalSummary] = []
        for item in items:  # already in due order, so siblings are too
            parent = item.goal.parent_id
            if parent is not None and parent in shown and parent != item.goal.id:
                children[parent].append(item)
            else:
                roots.append(item)
        roots.sort(key=lambda item: item.goal.horizon != "long")  # stable: due order kept
        ordered: list[GoalSummary] = []
        placed: set[int] = set()
        # A cycle written outside the app has no root: its goals follow at the top
        # level rather than vanish.
        for start in [*roots, *items]:
            stack = [(start, 0)]  # iterative: no recursion limit on deep trees
            while stack:
                item, depth = stack.pop()
                if item.goal.id in placed:
                    continue
                placed.add(item.goal.id)
                item.depth = depth  # built for this call: safe to set in place
                ordered.append(item)
                stack.extend((child, depth + 1)
                             for child in reversed(children.get(item.goal.id, [])))
        return ordered

    def _filtered(self, status: set[str] | None, horizon: str | None,
                  value_id: int | None) -> Iterable[GoalSummary]:
        today = self._clock().date()
        for goal, done, total, overdue in self._goals.summaries(today):
            if status is not None and goal.status not in status:
                continue
            if horizon is not None and goal.horizon != horizon:
                continue
            if value_id is not None and value_id not in goal.value_ids:
                continue
            yield GoalSummary(goal=goal, progress=goal_progress(goal, done, total),
                              tasks_done=done, tasks_total=total, overdue_tasks=overdue,
                              smart=smart_check(goal, today))

    def this_week(self, horizon: str | None = None,
                  value_id: int | None = None) -> list[WeekTask]:
        """Open tasks due from today to six days on, overdue ones first, then by due date;
        only under goals of this horizon, or serving this value, when given."""
        today = self._clock().date()
        last_day = today + timedelta(days=WEEK_DAYS - 1)
        # The store orders by due date, so the overdue ones already come first.
        return [WeekTask(task=task, goal_title=title,
                         overdue=task.due is not None and task.due < today)
                for task, title in self._goals.open_tasks_due_by(last_day, horizon, value_id)]

    def parent_choices(self, goal_id: int | None) -> list[Goal]:
        """Goals that may hold this one: not itself, not below it; long-term ones first."""
        excluded = set() if goal_id is None else {goal_id, *self._goals.descendants(goal_id)}
        goals = [g for g in self._goals.all_goals() if g.id not in excluded]
        return sorted(goals, key=lambda g: (g.horizon != "long", g.title.casefold(), g.id))

    # -- tasks --------------------------------------------------------------------

    def tasks(self, goal_id: int) -> list[Task]:
        return self._goals.tasks(goal_id)

    def add_task(self, data: TaskInput) -> Task:
        with self._repo.transaction():
            task = self._goals.add_task(data, self._clock())
            self._record_progress(task.goal_id)
        return task

    def update_task(self, task_id: int, data: TaskInput,
                    expected_version: int | None = None) -> Task:
        """With expected_version (the version the form opened), a task changed in
        another window meanwhile is not overwritten: ChangedElsewhereError."""
        before = self._task(task_id)
        with self._repo.transaction():
            task = self._goals.update_task(task_id, data, expected_version)
            for goal_id in {before.goal_id, task.goal_id}:  # moved: both goals change
                self._record_progress(goal_id)
        return task

    def delete_task(self, task_id: int) -> None:
        task = self._task(task_id)
        with self._repo.transaction():
            self._goals.delete_task(task_id)
            self._record_progress(task.goal_id)
        self._toggles = [t for t in self._toggles if t[0] != task_id]

    def move_task(self, task_id: int, delta: int) -> None:
        self._goals.move_task(task_id, delta)

    def toggle_task(self, task_id: int) -> Task:
        """Done <-> open (done today); remembered so an accidental key can be undone."""
        before = self._task(task_id)
        done = not before.done
        with self._repo.transaction():
            task = self._goals.set_task_done(task_id, done,
                                             self._clock().date() if done else None)
            self._record_progress(task.goal_id)
        self._toggles.append((task_id, before.done, before.done_on))
        del self._toggles[:-UNDO_DEPTH]
        return task

    def undo_toggle(self) -> Task | None:
        """Put back the task toggled last (with its old done date); None when nothing to undo."""
        while self._toggles:
            task_id, done, done_on = self._toggles.pop()
            try:
                with self._repo.transaction():
                    task = self._goals.set_task_done(task_id, done, done_on)
                    self._record_progress(task.goal_id)
            except NotFoundError:  # its goal was deleted since: try the toggle before
                continue
            return task
        return None

    def skill_gaps(self) -> list[Skill]:
        """Skills marked as gaps: what a learning task can aim at."""
        return self._repo.skills.list(gaps_only=True)

    def _task(self, task_id: int) -> Task:
        task = self._goals.get_task(task_id)
        if task is None:
            raise NotFoundError(f"no task {task_id}")
        return task

    # -- progress, journal, milestones ----------------------------------------------

    def progress_history(self, goal_id: int) -> list[ProgressPoint]:
        return self._goals.progress(goal_id)

    def journal_entries(self, goal_id: int, limit: int = 50) -> list[EntrySummary]:
        """Entries carrying the goal's tag, newest first; none when it has no tag."""
        goal = self._goals.get(goal_id)
        if goal is None or not goal.tag:
            return []
        return self._repo.entries.summaries(EntryQuery(tags=[goal.tag], limit=limit))

    def _record_progress(self, goal_id: int) -> None:
        """Record the goal's progress when it moved, so the history holds every change."""
        goal = self._goals.get(goal_id)
        if goal is None:
            return
        tasks = self._goals.tasks(goal_id)
        percent = goal_progress(goal, sum(t.done for t in tasks), len(tasks))
        if self._goals.last_progress(goal_id) != percent:  # both rounded to 0.1
            self._goals.add_progress(goal_id, percent, self._clock())

    def _record_completion(self, goal: Goal) -> None:
        self._repo.timeline.add_event(
            occurred_on=self._clock().date(), title=f"Goal completed: {goal.title}",
            kind="milestone", source="goal", source_id=goal.id, now=self._clock())

    # -- export ---------------------------------------------------------------------

    def export_data(self) -> dict[str, Any]:
        """Goals with their tasks and progress history; parents come before their
        sub-goals. `ref` numbers the goals in this export (1, 2, ...) and `parent` is
        the parent's ref: titles can repeat, and database ids mean nothing elsewhere."""
        goals = [item.goal for item in self.tree()]
        refs = {goal.id: ref for ref, goal in enumerate(goals, start=1)}
        values = {v.id: v.name for v in (*self._repo.values.active(),
                                         *self._repo.values.retired())}
        skills = {s.id: s.name for s in self._repo.skills.list()}
        tasks = self._goals.all_tasks()
        progress = self._goals.all_progress()
        return {"goals": [
            {
                "ref": refs[g.id],
                "title": g.title, "horizon": g.horizon, "due": _iso(g.due_date),
                "status": g.status, "status_reason": g.status_reason,
                "start": _iso(g.start_date), "specific": g.specific, "metric": g.metric,
                "unit": g.unit, "start_value": g.start_value, "target_value": g.target_value,
                "current_value": g.current_value, "resources": g.resources,
                "obstacles": g.obstacles, "why": g.why,
                "values": [values[v] for v in g.value_ids if v in values],
                "parent": refs.get(g.parent_id) if g.parent_id is not None else None,
                "tag": g.tag,
                "tasks": [
                    {"title": t.title, "due": _iso(t.due), "done": t.done,
                     "done_on": _iso(t.done_on),
                     "skill": skills.get(t.skill_id) if t.skill_id is not None else None}
                    for t in tasks.get(g.id, [])
                ],
                "progress": [
                    {"percent": p.percent, "at": p.recorded_at.isoformat(timespec="seconds")}
                    for p in progress.get(g.id, [])
                ],
            }
            for g in goals
        ]}
