"""Alembic environment: always runs on a connection handed in by metodesk."""

from __future__ import annotations

from alembic import context

from metodesk.storage import models  # noqa: F401  (registers every table)
from metodesk.storage.base import Base

target_metadata = Base.metadata


def run_migrations_online() -> None:
    connection = context.config.attributes.get("connection")
    if connection is None:
        raise RuntimeError("metodesk migrations run only through metodesk.storage.migrate")
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations_online()
