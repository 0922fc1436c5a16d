"""Borders that stay put whatever width the terminal gives an emoji.

Textual lays out every line by rich's cell widths, which count an emoji sequence as
one glyph: 👍🏽 (a skin tone), 👨‍👩‍👧 (joined by ZWJ), ❤️ (with VS16), 1️⃣, each 2 cells.
Terminals do not agree: tmux 3.3 draws 👍🏽 as 4 cells and ❤️ as 1, VTE and others
draw each code point on its own (👨‍👩‍👧 is 6). Past such a glyph, the rest of the line
shifts, and with it the right border of the editor, a card or a pane.

Nothing in the app can know how wide the terminal will draw it, so the output says
where the next cell is instead: after each glyph of uncertain width, the cursor is
sent to the column rich counted (CSI G), and the glyph's cells are painted blank
first, so a glyph drawn narrower leaves nothing stale behind it. A glyph drawn wider
is cut at the width it was given; everything after it keeps its column. Only the
output is touched (the words are stored and edited as typed), and a frame without
such a glyph is written unchanged.
"""

from __future__ import annotations

import re

from rich.cells import split_graphemes
from textual.drivers.linux_driver import LinuxDriver

# Code points whose presence makes a glyph's drawn width a matter of the terminal:
# ZWJ, VS16, the keycap mark, regional indicators (flags), skin-tone modifiers, tags.
UNCERTAIN = re.compile("[\u200d\ufe0f\u20e3\U0001f1e6-\U0001f1ff\U0001f3fb-\U0001f3ff"
                       "\U000e0020-\U000e007f]")
# Escape sequences: CSI (cursor moves and styles); OSC, DCS, APC, PM and SOS strings
# (titles, pictures), which run to their terminator; any other two-byte escape.
ESCAPE = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b[\]P_^X].*?(?:\x07|\x1b\\)|\x1b[ -~]",
                    re.DOTALL)
CURSOR_TO = re.compile(r"\x1b\[(\d*)(?:;(\d*))?([HfG])")
# CSI finals that leave the cursor where it is: styles, modes, erasing, cursor shape.
STILL = frozenset("mhlKJq")
KEYPAD_MODES = ("\x1b=", "\x1b>")


def realign(data: str) -> str:
    """The same output, with the cursor put back in its column after each glyph of
    uncertain width. The column is followed from Textual's cursor moves (every line
    it draws starts with one); where it cannot be followed, nothing is changed."""
    if not UNCERTAIN.search(data):
        return data
    out: list[str] = []
    column: int | None = None  # 0-based; None: not known until the next cursor move
    position = 0
    for escape in ESCAPE.finditer(data):
        column = _text(data[position:escape.start()], column, out)
        sequence = escape.group()
        out.append(sequence)
        column = _after_escape(sequence, column)
        position = escape.end()
    _text(data[position:], column, out)
    return "".join(out)


def _after_escape(sequence: str, column: int | None) -> int | None:
    move = CURSOR_TO.fullmatch(sequence)
    if move is not None:
        row_or_column, column_after_row, final = move.groups()
        wanted = row_or_column if final == "G" else column_after_row
        return max(int(wanted or 1), 1) - 1
    if sequence.startswith("\x1b["):
        return column if sequence[-1] in STILL else None
    if len(sequence) > 2 or sequence in KEYPAD_MODES:
        return column  # a string (a title, a picture): nothing is drawn in the line
    return None  # another move (a restored cursor...): lost until the next absolute one


def _text(text: str, column: int | None, out: list[str]) -> int | None:
    """Append the text, realigned after uncertain glyphs; return the column after it."""
    if not text:
        return column
    if column is None or not UNCERTAIN.search(text):
        out.append(text)
        return _advance(text, column)
    spans, _width = split_graphemes(text)
    for start, end, width in spans:
        glyph = text[start:end]
        if "\r" in glyph or "\n" in glyph:
            out.append(glyph)
            column = _advance(glyph, column)
        elif width and UNCERTAIN.search(glyph) and column is not None:
            # Blank its cells, draw it from its first cell, go on from where rich counts.
            out.append(f"{' ' * width}\x1b[{column + 1}G{glyph}\x1b[{column + width + 1}G")
            column += width
        else:
            out.append(glyph)
            column = None if column is None else column + width
    return column


def _advance(text: str, column: int | None) -> int | None:
    if column is None:
        return None
    if "\r" in text or "\n" in text:
        tail = re.split(r"[\r\n]", text)[-1]
        # A line feed keeps the column (Textual moves the cursor after it anyway).
        base = 0 if "\r" in text else column
        return base + sum(width for _s, _e, width in split_graphemes(tail)[0])
    return column + split_graphemes(text)[1]


class SteadyColumnsDriver(LinuxDriver):
    """Textual's terminal driver, with its output realigned (see realign)."""

    def write(self, data: str) -> None:
        super().write(realign(data))
