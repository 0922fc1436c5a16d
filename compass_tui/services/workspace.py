"""One open journal as the shell sees it: the repository every tab shares, each
service over it, and what the shell asks of the database's home (is it private, the
day's backup). The shell holds this, never the store."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from compass_tui.domain.schedule import Schedule
from compass_tui.services.assessment import AssessmentService
from compass_tui.services.changes import ChangeWatch
from compass_tui.services.checkins import CheckinService
from compass_tui.services.clock import Clock
from compass_tui.services.daily_backup import make_daily_backup
from compass_tui.services.drafts import DraftService
from compass_tui.services.entry_templates import TemplateService
from compass_tui.services.goals import GoalsService
from compass_tui.services.insights import InsightsService
from compass_tui.services.journal import JournalService
from compass_tui.services.review import ReviewService
from compass_tui.services.timeline import TimelineService
from compass_tui.services.values import ValuesService
from compass_tui.services.vision import VisionService
from compass_tui.store.engine import sqlite_path
from compass_tui.store.permissions import warning_for
from compass_tui.store.repository import Repository

__all__ = ["Repository", "Workspace"]


class Workspace:
    """Every service of one journal, built over the one repository."""

    def __init__(self, repo: Repository, clock: Clock, schedule: Schedule) -> None:
        self.db_file: Path | None = sqlite_path(repo.engine.url)  # None unless SQLite
        self._url = repo.engine.url  # for the daily backup (a passphrase: in memory)
        self.journal = JournalService(repo, clock)
        self.drafts = DraftService(repo, clock)
        self.values = ValuesService(repo, clock)
        self.assessment = AssessmentService(repo, clock)
        self.goals = GoalsService(repo, clock)
        self.timeline = TimelineService(repo, clock)
        self.vision = VisionService(repo, clock)
        self.templates = TemplateService(repo, clock)
        self.checkins = CheckinService(repo, clock, schedule)
        self.changes = ChangeWatch(repo)
        self.insights = InsightsService(repo, clock)
        self.review = ReviewService(repo, clock)

    def privacy_warning(self) -> str | None:
        """What others on this machine can read of the journal's files, in words."""
        return warning_for(self.db_file) if self.db_file is not None else None

    def daily_backup(self, today: date, keep: int) -> Path | None:
        """The day's backup (BackupFailed says why not); None when there is one."""
        return make_daily_backup(self._url, today, keep=keep)
