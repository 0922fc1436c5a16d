"""Add or edit a timeline event: a date as precise as you remember it, a kind, what
happened, the lesson, and the values and skills it touched."""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Input, Label, Select, SelectionList, TextArea
from textual.widgets.selection_list import Selection

from compass_tui.domain.timeline import (
    EVENT_KINDS,
    KIND_SYMBOLS,
    EventInput,
    PartialDate,
    PartialDateError,
    TimelineEvent,
    parse_partial,
)
from compass_tui.ui.common.form_screen import FormScreen
from compass_tui.ui.common.pick_list import PickList


class EventForm(FormScreen[TimelineEvent]):
    TITLE = "Timeline event"

    def __init__(self, event: TimelineEvent | None = None, today: date | None = None) -> None:
        super().__init__()
        self.editing = event
        self.today = today

    def heading(self) -> str:
        return "Add a moment of your journey" if self.editing is None else "Edit the event"

    def compose_fields(self) -> ComposeResult:
        event = self.editing
        when = PartialDate.of(event.occurred_on, event.precision).iso() if event else (
            self.today.isoformat() if self.today else "")
        with VerticalScroll(id="event-form-fields"):
            with Horizontal(classes="form-row"):
                yield Label("When", classes="field-label")
                yield Input(when, id="event-when", compact=True,
                            placeholder="2019, May 2019, 2019-05-14")
            with Horizontal(classes="form-row"):
                yield Label("Title", classes="field-label")
                yield Input(event.title if event else "", id="event-title", compact=True,
                            placeholder="Joined Acme as analyst")
            with Horizontal(classes="form-row"):
                yield Label("Kind", classes="field-label")
                yield Select([(f"{KIND_SYMBOLS[k]} {k}", k) for k in EVENT_KINDS],
                             value=event.kind if event else "milestone", allow_blank=False,
                             id="event-kind", compact=True)
            yield Label("What happened", classes="form-section")
            yield TextArea(event.what if event else "", id="event-what", soft_wrap=True)
            yield Label("The lesson it taught you", classes="form-section")
            yield TextArea(event.lesson if event else "", id="event-lesson", soft_wrap=True)
            values = [*self.app.values.active()]
            skills = self.app.assessment.skills()
            chosen_values = set(event.value_ids) if event else set()
            chosen_skills = set(event.skill_ids) if event else set()
            if values:
                yield Label("Values it touched (space picks)", classes="form-section")
                yield PickList[int](*(Selection(Text(v.name), v.id, v.id in chosen_values)
                                           for v in values), id="event-values")
            if skills:
                yield Label("Skills it used or grew (space picks)", classes="form-section")
                yield PickList[int](*(Selection(Text(s.name), s.id, s.id in chosen_skills)
                                           for s in skills), id="event-skills")

    def on_mount(self) -> None:
        self.query_one("#event-when" if self.editing is None else "#event-title").focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_submit()

    def _picked(self, selector: str) -> list[int]:
        found = self.query(selector)
        return list(found.first(SelectionList).selected) if found else []

    def save(self) -> TimelineEvent:
        when_input = self.query_one("#event-when", Input)
        try:
            when = parse_partial(when_input.value)
        except PartialDateError as exc:
            when_input.focus()
            raise ValueError(f"when: {exc}") from exc
        kind = self.query_one("#event-kind", Select).value
        data = EventInput(occurred_on=when.start, precision=when.precision,
                          title=self.query_one("#event-title", Input).value,
                          kind=kind if isinstance(kind, str) else "milestone",  # type: ignore[arg-type]
                          what=self.query_one("#event-what", TextArea).text.strip(),
                          lesson=self.query_one("#event-lesson", TextArea).text.strip(),
                          value_ids=self._picked("#event-values"),
                          skill_ids=self._picked("#event-skills"))
        if self.editing is None:
            return self.app.timeline.add(data)
        return self.app.timeline.update(self.editing.id, data, self.editing.version)
