"""Errors the stores raise for the user to read."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.exc import IntegrityError


class DuplicateNameError(ValueError):
    """A name already taken (names compare without regard to case or spacing)."""

    def __init__(self, what: str, name: str) -> None:
        super().__init__(f"there is already a {what} called '{name}'")
        self.name = name


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
