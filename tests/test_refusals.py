"""PostgreSQL's refusals in the user's words (server gone, connection lost, disk full,
permission denied, read-only, lock timeout), and an app that keeps the text and carries
on once the server is back."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

import psycopg.errors
import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError
from textual.widgets import Input, TextArea

from compass_tui.domain.entries import EntryInput, EntryQuery
from compass_tui.services.refusal import explain_refusal
from compass_tui.store import engine as engine_module
from compass_tui.store.repository import Repository
from compass_tui.ui.journal.entry_editor import EntryEditorScreen
from tests.databases import count_rows
from tests.pilot_helpers import make_app, settle, type_text
from tests.postgres_server import PostgresServer
from tests.tcp_proxy import Relay
from tests.test_cli import compass


def wrapped(error: Exception) -> DBAPIError:
    kind = IntegrityError if isinstance(error, psycopg.errors.IntegrityError) \
        else OperationalError
    return kind("INSERT INTO entries ...", {}, error)


@pytest.mark.parametrize(("error", "words"), [
    (psycopg.errors.DiskFull("could not extend file: No space left on device"),
     "the database server's disk is full"),
    (psycopg.errors.InsufficientPrivilege("permission denied for table entries"),
     "permission denied: this database user may not write there"),
    (psycopg.errors.ReadOnlySqlTransaction("cannot execute INSERT in a read-only transaction"),
     "the database is read-only just now"),
    (psycopg.errors.LockNotAvailable("canceling statement due to lock timeout"),
     "another window is writing the same rows; try again in a moment"),
    (psycopg.errors.QueryCanceled("canceling statement due to statement timeout"),
     "another window is writing the same rows; try again in a moment"),
    (psycopg.errors.AdminShutdown("terminating connection due to administrator command"),
     "the database server is shutting down; try again once it is back"),
    (psycopg.errors.CannotConnectNow("the database system is starting up"),
     "the database server is starting up; try again in a moment"),
    (psycopg.errors.TooManyConnections("sorry, too many clients already"),
     "the database server has too many connections open; try again in a moment"),
    (psycopg.errors.UniqueViolation("duplicate key value violates unique constraint"),
     "another window saved the same thing at the same moment; try again"),
    (psycopg.OperationalError('connection failed: connection to server at "127.0.0.1", '
                              "port 5432 failed: Connection refused"),
     "the database server cannot be reached; try again once it is back"),
    (psycopg.OperationalError("consuming input failed: server closed the connection "
                              "unexpectedly"),
     "the database server cannot be reached; try again once it is back"),
])
def test_postgresql_refusals_are_said_in_words(error: Exception, words: str) -> None:
    said = explain_refusal(wrapped(error))
    assert said == words
    assert "Error" not in said


def test_an_unknown_refusal_says_what_the_server_said_never_a_class_name() -> None:
    said = explain_refusal(wrapped(psycopg.errors.InternalError_("something odd\nDETAIL: x")))
    assert said == "it said: something odd"


@pytest.fixture
def server_db(postgres_server: PostgresServer) -> Iterator[str]:
    with postgres_server.database() as url:
        yield url


def run_sql(url: str, *statements: str) -> None:
    from sqlalchemy import create_engine

    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            for statement in statements:
                conn.execute(text(statement))
    finally:
        engine.dispose()


def test_cli_on_a_read_only_server_is_one_line(server_db: str) -> None:
    name = make_url(server_db).database
    run_sql(server_db, f'ALTER DATABASE "{name}" SET default_transaction_read_only = on')
    result = compass("--db", server_db, "add", "Lost? No: refused.")
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr.strip() == ("compass: not saved: the database refused (the "
                                     "database is read-only just now)")
    assert count_rows(server_db) == 0


def test_cli_without_permission_to_write_is_one_line(server_db: str) -> None:
    run_sql(server_db, "REVOKE INSERT ON entries FROM CURRENT_USER")
    result = compass("--db", server_db, "add", "Not allowed here.")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.strip() == ("compass: not saved: the database refused (permission "
                                     "denied: this database user may not write there)")


def test_a_write_waiting_too_long_for_a_lock_is_refused_in_words(
        server_db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from sqlalchemy import create_engine

    monkeypatch.setattr(engine_module, "LOCK_TIMEOUT_MS", 300)
    repo = Repository.open(server_db)
    entry = repo.entries.add(EntryInput(entry_date=datetime(2026, 3, 1), title="Held"))
    holder = create_engine(server_db)
    try:
        with holder.begin() as conn:
            conn.execute(text("SELECT id FROM entries WHERE id = :i FOR UPDATE"),
                         {"i": entry.id})
            with pytest.raises(OperationalError) as refused:
                repo.entries.update(entry.id, EntryInput(entry_date=entry.entry_date,
                                                         title="Mine"), expected_version=1)
        assert explain_refusal(refused.value) == ("another window is writing the same "
                                                  "rows; try again in a moment")
        saved = repo.entries.get(entry.id)
        assert saved is not None and saved.title == "Held"
    finally:
        holder.dispose()
        repo.close()


@pytest.fixture
def relay(server_db: str) -> Iterator[tuple[Relay, str]]:
    url = make_url(server_db)
    relay = Relay(url.host or "127.0.0.1", url.port or 5432)
    relay.start()
    yield relay, url.set(host="127.0.0.1", port=relay.port).render_as_string(
        hide_password=False)
    relay.stop()


async def test_the_editor_keeps_the_text_while_the_server_is_gone_and_saves_once_back(
        relay: tuple[Relay, str]) -> None:
    gate, url = relay
    repo = Repository.open(url)
    app = make_app(repo)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            await pilot.press("n")
            await type_text(pilot, "Written on the train")
            app.screen.query_one("#body", TextArea).focus()
            await type_text(pilot, "then the line dropped")
            gate.stop()
            await pilot.press("ctrl+s")
            await settle(pilot)
            screen = app.screen
            assert isinstance(screen, EntryEditorScreen)  # still open, nothing lost
            status = str(screen.query_one("#editor-status").render())
            assert "the database server cannot be reached" in status
            assert "Error" not in status
            assert screen.query_one("#title", Input).value == "Written on the train"
            assert screen.query_one("#body", TextArea).text == "then the line dropped"
            gate.start()
            await pilot.press("ctrl+s")
            await settle(pilot)
            assert not isinstance(app.screen, EntryEditorScreen)
        [entry] = repo.entries.entries(EntryQuery())
        assert (entry.title, entry.body) == ("Written on the train", "then the line dropped")
    finally:
        repo.close()
