"""The vision board with 300 cards: the tab's first paint, and its reflow on a resize.

    .venv/bin/python benchmarks/bench_vision_board.py [--launches 3] [--runs 5]

The database is a copy of the 1,000-entry journal with 300 cards of every kind
(seeded through the store), in a private folder so no start-up warning covers the
board. The app runs on a pseudo-terminal (pty_terminal.py) of 80x24; each launch
waits for start-up to settle, then:

- presses "5" and waits until the first card is painted (the first show);
- resizes the terminal to 200x60 and back to 80x24, several times, each time timing
  from the resize (new size on the pty, then SIGWINCH) until a line that only the new
  layout has is painted: two cards side by side on one line that sit on different
  rows at the old width (the cursor's row, so it is on screen at either size).

Target: the board reflowed under 50 ms.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from datetime import datetime

from _common import OUT_DIR, copy_db, ensure_journal, find_compass, machine_note, median
from pty_terminal import PtyTerminal

from compass_tui.domain.vision import CARD_KINDS, CardInput
from compass_tui.store.repository import Repository
from compass_tui.ui.vision.card_box import columns_for

CARDS = 300
NARROW, WIDE = (80, 24), (200, 60)
GRID_CHROME = 2  # the board's left padding and its scrollbar gutter (styles/vision.tcss)
JOURNAL_READY = "Prompt:"
PHRASES = ("lead a team that ships careful work", "teach what I learn every year",
           "keep my promises, small and large", "calm water: the pace I want to work at")
DOWN = "\x1b[B"


def label(index: int) -> str:
    return f"Card {index + 1:03d}"


def card(index: int) -> CardInput:
    kind = CARD_KINDS[index % len(CARD_KINDS)]
    words = f"{label(index)}: {PHRASES[index % len(PHRASES)]}"
    if kind == "image":
        return CardInput(kind=kind, image=f"~/Pictures/board/{index:03d}.jpg", caption=words)
    return CardInput(kind=kind, text=words, author="A. Mentor" if kind == "quote" else "")


def seed(db_url: str) -> None:
    repo = Repository.open(db_url)
    try:
        repo.vision.add_cards([card(n) for n in range(CARDS)], datetime.now())
    finally:
        repo.close()


def columns_at(width: int) -> int:
    return columns_for(width - GRID_CHROME)


def side_by_side(cursor: int, new: int, old: int) -> re.Pattern[str]:
    """Two neighbours in the cursor's row at `new` columns that `old` columns split
    across rows: one line holding both is proof of the new layout."""
    start = cursor // new * new
    for index in range(start, start + new - 1):
        if index // old != (index + 1) // old:
            return re.compile(rf"{label(index)}\b[^│┃]*[│┃] [│┃] [^│┃]*{label(index + 1)}\b")
    raise SystemExit(f"no telling pair in the row of card {cursor} ({new} vs {old} columns)")


def report(label_text: str, times: list[float], what: str = "") -> None:
    print(f"  {label_text:15} {median(times) * 1000:7.1f} ms median of {len(times)} "
          f"(min {min(times) * 1000:.1f}, max {max(times) * 1000:.1f}){what}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--launches", type=int, default=3)
    parser.add_argument("--runs", type=int, default=5, help="resizes each way per launch")
    args = parser.parse_args(argv)
    journal, _text = ensure_journal(1000)
    # Private, as the app wants a journal to be: else its warning toast covers the board.
    folder = OUT_DIR / "vision-bench"
    folder.mkdir(mode=0o700, exist_ok=True)
    folder.chmod(0o700)
    db = copy_db(journal, folder / "vision-bench.db")
    db.chmod(0o600)
    seed("sqlite:///" + str(db))
    narrow, wide = columns_at(NARROW[0]), columns_at(WIDE[0])
    cursor = wide  # the first card of the second row at the wide size
    to_wide, to_narrow = side_by_side(cursor, wide, narrow), side_by_side(cursor, narrow, wide)
    command = [str(find_compass())]
    firsts: list[float] = []
    widens: list[float] = []
    narrows: list[float] = []
    for _launch in range(args.launches):
        term = PtyTerminal(command, *NARROW, env={"COMPASS_DB": str(db)})
        try:
            term.wait_for(JOURNAL_READY)
            time.sleep(1.0)  # let start-up's background reads (the read-ahead) finish
            firsts.append(term.timed("5", label(0)))
            time.sleep(0.3)
            # First wide with the cursor on the first card, then on the row below it.
            term.timed_resize(*WIDE, side_by_side(0, wide, narrow))
            time.sleep(0.3)
            term.press(DOWN)
            time.sleep(0.3)
            for _run in range(args.runs):
                narrows.append(term.timed_resize(*NARROW, to_narrow))
                time.sleep(0.3)
                widens.append(term.timed_resize(*WIDE, to_wide))
                time.sleep(0.3)
        finally:
            term.close()
    print(f"vision board: {CARDS} cards, 1,000 journal entries; terminal {NARROW[0]}x{NARROW[1]} "
          f"<-> {WIDE[0]}x{WIDE[1]} ({narrow} <-> {wide} columns) via pty; {machine_note()}")
    report("first show", firsts, ": '5' to the first card painted")
    report("to 200 columns", widens, ": resize to the new layout painted (target 50 ms)")
    report("to 80 columns", narrows, ": resize to the new layout painted (target 50 ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
