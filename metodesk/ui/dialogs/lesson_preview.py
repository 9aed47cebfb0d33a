"""The documents of the Open lessons tab in the shared PDF preview
(``PdfPreviewDialog``: language, pages, zoom, print, save, open): a filled
observation sheet, a blank one for a lesson, blank ones for every lesson of a
date, an empty form, and the year's schedule of open lessons.

Each document is a small recipe (``LessonDocument``): what to read in one
session, the title, and the file name in the document's own language."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtWidgets import QWidget

from metodesk.domain.errors import DomainError
from metodesk.i18n import _
from metodesk.services import lesson_print, settings
from metodesk.ui import common
from metodesk.ui.context import AppContext
from metodesk.ui.dialogs.pdf_preview import PdfPreviewDialog

SHEET, SCHEDULE = "observation_sheet", "lessons_schedule"


@dataclass(frozen=True)
class LessonDocument:
    """``read(session)`` returns the report's data; ``names`` are the file
    names by document language."""

    report: str  # SHEET or SCHEDULE
    read: Callable[[Any], Any]
    title: str
    names: dict[str, str]

    def file_name(self, lang: str) -> str:
        name = self.names.get(lang, self.names["ru"])
        return "".join("-" if ch in '\\/:*?"<>|' else ch for ch in name)


def filled_sheet(observation_id: int, teacher: str, day: dt.date) -> LessonDocument:
    return LessonDocument(
        SHEET,
        lambda s: lesson_print.sheet_for_observation(s, observation_id),
        _("Observation sheet: preview"),
        {
            "kk": f"Сабақты бақылау парағы {teacher} {day.isoformat()}.pdf",
            "ru": f"Лист наблюдения урока {teacher} {day.isoformat()}.pdf",
        },
    )


def blank_sheet(lesson_id: int | None, teacher: str = "", day: dt.date | None = None) -> LessonDocument:
    """A blank sheet for a lesson, or (``lesson_id`` None) an empty form."""
    if lesson_id is None:
        names = {"kk": "Сабақты бақылау парағы (бос үлгі).pdf", "ru": "Лист наблюдения урока (бланк).pdf"}
    else:
        when = day.isoformat() if day else ""
        names = {
            "kk": f"Сабақты бақылау парағы (бос) {teacher} {when}.pdf",
            "ru": f"Лист наблюдения урока (бланк) {teacher} {when}.pdf",
        }
    return LessonDocument(
        SHEET, lambda s: lesson_print.blank_sheet(s, lesson_id), _("Blank observation sheet: preview"), names
    )


def blank_sheets_for_date(day: dt.date) -> LessonDocument:
    return LessonDocument(
        SHEET,
        lambda s: lesson_print.blank_sheets_for_date(s, day),
        _("Blank observation sheets for {date}: preview").format(date=day.strftime("%d.%m.%Y")),
        {
            "kk": f"Сабақты бақылау парақтары {day.isoformat()}.pdf",
            "ru": f"Листы наблюдения уроков {day.isoformat()}.pdf",
        },
    )


def schedule(
    year_id: int, year_name: str, association_id: int | None = None, names: tuple[str, str] = ("", "")
) -> LessonDocument:
    """The year's schedule of the whole school, or of one association (its
    Kazakh and Russian ``names`` go into the file name)."""
    kk = f", {names[0]}" if names[0] else ""
    ru = f", {names[1] or names[0]}" if names[1] or names[0] else ""
    return LessonDocument(
        SCHEDULE,
        lambda s: lesson_print.schedule_data(s, year_id, association_id),
        _("Schedule of open lessons {year}: preview").format(year=year_name),
        {
            "kk": f"Ашық сабақтар кестесі {year_name}{kk}.pdf",
            "ru": f"График открытых уроков {year_name}{ru}.pdf",
        },
    )


class LessonPreviewDialog(PdfPreviewDialog):
    """The shared preview, reading and building a ``LessonDocument``."""

    def __init__(self, ctx: AppContext, document: LessonDocument, parent: QWidget | None = None) -> None:
        self.lesson_document = document
        super().__init__(ctx, 0, document.report, parent)

    def load(self, record_id: int) -> str:
        with self.ctx.reading() as session:
            self.data = self.lesson_document.read(session)
            lang = settings.print_language(session)
        self.setWindowTitle(self.lesson_document.title)
        return lang

    def build_pdf(self, lang: str) -> bytes:
        if self.lesson_document.report == SCHEDULE:
            from metodesk.reports import lessons_schedule

            return lessons_schedule.build(self.data, lang)
        from metodesk.reports import observation_sheet

        return observation_sheet.build(self.data, lang)

    def file_name(self) -> str:
        return self.lesson_document.file_name(self.lang())


def open_lesson_preview(ctx: AppContext, document: LessonDocument, parent: QWidget) -> bool:
    """Show the preview; a refusal (a cancelled lesson, no lessons that day, a
    record deleted meanwhile) is one sentence instead. True when it was shown."""
    try:
        dialog = LessonPreviewDialog(ctx, document, parent)
    except DomainError as err:
        common.show_error(parent, err.message)
        return False
    dialog.exec()
    return True
