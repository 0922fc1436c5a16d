"""The bottom line of keys that work now: one Static redrawn when focus moves.

Textual's Footer rebuilds a widget per key on every focus change, which costs
a visible fraction of a second per tab switch; a single line of text does not.

A terminal of 80 columns cannot hold every key of a tab, and a line cut at its end
loses the last keys whatever they are. So the bar chooses: the keys of the area in
use first (the focused widget and the tab or section around it, in the order they
are declared), then the screen's, then the app's; as many as fit, shown in that
order, with `?` (key help, which lists the rest) and the palette key always there.
"""

from __future__ import annotations

from typing import NamedTuple

from rich.text import Text
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Static

HELP_ACTION = "key_help"
# Where room runs out, quit goes first: ctrl+c and key help both say how to quit.
LAST_ACTIONS = ("quit",)
FALLBACK_WIDTH = 80  # before the first layout


class Key(NamedTuple):
    display: str
    description: str
    enabled: bool

    @property
    def width(self) -> int:
        return len(self.text().plain)

    def text(self) -> Text:
        """` n New ` with the key reversed (it reads as a key without colour), then a
        space before the next."""
        style = "bold" if self.enabled else "dim"
        return Text.assemble((f" {self.display} ", f"{style} reverse"),
                             (f"{self.description} ", "" if self.enabled else "dim"))


class KeyBar(Static):
    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)
        self._redraw()

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen) -> None:
        if self.is_attached and screen is self.screen:
            self._redraw()

    def _redraw(self) -> None:
        self.update(self.line())

    def _keys(self) -> tuple[list[tuple[int, Key]], Key | None, Binding | None]:
        """Every shown key once (its first binding per action) with its rank: 0 for the
        area in use, 1 for the screen, 2 for the app, 3 for the last to give way; and
        the help and palette keys."""
        keys: list[tuple[int, Key]] = []
        help_key: Key | None = None
        palette: Binding | None = None
        seen: set[str] = set()
        for node, binding, enabled, _tooltip in self.screen.active_bindings.values():
            if binding.key == self.app.COMMAND_PALETTE_BINDING:
                palette = binding
                continue
            if not binding.show or binding.action in seen:
                continue
            seen.add(binding.action)
            key = Key(self.app.get_key_display(binding), binding.description, enabled)
            if binding.action == HELP_ACTION:
                help_key = key
                continue
            rank = 2 if node is self.app else 1 if node is self.screen else 0
            if binding.action in LAST_ACTIONS:
                rank = 3
            keys.append((rank, key))
        return keys, help_key, palette

    def line(self) -> Text:
        width = self.size.width or FALLBACK_WIDTH
        keys, help_key, palette = self._keys()
        hint = None
        if palette is not None and self.app.ENABLE_COMMAND_PALETTE:
            hint = Text.assemble((f" {self.app.get_key_display(palette)} ", "bold reverse"),
                                 "palette")
        room = width - (help_key.width if help_key else 0) - (hint.cell_len + 1 if hint else 0)
        chosen: set[int] = set()
        # Most needed first; stop at the first that does not fit, so what shows is
        # always the first keys of each rank, never a scattering.
        for index in sorted(range(len(keys)), key=lambda i: keys[i][0]):
            if keys[index][1].width > room:
                break
            room -= keys[index][1].width
            chosen.add(index)
        text = Text(no_wrap=True, overflow="ellipsis")
        for index, (_rank, key) in enumerate(keys):
            if index in chosen:
                text.append_text(key.text())
        if help_key is not None:
            text.append_text(help_key.text())
        if hint is not None:
            text.append(" " * max(1, width - text.cell_len - hint.cell_len))
            text.append_text(hint)
        return text

    def on_resize(self) -> None:
        self._redraw()
