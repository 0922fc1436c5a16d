"""Python's cycle collector held off while an import reads and writes: a journal of
years is hundreds of thousands of new objects, and the collector walks all of them
again and again as they pile up (a third of reading 100,000 entries). They are kept
until the import ends, and reading them makes no cycles to collect; it runs once, at
the end, as it would have."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()
