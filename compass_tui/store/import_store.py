"""One import, one transaction: every part of a batch is written, or (on any error) none.

Parts are written in dependency order: entries (passions link to them), values and
skills (goals, tasks and events link to them by name), then the rest. Rows go in with
executemany on the session's connection; the full-text index follows the entries by
trigger, as for every other write.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from compass_tui.store.sessions import Sessions

if TYPE_CHECKING:
    from compass_tui.domain.import_records import ImportBatch, ImportCounts


class ImportStore:
    def __init__(self, sessions: Sessions) -> None:
        self._sessions = sessions

    def write(self, batch: ImportBatch, now: datetime) -> ImportCounts:
        """Write what is not there yet. The batch's references must resolve within it
        (the importers check that before anything gets here)."""
        # Loaded by the first import rather than with the repository: the app's
        # start-up does not pay for the import models.
        from compass_tui.domain.import_records import ImportCounts
        from compass_tui.store import (
            import_assessment,
            import_entries,
            import_goals,
            import_timeline,
            import_vision,
        )

        counts = ImportCounts()
        with self._sessions.begin() as session:
            conn = session.connection()
            import_entries.write_entries(conn, batch.entries, now, counts)
            value_ids = import_assessment.write_values(conn, batch, now, counts)
            skill_ids = import_assessment.write_skills(conn, batch, now, counts)
            import_assessment.write_reflections(conn, batch, now, counts)
            import_goals.write_goals(conn, batch, value_ids, skill_ids, now, counts)
            import_timeline.write_timeline(conn, batch, value_ids, skill_ids, now, counts)
            import_vision.write_vision(conn, batch, now, counts)
            import_vision.write_checkins(conn, batch, now, counts)
        return counts
