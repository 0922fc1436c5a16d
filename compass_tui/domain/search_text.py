"""What full-text search sees of an entry, and what a query asks of it.

One set of rules for every database: the store writes each entry's search text with
`search_text` and both indexes (SQLite's FTS5, PostgreSQL's tsvector) only split it at
spaces, so the same query finds the same entries on either. The rules are those the
journal always searched by: words are runs of letters and digits, compared without
regard to case or accents ("cafe" finds "Café"); a query word matches the start of a
word ("lea" finds "leadership", never "clear"); every query word must match; a query
word made of several (snake_case, co-founder, don't) matches them side by side, in
title, tags or body but never across two of them. Chinese and Japanese are written
without spaces, so each of their characters is a word of its own: "東京" finds
"私は東京に住んでいます" as the two characters side by side.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from compass_tui.domain.highlight import search_terms

# Between title, tags and body: a word of its own (it takes a position in the index)
# that no text and no query can produce, so no phrase runs from one part into the next.
PART_BREAK = "¶"

# Written without spaces: each character is a word (kana, bopomofo, ideographs).
_SPACELESS = ("\u3005-\u3007\u3021-\u3029\u3031-\u3035\u303b\u303c\u3040-\u30ff"
              "\u3100-\u312f\u31a0-\u31bf\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff"
              "\uf900-\ufaff\U00020000-\U000323af")
_WORDS = re.compile(f"[{_SPACELESS}]|[^\\W_{_SPACELESS}]+")
# The same for ASCII text, which folds to lower case letters and digits: a class the
# regex engine scans many times faster (a journal's import spends most of its own time
# here).
_ASCII_WORDS = re.compile("[a-z0-9]+")
# The same words once more, for an entry's whole text: every byte that is no ASCII
# letter or digit becomes a space and letters become lower case in one C pass, so only
# the spaces between words are left to even out. An import of a journal of years
# spends most of its own time making search texts; this way takes half as long.
_ASCII_FOLD = bytes(c if chr(c).isascii() and chr(c).isalnum() else 32
                    for c in range(256)).lower()


def fold(text: str) -> str:
    """Lower case without accents; compatibility forms (ﬁ, Ｆｕｌｌ) as their letters."""
    if text.isascii():
        return text.lower()
    folded = unicodedata.normalize("NFKD", unicodedata.normalize("NFKD", text).casefold())
    category = unicodedata.category
    return "".join(ch for ch in folded if category(ch)[0] != "M")


def words(text: str) -> list[str]:
    """The words of a text, folded, in order."""
    if text.isascii():
        return _ASCII_WORDS.findall(text.lower())
    return _WORDS.findall(fold(text))


def _spaced_words(text: str) -> str:
    """`" ".join(words(text))`."""
    if text.isascii():
        return " ".join(text.encode("ascii").translate(_ASCII_FOLD).decode("ascii").split())
    return " ".join(_WORDS.findall(fold(text)))


_PARTS = f" {PART_BREAK} "


def search_text(title: str, body: str, tags: list[str]) -> str:
    """An entry as the index reads it: its words, one space apart, parts kept apart."""
    return _PARTS.join((_spaced_words(title), _spaced_words(" ".join(tags)),
                        _spaced_words(body)))


def query_phrases(query: str) -> list[list[str]]:
    """Each query word as the index words it must match side by side (the last one as
    the start of a word). Empty when the query holds no word (only punctuation, emoji):
    such a query matches nothing."""
    found = [words(term) for term in search_terms(fold(query))]
    return [phrase for phrase in found if phrase]


def stale_search_ids(rows: Iterable[tuple[int, str, str, str, str]]) -> list[int]:
    """Ids of entries (id, title, body, tags_text, search_text) whose search text is not
    what these rules make of them: written by something other than the app."""
    return [row_id for row_id, title, body, tags, stored in rows
            if stored != search_text(title, body, tags.split())]
