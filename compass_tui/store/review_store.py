"""What a period held, read for its review: each a query bounded by the period.

Moments (a goal completed, feedback noted, a skill changed) are instants stored in UTC;
the period's bounds are local days, turned into instants by the column type, so a goal
completed at 23:30 on 31 March belongs to March wherever the journal is read.
"""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import date, datetime, timedelta

from sqlalchemy import and_, func, or_, select

from compass_tui.domain.entries import EntrySummary
from compass_tui.domain.review import (
    CheckinNote,
    EventNote,
    FeedbackNote,
    GoalDone,
    GoalProgress,
    SkillNote,
    TaskDone,
)
from compass_tui.store.entries_store import SUMMARY_COLUMNS, summary_of
from compass_tui.store.sessions import Sessions
from compass_tui.store.tables import (
    CheckinRow,
    EntryRow,
    FeedbackRow,
    GoalRow,
    ProgressRow,
    SkillRow,
    TagRow,
    TaskRow,
    TimelineEventRow,
    entry_tags,
)

EARLIEST = datetime(1900, 1, 1)


def _days(start: datetime | None, end: datetime) -> tuple[date, date]:
    """First and last day of [start, end) for Date columns."""
    return (start or EARLIEST).date(), (end - timedelta(days=1)).date()


class ReviewStore:
    def __init__(self, sessions: Sessions) -> None:
        self._sessions = sessions

    def goals_done(self, start: datetime | None, end: datetime) -> list[GoalDone]:
        stmt = (select(GoalRow.title, GoalRow.horizon, GoalRow.done_at, GoalRow.due_date)
                .where(GoalRow.status == "done", GoalRow.done_at.is_not(None),
                       GoalRow.done_at >= (start or EARLIEST), GoalRow.done_at < end)
                .order_by(GoalRow.done_at, GoalRow.id))
        with self._sessions() as session:
            return [GoalDone(title, horizon, done_at.date(), due)
                    for title, horizon, done_at, due in session.execute(stmt)]

    def progress(self, start: datetime | None, end: datetime) -> list[GoalProgress]:
        """Goals whose progress was recorded in the period: the percent as it stood when
        the period began (the last record before it) and at its end."""
        begin = start or EARLIEST
        last_before = (select(ProgressRow.goal_id, func.max(ProgressRow.recorded_at)
                              .label("at"))
                       .where(ProgressRow.recorded_at < begin)
                       .group_by(ProgressRow.goal_id).subquery())
        before_stmt = (select(ProgressRow.goal_id, ProgressRow.percent)
                       .join(last_before, and_(last_before.c.goal_id == ProgressRow.goal_id,
                                               last_before.c.at == ProgressRow.recorded_at)))
        within_stmt = (select(ProgressRow.goal_id, ProgressRow.percent)
                       .where(ProgressRow.recorded_at >= begin, ProgressRow.recorded_at < end)
                       .order_by(ProgressRow.goal_id, ProgressRow.recorded_at,
                                 ProgressRow.id))
        with self._sessions() as session:
            before = {goal_id: percent for goal_id, percent in session.execute(before_stmt)}
            within: dict[int, list[float]] = defaultdict(list)
            for goal_id, percent in session.execute(within_stmt):
                within[goal_id].append(percent)
            if not within:
                return []
            goals = session.execute(select(GoalRow).where(GoalRow.id.in_(list(within)))
                                    .order_by(GoalRow.id)).scalars().all()
            return [GoalProgress(
                title=goal.title, status=goal.status,
                # No record before the period: it stood where it was first recorded.
                percent_start=before.get(goal.id, within[goal.id][0]),
                percent_end=within[goal.id][-1], metric=goal.metric, unit=goal.unit,
                start_value=goal.start_value, target_value=goal.target_value,
                current_value=goal.current_value) for goal in goals]

    def tasks_done(self, start: datetime | None, end: datetime) -> list[TaskDone]:
        first, last = _days(start, end)
        stmt = (select(TaskRow.title, GoalRow.title, TaskRow.done_on)
                .join(GoalRow, GoalRow.id == TaskRow.goal_id)
                .where(TaskRow.done.is_(True), TaskRow.done_on >= first,
                       TaskRow.done_on <= last)
                .order_by(TaskRow.done_on, TaskRow.id))
        with self._sessions() as session:
            return [TaskDone(title, goal, on) for title, goal, on in session.execute(stmt)]

    def events(self, start: datetime | None, end: datetime) -> list[EventNote]:
        """Timeline events dated in the period, oldest first."""
        first, last = _days(start, end)
        stmt = (select(TimelineEventRow.title, TimelineEventRow.kind,
                       TimelineEventRow.occurred_on, TimelineEventRow.what,
                       TimelineEventRow.lesson)
                .where(TimelineEventRow.occurred_on >= first,
                       TimelineEventRow.occurred_on <= last)
                .order_by(TimelineEventRow.occurred_on, TimelineEventRow.id))
        with self._sessions() as session:
            return [EventNote(*row) for row in session.execute(stmt)]

    def checkins(self, start: datetime | None, end: datetime) -> list[CheckinNote]:
        """Check-ins done for periods that end in this one, with their wins, setbacks and
        lesson as answered."""
        first, last = _days(start, end)
        stmt = (select(CheckinRow.kind, CheckinRow.period_start, CheckinRow.period_end,
                       CheckinRow.answers)
                .where(CheckinRow.status == "done", CheckinRow.period_end >= first,
                       CheckinRow.period_end <= last)
                .order_by(CheckinRow.period_end, CheckinRow.id))
        notes = []
        with self._sessions() as session:
            for kind, period_start, period_end, answers in session.execute(stmt):
                try:
                    said = json.loads(answers or "{}")
                except ValueError:
                    said = {}
                lesson = said.get("lesson") if isinstance(said, dict) else None
                if isinstance(lesson, dict):
                    lesson = lesson.get("text") or lesson.get("title") or ""
                notes.append(CheckinNote(kind, period_start, period_end,
                                         str(said.get("wins") or "").strip(),
                                         str(said.get("setbacks") or "").strip(),
                                         str(lesson or "").strip()))
        return notes

    def tagged(self, start: datetime | None, end: datetime, tags: list[str],
               limit: int = 200) -> list[EntrySummary]:
        """Entries of the period carrying any of these tags, oldest first."""
        stmt = (select(*SUMMARY_COLUMNS)
                .where(EntryRow.deleted_at.is_(None), EntryRow.entry_date >= (start or EARLIEST),
                       EntryRow.entry_date < end,
                       EntryRow.id.in_(select(entry_tags.c.entry_id)
                                       .join(TagRow, TagRow.id == entry_tags.c.tag_id)
                                       .where(TagRow.name.in_(tags))))
                .order_by(EntryRow.entry_date, EntryRow.id).limit(limit))
        with self._sessions() as session:
            return [summary_of(row) for row in session.execute(stmt)]

    def starred(self, start: datetime | None, end: datetime, limit: int = 200
                ) -> list[EntrySummary]:
        stmt = (select(*SUMMARY_COLUMNS)
                .where(EntryRow.deleted_at.is_(None), EntryRow.starred.is_(True),
                       EntryRow.entry_date >= (start or EARLIEST), EntryRow.entry_date < end)
                .order_by(EntryRow.entry_date, EntryRow.id).limit(limit))
        with self._sessions() as session:
            return [summary_of(row) for row in session.execute(stmt)]

    def feedback(self, start: datetime | None, end: datetime) -> list[FeedbackNote]:
        """Feedback given in the period (by its date, else by when it was noted)."""
        first, last = _days(start, end)
        begin = start or EARLIEST
        stmt = (select(FeedbackRow.giver, FeedbackRow.given_on, FeedbackRow.created_at,
                       FeedbackRow.said, SkillRow.name)
                .outerjoin(SkillRow, SkillRow.id == FeedbackRow.skill_id)
                .where(or_(and_(FeedbackRow.given_on >= first, FeedbackRow.given_on <= last),
                           and_(FeedbackRow.given_on.is_(None),
                                FeedbackRow.created_at >= begin,
                                FeedbackRow.created_at < end)))
                .order_by(func.coalesce(FeedbackRow.given_on, FeedbackRow.created_at),
                          FeedbackRow.id))
        with self._sessions() as session:
            return [FeedbackNote(giver, given_on or created.date(), said, skill)
                    for giver, given_on, created, said, skill in session.execute(stmt)]

    def skills(self, start: datetime | None, end: datetime) -> list[SkillNote]:
        """Skills added or changed in the period, and the learning tasks done on them."""
        begin = start or EARLIEST
        first, last = _days(start, end)
        learning = (select(TaskRow.skill_id, func.count().label("n"))
                    .where(TaskRow.skill_id.is_not(None), TaskRow.done.is_(True),
                           TaskRow.done_on >= first, TaskRow.done_on <= last)
                    .group_by(TaskRow.skill_id).subquery())
        stmt = (select(SkillRow.name, SkillRow.category, SkillRow.level, SkillRow.created_at,
                       SkillRow.updated_at, func.coalesce(learning.c.n, 0))
                .outerjoin(learning, learning.c.skill_id == SkillRow.id)
                .where(or_(and_(SkillRow.updated_at >= begin, SkillRow.updated_at < end),
                           learning.c.n > 0))
                .order_by(SkillRow.name_key))
        with self._sessions() as session:
            return [SkillNote(name, category, level, begin <= created < end,
                              updated.date(), int(done))
                    for name, category, level, created, updated, done
                    in session.execute(stmt)]
