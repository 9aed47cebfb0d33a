"""Plan a lesson or correct one: association, teacher, subject (from the list or
typed), grade with class letter or a preschool group, date, lesson period,
topic, learning objectives and the form of the lesson (docs/domain/order-253.md, 'Open lessons').

Correcting the date here is not a move: "Move…" keeps the old date
(``LessonMoveDialog``). The services refuse a date outside the year, a grade
out of range and the like; the sentence appears under the field."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QSpinBox, QWidget

from metodesk.domain.lesson_enums import FIRST_PERIOD, LAST_GRADE, LAST_PERIOD, PRE_SCHOOL_GRADE, LessonKind
from metodesk.domain.text import sort_key
from metodesk.i18n import _
from metodesk.services import associations, lessons, subjects, teachers, years
from metodesk.services.lessons import LessonInput
from metodesk.ui.context import AppContext
from metodesk.ui.dialogs.base import FormDialog
from metodesk.ui.dialogs.draft_form import text_box
from metodesk.ui.widgets import DateField


def select_data(combo: QComboBox, data: object) -> None:
    index = combo.findData(data)
    if index >= 0:
        combo.setCurrentIndex(index)


def period_spin(name: str) -> QSpinBox:
    """Lesson period 1-8; the lowest value, shown as "—", means not yet known."""
    spin = QSpinBox()
    spin.setObjectName(name)
    spin.setRange(FIRST_PERIOD - 1, LAST_PERIOD)
    spin.setSpecialValueText("—")
    spin.setToolTip(_("The lesson period of the school day (1 to 8); “—” when not yet known."))
    return spin


def period_value(spin: QSpinBox) -> int | None:
    return spin.value() if spin.value() >= FIRST_PERIOD else None


class LessonDialog(FormDialog):
    """``lesson_id`` None plans a new lesson in the year ``year_id``, for the
    association ``association_id`` when given (else the year's first)."""

    def __init__(
        self,
        ctx: AppContext,
        lesson_id: int | None = None,
        year_id: int | None = None,
        association_id: int | None = None,
        parent: QWidget | None = None,
        today: dt.date | None = None,
    ) -> None:
        super().__init__(ctx, _("Plan a lesson") if lesson_id is None else _("Edit the lesson"), parent)
        self.lesson_id = lesson_id
        self.today = today or dt.date.today()
        lang = ctx.lang
        with ctx.reading() as session:
            current = lessons.get_lesson(session, lesson_id) if lesson_id is not None else None
            self.version = current.version if current is not None else None  # as read: the save names it
            if current is not None:
                year_id, association_id = current.year_id, current.association_id
            self._associations = associations.list_associations(session, year_id) if year_id else []
            if association_id is None and self._associations:
                association_id = self._associations[0].id
            self._members = {
                a.id: [m.teacher_id for m in associations.get_detail(session, a.id).members if not m.archived]
                for a in self._associations
            }
            self._teachers = [
                t
                for t in teachers.list_teachers(session, include_archived=True)
                if not t.archived or (current is not None and t.id == current.teacher_id)
            ]
            keep_subject = current.subject_id if current else None
            self._subjects = [
                s
                for s in subjects.list_subjects(session, include_archived=True)
                if not s.archived or s.id == keep_subject
            ]
            proposal = (
                lessons.proposed_lesson(session, association_id, self.today)
                if current is None and association_id is not None
                else None
            )
        self._teachers.sort(key=lambda t: sort_key(t.full_name, lang))
        self._subjects.sort(key=lambda s: sort_key(s.name(lang), lang))

        self.association_combo = QComboBox()
        self.association_combo.setObjectName("association_combo")
        self.association_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.association_combo.setMinimumContentsLength(40)
        for row in self._associations:
            self.association_combo.addItem(row.name(lang), row.id)
            self.association_combo.setItemData(
                self.association_combo.count() - 1, row.name(lang), Qt.ItemDataRole.ToolTipRole
            )
        self.add_field(_("Association"), self.association_combo, "association_id")

        self.teacher_combo = QComboBox()
        self.teacher_combo.setObjectName("teacher_combo")
        self.add_field(_("Teacher"), self.teacher_combo, "teacher_id")

        self.subject_combo = QComboBox()
        self.subject_combo.setObjectName("subject_combo")
        self.subject_combo.setEditable(True)
        self.subject_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.subject_combo.addItem("", None)
        for subject in self._subjects:
            self.subject_combo.addItem(subject.name(lang), subject.id)
        self.subject_combo.setToolTip(_("Choose a subject from the list, or type one that is not there."))
        self.add_field(_("Subject"), self.subject_combo, "subject_id")
        self._errors["subject_text"] = self._errors["subject_id"]

        self.add_field(_("Class"), self._class_row(), "grade")
        self._errors["class_letter"] = self._errors["grade"]
        self._errors["group_name"] = self._errors["grade"]

        when = QWidget()
        row = QHBoxLayout(when)
        row.setContentsMargins(0, 0, 0, 0)
        self.date = DateField("date")
        self.date.setMaximumWidth(120)
        self.period = period_spin("period")
        period_label = QLabel(_("Lesson period"))
        period_label.setBuddy(self.period)
        row.addWidget(self.date)
        row.addSpacing(12)
        row.addWidget(period_label)
        row.addWidget(self.period)
        row.addStretch(1)
        self.add_field(_("Date"), when, "date")
        self._errors["period"] = self._errors["date"]
        self.date_warning = self.add_day_warning(self.date, self._year_row(year_id))

        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("kind_combo")
        for code, label in LessonKind.choices():
            self.kind_combo.addItem(label, code)
        self.add_field(_("Form of the lesson"), self.kind_combo, "kind")

        self.topic = QLineEdit()
        self.topic.setObjectName("topic")
        self.add_field(_("Topic"), self.topic, "topic")
        self.objectives = text_box(
            "objectives", 3, _("For example: 6.4.2.1 – to know the declension of nouns")
        )
        self.add_field(_("Learning objectives"), self.objectives, "objectives")
        self.note = QLineEdit()
        self.note.setObjectName("note")
        self.note.setPlaceholderText(_("Anything worth remembering, e.g. why the lesson was cancelled"))
        self.add_field(_("Note"), self.note, "note")

        if current is not None:
            select_data(self.association_combo, current.association_id)
            self._fill_teachers(current.teacher_id)
            self._set_subject(current.subject_id, current.subject(lang))
            select_data(self.grade_combo, current.grade)
            self.letter.setText(current.class_letter)
            self.group.setText(current.group_name)
            self.date.set_date(current.date)
            self.period.setValue(current.period or 0)
            select_data(self.kind_combo, current.kind)
            self.topic.setText(current.topic)
            self.objectives.setPlainText(current.objectives)
            self.note.setText(current.note)
            self.association_combo.setEnabled(False)
            self.association_combo.setToolTip(
                _("A lesson stays in its association; plan a new one for another.")
            )
        else:
            select_data(self.association_combo, association_id)
            self._fill_teachers(None)
            if proposal is not None:
                self._set_subject(proposal.subject_id, "")
                self.date.set_date(proposal.date)
        self.association_combo.currentIndexChanged.connect(self._association_changed)
        self.resize(max(self.sizeHint().width(), 720), self.sizeHint().height())

    def _year_row(self, year_id: int | None):  # type: ignore[no-untyped-def]
        """The lesson's year (dates and terms) for the day warning."""
        if year_id is None and self._associations:
            year_id = self._associations[0].year_id
        with self.ctx.reading() as session:
            return years.get_year(session, year_id) if year_id is not None else years.current_year(session)

    def _class_row(self) -> QWidget:
        holder = QWidget()
        row = QHBoxLayout(holder)
        row.setContentsMargins(0, 0, 0, 0)
        self.grade_combo = QComboBox()
        self.grade_combo.setObjectName("grade_combo")
        self.grade_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.grade_combo.addItem("—", None)
        self.grade_combo.addItem(_("0 (pre-school class)"), PRE_SCHOOL_GRADE)
        for grade in range(PRE_SCHOOL_GRADE + 1, LAST_GRADE + 1):
            self.grade_combo.addItem(str(grade), grade)
        self.letter = QLineEdit()
        self.letter.setObjectName("class_letter")
        self.letter.setMaxLength(8)
        self.letter.setMaximumWidth(60)
        self.letter.setPlaceholderText(_("letter"))
        self.letter.setToolTip(_("The class letter, for example Ә in 6 Ә."))
        self.group = QLineEdit()
        self.group.setObjectName("group_name")
        self.group.setPlaceholderText(_("or a preschool group, e.g. “Balapan”"))
        row.addWidget(self.grade_combo)
        row.addWidget(self.letter)
        row.addStretch(0)
        row.addSpacing(12)
        row.addWidget(self.group, 1)
        return holder

    def _fill_teachers(self, chosen: int | None) -> None:
        """Members of the chosen association first, then every other teacher."""
        members = set(self._members.get(self.association_combo.currentData(), []))
        self.teacher_combo.blockSignals(True)
        self.teacher_combo.clear()
        self.teacher_combo.addItem(_("— choose a teacher —"), None)
        first = [t for t in self._teachers if t.id in members]
        rest = [t for t in self._teachers if t.id not in members]
        for group in (first, rest):
            if group and self.teacher_combo.count() > 1:
                self.teacher_combo.insertSeparator(self.teacher_combo.count())
            for teacher in group:
                self.teacher_combo.addItem(teacher.full_name, teacher.id)
        select_data(self.teacher_combo, chosen)
        self.teacher_combo.blockSignals(False)

    def _set_subject(self, subject_id: int | None, text: str) -> None:
        index = self.subject_combo.findData(subject_id) if subject_id is not None else -1
        if index >= 0:
            self.subject_combo.setCurrentIndex(index)
        else:
            self.subject_combo.setCurrentIndex(0)
            self.subject_combo.setEditText(text)

    def _association_changed(self, _index: int) -> None:
        """Keep the teacher; offer the new association's subject when none was chosen."""
        self._fill_teachers(self.teacher_combo.currentData())
        if not self.subject_combo.currentText().strip():
            assoc = next(
                (a for a in self._associations if a.id == self.association_combo.currentData()), None
            )
            if assoc is not None:
                self._set_subject(assoc.subject_id, "")

    def _subject(self) -> tuple[int | None, str]:
        text = self.subject_combo.currentText().strip()
        if not text:
            return None, ""
        index = self.subject_combo.findText(text, Qt.MatchFlag.MatchFixedString)
        if index > 0:
            return self.subject_combo.itemData(index), ""
        return None, text

    def lesson_input(self) -> LessonInput:
        subject_id, subject_text = self._subject()
        return LessonInput(
            association_id=self.association_combo.currentData(),
            teacher_id=self.teacher_combo.currentData(),
            subject_id=subject_id,
            subject_text=subject_text,
            grade=self.grade_combo.currentData(),
            class_letter=self.letter.text(),
            group_name=self.group.text(),
            date=self.date.date(),
            period=period_value(self.period),
            topic=self.topic.text(),
            objectives=self.objectives.toPlainText(),
            kind=str(self.kind_combo.currentData()),
            note=self.note.text(),
        )

    def save(self, session) -> int:  # type: ignore[no-untyped-def]
        return lessons.save_lesson(
            session, self.lesson_input(), self.lesson_id, today=self.today, version=self.version
        )
