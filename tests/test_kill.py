"""kill -9 of a real app process while typing: the draft autosave holds all but the
last few seconds, and the next start offers it back. The app runs on a pseudo-terminal,
exactly as over SSH."""

from __future__ import annotations

import fcntl
import os
import pty
import re
import signal
import struct
import sys
import termios
import threading
import time
from pathlib import Path

import pytest

from compass_tui.store.repository import Repository
from tests.databases import Target, url_of
from tests.test_cli import COMMAND

ESCAPES = re.compile(rb"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)"
                     rb"|\x1b[@-Z\\-_]|[\x00-\x08\x0b-\x1f]")

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="needs a Linux pty")


class App:
    """The real `compass` on a pty (the app, or a command when `args` are given); its
    output kept, escape sequences stripped on read."""

    def __init__(self, db: Target, home: Path, *args: str) -> None:
        env = {**os.environ, "COMPASS_DB": str(db), "TERM": "xterm-256color",
               "XDG_CONFIG_HOME": str(home / "config"), "XDG_DATA_HOME": str(home / "data")}
        pid, fd = pty.fork()
        if pid == 0:
            os.execvpe(COMMAND[0], [*COMMAND, *args], env)
        self.pid, self.fd = pid, fd
        fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
        self.output = bytearray()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        while True:
            try:
                chunk = os.read(self.fd, 65536)
            except OSError:
                return
            if not chunk:
                return
            self.output += chunk

    def burst(self, keys: str) -> None:
        """Keys that arrive together, as over SSH: one write, read by the app at once."""
        os.write(self.fd, keys.encode())

    def wait_for(self, text: str, timeout: float = 30.0) -> None:
        deadline = time.monotonic() + timeout
        while text.encode() not in ESCAPES.sub(b"", bytes(self.output)):
            if time.monotonic() > deadline:
                shown = ESCAPES.sub(b"", bytes(self.output))[-2000:].decode(errors="replace")
                raise AssertionError(f"{text!r} never appeared; the app wrote:\n{shown}")
            time.sleep(0.05)

    def type(self, text: str) -> None:
        for char in text:
            os.write(self.fd, char.encode())
            time.sleep(0.02)

    def exit_code(self, timeout: float = 30.0) -> int:
        """Wait for the process to end by itself; its exit code."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                self._reader.join(timeout=5)
                os.close(self.fd)
                return os.waitstatus_to_exitcode(status)
            time.sleep(0.05)
        self.kill(signal.SIGKILL)
        raise AssertionError("the command did not end")

    def kill(self, sig: int) -> None:
        os.kill(self.pid, sig)
        os.waitpid(self.pid, 0)
        os.close(self.fd)


@pytest.fixture
def journal(backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> Target:
    """A fresh journal: a file, or a new PostgreSQL database."""
    if backend == "sqlite":
        return tmp_path / "compass.db"
    return str(request.getfixturevalue("db_url"))


def typing_a_new_entry(db: Target, tmp_path: Path, words: str) -> tuple[Target, App]:
    """The app started on a fresh journal, a new entry begun with `words` typed."""
    Repository.open(url_of(db)).close()
    app = App(db, tmp_path)
    try:
        app.wait_for("No entries yet")
        app.type("n")
        app.wait_for("First line")
        app.type(words)
    except BaseException:
        app.kill(signal.SIGKILL)
        raise
    return db, app


def draft_titles(db: Target) -> list[str]:
    repo = Repository.open(url_of(db))
    try:
        return [d.title for d in repo.drafts.all()]
    finally:
        repo.close()


def test_kill_9_while_typing_loses_at_most_the_last_seconds(journal: Target,
                                                            tmp_path: Path) -> None:
    db, app = typing_a_new_entry(journal, tmp_path, "Words typed before the crash")
    try:
        time.sleep(4.0)  # longer than the 3 s autosave
        app.type(" and a few after")  # these may be lost: seconds, not more
    finally:
        app.kill(signal.SIGKILL)
    [title] = draft_titles(db)
    assert title.startswith("Words typed before the crash")
    again = App(db, tmp_path)
    try:
        again.wait_for("Unsaved draft found")
        again.wait_for("Words typed before the crash")
    finally:
        again.kill(signal.SIGKILL)


def test_sighup_while_typing_loses_nothing(journal: Target, tmp_path: Path) -> None:
    db, app = typing_a_new_entry(journal, tmp_path, "Every last word")
    try:
        time.sleep(0.3)
    finally:
        app.kill(signal.SIGHUP)  # the SSH connection dropped
    assert draft_titles(db) == ["Every last word"]
