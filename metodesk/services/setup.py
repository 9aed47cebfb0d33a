"""Getting a database ready to use: migrate, then seed what every school needs."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from metodesk.services import attestation_rules, criteria, subjects, wording, years
from metodesk.storage.database import Database, open_database
from metodesk.storage.models import AcademicYear


def seed_defaults(session: Session) -> None:
    """The glossary's subjects, the 2025-2026 calendar, the protocol wording
    library and the default criteria set for observation sheets, when missing."""
    subjects.seed_subjects(session)
    wording.seed_wording(session)
    criteria.seed_criteria(session)
    attestation_rules.seed_rules(session)  # the attestation rules: docs/domain/order-253.md, 'Rules as data'
    if not session.scalar(select(func.count(AcademicYear.id))):
        years.save_year(session, years.calendar_2025_2026())


def prepare_database(path: Path, *, deep_check: bool = True) -> Database:
    """Open, check and migrate the database at ``path`` (backing it up before a
    migration), then seed defaults. ``deep_check=False`` leaves the whole-file
    check to the caller (see ``open_database``)."""
    from metodesk.services.backups import before_migration

    db = open_database(path, before_upgrade=before_migration, deep_check=deep_check)
    with db.transaction() as session:
        seed_defaults(session)
    return db
