"""Add or edit a goal: every SMART part, in a scrolling form that fits 80x24.

Each part has a one-line heading saying what it asks for, so a vague goal can
be made SMART from the form alone.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import TypeVar

from pydantic import ValidationError
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Input, Label, Select, SelectionList, Static
from textual.widgets.selection_list import Selection

from compass_tui.domain.goals import STATUSES, Goal, GoalInput, Horizon
from compass_tui.ui.common.form_screen import FormScreen
from compass_tui.ui.common.pick_list import PickList
from compass_tui.ui.goals.task_form import parse_day

T = TypeVar("T")
HORIZON_LABELS = {"short": "short term (weeks to months)", "long": "long term (a year or more)"}
# Numbers typed in the form, by input id, with the name a message uses.
NUMBER_FIELDS = {"goal-start-value": "start value", "goal-target-value": "target",
                 "goal-current-value": "where you stand now"}
DATE_FIELDS = {"goal-start-date": "start date", "goal-due-date": "due date"}
# A rule broken across fields: the field to put the cursor in, by words of the message.
RULE_FIELDS = (("due date", "goal-due-date"), ("target", "goal-target-value"),
               ("abandoned", "goal-reason"), ("title", "goal-title"), ("tag", "goal-tag"))


def parse_number(text: str, field: str) -> float | None:
    """A number from what the user typed; empty is none; the message names the field."""
    text = text.strip()
    if not text:
        return None
    if text.count(",") == 1 and "." not in text:
        text = text.replace(",", ".")  # 2,5 as written in much of Europe
    try:
        value = float(text)
    except ValueError:
        raise ValueError(f"{field}: not a number: {text}") from None
    if not math.isfinite(value):
        raise ValueError(f"{field}: not a number: {text}")
    return value


def field_number(value: float | None) -> str:
    return "" if value is None else f"{value:g}"


class GoalForm(FormScreen[Goal]):
    TITLE = "Goal"

    def __init__(self, goal: Goal | None = None, *, parent_id: int | None = None,
                 horizon: Horizon = "short") -> None:
        super().__init__()
        self.goal = goal
        self.parent_id = goal.parent_id if goal else parent_id
        self.horizon: Horizon = goal.horizon if goal else horizon

    def heading(self) -> str:
        return "New goal" if self.goal is None else "Edit the goal"

    # -- fields ---------------------------------------------------------------

    def compose_fields(self) -> ComposeResult:
        # A new goal's fields start from the model's defaults (its title stays empty).
        goal = self.goal or GoalInput(title="new", horizon=self.horizon, parent_id=self.parent_id)
        editing = self.goal is not None
        with VerticalScroll(id="goal-form-fields"):
            yield from self._row("Goal", Input(goal.title if editing else "", id="goal-title",
                                               placeholder="e.g. Speak at three meetups",
                                               compact=True))
            yield from self._row("Horizon", Select(
                [(label, h) for h, label in HORIZON_LABELS.items()], value=goal.horizon,
                allow_blank=False, id="goal-horizon", compact=True))
            yield from self._row("Part of", self._parent_select(goal.parent_id))
            yield from self._row("Status", Select([(s, s) for s in STATUSES], value=goal.status,
                                                  allow_blank=False, id="goal-status",
                                                  compact=True))
            yield from self._row("Reason", Input(goal.status_reason, id="goal-reason",
                                                 compact=True,
                                                 placeholder="why paused or abandoned"))
            yield self._section("S", "Specific: what exactly will be true when it is done?")
            yield from self._row("Specific", Input(goal.specific, id="goal-specific",
                                                   compact=True,
                                                   placeholder="the concrete result, for whom"))
            yield self._section("M", "Measurable: a metric, from where you start to a target.")
            with Horizontal(classes="form-row"):
                yield Label("Metric", classes="field-label")
                yield Input(goal.metric, id="goal-metric", compact=True,
                            placeholder="e.g. talks given")
                yield Label(" unit", classes="inline-label")
                yield Input(goal.unit, id="goal-unit", compact=True, placeholder="talks")
            with Horizontal(classes="form-row"):
                yield Label("Start / target", classes="field-label")
                yield Input(field_number(goal.start_value), id="goal-start-value",
                            compact=True, placeholder="0")
                yield Label(" → ", classes="inline-label")
                yield Input(field_number(goal.target_value), id="goal-target-value",
                            compact=True, placeholder="3")
                yield Label(" now ", classes="inline-label")
                yield Input(field_number(goal.current_value), id="goal-current-value",
                            compact=True, placeholder="1")
            yield self._section("A", "Achievable: what you have, and what could stop you.")
            yield from self._row("Resources", Input(goal.resources, id="goal-resources",
                                                    compact=True,
                                                    placeholder="time, people, money, skills"))
            yield from self._row("Obstacles", Input(goal.obstacles, id="goal-obstacles",
                                                    compact=True))
            yield self._section("R", "Relevant: the values it serves (space ticks), and why.")
            yield from self._values_field(goal.value_ids)
            yield from self._row("Why", Input(goal.why, id="goal-why", compact=True,
                                              placeholder="what changes for you when it is done"))
            yield self._section("T", "Time-bound: when it starts and when it is due.")
            yield from self._row("Start date", Input(
                goal.start_date.isoformat() if goal.start_date else "", id="goal-start-date",
                compact=True, placeholder="2026-03-01, today (optional)"))
            yield from self._row("Due date", Input(
                goal.due_date.isoformat() if goal.due_date else "", id="goal-due-date",
                compact=True, placeholder="2026-06-30, in 3 months (optional)"))
            yield from self._row("Journal tag", Input(
                f"@{goal.tag}" if goal.tag else "", id="goal-tag", compact=True,
                placeholder="@speaking: entries with this tag show with the goal"))

    @staticmethod
    def _row(label: str, field: Widget) -> ComposeResult:
        with Horizontal(classes="form-row"):
            yield Label(label, classes="field-label")
            yield field

    @staticmethod
    def _section(letter: str, text: str) -> Static:
        return Static(Text.assemble((letter, "bold reverse"), " ", (text, "bold")),
                      classes="form-section")

    def _parent_select(self, parent_id: int | None) -> Select[int]:
        choices = self.app.goals.parent_choices(self.goal.id if self.goal else None)
        # Titles as Text: a title may hold "[" and must not be read as markup.
        options = [(Text(f"{g.title}  ({g.horizon})"), g.id) for g in choices]
        known = {g.id for g in choices}
        return Select(options, prompt="none (a goal of its own)",
                      value=parent_id if parent_id in known else Select.NULL,
                      id="goal-parent", compact=True)

    def _values_field(self, linked: list[int]) -> ComposeResult:
        values = self.app.values.active()
        # Links to retired values are kept, though not offered.
        self._hidden_values = [v for v in linked if v not in {value.id for value in values}]
        if not values:
            yield Static("No ranked values yet: name and rank them in the Values tab (2).",
                         classes="form-hint")
            return
        yield PickList[int](
            *(Selection(Content(f"{v.rank}. {v.name}"), v.id, v.id in linked) for v in values),
            id="goal-values", compact=True)

    def hint(self) -> str:
        return (f"enter: next field · {self.app.key_of('form.save')} saves · "
                f"{self.app.key_of('form.cancel')} cancels")

    def on_mount(self) -> None:
        self.status.say(self.hint())
        self.query_one("#goal-title").focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.focus_next()  # enter walks the form; ctrl+s saves from anywhere

    def on_input_changed(self, event: Input.Changed) -> None:
        """Say at once when a number field holds something that is not a number."""
        field = NUMBER_FIELDS.get(event.input.id or "")
        if field is None:
            return
        try:
            parse_number(event.value, field)
        except ValueError as exc:
            self.status.say(str(exc), error=True)
            return
        if self.status.has_class("error") and self.status.text.startswith(field):
            self.status.say(self.hint())

    # -- saving ---------------------------------------------------------------

    def _text(self, input_id: str) -> str:
        return self.query_one(f"#{input_id}", Input).value.strip()

    def _checked(self, input_id: str, parse: Callable[[str], T]) -> T:
        """Parse one field; on a problem put the cursor there, then say it."""
        try:
            return parse(self._text(input_id))
        except ValueError:
            self.query_one(f"#{input_id}").focus()
            raise

    def save(self) -> Goal:
        now = self.app.clock()
        numbers = {input_id: self._checked(input_id, lambda t, f=name: parse_number(t, f))
                   for input_id, name in NUMBER_FIELDS.items()}
        dates = {input_id: self._checked(input_id, lambda t, f=name: parse_day(t, f, now))
                 for input_id, name in DATE_FIELDS.items()}
        parent = self.query_one("#goal-parent", Select).value
        try:
            data = GoalInput(
                title=self._text("goal-title"),
                horizon=self.query_one("#goal-horizon", Select).value,
                parent_id=parent if isinstance(parent, int) else None,
                status=self.query_one("#goal-status", Select).value,
                status_reason=self._text("goal-reason"),
                specific=self._text("goal-specific"),
                metric=self._text("goal-metric"),
                unit=self._text("goal-unit"),
                start_value=numbers["goal-start-value"],
                target_value=numbers["goal-target-value"],
                current_value=numbers["goal-current-value"],
                resources=self._text("goal-resources"),
                obstacles=self._text("goal-obstacles"),
                value_ids=[*self._selected_values(), *self._hidden_values],
                why=self._text("goal-why"),
                start_date=dates["goal-start-date"],
                due_date=dates["goal-due-date"],
                tag=self._text("goal-tag"),
            )
        except ValidationError as exc:
            error = exc.errors()[0]
            self._focus_rule(" ".join(map(str, error["loc"])) + " " + str(error["msg"]))
            raise
        if self.goal is None:
            return self.app.goals.create(data)
        return self.app.goals.update(self.goal.id, data, self.goal.version)

    def _selected_values(self) -> list[int]:
        found = self.query("#goal-values")
        return list(found.first(SelectionList).selected) if found else []

    def _focus_rule(self, message: str) -> None:
        for words, input_id in RULE_FIELDS:
            if words in message:
                self.query_one(f"#{input_id}").focus()
                return
