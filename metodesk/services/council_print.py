"""What the council's printed register of reviewed documents holds, as plain
rows (the reports never see a Session)."""

from __future__ import annotations

from sqlalchemy.orm import Session

from metodesk.domain.errors import NotFound
from metodesk.domain.rows.council import (
    RegisterData as RegisterData,
)
from metodesk.i18n import _
from metodesk.services import reviewed_documents
from metodesk.storage.models import AcademicYear, Organisation


def organisation_names(session: Session, organisation_id: int) -> tuple[str, str]:
    org = session.get(Organisation, organisation_id)
    if org is None:
        raise NotFound(_("The organisation was not found."))
    return org.name_kk, org.name_ru or org.name_kk


def register_data(session: Session, year_id: int) -> RegisterData:
    """The register of the year: every association's and the council's reviewed documents."""
    from metodesk.services.council import our_organisation

    year = session.get(AcademicYear, year_id)
    if year is None:
        raise NotFound(_("The academic year was not found."))
    kk, ru = organisation_names(session, our_organisation(session))
    return RegisterData(kk, ru, year.name, tuple(reviewed_documents.year_register(session, year_id)))
