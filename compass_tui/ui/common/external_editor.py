"""Text handed to the user's own editor ($VISUAL/$EDITOR) and brought back.

The app suspends while the editor runs; the text goes through a private temporary
file that is deleted afterwards. Whatever the editor's exit code, what it wrote to
the file is the user's text and comes back.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from textual.app import App

FALLBACK_EDITORS = ("sensible-editor", "editor", "nano", "vim", "vi")
NO_EDITOR = "No editor found: set $EDITOR (for example: export EDITOR=nano)."


def find_editor(configured: str | None) -> list[str] | None:
    """$VISUAL/$EDITOR as a command line, else the first common editor installed."""
    if configured:
        return shlex.split(configured)
    for name in FALLBACK_EDITORS:
        if path := shutil.which(name):
            return [path]
    return None


@dataclass(frozen=True)
class Edited:
    text: str
    code: int  # the editor's exit code
    changed: bool

    def words(self, kept_hint: str = "") -> str:
        """What the status line says about the round trip."""
        if not self.changed:
            return ("Nothing changed in your editor." if self.code == 0 else
                    f"The editor exited with code {self.code}; nothing changed.")
        return (f"Text brought back from your editor{kept_hint}." if self.code == 0 else
                f"The editor exited with code {self.code}; what it saved was kept.")


def edit_externally(app: App[object], command: list[str], text: str, prefix: str) -> Edited:
    """Run the editor on `text`; raises OSError when it cannot be run or read back."""
    fd, name = tempfile.mkstemp(prefix=prefix, suffix=".md")  # 0600: private writing
    path = Path(name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        argv = [*command, str(path)]
        if app.is_headless:
            code = subprocess.call(argv)
        else:
            with app.suspend():
                code = subprocess.call(argv)
        edited = path.read_text(encoding="utf-8")
    finally:
        path.unlink(missing_ok=True)
    return Edited(edited, code, edited != text)
