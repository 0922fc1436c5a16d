"""Reading what an import names: a file, standard input ("-"), or a folder of notes.
Anything unreadable is one plain sentence (ImportFileError), before a record is read."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

STDIN = "-"


class ImportFileError(ValueError):
    """The input as a whole cannot be imported; nothing was written."""


def shown(name: str) -> str:
    return "standard input" if name == STDIN else str(Path(name).expanduser())


def read_bytes(name: str) -> bytes:
    if name == STDIN:
        return sys.stdin.buffer.read()
    path = Path(name).expanduser()
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise ImportFileError(f"no such file: {path}") from None
    except IsADirectoryError:
        raise ImportFileError(f"{path} is a folder; name a file "
                              "(a folder of notes is --format markdown)") from None
    except OSError as exc:
        raise ImportFileError(f"cannot read {path}: {exc.strerror or exc}") from None


def read_text(name: str) -> str:
    data = read_bytes(name)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImportFileError(f"{shown(name)} is not UTF-8 text") from None


def load_json(name: str) -> Any:
    """The whole document, parsed once from the bytes (no decoded copy of the text)."""
    data = read_bytes(name)
    try:
        return json.loads(data)
    except UnicodeDecodeError:
        raise ImportFileError(f"{shown(name)} is not UTF-8 text") from None
    except json.JSONDecodeError as exc:
        raise ImportFileError(f"{shown(name)} is not JSON (line {exc.lineno}, column "
                              f"{exc.colno}: {exc.msg})") from None
    finally:
        del data
