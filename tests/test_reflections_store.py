from datetime import date, datetime, timedelta

import pytest
from pydantic import ValidationError
from sqlalchemy import text

from compass_tui.domain.assessment import (
    QUADRANTS,
    PassionInput,
    PersonalityInput,
    SwotInput,
)
from compass_tui.domain.entries import EntryInput
from compass_tui.store.entries_store import NotFoundError
from compass_tui.store.repository import Repository

DAY = datetime(2026, 3, 1, 9, 0)


def entry(repo: Repository, title: str, days: int, tags: list[str] | None = None) -> int:
    saved = repo.entries.add(EntryInput(entry_date=DAY + timedelta(days=days), title=title,
                                        tags=tags or []))
    return saved.id


def positions(repo: Repository) -> dict[str, list[tuple[str, int]]]:
    return {q: [(i.text, i.position) for i in items]
            for q, items in repo.swot.by_quadrant().items()}


# -- passions -----------------------------------------------------------------


def test_passions_are_ordered_by_kind_then_position(repo: Repository) -> None:
    repo.passions.add(PassionInput(kind="problem", text="Untangling slow queries"))
    repo.passions.add(PassionInput(kind="absorbs", text="Writing", tag="@Writing"))
    repo.passions.add(PassionInput(kind="problem", text="Messy data"))
    repo.passions.add(PassionInput(kind="absorbs", text="Sketching"))
    listed = [(p.kind, p.text, p.position, p.tag) for p in repo.passions.list()]
    assert listed == [
        ("absorbs", "Writing", 1, "writing"),
        ("absorbs", "Sketching", 2, ""),
        ("problem", "Untangling slow queries", 1, ""),
        ("problem", "Messy data", 2, ""),
    ]


def test_passion_delete_and_change_of_kind_keep_positions_dense(repo: Repository) -> None:
    a = repo.passions.add(PassionInput(kind="fulfils", text="A"))
    b = repo.passions.add(PassionInput(kind="fulfils", text="B"))
    repo.passions.add(PassionInput(kind="fulfils", text="C"))
    repo.passions.add(PassionInput(kind="absorbs", text="X"))
    moved = repo.passions.update(b.id, PassionInput(kind="absorbs", text="B2", tag="b"))
    assert (moved.kind, moved.position, moved.text, moved.tag) == ("absorbs", 2, "B2", "b")
    repo.passions.delete(a.id)
    assert [(p.text, p.position) for p in repo.passions.list()] == [
        ("X", 1), ("B2", 2), ("C", 1)]
    with pytest.raises(NotFoundError):
        repo.passions.delete(a.id)


def test_passion_text_and_tag_are_checked_by_the_model() -> None:
    with pytest.raises(ValidationError, match="cannot be empty"):
        PassionInput(kind="absorbs", text="  ")
    with pytest.raises(ValidationError, match="not a tag"):
        PassionInput(kind="absorbs", text="Writing", tag="two words")


def test_passion_entries_by_tag_and_by_hand_once_each_without_trash(repo: Repository) -> None:
    tagged = entry(repo, "Mentored Sam", 1, ["mentoring"])
    by_hand = entry(repo, "Coffee chat", 2)
    both = entry(repo, "Mentoring circle", 3, ["mentoring", "people"])
    trashed_tagged = entry(repo, "Deleted mentoring note", 4, ["mentoring"])
    trashed_linked = entry(repo, "Deleted linked note", 5)
    entry(repo, "Unrelated", 6, ["budget"])
    passion = repo.passions.add(PassionInput(kind="fulfils", text="Helping people grow",
                                             tag="Mentoring"))
    for entry_id in (by_hand, both, trashed_linked):
        repo.passions.link_entry(passion.id, entry_id)
    repo.passions.link_entry(passion.id, both)  # twice is harmless
    repo.entries.trash(trashed_tagged)
    repo.entries.trash(trashed_linked)

    found = repo.passions.entries_for(passion.id)
    assert [s.id for s in found] == [both, by_hand, tagged]  # newest first, no duplicates
    assert found[0].title == "Mentoring circle"
    assert found[0].tags == ["mentoring", "people"]
    assert [s.id for s in repo.passions.entries_for(passion.id, limit=2)] == [both, by_hand]
    assert repo.passions.list()[0].entry_ids == sorted([by_hand, both, trashed_linked])

    repo.passions.unlink_entry(passion.id, both)
    repo.passions.unlink_entry(passion.id, by_hand)
    # Still shown through its tag; the hand-linked one is gone.
    assert [s.id for s in repo.passions.entries_for(passion.id)] == [both, tagged]


def test_passion_without_tag_shows_only_hand_links(repo: Repository) -> None:
    entry(repo, "Tagged but not linked", 1, ["writing"])
    linked = entry(repo, "Linked", 2)
    passion = repo.passions.add(PassionInput(kind="absorbs", text="Writing"))
    repo.passions.link_entry(passion.id, linked)
    assert [s.id for s in repo.passions.entries_for(passion.id)] == [linked]


def test_linking_needs_a_live_entry_and_a_passion(repo: Repository) -> None:
    passion = repo.passions.add(PassionInput(kind="absorbs", text="Writing"))
    gone = entry(repo, "Gone", 1)
    repo.entries.trash(gone)
    with pytest.raises(NotFoundError):
        repo.passions.link_entry(passion.id, gone)
    with pytest.raises(NotFoundError):
        repo.passions.link_entry(passion.id, 9999)
    with pytest.raises(NotFoundError):
        repo.passions.link_entry(9999, gone)
    with pytest.raises(NotFoundError):
        repo.passions.entries_for(9999)
    assert repo.passions.list()[0].entry_ids == []


def test_deleting_a_passion_removes_its_links(repo: Repository) -> None:
    linked = entry(repo, "Linked", 1)
    passion = repo.passions.add(PassionInput(kind="absorbs", text="Writing"))
    repo.passions.link_entry(passion.id, linked)
    repo.passions.delete(passion.id)
    with repo.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM passion_entries")).scalar_one() == 0
    assert repo.entries.get(linked) is not None


# -- SWOT ---------------------------------------------------------------------


def test_by_quadrant_has_every_quadrant(repo: Repository) -> None:
    assert repo.swot.by_quadrant() == {q: [] for q in QUADRANTS}
    repo.swot.add(SwotInput(quadrant="threat", text="Automation"))
    grouped = repo.swot.by_quadrant()
    assert list(grouped) == list(QUADRANTS)
    assert [(i.text, i.position) for i in grouped["threat"]] == [("Automation", 1)]


def test_swot_move_keeps_both_quadrants_dense(repo: Repository) -> None:
    s1 = repo.swot.add(SwotInput(quadrant="strength", text="S1"))
    repo.swot.add(SwotInput(quadrant="strength", text="S2"))
    repo.swot.add(SwotInput(quadrant="strength", text="S3"))
    repo.swot.add(SwotInput(quadrant="weakness", text="W1"))
    moved = repo.swot.move(s1.id, "weakness")
    assert (moved.quadrant, moved.position) == ("weakness", 2)
    after = positions(repo)
    assert after["strength"] == [("S2", 1), ("S3", 2)]
    assert after["weakness"] == [("W1", 1), ("S1", 2)]
    # Moving into the quadrant it is already in changes nothing.
    assert repo.swot.move(s1.id, "weakness").position == 2
    assert positions(repo) == after
    with pytest.raises(ValueError, match="quadrant"):
        repo.swot.move(s1.id, "luck")  # type: ignore[arg-type]


def test_swot_reorder_within_quadrant_and_edges_are_no_ops(repo: Repository) -> None:
    a, _, c = (repo.swot.add(SwotInput(quadrant="opportunity", text=t)) for t in "ABC")
    repo.swot.add(SwotInput(quadrant="threat", text="T"))
    before = positions(repo)
    assert repo.swot.reorder(a.id, -1).position == 1
    assert repo.swot.reorder(c.id, +1).position == 3
    assert positions(repo) == before
    assert repo.swot.reorder(c.id, -1).position == 2
    assert positions(repo)["opportunity"] == [("A", 1), ("C", 2), ("B", 3)]
    assert repo.swot.reorder(a.id, +10).position == 3  # clamped at the bottom
    assert positions(repo)["opportunity"] == [("C", 1), ("B", 2), ("A", 3)]
    assert positions(repo)["threat"] == [("T", 1)]


def test_swot_update_and_delete(repo: Repository) -> None:
    a, b, _ = (repo.swot.add(SwotInput(quadrant="strength", text=t)) for t in "ABC")
    assert repo.swot.update(b.id, "  Better B ").text == "Better B"
    with pytest.raises(ValidationError):
        repo.swot.update(b.id, "   ")
    repo.swot.delete(a.id)
    assert positions(repo)["strength"] == [("Better B", 1), ("C", 2)]
    with pytest.raises(NotFoundError):
        repo.swot.update(a.id, "back")
    with pytest.raises(NotFoundError):
        repo.swot.reorder(a.id, 1)


# -- personality --------------------------------------------------------------


def test_personality_newest_first_undated_last(repo: Repository) -> None:
    repo.personality.add(PersonalityInput(framework="MBTI", result="INTJ",
                                          taken_on=date(2019, 5, 1)))
    undated = repo.personality.add(PersonalityInput(framework="Other", result="Builder"))
    repo.personality.add(PersonalityInput(framework="Big Five", result="High openness",
                                          taken_on=date(2024, 2, 10), meaning="Loves novelty"))
    assert [r.result for r in repo.personality.list()] == ["High openness", "INTJ", "Builder"]

    changed = repo.personality.update(undated.id, PersonalityInput(
        framework="Enneagram", result="Type 5", taken_on=date(2025, 1, 1)))
    assert (changed.framework, changed.result, changed.taken_on) == (
        "Enneagram", "Type 5", date(2025, 1, 1))
    assert [r.result for r in repo.personality.list()] == ["Type 5", "High openness", "INTJ"]

    repo.personality.delete(undated.id)
    assert [r.framework for r in repo.personality.list()] == ["Big Five", "MBTI"]
    with pytest.raises(NotFoundError):
        repo.personality.delete(undated.id)
    with pytest.raises(NotFoundError):
        repo.personality.update(undated.id, PersonalityInput(framework="MBTI", result="X"))
    with pytest.raises(ValidationError):
        PersonalityInput(framework="Astrology", result="Leo")  # type: ignore[arg-type]
