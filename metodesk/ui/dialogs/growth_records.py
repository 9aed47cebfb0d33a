"""Add or edit a pupil's olympiad result, an entry of generalised experience
and a teacher's self-education topic. Each saves in one transaction and shows
a refused field's sentence under that field (``FormDialog``)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QListWidget, QListWidgetItem, QPlainTextEdit, QWidget

from metodesk.domain.errors import DomainError
from metodesk.domain.growth import (
    ContestKind,
    ContestResult,
    ExperienceRow,
    GrowthLevel,
    HeardAt,
    OlympiadRow,
    ReportForm,
    SelfEducationRow,
    SelfEducationStage,
)
from metodesk.domain.text import sort_key
from metodesk.i18n import _
from metodesk.services import growth, growth_events, subjects, teachers, years
from metodesk.services.growth import ExperienceInput, SelfEducationInput
from metodesk.services.growth_events import OlympiadInput
from metodesk.ui.context import AppContext
from metodesk.ui.dialogs.base import FormDialog
from metodesk.ui.widgets import DateField

ID_ROLE = Qt.ItemDataRole.UserRole + 1


def code_combo(name: str, choices: list[tuple[str, str]], current: str, empty: str | None = None) -> QComboBox:
    """A combo of (code, label); ``empty`` offers "" first with that text."""
    combo = QComboBox()
    combo.setObjectName(name)
    if empty is not None:
        combo.addItem(empty, "")
    for code, label in choices:
        combo.addItem(label, code)
    combo.setCurrentIndex(max(combo.findData(current), 0))
    return combo


def line(name: str, value: str, length: int) -> QLineEdit:
    edit = QLineEdit(value)
    edit.setObjectName(name)
    edit.setMaxLength(length)
    return edit


def text_box(name: str, value: str, height: int = 70) -> QPlainTextEdit:
    box = QPlainTextEdit(value)
    box.setObjectName(name)
    box.setTabChangesFocus(True)
    box.setMinimumHeight(height)
    return box


def teacher_combo(ctx: AppContext, name: str, current: int | None, placeholder: str) -> QComboBox:
    """Active teachers by the window's alphabet (and ``current`` even when archived)."""
    with ctx.reading() as session:
        rows = teachers.teacher_names(session, include_archived=True)
    rows = [r for r in rows if not r.archived or r.id == current]
    rows.sort(key=lambda r: sort_key(r.full_name, ctx.lang))
    combo = QComboBox()
    combo.setObjectName(name)
    combo.addItem(placeholder, None)
    for r in rows:
        combo.addItem(r.full_name, r.id)
    combo.setCurrentIndex(max(combo.findData(current), 0) if current is not None else 0)
    return combo


def year_combo(ctx: AppContext, current: int | None) -> QComboBox:
    combo = QComboBox()
    combo.setObjectName("year_id")
    with ctx.reading() as session:
        for y in years.list_years(session):
            combo.addItem(y.name, y.id)
    combo.setCurrentIndex(max(combo.findData(current), 0))
    return combo


class OlympiadDialog(FormDialog):
    """A pupil's result at an olympiad or a competition of ``year_id``."""

    def __init__(
        self, ctx: AppContext, year_id: int, record: OlympiadRow | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, _("New olympiad result") if record is None else _("Edit olympiad result"), parent)
        self.record = record
        r = record
        self.year = year_combo(ctx, r.year_id if r else year_id)
        self.add_field(_("Academic year"), self.year, "year_id")
        self.kind = code_combo("kind", ContestKind.choices(), r.kind if r else ContestKind.OLYMPIAD.value)
        self.add_field(_("Kind"), self.kind, "kind")
        self.title_edit = line("title", r.title if r else "", 300)
        self.title_edit.setPlaceholderText(_("for a competition: its name"))
        self.add_field(_("Title"), self.title_edit, "title")
        self.pupil = line("pupil", r.pupil if r else "", 200)
        self.add_field(_("Pupil"), self.pupil, "pupil")
        self.grade = line("grade", str(r.grade) if r else "", 2)
        self.grade.setMaximumWidth(80)
        self.add_field(_("Grade"), self.grade, "grade")
        self.subject = QComboBox()
        self.subject.setObjectName("subject_id")
        self.subject.addItem(_("(no subject)"), None)
        with ctx.reading() as session:
            for s in subjects.list_subjects(session, include_archived=True):
                if not s.archived or (r and r.subject_id == s.id):
                    self.subject.addItem(s.name(ctx.lang) or s.name_kk, s.id)
        if r and r.subject_id is not None:
            self.subject.setCurrentIndex(max(self.subject.findData(r.subject_id), 0))
        self.add_field(_("Subject"), self.subject, "subject_id")
        self.level = code_combo("level", GrowthLevel.choices(), r.level if r else GrowthLevel.SCHOOL.value)
        self.add_field(_("Stage"), self.level, "level")
        self.date = DateField("date")
        self.date.set_date(r.date if r else None)
        self.date.setMaximumWidth(140)
        self.add_field(_("Date"), self.date, "date")
        self.result_combo = code_combo(
            "result", ContestResult.choices(), r.result if r else ContestResult.PARTICIPANT.value
        )
        self.add_field(_("Result"), self.result_combo, "result")
        self.teacher = teacher_combo(ctx, "teacher_id", r.teacher_id if r else None, _("(choose the teacher)"))
        self.add_field(_("Prepared by"), self.teacher, "teacher_id")
        self.setMinimumWidth(560)

    def values(self) -> OlympiadInput:
        text = self.grade.text().strip()
        try:
            grade = int(text) if text else None
        except ValueError:
            raise DomainError(_("Enter the grade as a whole number."), field="grade") from None
        return OlympiadInput(
            year_id=self.year.currentData(),
            kind=self.kind.currentData(),
            title=self.title_edit.text(),
            date=self.date.date(),
            pupil=self.pupil.text(),
            grade=grade,
            subject_id=self.subject.currentData(),
            level=self.level.currentData(),
            result=self.result_combo.currentData(),
            teacher_id=self.teacher.currentData(),
        )

    def save(self, session) -> int:  # type: ignore[no-untyped-def]
        return growth_events.save_olympiad(session, self.values(), self.record.id if self.record else None)


class TeacherChecklist(QListWidget):
    """Active teachers to tick (and those already ticked, even archived)."""

    def __init__(self, ctx: AppContext, chosen: tuple[int, ...], name: str = "teacher_ids") -> None:
        super().__init__()
        self.setObjectName(name)
        self.setMinimumHeight(140)
        with ctx.reading() as session:
            rows = teachers.teacher_names(session, include_archived=True)
        rows = [r for r in rows if not r.archived or r.id in chosen]
        rows.sort(key=lambda r: sort_key(r.full_name, ctx.lang))
        for r in rows:
            item = QListWidgetItem(r.full_name)
            item.setData(ID_ROLE, r.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if r.id in chosen else Qt.CheckState.Unchecked)
            self.addItem(item)

    def chosen(self) -> list[int]:
        return [
            int(self.item(i).data(ID_ROLE))
            for i in range(self.count())
            if self.item(i).checkState() == Qt.CheckState.Checked
        ]


class ExperienceDialog(FormDialog):
    """An entry of the register of generalised experience."""

    def __init__(
        self, ctx: AppContext, year_id: int, record: ExperienceRow | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, _("New experience entry") if record is None else _("Edit experience entry"), parent)
        self.record = record
        r = record
        self.year = year_combo(ctx, r.year_id if r else year_id)
        self.add_field(_("Academic year"), self.year, "year_id")
        self.topic = line("topic", r.topic if r else "", 300)
        self.add_field(_("Topic"), self.topic, "topic")
        self.teachers = TeacherChecklist(ctx, r.teacher_ids if r else ())
        self.add_field(_("Teachers"), self.teachers, "teacher_ids")
        self.level = code_combo("level", GrowthLevel.choices(), r.level if r else GrowthLevel.SCHOOL.value)
        self.add_field(_("Level"), self.level, "level")
        self.presented_at = line("presented_at", r.presented_at if r else "", 300)
        self.presented_at.setPlaceholderText(_("for example: a meeting of the association, a district seminar"))
        self.add_field(_("Where presented or approved"), self.presented_at, "presented_at")
        self.approved_on = DateField("approved_on")
        self.approved_on.set_date(r.approved_on if r else None)
        self.approved_on.setMaximumWidth(140)
        self.add_field(_("Date"), self.approved_on, "approved_on")
        self.document = line("document", r.document if r else "", 100)
        self.document.setPlaceholderText(_("protocol or order No."))
        self.add_field(_("Protocol or order"), self.document, "document")
        self.materials = text_box("materials", r.materials if r else "")
        self.add_field(_("Materials"), self.materials, "materials")
        self.setMinimumWidth(600)

    def values(self) -> ExperienceInput:
        return ExperienceInput(
            year_id=self.year.currentData(),
            topic=self.topic.text(),
            level=self.level.currentData(),
            teacher_ids=self.teachers.chosen(),
            presented_at=self.presented_at.text(),
            approved_on=self.approved_on.date(),
            document=self.document.text(),
            materials=self.materials.toPlainText(),
        )

    def save(self, session) -> int:  # type: ignore[no-untyped-def]
        return growth.save_experience(session, self.values(), self.record.id if self.record else None)


class SelfEducationDialog(FormDialog):
    """A teacher's self-education topic of a year; ``teacher_id`` fixes the
    teacher (from the teacher's portfolio), else the teacher is chosen."""

    def __init__(
        self,
        ctx: AppContext,
        year_id: int | None,
        record: SelfEducationRow | None = None,
        teacher_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            ctx, _("New self-education topic") if record is None else _("Edit self-education topic"), parent
        )
        self.record = record
        r = record
        self.teacher = teacher_combo(
            ctx, "teacher_id", r.teacher_id if r else teacher_id, _("(choose the teacher)")
        )
        self.teacher.setEnabled(r is None and teacher_id is None)
        self.add_field(_("Teacher"), self.teacher, "teacher_id")
        self.year = year_combo(ctx, r.year_id if r else year_id)
        self.add_field(_("Academic year"), self.year, "year_id")
        self.topic = line("topic", r.topic if r else "", 300)
        self.add_field(_("Topic"), self.topic, "topic")
        self.stage = code_combo(
            "stage", SelfEducationStage.choices(), r.stage if r else SelfEducationStage.STUDY.value
        )
        self.add_field(_("Stage"), self.stage, "stage")
        self.plan = text_box("plan", r.plan if r else "")
        self.plan.setPlaceholderText(_("the stages of the work, one per line"))
        self.add_field(_("Plan of the work"), self.plan, "plan")
        self.report_form = code_combo(
            "report_form", ReportForm.choices(), r.report_form if r else "", _("(not reported yet)")
        )
        self.add_field(_("Form of the report"), self.report_form, "report_form")
        self.report_date = DateField("report_date")
        self.report_date.set_date(r.report_date if r else None)
        self.report_date.setMaximumWidth(140)
        self.add_field(_("Date of the report"), self.report_date, "report_date")
        self.heard_at = code_combo("heard_at", HeardAt.choices(), r.heard_at if r else "", "")
        self.add_field(_("Where it was heard"), self.heard_at, "heard_at")
        self.result_edit = line("result", r.result if r else "", 300)
        self.add_field(_("Result"), self.result_edit, "result")
        self.setMinimumWidth(600)

    def values(self) -> SelfEducationInput:
        return SelfEducationInput(
            teacher_id=self.teacher.currentData(),
            year_id=self.year.currentData(),
            topic=self.topic.text(),
            stage=self.stage.currentData(),
            plan=self.plan.toPlainText(),
            report_form=self.report_form.currentData(),
            report_date=self.report_date.date(),
            heard_at=self.heard_at.currentData(),
            result=self.result_edit.text(),
        )

    def save(self, session) -> int:  # type: ignore[no-untyped-def]
        return growth.save_self_education(session, self.values(), self.record.id if self.record else None)
