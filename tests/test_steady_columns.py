"""Wide emoji (👍🏽, 👨‍👩‍👧, ❤️) never push a border out of place, whatever width the
terminal draws them at. The terminal here is a small model of one that draws every
code point at its own width (as VTE does, and tmux for most skin tones): the case
in which rich's count of one glyph per sequence and the screen disagree most."""

from __future__ import annotations

import re
import signal
import sys
import time
import unicodedata
from pathlib import Path

import pytest
from rich.cells import cell_len

from compass_tui.domain.entries import EntryInput
from compass_tui.store.repository import Repository
from compass_tui.ui.shell.steady_columns import realign
from tests.conftest import NOW
from tests.test_kill import App

BODY = "Thumbs 👍🏽 up, the family 👨‍👩‍👧 came, ❤️ and 1️⃣ and 🇫🇷 too"
TOKEN = re.compile(r"\x1b\[([0-?]*)[ -/]*([@-~])|\x1b[\]P_^X].*?(?:\x07|\x1b\\)|\x1b[ -~]|.",
                   re.DOTALL)


def code_point_width(char: str) -> int:
    if unicodedata.category(char) in ("Mn", "Me", "Cf") or char == "\ufe0f":
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


class CodePointTerminal:
    """Cells on a grid; cursor moves (CUP, CHA), a clear, and text; the rest ignored."""

    def __init__(self, width: int, height: int) -> None:
        self.width, self.height = width, height
        self.cells = [[" "] * width for _ in range(height)]
        self.x = self.y = 0

    def feed(self, data: str) -> None:
        for match in TOKEN.finditer(data):
            params, final = match.group(1), match.group(2)
            if final is not None:
                numbers = [int(n) if n.isdigit() else 0 for n in params.split(";")]
                if final in "Hf":
                    self.y = max(numbers[0], 1) - 1
                    self.x = max(numbers[1] if len(numbers) > 1 else 1, 1) - 1
                elif final == "G":
                    self.x = max(numbers[0], 1) - 1
                elif final == "J" and numbers[0] == 2:
                    self.cells = [[" "] * self.width for _ in range(self.height)]
                continue
            text = match.group()
            if text.startswith("\x1b"):
                continue
            if text == "\r":
                self.x = 0
            elif text == "\n":
                self.y = min(self.y + 1, self.height - 1)
            elif text >= " ":
                self._put(text)

    def _put(self, char: str) -> None:
        width = code_point_width(char)
        if width == 0 or not (0 <= self.y < self.height):
            return
        for offset in range(width):
            if self.x + offset < self.width:
                self.cells[self.y][self.x + offset] = char if offset == 0 else ""
        self.x += width

    def row(self, y: int) -> list[str]:
        """One string per column ("" for the right half of a wide glyph)."""
        return self.cells[y]


def boxed_line(text: str, inner: int) -> str:
    """A line as Textual writes one: a cursor move, then the cells rich counted."""
    return f"\x1b[1;1H│ {text}{' ' * (inner - cell_len(text))} │"


def test_a_border_after_emoji_stays_in_its_column() -> None:
    terminal = CodePointTerminal(70, 3)
    terminal.feed(realign(boxed_line(BODY, 60)))
    row = terminal.row(0)
    assert row[63] == "│"  # 1 + 1 + 60 + 1: where rich put it
    assert "".join(row).count("│") == 2


def test_without_realigning_this_terminal_pushes_the_border_out() -> None:
    terminal = CodePointTerminal(70, 3)
    terminal.feed(boxed_line(BODY, 60))
    assert terminal.row(0)[63] != "│"  # the model disagrees with rich, as tmux does


def test_output_without_such_glyphs_is_written_unchanged() -> None:
    frame = "\x1b[?2026h\x1b[1;1H\x1b[1mPlain 中文 é\x1b[0m\x1b[2;5Hmore\x1b[?2026l"
    assert realign(frame) is frame


def test_pictures_and_titles_in_the_output_are_passed_through_whole() -> None:
    picture = "\x1bPq#0;2;0;0;0#0~~@@\x1b\\"  # a sixel: its data holds no text
    frame = f"\x1b]0;Journal 👍🏽\x07\x1b[3;10H{picture}\x1b[1;1H❤️ ok"
    out = realign(frame)
    assert picture in out and "\x1b]0;Journal 👍🏽\x07" in out
    terminal = CodePointTerminal(20, 4)
    terminal.feed(out)
    assert "".join(terminal.row(0)[2:5]) == " ok"  # after the heart, where rich counts


@pytest.mark.skipif(sys.platform != "linux", reason="needs a Linux pty")
def test_the_editor_border_holds_in_the_real_app(tmp_path: Path) -> None:
    db = tmp_path / "compass.db"
    repo = Repository.open(f"sqlite:///{db}")
    repo.entries.add(EntryInput(entry_date=NOW, title="Family day 👨‍👩‍👧", body=BODY))
    repo.close()
    app = App(db, tmp_path)
    try:
        app.wait_for("Family day")
        app.type("e")
        app.wait_for("Edit entry")
        time.sleep(0.5)  # the body painted
        output = bytes(app.output).decode(errors="replace")
    finally:
        app.kill(signal.SIGKILL)
    terminal = CodePointTerminal(80, 24)
    terminal.feed(output)
    rows = ["".join(cell or "\0" for cell in terminal.row(y)) for y in range(24)]
    # The body's frame: rounded, or heavy while it has the focus.
    top = next(y for y, row in enumerate(rows) if "╭" in row or "┏" in row)
    bottom = next(y for y, row in enumerate(rows) if "╰" in row or "┗" in row)
    right = max(rows[top].rfind("╮"), rows[top].rfind("┓"))
    assert "Thumbs" in rows[top + 1]
    for y in range(top + 1, bottom):
        assert rows[y][right] in "│┃", f"row {y}: {rows[y]!r}"
