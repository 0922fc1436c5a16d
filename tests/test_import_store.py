"""Writing an import: one transaction, nothing twice, what is there already kept."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from compass_tui.domain.goals import GoalInput, TaskInput
from compass_tui.domain.import_records import ImportBatch, Refusal
from compass_tui.domain.values import ValueInput
from compass_tui.services.goals import GoalsService
from compass_tui.services.importers import ImportRefusedError, ImportService, read_batch
from compass_tui.services.vision import VisionService
from compass_tui.store import import_vision
from compass_tui.store.repository import Repository
from tests.conftest import NOW, fixed_clock
from tests.databases import table_counts
from tests.import_helpers import export_json, fill_every_part


@pytest.fixture
def source(tmp_path: Path) -> Iterator[Path]:
    """An export of a journal with something in every part."""
    repo = Repository.open(f"sqlite:///{tmp_path / 'source.db'}")
    try:
        fill_every_part(repo, fixed_clock)
        path = tmp_path / "export.json"
        path.write_text(json.dumps(export_json(repo, fixed_clock), ensure_ascii=False))
        yield path
    finally:
        repo.close()


def imported(repo: Repository, path: Path) -> str:
    return ImportService(repo, fixed_clock).write(read_batch("compass", str(path))).words()


def test_export_import_export_is_the_same(repo: Repository, source: Path) -> None:
    assert imported(repo, source) == (
        "Import: 28 added (3 entries, 3 values, 2 skills, 3 feedback notes, 1 passion, "
        "2 SWOT items, 2 personality results, 2 goals, 2 tasks, 3 timeline events, 1 purpose, "
        "2 cards, 1 narrative version, 1 check-in), 0 already there.")
    again = export_json(repo, fixed_clock)
    assert again == json.loads(source.read_text())


def test_importing_twice_adds_nothing(repo: Repository, source: Path, db_url: str) -> None:
    imported(repo, source)
    before = table_counts(db_url)
    assert imported(repo, source) == "Import: 0 added, 28 already there."
    assert table_counts(db_url) == before


def test_what_is_there_already_is_kept(repo: Repository, source: Path) -> None:
    repo.values.add(ValueInput(name="growth"), NOW)  # same value, other capitals
    repo.values.add(ValueInput(name="Focus"), NOW)
    goals = GoalsService(repo, fixed_clock)
    learn = goals.create(GoalInput(title="Learn Rust", due_date=date(2026, 9, 1)))
    goals.add_task(TaskInput(goal_id=learn.id, title="Read the book"))
    VisionService(repo, fixed_clock).set_purpose("My own purpose.")

    summary = imported(repo, source)
    assert "1 purpose" not in summary and "2 values" in summary and "1 goal," in summary
    ranked = [(v.name, v.rank) for v in repo.values.active()]
    assert ranked == [("growth", 1), ("Focus", 2), ("Autonomy", 3)]
    assert [v.name for v in repo.values.retired()] == ["Craft"]
    assert [t.title for t in goals.tasks(learn.id)] == ["Read the book", "Write a CLI"]
    assert goals.get(learn.id).due_date == date(2026, 9, 1)  # the goal itself untouched
    parent = goals.get(learn.id).parent_id
    assert parent is None  # a goal already there keeps its place in the tree
    assert VisionService(repo, fixed_clock).purpose() == "My own purpose."
    # The new long-term goal found its value links by name, the existing one included.
    lead = next(g for g in repo.goals.all_goals() if g.title == "Lead a team")
    assert {repo.values.get(v).name for v in lead.value_ids} == {"growth", "Craft"}


def test_a_failure_midway_writes_nothing(repo: Repository, source: Path, db_url: str,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    before = table_counts(db_url)

    def broken(*_args: object) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(import_vision, "write_checkins", broken)  # the last part written
    with pytest.raises(RuntimeError, match="disk full"):
        imported(repo, source)
    assert table_counts(db_url) == before


def test_refused_records_stop_the_import_unless_skipped(repo: Repository,
                                                        db_url: str) -> None:
    batch = read_batch("jrnl", str(Path(__file__).parent / "data" / "jrnl-export.json"))
    batch.refused.append(Refusal("entries[9]", "not a date"))
    before = table_counts(db_url)
    service = ImportService(repo, fixed_clock)
    with pytest.raises(ImportRefusedError, match="1 record could not be read"):
        service.write(batch)
    assert table_counts(db_url) == before
    assert service.write(batch, skip_bad=True).words() == (
        "Import: 5 added (5 entries), 0 already there, 1 refused.")


def test_an_empty_batch_writes_nothing(repo: Repository, db_url: str) -> None:
    before = table_counts(db_url)
    assert ImportService(repo, fixed_clock).write(ImportBatch()).words() == (
        "Import: 0 added, 0 already there.")
    assert table_counts(db_url) == before


def test_trashed_entries_come_back_and_passion_links_follow(repo: Repository,
                                                           source: Path) -> None:
    imported(repo, source)
    [passion] = repo.passions.list()
    [linked] = passion.entry_ids
    assert repo.entries.get(linked).title == "Café ☕ with Ana"
    repo.entries.trash(linked)
    assert "1 entry" in imported(repo, source)  # brought back from the file
    assert repo.entries.count() == 3


def test_twin_goals_are_matched_one_to_one(repo: Repository, tmp_path: Path) -> None:
    doc = {"format": "compass-tui", "version": 1, "goals": [
        {"ref": 1, "title": "Learn Rust", "tasks": [{"title": "Read the book"}]},
        {"ref": 2, "title": "Learn Rust", "tasks": [{"title": "Write a CLI"}]},
    ]}
    path = tmp_path / "twins.json"
    path.write_text(json.dumps(doc))
    assert imported(repo, path) == "Import: 4 added (2 goals, 2 tasks), 0 already there."
    assert imported(repo, path) == "Import: 0 added, 4 already there."
    goals = GoalsService(repo, fixed_clock)
    assert [[t.title for t in goals.tasks(g.id)] for g in repo.goals.all_goals()] == [
        ["Read the book"], ["Write a CLI"]]
