"""The ranking history tells each value once a day, as the day left it."""

from datetime import datetime

from compass_tui.domain.values import ranking_snapshots
from compass_tui.services.values import ValuesService
from compass_tui.store.repository import Repository
from compass_tui.ui.values.rank_history import history_table


class Days:
    """A clock the test moves from day to day."""

    def __init__(self) -> None:
        self.now = datetime(2026, 3, 1, 9)

    def __call__(self) -> datetime:
        return self.now


def add(values: ValuesService, *names: str) -> list[int]:
    from compass_tui.domain.values import ValueInput

    return [values.add(ValueInput(name=name)).id for name in names]


def test_retired_by_mistake_and_put_back_the_same_day_is_not_retired(repo: Repository) -> None:
    clock = Days()
    values = ValuesService(repo, clock)
    autonomy, _growth, _family = add(values, "Autonomy", "Growth", "Family")
    clock.now = datetime(2026, 3, 2, 9)
    values.retire(autonomy)  # the wrong row: a list that wrapped
    values.restore(autonomy)  # back at the bottom
    values.move(values.get(autonomy), -2)  # and up to #1 again
    day = ranking_snapshots(values.history())[-1]
    assert day.order == ["Autonomy", "Growth", "Family"]
    assert (day.retired, day.added, day.restored, day.moved) == ([], [], [], {})
    shown = history_table(values.history()).plain
    that_day = shown.split("Mon 02 Mar 2026")[1].split("Sun 01 Mar 2026")[0]
    assert that_day.split() == ["1", "Autonomy", "2", "Growth", "3", "Family"]
    assert "retired" not in shown


def test_a_first_day_of_mistakes_shows_the_value_new_only(repo: Repository) -> None:
    clock = Days()
    values = ValuesService(repo, clock)
    autonomy, _growth = add(values, "Autonomy", "Growth")
    values.retire(autonomy)
    values.restore(autonomy)
    values.move(values.get(autonomy), -1)
    [day] = ranking_snapshots(values.history())
    assert day.order == ["Autonomy", "Growth"]
    assert (day.added, day.retired) == (["Autonomy", "Growth"], [])
    shown = history_table(values.history()).plain
    assert "Autonomy  new" in shown and "retired" not in shown


def test_a_value_brought_back_another_day_is_back_not_new(repo: Repository) -> None:
    clock = Days()
    values = ValuesService(repo, clock)
    integrity, _growth = add(values, "Integrity", "Growth")
    clock.now = datetime(2026, 4, 1, 9)
    values.retire(integrity)
    clock.now = datetime(2026, 5, 1, 9)
    values.restore(integrity)
    snapshots = ranking_snapshots(values.history())
    assert snapshots[1].retired == ["Integrity"] and snapshots[1].order == ["Growth"]
    assert (snapshots[2].restored, snapshots[2].added) == (["Integrity"], [])
    assert "Integrity  back" in history_table(values.history()).plain
