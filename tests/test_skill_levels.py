"""A skill's level history: written when a level is set, exported and imported back,
and read by the review of a period as "from level -> to level"."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest

from compass_tui.domain.assessment import SkillInput, SkillLevel
from compass_tui.domain.insights import Period
from compass_tui.domain.review import SkillLevelMove, skill_level_moves
from compass_tui.services.assessment import AssessmentService
from compass_tui.services.importers import ImportService, read_batch
from compass_tui.services.review import ReviewService
from compass_tui.services.review_format import review_json, review_markdown
from compass_tui.store import skills_store
from compass_tui.store.repository import Repository
from tests.conftest import fixed_clock
from tests.import_helpers import export_json

Q1 = Period(datetime(2026, 1, 1).date(), datetime(2026, 3, 31).date(), "quarter")


class StoreClock:
    """The moment the skills store stamps rows with, set by the test."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.now = datetime(2025, 11, 1, 9)
        monkeypatch.setattr(skills_store, "timestamp", lambda: self.now)


def level(skill_id: int, name: str, value: int, at: datetime) -> SkillLevel:
    return SkillLevel(skill_id=skill_id, name=name, level=value, recorded_at=at)


# -- the rule ---------------------------------------------------------------------------


def test_a_move_is_from_the_level_at_the_start_to_the_level_at_the_end() -> None:
    history = [
        level(1, "Python", 3, datetime(2025, 6, 1)),
        level(1, "Python", 4, datetime(2026, 2, 1)),
        level(2, "Writing", 2, datetime(2025, 6, 1)),
        level(2, "Writing", 4, datetime(2026, 1, 5)),
        level(2, "Writing", 2, datetime(2026, 3, 1)),  # up and back: no change
        level(3, "SQL", 1, datetime(2026, 1, 10)),  # added in the period, then raised
        level(3, "SQL", 3, datetime(2026, 3, 31, 23, 59)),
        level(4, "Kotlin", 2, datetime(2026, 2, 2)),  # added, never changed
        level(5, "Go", 2, datetime(2025, 1, 1)),
        level(5, "Go", 5, datetime(2026, 4, 1)),  # after the period
    ]
    moves = skill_level_moves(history, Q1.start_at, Q1.end_before)
    assert moves == [SkillLevelMove("Python", 3, 4), SkillLevelMove("SQL", 1, 3)]
    # All time: from where each was first set.
    assert skill_level_moves(history, None, datetime(2027, 1, 1)) == [
        SkillLevelMove("Go", 2, 5), SkillLevelMove("Python", 3, 4),
        SkillLevelMove("SQL", 1, 3)]


# -- the store, on both databases --------------------------------------------------------


def test_a_row_each_time_the_level_is_set_and_only_then(
        repo: Repository, monkeypatch: pytest.MonkeyPatch) -> None:
    clock = StoreClock(monkeypatch)
    skill = repo.skills.add(SkillInput(name="Python", category="technical", level=3))
    clock.now = datetime(2026, 1, 10, 9)
    skill = repo.skills.update(skill.id, SkillInput(
        name="Python 3", category="technical", level=3, evidence="a course"),
        expected_version=skill.version)  # no level change: no row
    clock.now = datetime(2026, 2, 10, 9)
    skill = repo.skills.update(skill.id, SkillInput(name="Python 3", category="technical",
                                                    level=4), expected_version=skill.version)
    repo.skills.set_gap(skill.id, True)
    assert [(h.name, h.level, h.recorded_at) for h in repo.skills.level_history()] == [
        ("Python 3", 3, datetime(2025, 11, 1, 9)), ("Python 3", 4, datetime(2026, 2, 10, 9))]
    repo.skills.delete(skill.id)
    assert repo.skills.level_history() == []  # the history goes with the skill


def test_a_save_refused_as_stale_writes_no_level(repo: Repository) -> None:
    from compass_tui.services.errors import ChangedElsewhereError

    skill = repo.skills.add(SkillInput(name="SQL", category="technical", level=2))
    repo.skills.update(skill.id, SkillInput(name="SQL", category="technical", level=3),
                       expected_version=skill.version)
    with pytest.raises(ChangedElsewhereError):
        repo.skills.update(skill.id, SkillInput(name="SQL", category="technical", level=5),
                           expected_version=skill.version)
    assert [h.level for h in repo.skills.level_history()] == [2, 3]


# -- the review --------------------------------------------------------------------------


def test_the_review_lists_the_skills_whose_level_changed(
        repo: Repository, monkeypatch: pytest.MonkeyPatch) -> None:
    clock = StoreClock(monkeypatch)
    assessment = AssessmentService(repo, fixed_clock)
    python = assessment.add_skill(SkillInput(name="Python", category="technical", level=3))
    steady = assessment.add_skill(SkillInput(name="Facilitation", category="soft", level=2))
    clock.now = datetime(2026, 2, 14, 17)
    assessment.update_skill(python.id, SkillInput(name="Python", category="technical",
                                                  level=4))
    assessment.update_skill(steady.id, SkillInput(name="Facilitation", category="soft",
                                                  level=2, evidence="ran two retros"))
    clock.now = datetime(2026, 4, 2, 9)  # the next quarter
    assessment.update_skill(steady.id, SkillInput(name="Facilitation", category="soft",
                                                  level=3))
    review = ReviewService(repo, fixed_clock).build(Q1)
    assert review.skill_levels == [SkillLevelMove("Python", 3, 4)]
    text = review_markdown(review)
    assert "## Skills whose level changed\n\n- Python: 3/5 → 4/5\n" in text
    assert "Facilitation: 2/5" not in text
    assert review_json(review)["skill_levels"] == [{"name": "Python", "from": 3, "to": 4}]
    later = ReviewService(repo, fixed_clock).build(
        Period(datetime(2026, 4, 1).date(), datetime(2026, 6, 30).date(), "quarter"))
    assert review_json(later)["skill_levels"] == [{"name": "Facilitation", "from": 2,
                                                   "to": 3}]


# -- export and import -------------------------------------------------------------------


def test_the_history_is_exported_and_imported_back(
        repo: Repository, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    clock = StoreClock(monkeypatch)
    skill = repo.skills.add(SkillInput(name="Python", category="technical", level=3))
    clock.now = datetime(2026, 2, 14, 17)
    repo.skills.update(skill.id, SkillInput(name="Python", category="technical", level=4),
                       expected_version=skill.version)
    first = export_json(repo, fixed_clock)
    assert first["skill_history"] == [
        {"name": "Python", "level": 3, "at": "2025-11-01T09:00:00"},
        {"name": "Python", "level": 4, "at": "2026-02-14T17:00:00"}]
    path = tmp_path / "export.json"
    path.write_text(json.dumps(first), encoding="utf-8")
    other = Repository.open(f"sqlite:///{tmp_path / 'other.db'}")
    try:
        ImportService(other, fixed_clock).write(read_batch("compass", str(path)))
        assert export_json(other, fixed_clock)["skill_history"] == first["skill_history"]
        assert ImportService(other, fixed_clock).write(
            read_batch("compass", str(path))).added == 0
        assert len(other.skills.level_history()) == 2  # nothing twice
    finally:
        other.close()


def test_an_import_ends_each_history_at_the_level_the_skill_holds(
        repo: Repository, tmp_path: Path) -> None:
    """A file from before the history, or one whose history stops short, gains the
    skill's level as of the import; a line naming no skill of the file is refused."""
    doc = {"format": "compass-tui", "version": 1, "entries": [],
           "assessment": {"skills": [
               {"name": "Python", "category": "technical", "level": 4},
               {"name": "SQL", "category": "technical", "level": 2}]},
           "skill_history": [{"name": "Python", "level": 2, "at": "2025-05-01T09:00:00"}]}
    path = tmp_path / "old.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    ImportService(repo, fixed_clock).write(read_batch("compass", str(path)))
    history = [(h.name, h.level) for h in repo.skills.level_history()]
    assert history == [("Python", 2), ("Python", 4), ("SQL", 2)]
    doc["skill_history"].append({"name": "Rust", "level": 1, "at": "2025-05-01T09:00:00"})
    path.write_text(json.dumps(doc), encoding="utf-8")
    refused = [str(r) for r in read_batch("compass", str(path)).refused]
    assert refused == [
        "skill_history ('Rust' at 2025-05-01 09:00): no skill of that name in the file"]
