"""The Values tab: ranked core values and the self-assessment, one section at a time."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Container
from textual.widgets import TabbedContent, TabPane

from compass_tui.ui.widgets.values.core_values_section import CoreValuesSection
from compass_tui.ui.widgets.values.passions_section import PassionsSection
from compass_tui.ui.widgets.values.personality_section import PersonalitySection
from compass_tui.ui.widgets.values.skills_section import SkillsSection
from compass_tui.ui.widgets.values.swot_section import SwotSection

if TYPE_CHECKING:
    from compass_tui.ui.app import CompassApp

# (pane id, label, section widget); each section builds itself when first shown.
SECTIONS: tuple[tuple[str, str, type[Any]], ...] = (
    ("section-values", "Core values", CoreValuesSection),
    ("section-skills", "Skills", SkillsSection),
    ("section-passions", "Passions", PassionsSection),
    ("section-swot", "SWOT", SwotSection),
    ("section-personality", "Personality", PersonalitySection),
)


class ValuesTab(Container):
    app: CompassApp

    BINDINGS = [
        Binding("right_square_bracket", "section(1)", "Next section", id="values.next"),
        Binding("left_square_bracket", "section(-1)", "Prev section", id="values.prev"),
    ]

    def compose(self) -> ComposeResult:
        with TabbedContent(id="values-sections"):
            for pane_id, label, section in SECTIONS:
                with TabPane(label, id=pane_id):
                    yield section(id=f"{pane_id}-body")

    @property
    def current_section(self) -> Any:
        active = self.query_one("#values-sections", TabbedContent).active
        return self.query_one(f"#{active}-body")

    def focus_default(self) -> None:
        self.current_section.focus_default()

    def action_section(self, step: int) -> None:
        tabs = self.query_one("#values-sections", TabbedContent)
        ids = [pane_id for pane_id, _label, _section in SECTIONS]
        tabs.active = ids[(ids.index(tabs.active) + step) % len(ids)]
        self.focus_default()

    def on_tabbed_content_tab_activated(self, event: TabbedContent.TabActivated) -> None:
        event.stop()  # the app's own tabs must not see the sections switch
        # Focus follows only while this tab is showing: focusing a widget in a hidden
        # tab would make the app switch to it (as at start-up, when sections mount).
        if self.app.query_one("#tabs", TabbedContent).active == "values":
            self.call_after_refresh(self.focus_default)

    def action_add(self) -> None:
        self.current_section.action_add()
