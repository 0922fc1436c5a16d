"""Find search terms in text for highlighting and snippets."""

from __future__ import annotations

import re


def search_terms(query: str) -> list[str]:
    """Words of a query, without the FTS operators a user may type."""
    words = re.findall(r"[\w@'-]+", query, flags=re.UNICODE)
    return [w.lstrip("@").strip("'-") for w in words if w.upper() not in ("AND", "OR", "NOT")
            and w.lstrip("@").strip("'-")]


def match_spans(text: str, terms: list[str]) -> list[tuple[int, int]]:
    """(start, end) of every word in text that starts with a term, case-insensitively."""
    if not terms or not text:
        return []
    pattern = re.compile(
        r"(?<!\w)(?:" + "|".join(re.escape(t) for t in terms) + r")\w*", re.IGNORECASE
    )
    return [m.span() for m in pattern.finditer(text)]


def snippet(text: str, terms: list[str], width: int = 120) -> str:
    """A one-line window of text around the first match (or its start)."""
    flat = " ".join(text.split())
    spans = match_spans(flat, terms)
    if not spans:
        return flat[:width]
    start = max(0, spans[0][0] - width // 3)
    piece = flat[start : start + width]
    return ("…" if start else "") + piece + ("…" if start + width < len(flat) else "")
