"""Imported timeline events with their links to values and skills (by name)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Connection

from compass_tui.domain.import_records import ImportBatch, ImportCounts
from compass_tui.domain.values import value_key
from compass_tui.store.import_rows import existing, insert_all, insert_ids
from compass_tui.store.tables import (
    TimelineEventRow,
    timeline_event_skills,
    timeline_event_values,
)


def write_timeline(conn: Connection, batch: ImportBatch, value_ids: dict[str, int],
                   skill_ids: dict[str, int], now: datetime, counts: ImportCounts) -> None:
    """Events not on the timeline yet (same day, precision and title), in the file's
    order; links in the order given, which is the order the timeline lists them."""
    known = existing(conn, TimelineEventRow.occurred_on, TimelineEventRow.precision,
                     TimelineEventRow.title)
    new = [e for e in batch.timeline if (e.occurred_on, e.precision, e.title) not in known]
    ids = insert_ids(conn, TimelineEventRow.__table__, [
        # The app's own events keep their source; what made them is not in the file.
        {"occurred_on": e.occurred_on, "precision": e.precision, "title": e.title,
         "kind": e.kind, "what": e.what, "lesson": e.lesson, "source": e.source,
         "source_id": None, "created_at": now} for e in new])
    insert_all(conn, timeline_event_values, [
        {"event_id": event_id, "value_id": value_id}
        for e, event_id in zip(new, ids, strict=True)
        for value_id in dict.fromkeys(value_ids[value_key(name)] for name in e.values)])
    insert_all(conn, timeline_event_skills, [
        {"event_id": event_id, "skill_id": skill_id}
        for e, event_id in zip(new, ids, strict=True)
        for skill_id in dict.fromkeys(skill_ids[value_key(name)] for name in e.skills)])
    counts.add("timeline", len(new), len(batch.timeline) - len(new))
