"""`compass insights` reads a journal at this schema straight (a SQLite file with the
standard library, a PostgreSQL server with its driver), without the database toolkit:
the same figures as the repository's, to the last digit, for every period."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest

from compass_tui.domain.assessment import FeedbackInput, SkillInput
from compass_tui.domain.entries import EntryInput
from compass_tui.domain.goals import GoalInput
from compass_tui.domain.insights import Period
from compass_tui.services.insights import Insights, InsightsService
from compass_tui.store.due_reader import server_url, sqlite_file
from compass_tui.store.quick_insights import (
    QuickInsights,
    UnreadableError,
    open_quick_insights,
    open_server_insights,
)
from compass_tui.store.repository import Repository
from tests.conftest import fixed_clock
from tests.insights_seed import LAST_DAY, seed_ratings

PERIODS = [
    Period(date(2025, 12, 16), LAST_DAY, "days"),
    Period(None, LAST_DAY, "all"),
    Period(date(2026, 3, 1), date(2026, 3, 31), "month"),
    Period(date(2026, 2, 20), date(2026, 3, 10)),
    Period(None, date(2026, 2, 28)),
    Period(date(2030, 1, 1), date(2030, 12, 31), "year"),  # nothing in it
]


def fill(repo: Repository) -> None:
    seed_ratings(repo)
    skill = repo.skills.add(SkillInput(name="Mentoring", category="soft", level=3))
    for giver in ("Ana Lima", "ana   lima", "Ben Okafor"):
        repo.skills.add_feedback(FeedbackInput(skill_id=skill.id, giver=giver,
                                               said="clear", given_on=date(2026, 3, 1)))
    repo.goals.create(GoalInput(title="Grow as a mentor", horizon="long", tag="mentoring"),
                      fixed_clock())
    repo.goals.create(GoalInput(title="Fewer status meetings", horizon="short",
                                tag="status-meetings"), fixed_clock())
    gone = repo.entries.add(EntryInput(entry_date=datetime(2026, 3, 14, 12),
                                       title="Deleted", tags=["mentoring"],
                                       fulfilment=1, energy=1))
    repo.entries.trash(gone.id)


@pytest.fixture
def journal(tmp_path: Path, sqlite_template: Path) -> Path:
    import shutil

    path = tmp_path / "journal.db"
    shutil.copyfile(sqlite_template, path)
    path.chmod(0o600)
    repo = Repository.open(f"sqlite:///{path}")
    try:
        fill(repo)
    finally:
        repo.close()
    return path


def read_straight(db_url: str) -> QuickInsights | None:
    path = sqlite_file(db_url)
    if path is not None:
        return open_quick_insights(path)
    server = server_url(db_url)
    assert server is not None
    return open_server_insights(server)


def plain(insights: Insights) -> Insights:
    """The figures, each moment's entry by its fields (a line when read straight, a
    summary from the repository)."""
    return replace(insights, moments=[
        (m.entry.id, m.entry.entry_date, m.entry.title, m.entry.tags, m.entry.starred,
         m.fulfilment, m.energy, m.reason) for m in insights.moments])


def test_read_straight_the_figures_are_the_repository_s(repo: Repository,
                                                         db_url: str) -> None:
    """On both databases, for every kind of period and minimum."""
    fill(repo)
    reader = read_straight(db_url)
    assert reader is not None
    try:
        for minimum in (1, 5):
            for period in PERIODS:
                expected = InsightsService(repo, fixed_clock,
                                           min_entries=minimum).insights(period)
                found = InsightsService.from_file(reader, fixed_clock,
                                                  min_entries=minimum).insights(period)
                assert plain(found) == plain(expected), (period, minimum)
                if period.kind == "days":  # the comparison is not of empty figures
                    assert found.by_person and found.by_goal and found.moments
                    assert found.by_tag and found.streaks.best > 1
    finally:
        reader.close()


@pytest.mark.empty_database
def test_a_journal_not_made_yet_is_left_to_the_repository(db_url: str) -> None:
    assert read_straight(db_url) is None


def test_an_older_schema_or_no_file_is_left_to_the_repository(journal: Path,
                                                             tmp_path: Path) -> None:
    import sqlite3

    assert open_quick_insights(tmp_path / "none.db") is None
    with sqlite3.connect(journal) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0011_edit_versions'")
    conn.close()
    assert open_quick_insights(journal) is None
    (tmp_path / "junk.db").write_bytes(b"not a database at all" * 100)
    with pytest.raises(UnreadableError):
        open_quick_insights(tmp_path / "junk.db")


def test_the_command_loads_neither_the_database_toolkit_nor_the_models(
        journal: Path) -> None:
    """What makes it fast: asked in a fresh interpreter, as the command runs."""
    probe = ("import sys; from compass_tui.cli import main; "
             f"main(['--db', {str(journal)!r}, 'insights', '--all']); "
             "print([m for m in ('sqlalchemy', 'pydantic', 'compass_tui.domain.entries')"
             " if m in sys.modules])")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          check=True)
    assert done.stdout.splitlines()[-1] == "[]"
    assert "@mentoring" in done.stdout


def test_the_checkin_tag_left_out_is_the_one_check_ins_write() -> None:
    from compass_tui.domain.checkin_tag import CHECKIN_TAG
    from compass_tui.domain.checkins import ENTRY_TAG

    assert CHECKIN_TAG == ENTRY_TAG


def test_a_file_that_fails_half_way_is_read_the_repository_s_way(
        journal: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    from compass_tui.cli import main
    from compass_tui.store.quick_insights import QuickInsights

    assert main(["--db", str(journal), "insights", "--all"]) == 0
    straight = capsys.readouterr().out

    def fails(*_args: object, **_kwargs: object) -> None:
        raise UnreadableError("cannot read it: disk I/O error")

    monkeypatch.setattr(QuickInsights, "by_tag", fails)
    assert main(["--db", str(journal), "insights", "--all"]) == 0
    assert capsys.readouterr().out == straight
