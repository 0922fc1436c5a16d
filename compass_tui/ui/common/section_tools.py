"""What every list-and-detail section does the same way: confirm, then act, surviving a row
that another window deleted meanwhile (two SSH sessions on one journal are normal)."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, Protocol, TypeVar

from textual.app import App

from compass_tui.services.errors import WriteRefused
from compass_tui.ui.common.confirm import ConfirmScreen

STALE = "That item was changed or deleted in another window; the list is up to date now."

Section = TypeVar("Section", bound=type)


class Reloadable(Protocol):
    app: App[Any]

    def reload(self) -> None: ...


def guarded_call(section: Reloadable, action: Callable[[], None]) -> None:
    """Run a change; if its row is gone, say so and show the list as it is now; if the
    database refused the write (another window held it too long, a full disk, a
    read-only file), say why, with no traceback and nothing half-done."""
    try:
        action()
    except LookupError:
        section.app.notify(STALE, severity="warning", timeout=5)
        section.reload()
    except WriteRefused as exc:
        section.app.notify(f"Not saved: the database refused ({exc}).",
                           severity="error", timeout=8)


def guard_actions(cls: Section) -> Section:
    """Wrap every action_* of a section class in guarded_call."""
    for name, method in list(vars(cls).items()):
        if name.startswith("action_") and callable(method):
            setattr(cls, name, _guarded(method))
    return cls


def _guarded(method: Callable[..., None]) -> Callable[..., None]:
    @wraps(method)
    def wrapper(self: Reloadable, *args: object, **kwargs: object) -> None:
        guarded_call(self, lambda: method(self, *args, **kwargs))

    return wrapper


def confirm_then(section: Reloadable, question: str, yes: str, action: Callable[[], None],
                 after: Callable[[], None] | None = None) -> None:
    """Ask; on yes run the action (guarded); then, either way, `after`."""

    def answered(confirmed: bool | None) -> None:
        if confirmed:
            guarded_call(section, action)
        if after is not None:
            after()

    section.app.push_screen(ConfirmScreen(question, yes, "Keep"), answered)
