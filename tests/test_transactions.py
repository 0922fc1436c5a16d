"""Units of work across stores, on a real SQLite file: whole or not at all."""

from __future__ import annotations

import threading
from datetime import date

import pytest

from compass_tui.domain.values import ValueInput
from compass_tui.store.repository import Repository
from tests.conftest import NOW


class Boom(Exception):
    pass


def add_event(repo: Repository, title: str) -> None:
    repo.timeline.add_event(occurred_on=date(2026, 3, 1), title=title, kind="other",
                            source="ranking", now=NOW)


def test_writes_in_a_transaction_are_saved_together(repo: Repository) -> None:
    with repo.transaction():
        repo.values.add(ValueInput(name="Craft"), NOW)
        add_event(repo, "New top value: Craft")
        # Inside the unit, its own writes are visible to the next store call.
        assert [v.name for v in repo.values.active()] == ["Craft"]
    assert [v.name for v in repo.values.active()] == ["Craft"]
    assert [e.title for e in repo.timeline.events()] == ["New top value: Craft"]


def test_an_error_anywhere_in_the_unit_takes_every_write_back(repo: Repository) -> None:
    with pytest.raises(Boom), repo.transaction():
        repo.values.add(ValueInput(name="Craft"), NOW)
        add_event(repo, "New top value: Craft")
        raise Boom
    assert repo.values.active() == []
    assert repo.timeline.events() == []
    # The repository works as before afterwards.
    repo.values.add(ValueInput(name="Family"), NOW)
    assert [v.name for v in repo.values.active()] == ["Family"]


def test_a_unit_inside_a_unit_joins_it(repo: Repository) -> None:
    with pytest.raises(Boom), repo.transaction():
        with repo.transaction():
            repo.values.add(ValueInput(name="Craft"), NOW)
        raise Boom  # after the inner unit ended: it was not committed on its own
    assert repo.values.active() == []


def test_other_threads_are_not_drawn_into_the_unit(repo: Repository) -> None:
    seen: list[list[str]] = []
    with repo.transaction():
        repo.values.add(ValueInput(name="Craft"), NOW)

        def read() -> None:
            seen.append([v.name for v in repo.values.active()])

        reader = threading.Thread(target=read)
        reader.start()
        reader.join(timeout=30)
    # The reader used its own connection: the unit's write was not committed yet.
    assert seen == [[]]
    assert [v.name for v in repo.values.active()] == ["Craft"]
