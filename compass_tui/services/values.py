"""Core values: the catalogue, the ranking and its history, and alignment with the plan."""

from __future__ import annotations

import tomllib
from datetime import datetime, timedelta
from functools import cache
from typing import TYPE_CHECKING, Any

from compass_tui.config import resource_dir
from compass_tui.domain.values import (
    RECENT_DAYS,
    Alignment,
    CatalogueValue,
    CoreValue,
    RankChange,
    ValueInput,
    ValuesOverview,
    value_tag,
)
from compass_tui.services.clock import Clock, system_clock
from compass_tui.services.errors import plain_refusals

if TYPE_CHECKING:
    from compass_tui.store.repository import Repository


@cache
def load_catalogue() -> tuple[CatalogueValue, ...]:
    with (resource_dir("seeds") / "values.toml").open("rb") as handle:
        data = tomllib.load(handle)
    return tuple(CatalogueValue.model_validate(item) for item in data["value"])


@plain_refusals
class ValuesService:
    def __init__(self, repo: Repository, clock: Clock = system_clock) -> None:
        self._repo = repo
        self._values = repo.values
        self._clock = clock

    def catalogue(self) -> tuple[CatalogueValue, ...]:
        return load_catalogue()

    def add(self, data: ValueInput) -> CoreValue:
        return self._values.add(data, self._clock())

    def update(self, value_id: int, data: ValueInput, expected_version: int | None = None
               ) -> CoreValue:
        """With expected_version (the version the form opened), a value changed in
        another window meanwhile is not overwritten: ChangedElsewhereError."""
        return self._values.update(value_id, data, self._clock(), expected_version)

    def move(self, value: CoreValue, delta: int) -> CoreValue:
        """Up (delta -1) or down (+1) the ranking; the order is saved at once. A new
        top value is a moment of the journey: the timeline records it."""
        with self._repo.transaction():
            moved = self._values.move_by(value.id, delta, self._clock())
            if value.rank == 1 and moved.rank != 1:
                top = next((v for v in self._values.active() if v.rank == 1), None)
            else:
                top = moved if moved.rank == 1 and value.rank != 1 else None
            if top is not None:
                self._repo.timeline.add_event(
                    occurred_on=self._clock().date(), title=f"New top value: {top.name}",
                    kind="other", source="ranking", source_id=top.id, now=self._clock())
        return moved

    def retire(self, value_id: int) -> CoreValue:
        return self._values.retire(value_id, self._clock())

    def restore(self, value_id: int) -> CoreValue:
        return self._values.restore(value_id, self._clock())

    def delete(self, value_id: int) -> None:
        self._values.delete(value_id, self._clock())

    def active(self) -> list[CoreValue]:
        return self._values.active()

    def retired(self) -> list[CoreValue]:
        return self._values.retired()

    def get(self, value_id: int) -> CoreValue | None:
        return self._values.get(value_id)

    def history(self, value_id: int | None = None) -> list[RankChange]:
        return self._values.history(value_id)

    def alignment(self) -> list[Alignment]:
        """For each ranked value: active goals serving it, journal entries tagged with it lately."""
        return self._values.alignment(value_tag, self._since())

    def overview(self) -> ValuesOverview:
        """Ranked and retired values with their alignment, in one read."""
        return self._values.overview(value_tag, self._since())

    def _since(self) -> datetime:
        return self._clock() - timedelta(days=RECENT_DAYS)

    def export_data(self) -> dict[str, Any]:
        values = [*self._values.active(), *self._values.retired()]
        return {
            "values": [
                {"name": v.name, "rank": v.rank, "meaning": v.meaning, "why": v.why,
                 "retired": v.retired_at.isoformat(timespec="seconds") if v.retired_at else None}
                for v in values
            ],
            "value_history": [
                {"name": c.name, "rank": c.rank,
                 "at": c.recorded_at.isoformat(timespec="seconds")}
                for c in self._values.history()
            ],
        }
