"""The keys the user chose, from config.toml's [keys] table: a binding's id to one or
more keys, comma-separated (`"app.checkin" = "ctrl+j,f5"`). Whether each id and key
exists is for the screens to say; this reads the table and notes where each line is."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from compass_tui.services.config_file import ConfigError, table_in, where

TABLE = "keys"


@dataclass(frozen=True)
class KeyChoice:
    binding_id: str
    keys: tuple[str, ...]  # as typed, stripped, in order
    where: str  # "FILE, line N", for a warning

    @property
    def text(self) -> str:
        return ",".join(self.keys)


def keys_in(data: dict[str, Any], path: Path) -> tuple[list[KeyChoice], list[str]]:
    """Each usable line of [keys], and one sentence for each line that is not."""
    choices: list[KeyChoice] = []
    problems: list[str] = []
    for binding_id, value in _flat(table_in(data, TABLE, path)).items():
        place = where(path, TABLE, binding_id)
        keys = tuple(part.strip() for part in value.split(",")) if isinstance(
            value, str) else ()
        if not keys or not all(keys):
            problems.append(f"{place}: {binding_id} should name keys, such as "
                            f"\"ctrl+j\" or \"ctrl+j,f5\"; its default is kept")
            continue
        choices.append(KeyChoice(binding_id, keys, place))
    return choices, problems


def _flat(table: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    """`app.checkin = "f5"` unquoted is a table in TOML: read it as the id it spells."""
    flat: dict[str, Any] = {}
    for name, value in table.items():
        if isinstance(value, dict):
            flat.update(_flat(value, f"{prefix}{name}."))
        else:
            flat[f"{prefix}{name}"] = value
    return flat


__all__ = ["TABLE", "ConfigError", "KeyChoice", "keys_in"]
