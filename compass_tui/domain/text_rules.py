"""Small validators shared by the forms' models."""

from __future__ import annotations


def required_text(value: str, what: str) -> str:
    """Stripped text that must not be empty; the message names the field."""
    value = value.strip()
    if not value:
        raise ValueError(f"{what} cannot be empty")
    return value
