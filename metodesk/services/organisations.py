"""Organisations: ours (exactly one) and the neighbours whose teachers join
district associations."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from metodesk.domain.enums import OrgKind
from metodesk.domain.errors import DomainError
from metodesk.i18n import _
from metodesk.services.common import (
    MAX_TITLE,
    check_enum,
    get_or_fail,
    limited,
)
from metodesk.storage.models import Association, Organisation, Teacher


@dataclass(frozen=True)
class OrganisationRow:
    id: int
    kind: str
    name_kk: str
    name_ru: str
    district: str
    region: str
    head_name: str
    head_title: str
    deputy_name: str
    is_ours: bool

    def name(self, lang: str) -> str:
        """The name in ``lang``, falling back to the other one."""
        if lang == "ru":
            return self.name_ru or self.name_kk
        return self.name_kk or self.name_ru


@dataclass
class OrganisationInput:
    kind: str = OrgKind.SCHOOL.value
    name_kk: str = ""
    name_ru: str = ""
    district: str = ""
    region: str = ""
    head_name: str = ""
    head_title: str = ""
    deputy_name: str = ""


def _row(org: Organisation) -> OrganisationRow:
    return OrganisationRow(
        id=org.id,
        kind=org.kind,
        name_kk=org.name_kk,
        name_ru=org.name_ru,
        district=org.district,
        region=org.region,
        head_name=org.head_name,
        head_title=org.head_title,
        deputy_name=org.deputy_name,
        is_ours=org.is_ours,
    )


def list_organisations(session: Session) -> list[OrganisationRow]:
    """Ours first, then the others by id."""
    orgs = session.scalars(select(Organisation).order_by(Organisation.is_ours.desc(), Organisation.id))
    return [_row(o) for o in orgs]


def get_organisation(session: Session, org_id: int) -> OrganisationRow:
    return _row(get_or_fail(session, Organisation, org_id, _("The organisation was not found.")))


def ours(session: Session) -> OrganisationRow | None:
    # the table's own columns: plain SQL, read at start before SQLAlchemy has
    # configured the mappers (services/teachers.py); a row has the same names
    table = Organisation.__table__
    org = session.execute(select(table).where(table.c.is_ours.is_(True)).order_by(table.c.id)).first()
    return _row(org) if org else None  # type: ignore[arg-type]


def save_organisation(session: Session, data: OrganisationInput, org_id: int | None = None) -> int:
    """Create or update an organisation. At least one of the two names is required."""
    check_enum(data.kind, OrgKind, "kind")
    name_kk = limited(data.name_kk, "name_kk", MAX_TITLE)
    name_ru = limited(data.name_ru, "name_ru", MAX_TITLE)
    if not name_kk and not name_ru:
        raise DomainError(_("Enter the organisation's name in Kazakh or in Russian."), field="name_kk")
    # Every field is checked before the record is touched: a refusal leaves nothing pending.
    details = {
        name: limited(getattr(data, name), name)
        for name in ("district", "region", "head_name", "head_title", "deputy_name")
    }
    org = get_or_fail(session, Organisation, org_id, _("The organisation was not found.")) if org_id else None
    if org is None:
        org = Organisation(is_ours=False)
        session.add(org)
    org.kind = data.kind
    org.name_kk = name_kk or name_ru
    org.name_ru = name_ru or name_kk
    for name, value in details.items():
        setattr(org, name, value)
    session.flush()
    return org.id


def make_ours(session: Session, org_id: int) -> None:
    """Mark one organisation as ours; the previous one stops being ours."""
    target = get_or_fail(session, Organisation, org_id, _("The organisation was not found."))
    for org in session.scalars(select(Organisation).where(Organisation.is_ours.is_(True))):
        org.is_ours = False
    target.is_ours = True
    session.flush()


def delete_organisation(session: Session, org_id: int) -> None:
    """Delete an organisation that nothing refers to; ours is never deleted."""
    org = get_or_fail(session, Organisation, org_id, _("The organisation was not found."))
    if org.is_ours:
        raise DomainError(_("Your own organisation cannot be deleted."))
    used = session.scalar(
        select(Teacher.id).where(Teacher.organisation_id == org_id).limit(1)
    ) or session.scalar(select(Association.id).where(Association.organisation_id == org_id).limit(1))
    if used:
        raise DomainError(_("This organisation has teachers or associations, so it cannot be deleted."))
    session.delete(org)
    session.flush()
