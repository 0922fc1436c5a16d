"""The one Repository every tab shares: an engine, a session factory, and stores."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from sqlalchemy import Engine

from compass_tui.store import migrate
from compass_tui.store.checkins_store import CheckinStore
from compass_tui.store.data_version import DataVersion
from compass_tui.store.drafts_store import DraftStore
from compass_tui.store.engine import make_engine
from compass_tui.store.entries_store import EntryStore, search_kind
from compass_tui.store.goals_store import GoalStore
from compass_tui.store.import_store import ImportStore
from compass_tui.store.insights_store import InsightsStore
from compass_tui.store.reflections_store import PassionStore, PersonalityStore, SwotStore
from compass_tui.store.review_store import ReviewStore
from compass_tui.store.sessions import Sessions
from compass_tui.store.skills_store import SkillStore
from compass_tui.store.timeline_store import TimelineStore
from compass_tui.store.values_store import ValueStore
from compass_tui.store.vision_store import VisionStore


class Repository:
    """Each store method is one unit of work: a session opened, committed, closed;
    `transaction()` makes several of them one.

    Sessions never leave this package, so they are never shared across threads.
    """

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        sessions = self._sessions = Sessions(engine)
        self.entries = EntryStore(sessions, search=search_kind(engine.dialect.name))
        self.drafts = DraftStore(sessions)
        self.values = ValueStore(sessions)
        self.goals = GoalStore(sessions)
        self.skills = SkillStore(sessions)
        self.passions = PassionStore(sessions)
        self.swot = SwotStore(sessions)
        self.personality = PersonalityStore(sessions)
        self.timeline = TimelineStore(sessions)
        self.checkins = CheckinStore(sessions)
        self.vision = VisionStore(sessions)
        self.imports = ImportStore(sessions)
        self.insights = InsightsStore(sessions, search=search_kind(engine.dialect.name))
        self.review = ReviewStore(sessions)
        self.data_version = DataVersion(engine)

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Store calls made on this thread inside the block are saved whole or not at all."""
        with self._sessions.unit():
            yield

    @classmethod
    def open(cls, url: str, *, upgrade: bool = True,
             announce: Callable[[str], None] | None = None) -> Repository:
        """`announce` hears, in words, of an upgrade about to run (see migrate.upgrade)."""
        engine = make_engine(url)
        if upgrade:
            try:
                migrate.upgrade(engine, announce=announce)
            except BaseException:
                engine.dispose()
                raise
        return cls(engine)

    def close(self) -> None:
        self.data_version.close()
        self.engine.dispose()
