"""Academic years and their quarters or semesters, as data the user edits."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from metodesk.domain.enums import TermKind
from metodesk.domain.errors import DomainError
from metodesk.domain.text import clean
from metodesk.i18n import _
from metodesk.services.common import get_or_fail
from metodesk.storage.models import AcademicYear, Association, Term

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
    if year.is_current:
        raise DomainError(_("The current year cannot be deleted; make another year current first."))
    session.delete(year)
    session.flush()


def calendar_2025_2026() -> YearInput:
    """The 2025-2026 calendar of docs/domain/order-253.md, 'Academic year': four quarters between the breaks."""
    d = dt.date
    quarter = TermKind.QUARTER.value
    return YearInput(
        name="2025-2026",
        start_date=d(2025, 9, 1),
        end_date=d(2026, 5, 25),
        terms=[
            TermRow(1, quarter, d(2025, 9, 1), d(2025, 10, 26)),
            TermRow(2, quarter, d(2025, 11, 3), d(2025, 12, 28)),
            TermRow(3, quarter, d(2026, 1, 8), d(2026, 3, 18)),
            TermRow(4, quarter, d(2026, 3, 30), d(2026, 5, 25)),
        ],
    )
