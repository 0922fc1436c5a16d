"""A TextArea where Tab indents (Markdown lists) and escape still leaves the editor."""

from __future__ import annotations

from textual import events
from textual.widgets import TextArea


class IndentingTextArea(TextArea):
    """TextArea's indent mode spends escape on moving focus to the next field (the
    first field of the form, all of it selected), so the screen's escape never ran
    and the next key replaced the title. Here escape goes on to the screen."""

    def __init__(self, text: str = "", *, id: str | None = None) -> None:
        super().__init__(text, id=id, soft_wrap=True, tab_behavior="indent")

    async def _on_key(self, event: events.Key) -> None:
        if event.key == "escape":
            event.prevent_default()  # not TextArea's handler; the event bubbles on
            return
        await super()._on_key(event)
