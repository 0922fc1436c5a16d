"""Two real processes writing the same rows at the same moment.

Each process opens its own Repository on the database under test and runs one write.
A barrier holds both just before a chosen statement (the UPDATE of a compare-and-set,
the INSERT of a get-or-create), so both have read what they read before either writes:
the race a check in Python cannot win. The workers live here, importable, because the
processes are spawned fresh (no forked test state, no shared connections).
"""

from __future__ import annotations

import multiprocessing
import traceback
from collections.abc import Callable
from typing import Any

from sqlalchemy import Engine, event

from compass_tui.store.repository import Repository

TIMEOUT = 60


def hold_before(engine: Engine, barrier: Any, prefix: str) -> None:
    """Wait for the other process before this one's first statement starting so."""
    waited = False

    def before(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        nonlocal waited
        if not waited and statement.lstrip().upper().startswith(prefix.upper()):
            waited = True
            barrier.wait(TIMEOUT)

    event.listen(engine, "before_cursor_execute", before)


def _worker(job: Callable[..., Any], url: str, prefix: str, barrier: Any, results: Any,
            args: tuple[Any, ...]) -> None:
    repo = Repository.open(url, upgrade=False)
    try:
        hold_before(repo.engine, barrier, prefix)
        results.put(("ok", job(repo, *args)))
    except Exception as exc:
        results.put((type(exc).__name__, str(exc) or traceback.format_exc()))
    finally:
        repo.close()


def race(url: str, prefix: str, job: Callable[..., Any], *each: tuple[Any, ...]
         ) -> list[tuple[str, Any]]:
    """Run job(repo, *args) in one new process per args, all let through at the same
    time before their first statement starting with prefix; what each returned (or
    the name and words of what it raised), in no particular order."""
    context = multiprocessing.get_context("spawn")
    barrier = context.Barrier(len(each))
    results = context.Queue()
    processes = [context.Process(target=_worker, args=(job, url, prefix, barrier, results, args))
                 for args in each]
    for process in processes:
        process.start()
    found = [results.get(timeout=TIMEOUT) for _ in processes]
    for process in processes:
        process.join(TIMEOUT)
    return found


def outcomes(found: list[tuple[str, Any]]) -> list[str]:
    return sorted(kind for kind, _ in found)
