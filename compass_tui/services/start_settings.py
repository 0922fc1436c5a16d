"""What the app reads from config.toml at start, read once: a file that cannot be used
gives the defaults and one sentence saying why, never a failed start."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from compass_tui.domain.schedule import Schedule, ScheduleError
from compass_tui.services.config_file import ConfigError, config_path, read_config
from compass_tui.services.key_file import KeyChoice, keys_in
from compass_tui.services.schedule_file import schedule_in
from compass_tui.services.theme_file import theme_in


@dataclass(frozen=True)
class StartSettings:
    schedule: Schedule
    theme: str | None  # the one picked last time, if any
    path: Path
    problems: tuple[str, ...] = ()  # one warning each
    keys: tuple[KeyChoice, ...] = ()  # the [keys] table's lines that can be read


def load_start_settings(path: Path | None = None) -> StartSettings:
    path = path or config_path()
    try:
        data = read_config(path)
    except ConfigError as exc:
        return StartSettings(Schedule(), None, path, (f"Settings not read, defaults used: "
                                                      f"{exc}",))
    problems = []
    try:
        schedule = schedule_in(data, path)
    except ScheduleError as exc:
        schedule = Schedule()
        problems.append(f"Check-in schedule not read, defaults used: {exc}")
    try:
        theme = theme_in(data, path)
    except ConfigError as exc:
        theme = None
        problems.append(f"Theme not read, the default used: {exc}")
    try:
        keys, key_problems = keys_in(data, path)
    except ConfigError as exc:
        keys, key_problems = [], [f"Keys not read, the defaults used: {exc}"]
    problems.extend(key_problems)
    return StartSettings(schedule, theme, path, tuple(problems), tuple(keys))
