"""When check-ins fall: written to the config file, which stays editable by hand."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Input, Label

from compass_tui.domain.schedule import KINDS, LABELS, Schedule
from compass_tui.services.schedule_file import save_schedule, schedule_path
from compass_tui.ui.common.form_screen import FormScreen

PLACEHOLDERS = {
    "weekly": "sunday, friday, … or off",
    "monthly": "last day, 15, first monday, … or off",
    "morning": "07:30, or off",
    "evening": "21:00, or off",
    "timezone": "local, or Europe/Paris, America/New_York, …",
}


class ScheduleForm(FormScreen[Schedule]):
    TITLE = "Check-in schedule"

    def __init__(self, schedule: Schedule) -> None:
        super().__init__()
        self.schedule = schedule

    def heading(self) -> str:
        return f"Check-in schedule (saved in {schedule_path()})"

    def compose_fields(self) -> ComposeResult:
        for key in (*KINDS, "timezone"):
            with Horizontal(classes="form-row"):
                yield Label(LABELS.get(key, "Time zone"), classes="field-label")  # type: ignore[call-overload]
                yield Input(self.schedule.as_dict()[key], placeholder=PLACEHOLDERS[key],
                            id=f"schedule-{key}", compact=True)

    def on_mount(self) -> None:
        self.query_one("#schedule-weekly").focus()

    def on_input_submitted(self, _event: Input.Submitted) -> None:
        self.action_submit()

    def save(self) -> Schedule:
        schedule = Schedule.parse({
            key: self.query_one(f"#schedule-{key}", Input).value
            for key in (*KINDS, "timezone")})
        save_schedule(schedule)
        return schedule
