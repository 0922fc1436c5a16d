"""Check-ins: the schedule, energy and fulfilment across past check-ins, and each past
check-in to read again."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label, Markdown, OptionList, Static
from textual.widgets.option_list import Option

from compass_tui.domain.checkins import Checkin, period_words
from compass_tui.domain.schedule import KINDS, LABELS, Schedule
from compass_tui.ui.checkins.rating_trend import RatingTrend
from compass_tui.ui.checkins.schedule_form import ScheduleForm
from compass_tui.ui.common.key_bar import KeyBar

if TYPE_CHECKING:
    from compass_tui.ui.app import CompassApp

NONE_YET = ("No check-ins yet. ctrl+k starts the one due; w or m starts a weekly or "
            "monthly one now.")


def schedule_words(schedule: Schedule) -> str:
    return " · ".join(f"{LABELS[kind]}: {schedule.describe(kind)}" for kind in KINDS)


def list_line(checkin: Checkin) -> str:
    when = checkin.completed_at or checkin.updated_at
    line = f"{when:%Y-%m-%d}  {LABELS[checkin.kind].split()[0]:<8}"
    ratings = [f"{name} {value}" for name, value in (("E", checkin.energy),
                                                     ("F", checkin.fulfilment)) if value]
    return line + ("  " + " ".join(ratings) if ratings else "")


class CheckinsScreen(ModalScreen[None]):
    app: CompassApp

    BINDINGS = [
        Binding("escape", "close", "Close", id="checkins.close"),
        Binding("w", "start('weekly')", "Weekly now", id="checkins.weekly"),
        Binding("m", "start('monthly')", "Monthly now", id="checkins.monthly"),
        Binding("e", "edit_schedule", "Schedule", id="checkins.schedule"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._checkins: list[Checkin] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="checkins-box"):
            yield Static("Check-ins", classes="dialog-title")
            yield Static(id="checkins-schedule")
            with Horizontal(classes="trend-row"):
                yield Label("Energy", classes="trend-label")
                yield RatingTrend(id="trend-energy")
            with Horizontal(classes="trend-row"):
                yield Label("Fulfilment", classes="trend-label")
                yield RatingTrend(id="trend-fulfilment")
            with Horizontal(id="checkins-body"):
                yield OptionList(id="checkins-list")
                with VerticalScroll(id="checkins-reading"):
                    yield Markdown(id="checkins-text")
        yield KeyBar()

    def on_mount(self) -> None:
        self._show_schedule()
        self._load()
        self.query_one("#checkins-list").focus()

    def _show_schedule(self) -> None:
        words = schedule_words(self.app.checkins.schedule)
        self.query_one("#checkins-schedule", Static).update(
            Content(words + "  (e changes it)"))

    @work(thread=True, exclusive=True, exit_on_error=False)
    def _load(self) -> None:
        history = self.app.checkins.history()
        trend = self.app.checkins.trend()
        self.app.call_from_thread(self._show, history, trend)

    def _show(self, history: list[Checkin], trend: list[Checkin]) -> None:
        self._checkins = history
        self.query_one("#trend-energy", RatingTrend).show([c.energy for c in trend])
        self.query_one("#trend-fulfilment", RatingTrend).show([c.fulfilment for c in trend])
        options = self.query_one("#checkins-list", OptionList)
        options.clear_options()
        options.add_options(Option(Content(list_line(c)), id=str(c.id)) for c in history)
        if history:
            options.highlighted = 0
        else:
            self.query_one("#checkins-text", Markdown).update(NONE_YET)

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        checkin = next((c for c in self._checkins if str(c.id) == event.option.id), None)
        if checkin is not None:
            self._read(checkin)

    @work(thread=True, exclusive=True, group="checkin-reading", exit_on_error=False)
    def _read(self, checkin: Checkin) -> None:
        entry = self.app.journal.get(checkin.entry_id) if checkin.entry_id else None
        period = period_words(checkin.kind, checkin.period_start, checkin.period_end)
        text = (f"# {LABELS[checkin.kind]}, {period}\n\n"
                + (entry.body if entry is not None else "(its journal entry was deleted)"))
        self.app.call_from_thread(self.query_one("#checkins-text", Markdown).update, text)

    def action_close(self) -> None:
        self.dismiss(None)

    def action_start(self, kind: str) -> None:
        self.dismiss(None)
        self.app.action_start_checkin(kind)  # type: ignore[arg-type]

    def action_edit_schedule(self) -> None:
        def saved(schedule: Schedule | None) -> None:
            if schedule is not None:
                self.app.checkins.schedule = schedule
                self._show_schedule()
                self.app.refresh_due()
                self.app.notify("Schedule saved.", timeout=3)

        self.app.push_screen(ScheduleForm(self.app.checkins.schedule), saved)
