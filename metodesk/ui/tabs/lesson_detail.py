"""The lower half of the Open lessons tab: the chosen lesson's facts, the dates
it was moved from, the meeting that discussed it, and its observation sheets
(add, edit, delete, print).

The panel writes only through its own buttons, each in one transaction, then
emits ``written(lesson_id)`` so that the tab tells the other tabs and reloads."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from metodesk.domain.enums import Position
from metodesk.domain.errors import DomainError
from metodesk.domain.lesson_enums import LessonKind, LessonStatus, can_observe
from metodesk.i18n import _
from metodesk.i18n.dates import protocol_reference, short_date
from metodesk.services import lesson_links, lessons, observations
from metodesk.services.lesson_links import DiscussedAt
from metodesk.services.lessons import LessonRow
from metodesk.services.observations import ObservationRow
from metodesk.ui import common
from metodesk.ui.context import AppContext
from metodesk.ui.dialogs.draft_form import label_of, run_action
from metodesk.ui.dialogs.lesson_move import move_text, when_text
from metodesk.ui.models import ROW_ROLE, Column, RowTableModel
from metodesk.ui.tabs.base import header_width, make_table, save_table_state, selected_row

SHEET_WIDTHS = (150, 200, 80)  # first-start widths; "Acknowledged" takes the rest


def status_text(row: LessonRow) -> str:
    """'Planned', 'Held', or 'Moved from 13.02.2026' (the date first planned)."""
    if row.status == LessonStatus.MOVED.value and row.original_date is not None:
        return _("Moved from {date}").format(date=short_date(row.original_date))
    return label_of(LessonStatus, row.status)


def history_tooltip(row: LessonRow) -> str:
    """The dates a lesson was moved from, one per line; empty when never moved."""
    if not row.moves:
        return ""
    return "\n".join(move_text(m) for m in row.moves)


def position_text(sheet: ObservationRow) -> str:
    if sheet.observer_position:
        return sheet.observer_position
    return label_of(Position, sheet.observer_position_code) if sheet.observer_position_code else ""


def score_text(sheet: ObservationRow) -> str:
    return _("{total} of {most}").format(total=sheet.total, most=sheet.max_total)


def acknowledged_text(sheet: ObservationRow) -> str:
    if not sheet.acknowledged:
        # TRANSLATORS: the teacher has not yet acknowledged the observation sheet, in a table cell.
        return _("Not yet")
    return short_date(sheet.acknowledged_on) or _("Yes")


def discussed_text(items: list[DiscussedAt], lang: str) -> str:
    if not items:
        return _("Not discussed at a meeting yet.")
    lines = [
        _("{protocol}, item {number}: {title}").format(
            protocol=protocol_reference(i.meeting_number, i.meeting_date, lang),
            number=i.item_position,
            title=" ".join(i.item_title.split()),
        )
        for i in items
    ]
    return "\n".join(lines)


def _button(name: str, text: str, slot) -> QPushButton:  # type: ignore[no-untyped-def]
    button = QPushButton(text)
    button.setObjectName(name)
    button.clicked.connect(slot)
    return button


def _value_label(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    return label


class LessonDetailPanel(QStackedWidget):
    """Page 0: a hint when no lesson is chosen; page 1: the chosen lesson."""

    written = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("lesson_detail")
        self.lesson: LessonRow | None = None
        self.empty_label = QLabel(_("Choose a lesson in the list to see its details and observation sheets."))
        self.empty_label.setObjectName("lesson_detail_empty")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.addWidget(self.empty_label)
        page = QWidget()
        split = QHBoxLayout(page)
        split.setContentsMargins(0, 0, 0, 0)
        split.addWidget(self._build_facts(), 5)
        split.addWidget(self._build_sheets(), 6)
        self.addWidget(page)
        self.show_lesson(None)

    # ---- building -----------------------------------------------------------------------------

    def _build_facts(self) -> QWidget:
        scroll = QScrollArea()
        scroll.setObjectName("lesson_facts_area")
        scroll.setWidgetResizable(True)
        holder = QWidget()
        form = QFormLayout(holder)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        form.setVerticalSpacing(4)
        self.facts: dict[str, QLabel] = {}
        self._fact_rows: dict[str, QLabel] = {}
        for key, title in (
            ("association", _("Association")),
            ("teacher", _("Teacher")),
            ("lesson", _("Class and subject")),
            ("when", _("Date")),
            ("kind", _("Form of the lesson")),
            ("status", _("Status")),
            ("topic", _("Topic")),
            ("objectives", _("Learning objectives")),
            ("note", _("Note")),
            ("moves", _("Moved")),
            ("discussed", _("Discussed at")),
        ):
            caption = QLabel(title)
            caption.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            value = _value_label(f"fact_{key}")
            form.addRow(caption, value)
            self.facts[key] = value
            self._fact_rows[key] = caption
        scroll.setWidget(holder)
        return scroll

    def _build_sheets(self) -> QWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        title = QLabel(_("Observation sheets"))
        title.setObjectName("sheets_title")
        font = title.font()
        font.setBold(True)
        title.setFont(font)
        column.addWidget(title)
        self.sheets_model = RowTableModel(
            [
                Column(lambda: _("Observer"), lambda o: o.observer_short, tooltip=lambda o: o.observer_name),
                Column(lambda: _("Position"), position_text, tooltip=position_text),
                Column(
                    lambda: _("Score"),
                    score_text,
                    sort=lambda o: o.total,
                    tooltip=lambda o: _("{scored} of {count} criteria scored").format(
                        scored=o.scored_count, count=len(o.scores)
                    ),
                    searchable=False,
                ),
                Column(
                    lambda: _("Acknowledged"),
                    acknowledged_text,
                    sort=lambda o: (o.acknowledged, o.acknowledged_on or dt.date.min),
                    searchable=False,
                ),
            ]
        )
        self.sheets_table, self.sheets_proxy = make_table("observations_table", self.sheets_model, self.ctx)
        self.sheets_table.setSortingEnabled(False)
        self.sheets_proxy.sort(-1)
        if self.ctx.settings.value("tables/observations_table") is None:
            for section, width in enumerate(SHEET_WIDTHS):
                self.sheets_table.setColumnWidth(
                    section, max(width, header_width(self.sheets_table, section))
                )
        self.sheets_table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.sheets_table.doubleClicked.connect(self.edit_sheet)
        column.addWidget(self.sheets_table, 1)
        self.sheets_empty = QLabel(_("No observation sheets yet."))
        self.sheets_empty.setObjectName("sheets_empty")
        column.addWidget(self.sheets_empty)
        grid = QGridLayout()
        self.add_sheet_button = _button("add_sheet_button", _("Add sheet…"), self.add_sheet)
        self.edit_sheet_button = _button("edit_sheet_button", _("Edit…"), self.edit_sheet)
        self.delete_sheet_button = _button("delete_sheet_button", _("Delete"), self.delete_sheet)
        self.print_sheet_button = _button("print_sheet_button", _("Print sheet…"), self.print_sheet)
        buttons = (
            self.add_sheet_button,
            self.edit_sheet_button,
            self.delete_sheet_button,
            self.print_sheet_button,
        )
        for index, button in enumerate(buttons):
            grid.addWidget(button, 0, index)
        grid.setColumnStretch(len(buttons), 1)
        column.addLayout(grid)
        return box

    # ---- showing ---------------------------------------------------------------------------------

    def show_lesson(self, lesson_id: int | None, observation_id: int | None = None) -> None:
        """Show a lesson (re-read from the database) or the hint; keep the chosen
        sheet, or choose ``observation_id``."""
        lesson, sheets, discussed = None, [], []
        if lesson_id is not None:
            try:
                with self.ctx.reading() as session:
                    lesson = lessons.get_lesson(session, lesson_id)
                    sheets = observations.list_observations(session, lesson_id)
                    discussed = lesson_links.discussed_at(session, lesson_id)
            except DomainError:
                lesson = None
        keep = observation_id
        if keep is None and self.lesson is not None and lesson is not None and self.lesson.id == lesson.id:
            current = self.selected_sheet()
            keep = current.id if current else None
        self.lesson = lesson
        if lesson is None:
            self.sheets_model.set_rows([])
            self.setCurrentIndex(0)
            self._update_buttons()
            return
        self._show_facts(lesson, discussed)
        self.sheets_model.set_rows(sheets)
        self.sheets_empty.setVisible(not sheets)
        for row in range(self.sheets_proxy.rowCount()):
            if self.sheets_proxy.index(row, 0).data(ROW_ROLE).id == keep:
                self.sheets_table.selectRow(row)
                break
        self.setCurrentIndex(1)
        self._update_buttons()

    def _show_facts(self, lesson: LessonRow, discussed: list[DiscussedAt]) -> None:
        lang = self.ctx.lang
        subject = lesson.subject(lang)
        values = {
            "association": lesson.association(lang),
            "teacher": lesson.teacher_name,
            "lesson": _("{class_name}, {subject}").format(class_name=lesson.class_name, subject=subject)
            if subject
            else lesson.class_name,
            "when": when_text(lesson.date, lesson.period),
            "kind": label_of(LessonKind, lesson.kind),
            "status": status_text(lesson),
            "topic": lesson.topic,
            "objectives": lesson.objectives,
            "note": lesson.note,
            "moves": "\n".join(move_text(m) for m in lesson.moves),
            "discussed": discussed_text(discussed, lang),
        }
        for key, value in values.items():
            self.facts[key].setText(value)
            shown = bool(value) or key in ("topic",)
            self.facts[key].setVisible(shown)
            self._fact_rows[key].setVisible(shown)

    def selected_sheet(self) -> ObservationRow | None:
        return selected_row(self.sheets_table)

    def _update_buttons(self, *_args: object) -> None:
        chosen = self.selected_sheet() is not None
        self.add_sheet_button.setEnabled(self.lesson is not None)
        for button in (self.edit_sheet_button, self.delete_sheet_button, self.print_sheet_button):
            button.setEnabled(chosen)

    # ---- actions ----------------------------------------------------------------------------------

    def _open_sheet(self, observation_id: int | None) -> None:
        from metodesk.ui.dialogs.observation import ObservationDialog

        if self.lesson is None:
            return
        try:
            dialog = ObservationDialog(self.ctx, self.lesson.id, observation_id, self)
        except DomainError as err:  # deleted meanwhile
            common.show_error(self, err.message)
            self.written.emit(self.lesson.id)
            return
        if dialog.exec() and dialog.saved_id is not None:
            self.show_lesson(self.lesson.id, dialog.saved_id)
            self.written.emit(self.lesson.id)

    def add_sheet(self) -> None:
        """A new sheet; a cancelled lesson, or one whose day has not come, is
        refused in one sentence before the form opens."""
        lesson = self.lesson
        if lesson is None:
            return
        if lesson.status == LessonStatus.CANCELLED.value:
            common.show_error(self, _("The lesson was cancelled, so it cannot be observed."))
            return
        if not can_observe(lesson.status, lesson.date, dt.date.today()):
            common.show_error(
                self,
                _("The lesson is planned for {date}: its sheet can be filled on that day or later.").format(
                    date=lesson.date.strftime("%d.%m.%Y")
                ),
            )
            return
        self._open_sheet(None)

    def edit_sheet(self, *_args: object) -> None:
        sheet = self.selected_sheet()
        if sheet is not None:
            self._open_sheet(sheet.id)

    def delete_sheet(self) -> None:
        sheet = self.selected_sheet()
        if sheet is None or self.lesson is None:
            return
        question = _("Delete the observation sheet filled by {observer}?").format(
            observer=sheet.observer_name
        )
        if not common.confirm(self, question):
            return
        self._doomed = sheet.id
        if run_action(self, self.ctx, self._delete_doomed):
            self.written.emit(self.lesson.id)

    def _delete_doomed(self, session) -> None:  # type: ignore[no-untyped-def]
        observations.delete_observation(session, self._doomed)

    def print_sheet(self) -> None:
        from metodesk.ui.dialogs.document_preview import open_document

        sheet = self.selected_sheet()
        if sheet is not None and self.lesson is not None:
            open_document(self.ctx, "observation", {"observation": sheet.id}, self)

    def save_state(self) -> None:
        save_table_state(self.sheets_table, self.ctx)
