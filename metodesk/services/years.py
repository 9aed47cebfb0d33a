"""Academic years and their quarters or semesters, as data the user edits."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from metodesk.domain import academic_year
from metodesk.domain.enums import TermKind
from metodesk.domain.errors import DomainError
from metodesk.domain.text import clean
from metodesk.i18n import _
from metodesk.services.common import get_or_fail
from metodesk.storage.models import (
    AcademicYear,
    Association,
    Experience,
    GrowthEvent,
    OlympiadResult,
    Plan,
    SelfEducation,
    Term,
)

_YEAR_NAME = re.compile(r"^(\d{4})-(\d{4})$")


@dataclass(frozen=True)
class TermRow:
    number: int
    kind: str
    start_date: dt.date
    end_date: dt.date


@dataclass(frozen=True)
class YearRow:
    id: int
    name: str
    start_date: dt.date
    end_date: dt.date
    is_current: bool
    terms: tuple[TermRow, ...] = ()

    def contains(self, value: dt.date) -> bool:
        return self.start_date <= value <= self.end_date


@dataclass
class YearInput:
    name: str = ""
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    terms: list[TermRow] = field(default_factory=list)


def _row(year: AcademicYear) -> YearRow:
    return YearRow(
        id=year.id,
        name=year.name,
        start_date=year.start_date,
        end_date=year.end_date,
        is_current=year.is_current,
        terms=tuple(TermRow(t.number, t.kind, t.start_date, t.end_date) for t in year.terms),
    )


def list_years(session: Session) -> list[YearRow]:
    """Newest first."""
    return [_row(y) for y in session.scalars(select(AcademicYear).order_by(AcademicYear.start_date.desc()))]


def get_year(session: Session, year_id: int) -> YearRow:
    return _row(get_or_fail(session, AcademicYear, year_id, _("The academic year was not found.")))


def current_year(session: Session) -> YearRow | None:
    year = session.scalars(select(AcademicYear).where(AcademicYear.is_current.is_(True))).first()
    return _row(year) if year else None


def current_year_name(session: Session) -> str | None:
    """The current academic year's name (the status bar's), in plain SQL: read
    at start, before SQLAlchemy has configured the mappers (services/teachers.py)."""
    years = AcademicYear.__table__.c
    name: str | None = session.scalar(select(years.name).where(years.is_current.is_(True)).limit(1))
    return name


def year_by_name(session: Session, name: str) -> YearRow:
    name = clean(name)  # text from a command line may hold bytes that were not UTF-8
    year = session.scalars(select(AcademicYear).where(AcademicYear.name == name)).first()
    if year is None:
        raise DomainError(_("There is no academic year {name}.").format(name=name))
    return _row(year)


def _validate(session: Session, data: YearInput, year_id: int | None) -> tuple[str, dt.date, dt.date]:
    name = (data.name or "").strip()
    match = _YEAR_NAME.match(name)
    if not match or int(match.group(2)) != int(match.group(1)) + 1:
        raise DomainError(_("Write the year as two consecutive years, like 2025-2026."), field="name")
    clash = session.scalars(select(AcademicYear).where(AcademicYear.name == name)).first()
    if clash is not None and clash.id != year_id:
        raise DomainError(
            _("The academic year {name} already exists.").format(name=name),
            field="name",
        )
    if data.start_date is None or data.end_date is None:
        raise DomainError(_("Enter the first and the last day of the year."), field="start_date")
    if data.start_date >= data.end_date:
        raise DomainError(_("The year must end after it starts."), field="end_date")
    if data.start_date.year != int(match.group(1)) or data.end_date.year not in (
        int(match.group(1)),
        int(match.group(2)),
    ):
        raise DomainError(
            _("The dates do not belong to the year {name}.").format(name=name),
            field="start_date",
        )
    previous_end = None
    for number, term in enumerate(sorted(data.terms, key=lambda t: t.start_date), start=1):
        if term.start_date > term.end_date:
            raise DomainError(_("Term {n} ends before it starts.").format(n=number), field="terms")
        if term.start_date < data.start_date or term.end_date > data.end_date:
            raise DomainError(
                _("Term {n} lies outside the academic year.").format(n=number),
                field="terms",
            )
        if previous_end is not None and term.start_date <= previous_end:
            raise DomainError(_("Term {n} overlaps the previous one.").format(n=number), field="terms")
        previous_end = term.end_date
    return name, data.start_date, data.end_date


def save_year(session: Session, data: YearInput, year_id: int | None = None) -> int:
    """Create or update a year with its terms (renumbered in date order)."""
    name, start, end = _validate(session, data, year_id)
    year = (
        get_or_fail(session, AcademicYear, year_id, _("The academic year was not found."))
        if year_id
        else None
    )
    if year is None:
        year = AcademicYear(is_current=False)
        session.add(year)
    year.name, year.start_date, year.end_date = name, start, end
    year.terms.clear()
    session.flush()
    for number, term in enumerate(sorted(data.terms, key=lambda t: t.start_date), start=1):
        kind = term.kind if term.kind in {k.value for k in TermKind} else TermKind.QUARTER.value
        year.terms.append(
            Term(
                number=number,
                kind=kind,
                start_date=term.start_date,
                end_date=term.end_date,
            )
        )
    if session.scalar(select(AcademicYear.id).where(AcademicYear.is_current.is_(True))) is None:
        year.is_current = True
    session.flush()
    return year.id


def set_current(session: Session, year_id: int) -> None:
    target = get_or_fail(session, AcademicYear, year_id, _("The academic year was not found."))
    for year in session.scalars(select(AcademicYear).where(AcademicYear.is_current.is_(True))):
        year.is_current = False
    target.is_current = True
    session.flush()


def delete_year(session: Session, year_id: int) -> None:
    year = get_or_fail(session, AcademicYear, year_id, _("The academic year was not found."))
    if session.scalar(select(Association.id).where(Association.year_id == year_id).limit(1)):
        raise DomainError(_("This year has associations, so it cannot be deleted."))
    if any(
        session.scalar(select(model.id).where(model.year_id == year_id).limit(1))
        for model in (SelfEducation, Experience, GrowthEvent, OlympiadResult)
    ):
        raise DomainError(_("This year has records of professional growth, so it cannot be deleted."))
    if year.is_current:
        raise DomainError(_("The current year cannot be deleted; make another year current first."))
    session.delete(year)
    session.flush()


def standard_calendar(first: int) -> YearInput:
    """The standard calendar of the year starting in ``first`` (docs/domain/order-253.md,
    'Academic year': four quarters between the breaks), as the user would enter it."""
    year = academic_year.standard_year(first)
    quarter = TermKind.QUARTER.value
    return YearInput(
        name=year.name,
        start_date=year.start_date,
        end_date=year.end_date,
        terms=[TermRow(t.number, quarter, t.start_date, t.end_date) for t in year.terms],
    )


def calendar_2025_2026() -> YearInput:
    """The 2025-2026 calendar of docs/domain/order-253.md, 'Academic year'."""
    return standard_calendar(2025)


def year_after(latest: YearRow | None, first: int | None = None) -> YearInput:
    """The year starting in ``first`` (by default the one after ``latest``) with
    ``latest``'s dates and terms moved on by whole years, so a college's semesters
    or the school's own breaks carry over; the standard calendar without ``latest``."""
    if latest is None:
        return standard_calendar(first if first is not None else academic_year.start_year(academic_year.today()))
    latest_first = int(latest.name[:4]) if latest.name[:4].isdigit() else latest.start_date.year
    first = latest_first + 1 if first is None else first
    step = first - latest_first
    shift = academic_year.shift_years
    return YearInput(
        name=academic_year.year_name(first),
        start_date=shift(latest.start_date, step),
        end_date=shift(latest.end_date, step),
        terms=[TermRow(t.number, t.kind, shift(t.start_date, step), shift(t.end_date, step)) for t in latest.terms],
    )


def seed_year(session: Session, today: dt.date) -> None:
    """On a database without years: the year holding ``today``, made current."""
    # the table's own column: plain SQL at start, no mapper configured (services/teachers.py)
    if session.scalar(select(AcademicYear.__table__.c.id).limit(1)) is None:
        set_current(session, save_year(session, standard_calendar(academic_year.start_year(today))))


def ensure_year(session: Session, day: dt.date) -> int:
    """The id of the academic year holding ``day``, created (from the latest
    year's pattern, or the standard calendar) when missing; not made current."""
    name = academic_year.name_of(day)
    existing = session.scalar(select(AcademicYear.id).where(AcademicYear.name == name))
    if existing is not None:
        return existing
    before = session.scalars(
        select(AcademicYear).where(AcademicYear.start_date < day).order_by(AcademicYear.start_date.desc())
    ).first()
    template = year_after(_row(before) if before else None, academic_year.start_year(day))
    return save_year(session, template)


YEAR_OFFERED = "year_offered"  # the name of the last new year proposed at start


def year_to_offer(session: Session, today: dt.date) -> str | None:
    """The name of the academic year to propose at start, or None: the current
    year ended before the academic year holding ``today`` began, that year is not
    current yet, and it was not proposed before. One query in the usual case."""
    name = academic_year.name_of(today)
    rows = session.execute(
        select(AcademicYear.name, AcademicYear.start_date, AcademicYear.is_current).where(
            or_(AcademicYear.is_current.is_(True), AcademicYear.name == name)
        )
    ).all()
    current = next((r for r in rows if r.is_current), None)
    if current is None or current.name == name:
        return None
    if not academic_year.needs_new_year(today, current.start_date):
        return None
    from metodesk.services import settings

    return None if settings.get(session, YEAR_OFFERED) == name else name


def plan_count(session: Session, year_id: int) -> int:
    """How many annual plans the year holds: what starting the next year offers to copy."""
    return session.scalar(select(func.count(Plan.id)).where(Plan.year_id == year_id)) or 0


def mark_offered(session: Session, name: str) -> None:
    """Remember that the year ``name`` was proposed, so it is proposed once."""
    from metodesk.services import settings

    settings.put(session, YEAR_OFFERED, name)


@dataclass(frozen=True)
class NewYearResult:
    year_id: int
    name: str
    plans_copied: int
    carried_over: int


def begin_year(session: Session, today: dt.date, copy_plans: bool) -> NewYearResult:
    """Start the academic year holding ``today``: create it with its terms
    (the previous year's moved on), make it current and, when asked, copy every
    plan of the previous current year into it (associations carry on with their
    members; unfinished activities are marked as carried over)."""
    previous = current_year(session)
    year_id = ensure_year(session, today)
    set_current(session, year_id)
    mark_offered(session, academic_year.name_of(today))
    copied = carried = 0
    if copy_plans and previous is not None and previous.id != year_id:
        from metodesk.services import plan_copy
        from metodesk.storage.models import Plan

        plan_ids = session.scalars(select(Plan.id).where(Plan.year_id == previous.id).order_by(Plan.id)).all()
        for plan_id in plan_ids:
            result = plan_copy.copy_from_last_year(session, plan_id)
            if not result.existed:
                copied += 1
                carried += result.carried_over
    session.flush()
    return NewYearResult(year_id, academic_year.name_of(today), copied, carried)
