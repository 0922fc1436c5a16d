"""Errors the stores raise for the user to read."""

from __future__ import annotations


class DuplicateNameError(ValueError):
    """A name already taken (names compare without regard to case or spacing)."""

    def __init__(self, what: str, name: str) -> None:
        super().__init__(f"there is already a {what} called '{name}'")
        self.name = name
