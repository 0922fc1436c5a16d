"""Bring a database to the newest schema, backing the file up first.

Alembic is imported only when a migration is due, so opening an up-to-date
database (every start of the app and of `compass add`) stays fast; nothing here
imports the database toolkit at import time either, so HEAD can be read by the
quick paths that use the standard library's sqlite3 alone.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from alembic.config import Config
    from sqlalchemy import Engine

MIGRATIONS_DIR = Path(__file__).parent / "migrations"
# The newest revision in migrations/versions; a test keeps the two in step.
HEAD = "0012_skill_levels"
# What each database keeps for full-text search is not part of the typed models:
# SQLite's FTS5 tables, PostgreSQL's generated tsvector column and its index.
FTS_PREFIX = "entries_fts"
POSTGRES_SEARCH = {("column", "search_vector"), ("index", "ix_entries_search_vector")}


def include_object(obj: object, name: str | None, type_: str, reflected: bool,
                   compare_to: object) -> bool:
    if name is None:
        return True
    if type_ == "table" and name.startswith(FTS_PREFIX):
        return False
    return (type_, name) not in POSTGRES_SEARCH


def alembic_config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    heads = ScriptDirectory.from_config(alembic_config()).get_heads()
    return heads[0]


def current_revision(engine: Engine) -> str | None:
    from sqlalchemy import text
    from sqlalchemy.exc import OperationalError, ProgrammingError

    try:
        with engine.connect() as conn:
            return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    except (OperationalError, ProgrammingError):  # no version table yet
        return None


UPGRADING = "Upgrading the journal to this version of compass (a backup first)…"
UPGRADED = "The journal is upgraded to this version of compass."


def upgrade(engine: Engine, target: str = "head",
            announce: Callable[[str], None] | None = None) -> Path | None:
    """Upgrade to target; returns the backup made, if the file held anything.
    `announce` is told in words, before the backup, that an upgrade is under way, and
    when it is done, where the journal as it was is kept."""
    from sqlalchemy import inspect

    from compass_tui.store.backup import backup_sqlite_file, timestamped_name
    from compass_tui.store.engine import database_key, sqlite_path

    if target == "head" and current_revision(engine) == HEAD:
        return None
    if announce is not None:
        announce(UPGRADING)
    backup = None
    path = sqlite_path(engine.url)
    if path is not None and inspect(engine).get_table_names():
        name = timestamped_name(path, f"before-{target}")
        backup = backup_sqlite_file(path, path.parent / "backups" / name,
                                    database_key(engine.url))
    elif engine.dialect.name == "postgresql" and inspect(engine).get_table_names():
        backup = _dump_before(engine, target)
    _run(engine, "upgrade", target)
    if announce is not None:
        announce(UPGRADED + (f" The journal as it was is kept in {backup}." if backup else ""))
    return backup


def _dump_before(engine: Engine, target: str) -> Path | None:
    """pg_dump first when it is on the PATH; without it the upgrade still runs, in one
    transaction (PostgreSQL changes its schema transactionally: all of it or none)."""
    from compass_tui.store.engine import StoreError
    from compass_tui.store.pg_dump import DumpError, dump_beside, pg_dump_program

    if pg_dump_program() is None:
        return None
    try:
        return dump_beside(engine.url, f"before-{target}")
    except DumpError as exc:
        raise StoreError(f"cannot back up the database before upgrading it ({exc}); "
                         "nothing was changed") from exc


def downgrade(engine: Engine, target: str) -> None:
    """Back to an earlier revision (for tests and for leaving a newer version)."""
    _run(engine, "downgrade", target)


def _run(engine: Engine, direction: str, target: str) -> None:
    from alembic import command
    from alembic.util import CommandError

    from compass_tui.store.engine import StoreError

    config = alembic_config()
    try:
        with engine.connect() as conn:
            sqlite = conn.dialect.name == "sqlite"
            if sqlite:
                # SQLite alters a table by copying it and dropping the old one; with
                # foreign keys on, that drop would cascade into the rows that point at it.
                conn.exec_driver_sql("PRAGMA foreign_keys=OFF")
                conn.commit()  # a pragma only takes effect outside a transaction
            try:
                with conn.begin():  # all of it or none of it, on either database
                    config.attributes["connection"] = conn
                    getattr(command, direction)(config, target)
                    if sqlite and conn.exec_driver_sql("PRAGMA foreign_key_check").first():
                        raise StoreError("the upgrade would break links between rows; "
                                         "nothing was changed")
            finally:
                if sqlite:
                    conn.rollback()
                    conn.exec_driver_sql("PRAGMA foreign_keys=ON")
                    conn.commit()
    except CommandError as exc:
        raise StoreError(
            f"cannot upgrade the database ({exc}); it may come from a newer compass-tui"
        ) from exc
