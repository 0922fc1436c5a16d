"""A terminal of our own for key-to-paint timings: the app on a pseudo-terminal, its
output fed as it arrives into a terminal emulator (pyte), the screen checked after
every chunk.

tmux polling spawns a `tmux capture-pane` process every few milliseconds; on a
small machine those processes compete with the app for the CPU and add their own
interval to every figure. Here nothing polls: a reader thread wakes when the app
writes, so "painted" is the moment the bytes that draw the text reached the terminal.

Needs pyte (`pip install -e '.[bench]'`).
"""

from __future__ import annotations

import fcntl
import os
import pty
import signal
import struct
import termios
import threading
import time
from collections.abc import Mapping, Sequence

import pyte


class PtyTerminal:
    """One app process on a pty of `width` x `height`, its screen kept by pyte."""

    def __init__(self, command: Sequence[str], width: int, height: int,
                 env: Mapping[str, str] | None = None) -> None:
        self.screen = pyte.Screen(width, height)
        self._stream = pyte.ByteStream(self.screen)
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
                    self._stream.feed(chunk)
                self._changed.notify_all()
            if not chunk:
                return

    def text(self) -> str:
        with self._changed:
            return "\n".join(self.screen.display)

    def wait_for(self, text: str, timeout: float = 10.0) -> float:
        """Seconds until `text` is on the screen; raises after `timeout`."""
        started = time.perf_counter()
        with self._changed:
            while text not in "\n".join(self.screen.display):
                left = timeout - (time.perf_counter() - started)
                if self._closed or left <= 0:
                    raise RuntimeError(f"{text!r} not on screen:\n"
                                       + "\n".join(self.screen.display))
                self._changed.wait(left)
        return time.perf_counter() - started

    def press(self, keys: str) -> None:
        os.write(self.fd, keys.encode())

    def timed(self, keys: str, text: str) -> float:
        """Seconds from writing `keys` to `text` on the screen."""
        started = time.perf_counter()
        self.press(keys)
        self.wait_for(text)
        return time.perf_counter() - started

    def close(self) -> None:
        try:
            os.kill(self.pid, signal.SIGTERM)
            os.waitpid(self.pid, 0)
        except (ProcessLookupError, ChildProcessError):
            pass
        self._reader.join(timeout=2)
        os.close(self.fd)
