"""Goals, linked to the values they serve."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete
from sqlalchemy.orm import Session, sessionmaker

from compass_tui.store.entries_store import NotFoundError
from compass_tui.store.tables import GoalRow, goal_values


class GoalStore:
    """Goals and the values they serve (the Goals tab builds on this)."""

    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    def add_goal(self, title: str, horizon: str, status: str, value_ids: list[int],
                 now: datetime) -> int:
        with self._sessions.begin() as session:
            row = GoalRow(title=title, horizon=horizon, status=status, created_at=now,
                          updated_at=now)
            session.add(row)
            session.flush()
            if value_ids:
                session.execute(goal_values.insert(),
                                [{"goal_id": row.id, "value_id": v} for v in value_ids])
            return row.id

    def set_status(self, goal_id: int, status: str) -> None:
        with self._sessions.begin() as session:
            row = session.get(GoalRow, goal_id)
            if row is None:
                raise NotFoundError(f"no goal {goal_id}")
            row.status = status

    def unlink_all(self, goal_id: int) -> None:
        with self._sessions.begin() as session:
            session.execute(delete(goal_values).where(goal_values.c.goal_id == goal_id))
