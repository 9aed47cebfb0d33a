"""Alembic environment: always runs on a connection handed in by metodesk."""

from __future__ import annotations

from alembic import context

from metodesk.storage import models  # noqa: F401  (registers every table)
from metodesk.storage.base import Base

target_metadata = Base.metadata

# The server's own tables (0013: which school a login belongs to): no model, never compared.
SERVER_ONLY_TABLES = frozenset({"district_login"})


def include_name(name: str | None, type_: str, _parents: object) -> bool:
    return not (type_ == "table" and name in SERVER_ONLY_TABLES)


def run_migrations_online() -> None:
    connection = context.config.attributes.get("connection")
    if connection is None:
        raise RuntimeError("metodesk migrations run only through metodesk.storage.migrate")
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,
        compare_type=True,
        include_name=include_name,
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations_online()
