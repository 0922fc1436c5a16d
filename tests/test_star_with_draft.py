"""Leave an edit (its draft is kept), star the entry from the list, edit again, save:
the star and every word typed are both kept, with no question about two versions."""

from __future__ import annotations

from compass_tui.domain.entries import Draft, EntryInput
from compass_tui.services.drafts import DraftService, edit_draft_key
from compass_tui.services.journal import EditConflict, JournalService
from compass_tui.store.repository import Repository
from tests.conftest import NOW, fixed_clock


def kept_edit(repo: Repository) -> tuple[JournalService, Draft]:
    journal = JournalService(repo, fixed_clock)
    entry = repo.entries.add(EntryInput(entry_date=NOW, title="Coffee with Ana", body="Plan."))
    draft = Draft(key=edit_draft_key(entry.id), entry_id=entry.id, entry_version=entry.version,
                  title=entry.title, body="Plan. And the outline.")
    DraftService(repo, fixed_clock).save(draft)
    return journal, draft


def test_a_kept_draft_follows_the_star_and_saves_without_a_conflict(
        repo: Repository) -> None:
    journal, draft = kept_edit(repo)
    entry = journal.get(draft.entry_id or 0)
    assert entry is not None
    journal.toggle_star(entry)
    kept = repo.drafts.get(draft.key)
    starred = journal.get(entry.id)
    assert kept is not None and starred is not None
    assert (kept.entry_version, kept.starred) == (starred.version, True)
    saved = journal.save_draft(kept, starred).entry
    assert (saved.body, saved.starred) == ("Plan. And the outline.", True)


def test_a_draft_of_an_older_version_still_asks(repo: Repository) -> None:
    """Changed elsewhere first, then starred: the draft is two changes behind, and which
    words to keep is still the user's choice."""
    journal, draft = kept_edit(repo)
    entry = journal.get(draft.entry_id or 0)
    assert entry is not None
    elsewhere = repo.entries.update(entry.id, EntryInput(
        entry_date=NOW, title="Coffee with Ana", body="Rewritten elsewhere."),
        expected_version=entry.version)
    journal.toggle_star(elsewhere)
    kept = repo.drafts.get(draft.key)
    assert kept is not None and kept.entry_version == entry.version  # left alone
    try:
        journal.save_draft(kept, None)
    except EditConflict as conflict:
        assert conflict.theirs.body == "Rewritten elsewhere."
    else:
        raise AssertionError("a stale draft was saved over a change made elsewhere")
