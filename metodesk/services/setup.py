"""Getting a database ready to use: migrate, then seed what every school needs."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy.orm import Session

from metodesk.domain import academic_year
from metodesk.services import attestation_rules, criteria, subjects, wording, years
from metodesk.storage.database import Database, open_database


def seed_defaults(session: Session, today: dt.date | None = None) -> None:
    """The glossary's subjects, the academic year holding ``today`` (the clock's
    day by default) with its standard calendar, made current, the protocol
    wording library and the default criteria set for observation sheets, when missing."""
    subjects.seed_subjects(session)
    wording.seed_wording(session)
    criteria.seed_criteria(session)
    attestation_rules.seed_rules(session)  # the attestation rules: docs/domain/order-253.md, 'Rules as data'
    years.seed_year(session, today or academic_year.today())


def prepare_database(path: Path | str, *, deep_check: bool = True) -> Database:
    """Open, check and migrate the database at ``path`` (backing it up before a
    migration), then seed defaults. ``deep_check=False`` leaves the whole-file
    check to the caller (see ``open_database``). A ``str`` is a PostgreSQL
    server's URL (``storage/server.py``): migrated the same way; its backups
    are the server's business (pg_dump)."""
    if isinstance(path, str):
        from metodesk.storage.server import open_server

        db = open_server(path)
    else:
        db = open_database(path, before_upgrade=_back_up_before_migration, deep_check=deep_check)
    with db.transaction() as session:
        seed_defaults(session)
    return db


def _back_up_before_migration(path: Path) -> None:
    """The backup made before a migration; the backups module is imported only
    then, not at every start (issue 21)."""
    from metodesk.services.backups import before_migration

    before_migration(path)
