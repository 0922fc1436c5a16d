"""What a service raises when the database says no, already in the user's words.

Every service class wears `plain_refusals`: an error of the database toolkit leaves any
of its methods as a WriteRefused whose text is the reason ("the disk is full"), so the
screens catch WriteRefused, ChangedElsewhereError and NotFoundError and never learn
which database is behind them.
"""

from __future__ import annotations

import functools
import inspect
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from compass_tui.domain.errors import ChangedElsewhereError, NotFoundError, WriteRefused
from compass_tui.services.refusal import explain_refusal

__all__ = ["ChangedElsewhereError", "NotFoundError", "WriteRefused", "plain_refusals",
           "refused"]

if TYPE_CHECKING:
    from sqlalchemy.exc import SQLAlchemyError

Service = TypeVar("Service", bound=type)


def _toolkit_error(exc: Exception) -> bool:
    """An error of the database toolkit. Asked without importing it: the shell paints
    before the toolkit is loaded, and an error cannot come from a module not loaded."""
    toolkit = sys.modules.get("sqlalchemy.exc")
    return toolkit is not None and isinstance(exc, toolkit.SQLAlchemyError)


def refused(exc: SQLAlchemyError) -> WriteRefused:
    """The toolkit's error as the refusal a screen can show."""
    return WriteRefused(explain_refusal(exc))


def _in_words(method: Callable[..., Any]) -> Callable[..., Any]:
    if inspect.isgeneratorfunction(method):
        @functools.wraps(method)
        def speaking_as_read(*args: Any, **kwargs: Any) -> Any:
            try:
                yield from method(*args, **kwargs)
            except Exception as exc:
                if not _toolkit_error(exc):
                    raise
                raise refused(exc) from exc

        return speaking_as_read

    @functools.wraps(method)
    def speaking(*args: Any, **kwargs: Any) -> Any:
        try:
            return method(*args, **kwargs)
        except Exception as exc:
            if not _toolkit_error(exc):
                raise
            raise refused(exc) from exc

    return speaking


def plain_refusals(cls: Service) -> Service:
    """Every public method of the class (its own, not inherited) says a database
    error as a WriteRefused; a generator's, where it is read."""
    for name, member in list(vars(cls).items()):
        if not name.startswith("_") and inspect.isfunction(member):
            setattr(cls, name, _in_words(member))
    return cls
