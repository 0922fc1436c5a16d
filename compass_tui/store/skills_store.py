"""Skills inventory and the feedback others gave on it."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ColumnElement, Select, case, delete, func, select
from sqlalchemy.orm import Session

from compass_tui.domain.assessment import (
    SKILL_CATEGORIES,
    Feedback,
    FeedbackInput,
    Skill,
    SkillInput,
    SkillLevel,
    SkillSort,
)
from compass_tui.domain.values import value_key as name_key
from compass_tui.store.errors import (
    DuplicateNameError,
    check_version,
    name_guard,
    version_guard,
)
from compass_tui.store.rows import NotFoundError, get_row, timestamp
from compass_tui.store.sessions import Sessions
from compass_tui.store.tables import FeedbackRow, SkillLevelRow, SkillRow

# Categories in the order the app presents them, not alphabetical.
_CATEGORY_ORDER = case(
    {name: i for i, name in enumerate(SKILL_CATEGORIES)},
    value=SkillRow.category, else_=len(SKILL_CATEGORIES),
)
_SORTS: dict[str, tuple[ColumnElement, ...]] = {
    "name": (SkillRow.name_key,),
    "level": (SkillRow.level.desc(), SkillRow.name_key),  # strongest first
    "category": (_CATEGORY_ORDER, SkillRow.name_key),
}
# Feedback newest first; undated feedback after the dated, newest added first.
_FEEDBACK_ORDER = (
    FeedbackRow.given_on.is_(None),
    FeedbackRow.given_on.desc(),
    FeedbackRow.created_at.desc(),
    FeedbackRow.id.desc(),
)


def _skill(row: SkillRow, feedback_count: int = 0) -> Skill:
    return Skill.model_validate(row).model_copy(update={"feedback_count": feedback_count})


def _feedback_counts() -> Select:
    return (select(FeedbackRow.skill_id, func.count().label("n"))
            .where(FeedbackRow.skill_id.is_not(None))
            .group_by(FeedbackRow.skill_id))


class SkillStore:
    def __init__(self, sessions: Sessions) -> None:
        self._sessions = sessions

    # -- skills ---------------------------------------------------------------

    def add(self, data: SkillInput) -> Skill:
        now = timestamp()
        with name_guard("skill", data.name), self._sessions.begin() as session:
            self._check_free(session, data.name)
            row = SkillRow(name_key=name_key(data.name), created_at=now)
            self._apply(row, data, now)
            session.add(row)
            session.flush()
            session.add(SkillLevelRow(skill_id=row.id, level=row.level, recorded_at=now))
            return _skill(row)

    def update(self, skill_id: int, data: SkillInput,
               expected_version: int | None = None) -> Skill:
        """Saved only over the version the form read (ChangedElsewhereError otherwise)."""
        with version_guard("skill"), name_guard("skill", data.name), \
                self._sessions.begin() as session:
            row = get_row(session, SkillRow, skill_id, "skill")
            check_version(row, expected_version, "skill")
            if name_key(data.name) != row.name_key:
                self._check_free(session, data.name)
            row.name_key = name_key(data.name)
            level_before, now = row.level, timestamp()
            self._apply(row, data, now)
            session.flush()  # the compare-and-set on version happens here
            if row.level != level_before:
                session.add(SkillLevelRow(skill_id=row.id, level=row.level, recorded_at=now))
            return _skill(row, self._count(session, skill_id))

    def set_gap(self, skill_id: int, is_gap: bool) -> Skill:
        """Only the gap mark changes, so an edit saved meanwhile elsewhere survives."""
        with self._sessions.begin() as session:
            row = get_row(session, SkillRow, skill_id, "skill")
            row.is_gap, row.updated_at = is_gap, timestamp()
            session.flush()
            return _skill(row, self._count(session, skill_id))

    def delete(self, skill_id: int) -> None:
        """The skill's feedback goes with it (ON DELETE CASCADE)."""
        with self._sessions.begin() as session:
            result = session.execute(delete(SkillRow).where(SkillRow.id == skill_id))
            if result.rowcount == 0:
                raise NotFoundError(f"no skill {skill_id}")

    def get(self, skill_id: int) -> Skill | None:
        with self._sessions() as session:
            row = session.get(SkillRow, skill_id)
            return _skill(row, self._count(session, skill_id)) if row else None

    def list(
        self,
        category: str | None = None,
        min_level: int | None = None,
        sort: SkillSort = "name",
        gaps_only: bool = False,
    ) -> list[Skill]:
        counts = _feedback_counts().subquery()
        stmt = (select(SkillRow, func.coalesce(counts.c.n, 0))
                .outerjoin(counts, counts.c.skill_id == SkillRow.id)
                .order_by(*_SORTS[sort], SkillRow.id))
        if category is not None:
            stmt = stmt.where(SkillRow.category == category)
        if min_level is not None:
            stmt = stmt.where(SkillRow.level >= min_level)
        if gaps_only:
            stmt = stmt.where(SkillRow.is_gap.is_(True))
        with self._sessions() as session:
            return [_skill(row, count) for row, count in session.execute(stmt)]

    def level_history(self) -> list[SkillLevel]:
        """Every level each skill was set to, oldest first."""
        stmt = (select(SkillLevelRow.skill_id, SkillRow.name, SkillLevelRow.level,
                       SkillLevelRow.recorded_at)
                .join(SkillRow, SkillRow.id == SkillLevelRow.skill_id)
                .order_by(SkillLevelRow.recorded_at, SkillLevelRow.id))
        with self._sessions() as session:
            return [SkillLevel(skill_id=skill_id, name=name, level=level, recorded_at=at)
                    for skill_id, name, level, at in session.execute(stmt)]

    # -- feedback -------------------------------------------------------------

    def add_feedback(self, data: FeedbackInput) -> Feedback:
        """Feedback on a skill, or general feedback when skill_id is None."""
        with self._sessions.begin() as session:
            if data.skill_id is not None:
                get_row(session, SkillRow, data.skill_id, "skill")
            row = FeedbackRow(**data.model_dump(), created_at=timestamp())
            session.add(row)
            session.flush()
            return Feedback.model_validate(row)

    def delete_feedback(self, feedback_id: int) -> None:
        with self._sessions.begin() as session:
            result = session.execute(delete(FeedbackRow).where(FeedbackRow.id == feedback_id))
            if result.rowcount == 0:
                raise NotFoundError(f"no feedback {feedback_id}")

    def feedback_for(self, skill_id: int) -> list[Feedback]:
        """A skill's feedback, newest first."""
        return self._feedback(FeedbackRow.skill_id == skill_id)

    def all_feedback(self) -> list[Feedback]:
        """Every piece of feedback, general included, newest first."""
        return self._feedback(None)

    def _feedback(self, where: ColumnElement[bool] | None) -> list[Feedback]:
        stmt = select(FeedbackRow).order_by(*_FEEDBACK_ORDER)
        if where is not None:
            stmt = stmt.where(where)
        with self._sessions() as session:
            return [Feedback.model_validate(row) for row in session.scalars(stmt)]

    # -- helpers --------------------------------------------------------------

    @staticmethod
    def _apply(row: SkillRow, data: SkillInput, now: datetime) -> None:
        row.name, row.category, row.level = data.name, data.category, data.level
        row.evidence, row.is_gap, row.updated_at = data.evidence.strip(), data.is_gap, now

    @staticmethod
    def _count(session: Session, skill_id: int) -> int:
        return session.scalar(
            select(func.count()).select_from(FeedbackRow).where(FeedbackRow.skill_id == skill_id)
        ) or 0

    @staticmethod
    def _check_free(session: Session, name: str) -> None:
        taken = session.scalar(select(SkillRow.name).where(SkillRow.name_key == name_key(name)))
        if taken is not None:
            raise DuplicateNameError("skill", taken)
