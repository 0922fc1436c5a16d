from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date

import pytest
from pydantic import ValidationError
from sqlalchemy import event, text

from compass_tui.domain.assessment import FeedbackInput, SkillInput
from compass_tui.store.entries_store import NotFoundError
from compass_tui.store.errors import DuplicateNameError
from compass_tui.store.repository import Repository


def skill(name: str, category: str = "technical", level: int = 3, **more: object) -> SkillInput:
    return SkillInput(name=name, category=category, level=level, **more)


def said(skill_id: int | None, words: str, given_on: date | None = None) -> FeedbackInput:
    return FeedbackInput(skill_id=skill_id, giver="Ana", given_on=given_on, said=words)


def row_count(repo: Repository, table: str) -> int:
    with repo.engine.connect() as conn:
        return conn.execute(text(f"SELECT count(*) FROM {table}")).scalar_one()


@contextmanager
def counted_statements(repo: Repository) -> Iterator[list[str]]:
    seen: list[str] = []

    def record(_conn, _cursor, statement, *_args) -> None:
        seen.append(statement)

    event.listen(repo.engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(repo.engine, "before_cursor_execute", record)


def test_add_and_get_round_trip(repo: Repository) -> None:
    saved = repo.skills.add(skill("  Public   speaking ", "soft", 4, evidence="Talk at PyCon"))
    assert saved.name == "Public speaking"
    got = repo.skills.get(saved.id)
    assert got is not None
    assert (got.name, got.category, got.level, got.evidence, got.is_gap, got.feedback_count) == (
        "Public speaking", "soft", 4, "Talk at PyCon", False, 0)
    assert repo.skills.get(9999) is None


@pytest.mark.parametrize("again", ["Python", "python", " PYTHON ", "pyThon"])
def test_duplicate_names_are_refused_and_nothing_is_written(repo: Repository,
                                                            again: str) -> None:
    repo.skills.add(skill("Python"))
    with pytest.raises(DuplicateNameError, match="there is already a skill called 'Python'"):
        repo.skills.add(skill(again, "soft", 1))
    assert row_count(repo, "skills") == 1
    assert repo.skills.list()[0].category == "technical"


def test_names_compare_without_regard_to_inner_spacing(repo: Repository) -> None:
    repo.skills.add(skill("Public speaking", "soft"))
    with pytest.raises(DuplicateNameError):
        repo.skills.add(skill("public    SPEAKING", "soft"))
    assert row_count(repo, "skills") == 1


def test_rename_onto_another_name_is_refused_but_recasing_is_fine(repo: Repository) -> None:
    repo.skills.add(skill("SQL"))
    other = repo.skills.add(skill("Rust", level=2))
    with pytest.raises(DuplicateNameError, match="'SQL'"):
        repo.skills.update(other.id, skill("sql", level=5))
    assert repo.skills.get(other.id).name == "Rust"
    assert repo.skills.get(other.id).level == 2
    renamed = repo.skills.update(other.id, skill("RUST", level=3))
    assert (renamed.name, renamed.level) == ("RUST", 3)


def test_the_model_refuses_bad_levels_and_empty_names() -> None:
    for level in (0, 6):
        with pytest.raises(ValidationError):
            skill("Python", level=level)
    with pytest.raises(ValidationError, match="cannot be empty"):
        skill("   ")
    with pytest.raises(ValidationError):
        skill("Python", category="magic")


def test_missing_ids_raise_not_found(repo: Repository) -> None:
    with pytest.raises(NotFoundError):
        repo.skills.update(42, skill("Go"))
    with pytest.raises(NotFoundError):
        repo.skills.delete(42)
    with pytest.raises(NotFoundError):
        repo.skills.add_feedback(said(42, "Great"))
    with pytest.raises(NotFoundError):
        repo.skills.delete_feedback(42)
    assert row_count(repo, "feedback") == 0


def test_feedback_counts_come_from_one_query(repo: Repository) -> None:
    python = repo.skills.add(skill("Python"))
    rust = repo.skills.add(skill("Rust"))
    listening = repo.skills.add(skill("Listening", "soft"))
    for words in ("Clean code", "Great tests", "Fast reviews"):
        repo.skills.add_feedback(said(python.id, words))
    repo.skills.add_feedback(said(listening.id, "Patient"))
    repo.skills.add_feedback(said(None, "A pleasure to work with"))  # on no skill

    with counted_statements(repo) as statements:
        counts = {s.name: s.feedback_count for s in repo.skills.list()}
    assert counts == {"Listening": 1, "Python": 3, "Rust": 0}
    assert len(statements) == 1
    assert repo.skills.get(python.id).feedback_count == 3
    assert repo.skills.get(rust.id).feedback_count == 0
    assert repo.skills.update(python.id, skill("Python", level=5)).feedback_count == 3


def test_sort_and_filter(repo: Repository) -> None:
    repo.skills.add(skill("Teaching", "transferable", 4))
    repo.skills.add(skill("Empathy", "soft", 5))
    repo.skills.add(skill("Kubernetes", "technical", 1, is_gap=True))
    repo.skills.add(skill("Python", "technical", 4))
    repo.skills.add(skill("negotiation", "soft", 2, is_gap=True))

    def names(**query: object) -> list[str]:
        return [s.name for s in repo.skills.list(**query)]

    assert names() == ["Empathy", "Kubernetes", "negotiation", "Python", "Teaching"]
    assert names(sort="level") == ["Empathy", "Python", "Teaching", "negotiation", "Kubernetes"]
    # Categories in the app's order (technical, soft, transferable), names within.
    assert names(sort="category") == ["Kubernetes", "Python", "Empathy", "negotiation",
                                      "Teaching"]
    assert names(category="soft") == ["Empathy", "negotiation"]
    assert names(min_level=4) == ["Empathy", "Python", "Teaching"]
    assert names(gaps_only=True) == ["Kubernetes", "negotiation"]
    assert names(category="technical", min_level=2, gaps_only=True) == []
    assert names(category="technical", gaps_only=True) == ["Kubernetes"]


def test_feedback_is_listed_newest_first_with_undated_last(repo: Repository) -> None:
    python = repo.skills.add(skill("Python"))
    repo.skills.add_feedback(said(python.id, "old", date(2024, 1, 5)))
    repo.skills.add_feedback(said(python.id, "undated"))
    repo.skills.add_feedback(said(python.id, "new", date(2025, 6, 1)))
    repo.skills.add_feedback(said(python.id, "middle", date(2024, 11, 30)))
    repo.skills.add_feedback(said(None, "general", date(2025, 1, 1)))
    assert [f.said for f in repo.skills.feedback_for(python.id)] == [
        "new", "middle", "old", "undated"]
    assert [f.said for f in repo.skills.all_feedback()] == [
        "new", "general", "middle", "old", "undated"]
    first = repo.skills.feedback_for(python.id)[0]
    assert (first.giver, first.given_on, first.skill_id) == ("Ana", date(2025, 6, 1), python.id)


def test_feedback_goes_with_its_skill(repo: Repository) -> None:
    python = repo.skills.add(skill("Python"))
    kept = repo.skills.add(skill("Go"))
    repo.skills.add_feedback(said(python.id, "Neat"))
    repo.skills.add_feedback(said(python.id, "Tidy"))
    repo.skills.add_feedback(said(kept.id, "Quick"))
    repo.skills.add_feedback(said(None, "Kind"))
    assert row_count(repo, "feedback") == 4

    repo.skills.delete(python.id)
    assert repo.skills.get(python.id) is None
    assert repo.skills.feedback_for(python.id) == []
    assert row_count(repo, "feedback") == 2  # removed by the database, not by hand
    assert sorted(f.said for f in repo.skills.all_feedback()) == ["Kind", "Quick"]


def test_delete_feedback(repo: Repository) -> None:
    python = repo.skills.add(skill("Python"))
    first = repo.skills.add_feedback(said(python.id, "One"))
    repo.skills.add_feedback(said(python.id, "Two"))
    repo.skills.delete_feedback(first.id)
    assert [f.said for f in repo.skills.feedback_for(python.id)] == ["Two"]
    assert repo.skills.get(python.id).feedback_count == 1
