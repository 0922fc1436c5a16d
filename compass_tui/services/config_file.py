"""The user's config file, config.toml, shared by every setting kept there (the check-in
schedule, backups, the theme).

Read with the standard library's tomllib (fast: `compass due` runs at every login);
written one table at a time with tomlkit, which keeps the user's comments and the other
tables, whole or not at all.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

from compass_tui.config import config_dir

FILE_NAME = "config.toml"
# A new file starts as this, so the settings it can hold are there to read.
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

[appearance]
# theme: the one picked last in the command palette (ctrl+p, "Theme")
"""
_AT_LINE = re.compile(r"\s*\(at line (\d+), column \d+\)$")
_HEADER = re.compile(r"^\s*\[\s*([^\]]+?)\s*\]")


class ConfigError(ValueError):
    """The config file cannot be used; the message names the file (and the line, when
    one is to blame)."""


def config_path() -> Path:
    return config_dir() / FILE_NAME


def read_config(path: Path | None = None) -> dict[str, Any]:
    """Everything in the file; empty when there is none. ConfigError when it is not
    TOML (or cannot be read)."""
    path = path or config_path()
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError:
        return {}
    except tomllib.TOMLDecodeError as exc:
        reason = str(exc)
        found = _AT_LINE.search(reason)
        if found is None:
            raise ConfigError(f"{path}: not TOML ({reason})") from exc
        raise ConfigError(f"{path}, line {found.group(1)}: not TOML "
                          f"({reason[: found.start()]})") from exc
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: not UTF-8 text") from exc
    except OSError as exc:
        raise ConfigError(f"{path}: {exc.strerror or exc}") from exc


def where(path: Path, table: str | None, key: str | None = None) -> str:
    """"FILE, line N" for a table's header or one of its keys (table None: a key
    before any table); "FILE" when not found: tomllib keeps no positions, so the text
    is looked through."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return str(path)
    current = None
    for number, line in enumerate(lines, start=1):
        header = _HEADER.match(line)
        if header is not None:
            current = header.group(1).strip("\"' ")
            if key is None and current == table:
                return f"{path}, line {number}"
            continue
        if key is not None and current == table and re.match(
                rf"^\s*[\"']?{re.escape(key)}[\"']?\s*=", line):
            return f"{path}, line {number}"
    return str(path)


def table_in(data: dict[str, Any], name: str, path: Path) -> dict[str, Any]:
    """A table of the file (empty when absent); ConfigError when `name` is not a table."""
    table = data.get(name, {})
    if not isinstance(table, dict):
        raise ConfigError(f"{where(path, None, name)}: {name} should be a table of settings "
                          f"([{name}])")
    return table


def write_table(name: str, values: dict[str, Any], path: Path | None = None) -> Path:
    """Set `values` in table [name], keeping every other line of the file; the file
    appears whole or not at all. ConfigError when the file there cannot be read."""
    import tomlkit

    from compass_tui.services.atomic import atomic_text_file

    path = path or config_path()
    try:
        document = tomlkit.parse(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        document = tomlkit.parse(EXAMPLE)
    except tomlkit.exceptions.ParseError as exc:
        raise ConfigError(f"{path}, line {exc.line}: not TOML; fix or remove it first"
                          ) from exc
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: not UTF-8 text; fix or remove it first") from exc
    except OSError as exc:
        raise ConfigError(f"{path}: {exc.strerror or exc}") from exc
    table = document.get(name)
    if not isinstance(table, dict):
        table = tomlkit.table()
        document[name] = table
    for key, value in values.items():
        table[key] = value
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    with atomic_text_file(path) as out:
        out.write(tomlkit.dumps(document))
    return path
