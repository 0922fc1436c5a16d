"""Why the database refused a write, in the user's words (the text is kept either way).

Every screen and the command line say a refusal through explain_refusal, for SQLite
and PostgreSQL alike: never a class name. A write over a copy another window changed
meanwhile (ChangedElsewhereError) is a refusal too.
"""

from __future__ import annotations

from compass_tui.domain.errors import ChangedElsewhereError, WriteRefused

__all__ = ["ChangedElsewhereError", "explain_refusal"]

SERVER_GONE = "the database server cannot be reached; try again once it is back"
BUSY = "another window is writing the same rows; try again in a moment"

# SQLite's own messages, and what they mean to someone typing.
KNOWN = (
    ("database or disk is full", "the disk is full"),
    ("disk i/o error", "the disk could not be written"),
    ("readonly database", "the database file is read-only"),
    ("read-only", "the database file is read-only"),
    ("database is locked", "another window is writing; try again in a moment"),
    ("unable to open database", "the database file cannot be opened"),
)

# PostgreSQL's SQLSTATE codes (exact, then by class), and what they mean.
SQLSTATES = {
    "25006": "the database is read-only just now",
    "42501": "permission denied: this database user may not write there",
    "53100": "the database server's disk is full",
    "53200": "the database server is out of memory",
    "53300": "the database server has too many connections open; try again in a moment",
    "55P03": BUSY,
    "57014": BUSY,  # a statement or lock timeout cancelled the write
    "57P01": "the database server is shutting down; try again once it is back",
    "57P02": "the database server is restarting; try again in a moment",
    "57P03": "the database server is starting up; try again in a moment",
    "40001": "another window saved at the same moment; try again",
    "40P01": "another window saved at the same moment; try again",
    "23505": "another window saved the same thing at the same moment; try again",
}
SQLSTATE_CLASSES = {
    "08": SERVER_GONE,
    "23": "it would break a link between rows",
    "53": "the database server is short of resources (disk, memory or connections)",
    "57": "the database server stopped the write; try again in a moment",
}
# What psycopg says when the connection itself fails (no SQLSTATE then).
CONNECTION_WORDS = ("connection refused", "server closed the connection",
                    "connection is lost", "connection is closed", "could not connect",
                    "consuming input failed", "sending query failed", "connection failed",
                    "no route to host", "timeout expired", "terminating connection")


def explain_refusal(exc: BaseException) -> str:
    if isinstance(exc, WriteRefused):  # already in words (a ChangedElsewhereError too)
        return str(exc)
    if type(exc).__name__ == "StaleDataError":
        return "it was changed in another window meanwhile"
    reason = getattr(exc, "orig", None) or exc
    state = getattr(reason, "sqlstate", None)
    if isinstance(state, str):
        words = SQLSTATES.get(state) or SQLSTATE_CLASSES.get(state[:2])
        if words:
            return words
    text = str(reason).lower()
    if getattr(exc, "connection_invalidated", False) or any(
            needle in text for needle in CONNECTION_WORDS):
        return SERVER_GONE
    for needle, words in KNOWN:
        if needle in text:
            return words
    first = str(reason).strip().splitlines()[0] if str(reason).strip() else ""
    return f"it said: {first[:120]}" if first else "for a reason it did not give"
