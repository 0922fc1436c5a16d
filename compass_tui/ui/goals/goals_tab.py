"""The Goals tab: the goals themselves, and beside them the sections that feed them."""

from __future__ import annotations

from textual.binding import Binding

from compass_tui.ui.common.sectioned_tab import Section, SectionedTab
from compass_tui.ui.goals.goals_section import GoalsSection

# (section id, label, section widget), in the order [ and ] walk them.
SECTIONS: tuple[Section, ...] = (
    ("goals-section-goals", "Goals", GoalsSection),
)


class GoalsTab(SectionedTab):
    """SMART goals and their tasks, one section at a time."""

    TAB = "goals"
    SECTIONS = SECTIONS
    BINDINGS = [
        Binding("right_square_bracket", "section(1)", "Next section", id="goals.next"),
        Binding("left_square_bracket", "section(-1)", "Prev section", id="goals.prev"),
    ]

    def action_add(self) -> None:
        self.current_section.action_add()
