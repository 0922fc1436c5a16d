"""Keys are handled one at a time, each once the key before it has taken effect.

Textual hands a key to the focused widget through that widget's message queue, and
a binding (Tab's focus_next, escape's leave, backspace in an Input) runs only when
the key has bubbled back up to the app. Keys that arrive together, as they do over
SSH, would all be handed to the widget focused when they arrived, before the first
one's binding had moved the focus or closed the screen: "abc Tab def" typed in one
burst gave one field "abcdef", and the keys after `n` went to no field at all.

So the app holds each key back until a marker sent after it has made the same trip
(focused widget up to the app), and again until a trip finds focus and screen where
the last one left them: by then the key's binding has run, and so has what it set
off (a form's Input.Submitted that moves to the next field, a new screen's mount
that focuses its first field). A screen that loads its fields in a worker says so
with `ready_for_keys`, and keys wait for it too. A character typed into the focused
text field needs no wait: the field takes it and no binding runs, so the key after it
can follow in the same queue (a long burst of typing costs what it did).

While the app is still `opening` what its keys act on (the journal opens after the
first frame), every key waits for `opened()`, however long that takes, except the
quit key: a journal that is slow to open can still be left.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Awaitable, Callable
from time import monotonic
from typing import TypeVar

from textual import events
from textual.app import App
from textual.dom import DOMNode
from textual.message import Message
from textual.timer import Timer
from textual.widget import Widget

ReturnType = TypeVar("ReturnType")

MIN_TRIPS = 2  # the key's own trip, then one behind whatever its handlers posted
MAX_TRIPS = 8  # focus that never settles must not hold keys for ever
CHECK_SECONDS = 0.25  # how often a marker not back yet is looked for
HOLD_SECONDS = 5.0  # the longest a key waits, for a slow screen or one that never says


class KeyRoundTrip(Message):
    """Sent to the focused widget after a key; back at the app, that key is done."""

    def __init__(self, number: int) -> None:
        super().__init__()
        self.number = number


class ReadyForKeys(Message):
    """A screen whose fields were still loading has them now (see `ready_for_keys`)."""


def ready_for(app: App[object]) -> bool:
    return bool(getattr(app.screen, "ready_for_keys", True))


def stays_in_field(widget: Widget | None, event: events.Key | events.Paste) -> bool:
    """A character (or a paste) handed to a text field is taken there and runs no
    binding: the key after it can follow at once, in the same queue."""
    from textual.widgets import Input, TextArea  # loaded with the first field, not before

    if not isinstance(widget, Input | TextArea) or getattr(widget, "read_only", False):
        return False
    return isinstance(event, events.Paste) or event.is_printable


class OrderedKeysApp(App[ReturnType]):
    """An App whose keys (and pastes) take effect in the order they were typed."""

    def __init__(self) -> None:
        super().__init__()
        self.opening = False
        self._held: deque[events.Key | events.Paste] = deque()
        self._settling = False
        self._since = 0.0  # when the key being settled was handed over
        self._trip = 0  # the number of the marker in flight
        self._trips = 0  # trips made for the current key
        self._target: DOMNode | None = None  # where the marker in flight was sent
        self._left_as: tuple[object, object] | None = None
        self._timer: Timer | None = None

    async def on_event(self, event: events.Event) -> None:
        if not isinstance(event, events.Key | events.Paste) or event.is_forwarded:
            await super().on_event(event)
            return
        if self.opening:
            if self._quits(event):
                await super().on_event(event)
            else:
                self._held.append(event)
            return
        if self._settling or not ready_for(self):
            self._held.append(event)
            if not self._settling:  # a screen still loading its fields
                self._settling, self._since = True, monotonic()
                self._then(HOLD_SECONDS, self._release)
            return
        await self._handle(event)

    def _quits(self, event: events.Key | events.Paste) -> bool:
        active = self.active_bindings.get(event.key) if isinstance(event, events.Key) else None
        return active is not None and active.binding.action in ("quit", "app.quit")

    def opened(self) -> None:
        """What the keys act on is there: those typed meanwhile take effect, in order."""
        self.opening = False
        if not self._settling:
            self.call_later(self._release)

    async def _handle(self, event: events.Key | events.Paste) -> None:
        focused = self.focused
        await super().on_event(event)
        if event.is_forwarded and self.focused is focused and stays_in_field(focused, event):
            return  # typing along in one field: a burst of it costs no more than before
        self._settling, self._since, self._trips = True, monotonic(), 0
        await self._send_trip()

    def _then(self, seconds: float, callback: Callable[[], Awaitable[None]]) -> None:
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(seconds, callback)

    async def _send_trip(self) -> None:
        self._trips += 1
        self._trip += 1
        self._left_as = (self.screen, self.focused)
        self._target = self.focused or self.screen
        if not self._target.post_message(KeyRoundTrip(self._trip)):
            await self._release()  # closing: nothing there to wait for
            return
        self._then(CHECK_SECONDS, self._check_trip)

    async def _check_trip(self) -> None:
        """A marker not back yet: slow (a big screen mounting) or lost with its widget."""
        if not self._settling:
            return
        gone = self._target is None or not self._target.is_attached
        if gone or monotonic() - self._since > HOLD_SECONDS:
            await self._release()
        else:
            self._then(CHECK_SECONDS, self._check_trip)

    async def on_key_round_trip(self, message: KeyRoundTrip) -> None:
        message.stop()
        if message.number != self._trip or not self._settling:
            return  # a marker given up for lost, back late
        moved = self._left_as != (self.screen, self.focused)
        if (moved or self._trips < MIN_TRIPS) and self._trips < MAX_TRIPS:
            await self._send_trip()
        elif ready_for(self):
            await self._release()
        else:  # its ReadyForKeys carries on; keys go on anyway after a while
            self._then(max(0.0, HOLD_SECONDS - (monotonic() - self._since)), self._release)

    async def on_ready_for_keys(self, message: ReadyForKeys) -> None:
        message.stop()
        if self._settling:
            self._trips = 0
            await self._send_trip()  # settle the focus the screen has just given

    async def _release(self) -> None:
        """The last key has taken effect: hand over the next ones, up to one that must
        settle in turn."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        self._settling = False
        while self._held and not self._settling:
            await self._handle(self._held.popleft())
