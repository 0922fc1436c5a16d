"""Every screen that takes text, built as the app builds it, for tests that must hold
for all of them (escape, asking before discarding, fitting 80x24)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from textual.screen import Screen

from compass_tui.domain.assessment import SkillInput
from compass_tui.domain.goals import GoalInput, TaskInput
from compass_tui.domain.values import ValueInput
from compass_tui.services.assessment import AssessmentService
from compass_tui.services.goals import GoalsService
from compass_tui.services.values import ValuesService
from compass_tui.store.repository import Repository
from compass_tui.ui.app import CompassApp
from compass_tui.ui.checkins.schedule_form import ScheduleForm
from compass_tui.ui.checkins.snooze import SnoozeScreen
from compass_tui.ui.goals.goal_form import GoalForm
from compass_tui.ui.goals.task_form import TaskForm
from compass_tui.ui.insights.period_form import PeriodForm
from compass_tui.ui.journal.entry_editor import EntryEditorScreen
from compass_tui.ui.journal.search import SearchScreen
from compass_tui.ui.timeline.event_form import EventForm
from compass_tui.ui.timeline.timeline_import import TimelineImportScreen
from compass_tui.ui.timeline.year_jump import YearJumpScreen
from compass_tui.ui.values.feedback_form import FeedbackForm
from compass_tui.ui.values.passion_form import PassionForm
from compass_tui.ui.values.personality_form import PersonalityForm
from compass_tui.ui.values.skill_form import SkillForm
from compass_tui.ui.values.swot_form import SwotForm
from compass_tui.ui.values.value_form import ValueForm
from compass_tui.ui.vision.card_form import CardForm
from compass_tui.ui.vision.narrative_editor import NarrativeEditorScreen
from compass_tui.ui.vision.purpose_form import PurposeForm
from tests.conftest import fixed_clock

Build = Callable[[CompassApp], Screen[object]]


def seed(repo: Repository) -> None:
    """What the forms offer to pick from: a value, a goal with a task, a skill."""
    ValuesService(repo, fixed_clock).add(ValueInput(name="Autonomy"))
    goals = GoalsService(repo, fixed_clock)
    goal = goals.create(GoalInput(title="Speak at meetups"))
    goals.add_task(TaskInput(goal_id=goal.id, title="Write the talk"))
    AssessmentService(repo, fixed_clock).add_skill(
        SkillInput(name="Facilitation", category="soft", level=3))


def _goal_id(app: CompassApp) -> int:
    return app.goals.summaries()[0].goal.id


# Escape asks before throwing away what was typed in these.
ASKING: dict[str, Build] = {
    "goal form": lambda app: GoalForm(),
    "task form": lambda app: TaskForm(_goal_id(app)),
    "value form": lambda app: ValueForm(),
    "skill form": lambda app: SkillForm(),
    "feedback form": lambda app: FeedbackForm(app.assessment.skills()[0]),
    "passion form": lambda app: PassionForm(),
    "personality form": lambda app: PersonalityForm(),
    "purpose form": lambda app: PurposeForm(),
    "schedule form": lambda app: ScheduleForm(app.checkins.schedule),
    "swot form": lambda app: SwotForm("strength"),
    "card form": lambda app: CardForm(),
    "event form": lambda app: EventForm(today=date(2026, 3, 15)),
    "narrative editor": lambda app: NarrativeEditorScreen(""),
    "timeline import": lambda app: TimelineImportScreen(),
    "snooze": lambda app: SnoozeScreen("Weekly check-in", date(2026, 3, 15)),
    "year jump": lambda app: YearJumpScreen([2019, 2021]),
    "search": lambda app: SearchScreen(),
    "insights period": lambda app: PeriodForm(),
}

# Escape leaves these at once, keeping what was typed (a draft, saved answers).
KEEPING: dict[str, Build] = {
    "entry editor": lambda app: EntryEditorScreen(app.new_draft_key),
}
