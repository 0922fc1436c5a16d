"""Everything in the journal as one JSON document, in the shape the contract names.

Entries are streamed: one line each inside the "entries" list, read a batch at a
time, so a journal of years never sits in memory whole. The other parts are small
and written indented.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TextIO

from compass_tui.domain.schedule import Schedule
from compass_tui.services.assessment import AssessmentService
from compass_tui.services.checkins import CheckinService
from compass_tui.services.clock import Clock, system_clock
from compass_tui.services.entry_format import entry_to_dict
from compass_tui.services.errors import plain_refusals
from compass_tui.services.goals import GoalsService
from compass_tui.services.schedule_file import load_schedule
from compass_tui.services.timeline import TimelineService
from compass_tui.services.values import ValuesService
from compass_tui.services.vision import VisionService

if TYPE_CHECKING:
    from compass_tui.store.repository import Repository

FORMAT = "compass-tui"
VERSION = 1


@dataclass(frozen=True)
class ExportCounts:
    entries: int
    values: int
    goals: int
    timeline: int


def _dumps(data: Any, indent: int | None = None) -> str:
    return json.dumps(data, ensure_ascii=False, indent=indent)


# One encoder for every entry line: json.dumps with options makes a new one each call.
_LINE = json.JSONEncoder(ensure_ascii=False).encode


@plain_refusals
class ExportService:
    def __init__(self, repo: Repository, clock: Clock = system_clock,
                 schedule: Schedule | None = None) -> None:
        self._repo = repo
        self._clock = clock
        self._schedule = schedule

    def sections(self) -> dict[str, Any]:
        """Every part but the entries, in export order."""
        values = ValuesService(self._repo, self._clock).export_data()
        return {
            "values": values["values"],
            "value_history": values["value_history"],
            "assessment": AssessmentService(self._repo, self._clock).export_data(),
            "skill_history": AssessmentService(self._repo, self._clock).level_history_data(),
            "goals": GoalsService(self._repo, self._clock).export_data()["goals"],
            "timeline": TimelineService(self._repo, self._clock).export_data(),
            "vision": VisionService(self._repo, self._clock).export_data(),
            "checkins": CheckinService(self._repo, self._clock,
                                       self._schedule or load_schedule()).export_data(),
        }

    def write_json(self, out: TextIO) -> ExportCounts:
        head = {"format": FORMAT, "version": VERSION,
                "exported_at": self._clock().isoformat(timespec="seconds")}
        out.write("{\n")
        for key, value in head.items():
            out.write(f"  {_dumps(key)}: {_dumps(value)},\n")
        out.write('  "entries": [')
        entries = 0
        for entry in self._repo.entries.iter_fields():
            out.write(",\n    " if entries else "\n    ")
            out.write(_LINE(entry_to_dict(entry)))
            entries += 1
        out.write("\n  ]" if entries else "]")
        sections = self.sections()
        for key, value in sections.items():
            body = _dumps(value, indent=2).replace("\n", "\n  ")
            out.write(f",\n  {_dumps(key)}: {body}")
        out.write("\n}\n")
        return ExportCounts(entries=entries, values=len(sections["values"]),
                            goals=len(sections["goals"]), timeline=len(sections["timeline"]))
