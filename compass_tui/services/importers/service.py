"""An import from start to end: read and validate everything, then write it in one
transaction, and say in one line what happened."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from compass_tui.domain.import_records import PART_NAMES, ImportBatch, ImportCounts, Refusal
from compass_tui.services.clock import Clock, system_clock
from compass_tui.services.errors import plain_refusals

if TYPE_CHECKING:
    from compass_tui.store.repository import Repository


class ImportRefusedError(ValueError):
    """Some records could not be read and --skip-bad was not given: nothing was written."""

    def __init__(self, refused: list[Refusal]) -> None:
        count = len(refused)
        super().__init__(f"{count} record{'s' if count != 1 else ''} could not be read; "
                         "nothing was imported")
        self.refused = refused


@dataclass(frozen=True)
class ImportSummary:
    counts: ImportCounts
    refused: list[Refusal]

    @property
    def added(self) -> int:
        return sum(self.counts.added.values())

    @property
    def skipped(self) -> int:
        return sum(self.counts.skipped.values())

    def words(self) -> str:
        """"Import: 12 added (10 entries, 2 values), 3 already there, 1 refused."."""
        parts = [f"{count} {PART_NAMES[part][count != 1]}"
                 for part, count in self.counts.added.items() if count]
        text = f"Import: {self.added} added"
        if parts:
            text += f" ({', '.join(parts)})"
        text += f", {self.skipped} already there"
        if self.refused:
            text += f", {len(self.refused)} refused"
        return text + "."


@plain_refusals
class ImportService:
    def __init__(self, repo: Repository, clock: Clock = system_clock) -> None:
        self._repo = repo
        self._clock = clock

    def write(self, batch: ImportBatch, *, skip_bad: bool = False) -> ImportSummary:
        """All of the batch that is not there yet, in one transaction. With refused
        records, nothing unless skip_bad (then the others)."""
        if batch.refused and not skip_bad:
            raise ImportRefusedError(batch.refused)
        counts = self._repo.imports.write(batch, self._clock())
        return ImportSummary(counts, batch.refused)
