"""What the command line writes to a file the user names (`-o FILE`, a folder, a backup):
an existing file is never replaced unless the command says --force or the person at
the terminal answers yes. Every such option is added and claimed here, so a new one
behaves the same without a line of its own."""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

FORCE_HELP = "replace what is already there without asking"


class OutputError(Exception):
    """One line for the user; the process exits 2 and nothing was written."""


@dataclass(frozen=True)
class Output:
    """A file to write, checked: `replace` is True only when it existed and the user
    agreed to replace it."""

    path: Path
    replace: bool = False


def add_force_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--force", action="store_true", help=FORCE_HELP)


def add_output_option(parser: argparse.ArgumentParser, help: str,
                      group: argparse._ActionsContainer | None = None) -> None:
    """`-o FILE` (on `group` when given, for options it excludes) and --force. main()
    turns FILE into an Output before the command runs."""
    (group or parser).add_argument("-o", "--output", metavar="FILE", help=help)
    add_force_option(parser)


def may_replace(force: bool, question: str) -> bool:
    """--force, or a yes typed at a terminal; never a guess when no one can answer."""
    if force:
        return True
    if sys.stdin is None or not sys.stdin.isatty() or not sys.stderr.isatty():
        return False
    print(f"{question} [y/N] ", end="", file=sys.stderr, flush=True)
    return sys.stdin.readline().strip().lower() in ("y", "yes")


def refuse_existing(path: Path, force: bool) -> bool:
    """True when `path` exists and may be replaced; False when it does not exist.
    OutputError when it exists and may not."""
    if not (path.exists() or path.is_symlink()):
        return False
    if may_replace(force, f"{path} already exists. Replace it?"):
        return True
    raise OutputError(f"{path} already exists; nothing was written "
                      "(add --force to replace it)")


def claim_output(name: str, force: bool) -> Output:
    path = Path(name).expanduser()
    if path.is_dir():
        raise OutputError(f"{path} is a folder; name a file")
    if not path.parent.is_dir():
        raise OutputError(f"no such folder: {path.parent}")
    return Output(path, replace=refuse_existing(path, force))


def claim_outputs(args: argparse.Namespace) -> None:
    """Every command's -o, checked (and asked about) before the command does any work."""
    name = getattr(args, "output", None)
    if isinstance(name, str):
        args.output = claim_output(name, bool(getattr(args, "force", False)))


@contextlib.contextmanager
def output_file(output: Output) -> Iterator[TextIO]:
    """Written whole or not at all; a file that appeared meanwhile is left alone too."""
    from compass_tui.services.atomic import atomic_text_file  # not paid by `compass due`

    try:
        with atomic_text_file(output.path, replace=output.replace) as out:
            yield out
    except FileExistsError:
        raise OutputError(f"{output.path} appeared while this was writing; it was left "
                          "as it was (add --force to replace it)") from None
    except OSError as exc:
        raise OutputError(f"cannot write {output.path}: {exc.strerror or exc}") from exc
