"""The command palette's matching: every word of the query on its own, in any order.

Textual's matcher wants the letters in the order of the command's name, so "check
weekly" finds nothing though "Weekly check-in now" holds both words. Here each word
is matched as Textual matches a whole query (letters in order, so "wkly" still finds
"Weekly"), anywhere in the name, and a name must hold every word.
"""

from __future__ import annotations

from textual.content import Content
from textual.fuzzy import FuzzySearch
from textual.style import Style


class WordMatcher:
    def __init__(self, query: str, match_style: Style | None = None) -> None:
        self.words = query.split()
        self._match_style = match_style or Style(reverse=True)
        self._search = FuzzySearch()

    def match(self, candidate: str) -> float:
        """0 when a word is missing; else the mean of the words' scores (0 to 1)."""
        if not self.words:
            return 0.0
        scores = [self._search.match(word, candidate)[0] for word in self.words]
        return 0.0 if min(scores) == 0 else sum(scores) / len(scores)

    def highlight(self, candidate: str) -> Content:
        """The name as plain content (never markup), each word's letters marked."""
        content = Content(candidate)
        for word in self.words:
            score, offsets = self._search.match(word, candidate)
            for offset in offsets if score else ():
                if not candidate[offset].isspace():
                    content = content.stylize(self._match_style, offset, offset + 1)
        return content
