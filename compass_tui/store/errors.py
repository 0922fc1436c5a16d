"""Errors the stores raise for the user to read."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm.exc import StaleDataError

from compass_tui.domain.errors import ChangedElsewhereError, DuplicateNameError

__all__ = ["ChangedElsewhereError", "DuplicateNameError", "check_version", "name_guard",
           "version_guard"]


@contextmanager
def name_guard(what: str, name: str) -> Iterator[None]:
    """Another instance may save the name between our check and our commit: the
    unique index then fires, and the user gets the same message as for a clash."""
    try:
        yield
    except IntegrityError as exc:
        if "name_key" in str(exc.orig):
            raise DuplicateNameError(what, name) from exc
        raise


def check_version(row: object, expected: int | None, what: str) -> None:
    """The copy being saved must be the one in the database (None: not asked)."""
    if expected is not None and getattr(row, "version", None) != expected:
        raise ChangedElsewhereError(what)


@contextmanager
def version_guard(what: str) -> Iterator[None]:
    """The row changed between this write's read and its UPDATE (whose WHERE names the
    version read: the compare-and-set): said as the same refusal."""
    try:
        yield
    except StaleDataError as exc:
        raise ChangedElsewhereError(what) from exc
