"""What the attestation documents print, as plain rows (no Session reaches a
report): the perspective plan (who is attested in each of the next years) and
the list for one year, for one organisation.

A teacher is placed in the year of the case under way, else in the year the
category falls due; one already overdue goes into the plan's first year, marked.

The row types live in ``metodesk.domain.rows.attestation`` (reports import them from there); they are
re-exported here under their old names for the callers that import them from this module.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from metodesk.domain.attestation import Window, attestation_year, window_of, window_span
from metodesk.domain.errors import DomainError
from metodesk.domain.rows.attestation import (
    AttestationDocData as AttestationDocData,
)
from metodesk.domain.rows.attestation import (
    PlanYear as PlanYear,
)
from metodesk.domain.rows.attestation import (
    PrintedTeacher as PrintedTeacher,
)
from metodesk.i18n import _
from metodesk.services import organisations
from metodesk.services.attestation_views import AttestationRow, attestation_rows

MAX_PLAN_YEARS = 10


def _overdue_window(start: int, today: dt.date) -> str:
    """The first window of the year ``start`` not yet over on ``today``."""
    autumn_end = window_span(start, Window.AUTUMN.value)[1]
    return Window.AUTUMN.value if today <= autumn_end else Window.SPRING.value


def _printed(row: AttestationRow, start: int, today: dt.date) -> PrintedTeacher:
    late = row.planned_year is not None and row.planned_year < start
    if row.in_progress and row.case_year == start:
        window = row.case_window
    elif late or row.expiry is None:
        window = _overdue_window(start, today)
    else:
        window = row.due_window or window_of(row.expiry)
    in_case = row.in_progress and row.case_year == start
    return PrintedTeacher(
        full_name=row.full_name,
        position=row.position,
        subjects_kk=row.subjects_kk,
        subjects_ru=row.subjects_ru,
        experience=row.experience,
        category=row.category,
        award_date=row.award_date,
        order_number=row.order_number,
        expiry=row.expiry,
        target=row.case_target if in_case else "",
        window=window,
        overdue=row.overdue or late,
        test_date=row.case_test_date if in_case else None,
        test_score=row.case_test_score if in_case else None,
    )


def _organisation(session: Session, organisation_id: int | None) -> organisations.OrganisationRow:
    if organisation_id is not None:
        return organisations.get_organisation(session, organisation_id)
    org = organisations.ours(session)
    if org is None:
        raise DomainError(_("Our organisation is not set yet: choose it in Settings first."))
    return org


def plan_data(
    session: Session, first_year: int, count: int, today: dt.date, organisation_id: int | None = None
) -> AttestationDocData:
    """The perspective plan from the attestation year ``first_year`` for ``count`` years."""
    if not 1 <= count <= MAX_PLAN_YEARS:
        raise DomainError(
            _("A perspective plan covers 1 to {limit} years.").format(limit=MAX_PLAN_YEARS), field="years"
        )
    org = _organisation(session, organisation_id)
    rows = [r for r in attestation_rows(session, today, org.id) if r.planned_year is not None]
    years = []
    for start in range(first_year, first_year + count):
        chosen = [
            r
            for r in rows
            if r.planned_year == start or (start == first_year and r.planned_year < first_year)  # type: ignore[operator]
        ]
        years.append(PlanYear(start, tuple(_printed(r, start, today) for r in chosen)))
    return AttestationDocData(org.name_kk, org.name_ru, org.head_name, org.deputy_name, tuple(years), today)


def list_data(
    session: Session, year: int, today: dt.date, organisation_id: int | None = None
) -> AttestationDocData:
    """The list of one attestation year: who is attested in it (and, in the
    current year's list, those overdue from earlier years)."""
    include_late = year == attestation_year(today)
    org = _organisation(session, organisation_id)
    rows = [
        r
        for r in attestation_rows(session, today, org.id)
        if r.planned_year == year or (include_late and r.planned_year is not None and r.planned_year < year)
    ]
    teachers = tuple(_printed(r, year, today) for r in rows)
    return AttestationDocData(
        org.name_kk, org.name_ru, org.head_name, org.deputy_name, (PlanYear(year, teachers),), today
    )
