"""Small helpers every store uses: the time a row is stamped with, a row by id."""

from __future__ import annotations

from datetime import datetime
from typing import TypeVar

from sqlalchemy.orm import Session

from compass_tui.domain.errors import NotFoundError
from compass_tui.store.tables import Base

__all__ = ["NotFoundError", "get_row", "timestamp"]

Row = TypeVar("Row", bound=Base)


def timestamp() -> datetime:
    """Wall-clock time to the second, as rows are stamped."""
    return datetime.now().replace(microsecond=0)


def get_row(session: Session, model: type[Row], row_id: int, what: str) -> Row:
    row = session.get(model, row_id)
    if row is None:
        raise NotFoundError(f"no {what} {row_id}")
    return row
