"""A tab of sections walked with `[` and `]`: a light switcher rather than nested tabs.

Each section is mounted the first time it is shown, so opening the tab lays out one
section, not all of them. A subclass names its tab (`TAB`: the pane id, also the
prefix of its widgets' ids, `#<tab>-sections` and `#<tab>-section-bar`) and its
SECTIONS: (section id, label, section widget class), in walking order.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Container
from textual.widgets import ContentSwitcher, Static, TabbedContent

if TYPE_CHECKING:
    from compass_tui.ui.app import CompassApp

Section = tuple[str, str, type[Any]]


def section_bar(sections: tuple[Section, ...], active: str) -> Text:
    """One line naming the sections; the current one reversed, so it reads without colour."""
    bar = Text(no_wrap=True, overflow="ellipsis")
    for section_id, label, _widget in sections:
        bar.append(f" {label} ", style="reverse bold" if section_id == active else "dim")
        bar.append(" ")
    bar.append("  [ ] switch", style="dim italic")
    return bar


class SectionedTab(Container):
    app: CompassApp

    TAB: ClassVar[str]
    SECTIONS: ClassVar[tuple[Section, ...]]

    @property
    def first(self) -> str:
        return self.SECTIONS[0][0]

    def compose(self) -> ComposeResult:
        section_id, _label, widget = self.SECTIONS[0]
        yield Static(section_bar(self.SECTIONS, section_id), id=f"{self.TAB}-section-bar")
        with ContentSwitcher(id=f"{self.TAB}-sections", initial=section_id):
            yield widget(id=section_id)

    @property
    def active_section(self) -> str:
        return self.query_one(f"#{self.TAB}-sections", ContentSwitcher).current or self.first

    @property
    def current_section(self) -> Any:
        return self.query_one(f"#{self.active_section}")

    def focus_default(self) -> None:
        self.current_section.focus_default()

    def reload(self) -> None:
        """Every section mounted so far, read again."""
        for section_id, _label, _widget in self.SECTIONS:
            for section in self.query(f"#{section_id}"):
                section.reload()

    async def show_section(self, section_id: str) -> None:
        switcher = self.query_one(f"#{self.TAB}-sections", ContentSwitcher)
        fresh = None
        if not switcher.query(f"#{section_id}"):
            widget = next(w for s, _label, w in self.SECTIONS if s == section_id)
            fresh = widget(id=section_id)
            await switcher.mount(fresh)
        switcher.current = section_id
        if fresh is not None:
            # Its first Show can come before it is current and be lost: read it now.
            fresh.reload()
        self.query_one(f"#{self.TAB}-section-bar", Static).update(
            section_bar(self.SECTIONS, section_id))
        # Focusing inside a hidden tab would make the app switch to it.
        if self.app.query_one("#tabs", TabbedContent).active == self.TAB:
            self.focus_default()

    async def action_section(self, step: int) -> None:
        ids = [section_id for section_id, _label, _widget in self.SECTIONS]
        await self.show_section(ids[(ids.index(self.active_section) + step) % len(ids)])
