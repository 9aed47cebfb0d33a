"""Add or edit one teacher: name, birth date and IIN, organisation, subjects,
position, category, dates and the young-specialist mark."""

from __future__ import annotations

import datetime as dt
import html

from PySide6.QtCore import QRegularExpression, Qt
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from metodesk.domain.enums import Category, Position
from metodesk.domain.errors import DomainError
from metodesk.domain.rules import experience_years
from metodesk.domain.text import matches, search_fold
from metodesk.i18n import _, ngettext
from metodesk.services import duplicates, organisations, subjects, teachers
from metodesk.services.teachers import TeacherInput
from metodesk.ui.context import AppContext
from metodesk.ui.dialogs.base import FormDialog
from metodesk.ui.widgets import DateField

SUBJECT_ID_ROLE = Qt.ItemDataRole.UserRole + 1


YOUNG_YEARS = 3  # a teacher with less experience is offered the young-specialist mark


class SubjectPicker(QWidget):
    """A checkable list of subjects with a filter line above it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("SubjectPicker")
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(4)
        top = QHBoxLayout()
        self.filter = QLineEdit()
        self.filter.setObjectName("subject_filter")
        self.filter.setClearButtonEnabled(True)
        self.filter.setPlaceholderText(_("Filter subjects"))
        self.filter.setToolTip(_("Type part of a subject's name to shorten the list."))
        self.filter.textChanged.connect(self._apply_filter)
        top.addWidget(self.filter, 1)
        self.count_label = QLabel()
        self.count_label.setObjectName("subject_count")
        top.addWidget(self.count_label)
        column.addLayout(top)
        self.list = QListWidget()
        self.list.setObjectName("subject_list")
        self.list.setMinimumHeight(170)
        self.list.setToolTip(_("Tick every subject the teacher teaches."))
        self.list.itemChanged.connect(lambda _item: self._update_count())
        column.addWidget(self.list)

    def set_subjects(self, items: list[tuple[int, str]], chosen: set[int]) -> None:
        """Fill the list with (id, name) pairs; ``chosen`` ids are ticked."""
        self.list.blockSignals(True)
        self.list.clear()
        for subject_id, name in items:
            item = QListWidgetItem(name)
            item.setData(SUBJECT_ID_ROLE, subject_id)
            item.setData(Qt.ItemDataRole.UserRole + 2, search_fold(name))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if subject_id in chosen else Qt.CheckState.Unchecked)
            self.list.addItem(item)
        self.list.blockSignals(False)
        self._update_count()

    def items(self) -> list[QListWidgetItem]:
        return [self.list.item(i) for i in range(self.list.count())]

    def set_checked(self, subject_id: int, checked: bool = True) -> None:
        for item in self.items():
            if item.data(SUBJECT_ID_ROLE) == subject_id:
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def chosen_ids(self) -> list[int]:
        """Ticked subjects in list order, hidden ones included."""
        return [
            int(item.data(SUBJECT_ID_ROLE))
            for item in self.items()
            if item.checkState() == Qt.CheckState.Checked
        ]

    def _apply_filter(self, text: str) -> None:
        for item in self.items():
            item.setHidden(not matches(text, item.data(Qt.ItemDataRole.UserRole + 2)))

    def _update_count(self) -> None:
        n = len(self.chosen_ids())
        self.count_label.setText(ngettext("{n} subject chosen", "{n} subjects chosen", n).format(n=n))


class TeacherDialog(FormDialog):
    """New teacher when ``teacher_id`` is None, otherwise that teacher's card.

    Organisations, subjects and the teacher are read before the dialog shows;
    ``save`` hands the values to ``services.teachers.save_teacher``."""

    def __init__(self, ctx: AppContext, teacher_id: int | None = None, parent: QWidget | None = None) -> None:
        title = _("New teacher") if teacher_id is None else _("Edit teacher")
        super().__init__(ctx, title, parent)
        self.teacher_id = teacher_id
        self.version: int | None = None  # the teacher's version as read: the save names it
        lang = ctx.lang
        with ctx.reading() as session:
            orgs = organisations.list_organisations(session)
            all_subjects = subjects.list_subjects(session, include_archived=True)
            row = teachers.get_teacher(session, teacher_id) if teacher_id is not None else None

        self.surname = self._line("surname", 100)
        self.add_field(_("Surname"), self.surname, "surname")
        self.first_name = self._line("first_name", 100)
        self.add_field(_("First name"), self.first_name, "first_name")
        self.patronymic = self._line("patronymic", 100)
        self.patronymic.setToolTip(_("Leave empty when the teacher has no patronymic."))
        self.add_field(_("Patronymic"), self.patronymic, "patronymic")
        self._add_identity()

        self.organisation = QComboBox()
        self.organisation.setObjectName("organisation_id")
        for org in orgs:
            self.organisation.addItem(org.name(lang), org.id)
        self.add_field(_("Organisation"), self.organisation, "organisation_id")

        chosen = set(row.subject_ids) if row else set()
        self.subjects = SubjectPicker()
        self.subjects.set_subjects(
            [(s.id, s.name(lang)) for s in all_subjects if not s.archived or s.id in chosen], chosen
        )
        self.add_field(_("Subjects"), self.subjects, "subject_ids")

        self.position = QComboBox()
        self.position.setObjectName("position")
        for code, label in Position.choices():
            self.position.addItem(label, code)
        self.add_field(_("Position"), self.position, "position")

        self.category = QComboBox()
        self.category.setObjectName("category")
        for member in Category:
            if member is Category.LEGACY_HIGHEST:  # the old categories follow a line
                self.category.insertSeparator(self.category.count())
            self.category.addItem(member.label, member.value)
        self.category.setToolTip(_("The categories below the line are the old ones, still in staff records."))
        self.add_field(_("Qualification category"), self.category, "category")

        self.category_date = DateField("category_date")
        self.category_date.setToolTip(_("The date of the order that awarded the category; may be empty."))
        self.add_field(_("Category awarded on"), self.category_date, "category_date")
        self.category.currentIndexChanged.connect(lambda _i: self._update_category_date())

        since_row = QWidget()
        since_row.setObjectName("teaching_since_row")
        since_layout = QHBoxLayout(since_row)
        since_layout.setContentsMargins(0, 0, 0, 0)
        self.teaching_since = DateField("teaching_since")
        self.teaching_since.setToolTip(
            _("The day the teacher began teaching; experience is counted from it.")
        )
        self.teaching_since.setMaximumWidth(140)
        since_layout.addWidget(self.teaching_since)
        self.experience_label = QLabel()
        self.experience_label.setObjectName("experience_label")
        since_layout.addWidget(self.experience_label, 1)
        self.teaching_since.textChanged.connect(lambda _t: self._update_experience())
        self.add_field(_("Teaching since"), since_row, "teaching_since")
        self.category_date.setMaximumWidth(140)

        self.young_specialist = QCheckBox(_("Young specialist"))
        self.young_specialist.setObjectName("young_specialist")
        self.young_specialist.setToolTip(_("Tick for a beginning teacher who may get a mentor."))
        young_row = QWidget()
        young_layout = QVBoxLayout(young_row)  # the offer on its own line: it is long in Russian
        young_layout.setContentsMargins(0, 0, 0, 0)
        young_layout.addWidget(self.young_specialist)
        # Under three years of teaching: the mark is offered (issue 19.11).
        self.young_offer = QLabel(
            '<a href="mark">{}</a>'.format(
                html.escape(_("Under three years of experience: mark as a young specialist"))
            )
        )
        self.young_offer.setObjectName("young_offer")
        self.young_offer.setWordWrap(True)
        self.young_offer.linkActivated.connect(lambda _link: self.young_specialist.setChecked(True))
        self.young_offer.hide()
        young_layout.addWidget(self.young_offer)
        self.young_specialist.toggled.connect(lambda _on: self._update_experience())
        self.add_field("", young_row, "young_specialist")

        if row is not None:
            self._load(row)
        self._update_category_date()
        self._update_experience()
        self.setMinimumWidth(600)
        self.surname.setFocus()

    def _add_identity(self) -> None:
        """Birth date and IIN on one row (the dialog must fit 1024×768), each
        with its own error line; both optional, they tell namesakes apart."""
        row = QWidget()
        row.setObjectName("identity_row")
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        self.birth_date = DateField("birth_date")
        self.birth_date.setToolTip(_("May be empty; with it two teachers of one name are told apart."))
        self.birth_date.setMaximumWidth(140)
        line.addWidget(self.birth_date)
        iin_label = QLabel(_("IIN"))
        iin_label.setObjectName("iin_label")
        line.addSpacing(12)
        line.addWidget(iin_label)
        self.iin = QLineEdit()
        self.iin.setObjectName("iin")
        self.iin.setMaxLength(12)
        self.iin.setValidator(QRegularExpressionValidator(QRegularExpression("[0-9]{0,12}"), self.iin))
        self.iin.setPlaceholderText(_("12 digits"))
        self.iin.setToolTip(
            _("The individual identification number; may be empty. It is never printed in documents.")
        )
        self.iin.setMaximumWidth(160)
        iin_label.setBuddy(self.iin)
        line.addWidget(self.iin)
        line.addStretch(1)
        self.add_field(_("Birth date"), row, "birth_date")
        holder = self._errors["birth_date"].parentWidget()
        error = self._error_label("iin_error")
        holder.layout().addWidget(error)
        self._errors["iin"] = error

    def _line(self, name: str, max_length: int) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(name)
        edit.setMaxLength(max_length)
        return edit

    def _load(self, row: teachers.TeacherRow) -> None:
        self.version = row.version
        self.surname.setText(row.surname)
        self.first_name.setText(row.first_name)
        self.patronymic.setText(row.patronymic)
        self.birth_date.set_date(row.birth_date)
        self.iin.setText(row.iin)
        self._choose(self.organisation, row.organisation_id)
        self._choose(self.position, row.position)
        self._choose(self.category, row.category)
        self.category_date.set_date(row.category_date)
        self.teaching_since.set_date(row.teaching_since)
        self.young_specialist.setChecked(row.young_specialist)

    def can_reload(self) -> bool:
        return self.teacher_id is not None

    def reload_record(self) -> None:
        """The teacher as saved now (after someone else's change), subjects included."""
        assert self.teacher_id is not None
        with self.ctx.reading() as session:
            row = teachers.get_teacher(session, self.teacher_id)
        for item in self.subjects.items():
            subject_id = int(item.data(SUBJECT_ID_ROLE))
            self.subjects.set_checked(subject_id, subject_id in row.subject_ids)
        self._load(row)
        self._update_category_date()
        self._update_experience()

    @staticmethod
    def _choose(combo: QComboBox, value: object) -> None:
        index = combo.findData(value)
        if index >= 0:
            combo.setCurrentIndex(index)

    def _update_category_date(self) -> None:
        """No category means no award date: the field is greyed out and ignored."""
        self.category_date.setEnabled(self.category.currentData() != Category.NONE.value)

    def _update_experience(self) -> None:
        try:
            since = self.teaching_since.date()
        except DomainError:
            since = None
        today = dt.date.today()
        years = experience_years(since, today) if since is not None and since <= today else None
        self.young_offer.setVisible(
            years is not None and years < YOUNG_YEARS and not self.young_specialist.isChecked()
        )
        if years is None:
            self.experience_label.setText("")
        else:
            self.experience_label.setText(
                ngettext("Experience: {n} year", "Experience: {n} years", years).format(n=years)
            )

    def values(self) -> TeacherInput:
        """What the form holds; an unreadable date raises DomainError on its field."""
        has_category = self.category.currentData() != Category.NONE.value
        return TeacherInput(
            surname=self.surname.text(),
            first_name=self.first_name.text(),
            patronymic=self.patronymic.text(),
            birth_date=self.birth_date.date(),
            iin=self.iin.text(),
            organisation_id=self.organisation.currentData(),
            subject_ids=self.subjects.chosen_ids(),
            position=self.position.currentData(),
            category=self.category.currentData(),
            category_date=self.category_date.date() if has_category else None,
            teaching_since=self.teaching_since.date(),
            young_specialist=self.young_specialist.isChecked(),
        )

    def duplicate(self, session):  # type: ignore[no-untyped-def]
        return duplicates.same_teacher(session, self.values(), self.teacher_id)

    def save(self, session) -> int:  # type: ignore[no-untyped-def]
        return teachers.save_teacher(session, self.values(), self.teacher_id, version=self.version)
