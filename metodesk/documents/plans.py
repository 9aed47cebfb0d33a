"""An association's annual plan of work (Order No. 253 item 33; layout in
docs/domain/documents.md, 'Annual plan')."""

from __future__ import annotations

from typing import TYPE_CHECKING

from metodesk.documents import common
from metodesk.documents.base import DocumentKind, Entry, Format, Option, Request
from metodesk.domain.errors import NotFound
from metodesk.domain.rows.plan import PlanData
from metodesk.domain.text import sort_key
from metodesk.i18n import _, language

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


def plan_title(lang: str, year: str) -> str:
    return ("План работы {year}" if lang == "ru" else "Жұмыс жоспары {year}").format(year=year)


class PlanKind(DocumentKind[PlanData]):
    key = "plan"
    summary = "an association's annual plan as PDF or Word (DOCX)"
    options = (
        Option("association", "association id", required=True, metavar="ID"),
        Option(
            "year",
            "academic year, e.g. 2025-2026 (default: the association's)",
            kind="year",
            metavar="YEAR",
        ),
        Option("for-approval", "print it for approval: without the column of what was done", kind="flag"),
    )
    in_archive = True

    def year_label(self) -> str | None:
        return _("Annual plans of the associations")

    def title(self) -> str:
        return _("Annual plan")

    def read(self, session: Session, request: Request) -> PlanData:
        """The plan a request names: ``plan`` (its id), or ``association`` (and
        ``year``: the association's counterpart in that year); ``for_approval``
        leaves out the column of what was done."""
        from metodesk.services import plan_copy, plan_rows, plans
        from metodesk.storage.models import AcademicYear

        plan_id = common.number(request, "plan")
        if plan_id is None:
            association_id = int(request["association"])
            plans.find_plan(session, association_id)  # a sentence for a wrong id
            year_id = common.year_id(session, request)
            if year_id is not None:
                found = plan_copy.counterpart(session, association_id, year_id)
                if found is None:
                    year = session.get(AcademicYear, year_id)
                    raise NotFound(
                        _("The association {id} has no counterpart in {year}.").format(
                            id=association_id, year=year.name if year else request.get("year")
                        )
                    )
                association_id = found.id
            plan_id = plans.find_plan(session, association_id)
            if plan_id is None:
                raise NotFound(_("The association {id} has no annual plan yet.").format(id=association_id))
        data = plan_rows.plan_data(session, plan_id)
        return data.for_approval() if request.get("for_approval") else data

    def build_format(self, data: PlanData, lang: str, fmt: Format) -> bytes:
        if fmt is Format.DOCX:
            from metodesk.reports import plan_docx

            return plan_docx.build(data, lang)
        from metodesk.reports import plan_pdf

        return plan_pdf.build(data, lang)

    def file_title(self, data: PlanData, lang: str) -> str:
        return f"{plan_title(lang, data.year_name)} {data.association(lang)}"

    def preview_title(self, data: PlanData) -> str:
        return _("Annual plan of {association}, {year}: preview").format(
            association=data.association(language()), year=data.year_name
        )

    def in_year(self, session: Session, year_id: int, association_id: int | None, lang: str) -> list[Entry]:
        from sqlalchemy import select

        from metodesk.storage.models import AcademicYear, Association
        from metodesk.storage.models.plans import Plan

        year = session.get(AcademicYear, year_id)
        query = (
            select(Plan.id, Association)
            .join(Association, Association.id == Plan.association_id)
            .where(Plan.year_id == year_id)
        )
        if association_id is not None:
            query = query.where(Plan.association_id == association_id)
        entries = []
        for plan_id, assoc in session.execute(query):
            name = common.association_name(assoc, lang)
            title = plan_title(lang, year.name if year else "")
            entries.append(Entry(self.key, {"plan": plan_id}, title, name, (0, sort_key(name, lang), 0, 0, plan_id)))
        return entries
