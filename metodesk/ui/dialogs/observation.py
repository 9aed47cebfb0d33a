"""Fill an observation sheet (сабақты бақылау парағы / лист наблюдения урока)
for a lesson, or correct one: the observer (a teacher, or a name and position
typed in), the purpose of the visit, the criteria set, a score per criterion
within the set's scale, strengths, recommendations, the conclusion, and the
teacher's acknowledgement.

Scores are typed into boxes, as on paper; a box left empty is a criterion not
scored. A score outside the scale is refused under the scores with the box
marked, and nothing is saved. A sheet already filled keeps its own copy of the
criteria: editing the set later never changes it."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from metodesk.domain.errors import DomainError
from metodesk.domain.rows.lessons import ScoreRow
from metodesk.domain.text import sort_key
from metodesk.i18n import _
from metodesk.services import criteria, lessons, observations, teachers
from metodesk.services.observations import ObservationInput
from metodesk.ui.context import AppContext
from metodesk.ui.dialogs.base import FormDialog
from metodesk.ui.dialogs.draft_form import text_box
from metodesk.ui.dialogs.lesson import select_data
from metodesk.ui.dialogs.lesson_move import when_text
from metodesk.ui.widgets import DateField

BAD_BOX = "QLineEdit { border: 2px solid #b00020; }"


class ObservationDialog(FormDialog):
    """A new sheet for ``lesson_id`` when ``observation_id`` is None."""

    def __init__(
        self,
        ctx: AppContext,
        lesson_id: int,
        observation_id: int | None = None,
        parent: QWidget | None = None,
        today: dt.date | None = None,
    ) -> None:
        title = _("New observation sheet") if observation_id is None else _("Edit the observation sheet")
        super().__init__(ctx, title, parent)
        self.lesson_id = lesson_id
        self.observation_id = observation_id
        self.today = today or dt.date.today()
        self.lang = ctx.lang
        self.score_boxes: list[QLineEdit] = []
        self.scale = (0, 0)
        with ctx.reading() as session:
            self.lesson = lessons.get_lesson(session, lesson_id)
            self.sheet = (
                observations.get_observation(session, observation_id) if observation_id is not None else None
            )
            self._sets = criteria.list_sets(session)
            people = teachers.list_teachers(session)
            self.draft = observations.draft(session) if self.sheet is None and self._sets else None
        self._people = sorted(
            (t for t in people if t.id != self.lesson.teacher_id),
            key=lambda t: sort_key(t.full_name, self.lang),
        )

        about = QLabel(
            _("{teacher}, {class_name}, {subject}, {when}: {topic}").format(
                teacher=self.lesson.teacher_name,
                class_name=self.lesson.class_name,
                subject=self.lesson.subject(self.lang),
                when=when_text(self.lesson.date, self.lesson.period),
                topic=self.lesson.topic,
            )
        )
        about.setObjectName("sheet_about")
        about.setWordWrap(True)
        self.form.addRow(about)

        columns = QWidget()
        split = QHBoxLayout(columns)
        split.setContentsMargins(0, 0, 0, 0)
        left_holder = QWidget()
        left = QFormLayout(left_holder)
        left.setContentsMargins(0, 0, 0, 0)
        left.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        right_holder = QWidget()
        right = QVBoxLayout(right_holder)
        right.setContentsMargins(0, 0, 0, 0)
        split.addWidget(left_holder, 5)
        split.addWidget(right_holder, 6)
        self.form.addRow(columns)

        self.observer = self._add_to(left, _("Observer"), self._observer_combo(), "observer")
        self.position = QLineEdit()
        self.position.setObjectName("observer_position")
        self.position.setPlaceholderText(_("e.g. deputy director; empty: from the teacher's record"))
        self._add_to(left, _("Position"), self.position, "observer_position")
        self.purpose = QLineEdit()
        self.purpose.setObjectName("purpose")
        self.purpose.setPlaceholderText(_("e.g. sharing experience; checking formative assessment"))
        self._add_to(left, _("Purpose of the visit"), self.purpose, "purpose")
        self.strengths = self._add_to(left, _("Strengths"), text_box("strengths", 3), "strengths")
        self.recommendations = self._add_to(
            left, _("Recommendations"), text_box("recommendations", 3), "recommendations"
        )
        self.conclusion = self._add_to(left, _("Conclusion"), text_box("conclusion", 3), "conclusion")
        self._add_to(left, _("Acknowledged"), self._acknowledged_row(), "acknowledged_on")

        self.set_combo = QComboBox()
        self.set_combo.setObjectName("criteria_set_combo")
        set_row = QHBoxLayout()
        set_caption = QLabel(_("Criteria set"))
        set_caption.setBuddy(self.set_combo)
        set_row.addWidget(set_caption)
        set_row.addWidget(self.set_combo, 1)
        right.addLayout(set_row)
        self.set_error = self._error_label("criteria_set_id_error")
        self._errors["criteria_set_id"] = self.set_error
        right.addWidget(self.set_error)
        self.legend = QLabel()
        self.legend.setObjectName("scale_legend")
        self.legend.setWordWrap(True)
        right.addWidget(self.legend)
        self.scroll = QScrollArea()
        self.scroll.setObjectName("scores_area")
        self.scroll.setWidgetResizable(True)
        self.scroll.setMinimumHeight(300)
        right.addWidget(self.scroll, 1)
        self.scores_error = self._error_label("scores_error")
        self._errors["scores"] = self.scores_error
        right.addWidget(self.scores_error)
        self.total_label = QLabel()
        self.total_label.setObjectName("score_total")
        right.addWidget(self.total_label)

        self._fill()
        self.resize(max(self.sizeHint().width(), 1000), min(max(self.sizeHint().height(), 640), 700))  # 1024x768 screens

    # ---- building ---------------------------------------------------------------------------

    def _add_to(self, form: QFormLayout, label: str, widget: QWidget, field: str) -> QWidget:
        """``add_field`` into another form of this dialog (the left column)."""
        main = self.form
        self.form = form
        try:
            return self.add_field(label, widget, field)
        finally:
            self.form = main

    def _observer_combo(self) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName("observer_combo")
        combo.setEditable(True)
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        combo.addItem("", None)
        for teacher in self._people:
            combo.addItem(teacher.full_name, teacher.id)
        combo.setToolTip(_("Choose a teacher, or type the name of the deputy, the methodist or a guest."))
        completer = combo.completer()
        if completer is not None:
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        return combo

    def _acknowledged_row(self) -> QWidget:
        holder = QWidget()
        row = QHBoxLayout(holder)
        row.setContentsMargins(0, 0, 0, 0)
        self.acknowledged = QCheckBox(_("The teacher has read the sheet"))
        self.acknowledged.setObjectName("acknowledged")
        self.acknowledged_on = DateField("acknowledged_on")
        self.acknowledged_on.setMaximumWidth(120)
        self.acknowledged.toggled.connect(self._acknowledged_toggled)
        row.addWidget(self.acknowledged)
        row.addWidget(self.acknowledged_on)
        row.addStretch(1)
        return holder

    def _fill(self) -> None:
        sheet = self.sheet
        if sheet is None:
            for row in self._sets:
                self.set_combo.addItem(row.name(self.lang), row.id)
            if self.draft is not None:
                select_data(self.set_combo, self.draft.criteria_set_id)
                self._show_criteria(self.draft.scores, self.draft.scale_min, self.draft.scale_max)
                self._show_legend(self.draft.legend_kk, self.draft.legend_ru)
            else:
                self.set_error.setText(_("There is no criteria set; create one first."))
                self.set_error.show()
            self.set_combo.currentIndexChanged.connect(self._set_chosen)
            self.acknowledged_on.setEnabled(False)
            return
        name = (
            (sheet.set_name_ru or sheet.set_name_kk)
            if self.lang == "ru"
            else (sheet.set_name_kk or sheet.set_name_ru)
        )
        self.set_combo.addItem(name, sheet.criteria_set_id)
        self.set_combo.setEnabled(False)
        self.set_combo.setToolTip(_("A filled sheet keeps the criteria it was filled with."))
        if sheet.observer_teacher_id is not None:
            index = self.observer.findData(sheet.observer_teacher_id)
            if index < 0:  # archived since: keep the link, show the name
                self.observer.addItem(sheet.observer_name, sheet.observer_teacher_id)
                index = self.observer.count() - 1
            self.observer.setCurrentIndex(index)
        else:
            self.observer.setCurrentIndex(0)
            self.observer.setEditText(sheet.observer_name)
        self.position.setText(sheet.observer_position)
        self.purpose.setText(sheet.purpose)
        self.purpose.setCursorPosition(0)
        self.position.setCursorPosition(0)
        self.strengths.setPlainText(sheet.strengths)
        self.recommendations.setPlainText(sheet.recommendations)
        self.conclusion.setPlainText(sheet.conclusion)
        self.acknowledged.setChecked(sheet.acknowledged)
        self.acknowledged_on.set_date(sheet.acknowledged_on)
        self.acknowledged_on.setEnabled(sheet.acknowledged)
        self._show_criteria(sheet.scores, sheet.scale_min, sheet.scale_max)
        self._show_legend(sheet.legend_kk, sheet.legend_ru)

    def _show_legend(self, legend_kk: str, legend_ru: str) -> None:
        legend = (legend_ru or legend_kk) if self.lang == "ru" else (legend_kk or legend_ru)
        scale = _("Scores from {low} to {high}; leave a box empty for a criterion not seen.").format(
            low=self.scale[0], high=self.scale[1]
        )
        self.legend.setText(f"{scale}\n{legend}" if legend else scale)

    def _show_criteria(self, rows: tuple[ScoreRow, ...], low: int, high: int) -> None:
        """One line per criterion: its number, its wording, and a box for the score."""
        self.scale = (low, high)
        self.score_boxes = []
        page = QWidget()
        page.setObjectName("scores_page")
        grid = QGridLayout(page)
        grid.setColumnStretch(1, 1)
        grid.setVerticalSpacing(6)
        for line, row in enumerate(rows):
            number = QLabel(f"{line + 1}.")
            number.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            text = QLabel(row.text(self.lang))
            text.setWordWrap(True)
            box = QLineEdit()
            box.setObjectName(f"score_{line + 1}")
            box.setMaxLength(3)
            box.setFixedWidth(44)
            box.setAlignment(Qt.AlignmentFlag.AlignCenter)
            box.setToolTip(_("A score from {low} to {high}, or empty.").format(low=low, high=high))
            if row.score is not None:
                box.setText(str(row.score))
            box.textChanged.connect(self._update_total)
            text.setBuddy(box)
            grid.addWidget(number, line, 0)
            grid.addWidget(text, line, 1, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(box, line, 2, Qt.AlignmentFlag.AlignTop)
            self.score_boxes.append(box)
        grid.setRowStretch(len(rows), 1)
        old = self.scroll.takeWidget()
        if old is not None:
            old.deleteLater()
        self.scroll.setWidget(page)
        self._update_total()

    # ---- reacting -----------------------------------------------------------------------------

    def _set_chosen(self, _index: int) -> None:
        """Another set for a new sheet: its criteria, scores typed so far dropped."""
        set_id = self.set_combo.currentData()
        try:
            with self.ctx.reading() as session:
                self.draft = observations.draft(session, set_id)
        except DomainError as err:
            self.show_domain_error(err)
            return
        self._show_criteria(self.draft.scores, self.draft.scale_min, self.draft.scale_max)
        self._show_legend(self.draft.legend_kk, self.draft.legend_ru)

    def _acknowledged_toggled(self, on: bool) -> None:
        self.acknowledged_on.setEnabled(on)
        if on and not self.acknowledged_on.text().strip():
            self.acknowledged_on.set_date(max(self.today, self.lesson.date))

    def _update_total(self, *_args: object) -> None:
        """The total of the valid scores; a score outside the scale (say 9 on a
        0-2 scale) is marked red and left out of the total (issue 19.11)."""
        total, scored = 0, 0
        low, high = self.scale
        for box in self.score_boxes:
            text = box.text().strip()
            valid = text.isdigit() and low <= int(text) <= high
            box.setStyleSheet("" if valid or not text else "background: #fde2e2;")
            if valid:
                total += int(text)
                scored += 1
        self.total_label.setText(
            _("Total: {total} of {most} ({scored} of {count} criteria scored)").format(
                total=total,
                most=self.scale[1] * len(self.score_boxes),
                scored=scored,
                count=len(self.score_boxes),
            )
        )

    # ---- saving -------------------------------------------------------------------------------------

    def scores(self) -> list[int | None]:
        """The typed scores; the first box outside the scale is marked and refused."""
        low, high = self.scale
        values: list[int | None] = []
        for number, box in enumerate(self.score_boxes, start=1):
            text = box.text().strip()
            value = int(text) if text.lstrip("-").isdigit() else None
            if text and (value is None or not low <= value <= high):
                box.setStyleSheet(BAD_BOX)
                box.setFocus()
                raise DomainError(
                    _("The score for criterion {number} must be from {low} to {high}.").format(
                        number=number, low=low, high=high
                    ),
                    field="scores",
                )
            values.append(value)
        return values

    def observation_input(self) -> ObservationInput:
        text = self.observer.currentText().strip()
        index = self.observer.findText(text, Qt.MatchFlag.MatchFixedString) if text else -1
        teacher_id = self.observer.itemData(index) if index > 0 else None
        return ObservationInput(
            observer_teacher_id=teacher_id,
            observer_name="" if teacher_id is not None else text,
            observer_position=self.position.text(),
            purpose=self.purpose.text(),
            criteria_set_id=self.set_combo.currentData() if self.sheet is None else None,
            scores=self.scores(),
            strengths=self.strengths.toPlainText(),
            recommendations=self.recommendations.toPlainText(),
            conclusion=self.conclusion.toPlainText(),
            acknowledged=self.acknowledged.isChecked(),
            acknowledged_on=self.acknowledged_on.date() if self.acknowledged.isChecked() else None,
        )

    def save(self, session) -> int:  # type: ignore[no-untyped-def]
        return observations.save_observation(
            session, self.lesson_id, self.observation_input(), self.observation_id, today=self.today
        )
