"""The timeline: events by year, lessons learned, and the quick import of a career
history written one line per event."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from compass_tui.domain.timeline import (
    EventInput,
    EventKind,
    LineError,
    PartialDate,
    TimelineEvent,
    parse_timeline_lines,
)
from compass_tui.services.clock import Clock, system_clock
from compass_tui.services.errors import plain_refusals

if TYPE_CHECKING:
    from compass_tui.store.repository import Repository


class TimelineImportError(ValueError):
    """Some lines could not be read; nothing was imported."""

    def __init__(self, errors: list[LineError]) -> None:
        count = len(errors)
        super().__init__(f"{count} line{'s' if count != 1 else ''} could not be read; "
                         "nothing was imported")
        self.errors = errors


@dataclass(frozen=True)
class ImportSummary:
    added: int
    duplicates: int  # already on the timeline (same date and title)
    refused: list[LineError] = field(default_factory=list)

    def words(self) -> str:
        text = f"{self.added} added, {self.duplicates} already there"
        if self.refused:
            text += f", {len(self.refused)} refused"
        return text


@plain_refusals
class TimelineService:
    def __init__(self, repo: Repository, clock: Clock = system_clock) -> None:
        self._repo = repo
        self._clock = clock

    def events(self, kinds: set[str] | None = None, *, include_app: bool = True
               ) -> list[TimelineEvent]:
        return self._repo.timeline.events(kinds, include_app=include_app)

    def lessons(self) -> list[TimelineEvent]:
        return self._repo.timeline.lessons()

    def get(self, event_id: int) -> TimelineEvent | None:
        return self._repo.timeline.get(event_id)

    def add(self, data: EventInput) -> TimelineEvent:
        return self._repo.timeline.add(data, self._clock())

    def update(self, event_id: int, data: EventInput,
               expected_version: int | None = None) -> TimelineEvent:
        """With expected_version (the version the form opened), an event changed in
        another window meanwhile is not overwritten: ChangedElsewhereError."""
        return self._repo.timeline.update(event_id, data, expected_version)

    def delete(self, event_id: int) -> None:
        self._repo.timeline.delete(event_id)

    def names(self) -> tuple[dict[int, str], dict[int, str]]:
        """Names of values and skills by id, for showing an event's links."""
        values = {v.id: v.name for v in (*self._repo.values.active(),
                                         *self._repo.values.retired())}
        skills = {s.id: s.name for s in self._repo.skills.list()}
        return values, skills

    def import_lines(self, text: str, *, skip_bad: bool = False,
                     default_kind: EventKind = "milestone") -> ImportSummary:
        """All good lines in one transaction, or (any bad line, unless skip_bad) none.
        Lines already on the timeline (same date, precision and title) are skipped, so
        importing the same file twice adds nothing."""
        parsed = parse_timeline_lines(text, default_kind)
        if parsed.errors and not skip_bad:
            raise TimelineImportError(parsed.errors)
        known = self._repo.timeline.keys()
        fresh: list[EventInput] = []
        for _line, event in parsed.events:
            key = (event.occurred_on, event.precision, event.title)
            if key not in known:
                known.add(key)
                fresh.append(event)
        added = self._repo.timeline.add_many(fresh, self._clock())
        return ImportSummary(added, len(parsed.events) - added, parsed.errors)

    def export_data(self) -> list[dict[str, Any]]:
        values, skills = self.names()
        return [
            {"date": PartialDate.of(e.occurred_on, e.precision).iso(),
             "precision": e.precision, "title": e.title, "kind": e.kind, "what": e.what,
             "lesson": e.lesson, "source": e.source,
             "values": [values[v] for v in e.value_ids if v in values],
             "skills": [skills[s] for s in e.skill_ids if s in skills]}
            for e in self.events()
        ]
