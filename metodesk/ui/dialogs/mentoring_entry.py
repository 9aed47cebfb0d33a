"""Log a meeting of a mentoring pair: date, kind, topic, length, notes; a
lesson visit may name the visited lesson (the mentee's or the mentor's, of
the pair's year) and the observation sheet filled there. The lessons and
sheets are read before the dialog opens."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QComboBox, QLineEdit, QSpinBox, QWidget

from metodesk.domain import academic_year
from metodesk.domain.mentoring_enums import MentoringKind
from metodesk.i18n import _
from metodesk.i18n.dates import short_date
from metodesk.services import mentoring, mentoring_log, years
from metodesk.services.lessons import LessonRow
from metodesk.services.mentoring_log import MAX_MINUTES, EntryInput
from metodesk.services.observations import ObservationRow
from metodesk.ui.context import AppContext
from metodesk.ui.dialogs.base import FormDialog
from metodesk.ui.dialogs.draft_form import text_box
from metodesk.ui.widgets import DateField

VISITS = (MentoringKind.VISIT_MENTEE.value, MentoringKind.VISIT_MENTOR.value)


def lesson_choice_text(lesson: LessonRow, lang: str) -> str:
    """'22.10.2025 · Сауат ашу, 2 Ә · «Дыбыс пен әріп»'."""
    parts = [short_date(lesson.date), ", ".join(p for p in (lesson.subject(lang), lesson.class_name) if p)]
    if lesson.topic:
        parts.append(f"«{lesson.topic}»")
    return " · ".join(p for p in parts if p)


def sheet_choice_text(sheet: ObservationRow) -> str:
    return _("{observer}: {total} of {max} points").format(
        observer=sheet.observer_short, total=sheet.total, max=sheet.max_total
    )


class MentoringEntryDialog(FormDialog):
    """A new log entry of the pair when ``entry_id`` is None, else that entry."""

    def __init__(
        self, ctx: AppContext, pair_id: int, entry_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, _("Log a meeting") if entry_id is None else _("Edit the log entry"), parent)
        self.pair_id, self.entry_id = pair_id, entry_id
        with ctx.reading() as session:
            pair = mentoring.get_pair(session, pair_id)
            year = years.get_year(session, pair.year_id)
            data = mentoring_log.get_entry_input(session, entry_id) if entry_id is not None else EntryInput()
            self.lessons: dict[str, list[LessonRow]] = {
                kind: mentoring_log.lesson_choices(session, pair_id, kind) for kind in VISITS
            }
            self.sheets: dict[int, list[ObservationRow]] = {
                lesson.id: mentoring_log.sheet_choices(session, lesson.id)
                for rows in self.lessons.values()
                for lesson in rows
            }
        if data.date is None:
            start, end = academic_year.meeting_window(year.start_date, year.end_date)
            data.date = min(max(dt.date.today(), start), end)
        self.date = DateField("date")
        self.add_field(_("Date"), self.date, "date")
        self.date_warning = self.add_day_warning(self.date, year)
        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("kind_combo")
        for code, label in MentoringKind.choices():
            self.kind_combo.addItem(label, code)
        self.add_field(_("Kind"), self.kind_combo, "kind")
        self.topic = QLineEdit()
        self.topic.setObjectName("topic")
        self.topic.setMaxLength(mentoring_log.MAX_TOPIC)
        self.add_field(_("Topic"), self.topic, "topic")
        self.minutes = QSpinBox()
        self.minutes.setObjectName("minutes")
        self.minutes.setRange(0, MAX_MINUTES)
        self.minutes.setSingleStep(5)
        self.minutes.setSpecialValueText(_("not given"))
        self.minutes.setSuffix(_(" min"))
        self.add_field(_("Length"), self.minutes, "minutes")
        self.notes = text_box("notes", 3)
        self.add_field(_("Notes"), self.notes, "notes")
        self.lesson_combo = QComboBox()
        self.lesson_combo.setObjectName("lesson_combo")
        self.add_field(_("Visited lesson"), self.lesson_combo, "lesson_id")
        self.sheet_combo = QComboBox()
        self.sheet_combo.setObjectName("sheet_combo")
        self.add_field(_("Observation sheet"), self.sheet_combo, "observation_id")

        self.date.set_date(data.date)
        self.kind_combo.setCurrentIndex(max(self.kind_combo.findData(data.kind), 0))
        self.topic.setText(data.topic)
        self.minutes.setValue(data.minutes or 0)
        self.notes.setPlainText(data.notes)
        self._fill_lessons(data.lesson_id)
        self._fill_sheets(data.observation_id)
        self.kind_combo.currentIndexChanged.connect(self._kind_chosen)
        self.lesson_combo.currentIndexChanged.connect(self._lesson_chosen)
        self.resize(max(self.width(), 620), self.sizeHint().height())

    def kind(self) -> str:
        return str(self.kind_combo.currentData())

    def _fill_lessons(self, selected: int | None) -> None:
        """The visited teacher's lessons for a visit; nothing for other kinds."""
        visit = self.kind() in VISITS
        lessons = self.lessons.get(self.kind(), [])
        self.lesson_combo.blockSignals(True)
        self.lesson_combo.clear()
        self.lesson_combo.addItem(_("none") if lessons or not visit else _("no lessons recorded"), None)
        for lesson in lessons:
            self.lesson_combo.addItem(lesson_choice_text(lesson, self.ctx.lang), lesson.id)
        self.lesson_combo.setCurrentIndex(max(self.lesson_combo.findData(selected), 0))
        self.lesson_combo.setEnabled(visit and bool(lessons))
        self.lesson_combo.blockSignals(False)

    def _fill_sheets(self, selected: int | None) -> None:
        sheets = self.sheets.get(self.lesson_combo.currentData(), [])
        self.sheet_combo.clear()
        self.sheet_combo.addItem(_("none"), None)
        for sheet in sheets:
            self.sheet_combo.addItem(sheet_choice_text(sheet), sheet.id)
        self.sheet_combo.setCurrentIndex(max(self.sheet_combo.findData(selected), 0))
        self.sheet_combo.setEnabled(bool(sheets))

    def _kind_chosen(self, _index: int) -> None:
        self._fill_lessons(None)
        self._fill_sheets(None)

    def _lesson_chosen(self, _index: int) -> None:
        """A chosen lesson gives the visit its date."""
        lesson_id = self.lesson_combo.currentData()
        for lesson in self.lessons.get(self.kind(), []):
            if lesson.id == lesson_id:
                self.date.set_date(lesson.date)
        self._fill_sheets(None)

    def save(self, session) -> int:  # type: ignore[no-untyped-def]
        data = EntryInput(
            date=self.date.date(),
            kind=self.kind(),
            topic=self.topic.text(),
            minutes=self.minutes.value() or None,
            notes=self.notes.toPlainText(),
            lesson_id=self.lesson_combo.currentData(),
            observation_id=self.sheet_combo.currentData(),
        )
        return mentoring_log.save_entry(session, self.pair_id, data, self.entry_id)
