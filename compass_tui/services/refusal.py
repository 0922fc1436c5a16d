"""Why the database refused a write, in the user's words (the text is kept either way)."""

from __future__ import annotations

# SQLite's own messages, and what they mean to someone typing.
KNOWN = (
    ("database or disk is full", "the disk is full"),
    ("disk i/o error", "the disk could not be written"),
    ("readonly database", "the database file is read-only"),
    ("read-only", "the database file is read-only"),
    ("database is locked", "another window is writing; try again in a moment"),
    ("unable to open database", "the database file cannot be opened"),
)


def explain_refusal(exc: BaseException) -> str:
    text = str(getattr(exc, "orig", None) or exc).lower()
    for needle, words in KNOWN:
        if needle in text:
            return words
    return type(exc).__name__
