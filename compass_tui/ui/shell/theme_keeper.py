"""The theme a start uses, and the one picked in the command palette kept for the next."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.theme import Theme

from compass_tui.services.config_file import ConfigError
from compass_tui.services.theme_file import choose_theme, save_theme

if TYPE_CHECKING:
    from compass_tui.ui.app import CompassApp


class ThemeKeeper:
    def __init__(self, app: CompassApp) -> None:
        self.app = app
        self.kept: str | None = None  # the theme on screen that needs no saving

    def start(self, *, sixteen_colours: bool) -> None:
        app = self.app
        forced, saved = app.settings.theme, app.start_settings.theme
        known = app.available_themes
        chosen = choose_theme(forced, saved, known, sixteen_colours)
        if chosen is not None:
            app.theme = chosen
        names = ", ".join(sorted(known))
        if forced and forced not in known:
            app.notify(f"Unknown theme {forced!r} (COMPASS_THEME); choose one of: {names}.",
                       severity="warning", timeout=10)
        elif saved and saved not in known:
            app.notify(f"Unknown theme {saved!r} in {app.start_settings.path}, the default "
                       f"used; choose one of: {names}.", severity="warning", timeout=10)
        self.kept = app.theme
        # Published after each change of App.theme, the start's own included.
        app.theme_changed_signal.subscribe(app, self._changed)

    def _changed(self, theme: Theme) -> None:
        if theme.name == self.kept:
            return
        self.kept = theme.name
        self.app.run_worker(lambda: self._save(theme.name), thread=True, group="theme",
                            exclusive=True, exit_on_error=False)

    def _save(self, name: str) -> None:
        """Off the event loop: a write and an fsync."""
        app = self.app
        try:
            path = save_theme(name, app.start_settings.path)
        except (ConfigError, OSError) as exc:
            app.call_from_thread(app.notify, f"Theme not kept for the next start: {exc}",
                                 severity="warning", timeout=10)
            return
        forced = app.settings.theme
        if forced and forced != name:
            app.call_from_thread(app.notify, f"Theme {name!r} kept in {path}; COMPASS_THEME="
                                 f"{forced} still chooses the theme at start.", timeout=6)
