"""Saving from the editor: the rules that keep words from being lost or overwritten."""

from datetime import datetime

import pytest

from compass_tui.domain.entries import Draft, Entry, EntryInput
from compass_tui.domain.merge import merge_edit
from compass_tui.services.journal import EditConflict, FormError, JournalService
from compass_tui.store.repository import Repository
from tests.conftest import fixed_clock


@pytest.fixture
def journal(repo: Repository) -> JournalService:
    return JournalService(repo, fixed_clock)


def edit(entry: Entry, **changes: object) -> Draft:
    base = Draft(key=f"entry:{entry.id}", entry_id=entry.id, entry_version=entry.version,
                 title=entry.title, body=entry.body, tags_text=" ".join(entry.tags),
                 starred=entry.starred)
    return base.model_copy(update=changes)


def test_new_entry_from_draft_merges_tag_field_and_text(journal: JournalService) -> None:
    draft = Draft(key="new:x", title="Talk with @Ana", body="about #growth @career",
                  tags_text="@Mentor, career", when_text="yesterday 18:00")
    outcome = journal.save_draft(draft, None)
    assert outcome.entry.tags == ["mentor", "career", "ana"]
    assert outcome.entry.entry_date == datetime(2026, 3, 14, 18, 0)


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"title": "", "body": "  "}, None, "needs a title or some text"),
        ({"when_text": "the twelfth of never"}, "when", "not a date"),
        ({"tags_text": "ok c++"}, "tags", "not a tag: c++"),
    ],
)
def test_form_errors_name_the_field(journal: JournalService, changes: dict, field: str | None,
                                    message: str) -> None:
    draft = Draft(key="new:x", title="Fine").model_copy(update=changes)
    with pytest.raises(FormError, match=message) as caught:
        journal.save_draft(draft, None)
    assert caught.value.field == field


def test_edit_merges_with_a_star_made_elsewhere(journal: JournalService,
                                                repo: Repository) -> None:
    opened = journal.create(EntryInput(entry_date=datetime(2026, 3, 1), title="Plan", body="a"))
    journal.toggle_star(opened)  # another window stars it meanwhile
    outcome = journal.save_draft(edit(opened, body="a, then b"), opened)
    assert not outcome.kept_both
    saved = repo.entries.get(opened.id)
    assert (saved.body, saved.starred) == ("a, then b", True)
    assert len(journal.page()) == 1


def clash(journal: JournalService) -> tuple[Entry, EditConflict]:
    opened = journal.create(EntryInput(entry_date=datetime(2026, 3, 1), title="Plan", body="a"))
    theirs = opened.model_copy(update={"body": "their words"})
    journal.update(opened.id, EntryInput.model_validate(theirs.model_dump()), opened.version)
    with pytest.raises(EditConflict) as caught:
        journal.save_draft(edit(opened, body="my words"), opened)
    assert caught.value.theirs.body == "their words" and caught.value.mine.body == "my words"
    # Nothing was written before the user chose.
    assert [journal.get(s.id).body for s in journal.page()] == ["their words"]
    return opened, caught.value


def test_clashing_edits_keep_both_when_chosen(journal: JournalService) -> None:
    _opened, conflict = clash(journal)
    outcome = journal.resolve_conflict(conflict, "both")
    assert outcome.kept_both
    bodies = sorted(journal.get(s.id).body for s in journal.page())
    assert bodies == ["my words", "their words"]


def test_clashing_edits_keep_mine_or_theirs(journal: JournalService) -> None:
    opened, conflict = clash(journal)
    assert journal.resolve_conflict(conflict, "theirs").entry.body == "their words"
    assert journal.get(opened.id).body == "their words"
    saved = journal.resolve_conflict(conflict, "mine").entry
    assert (saved.id, saved.body) == (opened.id, "my words")
    assert len(journal.page()) == 1


def test_keep_mine_never_overwrites_a_yet_newer_change(journal: JournalService) -> None:
    opened, conflict = clash(journal)
    newest = journal.get(opened.id)
    journal.update(opened.id, EntryInput(entry_date=newest.entry_date, title="Plan",
                                         body="third words"), newest.version)
    with pytest.raises(EditConflict) as again:
        journal.resolve_conflict(conflict, "mine")
    assert again.value.theirs.body == "third words"
    assert journal.get(opened.id).body == "third words"


def test_stale_draft_from_an_earlier_session_never_overwrites(journal: JournalService) -> None:
    opened = journal.create(EntryInput(entry_date=datetime(2026, 3, 1), title="Plan", body="a"))
    stale = edit(opened, body="typed last night")
    newer = journal.update(opened.id, EntryInput(entry_date=opened.entry_date, title="Plan",
                                                 body="saved from the phone"), opened.version)
    # Restored today: the editor knows the entry only as it is now, not as the draft began.
    with pytest.raises(EditConflict) as caught:
        journal.save_draft(stale, None)
    assert caught.value.theirs.body == "saved from the phone"
    outcome = journal.resolve_conflict(caught.value, "both")
    assert outcome.kept_both
    assert journal.get(newer.id).body == "saved from the phone"


def test_edit_of_an_entry_deleted_elsewhere_is_saved_as_new(journal: JournalService) -> None:
    opened = journal.create(EntryInput(entry_date=datetime(2026, 3, 1), title="Plan"))
    journal.trash(opened.id)
    outcome = journal.save_draft(edit(opened, title="Still mine"), opened)
    assert outcome.recreated
    assert journal.get(outcome.entry.id).title == "Still mine"


def test_merge_rules() -> None:
    base = Entry(id=1, entry_date=datetime(2026, 1, 1), title="t", body="b",
                 created_at=datetime(2026, 1, 1), updated_at=datetime(2026, 1, 1))
    mine = EntryInput(entry_date=base.entry_date, title="t2", body="b")
    theirs = base.model_copy(update={"body": "b2"})
    merged = merge_edit(base, mine, theirs)
    assert merged is not None and (merged.title, merged.body) == ("t2", "b2")
    assert merge_edit(base, mine, base.model_copy(update={"title": "t3"})) is None
    assert merge_edit(base, mine, base.model_copy(update={"title": "t2"})) is not None


def test_capture_and_undo(journal: JournalService) -> None:
    entry = journal.capture("yesterday: Met Ana. Notes @mentor")
    assert (entry.title, entry.tags) == ("Met Ana.", ["mentor"])
    journal.trash(entry.id)
    assert journal.get(entry.id) is None
    assert journal.undo_trash() == entry.id
    assert journal.undo_trash() is None
    assert journal.get(entry.id) is not None


def test_streak_and_on_this_day(journal: JournalService) -> None:
    for day in (13, 14, 15):
        journal.create(EntryInput(entry_date=datetime(2026, 3, day, 8), title=f"Day {day}"))
    journal.create(EntryInput(entry_date=datetime(2025, 3, 15, 8), title="A year ago"))
    assert journal.streak() == 3
    assert [s.title for s in journal.on_this_day()] == ["A year ago"]
