"""Find search terms in text for highlighting and snippets."""

from __future__ import annotations

import re
from functools import lru_cache


def search_terms(query: str) -> list[str]:
    """Words of a query; each is matched literally, so "and" or "not" is just a word."""
    words = re.findall(r"[\w@'-]+", query, flags=re.UNICODE)
    return [term for w in words if (term := w.lstrip("@").strip("'-"))]


@lru_cache(maxsize=64)
def _terms_pattern(terms: tuple[str, ...]) -> re.Pattern[str]:
    """Any word starting with one of the terms, as full-text search matches them."""
    return re.compile(
        r"(?<!\w)(?:" + "|".join(re.escape(t) for t in terms) + r")\w*", re.IGNORECASE
    )


def match_spans(text: str, terms: list[str]) -> list[tuple[int, int]]:
    """(start, end) of every word in text that starts with a term, case-insensitively."""
    if not terms or not text:
        return []
    return [m.span() for m in _terms_pattern(tuple(terms)).finditer(text)]


def snippet(text: str, terms: list[str], width: int = 120) -> str:
    """A one-line window of text around the first match (or its start)."""
    flat = " ".join(text.split())
    first = _terms_pattern(tuple(terms)).search(flat) if terms else None
    if first is None:
        return flat[:width]
    start = max(0, first.start() - width // 3)
    piece = flat[start : start + width]
    return ("…" if start else "") + piece + ("…" if start + width < len(flat) else "")
