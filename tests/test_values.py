"""Core values: dense ranking, history of every re-ranking, alignment with goals and journal."""

from datetime import datetime, timedelta

import pytest
from pydantic import ValidationError

from compass_tui.domain.entries import EntryInput
from compass_tui.domain.values import ValueInput, value_tag
from compass_tui.services.values import ValuesService, load_catalogue
from compass_tui.store.errors import DuplicateNameError
from compass_tui.store.repository import Repository
from tests.conftest import NOW, fixed_clock


@pytest.fixture
def values(repo: Repository) -> ValuesService:
    return ValuesService(repo, fixed_clock)


def names(service: ValuesService) -> list[str]:
    return [v.name for v in service.active()]


def ranks(service: ValuesService) -> list[int]:
    return [v.rank for v in service.active()]


def add(service: ValuesService, *names_: str) -> list[int]:
    return [service.add(ValueInput(name=n)).id for n in names_]


def test_ranking_stays_dense_through_moves_retirements_and_deletes(
    values: ValuesService,
) -> None:
    add(values, "Integrity", "Growth", "Family", "Autonomy", "Impact")
    assert names(values) == ["Integrity", "Growth", "Family", "Autonomy", "Impact"]
    impact = values.active()[4]
    values.move(impact, -1)
    values.move(values.get(impact.id), -1)
    assert names(values) == ["Integrity", "Growth", "Impact", "Family", "Autonomy"]
    values.move(values.active()[0], -1)  # already first: nothing happens
    values.move(values.active()[-1], +1)  # already last
    assert names(values) == ["Integrity", "Growth", "Impact", "Family", "Autonomy"]
    values.retire(values.active()[1].id)
    assert names(values) == ["Integrity", "Impact", "Family", "Autonomy"]
    assert ranks(values) == [1, 2, 3, 4]
    values.delete(values.active()[0].id)
    assert ranks(values) == [1, 2, 3]
    growth = values.retired()[0]
    assert growth.name == "Growth" and growth.rank is None and growth.retired_at == NOW
    values.restore(growth.id)
    assert names(values) == ["Impact", "Family", "Autonomy", "Growth"]
    assert ranks(values) == [1, 2, 3, 4]


def test_every_rank_change_is_recorded_with_its_date(repo: Repository) -> None:
    day = {"now": datetime(2026, 1, 5, 9)}
    values = ValuesService(repo, lambda: day["now"])
    integrity, growth = add(values, "Integrity", "Growth")
    day["now"] = datetime(2026, 6, 1, 9)
    values.move(values.get(growth), -1)
    history = values.history()
    assert [(c.name, c.rank, c.recorded_at.month) for c in history] == [
        ("Integrity", 1, 1), ("Growth", 2, 1), ("Growth", 1, 6), ("Integrity", 2, 6),
    ]
    day["now"] = datetime(2026, 7, 1, 9)
    values.retire(integrity)
    assert [(c.name, c.rank) for c in values.history(integrity)][-1] == ("Integrity", None)


def test_names_are_unique_whatever_the_case(values: ValuesService, repo: Repository) -> None:
    add(values, "Financial Security")
    with pytest.raises(DuplicateNameError, match="already a value called 'Financial Security'"):
        values.add(ValueInput(name="  financial   security "))
    retired = values.active()[0]
    values.retire(retired.id)
    with pytest.raises(DuplicateNameError):  # retired names stay taken: restore instead
        values.add(ValueInput(name="Financial security"))
    other = values.add(ValueInput(name="Health"))
    with pytest.raises(DuplicateNameError):
        values.update(other.id, ValueInput(name="FINANCIAL SECURITY"))
    assert values.update(other.id, ValueInput(name="health", why="energy")).why == "energy"
    assert len(values.active()) + len(values.retired()) == 2


@pytest.mark.parametrize("name", ["", "   ", "x" * 101])
def test_bad_names_are_refused(name: str) -> None:
    with pytest.raises(ValidationError):
        ValueInput(name=name)


def test_alignment_counts_active_goals_and_recent_tagged_entries(
    values: ValuesService, repo: Repository
) -> None:
    integrity, growth, _balance = add(values, "Integrity", "Growth", "Work Life Balance")
    repo.goals.add_goal("Lead the guild", "long", "active", [growth, integrity], NOW)
    repo.goals.add_goal("Run a course", "short", "active", [growth], NOW)
    paused = repo.goals.add_goal("Write a book", "long", "paused", [integrity], NOW)
    recent = NOW - timedelta(days=10)
    old = NOW - timedelta(days=200)
    for when, tags in ((recent, ["growth"]), (recent, ["growth", "work-life-balance"]),
                       (old, ["integrity"])):
        repo.entries.add(EntryInput(entry_date=when, title="x", tags=tags))
    by_name = {a.name: a for a in values.alignment()}
    assert (by_name["Integrity"].active_goals, by_name["Integrity"].recent_entries) == (1, 0)
    assert (by_name["Growth"].active_goals, by_name["Growth"].recent_entries) == (2, 2)
    assert by_name["Work Life Balance"].unserved
    assert by_name["Work Life Balance"].recent_entries == 1
    repo.goals.set_status(paused, "active")
    assert {a.name: a.active_goals for a in values.alignment()}["Integrity"] == 2
    assert value_tag("Work Life Balance") == "work-life-balance"


def test_catalogue_is_rich_and_unique() -> None:
    catalogue = load_catalogue()
    assert len(catalogue) >= 40
    assert len({c.name.lower() for c in catalogue}) == len(catalogue)
    assert all(c.meaning.strip() for c in catalogue)


def test_export_data(values: ValuesService) -> None:
    _first, second = add(values, "Integrity", "Growth")
    values.retire(second)
    data = values.export_data()
    assert [(v["name"], v["rank"]) for v in data["values"]] == [("Integrity", 1), ("Growth", None)]
    assert data["value_history"][0] == {"name": "Integrity", "rank": 1,
                                        "at": NOW.isoformat(timespec="seconds")}


def test_ranking_snapshots_replay_the_order_day_by_day(repo: Repository) -> None:
    from compass_tui.domain.values import ranking_snapshots

    day = {"now": datetime(2026, 1, 5, 9)}
    values = ValuesService(repo, lambda: day["now"])
    integrity, _growth, family = add(values, "Integrity", "Growth", "Family")
    day["now"] = datetime(2026, 3, 1, 9)
    values.move(values.get(family), -1)
    values.move(values.get(family), -1)  # two moves in a day: one snapshot
    day["now"] = datetime(2026, 6, 1, 9)
    values.retire(integrity)
    snapshots = ranking_snapshots(values.history())
    assert [s.day.month for s in snapshots] == [1, 3, 6]
    assert snapshots[0].order == ["Integrity", "Growth", "Family"]
    assert snapshots[0].added == ["Integrity", "Growth", "Family"]
    assert snapshots[1].order == ["Family", "Integrity", "Growth"]
    assert snapshots[1].moved == {"Family": 2, "Integrity": -1, "Growth": -1}
    assert snapshots[2].order == ["Family", "Growth"]
    assert snapshots[2].retired == ["Integrity"]
    assert snapshots[2].moved == {"Growth": 1}


def test_a_move_at_the_edge_records_nothing(values: ValuesService) -> None:
    add(values, "Integrity", "Growth")
    before = len(values.history())
    values.move(values.active()[0], -1)
    values.move(values.active()[-1], +1)
    assert len(values.history()) == before


def test_values_sharing_a_journal_tag_are_refused(values: ValuesService) -> None:
    add(values, "Work-Life Balance")
    with pytest.raises(ValueError, match="already uses the journal tag @work-life-balance"):
        values.add(ValueInput(name="Work Life Balance"))


def test_moves_read_the_rank_afresh(values: ValuesService) -> None:
    """A move from a stale copy (another window re-ranked meanwhile) moves from where it is."""
    add(values, "A", "B", "C")
    stale_c = values.active()[2]  # rank 3 in this window's copy
    values.move(stale_c, -1)  # another window: C to rank 2
    values.move(stale_c, -1)  # this window, still thinking C is 3rd: C goes to 1, not 2
    assert names(values) == ["C", "A", "B"]


def test_alignment_ignores_trashed_entries(values: ValuesService, repo: Repository) -> None:
    add(values, "Growth")
    entry = repo.entries.add(EntryInput(entry_date=NOW - timedelta(days=1), title="x",
                                        tags=["growth"]))
    assert values.alignment()[0].recent_entries == 1
    repo.entries.trash(entry.id)
    assert values.alignment()[0].recent_entries == 0
