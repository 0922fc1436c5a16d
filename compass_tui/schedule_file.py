"""The user's config file (TOML): the check-in schedule (table [checkins]) and how
many automatic backups to keep ([backup] keep).

Read with the standard library's tomllib (fast: `compass due` runs at every login);
written with tomlkit, which keeps the user's comments and other tables.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from compass_tui.config import config_dir
from compass_tui.domain.schedule import Schedule, ScheduleError

TABLE = "checkins"
EXAMPLE = """\
# compass-tui settings.
[checkins]
weekly = "sunday"        # a weekday, or "off"
monthly = "last day"     # "last day", a day 1-28, "first monday", "last friday"..., or "off"
morning = "off"          # morning affirmation: a time such as "07:30", or "off"
evening = "off"          # evening reflection: a time such as "21:00", or "off"
timezone = "local"       # or a name such as "Europe/Paris"

[backup]
keep = 10                # daily automatic backups kept in backups/ beside the database
"""
DEFAULT_KEEP = 10


def schedule_path() -> Path:
    return config_dir() / "config.toml"


def load_schedule(path: Path | None = None) -> Schedule:
    """The schedule in the file, defaults where it says nothing (or there is no file).
    Raises ScheduleError naming the file when it cannot be read."""
    path = path or schedule_path()
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except FileNotFoundError:
        return Schedule()
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ScheduleError(f"{path}: {exc}") from exc
    table = data.get(TABLE, {})
    if not isinstance(table, dict):
        raise ScheduleError(f"{path}: [{TABLE}] should be a table of settings")
    try:
        return Schedule.parse(table)
    except ScheduleError as exc:
        raise ScheduleError(f"{path}: {exc}") from exc


def backup_keep(path: Path | None = None) -> int:
    """How many daily backups to keep; the default when the file says nothing usable."""
    path = path or schedule_path()
    try:
        with path.open("rb") as handle:
            keep = tomllib.load(handle).get("backup", {}).get("keep", DEFAULT_KEEP)
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError, AttributeError):
        return DEFAULT_KEEP
    return keep if isinstance(keep, int) and keep >= 1 else DEFAULT_KEEP


def save_schedule(schedule: Schedule, path: Path | None = None) -> Path:
    """Write the [checkins] table, keeping the rest of the file; whole or not at all."""
    import tomlkit

    from compass_tui.services.atomic import atomic_text_file

    path = path or schedule_path()
    try:
        document = tomlkit.parse(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        document = tomlkit.parse(EXAMPLE)
    except (OSError, tomlkit.exceptions.ParseError, UnicodeDecodeError) as exc:
        raise ScheduleError(f"{path}: {exc}; fix or remove it first") from exc
    table = document.get(TABLE)
    if not isinstance(table, dict):
        table = tomlkit.table()
        document[TABLE] = table
    for key, value in schedule.as_dict().items():
        table[key] = value
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    with atomic_text_file(path) as out:
        out.write(tomlkit.dumps(document))
    return path
