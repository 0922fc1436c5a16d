"""The theme picked in the command palette, kept for the next start in config.toml's
[appearance] table, and which theme a start uses."""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path
from typing import Any

from compass_tui.services.config_file import ConfigError, config_path, table_in, where, write_table

TABLE = "appearance"
KEY = "theme"
SIXTEEN_COLOUR_THEME = "ansi-dark"
# Themes drawn in the terminal's own 16 colours: the only ones that read well there.
ANSI_PREFIX = "ansi-"


def theme_in(data: dict[str, Any], path: Path) -> str | None:
    """The saved theme's name, or None; ConfigError naming the line when it is no name."""
    value = table_in(data, TABLE, path).get(KEY)
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        raise ConfigError(f"{where(path, TABLE, KEY)}: {KEY} should be a theme's name, "
                          "such as \"nord\"")
    return value.strip()


def save_theme(name: str, path: Path | None = None) -> Path:
    """Keep `name` for the next start; ConfigError when the file cannot be read."""
    return write_table(TABLE, {KEY: name}, path or config_path())


def choose_theme(forced: str | None, saved: str | None, known: Collection[str],
                 sixteen_colours: bool) -> str | None:
    """The theme to start with, or None for the default: COMPASS_THEME (`forced`) wins,
    then the saved one; a 16-colour terminal keeps its plain ANSI theme unless the saved
    one is also drawn in ANSI colours. Unknown names are passed over (the caller says so)."""
    if forced and forced in known:
        return forced
    if saved and saved in known and (not sixteen_colours or saved.startswith(ANSI_PREFIX)):
        return saved
    return SIXTEEN_COLOUR_THEME if sixteen_colours else None
