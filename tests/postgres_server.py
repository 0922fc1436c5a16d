"""Fresh PostgreSQL databases for tests, on the server COMPASS_TEST_DB points at.

One migrated template is made per test run; each test gets its own database copied
from it (or an empty one, for the migration tests) and dropped afterwards, so tests
never see each other's rows and no test pays for running the migrations.
"""

from __future__ import annotations

import itertools
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import DBAPIError

from compass_tui.store.repository import Repository

TEST_DB_ENV = "COMPASS_TEST_DB"


def configured_url() -> str | None:
    """The server's URL (a database the test role may connect to), when one is set."""
    return os.environ.get(TEST_DB_ENV) or None


def url_text(url: URL) -> str:
    return url.render_as_string(hide_password=False)


class PostgresServer:
    """Creates and drops databases named after the configured one, so several test runs
    (and other people's databases) on one server never meet."""

    def __init__(self, url_text_: str) -> None:
        self.url = make_url(url_text_)
        self.prefix = f"{self.url.database}_t{os.getpid()}"
        self._admin: Engine = create_engine(self.url, isolation_level="AUTOCOMMIT")
        self._numbers = itertools.count(1)
        self.template = f"{self.prefix}_template"
        self._create(self.template, template="template0")
        repo = Repository.open(url_text(self.url.set(database=self.template)))
        repo.close()

    def _create(self, name: str, template: str) -> None:
        self._drop(name)
        self._retried(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')

    def _drop(self, name: str) -> None:
        self._retried(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def _retried(self, statement: str) -> None:
        """FORCE ends the tests' own connections, but a server process of another role
        (an autovacuum worker, on the database or its template) it may not end and a
        copy must wait for: that one leaves within moments."""
        for attempt in range(50):
            try:
                with self._admin.connect() as conn:
                    conn.execute(text(statement))
                return
            except DBAPIError:
                if attempt == 49:
                    raise
                time.sleep(0.1)

    @contextmanager
    def database(self, *, migrated: bool = True) -> Iterator[str]:
        """The URL of a new database: at the newest schema, or empty."""
        name = f"{self.prefix}_{next(self._numbers)}"
        self._create(name, self.template if migrated else "template0")
        try:
            yield url_text(self.url.set(database=name))
        finally:
            self._drop(name)

    def close(self) -> None:
        self._drop(self.template)
        self._admin.dispose()
