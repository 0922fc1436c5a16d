"""Typed tables. Schema changes go through a migration in migrations/versions."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from compass_tui.store.instants import Instant

# Named constraints let SQLite batch migrations find them later.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


entry_tags = Table(
    "entry_tags",
    Base.metadata,
    Column("entry_id", ForeignKey("entries.id", ondelete="CASCADE"), primary_key=True),
    Column("tag_id", ForeignKey("tags.id", ondelete="CASCADE"), primary_key=True, index=True),
)


class EntryRow(Base):
    __tablename__ = "entries"
    # Partial indexes: every list, search and on-this-day query reads live entries
    # newest first; only the trash reads deleted ones. One index for the trash
    # would lure SQLite into sorting every live entry instead.
    __table_args__ = (
        Index("ix_entries_live", "entry_date", "id",
              sqlite_where=text("deleted_at IS NULL"),
              postgresql_where=text("deleted_at IS NULL")),
        Index("ix_entries_trashed", "deleted_at",
              sqlite_where=text("deleted_at IS NOT NULL"),
              postgresql_where=text("deleted_at IS NOT NULL")),
        # What Insights adds up, read from the index alone (deleted_at in it so SQLite
        # sees that it needs nothing else, id for PostgreSQL's join to the tags): never
        # the entries' text.
        Index("ix_entries_ratings", "entry_date", "fulfilment", "energy", "deleted_at", "id",
              sqlite_where=text("deleted_at IS NULL"),
              postgresql_where=text("deleted_at IS NULL")),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # The writer's own day and time, as meant ("yesterday 18:00"): not an instant, so
    # it reads the same on every machine whatever its time zone.
    entry_date: Mapped[datetime] = mapped_column(DateTime)
    title: Mapped[str] = mapped_column(Text, default="")
    body: Mapped[str] = mapped_column(Text, default="")
    # Tag names joined by spaces: what full-text search and the list read.
    tags_text: Mapped[str] = mapped_column(Text, default="")
    starred: Mapped[bool] = mapped_column(Boolean, default=False)
    energy: Mapped[int | None] = mapped_column(Integer)
    fulfilment: Mapped[int | None] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(20), default="journal")
    # The name of the template the entry was started from, if any.
    template: Mapped[str | None] = mapped_column(String(100))
    # Bumped on every change so a stale edit from another instance is caught.
    version: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[datetime] = mapped_column(Instant)
    updated_at: Mapped[datetime] = mapped_column(Instant)
    deleted_at: Mapped[datetime | None] = mapped_column(Instant)
    # Title, tags and body as search sees them (domain.search_text): what the full-text
    # index reads on SQLite and on PostgreSQL alike, so both find the same entries.
    search_text: Mapped[str] = mapped_column(Text, default="", server_default="")

    # Every ORM update says `WHERE version = <the version read>`: a write that lost a
    # race matches no row and fails instead of overwriting (compare-and-set).
    __mapper_args__ = {"version_id_col": version}


class TagRow(Base):
    __tablename__ = "tags"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)


class DraftRow(Base):
    __tablename__ = "drafts"

    key: Mapped[str] = mapped_column(String(50), primary_key=True)
    entry_id: Mapped[int | None] = mapped_column(Integer)
    entry_version: Mapped[int | None] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(Text, default="")
    body: Mapped[str] = mapped_column(Text, default="")
    tags_text: Mapped[str] = mapped_column(Text, default="")
    when_text: Mapped[str] = mapped_column(Text, default="")
    starred: Mapped[bool] = mapped_column(Boolean, default=False)
    energy: Mapped[int | None] = mapped_column(Integer)
    fulfilment: Mapped[int | None] = mapped_column(Integer)
    template: Mapped[str | None] = mapped_column(String(100))
    updated_at: Mapped[datetime] = mapped_column(Instant)


# -- Values and self-assessment ---------------------------------------------


class ValueRow(Base):
    __tablename__ = "core_values"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    # Lower-cased name: one value per name, whatever the capitals.
    name_key: Mapped[str] = mapped_column(String(100), unique=True)
    meaning: Mapped[str] = mapped_column(Text, default="")
    why: Mapped[str] = mapped_column(Text, default="")
    # 1 = most important; None once retired. Kept dense 1..N by the repository.
    rank: Mapped[int | None] = mapped_column(Integer)
    retired_at: Mapped[datetime | None] = mapped_column(Instant)
    created_at: Mapped[datetime] = mapped_column(Instant)
    updated_at: Mapped[datetime] = mapped_column(Instant)
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")

    __mapper_args__ = {"version_id_col": version}


class ValueRankRow(Base):
    """One row each time a value's rank changes, so the order can be read back in time."""

    __tablename__ = "value_rank_history"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    value_id: Mapped[int] = mapped_column(
        ForeignKey("core_values.id", ondelete="CASCADE"), index=True
    )
    rank: Mapped[int | None] = mapped_column(Integer)
    recorded_at: Mapped[datetime] = mapped_column(Instant, index=True)


class SkillRow(Base):
    __tablename__ = "skills"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    name_key: Mapped[str] = mapped_column(String(100), unique=True)
    category: Mapped[str] = mapped_column(String(20))
    level: Mapped[int] = mapped_column(Integer)
    evidence: Mapped[str] = mapped_column(Text, default="")
    # A skill a goal needs but the user lacks: what learning tasks aim at.
    is_gap: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(Instant)
    updated_at: Mapped[datetime] = mapped_column(Instant)
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")

    __mapper_args__ = {"version_id_col": version}


class SkillLevelRow(Base):
    """One row each time a skill's level is set (added, or changed), so a review can
    say where a skill stood when a period began and where it ended."""

    __tablename__ = "skill_levels"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    skill_id: Mapped[int] = mapped_column(
        ForeignKey("skills.id", ondelete="CASCADE"), index=True
    )
    level: Mapped[int] = mapped_column(Integer)
    recorded_at: Mapped[datetime] = mapped_column(Instant, index=True)


class FeedbackRow(Base):
    __tablename__ = "feedback"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    skill_id: Mapped[int | None] = mapped_column(
        ForeignKey("skills.id", ondelete="CASCADE"), index=True
    )
    giver: Mapped[str] = mapped_column(String(200))
    given_on: Mapped[date | None] = mapped_column(Date)
    said: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(Instant)


passion_entries = Table(
    "passion_entries",
    Base.metadata,
    Column("passion_id", ForeignKey("passions.id", ondelete="CASCADE"), primary_key=True),
    Column("entry_id", ForeignKey("entries.id", ondelete="CASCADE"), primary_key=True,
           index=True),
)


class PassionRow(Base):
    __tablename__ = "passions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # "absorbs" (lose track of time), "fulfils" (most fulfilled), "problem" (love solving)
    kind: Mapped[str] = mapped_column(String(20))
    text: Mapped[str] = mapped_column(Text)
    # Journal entries carrying this tag show the passion at work.
    tag: Mapped[str] = mapped_column(String(200), default="")
    position: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(Instant)
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")

    __mapper_args__ = {"version_id_col": version}


class SwotRow(Base):
    __tablename__ = "swot_items"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    quadrant: Mapped[str] = mapped_column(String(20))
    text: Mapped[str] = mapped_column(Text)
    position: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(Instant)
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")

    __mapper_args__ = {"version_id_col": version}


class PersonalityRow(Base):
    __tablename__ = "personality_results"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    framework: Mapped[str] = mapped_column(String(40))
    result: Mapped[str] = mapped_column(Text)
    taken_on: Mapped[date | None] = mapped_column(Date)
    meaning: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(Instant)
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")

    __mapper_args__ = {"version_id_col": version}


# -- Goals, tasks, progress ---------------------------------------------------


class GoalRow(Base):
    __tablename__ = "goals"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(Text)
    horizon: Mapped[str] = mapped_column(String(10))  # "short" | "long"
    status: Mapped[str] = mapped_column(String(12), index=True)  # active, paused, done, ...
    status_reason: Mapped[str] = mapped_column(Text, default="", server_default="")
    specific: Mapped[str] = mapped_column(Text, default="", server_default="")
    metric: Mapped[str] = mapped_column(String(200), default="", server_default="")
    unit: Mapped[str] = mapped_column(String(50), default="", server_default="")
    start_value: Mapped[float | None] = mapped_column(Float)
    target_value: Mapped[float | None] = mapped_column(Float)
    current_value: Mapped[float | None] = mapped_column(Float)
    resources: Mapped[str] = mapped_column(Text, default="", server_default="")
    obstacles: Mapped[str] = mapped_column(Text, default="", server_default="")
    why: Mapped[str] = mapped_column(Text, default="", server_default="")
    start_date: Mapped[date | None] = mapped_column(Date)
    due_date: Mapped[date | None] = mapped_column(Date, index=True)
    # A long-term goal's short-term children point at it; never a cycle.
    parent_id: Mapped[int | None] = mapped_column(
        ForeignKey("goals.id", ondelete="SET NULL"), index=True
    )
    tag: Mapped[str] = mapped_column(String(200), default="", server_default="")
    done_at: Mapped[datetime | None] = mapped_column(Instant)
    created_at: Mapped[datetime] = mapped_column(Instant)
    updated_at: Mapped[datetime] = mapped_column(Instant)
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")

    __mapper_args__ = {"version_id_col": version}


class TaskRow(Base):
    __tablename__ = "tasks"
    __table_args__ = (Index("ix_tasks_open_due", "done", "due"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    goal_id: Mapped[int] = mapped_column(ForeignKey("goals.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(Text)
    due: Mapped[date | None] = mapped_column(Date)
    done: Mapped[bool] = mapped_column(Boolean, default=False)
    done_on: Mapped[date | None] = mapped_column(Date)
    # A skill gap this task closes (a learning task).
    skill_id: Mapped[int | None] = mapped_column(ForeignKey("skills.id", ondelete="SET NULL"))
    position: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(Instant)
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")

    __mapper_args__ = {"version_id_col": version}


class ProgressRow(Base):
    """A goal's progress from a moment on: one row per change, for the trend."""

    __tablename__ = "goal_progress"
    __table_args__ = (Index("ix_goal_progress_goal_time", "goal_id", "recorded_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    goal_id: Mapped[int] = mapped_column(ForeignKey("goals.id", ondelete="CASCADE"))
    percent: Mapped[float] = mapped_column(Float)
    recorded_at: Mapped[datetime] = mapped_column(Instant)


class TimelineEventRow(Base):
    """A moment of the professional journey; the app adds some (a goal completed)."""

    __tablename__ = "timeline_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    occurred_on: Mapped[date] = mapped_column(Date, index=True)
    # How much of occurred_on is known: "day", "month" or "year".
    precision: Mapped[str] = mapped_column(String(5), default="day")
    title: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(20))  # milestone, role change, setback, ...
    what: Mapped[str] = mapped_column(Text, default="")
    lesson: Mapped[str] = mapped_column(Text, default="")
    # "user", or what made it: "goal", "checkin", "ranking".
    source: Mapped[str] = mapped_column(String(20), default="user")
    source_id: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(Instant)
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")

    __mapper_args__ = {"version_id_col": version}


goal_values = Table(
    "goal_values",
    Base.metadata,
    Column("goal_id", ForeignKey("goals.id", ondelete="CASCADE"), primary_key=True),
    Column("value_id", ForeignKey("core_values.id", ondelete="CASCADE"), primary_key=True,
           index=True),
)


class CheckinStateRow(Base):
    """Per kind of check-in: the day its schedule started (nothing before it is
    missed) and a snooze."""

    __tablename__ = "checkin_state"

    kind: Mapped[str] = mapped_column(String(10), primary_key=True)
    started_on: Mapped[date] = mapped_column(Date)
    snoozed_until: Mapped[date | None] = mapped_column(Date)


class CheckinRow(Base):
    """A check-in, open (answers saved as they are typed) or done."""

    __tablename__ = "checkins"
    __table_args__ = (Index("ix_checkins_kind_status_end", "kind", "status", "period_end"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(10))
    status: Mapped[str] = mapped_column(String(10), default="open")  # open, done
    period_start: Mapped[date] = mapped_column(Date)
    period_end: Mapped[date] = mapped_column(Date)
    answers: Mapped[str] = mapped_column(Text, default="{}")  # JSON
    energy: Mapped[int | None] = mapped_column(Integer)
    fulfilment: Mapped[int | None] = mapped_column(Integer)
    entry_id: Mapped[int | None] = mapped_column(
        ForeignKey("entries.id", ondelete="SET NULL"), index=True)
    started_at: Mapped[datetime] = mapped_column(Instant)
    updated_at: Mapped[datetime] = mapped_column(Instant)
    completed_at: Mapped[datetime | None] = mapped_column(Instant)
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")

    __mapper_args__ = {"version_id_col": version}


timeline_event_values = Table(
    "timeline_event_values",
    Base.metadata,
    Column("event_id", ForeignKey("timeline_events.id", ondelete="CASCADE"), primary_key=True),
    Column("value_id", ForeignKey("core_values.id", ondelete="CASCADE"), primary_key=True,
           index=True),
)

timeline_event_skills = Table(
    "timeline_event_skills",
    Base.metadata,
    Column("event_id", ForeignKey("timeline_events.id", ondelete="CASCADE"), primary_key=True),
    Column("skill_id", ForeignKey("skills.id", ondelete="CASCADE"), primary_key=True,
           index=True),
)


class VisionCardRow(Base):
    """A card on the vision board; pinned cards come first, then by position."""

    __tablename__ = "vision_cards"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(12))  # aspiration, quote, affirmation, image
    text: Mapped[str] = mapped_column(Text, default="")
    author: Mapped[str] = mapped_column(String(200), default="")
    image: Mapped[str] = mapped_column(Text, default="")
    caption: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(Integer)
    pinned: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(Instant)
    updated_at: Mapped[datetime] = mapped_column(Instant)
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")

    __mapper_args__ = {"version_id_col": version}


class VisionTextRow(Base):
    """Single texts of the vision, by key: "purpose"."""

    __tablename__ = "vision_texts"

    key: Mapped[str] = mapped_column(String(20), primary_key=True)
    text: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime] = mapped_column(Instant)
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")

    __mapper_args__ = {"version_id_col": version}


class NarrativeVersionRow(Base):
    """Every saved version of the career narrative; the newest is the current one."""

    __tablename__ = "narrative_versions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    text: Mapped[str] = mapped_column(Text)
    note: Mapped[str] = mapped_column(String(100), default="")
    created_at: Mapped[datetime] = mapped_column(Instant, index=True)
    # The version this one was written over (0: the first). Unique, so two windows
    # saving over the same version cannot both succeed; imported versions have none.
    follows_id: Mapped[int | None] = mapped_column(Integer, unique=True)
