"""One line of the entry list as a plain record: what the first frame draws before
the models (pydantic) and the database toolkit are loaded."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True)
class EntryLine:
    """What EntrySummary holds, without the model behind it."""

    id: int
    entry_date: datetime
    title: str
    tags: list[str] = field(default_factory=list)
    starred: bool = False
