"""A modal form: fields, ctrl+s to save, escape to cancel, problems said in the form.

Subclasses compose their fields and turn them into a saved result; anything the
user typed that cannot be saved stays on screen with one line saying why.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Generic, TypeVar

from pydantic import ValidationError
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from compass_tui.domain.errors import describe
from compass_tui.services.errors import WriteRefused
from compass_tui.ui.common.key_bar import KeyBar
from compass_tui.ui.common.status_line import StatusLine
from compass_tui.ui.common.typed_text import AsksBeforeDiscarding

if TYPE_CHECKING:
    from compass_tui.ui.app import CompassApp

Result = TypeVar("Result")


class FormScreen(AsksBeforeDiscarding, ModalScreen[Result | None], Generic[Result]):
    app: CompassApp

    BINDINGS = [
        Binding("ctrl+s", "submit", "Save", id="form.save"),
        Binding("escape", "cancel", "Cancel", id="form.cancel"),
    ]

    TITLE = "Form"

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog form"):
            yield Static(Content(self.heading()), classes="dialog-title")
            yield from self.compose_fields()
            yield StatusLine(f"{self.app.key_of('form.save')} saves · "
                             f"{self.app.key_of('form.cancel')} cancels", classes="form-status")
        yield KeyBar()

    def heading(self) -> str:
        return self.TITLE

    def compose_fields(self) -> ComposeResult:
        """The form's own fields; every form defines it."""
        raise TypeError(f"{type(self).__name__} must define compose_fields()")

    def save(self) -> Result:
        """Validate and save; raise ValueError (or ValidationError) with the reason."""
        raise TypeError(f"{type(self).__name__} must define save()")

    @property
    def status(self) -> StatusLine:
        return self.query_one(".form-status", StatusLine)

    def action_submit(self) -> None:
        try:
            result = self.save()
        except ValidationError as exc:
            self.status.say(f"Not saved: {describe(exc)}.", error=True)
            return
        except ValueError as exc:
            self.status.say(f"Not saved: {exc}.", error=True)
            return
        except LookupError:
            self.status.say("Not saved: it was deleted in another window meanwhile. "
                            "Escape, then add it again.", error=True)
            return
        except WriteRefused as exc:
            self.status.say(f"Not saved: the database refused ({exc}); "
                            "what you typed is still here.", error=True)
            return
        self.dismiss(result)

    def action_cancel(self) -> None:
        self.leave_asking(lambda: self.dismiss(None))
