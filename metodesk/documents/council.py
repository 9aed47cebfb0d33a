"""The methodical council's documents (Order No. 253 items 2.2, 27, 31): its
meeting's protocol by number in the year, and the register of documents the
associations and the council reviewed. The council's protocols are among the
year's protocols already (``ProtocolKind.in_year`` lists every body's)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from metodesk.documents import common
from metodesk.documents.base import DocumentKind, Entry, Format, Option, Request
from metodesk.documents.meetings import ProtocolKind, protocol_title
from metodesk.domain.errors import DomainError
from metodesk.domain.rows.council import AnalysisData, RegisterData, SchoolPlanData
from metodesk.domain.rows.protocol import ProtocolData
from metodesk.i18n import _

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

YEAR_OPTION = Option(
    "year", "academic year, e.g. 2025-2026 (default: the current one)", kind="year", metavar="YEAR"
)


def year_of(session: Session, request: Request) -> int:
    """The year a request names (``year``, or ``year_id``), the current year by default."""
    from metodesk.domain.errors import NotFound
    from metodesk.services import years

    found = common.number(request, "year_id")
    if found is not None:
        return found
    named = common.year_id(session, request)
    if named is not None:
        return named
    current = years.current_year(session)
    if current is None:
        raise NotFound(_("There is no current academic year: choose one with --year."))
    return current.id


class CouncilProtocolKind(DocumentKind[ProtocolData]):
    key = "council-protocol"
    summary = "a methodical council meeting's protocol as PDF or Word (DOCX)"
    options = (
        Option("number", "protocol number", required=True, metavar="N"),
        YEAR_OPTION,
    )
    def title(self) -> str:
        return _("Protocol of the methodical council")

    def read(self, session: Session, request: Request) -> ProtocolData:
        from metodesk.services import council, protocol_rows

        meeting_id = common.number(request, "meeting")
        if meeting_id is None:
            meeting_id = council.find_council_meeting(session, year_of(session, request), int(request["number"]))
        return protocol_rows.protocol_data(session, meeting_id)

    def build_format(self, data: ProtocolData, lang: str, fmt: Format) -> bytes:
        return ProtocolKind().build_format(data, lang, fmt)

    def preview_title(self, data: ProtocolData) -> str:
        return _("Protocol No. {number} of the methodical council: preview").format(number=data.number)

    def example(self, session: Session, year_id: int) -> Request | None:
        """The year's first held meeting of the council."""
        from sqlalchemy import select

        from metodesk.domain.council import COUNCIL_KIND
        from metodesk.domain.meeting_enums import MeetingStatus
        from metodesk.storage.models import Association, Meeting

        meeting_id = session.scalar(
            select(Meeting.id)
            .join(Association, Association.id == Meeting.association_id)
            .where(
                Association.kind == COUNCIL_KIND,
                Meeting.year_id == year_id,
                Meeting.status == MeetingStatus.HELD.value,
            )
            .order_by(Meeting.number)
            .limit(1)
        )
        return {"meeting": meeting_id} if meeting_id is not None else None

    def file_title(self, data: ProtocolData, lang: str) -> str:
        name = "Әдістемелік кеңес" if lang == "kk" else "Методический совет"
        return f"{name} - {protocol_title(lang, data.number, data.date.isoformat())}"


class CouncilRegisterKind(DocumentKind[RegisterData]):
    key = "reviewed-documents"
    summary = "the register of documents reviewed by the associations and the methodical council"
    options = (YEAR_OPTION,)

    def title(self) -> str:
        return _("Register of reviewed documents")

    def year_label(self) -> str | None:
        return _("Register of reviewed documents")

    def read(self, session: Session, request: Request) -> RegisterData:
        from metodesk.services import council_print

        return council_print.register_data(session, year_of(session, request))

    def build_format(self, data: RegisterData, lang: str, fmt: Format) -> bytes:
        from metodesk.reports import council_register

        return _build(council_register.outline(data, lang), fmt)

    def file_title(self, data: RegisterData, lang: str) -> str:
        from metodesk.reports import council_register

        return council_register.WORDS[lang]["doc_title"].format(year=data.year_name)

    def in_year(self, session: Session, year_id: int, association_id: int | None, lang: str) -> list[Entry]:
        from metodesk.reports.council_register import WORDS
        from metodesk.storage.models import AcademicYear, ReviewedDocument

        if association_id is not None:
            return []
        from sqlalchemy import func, select

        count = session.scalar(select(func.count(ReviewedDocument.id)).where(ReviewedDocument.year_id == year_id))
        year = session.get(AcademicYear, year_id)
        if not count or year is None:
            return []
        title = WORDS[lang if lang in WORDS else "kk"]["doc_title"].format(year=year.name)
        return [Entry(self.key, {"year_id": year_id}, title, "", (1, (), 7, 0, 0))]


class SchoolPlanKind(DocumentKind[SchoolPlanData]):
    key = "school-plan"
    summary = "the school's plan of methodical work for a year as PDF or Word (DOCX)"
    options = (YEAR_OPTION,)

    def title(self) -> str:
        return _("School's plan of methodical work")

    def year_label(self) -> str | None:
        return _("School's plan of methodical work")

    def read(self, session: Session, request: Request) -> SchoolPlanData:
        from metodesk.domain.errors import NotFound
        from metodesk.services import school_plan, school_plan_rows
        from metodesk.storage.models import AcademicYear

        plan_id = common.number(request, "plan")
        if plan_id is None:
            year_id = year_of(session, request)
            plan_id = school_plan.find_school_plan(session, year_id)
            if plan_id is None:
                year = session.get(AcademicYear, year_id)
                raise NotFound(
                    _("There is no school plan of methodical work for {year} yet.").format(
                        year=year.name if year else year_id
                    )
                )
        return school_plan_rows.school_plan_data(session, plan_id)

    def build_format(self, data: SchoolPlanData, lang: str, fmt: Format) -> bytes:
        from metodesk.reports import school_plan_text

        return _build(school_plan_text.outline(data, lang), fmt)

    def file_title(self, data: SchoolPlanData, lang: str) -> str:
        from metodesk.reports.school_plan_text import WORDS

        return WORDS[lang]["doc_title"].format(year=data.year_name)

    def preview_title(self, data: SchoolPlanData) -> str:
        return _("School's plan of methodical work, {year}: preview").format(year=data.year_name)

    def in_year(self, session: Session, year_id: int, association_id: int | None, lang: str) -> list[Entry]:
        from metodesk.reports.school_plan_text import WORDS
        from metodesk.services import school_plan
        from metodesk.storage.models import AcademicYear

        year = session.get(AcademicYear, year_id)
        try:
            plan_id = school_plan.find_school_plan(session, year_id)
        except DomainError:  # no organisation
            return []
        if association_id is not None or plan_id is None or year is None:
            return []
        title = WORDS[lang if lang in WORDS else "kk"]["doc_title"].format(year=year.name)
        return [Entry(self.key, {"plan": plan_id}, title, "", (1, (), 0, 0, 0))]


class YearAnalysisKind(DocumentKind[AnalysisData]):
    key = "year-analysis"
    summary = "the analysis of the year's methodical work as PDF or Word (DOCX)"
    options = (YEAR_OPTION,)

    def title(self) -> str:
        return _("Analysis of the year's methodical work")

    def year_label(self) -> str | None:
        return _("Analysis of the year's methodical work")

    def read(self, session: Session, request: Request) -> AnalysisData:
        from metodesk.services import year_analysis

        return year_analysis.analysis_data(session, year_of(session, request))

    def build_format(self, data: AnalysisData, lang: str, fmt: Format) -> bytes:
        from metodesk.reports import year_analysis_text

        return _build(year_analysis_text.outline(data, lang), fmt)

    def file_title(self, data: AnalysisData, lang: str) -> str:
        from metodesk.reports.year_analysis_text import WORDS

        return WORDS[lang]["doc_title"].format(year=data.year_name)

    def preview_title(self, data: AnalysisData) -> str:
        return _("Analysis of the year's methodical work, {year}: preview").format(year=data.year_name)

    def in_year(self, session: Session, year_id: int, association_id: int | None, lang: str) -> list[Entry]:
        from metodesk.reports.year_analysis_text import WORDS
        from metodesk.services import year_analysis
        from metodesk.storage.models import AcademicYear

        year = session.get(AcademicYear, year_id)
        try:
            found = year_analysis.find_analysis(session, year_id)
        except DomainError:
            return []
        if association_id is not None or found is None or year is None:
            return []
        title = WORDS[lang if lang in WORDS else "kk"]["doc_title"].format(year=year.name)
        return [Entry(self.key, {"year_id": year_id}, title, "", (1, (), 8, 0, 0))]


def _build(outline: object, fmt: Format) -> bytes:
    from metodesk.reports.school_doc import Outline

    assert isinstance(outline, Outline)
    if fmt is Format.DOCX:
        from metodesk.reports.school_doc_docx import build_docx_outline

        return build_docx_outline(outline)
    from metodesk.reports.school_doc import build_pdf_outline

    return build_pdf_outline(outline)
