"""The five tabs' widgets, imported only when they are built.

The first frame draws the shell without them (and so without the models and the
database stack their modules bring in); the journal then opens in a worker, which
imports this, and the tabs are mounted once it is open. Importing this module also
loads every screen and form the tabs reach, which the key check (`app_scopes`) reads.
"""

from __future__ import annotations

from textual.widget import Widget

from compass_tui.ui.checkins.checkin_screen import CheckinScreen
from compass_tui.ui.checkins.checkins_screen import CheckinsScreen
from compass_tui.ui.checkins.snooze import SnoozeScreen
from compass_tui.ui.goals.goals_tab import GoalsTab
from compass_tui.ui.insights.insights_screen import InsightsScreen
from compass_tui.ui.insights.period_form import PeriodForm
from compass_tui.ui.insights.review_screen import ReviewScreen
from compass_tui.ui.journal.draft_recovery import DraftRecoveryScreen
from compass_tui.ui.journal.entry_editor import EntryEditorScreen
from compass_tui.ui.journal.journal_tab import JournalTab
from compass_tui.ui.shell.key_help import KeyHelpScreen
from compass_tui.ui.timeline.timeline_tab import TimelineTab
from compass_tui.ui.values.values_tab import ValuesTab
from compass_tui.ui.vision.vision_tab import VisionTab

__all__ = ["CheckinScreen", "CheckinsScreen", "DraftRecoveryScreen", "EntryEditorScreen",
           "GoalsTab", "InsightsScreen", "JournalTab", "KeyHelpScreen", "PeriodForm",
           "ReviewScreen", "SnoozeScreen", "TimelineTab", "ValuesTab", "VisionTab", "tab_widget"]

TAB_WIDGETS: dict[str, type[Widget]] = {
    "journal": JournalTab,
    "values": ValuesTab,
    "goals": GoalsTab,
    "timeline": TimelineTab,
    "vision": VisionTab,
}


def tab_widget(tab: str) -> Widget:
    """The content of a tab's pane (ids as the styles and tests know them)."""
    return TAB_WIDGETS[tab](id=f"{tab}-tab")
