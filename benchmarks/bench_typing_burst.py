"""Keys arriving in bursts, as over SSH, in the entry editor of a real terminal (pty).

    .venv/bin/python benchmarks/bench_typing_burst.py [--runs 10] [--keys 200]

The app hands on each key only once the key before it has taken effect (focus moved,
screen opened), except a character typed into the field that has the focus: this
measures what that costs. With an empty journal, `n` opens the editor; then, each run:

- one key: a single character written to the pty, until it is painted in the title;
- a burst: KEYS letters in one write (as a paste without bracketing, or a stalled
  link catching up), until the last of them is painted; reported per key as well;
- a burst across fields: a title, Tab, a time, Tab, a tag, in one write, until the
  tag is painted.

Between runs the fields are emptied (ctrl+u, with a pause). Run it with another
checkout's venv to compare (`/path/to/other/.venv/bin/python benchmarks/...`).
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from _common import find_compass, machine_note, median
from pty_terminal import PtyTerminal

from compass_tui.store.repository import Repository

CLEAR = "\x15"  # ctrl+u: delete to the start of the line
BACK_TAB = "\x1b[Z"


def report(label: str, times: list[float], what: str = "") -> None:
    print(f"  {label:18} {median(times) * 1000:7.1f} ms median of {len(times)} "
          f"(min {min(times) * 1000:.1f}, max {max(times) * 1000:.1f}){what}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--keys", type=int, default=200, help="letters in a burst")
    args = parser.parse_args(argv)
    singles: list[float] = []
    bursts: list[float] = []
    fields: list[float] = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        folder.chmod(0o700)
        db = folder / "burst.db"
        Repository.open(f"sqlite:///{db}").close()
        db.chmod(0o600)
        env = {"COMPASS_DB": str(db), "XDG_CONFIG_HOME": str(folder / "config"),
               "XDG_DATA_HOME": str(folder / "data")}
        term = PtyTerminal([str(find_compass())], 80, 24, env=env)
        try:
            term.wait_for("No entries yet")
            time.sleep(1.0)  # start-up's background work
            term.press("n")
            term.wait_for("First line")
            # Distinct letters at the end, so "painted" means the last keys arrived.
            letters = ("abcdefghij" * (args.keys // 10 + 1))[:args.keys - 3] + "XYZ"
            for _run in range(args.runs):
                singles.append(term.timed("~", "~"))  # a character drawn nowhere else
                term.press(CLEAR)
                time.sleep(0.2)
                bursts.append(term.timed(letters, "XYZ"))
                term.press(CLEAR)
                time.sleep(0.2)
                fields.append(term.timed("Met Ana\t9:30\t@burst", "@burst"))
                # Back to an empty title: each field emptied, from the tags up.
                term.press(CLEAR + BACK_TAB + CLEAR + BACK_TAB + CLEAR)
                time.sleep(0.3)
        finally:
            term.close()
    print(f"typing in bursts: entry editor, 80x24 pty; {machine_note()}")
    report("one key", singles, ": written to painted")
    report(f"{args.keys} keys at once", bursts,
           f": to the last painted ({median(bursts) / args.keys * 1000:.2f} ms a key)")
    report("title Tab time Tab tag", fields, ": to the tag painted")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
