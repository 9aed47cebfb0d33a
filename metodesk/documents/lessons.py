"""The open lessons' documents: a filled observation sheet, blank ones (for a
lesson, for every lesson of a day, an empty form) and the year's schedule of
open lessons (layouts in docs/domain/documents.md, 'Observation sheet'
and 'Lessons schedule')."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from metodesk.documents import common
from metodesk.documents.base import DocumentKind, Entry, Format, Option, Request
from metodesk.domain.errors import DomainError
from metodesk.domain.rows.lessons import ScheduleData, SheetData
from metodesk.domain.text import initials_name, sort_key
from metodesk.i18n import _

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


def _sheets_pdf_or_docx(data: SheetData | list[SheetData], lang: str, fmt: Format) -> bytes:
    if fmt is Format.DOCX:
        from metodesk.reports import observation_docx

        return observation_docx.build(data, lang)
    from metodesk.reports import observation_sheet

    return observation_sheet.build(data, lang)


def sheet_title(lang: str, teacher: str, day: str) -> str:
    pattern = "Лист наблюдения урока {teacher} {date}" if lang == "ru" else "Сабақты бақылау парағы {teacher} {date}"
    return pattern.format(teacher=teacher, date=day)


class ObservationKind(DocumentKind[SheetData]):
    key = "observation"
    summary = "a filled lesson observation sheet as PDF or Word (DOCX)"
    options = (Option("observation", "sheet id", required=True, metavar="ID"),)
    in_archive = True

    def year_label(self) -> str | None:
        return _("Filled observation sheets")

    def title(self) -> str:
        return _("Observation sheet")

    def read(self, session: Session, request: Request) -> SheetData:
        from metodesk.services import lesson_print

        return lesson_print.sheet_for_observation(session, int(request["observation"]))

    def build_format(self, data: SheetData, lang: str, fmt: Format) -> bytes:
        return _sheets_pdf_or_docx(data, lang, fmt)

    def file_title(self, data: SheetData, lang: str) -> str:
        lesson = data.lesson
        return sheet_title(lang, lesson.teacher_name if lesson else "", lesson.date.isoformat() if lesson else "")

    def preview_title(self, data: SheetData) -> str:
        return _("Observation sheet: preview")

    def in_year(self, session: Session, year_id: int, association_id: int | None, lang: str) -> list[Entry]:
        from sqlalchemy import select

        from metodesk.storage.models import Association, Teacher
        from metodesk.storage.models.lessons import Lesson, Observation

        query = (
            select(Observation.id, Lesson.date, Teacher, Association)
            .join(Lesson, Lesson.id == Observation.lesson_id)
            .join(Teacher, Teacher.id == Lesson.teacher_id)
            .join(Association, Association.id == Lesson.association_id)
            .where(Lesson.year_id == year_id)
        )
        if association_id is not None:
            query = query.where(Lesson.association_id == association_id)
        entries = []
        for observation_id, day, teacher, assoc in session.execute(query):
            name = common.association_name(assoc, lang)
            who = initials_name(teacher.surname, teacher.first_name, teacher.patronymic)
            entries.append(
                Entry(
                    self.key,
                    {"observation": observation_id},
                    sheet_title(lang, who, day.isoformat()),
                    name,
                    (0, sort_key(name, lang), 3, day.toordinal(), observation_id),
                )
            )
        return entries


def _day(text: str) -> dt.date:
    from metodesk.i18n.dates import parse_short_date

    try:
        parsed = parse_short_date(text)
    except ValueError:
        parsed = None
    if parsed is None:
        raise ValueError(_("{value} is not a date like 2026-03-11.").format(value=text))
    return parsed


class BlankObservationKind(DocumentKind[list[SheetData]]):
    """Blank sheets: for one lesson (``lesson``), for every lesson of a day
    (``date``, of one ``association`` or all), or an empty form (neither)."""

    key = "observation-blank"
    summary = "a blank observation sheet for a lesson, for each lesson of a date, or empty"
    options = (
        Option("lesson", "the lesson the sheet is for", metavar="ID"),
        Option("date", "one sheet for every lesson of this day", kind="date", metavar="YYYY-MM-DD", parse=_day),
        Option("association", "with --date: this association only", metavar="ID"),
        Option("set", "criteria set (default: the first in use)", metavar="ID"),
    )

    def title(self) -> str:
        return _("Blank observation sheet")

    def read(self, session: Session, request: Request) -> list[SheetData]:
        from metodesk.services import lesson_print

        day = request.get("date")
        lesson_id = common.number(request, "lesson")
        association_id = common.number(request, "association")
        set_id = common.number(request, "set")
        if day is not None and lesson_id is not None:
            raise DomainError(_("Give --lesson or --date, not both."), field="date")
        if association_id is not None and day is None:
            raise DomainError(
                _("--association goes with --date: the lessons of one association that day."), field="association"
            )
        if day is not None:
            return lesson_print.blank_sheets_for_date(session, day, set_id, association_id)
        return [lesson_print.blank_sheet(session, lesson_id, set_id)]

    def example(self, session: Session, year_id: int) -> Request | None:
        return {}  # the empty form

    def build_format(self, data: list[SheetData], lang: str, fmt: Format) -> bytes:
        return _sheets_pdf_or_docx(data, lang, fmt)

    def file_title(self, data: list[SheetData], lang: str) -> str:
        lessons = [sheet.lesson for sheet in data if sheet.lesson is not None]
        if not lessons:
            return "Лист наблюдения урока (бланк)" if lang == "ru" else "Сабақты бақылау парағы (бос үлгі)"
        day = lessons[0].date.isoformat()
        if len(data) > 1:
            return ("Листы наблюдения уроков {date}" if lang == "ru" else "Сабақты бақылау парақтары {date}").format(
                date=day
            )
        pattern = "Лист наблюдения урока (бланк) {teacher} {date}" if lang == "ru" else "Сабақты бақылау парағы (бос) {teacher} {date}"
        return pattern.format(teacher=lessons[0].teacher_name, date=day)

    def preview_title(self, data: list[SheetData]) -> str:
        lessons = [sheet.lesson for sheet in data if sheet.lesson is not None]
        if len(data) > 1 and lessons:
            return _("Blank observation sheets for {date}: preview").format(date=lessons[0].date.strftime("%d.%m.%Y"))
        return _("Blank observation sheet: preview")


def schedule_title(lang: str, year: str, association: str = "") -> str:
    pattern = "График открытых уроков {year}" if lang == "ru" else "Ашық сабақтар кестесі {year}"
    return pattern.format(year=year) + (f", {association}" if association else "")


class ScheduleKind(DocumentKind[ScheduleData]):
    key = "lessons"
    summary = "the year's schedule of open lessons as PDF or Word (DOCX)"
    options = (
        Option("year", "academic year, e.g. 2025-2026", kind="year", required=True, metavar="YEAR"),
        Option("association", "one association (default: all)", metavar="ID"),
        Option("organisation", "the associations of this organisation (default: ours)", metavar="ID"),
    )
    in_archive = True

    def year_label(self) -> str | None:
        return _("Schedule of open lessons")

    def title(self) -> str:
        return _("Schedule of open lessons")

    def read(self, session: Session, request: Request) -> ScheduleData:
        """The schedule of ``year`` (a name) or ``year_id``: of one
        ``association``, of an ``organisation``'s associations, or ours."""
        from metodesk.services import associations, lesson_print, lesson_views, years

        year_id = common.number(request, "year_id")
        year = years.get_year(session, year_id) if year_id is not None else years.year_by_name(session, str(request["year"]))
        association_id = common.number(request, "association")
        organisation_id = common.number(request, "organisation")
        if association_id is not None:
            # a wrong id gets one sentence naming it
            lesson_views.lessons_for_association_year(session, association_id)
            row = associations.get_detail(session, association_id).row
            if row.year_id != year.id:
                raise DomainError(
                    _("The association {id} belongs to the year {year}, not {asked}.").format(
                        id=row.id, year=row.year_name, asked=year.name
                    ),
                    field="year",
                )
            if organisation_id is not None:
                raise DomainError(_("Give --association or --organisation, not both."), field="organisation")
        return lesson_print.schedule_data(session, year.id, association_id, organisation_id)

    def build_format(self, data: ScheduleData, lang: str, fmt: Format) -> bytes:
        if fmt is Format.DOCX:
            from metodesk.reports import lessons_docx

            return lessons_docx.build(data, lang)
        from metodesk.reports import lessons_schedule

        return lessons_schedule.build(data, lang)

    def file_title(self, data: ScheduleData, lang: str) -> str:
        association = (data.association_ru or data.association_kk) if lang == "ru" else data.association_kk
        return schedule_title(lang, data.year_name, association)

    def preview_title(self, data: ScheduleData) -> str:
        return _("Schedule of open lessons {year}: preview").format(year=data.year_name)

    def for_organisation(
        self, session: Session, year_id: int, organisation_id: int, lang: str
    ) -> list[Entry] | None:
        from sqlalchemy import select

        from metodesk.storage.models import AcademicYear, Association
        from metodesk.storage.models.lessons import Lesson

        has_lessons = session.scalar(
            select(Lesson.id)
            .join(Association, Association.id == Lesson.association_id)
            .where(Lesson.year_id == year_id, Association.organisation_id == organisation_id)
            .limit(1)
        )
        if has_lessons is None:
            return []
        year = session.get(AcademicYear, year_id)
        request = {"year_id": year_id, "association": None, "organisation": organisation_id}
        return [Entry(self.key, request, schedule_title(lang, year.name if year else ""), "", (1, (), 2, 0, 0))]

    def in_year(self, session: Session, year_id: int, association_id: int | None, lang: str) -> list[Entry]:
        from sqlalchemy import select

        from metodesk.storage.models import Association
        from metodesk.storage.models.lessons import Lesson

        query = select(Lesson.id).where(Lesson.year_id == year_id)
        if association_id is not None:
            query = query.where(Lesson.association_id == association_id)
        if session.scalar(query.limit(1)) is None:
            return []
        request = {"year_id": year_id, "association": association_id}
        if association_id is None:
            from metodesk.storage.models import AcademicYear

            year = session.get(AcademicYear, year_id)
            return [Entry(self.key, request, schedule_title(lang, year.name if year else ""), "", (1, (), 2, 0, 0))]
        assoc = session.get(Association, association_id)
        name = common.association_name(assoc, lang) if assoc else ""
        year_name = assoc.year.name if assoc is not None else ""
        return [Entry(self.key, request, schedule_title(lang, year_name), name, (0, sort_key(name, lang), 2, 0, 0))]
