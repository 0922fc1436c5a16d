"""Bring a database to the newest schema, backing the file up first."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, inspect

from compass_tui.store.backup import backup_sqlite_file, timestamped_name
from compass_tui.store.engine import sqlite_path

MIGRATIONS_DIR = Path(__file__).parent / "migrations"
# Tables SQLite keeps for full-text search are not part of the typed models.
FTS_PREFIX = "entries_fts"


def include_object(obj: object, name: str | None, type_: str, reflected: bool,
                   compare_to: object) -> bool:
    return not (type_ == "table" and name is not None and name.startswith(FTS_PREFIX))


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def head_revision() -> str:
    heads = ScriptDirectory.from_config(alembic_config()).get_heads()
    return heads[0]


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(engine: Engine, target: str = "head") -> Path | None:
    """Upgrade to target; returns the backup made, if the file held anything."""
    current = current_revision(engine)
    if current == head_revision() and target == "head":
        return None
    backup = None
    path = sqlite_path(engine.url)
    if path is not None and inspect(engine).get_table_names():
        name = timestamped_name(path, f"before-{target}")
        backup = backup_sqlite_file(path, path.parent / "backups" / name)
    config = alembic_config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, target)
    return backup
