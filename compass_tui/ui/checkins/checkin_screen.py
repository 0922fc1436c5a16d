"""A guided check-in, full screen: the template's steps in one scrolling form.

Answers are saved as they are typed (every couple of seconds when something
changed, on escape, and on quit or hang-up), so a check-in left half done comes
back as it was. ctrl+s completes it: the service checks every answer first, then
applies the changes; a refusal is said here and nothing is lost.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Input, OptionList, Select, Static, TextArea

from compass_tui.domain.checkins import Checkin, Step, period_words
from compass_tui.services.checkins import CheckinError, Completed, FormData
from compass_tui.services.errors import NotFoundError, WriteRefused
from compass_tui.ui.checkins.goal_steps import GoalsReviewStep, GoalsUpdateStep
from compass_tui.ui.checkins.step import (
    AffirmationStep,
    FocusStep,
    LessonStep,
    LineStep,
    RatingStep,
    StepWidget,
    TextStep,
    VisionStep,
)
from compass_tui.ui.checkins.tick_list import TickList
from compass_tui.ui.checkins.values_rank_step import RankList, ValuesRankStep
from compass_tui.ui.common.confirm import ConfirmScreen
from compass_tui.ui.common.key_bar import KeyBar
from compass_tui.ui.common.status_line import StatusLine
from compass_tui.ui.shell.ordered_keys import ReadyForKeys

if TYPE_CHECKING:
    from compass_tui.ui.app import CompassApp

AUTOSAVE_SECONDS = 2.0
STEP_WIDGETS: dict[str, type[StepWidget]] = {
    "text": TextStep, "line": LineStep, "rating": RatingStep, "affirmation": AffirmationStep,
    "lesson": LessonStep, "focus": FocusStep, "goals_update": GoalsUpdateStep,
    "goals_review": GoalsReviewStep, "values_rank": ValuesRankStep, "vision": VisionStep,
}


class CheckinScreen(Screen[Completed | None]):
    app: CompassApp

    BINDINGS = [
        Binding("ctrl+s", "complete", "Complete", id="checkin.complete"),
        Binding("escape", "leave", "Leave", id="checkin.leave"),
        Binding("ctrl+g", "discard", "Discard", id="checkin.discard",
                tooltip="Throw this check-in's answers away; it stays due"),
    ]

    def __init__(self, checkin: Checkin) -> None:
        super().__init__()
        self.checkin = checkin
        self._dirty = False
        self._ready = False

    def hint(self) -> str:
        key_of = self.app.key_of
        return (f"{key_of('checkin.complete')} completes · {key_of('checkin.leave')} keeps it "
                f"for later · {key_of('checkin.discard')} discards · tab next field")

    def compose(self) -> ComposeResult:
        template = self.app.checkins.template(self.checkin.kind)
        period = period_words(self.checkin.kind, self.checkin.period_start,
                              self.checkin.period_end)
        yield Static(Content(f"{template.title} · {period}"), id="checkin-title")
        yield Static(Content(template.intro), id="checkin-intro")
        yield VerticalScroll(id="checkin-steps")
        yield StatusLine(Content(self.hint()), id="checkin-status")
        yield KeyBar()

    def on_mount(self) -> None:
        self._load()
        self.set_interval(AUTOSAVE_SECONDS, self._autosave)

    @work(thread=True, exit_on_error=False)
    def _load(self) -> None:
        data = self.app.checkins.form_data(self.checkin.kind)
        self.app.call_from_thread(self._show_steps, data)

    async def _show_steps(self, data: FormData) -> None:
        steps = self.app.checkins.template(self.checkin.kind).steps
        widgets = [self._widget(step, data) for step in steps]
        await self.query_one("#checkin-steps").mount_all(widgets)
        for widget in widgets:
            if widget.step.key in self.checkin.answers:
                widget.restore(self.checkin.answers[widget.step.key])
        self._ready = True
        self._dirty = False
        first = self.query("#checkin-steps Input, #checkin-steps TextArea, "
                           "#checkin-steps OptionList, #checkin-steps Select")
        if first:
            first.first().focus()
        self.post_message(ReadyForKeys())  # keys typed meanwhile were held for the fields

    @property
    def ready_for_keys(self) -> bool:
        return self._ready

    @staticmethod
    def _widget(step: Step, data: FormData) -> StepWidget:
        return STEP_WIDGETS[step.type](step, data)

    # -- answers ------------------------------------------------------------------------

    def answers(self) -> dict[str, Any]:
        if not self._ready:  # nothing shown yet: what was saved still stands
            return dict(self.checkin.answers)
        return {widget.step.key: widget.answer() for widget in self.query(StepWidget)}

    def _changed(self) -> None:
        if self._ready:
            self._dirty = True

    def on_input_changed(self) -> None:
        self._changed()

    def on_text_area_changed(self) -> None:
        self._changed()

    def on_select_changed(self) -> None:
        self._changed()

    def on_tick_list_ticked(self, event: TickList.Ticked) -> None:
        event.stop()
        self._changed()

    def on_rank_list_moved(self, event: RankList.Moved) -> None:
        event.stop()
        self._changed()

    def _autosave(self) -> None:
        if self._dirty:
            self.save_answers()

    def save_answers(self) -> bool:
        """Write the answers now; False (and said) when they could not be written."""
        if not self._ready:
            return True
        try:
            self.app.checkins.save_answers(self.checkin.id, self.answers())
        except NotFoundError:
            return True  # completed or discarded in another window: nothing to keep
        except WriteRefused as exc:
            self.query_one(StatusLine).say(
                f"Answers not saved ({exc}); they are still here.", error=True)
            return False
        self._dirty = False
        return True

    # -- keys -----------------------------------------------------------------------------

    def action_complete(self) -> None:
        if not self._ready:
            return
        try:
            completed = self.app.checkins.complete(self.checkin.id, self.answers())
        except CheckinError as exc:
            self.query_one(StatusLine).say(f"Not complete: {exc}.", error=True)
            return
        except NotFoundError:
            self.query_one(StatusLine).say("This check-in was completed in another window.",
                                           error=True)
            return
        except WriteRefused as exc:
            self.query_one(StatusLine).say(
                f"Not complete: the database refused ({exc}); your answers "
                "are still here.", error=True)
            return
        self.dismiss(completed)

    def action_leave(self) -> None:
        if self.save_answers():
            self.app.notify(f"Answers kept: {self.app.key_of('app.checkin')} takes you back "
                            "to this check-in.", timeout=4)
            self.dismiss(None)

    def action_discard(self) -> None:
        def answered(yes: bool | None) -> None:
            if not yes:
                return
            try:
                self.app.checkins.discard(self.checkin.id)
            except WriteRefused as exc:
                self.query_one(StatusLine).say(
                    f"Not discarded: the database refused ({exc}).", error=True)
                return
            self.app.notify(f"Check-in discarded. It is still due: "
                            f"{self.app.key_of('app.checkin')} starts it afresh, "
                            f"{self.app.key_of('app.snooze')} snoozes it.", timeout=5)
            self.dismiss(None)

        self.app.push_screen(ConfirmScreen(
            "Discard this check-in and every answer in it? Nothing it would change has "
            "been changed; it stays due.", yes="Discard", no="Keep"), answered)

    def on_descendant_focus(self) -> None:
        """Keep the focused field in view while tabbing down the form."""
        focused = self.focused
        if isinstance(focused, Input | TextArea | Select | OptionList):
            focused.scroll_visible(animate=False)
