"""Alembic, driven from code: find our revisions, refuse a newer database, upgrade.

Alembic is imported only when a database is not at the newest schema: at an
ordinary start ``at_newest_schema`` answers from the revision files' names and one
read of ``alembic_version``, which saves the ~130 ms Alembic's import costs.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from sqlalchemy import Engine, text
from sqlalchemy.exc import OperationalError, ProgrammingError

from metodesk import paths
from metodesk.domain.errors import StorageError
from metodesk.i18n import _

if TYPE_CHECKING:
    from alembic.config import Config

# A revision file is named after its revision id: 0007_plan_links.py holds "0007".
_REVISION_FILE = re.compile(r"^(\d{4})_\w+\.py$")


def latest_revision_by_name() -> str | None:
    """The newest revision id, read from the file names (ids are zero-padded,
    so the greatest is the head of our linear chain); tests prove it equals
    Alembic's head."""
    ids = [
        m.group(1)
        for f in paths.migrations_dir().joinpath("versions").iterdir()
        if (m := _REVISION_FILE.match(f.name))
    ]
    return max(ids) if ids else None


def stored_revision(engine: Engine) -> str | None:
    """The revision the database says it is at; None for a new database."""
    with engine.connect() as conn:
        try:
            return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
        except (OperationalError, ProgrammingError):  # no alembic_version table yet (SQLite, PostgreSQL)
            return None


def at_newest_schema(engine: Engine) -> bool:
    """True when the database is at the newest schema (nothing to migrate)."""
    stored = stored_revision(engine)
    return stored is not None and stored == latest_revision_by_name()


def alembic_config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(paths.migrations_dir()))
    return config


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    heads = ScriptDirectory.from_config(alembic_config()).get_heads()
    return heads[0]


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    return {rev.revision for rev in script.walk_revisions()}


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def refuse_unknown(revision: str | None) -> None:
    """Refuse a database at a revision this metodesk does not know (written by a
    newer one), before anything touches it."""
    if revision is not None and revision not in known_revisions():
        raise StorageError(
            _(
                "This database was written by a newer version of metodesk "
                "(schema {revision}). Install the newer version to open it; "
                "the file was left untouched."
            ).format(revision=revision)
        )


def check_not_newer(engine: Engine) -> None:
    """Refuse a database written by a newer metodesk, before touching it."""
    refuse_unknown(current_revision(engine))


def needs_upgrade(engine: Engine) -> bool:
    return current_revision(engine) != head_revision()


def upgrade(engine: Engine) -> None:
    """Bring the database to the newest schema (creating it when empty)."""
    from alembic import command

    check_not_newer(engine)
    config = alembic_config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "head")
