"""The professional-growth documents: the teacher's methodical portfolio
(one teacher) and the course-needs plan (the organisation's teachers over
several years); layouts in docs/domain/documents.md, 'Portfolio' and
'Course-needs plan'."""

from __future__ import annotations

from typing import TYPE_CHECKING

from metodesk.documents.attestation import DEFAULT_YEARS, year_count
from metodesk.documents.base import DocumentKind, Format, Option, Request
from metodesk.domain.academic_year import today as today_date
from metodesk.domain.attestation import parse_year_name
from metodesk.domain.courses_plan import CoursesPlanData
from metodesk.domain.portfolio import PortfolioData
from metodesk.i18n import _

if TYPE_CHECKING:
    from sqlalchemy.orm import Session



class PortfolioKind(DocumentKind[PortfolioData]):
    key = "portfolio"
    summary = "a teacher's methodical portfolio as PDF or Word (DOCX)"
    options = (Option("teacher", "teacher id", required=True, metavar="ID"),)

    def title(self) -> str:
        return _("Methodical portfolio")

    def read(self, session: Session, request: Request) -> PortfolioData:
        from metodesk.services import portfolio

        return portfolio.portfolio_data(session, int(request["teacher"]), today_date())

    def build_format(self, data: PortfolioData, lang: str, fmt: Format) -> bytes:
        if fmt is Format.DOCX:
            from metodesk.reports import portfolio_docx

            return portfolio_docx.build(data, lang)
        from metodesk.reports import portfolio_pdf

        return portfolio_pdf.build(data, lang)

    def file_title(self, data: PortfolioData, lang: str) -> str:
        from metodesk.reports.portfolio_text import title

        return title(data, lang)

    def example(self, session: Session, year_id: int) -> Request | None:
        """The first teacher of our organisation (by id)."""
        from sqlalchemy import select

        from metodesk.services import organisations
        from metodesk.storage.models import Teacher

        ours = organisations.ours(session)
        query = select(Teacher.id).order_by(Teacher.id).limit(1)
        if ours is not None:
            query = query.where(Teacher.organisation_id == ours.id)
        teacher_id = session.scalar(query)
        return {"teacher": teacher_id} if teacher_id is not None else None

    def preview_title(self, data: PortfolioData) -> str:
        return _("The methodical portfolio of {name}: preview").format(name=data.card.short_name)


class CoursesPlanKind(DocumentKind[CoursesPlanData]):
    key = "courses-plan"
    summary = "the course-needs plan (who needs professional-development courses, by year) as PDF, DOCX or XLSX"
    formats = (Format.PDF, Format.DOCX, Format.XLSX)
    options = (
        Option("from", "first year, e.g. 2025-2026", kind="year", required=True, metavar="YEAR"),
        Option("years", "how many years (default: 5)", metavar="N", default=DEFAULT_YEARS, parse=year_count),
        Option("organisation", "organisation id (default: ours)", metavar="ID"),
    )

    def title(self) -> str:
        return _("Course-needs plan")

    def read(self, session: Session, request: Request) -> CoursesPlanData:
        """``from`` (a year name or its first calendar year), ``years``, ``organisation``."""
        from metodesk.documents import common
        from metodesk.documents.attestation import known_year
        from metodesk.services import courses_plan

        value = request["from"]
        first = value if isinstance(value, int) else parse_year_name(str(value))
        known_year(session, first)
        count = int(request.get("years") or DEFAULT_YEARS)
        return courses_plan.plan_data(session, first, count, today_date(), common.number(request, "organisation"))

    def build_format(self, data: CoursesPlanData, lang: str, fmt: Format) -> bytes:
        if fmt is Format.DOCX:
            from metodesk.reports import courses_docx

            return courses_docx.build(data, lang)
        if fmt is Format.XLSX:
            from metodesk.reports import courses_xlsx

            return courses_xlsx.build(data, lang)
        from metodesk.reports import courses_pdf

        return courses_pdf.build(data, lang)

    def file_title(self, data: CoursesPlanData, lang: str) -> str:
        from metodesk.reports.courses_text import title

        return title(data, lang)

    def example(self, session: Session, year_id: int) -> Request | None:
        from metodesk.storage.models import AcademicYear

        year = session.get(AcademicYear, year_id)
        return {"from": year.name, "years": DEFAULT_YEARS} if year is not None else None

    def preview_title(self, data: CoursesPlanData) -> str:
        return _("Course-needs plan: preview")
