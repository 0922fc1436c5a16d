"""The check-in schedule (table [checkins] of config.toml) and how many automatic
backups to keep ([backup] keep); the file itself is read and written by config_file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from compass_tui.domain.schedule import Schedule, ScheduleError
from compass_tui.services.config_file import (
    ConfigError,
    config_path,
    read_config,
    table_in,
    write_table,
)

TABLE = "checkins"
DEFAULT_KEEP = 10


def schedule_path() -> Path:
    return config_path()


def load_schedule(path: Path | None = None) -> Schedule:
    """The schedule in the file, defaults where it says nothing (or there is no file).
    Raises ScheduleError naming the file when it cannot be read."""
    path = path or schedule_path()
    try:
        return schedule_in(read_config(path), path)
    except ConfigError as exc:
        raise ScheduleError(str(exc)) from exc


def schedule_in(data: dict[str, Any], path: Path) -> Schedule:
    """The schedule in a file already read; ScheduleError naming the file."""
    try:
        table = table_in(data, TABLE, path)
    except ConfigError as exc:
        raise ScheduleError(str(exc)) from exc
    try:
        return Schedule.parse(table)
    except ScheduleError as exc:
        raise ScheduleError(f"{path}: {exc}") from exc


def backup_keep(path: Path | None = None) -> int:
    """How many daily backups to keep; the default when the file says nothing usable."""
    try:
        keep = read_config(path).get("backup", {}).get("keep", DEFAULT_KEEP)
    except (ConfigError, AttributeError):
        return DEFAULT_KEEP
    return keep if isinstance(keep, int) and keep >= 1 else DEFAULT_KEEP


def save_schedule(schedule: Schedule, path: Path | None = None) -> Path:
    """Write the [checkins] table, keeping the rest of the file; whole or not at all."""
    try:
        return write_table(TABLE, schedule.as_dict(), path or schedule_path())
    except ConfigError as exc:
        raise ScheduleError(str(exc)) from exc
