"""The Vision tab: the purpose and the board, the why of the goals, the career story."""

from __future__ import annotations

from textual.binding import Binding

from compass_tui.ui.common.sectioned_tab import Section, SectionedTab
from compass_tui.ui.vision.board_section import BoardSection
from compass_tui.ui.vision.narrative_section import NarrativeSection
from compass_tui.ui.vision.why_section import WhySection

# (section id, label, section widget), in the order [ and ] walk them.
SECTIONS: tuple[Section, ...] = (
    ("vision-section-board", "Board", BoardSection),
    ("vision-section-why", "Why", WhySection),
    ("vision-section-narrative", "Narrative", NarrativeSection),
)
FIRST = SECTIONS[0][0]


class VisionTab(SectionedTab):
    """The purpose and the board, the why of the goals, the career story."""

    TAB = "vision"
    SECTIONS = SECTIONS
    BINDINGS = [
        Binding("right_square_bracket", "section(1)", "Next section", id="vision.next"),
        Binding("left_square_bracket", "section(-1)", "Prev section", id="vision.prev"),
    ]

    def action_add(self) -> None:
        """`n` anywhere in the tab adds a card: on the board, so it is seen arriving."""
        board = self.query_one(BoardSection)
        if self.active_section == FIRST:
            board.action_add()
            return

        async def to_board() -> None:
            await self.show_section(FIRST)
            board.action_add()

        self.call_later(to_board)
