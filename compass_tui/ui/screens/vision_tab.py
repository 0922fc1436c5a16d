"""The Vision tab: the purpose and the board, the why of the goals, the career story."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Container
from textual.widgets import ContentSwitcher, Static, TabbedContent

from compass_tui.ui.widgets.vision.board_section import BoardSection
from compass_tui.ui.widgets.vision.narrative_section import NarrativeSection
from compass_tui.ui.widgets.vision.why_section import WhySection

if TYPE_CHECKING:
    from compass_tui.ui.app import CompassApp

# (section id, label, section widget), in the order [ and ] walk them.
SECTIONS: tuple[tuple[str, str, type[Any]], ...] = (
    ("vision-section-board", "Board", BoardSection),
    ("vision-section-why", "Why", WhySection),
    ("vision-section-narrative", "Narrative", NarrativeSection),
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


class VisionTab(Container):
    """Sections in a light switcher: each is mounted the first time it is shown."""

    app: CompassApp

    BINDINGS = [
        Binding("right_square_bracket", "section(1)", "Next section", id="vision.next"),
        Binding("left_square_bracket", "section(-1)", "Prev section", id="vision.prev"),
    ]

    def compose(self) -> ComposeResult:
        yield Static(section_bar(FIRST), id="vision-section-bar")
        with ContentSwitcher(id="vision-sections", initial=FIRST):
            yield BoardSection(id=FIRST)

    @property
    def active_section(self) -> str:
        return self.query_one("#vision-sections", ContentSwitcher).current or FIRST

    @property
    def current_section(self) -> Any:
        return self.query_one(f"#{self.active_section}")

    def focus_default(self) -> None:
        self.current_section.focus_default()

    def reload(self) -> None:
        """Every section mounted so far, read again."""
        for section_id, _label, _widget in SECTIONS:
            for section in self.query(f"#{section_id}"):
                section.reload()

    async def show_section(self, section_id: str) -> None:
        switcher = self.query_one("#vision-sections", ContentSwitcher)
        if not switcher.query(f"#{section_id}"):
            widget = next(w for s, _label, w in SECTIONS if s == section_id)
            await switcher.mount(widget(id=section_id))
        switcher.current = section_id
        self.query_one("#vision-section-bar", Static).update(section_bar(section_id))
        # Focusing inside a hidden tab would make the app switch to it.
        if self.app.query_one("#tabs", TabbedContent).active == "vision":
            self.focus_default()

    async def action_section(self, step: int) -> None:
        ids = [section_id for section_id, _label, _widget in SECTIONS]
        await self.show_section(ids[(ids.index(self.active_section) + step) % len(ids)])

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
