"""Start-up time and memory of the TUI in a real terminal (tmux), by journal size,
beside a bare Textual app of the same shape (benchmarks/bare_app.py: five tabs, a
list, a footer), the floor any Textual app starts from.

    .venv/bin/python benchmarks/bench_startup.py [--terminal 80x24 --terminal 200x60]
        [--runs 5] [--journals 0 10 1000 100000] [--no-bare]

Each run starts `env COMPASS_DB=COPY compass` in a fresh detached tmux session,
polls `tmux capture-pane -p` every ~10 ms until the newest entry's list line
("HH:MM " and the first 20 characters of its title) is on the screen ("No entries
yet" for an empty journal), and records the seconds since launch. It then reads
VmRSS of the app's process (the pane's process) at that moment and again after a
1 s settle, and kills the session. The bare app is timed the same way, to its first
list row. For compass the run then waits for the journal to be open behind the painted
shell (the Journal tab's own keys in the key bar, "n New": keys typed before then wait
for it), and reports that moment too ("open s"). Runs are interleaved across journal
sizes and the bare app, so the machine's drift hits all alike, and each size's median
is given as a ratio of the bare app's from the same run.

The sources are byte-compiled first (as `pip install` does), so no launch pays for
compiling them, whatever PYTHONDONTWRITEBYTECODE says.

tmux runs on a private socket (-L) with a server kept up for the whole benchmark,
so no run pays for starting the tmux server.
"""

from __future__ import annotations

import argparse
import compileall
import os
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from _common import (
    OUT_DIR,
    REPO_ROOT,
    copy_db,
    ensure_journal,
    find_compass,
    machine_note,
    median,
)

from compass_tui.services.journal import JournalService
from compass_tui.store.repository import Repository

BARE_APP = Path(__file__).resolve().parent / "bare_app.py"
BARE_FIRST_ROW = "09:30 Bare app, first row"  # bare_app.FIRST_ROW
BARE = -1  # the bare app's place among the journal sizes
EMPTY_TEXT = "No entries yet"
READY_TEXT = " n New "  # the Journal tab's key bar: the journal is open
TITLE_CHARS = 20  # the 80x24 list shows 22 characters of a title, then "…"
POLL_SECONDS = 0.01
SETTLE_SECONDS = 1.0
TIMEOUT_SECONDS = 60.0


class Tmux:
    """A tmux server of our own (private socket), alive until close()."""

    def __init__(self) -> None:
        self.socket = f"compass-bench-{os.getpid()}"
        # Keep the server up between sessions so launches do not include its start.
        self.run("start-server", ";", "set-option", "-g", "exit-empty", "off",
                 ";", "set-option", "-g", "remain-on-exit", "on")  # a crash stays readable
        self.socket_path = Path(self.run("display-message", "-p", "#{socket_path}").strip())

    def run(self, *args: str, check: bool = True) -> str:
        done = subprocess.run(["tmux", "-L", self.socket, *args],
                              capture_output=True, text=True)
        if check and done.returncode != 0:
            raise RuntimeError(f"tmux {' '.join(args)}: {done.stderr.strip()}")
        return done.stdout

    def new_session(self, name: str, width: int, height: int, command: list[str]) -> None:
        # Several arguments: tmux executes the command itself, with no shell in between.
        self.run("new-session", "-d", "-s", name, "-x", str(width), "-y", str(height), *command)

    def screen(self, name: str) -> str:
        return self.run("capture-pane", "-p", "-t", name, check=False)

    def pane_dead(self, name: str) -> bool:
        return self.run("display-message", "-p", "-t", name, "#{pane_dead}",
                        check=False).strip() != "0"

    def pane_pid(self, name: str) -> int:
        return int(self.run("list-panes", "-t", name, "-F", "#{pane_pid}").split()[0])

    def wait_for(self, name: str, text: str, timeout: float = 10.0,
                 poll: float = 0.003) -> float:
        """Seconds until text is on the screen; raises after timeout."""
        started = time.perf_counter()
        while text not in self.screen(name):
            if time.perf_counter() - started > timeout:
                raise RuntimeError(f"{text!r} not on screen:\n{self.screen(name)}")
            time.sleep(poll)
        return time.perf_counter() - started

    def kill_session(self, name: str) -> None:
        self.run("kill-session", "-t", name, check=False)

    def close(self) -> None:
        self.run("kill-server", check=False)
        if self.socket_path.name == self.socket:
            self.socket_path.unlink(missing_ok=True)


def status_kib(pid: int, key: str) -> int | None:
    """A "kB" field of /proc/PID/status (VmRSS, VmHWM), or None once the process is gone."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(key + ":"):
                return int(line.split()[1])
    except (FileNotFoundError, ProcessLookupError):
        return None
    return None


def cpu_seconds(pid: int) -> float | None:
    """User + system CPU time of a process (all its threads) so far."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (FileNotFoundError, ProcessLookupError):
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def app_pid(pane_pid: int) -> int:
    """The pane runs `env ... compass`; env execs the app, but follow a shell if there is one."""
    pid = pane_pid
    for _ in range(5):
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
        if b"compass" in cmdline and b"COMPASS_DB=" not in cmdline:
            return pid
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        if not children:
            return pid  # env has not exec'd yet: it will keep this pid
        pid = int(children[0])
    return pid


def wait_gone(pid: int, timeout: float = 10.0) -> None:
    end = time.monotonic() + timeout
    while Path(f"/proc/{pid}").exists() and time.monotonic() < end:
        time.sleep(0.02)
    if Path(f"/proc/{pid}").exists():
        os.kill(pid, signal.SIGKILL)  # our own app process, left after a hang-up


def expected_text(db: Path) -> str:
    """What the first list line shows for the newest entry (HH:MM and the title's start)."""
    repo = Repository.open("sqlite:///" + str(db), upgrade=False)
    try:
        newest = JournalService(repo).page(size=1)
    finally:
        repo.close()
    if not newest:
        return EMPTY_TEXT
    entry = newest[0]
    return f"{entry.entry_date:%H:%M} {(entry.title or '(untitled)')[:TITLE_CHARS]}"


@dataclass
class Sample:
    seconds: float
    ready: float
    cpu_painted: float
    cpu_settled: float
    rss_painted_mib: float
    rss_settled_mib: float
    hwm_mib: float


@dataclass
class Journal:
    entries: int  # BARE for the bare Textual app
    db: Path | None
    expected: str
    samples: dict[str, list[Sample]] = field(default_factory=dict)

    @property
    def label(self) -> str:
        return "bare" if self.entries == BARE else str(self.entries)


def one_run(tmux: Tmux, compass: Path, journal: Journal, width: int, height: int,
            name: str) -> Sample:
    if journal.db is None:
        command = [sys.executable, str(BARE_APP)]
    else:
        command = ["env", f"COMPASS_DB={journal.db}", str(compass)]
    started = time.perf_counter()
    tmux.new_session(name, width, height, command)
    try:
        polls = 0
        while True:
            screen = tmux.screen(name)
            if journal.expected in screen:
                seconds = time.perf_counter() - started
                break
            polls += 1
            if polls % 25 == 0 and tmux.pane_dead(name):
                raise RuntimeError(f"the app ended before showing {journal.expected!r}:\n"
                                   f"{tmux.screen(name)}")
            if time.perf_counter() - started > TIMEOUT_SECONDS:
                raise RuntimeError(f"{journal.expected!r} not on screen after "
                                   f"{TIMEOUT_SECONDS:.0f} s:\n{screen}")
            time.sleep(POLL_SECONDS)
        pid = app_pid(tmux.pane_pid(name))
        painted = status_kib(pid, "VmRSS") or 0
        cpu_painted = cpu_seconds(pid) or 0.0
        ready = seconds
        if journal.db is not None:
            while READY_TEXT not in tmux.screen(name):
                if time.perf_counter() - started > TIMEOUT_SECONDS:
                    raise RuntimeError(f"{READY_TEXT!r} not on screen:\n{tmux.screen(name)}")
                time.sleep(POLL_SECONDS)
            ready = time.perf_counter() - started
        time.sleep(SETTLE_SECONDS)
        settled = status_kib(pid, "VmRSS") or 0
        cpu_settled = cpu_seconds(pid) or 0.0
        hwm = status_kib(pid, "VmHWM") or 0
    finally:
        tmux.kill_session(name)
    wait_gone(pid)
    return Sample(seconds, ready, cpu_painted, cpu_settled, painted / 1024, settled / 1024,
                  hwm / 1024)


def run_with_retry(tmux: Tmux, compass: Path, journal: Journal, width: int, height: int,
                   name: str, tries: int = 3) -> Sample:
    """A run that fails (the app died, or never painted) is reported and tried again."""
    for attempt in range(1, tries + 1):
        try:
            return one_run(tmux, compass, journal, width, height, f"{name}-{attempt}")
        except RuntimeError as exc:
            print(f"[{name}: attempt {attempt} failed: {exc}]", file=sys.stderr, flush=True)
            if attempt == tries:
                raise
    raise AssertionError("unreachable")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--terminal", action="append", metavar="WxH",
                        help="terminal size, repeatable (default 80x24)")
    parser.add_argument("--journals", type=int, nargs="+", default=[0, 10, 1000, 100_000],
                        metavar="N", help="journal sizes in entries")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--warmup", type=int, default=1, help="untimed launches per size")
    parser.add_argument("--no-bare", action="store_true",
                        help="leave out the bare Textual app")
    args = parser.parse_args(argv)
    terminals = [tuple(int(x) for x in t.lower().split("x")) for t in args.terminal or ["80x24"]]
    if shutil.which("tmux") is None:
        sys.exit("tmux is needed (Debian package tmux)")
    compass = find_compass()
    compileall.compile_dir(REPO_ROOT / "compass_tui", quiet=1)

    journals: list[Journal] = [] if args.no_bare else [Journal(BARE, None, BARE_FIRST_ROW)]
    for n in args.journals:
        source, _ = ensure_journal(n)
        # The app may write drafts: run on a copy, one per size.
        db = copy_db(source, OUT_DIR / f"startup-{n}.db")
        journals.append(Journal(n, db, expected_text(db)))

    load_before = machine_note()
    tmux = Tmux()
    try:
        for width, height in terminals:
            term = f"{width}x{height}"
            for journal in journals:
                journal.samples[term] = []
                for i in range(args.warmup):
                    run_with_retry(tmux, compass, journal, width, height,
                                   f"warm-{journal.label}-{i}")
            for run in range(args.runs):
                for journal in journals:  # interleaved, so drift hits every size alike
                    sample = run_with_retry(tmux, compass, journal, width, height,
                                            f"run-{journal.label}-{run}")
                    journal.samples[term].append(sample)
    finally:
        tmux.close()

    version = subprocess.run(["tmux", "-V"], capture_output=True, text=True).stdout.strip()
    app = compass.relative_to(REPO_ROOT) if compass.is_relative_to(REPO_ROOT) else compass
    print(f"start-up benchmark: launch -> first entry painted, {args.runs} runs per size "
          f"(median), {version}, app {app}")
    print(f"machine before: {load_before}; after: {machine_note()}")
    for width, height in terminals:
        term = f"{width}x{height}"
        print(f"\nterminal {term}")
        bare = next((j.samples[term] for j in journals if j.entries == BARE), None)
        print(f"{'entries':>8} {'start s':>8} {'min s':>7} {'max s':>7} {'/bare':>6} "
              f"{'open s':>6} {'CPU s':>6} {'CPU +1s':>7} {'RSS MiB':>8} {'/bare':>6} "
              f"{'RSS +1s':>8} {'peak':>6}  waited for")
        for journal in journals:
            s = journal.samples[term]
            secs = [x.seconds for x in s]
            rss = median([x.rss_painted_mib for x in s])
            if bare:
                vs_bare = median(secs) / median([x.seconds for x in bare])
                rss_vs_bare = rss / median([x.rss_painted_mib for x in bare])
                ratios = f"{vs_bare:>5.2f}x", f"{rss_vs_bare:>5.2f}x"
            else:
                ratios = ("-", "-")
            print(f"{journal.label:>8} {median(secs):>8.3f} {min(secs):>7.3f} {max(secs):>7.3f} "
                  f"{ratios[0]:>6} {median([x.ready for x in s]):>6.2f} "
                  f"{median([x.cpu_painted for x in s]):>6.2f} "
                  f"{median([x.cpu_settled for x in s]):>7.2f} "
                  f"{rss:>8.1f} {ratios[1]:>6} "
                  f"{median([x.rss_settled_mib for x in s]):>8.1f} "
                  f"{median([x.hwm_mib for x in s]):>6.1f}  {journal.expected!r}")
        by_size = {j.entries: j.samples[term] for j in journals}
        if 0 in by_size and 100_000 in by_size:
            small, big = by_size[0], by_size[100_000]
            start_ratio = (median([x.seconds for x in big])
                           / median([x.seconds for x in small]))
            rss_ratio = (median([x.rss_settled_mib for x in big])
                         / median([x.rss_settled_mib for x in small]))
            painted_ratio = (median([x.rss_painted_mib for x in big])
                             / median([x.rss_painted_mib for x in small]))
            cpu_ratio = (median([x.cpu_painted for x in big])
                         / median([x.cpu_painted for x in small]))
            print(f"ratio 100k/0: start-up {start_ratio:.2f}x (CPU to paint {cpu_ratio:.2f}x), "
                  f"RSS painted {painted_ratio:.2f}x, RSS +1s {rss_ratio:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
