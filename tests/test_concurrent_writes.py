"""Two machines (two processes) saving the same thing at the same moment: one wins, the
other is told, and nothing is lost silently. On SQLite and on PostgreSQL."""

from __future__ import annotations

from datetime import datetime

import pytest

from compass_tui.domain.entries import EntryInput
from compass_tui.domain.goals import GoalInput
from compass_tui.domain.values import ValueInput
from compass_tui.services.checkins import CheckinService
from compass_tui.services.goals import GoalsService
from compass_tui.services.journal import JournalService
from compass_tui.services.values import ValuesService
from compass_tui.services.vision import VisionService
from compass_tui.store.entries_store import ConflictError
from compass_tui.store.errors import ChangedElsewhereError
from compass_tui.store.repository import Repository
from tests.concurrency import outcomes, race
from tests.conftest import NOW, fixed_clock
from tests.edit_kinds import KINDS, save_kind

DAY = datetime(2026, 3, 1, 9, 0)


def save_entry(repo: Repository, entry_id: int, title: str) -> int:
    try:
        return repo.entries.update(entry_id, EntryInput(entry_date=DAY, title=title),
                                   expected_version=1).version
    except ConflictError as exc:
        raise ChangedElsewhereError("entry", exc.current) from exc


def test_two_processes_saving_one_entry_at_once_one_is_told(repo: Repository,
                                                            db_url: str) -> None:
    entry = repo.entries.add(EntryInput(entry_date=DAY, title="Plan"))
    found = race(db_url, "UPDATE entries", save_entry, (entry.id, "Mine"), (entry.id, "Theirs"))
    assert outcomes(found) == ["ChangedElsewhereError", "ok"]
    [(_, version)] = [f for f in found if f[0] == "ok"]
    saved = repo.entries.get(entry.id)
    assert saved is not None and saved.version == version == 2
    assert saved.title in ("Mine", "Theirs")


def conflict_screen_data(repo: Repository, entry_id: int, title: str) -> str:
    """What the editor's save does: a clash the merge cannot settle is the conflict
    screen's EditConflict, holding theirs and mine."""
    from compass_tui.domain.entries import Draft
    from compass_tui.services.journal import EditConflict

    journal = JournalService(repo, fixed_clock)
    opened = journal.get(entry_id)
    try:
        journal.save_draft(Draft(key="k", entry_id=entry_id, entry_version=1, title=title,
                                 body="", when_text="2026-03-01 09:00"), opened)
    except EditConflict as conflict:
        return f"conflict: theirs {conflict.theirs.title}, mine {conflict.mine.title}"
    return "saved"


def test_the_editor_that_loses_the_race_gets_the_conflict_screen(repo: Repository,
                                                                 db_url: str) -> None:
    entry = repo.entries.add(EntryInput(entry_date=DAY, title="Plan"))
    found = sorted(value for _, value in race(
        db_url, "UPDATE entries", conflict_screen_data, (entry.id, "Mine"),
        (entry.id, "Theirs")))
    assert found in (["conflict: theirs Mine, mine Theirs", "saved"],
                     ["conflict: theirs Theirs, mine Mine", "saved"])


def save_goal(repo: Repository, goal_id: int, title: str) -> int:
    return GoalsService(repo, fixed_clock).update(
        goal_id, GoalInput(title=title, horizon="short"), expected_version=1).version


def test_two_processes_saving_one_goal_at_once(repo: Repository, db_url: str) -> None:
    goal = GoalsService(repo, fixed_clock).create(GoalInput(title="Plan", horizon="short"))
    found = race(db_url, "UPDATE goals", save_goal, (goal.id, "Mine"), (goal.id, "Theirs"))
    assert outcomes(found) == ["ChangedElsewhereError", "ok"]
    saved = repo.goals.get(goal.id)
    assert saved is not None and saved.version == 2 and saved.title in ("Mine", "Theirs")


def save_value(repo: Repository, value_id: int, version: int, meaning: str) -> int:
    return ValuesService(repo, fixed_clock).update(
        value_id, ValueInput(name="Craft", meaning=meaning), expected_version=version).version


def test_two_processes_saving_one_value_at_once(repo: Repository, db_url: str) -> None:
    value = repo.values.add(ValueInput(name="Craft"), NOW)
    found = race(db_url, "UPDATE core_values", save_value, (value.id, value.version, "Mine"),
                 (value.id, value.version, "Theirs"))
    assert outcomes(found) == ["ChangedElsewhereError", "ok"]
    saved = repo.values.get(value.id)
    assert saved is not None and saved.version == value.version + 1
    assert saved.meaning in ("Mine", "Theirs")


def answer(repo: Repository, key: str, text: str) -> int:
    checkins = CheckinService(repo, fixed_clock)
    checkin = checkins.open_or_start("weekly")  # as the screen opens it: version 1
    return checkins.save_answers(checkin.id, {**checkin.answers, key: text})


def test_answers_typed_in_two_windows_at_once_are_both_kept(repo: Repository,
                                                            db_url: str) -> None:
    checkin = CheckinService(repo, fixed_clock).open_or_start("weekly")
    found = race(db_url, "UPDATE checkins", answer, ("wins", "Shipped"),
                 ("setbacks", "A late night"))
    assert outcomes(found) == ["ok", "ok"]
    saved = repo.checkins.get(checkin.id)
    assert saved is not None
    assert saved.answers == {"wins": "Shipped", "setbacks": "A late night"}
    assert saved.version == 3


def test_the_same_answer_typed_in_two_windows_at_once_is_refused_once(
        repo: Repository, db_url: str) -> None:
    checkin = CheckinService(repo, fixed_clock).open_or_start("weekly")
    found = race(db_url, "UPDATE checkins", answer, ("wins", "Shipped"),
                 ("wins", "Gave a talk"))
    assert outcomes(found) == ["ChangedElsewhereError", "ok"]
    saved = repo.checkins.get(checkin.id)
    assert saved is not None and saved.answers["wins"] in ("Shipped", "Gave a talk")


def save_story(repo: Repository, over: int, text: str) -> int:
    saved = VisionService(repo, fixed_clock).save_narrative(text, over=over)
    assert saved is not None
    return saved.id


def test_two_processes_saving_the_narrative_over_one_version(repo: Repository,
                                                              db_url: str) -> None:
    first = VisionService(repo, fixed_clock).save_narrative("Where I come from.")
    assert first is not None
    found = race(db_url, "INSERT INTO narrative_versions", save_story,
                 (first.id, "Mine."), (first.id, "Theirs."))
    assert outcomes(found) == ["ChangedElsewhereError", "ok"]
    texts = [v.text for v in repo.vision.versions()]
    assert len(texts) == 2 and texts[1] == "Where I come from."


def add_tagged(repo: Repository, title: str) -> int:
    return repo.entries.add(EntryInput(entry_date=DAY, title=title, tags=["brand-new"])).id


def test_two_processes_adding_the_same_new_tag_at_once(repo: Repository, db_url: str,
                                                       backend: str) -> None:
    from compass_tui.domain.entries import EntryQuery
    from tests.databases import count_rows

    # PostgreSQL lets both writers reach the tag's insert together; SQLite queues
    # writers at the file's lock, so there they meet at the entry's insert.
    prefix = "INSERT INTO tags" if backend == "postgresql" else "INSERT INTO entries"
    found = race(db_url, prefix, add_tagged, ("First",), ("Second",))
    assert outcomes(found) == ["ok", "ok"], found
    tagged = repo.entries.summaries(EntryQuery(tags=["brand-new"]))
    assert sorted(s.title for s in tagged) == ["First", "Second"]
    assert count_rows(db_url, "tags") == 1


def first_start(repo: Repository) -> int:
    """What the app does first: read what is due, making each kind's schedule state."""
    return len(CheckinService(repo, fixed_clock).report().lines())


def test_two_windows_starting_for_the_first_time_at_once(repo: Repository,
                                                         db_url: str) -> None:
    found = race(db_url, "INSERT INTO checkin_state", first_start, (), ())
    assert outcomes(found) == ["ok", "ok"], found
    assert {kind for kind in repo.checkins.states(("weekly", "monthly"), NOW.date(),
                                                  create=False)} == {"weekly", "monthly"}


def draft_of(repo: Repository, body: str) -> str:
    from compass_tui.domain.entries import Draft

    repo.drafts.save(Draft(key="entry:1", entry_id=1, entry_version=1, title="Plan",
                           body=body))
    return body


def test_two_windows_saving_one_entry_s_draft_at_once(repo: Repository,
                                                      db_url: str) -> None:
    found = race(db_url, "INSERT INTO drafts", draft_of, ("mine",), ("theirs",))
    assert outcomes(found) == ["ok", "ok"], found
    saved = repo.drafts.get("entry:1")
    assert saved is not None and saved.body in ("mine", "theirs")


NARRATE = """
import sys
from compass_tui.services.vision import VisionService
from compass_tui.store.repository import Repository
repo = Repository.open(sys.argv[1])
VisionService(repo).save_narrative(sys.argv[2])
repo.close()
"""


def test_machines_in_different_time_zones_agree_on_what_is_newest(repo: Repository,
                                                                  db_url: str) -> None:
    """Tokyo saves a version, New York saves one a moment later: New York's is the
    newest, though Tokyo's clock reads fourteen hours later."""
    import os
    import subprocess
    import sys

    for zone, words in (("Asia/Tokyo", "Written in Tokyo."),
                        ("America/New_York", "Written in New York, later.")):
        subprocess.run([sys.executable, "-c", NARRATE, db_url, words], check=True,
                       env={**os.environ, "TZ": zone}, timeout=60)
    newest = repo.vision.narrative()
    assert newest is not None and newest.text == "Written in New York, later."
    [new_york, tokyo] = repo.vision.versions()
    assert new_york.created_at >= tokyo.created_at
    assert (datetime.now() - new_york.created_at).total_seconds() < 120  # shown locally


# One kind from each store (the others share its code, and every kind's refusal by the
# UPDATE is shown in-process by tests/test_edit_versions.py): each race costs two processes.
RACED = ("skill", "SWOT item", "task", "event", "card", "purpose statement")


@pytest.mark.parametrize("kind", RACED)
def test_two_processes_saving_one_row_a_form_edits_at_once(repo: Repository, db_url: str,
                                                           kind: str) -> None:
    case = KINDS[kind]
    key, version = case.make(repo)
    found = race(db_url, f"UPDATE {case.table}", save_kind, (kind, key, version, "Mine"),
                 (kind, key, version, "Theirs"))
    assert outcomes(found) == ["ChangedElsewhereError", "ok"], found
    [(_, written)] = [f for f in found if f[0] == "ok"]
    assert written == version + 1
    assert case.words(repo, key) in ("Mine", "Theirs")
