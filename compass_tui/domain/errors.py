"""Errors for the user to read: a validation error as one plain sentence, and what a
write that did not happen says to the screen that asked for it."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # kept out of the import: the command line reads these classes early
    from pydantic import ValidationError

    from compass_tui.domain.entries import Entry


def describe(exc: ValidationError) -> str:
    error = exc.errors()[0]
    message = str(error["msg"]).removeprefix("Value error, ")
    field = ".".join(str(part) for part in error.get("loc", ()))
    return f"{field}: {message}" if field else message


class WriteRefused(Exception):
    """The database refused (or could not be reached); nothing was saved. str() is the
    reason in the user's words ("the disk is full"), never a class name."""


class ChangedElsewhereError(WriteRefused):
    """Saved over a copy that another window (or machine) had changed meanwhile: the
    database refused the write (the UPDATE names the version read) and nothing was
    changed. `current` is their copy, where the store had it to hand."""

    def __init__(self, what: str, current: object = None) -> None:
        super().__init__(f"this {what} was changed in another window meanwhile")
        self.what = what
        self.current = current


class NotFoundError(LookupError):
    """The row is gone (another window may have deleted it)."""


class DuplicateNameError(ValueError):
    """A name already taken (names compare without regard to case or spacing)."""

    def __init__(self, what: str, name: str) -> None:
        super().__init__(f"there is already a {what} called '{name}'")
        self.name = name


class ConflictError(RuntimeError):
    """The entry changed since it was read (another instance saved it)."""

    def __init__(self, current: Entry) -> None:
        super().__init__(f"entry {current.id} was changed elsewhere")
        self.current = current
