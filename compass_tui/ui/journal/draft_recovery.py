"""Offered at start when an earlier session left unsaved text behind."""

from __future__ import annotations

from typing import Literal

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from compass_tui.domain.entries import Draft

Choice = Literal["resume", "discard", "later"]


class DraftRecoveryScreen(ModalScreen[Choice]):
    BINDINGS = [
        Binding("r,enter", "choose('resume')", "Resume", id="drafts.resume"),
        Binding("d", "choose('discard')", "Discard", id="drafts.discard"),
        Binding("escape,l", "choose('later')", "Later", id="drafts.later"),
    ]

    def __init__(self, draft: Draft, others: int = 0) -> None:
        super().__init__()
        self.draft = draft
        self.others = others

    def compose(self) -> ComposeResult:
        draft = self.draft
        when = draft.updated_at.strftime("%a %d %b %H:%M") if draft.updated_at else "earlier"
        words = len(draft.body.split())
        what = "an edit of an entry" if draft.entry_id else "a new entry"
        title = draft.title.strip() or (draft.body.strip().splitlines() or [""])[0][:60]
        more = f"\n({self.others} more after this one.)" if self.others else ""
        with Vertical(classes="dialog"):
            yield Static("Unsaved draft found", classes="dialog-title")
            yield Static(
                Text.assemble(
                    f"You were writing {what} on {when}:\n\n  ",
                    (title or "(untitled)", "bold"),
                    f"  ({words} words){more}\n\n",
                    ("r", "bold"), " resume   ", ("d", "bold"), " discard   ",
                    ("escape", "bold"), " later",
                ),
                classes="dialog-question",
            )

    def action_choose(self, choice: Choice) -> None:
        self.dismiss(choice)
