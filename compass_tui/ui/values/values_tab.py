"""The Values tab: ranked core values and the self-assessment, one section at a time."""

from __future__ import annotations

from textual.binding import Binding

from compass_tui.ui.common.sectioned_tab import Section, SectionedTab
from compass_tui.ui.values.core_values_section import CoreValuesSection
from compass_tui.ui.values.passions_section import PassionsSection
from compass_tui.ui.values.personality_section import PersonalitySection
from compass_tui.ui.values.skills_section import SkillsSection
from compass_tui.ui.values.swot_section import SwotSection

# (section id, label, section widget), in the order [ and ] walk them.
SECTIONS: tuple[Section, ...] = (
    ("section-values", "Core values", CoreValuesSection),
    ("section-skills", "Skills", SkillsSection),
    ("section-passions", "Passions", PassionsSection),
    ("section-swot", "SWOT", SwotSection),
    ("section-personality", "Personality", PersonalitySection),
)


class ValuesTab(SectionedTab):
    """Ranked core values and the self-assessment, one section at a time."""

    TAB = "values"
    SECTIONS = SECTIONS
    BINDINGS = [
        Binding("right_square_bracket", "section(1)", "Next section", id="values.next"),
        Binding("left_square_bracket", "section(-1)", "Prev section", id="values.prev"),
    ]

    def action_add(self) -> None:
        self.current_section.action_add()
