"""The bottom line of keys that work now: one Static redrawn when focus moves.

Textual's Footer rebuilds a widget per key on every focus change, which costs
a visible fraction of a second per tab switch; a single line of text does not.
"""

from __future__ import annotations

from rich.text import Text
from textual.screen import Screen
from textual.widgets import Static


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

    def line(self) -> Text:
        """Each shown action once (its first key), then the command palette key."""
        text = Text(no_wrap=True, overflow="ellipsis")
        seen: set[str] = set()
        palette = None
        for _node, binding, enabled, _tooltip in self.screen.active_bindings.values():
            if binding.key == self.app.COMMAND_PALETTE_BINDING:
                palette = binding
                continue
            if not binding.show or binding.action in seen:
                continue
            seen.add(binding.action)
            style = "bold" if enabled else "dim"
            text.append(f" {self.app.get_key_display(binding)} ", style=f"{style} reverse")
            text.append(f" {binding.description} ", style="" if enabled else "dim")
        if palette is not None and self.app.ENABLE_COMMAND_PALETTE:
            hint = Text.assemble((f" {self.app.get_key_display(palette)} ", "bold reverse"),
                                 " palette")
            room = self.size.width - text.cell_len - hint.cell_len
            text.append(" " * max(1, room))
            text.append_text(hint)
        return text

    def on_resize(self) -> None:
        self._redraw()
