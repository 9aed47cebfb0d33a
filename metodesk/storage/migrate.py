"""Alembic, driven from code: find our revisions, refuse a newer database, upgrade."""

from __future__ import annotations

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

from metodesk import paths
from metodesk.domain.errors import StorageError
from metodesk.i18n import _


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(paths.migrations_dir()))
    return config


def head_revision() -> str:
    heads = ScriptDirectory.from_config(alembic_config()).get_heads()
    return heads[0]


def known_revisions() -> set[str]:
    script = ScriptDirectory.from_config(alembic_config())
    return {rev.revision for rev in script.walk_revisions()}


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def check_not_newer(engine: Engine) -> None:
    """Refuse a database written by a newer metodesk, before touching it."""
    current = current_revision(engine)
    if current is not None and current not in known_revisions():
        raise StorageError(
            _(
                "This database was written by a newer version of metodesk "
                "(schema {revision}). Install the newer version to open it; "
                "the file was left untouched."
            ).format(revision=current)
        )


def needs_upgrade(engine: Engine) -> bool:
    return current_revision(engine) != head_revision()


def upgrade(engine: Engine) -> None:
    """Bring the database to the newest schema (creating it when empty)."""
    check_not_newer(engine)
    config = alembic_config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "head")
