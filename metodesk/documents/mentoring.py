"""A mentoring pair's documents: the mentor's plan of work with the mentee and
the year's report (layouts in docs/domain/documents.md, 'Mentoring plan' and
'Mentoring report')."""

from __future__ import annotations

from typing import TYPE_CHECKING

from metodesk.documents import common
from metodesk.documents.base import DocumentKind, Entry, Format, Option, Request
from metodesk.domain.rows.mentoring import MentoringDocData
from metodesk.domain.text import initials_name, sort_key
from metodesk.i18n import _

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

PAIR_OPTIONS = (Option("pair", "mentoring pair id", required=True, metavar="ID"),)


def pairs_of_year(
    session: Session, year_id: int, association_id: int | None
) -> list[tuple[int, str, str]]:
    """(pair id, mentee's short name, year) of the year's pairs; with an
    association, the pairs whose mentor or mentee is one of its members."""
    from sqlalchemy import or_, select

    from metodesk.storage.models import AcademicYear, Membership, Teacher
    from metodesk.storage.models.mentoring import MentoringPair

    query = (
        select(MentoringPair.id, Teacher, AcademicYear.name)
        .join(Teacher, Teacher.id == MentoringPair.mentee_id)
        .join(AcademicYear, AcademicYear.id == MentoringPair.year_id)
        .where(MentoringPair.year_id == year_id)
    )
    if association_id is not None:
        members = select(Membership.teacher_id).where(Membership.association_id == association_id)
        query = query.where(or_(MentoringPair.mentee_id.in_(members), MentoringPair.mentor_id.in_(members)))
    return [
        (pair_id, initials_name(t.surname, t.first_name, t.patronymic), year)
        for pair_id, t, year in session.execute(query)
    ]


class _MentoringKind(DocumentKind[MentoringDocData]):
    options = PAIR_OPTIONS
    in_archive = True
    patterns: dict[str, str]
    order_slot: int

    def read(self, session: Session, request: Request) -> MentoringDocData:
        from metodesk.services import mentoring_print

        return mentoring_print.mentoring_data(session, int(request["pair"]))

    def file_title(self, data: MentoringDocData, lang: str) -> str:
        return self.patterns[lang].format(name=data.mentee.short_name, year=data.year_name)

    def in_year(self, session: Session, year_id: int, association_id: int | None, lang: str) -> list[Entry]:
        association = ""
        if association_id is not None:
            from metodesk.storage.models import Association

            assoc = session.get(Association, association_id)
            association = common.association_name(assoc, lang) if assoc else ""
        return [
            Entry(
                self.key,
                {"pair": pair_id},
                self.patterns[lang].format(name=name, year=year),
                association,
                (0 if association else 1, sort_key(association, lang), 4, sort_key(name, lang), self.order_slot),
            )
            for pair_id, name, year in pairs_of_year(session, year_id, association_id)
        ]


class MentoringPlanKind(_MentoringKind):
    key = "mentoring-plan"
    summary = "a mentor's plan of work with the mentee as PDF or Word (DOCX)"
    patterns = {"kk": "Тәлімгер жоспары {name} {year}", "ru": "План наставника {name} {year}"}
    order_slot = 0

    def year_label(self) -> str | None:
        return _("Mentors' plans")

    def title(self) -> str:
        return _("Mentor's plan")

    def build_format(self, data: MentoringDocData, lang: str, fmt: Format) -> bytes:
        if fmt is Format.DOCX:
            from metodesk.reports import mentoring_docx

            return mentoring_docx.build_plan(data, lang)
        from metodesk.reports import mentoring_plan

        return mentoring_plan.build(data, lang)

    def preview_title(self, data: MentoringDocData) -> str:
        return _("The mentor's plan for {name}: preview").format(name=data.mentee.short_name)


class MentoringReportKind(_MentoringKind):
    key = "mentoring-report"
    summary = "the year's report of a mentoring pair as PDF or Word (DOCX)"
    patterns = {"kk": "Тәлімгер есебі {name} {year}", "ru": "Отчёт наставника {name} {year}"}
    order_slot = 1

    def year_label(self) -> str | None:
        return _("Mentoring reports")

    def title(self) -> str:
        return _("Mentoring report")

    def build_format(self, data: MentoringDocData, lang: str, fmt: Format) -> bytes:
        if fmt is Format.DOCX:
            from metodesk.reports import mentoring_docx

            return mentoring_docx.build_report(data, lang)
        from metodesk.reports import mentoring_report

        return mentoring_report.build(data, lang)

    def preview_title(self, data: MentoringDocData) -> str:
        return _("The mentoring report on {name}: preview").format(name=data.mentee.short_name)
