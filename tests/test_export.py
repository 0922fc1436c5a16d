"""The JSON export: the contract's shape, every part present, entries streamed, files whole."""

from __future__ import annotations

import io
import json
from datetime import date, datetime
from pathlib import Path

import pytest

from compass_tui.domain.entries import EntryInput
from compass_tui.domain.goals import GoalInput, TaskInput
from compass_tui.domain.values import ValueInput
from compass_tui.services.atomic import atomic_text_file
from compass_tui.services.export import FORMAT, VERSION, ExportService
from compass_tui.services.goals import GoalsService
from compass_tui.store.repository import Repository
from tests.conftest import NOW, fixed_clock


def export(repo: Repository) -> dict:
    out = io.StringIO()
    ExportService(repo, fixed_clock).write_json(out)
    return json.loads(out.getvalue())


def test_empty_database_exports_every_contract_key(repo: Repository) -> None:
    data = export(repo)
    for key in ("format", "version", "entries", "values", "goals", "timeline", "vision",
                "checkins"):
        assert key in data
    assert (data["format"], data["version"]) == (FORMAT, VERSION)
    assert data["entries"] == [] and data["goals"] == []
    assert data["exported_at"] == NOW.isoformat(timespec="seconds")


def test_entries_values_and_goals_in_the_contract_shape(repo: Repository) -> None:
    repo.entries.add(EntryInput(title="Café ☕ with Ana", body="Long talk.\n\n全角 text",
                                entry_date=datetime(2026, 3, 14, 8, 5), tags=["mentor"],
                                starred=True))
    repo.values.add(ValueInput(name="Growth"), NOW)
    repo.values.add(ValueInput(name="Craft"), NOW)
    goals = GoalsService(repo, fixed_clock)
    goal = goals.create(GoalInput(title="Ship the portal", horizon="short",
                                  due_date=date(2026, 6, 30)))
    task = goals.add_task(TaskInput(goal_id=goal.id, title="Write the spec",
                                    due=date(2026, 3, 20)))
    goals.toggle_task(task.id)
    data = export(repo)
    [entry] = data["entries"]
    assert entry | {"date": "2026-03-14", "title": "Café ☕ with Ana",
                    "body": "Long talk.\n\n全角 text", "tags": ["mentor"]} == entry
    assert [(v["name"], v["rank"]) for v in data["values"]] == [("Growth", 1), ("Craft", 2)]
    [exported] = data["goals"]
    assert {k: exported[k] for k in ("title", "horizon", "due", "status")} == {
        "title": "Ship the portal", "horizon": "short", "due": "2026-06-30",
        "status": "active"}
    assert [{k: t[k] for k in ("title", "due", "done")} for t in exported["tasks"]] == [
        {"title": "Write the spec", "due": "2026-03-20", "done": True}]
    assert [p["percent"] for p in exported["progress"]] == [0.0, 100.0]


def test_completed_goal_milestone_is_in_the_timeline(repo: Repository) -> None:
    goals = GoalsService(repo, fixed_clock)
    goal = goals.create(GoalInput(title="Run a workshop"))
    goals.update(goal.id, GoalInput(title="Run a workshop", status="done"))
    [event] = export(repo)["timeline"]
    assert (event["date"], event["title"], event["kind"], event["source"]) == (
        "2026-03-15", "Goal completed: Run a workshop", "milestone", "goal")


def test_entries_stream_oldest_first_across_batches(repo: Repository) -> None:
    repo.entries.add_many(
        EntryInput(title=f"Entry {n}", body="", entry_date=datetime(2025, 1, 1 + n % 28, 9, n))
        for n in range(57))
    repo.entries.trash(repo.entries.add(EntryInput(title="Trashed", body="", entry_date=NOW)).id)
    streamed = list(repo.entries.iter_all(batch=10))
    assert len(streamed) == 57
    keys = [(e.entry_date, e.id) for e in streamed]
    assert keys == sorted(keys)
    assert len(export(repo)["entries"]) == 57
    # The export's own read, in smaller batches than the journal: the same entries, in
    # the same order, with the same fields as the models read.
    fields = list(repo.entries.iter_fields(batch=10))
    assert [tuple(f) for f in fields] == [
        (e.entry_date, e.title, e.body, e.tags, e.starred, e.energy, e.fulfilment, e.kind,
         e.template) for e in streamed]


def test_exported_entries_are_as_the_models_read_them(repo: Repository) -> None:
    """Tags written by hand into the database come out cleaned, as the app reads them;
    dates and times as entry_to_dict writes them."""
    from sqlalchemy import update

    from compass_tui.services.entry_format import entry_to_dict
    from compass_tui.store.tables import EntryRow

    first = repo.entries.add(EntryInput(title="Early", entry_date=datetime(1900, 1, 1, 0, 0),
                                        energy=2, kind="checkin", template="Weekly"))
    repo.entries.add(EntryInput(title="Late", body="x", entry_date=datetime(9998, 12, 31, 23, 59),
                                tags=["a"], starred=True, fulfilment=5))
    with repo.entries._sessions.begin() as session:
        session.execute(update(EntryRow).where(EntryRow.id == first.id)
                        .values(tags_text=" Work  work @Mentor bad!tag "))
    exported = export(repo)["entries"]
    assert exported == [entry_to_dict(e) for e in repo.entries.iter_all()]
    assert exported[0]["tags"] == ["work", "mentor"]
    assert (exported[0]["date"], exported[0]["time"]) == ("1900-01-01", "00:00")
    assert (exported[1]["date"], exported[1]["time"]) == ("9998-12-31", "23:59")


def test_atomic_file_keeps_the_old_file_when_writing_fails(tmp_path: Path) -> None:
    target = tmp_path / "export.json"
    target.write_text("old")
    with pytest.raises(RuntimeError), atomic_text_file(target) as out:
        out.write("half")
        raise RuntimeError("disk full")
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["export.json"]


def test_atomic_file_is_private(tmp_path: Path) -> None:
    target = tmp_path / "export.json"
    with atomic_text_file(target) as out:
        out.write("{}")
    assert target.stat().st_mode & 0o777 == 0o600


def test_check_ins_and_the_schedule_are_under_checkins(repo: Repository) -> None:
    from compass_tui.services.checkins import CheckinService

    checkins = CheckinService(repo, fixed_clock)
    checkins.complete(checkins.open_or_start("weekly").id, {"energy": 4, "wins": "Talk"})
    data = export(repo)["checkins"]
    assert data["schedule"] == {"weekly": "sunday", "monthly": "last day", "morning": "off",
                                "evening": "off", "timezone": "local"}
    [done] = data["history"]
    assert (done["kind"], done["period_end"], done["energy"], done["answers"]["wins"]) == (
        "weekly", "2026-03-15", 4, "Talk")


def test_markdown_export_reads_as_one_document(repo: Repository) -> None:
    from compass_tui.domain.timeline import EventInput
    from compass_tui.domain.vision import CardInput
    from compass_tui.services.markdown_export import MarkdownExport
    from compass_tui.services.timeline import TimelineService
    from compass_tui.services.vision import VisionService

    vision = VisionService(repo, fixed_clock)
    vision.set_purpose("Help small teams do careful work.")
    vision.add_card(CardInput(kind="quote", text="Simplicity is hard work", author="R. H."))
    vision.save_narrative("# My story\n\nI started in a bank.")
    TimelineService(repo, fixed_clock).add(EventInput(
        occurred_on=date(2019, 1, 1), precision="year", title="Joined Acme",
        kind="role change", lesson="Small teams teach fast"))
    repo.entries.add(EntryInput(title="Met Ana", body="We talked.", tags=["mentor"],
                                entry_date=datetime(2026, 3, 14, 8, 5), energy=4))
    out = io.StringIO()
    assert MarkdownExport(repo, fixed_clock).write(out) == 1
    text = out.getvalue()
    for part in ("## Purpose\n\nHelp small teams do careful work.",
                 "## Career narrative", "## My story", "> Simplicity is hard work",
                 "### 2019", "◆ **2019** Joined Acme", "## Lessons learned",
                 "- Small teams teach fast (2019, Joined Acme)",
                 "### Saturday 14 March 2026", "#### 08:05 Met Ana",
                 "_@mentor · energy 4/5_", "We talked."):
        assert part in text, part


def test_markdown_timeline_has_one_bullet_per_event(repo: Repository) -> None:
    from compass_tui.services.markdown_export import MarkdownExport

    repo.timeline.add_event(occurred_on=date(2026, 12, 2), title="New top value: Growth",
                            kind="other", source="ranking", now=datetime(2026, 12, 2, 9))
    out = io.StringIO()
    MarkdownExport(repo, fixed_clock).write(out)
    assert "\n- **2 Dec 2026** New top value: Growth _(other)_\n" in out.getvalue()
    assert "- •" not in out.getvalue()


def test_split_export_writes_one_private_file_per_entry(repo: Repository,
                                                        tmp_path: Path) -> None:
    from compass_tui.services.split_export import write_split

    for title in ("Met Ana: the talk", "Met Ana: the talk", "a/b\\c?"):
        repo.entries.add(EntryInput(title=title, body="Body ✓", tags=["mentor"], starred=True,
                                    entry_date=datetime(2026, 3, 14, 8, 5)))
    folder = tmp_path / "notes"
    assert write_split(repo, folder) == 3
    names = sorted(p.name for p in folder.iterdir())
    assert names == ["2026-03-14 Met Ana the talk (2).md", "2026-03-14 Met Ana the talk.md",
                     "2026-03-14 a b c.md"]
    text = (folder / "2026-03-14 Met Ana the talk.md").read_text()
    assert text.startswith('---\ntitle: "Met Ana: the talk"\ndate: 2026-03-14T08:05\n'
                           "tags: [mentor]\nstarred: true\n---\n")
    assert text.endswith("# Met Ana: the talk\n\nBody ✓\n")
    assert folder.stat().st_mode & 0o777 == 0o700
    assert all(p.stat().st_mode & 0o777 == 0o600 for p in folder.iterdir())
    with pytest.raises(FileExistsError):
        write_split(repo, folder)  # never mixed into a folder that holds files
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".notes")]  # no half folder


def test_split_export_through_the_cli(tmp_path: Path) -> None:
    from tests.test_cli import compass

    db = tmp_path / "c.db"
    assert compass("add", "2026-03-14: Met Ana. @mentor", db=db).returncode == 0
    done = compass("export", "--format", "markdown", "--split", str(tmp_path / "out"), db=db)
    assert done.returncode == 0, done.stderr
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["2026-03-14 Met Ana.md"]
    wrong = compass("export", "--split", str(tmp_path / "x"), db=db)  # json cannot split
    assert wrong.returncode == 2 and "--format markdown" in wrong.stderr
