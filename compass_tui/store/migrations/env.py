"""Alembic environment: runs on the connection the app hands it."""

from __future__ import annotations

from alembic import context

from compass_tui.store.migrate import include_object
from compass_tui.store.tables import Base


def run_migrations_online() -> None:
    connection = context.config.attributes["connection"]
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=True,
        include_object=include_object,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations_online()
