"""The professional-growth documents: the teacher's methodical portfolio
(one teacher) and the course-needs plan (the organisation's teachers over
several years)."""

from __future__ import annotations

from sqlalchemy.orm import Session

from metodesk.documents.base import DocumentKind, Format, Option, Request
from metodesk.domain.academic_year import today as today_date
from metodesk.domain.portfolio import PortfolioData
from metodesk.i18n import _


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

    def preview_title(self, data: PortfolioData) -> str:
        return _("The methodical portfolio of {name}: preview").format(name=data.card.short_name)
