"""The session factory every store shares, and units of work that span stores.

Each store method is its own unit of work. When a change touches several stores
(a check-in completed: goals, tasks, values, the timeline, a journal entry), the
service wraps the calls in `Repository.transaction()`: on that thread every store
session then joins one connection's transaction, so the change is saved whole or
not at all. Other threads (the UI's background reads) are not affected.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Connection, Engine
from sqlalchemy.orm import Session, sessionmaker


class Sessions:
    """Called like a sessionmaker: `sessions()` to read, `sessions.begin()` to write."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._factory = sessionmaker(engine, expire_on_commit=False)
        self._local = threading.local()

    @property
    def _joined(self) -> Connection | None:
        connection: Connection | None = getattr(self._local, "connection", None)
        return connection

    @property
    def in_unit(self) -> bool:
        """Inside `unit()` on this thread: a failure there has already undone the unit."""
        return self._joined is not None

    def __call__(self) -> Session:
        connection = self._joined
        if connection is None:
            return self._factory()
        # A store's commit stays inside the unit's transaction; a store's failure
        # rolls the whole unit back.
        return self._factory(bind=connection, join_transaction_mode="rollback_only")

    @contextmanager
    def begin(self) -> Iterator[Session]:
        """A session in a transaction: committed when the block ends, rolled back on error."""
        with self() as session, session.begin():
            yield session

    @contextmanager
    def unit(self) -> Iterator[None]:
        """Every store call on this thread inside the block: one transaction.

        A unit inside a unit joins the outer one. An error inside a unit rolls all of
        it back, so it must end the unit: do not catch one and carry on inside it.
        """
        if self._joined is not None:
            yield
            return
        with self.engine.begin() as connection:
            self._local.connection = connection
            try:
                yield
            finally:
                self._local.connection = None
