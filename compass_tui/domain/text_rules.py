"""Small validators shared by the forms' models, and the limits they keep (plain
constants: quick capture reads them without loading the models)."""

from __future__ import annotations

TITLE_MAX = 300  # a title is a line; the rest belongs in the text


def required_text(value: str, what: str) -> str:
    """Stripped text that must not be empty; the message names the field."""
    value = value.strip()
    if not value:
        raise ValueError(f"{what} cannot be empty")
    return value


def one_line(value: str, what: str) -> str:
    """Required text on one line, runs of spaces and newlines made single spaces."""
    return " ".join(required_text(value, what).split())
