"""A terminal of our own for key-to-paint timings: the app on a pseudo-terminal whose
output is read as it arrives.

tmux polling spawns a `tmux capture-pane` process every few milliseconds; on a
small machine those processes compete with the app for the CPU and add their own
interval to every figure. Here nothing polls: a reader thread wakes when the app
writes, and "painted" is the moment the bytes that draw the text have reached the
terminal: the text is looked for in the output since the key press, its escape
sequences stripped (cheap, so the harness adds next to nothing). The screen as a
terminal would show it (pyte, a terminal emulator) is built only to wait for start-up
and to report a failure.

Needs pyte (`pip install -e '.[bench]'`).
"""

from __future__ import annotations

import fcntl
import os
import pty
import re
import signal
import struct
import termios
import threading
import time
from collections.abc import Mapping, Sequence

import pyte

# CSI (colours, cursor moves), OSC and other two-byte escapes, and control bytes.
ESCAPES = re.compile(rb"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)"
                     rb"|\x1b[@-Z\\-_]|[\x00-\x08\x0b-\x1f]")


class PtyTerminal:
    """One app process on a pty of `width` x `height`, its screen kept by pyte."""

    def __init__(self, command: Sequence[str], width: int, height: int,
                 env: Mapping[str, str] | None = None) -> None:
        self.screen = pyte.Screen(width, height)
        self._stream = pyte.ByteStream(self.screen)
        self._output = bytearray()  # everything the app wrote
        self._fed = 0  # how much of it the emulator has seen
        self._changed = threading.Condition()
        self._closed = False
        pid, fd = pty.fork()
        if pid == 0:  # the child: become the app
            os.environ.update(env or {})
            os.environ.setdefault("TERM", "xterm-256color")
            os.execvp(command[0], list(command))
        self.pid, self.fd = pid, fd
        fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", height, width, 0, 0))
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        while True:
            try:
                chunk = os.read(self.fd, 65536)
            except OSError:
                chunk = b""
            with self._changed:
                if not chunk:
                    self._closed = True
                else:
                    self._output += chunk
                self._changed.notify_all()
            if not chunk:
                return

    def _display(self) -> str:
        """The screen now (call with the lock held)."""
        self._stream.feed(bytes(self._output[self._fed:]))
        self._fed = len(self._output)
        return "\n".join(self.screen.display)

    def text(self) -> str:
        with self._changed:
            return self._display()

    def wait_for(self, text: str, timeout: float = 10.0) -> float:
        """Seconds until `text` is on the screen; raises after `timeout`."""
        started = time.perf_counter()
        with self._changed:
            while text not in self._display():
                self._wait(text, started, timeout)
        return time.perf_counter() - started

    def _wait(self, text: str, started: float, timeout: float) -> None:
        left = timeout - (time.perf_counter() - started)
        if self._closed or left <= 0:
            raise RuntimeError(f"{text!r} not on screen:\n{self._display()}")
        self._changed.wait(left)

    def press(self, keys: str) -> None:
        os.write(self.fd, keys.encode())

    def timed(self, keys: str, text: str, timeout: float = 10.0) -> float:
        """Seconds from writing `keys` until the app has written `text` (ignoring its
        escape sequences) after them."""
        wanted = text.encode()
        with self._changed:
            mark = len(self._output)
            started = time.perf_counter()
            self.press(keys)
            while wanted not in ESCAPES.sub(b"", bytes(self._output[mark:])):
                self._wait(text, started, timeout)
        return time.perf_counter() - started

    def resize(self, width: int, height: int) -> None:
        """As a terminal window resized: the new size on the pty, then SIGWINCH."""
        with self._changed:
            self._display()  # what came at the old size is laid out at the old size
            self.screen.resize(lines=height, columns=width)
        fcntl.ioctl(self.fd, termios.TIOCSWINSZ, struct.pack("HHHH", height, width, 0, 0))
        os.kill(self.pid, signal.SIGWINCH)

    def timed_resize(self, width: int, height: int, wanted: re.Pattern[str],
                     timeout: float = 10.0) -> float:
        """Seconds from the resize until the app has written text matching `wanted`
        (its escape sequences stripped) after it."""
        with self._changed:
            # The emulator catches up first: feeding it is slow, and not the app's time.
            self._display()
            mark = len(self._output)
            started = time.perf_counter()
            self.resize(width, height)  # the lock is re-entrant (a Condition's RLock)
            while not wanted.search(
                    ESCAPES.sub(b"", bytes(self._output[mark:])).decode("utf-8", "replace")):
                self._wait(wanted.pattern, started, timeout)
        return time.perf_counter() - started

    def close(self) -> None:
        try:
            os.kill(self.pid, signal.SIGTERM)
            os.waitpid(self.pid, 0)
        except (ProcessLookupError, ChildProcessError):
            pass
        self._reader.join(timeout=2)
        os.close(self.fd)
