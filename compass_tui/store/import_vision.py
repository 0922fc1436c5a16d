"""Imported vision (purpose, cards, narrative versions) and completed check-ins."""

from __future__ import annotations

import json
from datetime import datetime

from sqlalchemy import Connection, func, select

from compass_tui.domain.import_records import ImportBatch, ImportCounts
from compass_tui.store.import_rows import existing, insert_all
from compass_tui.store.tables import (
    CheckinRow,
    NarrativeVersionRow,
    VisionCardRow,
    VisionTextRow,
)

PURPOSE = "purpose"


def write_vision(conn: Connection, batch: ImportBatch, now: datetime,
                 counts: ImportCounts) -> None:
    if batch.purpose:
        # A purpose already written is the user's current one: kept, never replaced.
        current = conn.scalar(select(VisionTextRow.text).where(VisionTextRow.key == PURPOSE))
        if current:
            counts.add("purpose", 0, 1)
        else:
            if current is None:
                insert_all(conn, VisionTextRow.__table__,
                           [{"key": PURPOSE, "text": batch.purpose, "updated_at": now}])
            else:
                conn.execute(VisionTextRow.__table__.update()
                             .where(VisionTextRow.key == PURPOSE)
                             .values(text=batch.purpose, updated_at=now,
                                     version=VisionTextRow.version + 1))
            counts.add("purpose", 1)

    known_cards = existing(conn, VisionCardRow.kind, VisionCardRow.text, VisionCardRow.image,
                           VisionCardRow.caption)
    last = conn.scalar(select(func.max(VisionCardRow.position))) or 0
    cards = [c for c in batch.cards if (c.kind, c.text, c.image, c.caption) not in known_cards]
    insert_all(conn, VisionCardRow.__table__, [
        {"kind": c.kind, "text": c.text, "author": c.author, "image": c.image,
         "caption": c.caption, "pinned": c.pinned, "position": position,
         "created_at": now, "updated_at": now}
        for position, c in enumerate(cards, start=last + 1)])
    counts.add("cards", len(cards), len(batch.cards) - len(cards))

    known_versions = existing(conn, NarrativeVersionRow.created_at, NarrativeVersionRow.text)
    versions = [v for v in batch.narrative if (v.at, v.text) not in known_versions]
    insert_all(conn, NarrativeVersionRow.__table__,
               [{"text": v.text, "note": v.note, "created_at": v.at} for v in versions])
    counts.add("narrative", len(versions), len(batch.narrative) - len(versions))


def write_checkins(conn: Connection, batch: ImportBatch, now: datetime,
                   counts: ImportCounts) -> None:
    """Completed check-ins not there yet (same kind and period end, open or done)."""
    known = existing(conn, CheckinRow.kind, CheckinRow.period_end)
    new = [c for c in batch.checkins if (c.kind, c.period_end) not in known]
    insert_all(conn, CheckinRow.__table__, [
        {"kind": c.kind, "status": "done", "period_start": c.period_start,
         "period_end": c.period_end, "answers": json.dumps(c.answers, ensure_ascii=False),
         "energy": c.energy, "fulfilment": c.fulfilment, "entry_id": None,
         "started_at": c.completed_at or now, "updated_at": c.completed_at or now,
         "completed_at": c.completed_at} for c in new])
    counts.add("checkins", len(new), len(batch.checkins) - len(new))
