"""Backups of a PostgreSQL journal with the server's own tool, pg_dump (custom format,
what pg_restore reads), into the backups folder of this machine's data directory.

pg_dump is PostgreSQL's client package, not a Python one: when it is not on the PATH
the backup is not made, and the caller says what to run instead.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from datetime import date, datetime
from pathlib import Path

from sqlalchemy.engine import URL

from compass_tui.config import data_dir
from compass_tui.store.backup import timestamped_name


class DumpError(RuntimeError):
    """pg_dump is missing or failed; the message says which, in words."""


def pg_dump_program() -> str | None:
    return shutil.which("pg_dump")


def libpq_target(url: URL) -> tuple[str, dict[str, str]]:
    """The URL pg_dump and pg_restore take (no driver, no password), and the password
    in the environment instead: a command line is visible to everyone on the machine."""
    plain = URL.create("postgresql", url.username, None, url.host, url.port, url.database,
                       url.query)
    env = {"PGPASSWORD": str(url.password)} if url.password else {}
    return plain.render_as_string(hide_password=False), env


def stand_in(url: URL) -> Path:
    """A file name standing for the server's database, beside this machine's backups
    folder, so PostgreSQL dumps are named, listed and pruned like file backups."""
    return data_dir() / f"{url.database or 'compass'}.dump"


def dump_command(url: URL, dest: str = "FILE") -> str:
    target, _env = libpq_target(url)
    return f"pg_dump --format=custom --file {dest} '{target}'"


def dump(url: URL, dest: Path) -> Path:
    """A consistent copy (pg_dump reads one snapshot while the app goes on writing),
    written to a temporary name and renamed: never half a file. Readable only by you."""
    program = pg_dump_program()
    if program is None:
        raise DumpError("pg_dump is not on the PATH (Debian: apt install postgresql-client); "
                        f"or run: {dump_command(url)}")
    target, env = libpq_target(url)
    dest.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    partial = dest.with_name(dest.name + ".partial")
    fd = os.open(partial, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600)
    os.close(fd)
    result = subprocess.run([program, "--format=custom", f"--file={partial}", target],
                            env={**os.environ, **env}, capture_output=True, text=True,
                            check=False, timeout=3600)
    if result.returncode != 0:
        partial.unlink(missing_ok=True)
        said = (result.stderr.strip().splitlines() or ["no reason given"])[0]
        raise DumpError(f"pg_dump failed: {said.removeprefix('pg_dump: ')}")
    os.replace(partial, dest)
    return dest


def dump_beside(url: URL, label: str, now: datetime | None = None) -> Path:
    """A dump into this machine's backups folder, named like file backups."""
    db = stand_in(url)
    return dump(url, db.parent / "backups" / timestamped_name(db, label, now))


def daily_dump(url: URL, today: date, *, keep: int, now: datetime | None = None
               ) -> Path | None:
    """At most one a day, the newest `keep` kept; nothing without pg_dump."""
    from compass_tui.store.maintenance import backups_of, prune

    if pg_dump_program() is None:
        return None
    db = stand_in(url)
    stamp = today.strftime("%Y%m%d")
    if any(path.name.split("-daily-")[1].startswith(stamp)
           for path in backups_of(db, "daily")):
        return None
    made = dump_beside(url, "daily", now)
    prune(db, "daily", keep)
    return made
