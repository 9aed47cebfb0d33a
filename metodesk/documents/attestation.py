"""The organisation's attestation documents: the perspective plan of several
years and the list of one year (layouts in docs/domain/documents.md,
'Attestation plan' and 'Attestation list'). Both are tables, so they are also made as XLSX."""

from __future__ import annotations

from typing import TYPE_CHECKING

from metodesk.documents import common
from metodesk.documents.base import DocumentKind, Entry, Format, Option, Request
from metodesk.domain.academic_year import today as today_date
from metodesk.domain.attestation import attestation_year, parse_year_name, year_name
from metodesk.domain.errors import NotFound
from metodesk.domain.rows.attestation import AttestationDocData
from metodesk.i18n import _

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

DEFAULT_YEARS = 5
OFFERED_YEARS = 5  # the window's "Documents from" list: last year and this one onwards, five in all
ORGANISATION = Option("organisation", "organisation id (default: ours)", metavar="ID")


def year_count(value: str) -> int:
    """A number of years from 1 to the perspective plan's limit (the course-needs plan's too)."""
    from metodesk.services.attestation_print import MAX_PLAN_YEARS

    try:
        count = int(value)
    except ValueError:
        count = 0
    if not 1 <= count <= MAX_PLAN_YEARS:
        raise ValueError(
            _("{value} is not a number of years from 1 to {limit}.").format(value=value, limit=MAX_PLAN_YEARS)
        )
    return count


def known_year(session: Session, start: int) -> None:
    """Refuse a year neither the window offers (last year to four ahead) nor
    the database holds: a list for 1999-2000 would only be an empty page."""
    from metodesk.services import years

    current = attestation_year(today_date())
    if current - 1 <= start < current - 1 + OFFERED_YEARS:
        return
    name = year_name(start)
    if name not in {row.name for row in years.list_years(session)}:
        raise NotFound(_("There is no academic year {name}.").format(name=name), field="year")


def _first_year(request: Request, key: str) -> int:
    value = request[key]
    return value if isinstance(value, int) else parse_year_name(str(value))


class _AttestationKind(DocumentKind[AttestationDocData]):
    formats = (Format.PDF, Format.DOCX, Format.XLSX)
    patterns: dict[str, str]

    def file_title(self, data: AttestationDocData, lang: str) -> str:
        return self.patterns[lang].format(first=year_name(data.first_year), last=year_name(data.last_year))


class AttestationPlanKind(_AttestationKind):
    key = "attestation-plan"
    summary = "the perspective attestation plan as PDF, Word (DOCX) or XLSX"
    options = (
        Option("from", "first year, e.g. 2025-2026", kind="year", required=True, metavar="YEAR"),
        Option("years", "how many years (default: 5)", metavar="N", default=DEFAULT_YEARS, parse=year_count),
        ORGANISATION,
    )
    patterns = {
        "kk": "Аттестаттаудың перспективалық жоспары {first} – {last}",
        "ru": "Перспективный план аттестации {first} – {last}",
    }

    def title(self) -> str:
        return _("Perspective attestation plan")

    def read(self, session: Session, request: Request) -> AttestationDocData:
        """``from`` (a year name or its first calendar year), ``years``, ``organisation``."""
        from metodesk.services import attestation_print

        first = _first_year(request, "from")
        known_year(session, first)
        count = int(request.get("years") or DEFAULT_YEARS)
        return attestation_print.plan_data(
            session, first, count, today_date(), common.number(request, "organisation")
        )

    def example(self, session: Session, year_id: int) -> Request | None:
        from metodesk.storage.models import AcademicYear

        year = session.get(AcademicYear, year_id)
        return {"from": year.name, "years": DEFAULT_YEARS} if year is not None else None

    def build_format(self, data: AttestationDocData, lang: str, fmt: Format) -> bytes:
        if fmt is Format.DOCX:
            from metodesk.reports import attestation_docx

            return attestation_docx.build_plan(data, lang)
        if fmt is Format.XLSX:
            from metodesk.reports import attestation_xlsx

            return attestation_xlsx.build_plan(data, lang)
        from metodesk.reports import attestation_plan

        return attestation_plan.build_plan(data, lang)

    def preview_title(self, data: AttestationDocData) -> str:
        return _("Perspective attestation plan: preview")


class AttestationListKind(_AttestationKind):
    key = "attestation-list"
    summary = "the list of one attestation year as PDF, Word (DOCX) or XLSX"
    options = (
        Option("year", "academic year, e.g. 2025-2026", kind="year", required=True, metavar="YEAR"),
        ORGANISATION,
    )
    patterns = {"kk": "Аттестатталатын педагогтер тізімі {first}", "ru": "Список аттестуемых педагогов {first}"}

    def year_label(self) -> str | None:
        return _("Attestation list of the year")

    def title(self) -> str:
        return _("Attestation list")

    def read(self, session: Session, request: Request) -> AttestationDocData:
        """``year`` (a name or its first calendar year), ``organisation``."""
        from metodesk.services import attestation_print

        first = _first_year(request, "year")
        known_year(session, first)
        return attestation_print.list_data(session, first, today_date(), common.number(request, "organisation"))

    def build_format(self, data: AttestationDocData, lang: str, fmt: Format) -> bytes:
        if fmt is Format.DOCX:
            from metodesk.reports import attestation_docx

            return attestation_docx.build_list(data, lang)
        if fmt is Format.XLSX:
            from metodesk.reports import attestation_xlsx

            return attestation_xlsx.build_list(data, lang)
        from metodesk.reports import attestation_plan

        return attestation_plan.build_list(data, lang)

    def preview_title(self, data: AttestationDocData) -> str:
        return _("Attestation list for {year}: preview").format(year=year_name(data.first_year))

    def for_organisation(
        self, session: Session, year_id: int, organisation_id: int, lang: str
    ) -> list[Entry] | None:
        return [
            Entry(e.kind, {**e.request, "organisation": organisation_id}, e.title, e.association, e.order)
            for e in self.in_year(session, year_id, None, lang)
        ]

    def in_year(self, session: Session, year_id: int, association_id: int | None, lang: str) -> list[Entry]:
        from metodesk.storage.models import AcademicYear

        if association_id is not None:  # the school's document, not an association's
            return []
        year = session.get(AcademicYear, year_id)
        if year is None:
            return []
        first = parse_year_name(year.name)
        title = self.patterns[lang].format(first=year.name, last=year.name)
        return [Entry(self.key, {"year": first}, title, "", (1, (), 5, 0, 0))]
