"""The app's own commands in the ctrl+p palette."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider

from compass_tui.ui.common.keymap import with_keys
from compass_tui.ui.shell.word_matcher import WordMatcher

if TYPE_CHECKING:
    from compass_tui.ui.app import CompassApp

# (name, help, action run on the app)
COMMANDS: tuple[tuple[str, str, str], ...] = (
    ("New journal entry", "Write today's entry", "new_entry"),
    ("Search the journal", "Full text, tags and dates", "search"),
    ("On this day", "Entries from this date in earlier years", "on_this_day"),
    ("Undo delete", "Bring back the entry trashed last", "undo_trash"),
    ("Open the trash", "Deleted entries, to put back", "open_trash"),
    ("Start the due check-in", "Or resume the one begun ({app.checkin})", "open_checkin"),
    ("Snooze the due check-in", "Until tomorrow or a chosen day ({app.snooze})", "snooze_checkin"),
    ("Weekly check-in now", "Review the week before it is due", "start_checkin('weekly')"),
    ("Monthly check-in now", "Review the month before it is due", "start_checkin('monthly')"),
    ("Check-ins: history and schedule", "Past check-ins, trends, when they fall",
     "checkin_history"),
    ("Import a career history", "Paste one line per event into the Timeline",
     "import_timeline"),
    ("Go to Journal", "Tab 1", "show_tab('journal')"),
    ("Go to Values", "Tab 2", "show_tab('values')"),
    ("Go to Goals", "Tab 3", "show_tab('goals')"),
    ("Go to Timeline", "Tab 4", "show_tab('timeline')"),
    ("Go to Vision", "Tab 5", "show_tab('vision')"),
    ("Use 16-colour theme", "Plain ANSI colours, good over SSH", "use_theme('ansi-dark')"),
    ("Use full-colour theme", "The default theme", "use_theme('textual-dark')"),
    ("Key help", "Every key in one place", "key_help"),
    ("Quit", "Drafts are kept", "quit"),
)


class CompassCommands(Provider):
    @property
    def _app(self) -> CompassApp:
        return self.app  # type: ignore[return-value]

    def _help(self, text: str) -> str:
        return with_keys(text, self._app.key_of)

    def _run(self, action: str) -> partial:
        return partial(self._app.run_action, action)

    async def discover(self) -> Hits:
        for name, help_text, action in COMMANDS:
            yield DiscoveryHit(name, self._run(action), help=self._help(help_text))

    async def search(self, query: str) -> Hits:
        matcher = WordMatcher(query, self.match_style)  # words in any order
        for name, help_text, action in COMMANDS:
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), self._run(action),
                          help=self._help(help_text))
