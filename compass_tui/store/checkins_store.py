"""Check-ins and their schedule state (start day, snooze); answers are stored as JSON."""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, select, update

from compass_tui.domain.checkins import Checkin
from compass_tui.domain.schedule import Kind, KindState
from compass_tui.store.errors import check_version, version_guard
from compass_tui.store.rows import NotFoundError, get_row
from compass_tui.store.sessions import Sessions
from compass_tui.store.tables import CheckinRow, CheckinStateRow
from compass_tui.store.upsert import insert_missing


def _checkin(row: CheckinRow) -> Checkin:
    return Checkin.model_validate({
        **{c.key: getattr(row, c.key) for c in CheckinRow.__table__.columns},
        "answers": json.loads(row.answers or "{}"),
    })


class CheckinStore:
    def __init__(self, sessions: Sessions) -> None:
        self._sessions = sessions

    # -- schedule state ------------------------------------------------------------

    def states(self, kinds: tuple[Kind, ...], today: date, *, create: bool = True
               ) -> dict[Kind, KindState]:
        """Each kind's state. A kind seen for the first time starts today (nothing
        before the first run is missed); `create=False` reads only (for `compass due`)."""
        with self._sessions.begin() as session:
            if create:  # the first run of a kind (two windows may start it at once)
                insert_missing(session, CheckinStateRow.__table__,
                               [{"kind": kind, "started_on": today} for kind in kinds],
                               ["kind"])
            rows = {row.kind: row for row in session.scalars(select(CheckinStateRow))}
            covered = dict(session.execute(
                select(CheckinRow.kind, func.max(CheckinRow.period_end))
                .where(CheckinRow.status == "done").group_by(CheckinRow.kind)).all())
            found: dict[Kind, KindState] = {}
            for kind in kinds:
                row = rows.get(kind) or CheckinStateRow(kind=kind, started_on=today)
                found[kind] = KindState(kind, row.started_on, covered.get(kind),
                                        row.snoozed_until)
            return found

    def snooze(self, kind: Kind, until: date | None, today: date) -> None:
        with self._sessions.begin() as session:
            insert_missing(session, CheckinStateRow.__table__,
                           [{"kind": kind, "started_on": today}], ["kind"])
            session.execute(update(CheckinStateRow).where(CheckinStateRow.kind == kind)
                            .values(snoozed_until=until))

    # -- check-ins -------------------------------------------------------------------

    def open_for(self, kind: Kind) -> Checkin | None:
        """The kind's unfinished check-in, if one was started."""
        stmt = (select(CheckinRow).where(CheckinRow.kind == kind, CheckinRow.status == "open")
                .order_by(CheckinRow.id.desc()).limit(1))
        with self._sessions() as session:
            row = session.scalar(stmt)
            return _checkin(row) if row is not None else None

    def start(self, kind: Kind, period_start: date, period_end: date, now: datetime
              ) -> Checkin:
        with self._sessions.begin() as session:
            row = CheckinRow(kind=kind, status="open", period_start=period_start,
                             period_end=period_end, answers="{}", started_at=now,
                             updated_at=now)
            session.add(row)
            session.flush()
            return _checkin(row)

    def save_answers(self, checkin_id: int, answers: dict[str, Any], now: datetime,
                     expected_version: int | None = None) -> Checkin:
        """Saved only over the version read (ChangedElsewhereError otherwise)."""
        with version_guard("check-in"), self._sessions.begin() as session:
            row = get_row(session, CheckinRow, checkin_id, "check-in")
            if row.status != "open":
                raise NotFoundError("this check-in is already complete")
            check_version(row, expected_version, "check-in")
            row.answers = json.dumps(answers, ensure_ascii=False)
            row.updated_at = now
            session.flush()
            return _checkin(row)

    def complete(self, checkin_id: int, answers: dict[str, Any], *, energy: int | None,
                 fulfilment: int | None, entry_id: int | None, now: datetime,
                 expected_version: int | None = None) -> Checkin:
        with version_guard("check-in"), self._sessions.begin() as session:
            row = get_row(session, CheckinRow, checkin_id, "check-in")
            if row.status != "open":  # completed meanwhile in another window
                raise NotFoundError("this check-in is already complete")
            check_version(row, expected_version, "check-in")
            row.answers = json.dumps(answers, ensure_ascii=False)
            row.status, row.energy, row.fulfilment = "done", energy, fulfilment
            row.entry_id, row.updated_at, row.completed_at = entry_id, now, now
            # Done: a snooze of its kind has nothing left to hold back.
            state = session.get(CheckinStateRow, row.kind)
            if state is not None:
                state.snoozed_until = None
            session.flush()
            return _checkin(row)

    def discard(self, checkin_id: int) -> None:
        with self._sessions.begin() as session:
            row = session.get(CheckinRow, checkin_id)
            if row is not None and row.status == "open":
                session.delete(row)

    def get(self, checkin_id: int) -> Checkin | None:
        with self._sessions() as session:
            row = session.get(CheckinRow, checkin_id)
            return _checkin(row) if row is not None else None

    def done(self, limit: int | None = None) -> list[Checkin]:
        """Finished check-ins, newest first."""
        stmt = (select(CheckinRow).where(CheckinRow.status == "done")
                .order_by(CheckinRow.completed_at.desc(), CheckinRow.id.desc()).limit(limit))
        with self._sessions() as session:
            return [_checkin(row) for row in session.scalars(stmt)]
