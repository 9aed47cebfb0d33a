"""The Attestation tab's views over every teacher: what the rules say about each
(expiry, next due, overdue, early eligibility, the category claimable by
experience), with the case under way, filtered to "due this year", "due next
year", "overdue", "in progress" or all; and how many teachers hold each category.

"This year" is the attestation year holding ``today`` (1 August to 31 July).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from sqlalchemy import ColumnElement, Select, func, select
from sqlalchemy.orm import Session

from metodesk.domain.attestation import CaseDecision, attestation_year, standing, year_name
from metodesk.domain.attestation_advice import Advice, CaseFacts, case_advice
from metodesk.domain.enums import Category
from metodesk.domain.text import initials_name
from metodesk.services.attestation_rules import rule_book
from metodesk.services.teachers import taught_subjects
from metodesk.storage.models import AttestationCase, CaseObservation, CategoryAward, Teacher

DUE_THIS_YEAR, DUE_NEXT_YEAR, OVERDUE, IN_PROGRESS, ALL = (
    "due_this_year",
    "due_next_year",
    "overdue",
    "in_progress",
    "all",
)
ATTENTION = "attention"  # a case under way with a warning of the advisory rules
VIEWS = (DUE_THIS_YEAR, DUE_NEXT_YEAR, OVERDUE, IN_PROGRESS, ATTENTION, ALL)


@dataclass(frozen=True)
class AttestationRow:
    """One teacher with the computed standing and the case under way (if any)."""

    teacher_id: int
    full_name: str
    short_name: str
    organisation_id: int
    position: str
    subjects_kk: tuple[str, ...]
    subjects_ru: tuple[str, ...]
    teaching_since: dt.date | None
    category: str
    award_date: dt.date | None
    order_number: str
    expiry: dt.date | None
    due_year: int | None
    due_window: str | None
    overdue: bool
    early_eligible: bool
    early_from: dt.date | None
    claimable: str | None
    experience: int | None
    case_id: int | None = None
    case_year: int | None = None
    case_target: str = ""
    case_window: str = ""
    case_decision: str = ""
    case_test_date: dt.date | None = None
    case_test_score: int | None = None
    case_observations: int = 0
    case_portfolio: str = ""
    case_basis: str = ""
    case_application: dt.date | None = None
    warnings: tuple[Advice, ...] = ()  # the advisory rules' warnings on the case under way

    @property
    def in_progress(self) -> bool:
        return self.case_id is not None and self.case_decision == CaseDecision.PENDING.value

    @property
    def planned_year(self) -> int | None:
        """The year of the case under way, else the year the category falls due."""
        return self.case_year if self.in_progress else self.due_year

    @property
    def due_year_name(self) -> str:
        return year_name(self.due_year) if self.due_year is not None else ""

    def subjects(self, lang: str) -> tuple[str, ...]:
        return self.subjects_ru if lang == "ru" else self.subjects_kk


def _latest_orders(session: Session, teachers: Select) -> dict[int, tuple[dt.date, str]]:  # type: ignore[type-arg]
    """Each listed teacher's latest stored entry: its date and order number."""
    latest: dict[int, tuple[dt.date, int, str]] = {}
    rows = session.execute(
        select(
            CategoryAward.teacher_id, CategoryAward.award_date, CategoryAward.id, CategoryAward.order_number
        ).where(CategoryAward.teacher_id.in_(teachers))
    )
    for teacher_id, day, award_id, order in rows:
        if teacher_id not in latest or (day, award_id) > latest[teacher_id][:2]:
            latest[teacher_id] = (day, award_id, order)
    return {k: (v[0], v[2]) for k, v in latest.items()}


@dataclass(frozen=True)
class _Case:
    """What the list shows of a case (read as plain columns, not ORM cases)."""

    id: int
    teacher_id: int
    year_start: int
    target_category: str
    window: str
    decision: str
    test_date: dt.date | None
    test_score: int | None
    portfolio_status: str
    basis: str
    application_date: dt.date | None
    observations: int


def _cases(session: Session, this_year: int, teachers: Select) -> dict[int, _Case]:  # type: ignore[type-arg]
    """Per listed teacher: the earliest case still pending, else the latest one of this year or later."""
    observed = dict(
        session.execute(
            select(CaseObservation.case_id, func.count())
            .join(AttestationCase, AttestationCase.id == CaseObservation.case_id)
            .where(AttestationCase.teacher_id.in_(teachers))
            .group_by(CaseObservation.case_id)
        ).all()
    )
    query = (
        select(
            AttestationCase.id,
            AttestationCase.teacher_id,
            AttestationCase.year_start,
            AttestationCase.target_category,
            AttestationCase.window,
            AttestationCase.decision,
            AttestationCase.test_date,
            AttestationCase.test_score,
            AttestationCase.portfolio_status,
            AttestationCase.basis,
            AttestationCase.application_date,
        )
        .where(AttestationCase.teacher_id.in_(teachers))
        .order_by(AttestationCase.year_start, AttestationCase.id)
    )
    chosen: dict[int, _Case] = {}
    for record in session.execute(query):
        case = _Case(*record, observations=observed.get(record[0], 0))
        current = chosen.get(case.teacher_id)
        pending = case.decision == CaseDecision.PENDING.value
        if current is not None and current.decision == CaseDecision.PENDING.value:
            continue
        if pending or case.year_start >= this_year:
            chosen[case.teacher_id] = case
    return chosen


def attestation_rows(
    session: Session, today: dt.date, organisation_id: int | None = None, include_archived: bool = False
) -> list[AttestationRow]:
    """Every (active) teacher, of one organisation when given, by surname.

    Plain column queries limited to the listed teachers: a district holds
    3,000 teachers, 6,000 category entries and 1,500 cases."""
    book = rule_book(session)
    where: list[ColumnElement[bool]] = []
    if not include_archived:
        where.append(Teacher.archived.is_(False))
    if organisation_id is not None:
        where.append(Teacher.organisation_id == organisation_id)
    people = session.execute(
        select(
            Teacher.id,
            Teacher.surname,
            Teacher.first_name,
            Teacher.patronymic,
            Teacher.organisation_id,
            Teacher.position,
            Teacher.category,
            Teacher.category_date,
            Teacher.teaching_since,
        )
        .where(*where)
        .order_by(Teacher.surname, Teacher.first_name, Teacher.id)
    ).all()
    listed = select(Teacher.id).where(*where)
    orders = _latest_orders(session, listed)
    cases = _cases(session, attestation_year(today), listed)
    subjects = taught_subjects(session, [t.id for t in people])
    rows = []
    for t in people:
        s = standing(
            book,
            position=t.position,
            category=t.category,
            award_date=t.category_date,
            teaching_since=t.teaching_since,
            today=today,
        )
        order = orders.get(t.id)
        case = cases.get(t.id)
        taught = subjects.get(t.id, [])
        rows.append(
            AttestationRow(
                teacher_id=t.id,
                full_name=" ".join(p for p in (t.surname, t.first_name, t.patronymic) if p),
                short_name=initials_name(t.surname, t.first_name, t.patronymic),
                organisation_id=t.organisation_id,
                position=t.position,
                subjects_kk=tuple(x[1] for x in taught),
                subjects_ru=tuple(x[2] for x in taught),
                teaching_since=t.teaching_since,
                category=s.category,
                award_date=s.award_date,
                order_number=order[1] if order and order[0] == t.category_date else "",
                expiry=s.expiry,
                due_year=s.due_year,
                due_window=s.due_window,
                overdue=s.overdue,
                early_eligible=s.early_eligible,
                early_from=s.early_from,
                claimable=s.claimable,
                experience=s.experience,
                case_id=case.id if case else None,
                case_year=case.year_start if case else None,
                case_target=case.target_category if case else "",
                case_window=case.window if case else "",
                case_decision=case.decision if case else "",
                case_test_date=case.test_date if case else None,
                case_test_score=case.test_score if case else None,
                case_observations=case.observations if case else 0,
                case_portfolio=case.portfolio_status if case else "",
                case_basis=case.basis if case else "",
                case_application=case.application_date if case else None,
            )
        )
        row = rows[-1]
        if row.in_progress:
            facts = CaseFacts(
                held=row.category,
                last_attestation=row.award_date,
                experience=row.experience,
                target=row.case_target,
                basis=row.case_basis,
                application_date=row.case_application,
                test_date=row.case_test_date,
                test_score=row.case_test_score,
                decision=row.case_decision,
            )
            rows[-1] = replace(row, warnings=tuple(case_advice(book, facts, today)))
    return rows


def in_view(row: AttestationRow, view: str, today: dt.date) -> bool:
    this_year = attestation_year(today)
    if view == DUE_THIS_YEAR:
        return row.due_year == this_year
    if view == DUE_NEXT_YEAR:
        return row.due_year == this_year + 1
    if view == OVERDUE:
        return row.overdue
    if view == IN_PROGRESS:
        return row.in_progress
    if view == ATTENTION:
        return bool(row.warnings)
    return True


def view_rows(rows: list[AttestationRow], view: str, today: dt.date) -> list[AttestationRow]:
    return [r for r in rows if in_view(r, view, today)]


def due_in(rows: list[AttestationRow], start: int) -> list[AttestationRow]:
    """The teachers whose category falls due in the attestation year ``start``."""
    return [r for r in rows if r.due_year == start]


def category_counts(rows: list[AttestationRow]) -> list[tuple[str, int]]:
    """How many teachers hold each category, in the list's order; every category listed."""
    counts = {c.value: 0 for c in Category}
    for row in rows:
        counts[row.category] = counts.get(row.category, 0) + 1
    return list(counts.items())
