"""The Values tab: ranked core values and the self-assessment, one section at a time."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Container
from textual.widgets import ContentSwitcher, Static, TabbedContent

from compass_tui.ui.widgets.values.core_values_section import CoreValuesSection
from compass_tui.ui.widgets.values.passions_section import PassionsSection
from compass_tui.ui.widgets.values.personality_section import PersonalitySection
from compass_tui.ui.widgets.values.skills_section import SkillsSection
from compass_tui.ui.widgets.values.swot_section import SwotSection

if TYPE_CHECKING:
    from compass_tui.ui.app import CompassApp

# (section id, label, section widget), in the order [ and ] walk them.
SECTIONS: tuple[tuple[str, str, type[Any]], ...] = (
    ("section-values", "Core values", CoreValuesSection),
    ("section-skills", "Skills", SkillsSection),
    ("section-passions", "Passions", PassionsSection),
    ("section-swot", "SWOT", SwotSection),
    ("section-personality", "Personality", PersonalitySection),
)
FIRST = SECTIONS[0][0]


def section_bar(active: str) -> Text:
    """One line naming the sections; the current one reversed, so it reads without colour."""
    bar = Text(no_wrap=True, overflow="ellipsis")
    for section_id, label, _widget in SECTIONS:
        bar.append(f" {label} ", style="reverse bold" if section_id == active else "dim")
        bar.append(" ")
    bar.append("  [ ] switch", style="dim italic")
    return bar


class ValuesTab(Container):
    """A light switcher rather than nested tabs: each section is mounted the first
    time it is shown, so opening the tab lays out one section, not five."""

    app: CompassApp

    BINDINGS = [
        Binding("right_square_bracket", "section(1)", "Next section", id="values.next"),
        Binding("left_square_bracket", "section(-1)", "Prev section", id="values.prev"),
    ]

    def compose(self) -> ComposeResult:
        yield Static(section_bar(FIRST), id="values-section-bar")
        with ContentSwitcher(id="values-sections", initial=FIRST):
            yield CoreValuesSection(id=FIRST)

    @property
    def active_section(self) -> str:
        return self.query_one("#values-sections", ContentSwitcher).current or FIRST

    @property
    def current_section(self) -> Any:
        return self.query_one(f"#{self.active_section}")

    def focus_default(self) -> None:
        self.current_section.focus_default()

    async def show_section(self, section_id: str) -> None:
        switcher = self.query_one("#values-sections", ContentSwitcher)
        if not switcher.query(f"#{section_id}"):
            widget = next(w for s, _label, w in SECTIONS if s == section_id)
            await switcher.mount(widget(id=section_id))
        switcher.current = section_id
        self.query_one("#values-section-bar", Static).update(section_bar(section_id))
        # Focusing inside a hidden tab would make the app switch to it.
        if self.app.query_one("#tabs", TabbedContent).active == "values":
            self.focus_default()

    async def action_section(self, step: int) -> None:
        ids = [section_id for section_id, _label, _widget in SECTIONS]
        await self.show_section(ids[(ids.index(self.active_section) + step) % len(ids)])

    def action_add(self) -> None:
        self.current_section.action_add()
