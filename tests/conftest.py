"""Every test that touches a database runs on a SQLite file and, when COMPASS_TEST_DB
names a PostgreSQL server, on a fresh PostgreSQL database too (ids [sqlite] and
[postgresql]). A test that only makes sense on the file says so with
`@pytest.mark.sqlite_only("why")` and is skipped, with that reason, on PostgreSQL."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from compass_tui.store.repository import Repository
from tests.postgres_server import PostgresServer, configured_url

# A Sunday morning, far from any month end.
NOW = datetime(2026, 3, 15, 9, 30)

BACKENDS = ("sqlite", "postgresql") if configured_url() else ("sqlite",)


def fixed_clock() -> datetime:
    return NOW


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "sqlite_only(reason): meaningful on a SQLite file only; skipped, with the "
                   "reason, on PostgreSQL")
    config.addinivalue_line(
        "markers", "empty_database: db_url names a database with no tables yet (on SQLite "
                   "it always does)")


@pytest.fixture(autouse=True)
def _isolated_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Never touch the user's real journal, config or editor."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    for name in ("COMPASS_DB", "EDITOR", "VISUAL", "NO_COLOR", "COMPASS_THEME"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    url = configured_url()
    if url is None:
        pytest.skip("no PostgreSQL configured (set COMPASS_TEST_DB=postgresql://...)")
    server = PostgresServer(url)
    yield server
    server.close()


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    only = request.node.get_closest_marker("sqlite_only")
    if request.param == "postgresql" and only is not None:
        pytest.skip(f"SQLite only: {only.args[0] if only.args else 'a file-level test'}")
    return str(request.param)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "compass.db"


@pytest.fixture
def db_url(backend: str, db_path: Path, request: pytest.FixtureRequest) -> Iterator[str]:
    """The database under test: a file that does not exist yet, or a new PostgreSQL
    database at the newest schema (empty, with `@pytest.mark.empty_database`)."""
    if backend == "sqlite":
        yield f"sqlite:///{db_path}"
        return
    server: PostgresServer = request.getfixturevalue("postgres_server")
    empty = request.node.get_closest_marker("empty_database") is not None
    with server.database(migrated=not empty) as url:
        yield url


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A journal file at the newest schema, migrated once per run."""
    path = tmp_path_factory.mktemp("template") / "compass.db"
    Repository.open(f"sqlite:///{path}").close()
    return path


@pytest.fixture
def repo(db_url: str, backend: str, db_path: Path, request: pytest.FixtureRequest
         ) -> Iterator[Repository]:
    """The app's Repository on the database under test, at the newest schema: on SQLite a
    copy of the migrated template, made private as the app makes a new journal."""
    if backend == "sqlite" and not db_path.exists():
        db_path.parent.mkdir(parents=True, mode=0o700, exist_ok=True)
        shutil.copyfile(request.getfixturevalue("sqlite_template"), db_path)
        db_path.chmod(0o600)
    repository = Repository.open(db_url)
    yield repository
    repository.close()
