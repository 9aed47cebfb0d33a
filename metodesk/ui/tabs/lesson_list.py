"""The upper half of the Open lessons tab: the academic year, the view
(schedule by month, by association, or one teacher's year), the filters by
teacher, subject, form and status, the search box, and the lessons table.

The first column groups the rows the way the view asks: the month, the
association, or (per teacher) whether the teacher gave or observed the
lesson; sorting by it keeps the date order inside each group."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from metodesk.domain.enums import AssociationKind, AssociationLevel
from metodesk.domain.lesson_enums import LessonKind, LessonStatus
from metodesk.domain.text import sort_key
from metodesk.i18n import _, ngettext
from metodesk.i18n.dates import month_name, short_date
from metodesk.services import associations, lesson_views, subjects, teachers, years
from metodesk.services.associations import AssociationRow
from metodesk.services.lesson_views import UPCOMING, LessonFilter
from metodesk.services.lessons import LessonRow
from metodesk.ui.context import AppContext
from metodesk.ui.dialogs.draft_form import label_of
from metodesk.ui.flow import FlowLayout
from metodesk.ui.models import ROW_ROLE, Column, RowTableModel
from metodesk.ui.tabs.base import header_width, make_table
from metodesk.ui.tabs.lesson_detail import history_tooltip, status_text
from metodesk.ui.widgets import SearchBox

BY_MONTH, BY_ASSOCIATION, PER_TEACHER = "month", "association", "teacher"
GIVEN, OBSERVED = "given", "observed"
# first-start widths: group, date, period, teacher, class, subject, topic, form, status, sheets
WIDTHS = (135, 82, 40, 130, 55, 120, 220, 155, 175, 50)
TOPIC_COLUMN = 6
# the group column's width in each view: a month is short, an association's name long
GROUP_WIDTHS = {BY_MONTH: 135, BY_ASSOCIATION: 150, PER_TEACHER: 130}


def short_association(row: AssociationRow, lang: str) -> str:
    """An association in a narrow column: its subject (or direction, or kind),
    marked when it is a district one; the whole name is in the tooltip."""
    base = row.subject(lang) or row.direction or label_of(AssociationKind, row.kind)
    if row.level == AssociationLevel.DISTRICT.value:
        # TRANSLATORS: a short label of a district (inter-school) association in a narrow column.
        return _("{name} (district)").format(name=base)
    return base


class MiddleElided(QStyledItemDelegate):
    """Long association names differ at the start in Kazakh and at the end in
    Russian: elide in the middle to keep both ends."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex) -> None:  # type: ignore[override]
        super().initStyleOption(option, index)
        option.textElideMode = Qt.TextElideMode.ElideMiddle


@dataclass(frozen=True)
class ListRow:
    """A lesson as the table shows it: its group in the current view, and the
    sheet when the chosen teacher observed it."""

    lesson: LessonRow
    group: str
    group_order: int
    observation_id: int | None = None
    tip: str = ""  # the group's whole name, when the column shows a short one

    @property
    def id(self) -> int:
        return self.lesson.id

    @property
    def order(self) -> tuple[int, dt.date, int, int]:
        return (self.group_order, self.lesson.date, self.lesson.period or 0, self.lesson.id)


def _pair(label: QLabel, field: QWidget) -> QWidget:
    """A label and its field kept together on one line of a wrapping row."""
    pair = QWidget()
    line = QHBoxLayout(pair)
    line.setContentsMargins(0, 0, 0, 0)
    line.addWidget(label)
    line.addWidget(field)
    return pair


def _label(text: str, buddy: QWidget) -> QLabel:
    label = QLabel(text)
    label.setBuddy(buddy)
    return label


def _combo(name: str, letters: int = 0) -> QComboBox:
    """A combo as wide as its items, or as ``letters`` characters (longer items are elided)."""
    combo = QComboBox()
    combo.setObjectName(name)
    if letters:
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(letters)
    else:
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
    return combo


def _refill(combo: QComboBox, items: list[tuple[object, str]]) -> None:
    """Replace the items, keeping the chosen one when it is still there (no signals)."""
    keep = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    for data, text in items:
        combo.addItem(text, data)
    index = combo.findData(keep)
    combo.setCurrentIndex(index if index >= 0 else 0)
    combo.blockSignals(False)


class LessonList(QWidget):
    selection_changed = Signal()
    activated = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("lesson_list")
        self._association_count = 0
        self._auto_teacher = False  # the per-teacher view chose the teacher filter itself
        self.model = RowTableModel(self._columns())
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(self._build_top())
        column.addLayout(self._build_filters())
        self.table, self.proxy = make_table("lessons_table", self.model, ctx)
        if ctx.settings.value("tables/lessons_table") is None:
            fitted = self._text_widths()
            for section, width in enumerate(WIDTHS):
                wanted = max(width, fitted.get(section, 0), header_width(self.table, section))
                self.table.setColumnWidth(section, wanted)
        # The topic keeps a width of its own (a stretched one shrank below its header on small
        # screens); the last column takes what is left, and a narrow screen scrolls sideways.
        self.table.horizontalHeader().setStretchLastSection(True)
        self._group_delegate = MiddleElided(self.table)
        self.table.setItemDelegateForColumn(0, self._group_delegate)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(self._activated)
        column.addWidget(self.table, 1)
        self.search_box.search_changed.connect(self._on_search)

    # ---- building -------------------------------------------------------------------------------

    def _columns(self) -> list[Column]:
        lang = lambda: self.ctx.lang  # noqa: E731
        return [
            Column(
                self._group_title,
                lambda r: r.group,
                sort=lambda r: r.order,
                tooltip=lambda r: r.tip or r.group,
            ),
            Column(
                lambda: _("Date"),
                lambda r: short_date(r.lesson.date),
                sort=lambda r: (r.lesson.date, r.lesson.period or 0, r.lesson.id),
                tooltip=lambda r: history_tooltip(r.lesson),
            ),
            Column(
                # TRANSLATORS: a narrow column header: the lesson period of the school day.
                lambda: _("Period"),
                lambda r: str(r.lesson.period or ""),
                sort=lambda r: r.lesson.period or 0,
                align_right=True,
                searchable=False,
            ),
            Column(
                lambda: _("Teacher"),
                lambda r: r.lesson.teacher_short,
                tooltip=lambda r: r.lesson.teacher_name,
            ),
            Column(lambda: _("Class"), lambda r: r.lesson.class_name),
            Column(
                lambda: _("Subject"),
                lambda r: r.lesson.subject(lang()),
                tooltip=lambda r: r.lesson.subject(lang()),
            ),
            Column(lambda: _("Topic"), lambda r: r.lesson.topic, tooltip=lambda r: r.lesson.topic),
            Column(
                lambda: _("Form"),
                lambda r: label_of(LessonKind, r.lesson.kind),
                tooltip=lambda r: label_of(LessonKind, r.lesson.kind),
            ),
            Column(
                lambda: _("Status"),
                lambda r: status_text(r.lesson),
                tooltip=lambda r: history_tooltip(r.lesson),
            ),
            Column(
                # TRANSLATORS: a narrow column header: the number of observation sheets.
                lambda: _("Sheets"),
                lambda r: str(r.lesson.observation_count),
                sort=lambda r: r.lesson.observation_count,
                align_right=True,
                searchable=False,
            ),
        ]

    def _text_widths(self) -> dict[int, int]:
        """The form and status columns fit their words in this language, within
        reason (a longer text is elided; its tooltip shows it whole)."""
        metrics = self.table.fontMetrics()
        kinds = [label for _code, label in LessonKind.choices()]
        statuses = [label for _code, label in LessonStatus.choices()]
        statuses.append(_("Moved from {date}").format(date="28.08.2025"))
        return {
            section: min(max(metrics.horizontalAdvance(text) for text in texts) + 14, most)
            for section, texts, most in ((7, kinds, 160), (8, statuses, 215))
        }

    def _group_title(self) -> str:
        view = self.view() if hasattr(self, "view_combo") else BY_MONTH
        if view == BY_ASSOCIATION:
            return _("Association")
        if view == PER_TEACHER:
            # TRANSLATORS: column header in the per-teacher view: gave the lesson, or observed it.
            return _("Role")
        return _("Month")

    def _build_top(self) -> FlowLayout:
        top = FlowLayout(spacing=12)  # wraps under a narrow window (1024 px screens)
        self.year_combo = _combo("year_combo")
        self.year_combo.currentIndexChanged.connect(self._filters_changed)
        self.view_combo = _combo("view_combo")
        self.view_combo.addItem(_("Schedule by month"), BY_MONTH)
        self.view_combo.addItem(_("By association"), BY_ASSOCIATION)
        self.view_combo.addItem(_("Per teacher"), PER_TEACHER)
        self.view_combo.currentIndexChanged.connect(self._view_changed)
        self.search_box = SearchBox()
        self.search_box.setMinimumWidth(220)
        self.search_box.returnPressed.connect(self.search_box.flush)
        self.criteria_button = QPushButton(_("Criteria sets…"))
        self.criteria_button.setObjectName("criteria_sets_button")
        self.criteria_button.setToolTip(_("Copy and edit the criteria sets of observation sheets."))
        top.addWidget(_pair(_label(_("Academic year"), self.year_combo), self.year_combo))
        top.addWidget(_pair(_label(_("View"), self.view_combo), self.view_combo))
        top.addWidget(self.search_box)
        self.count_label = QLabel()
        self.count_label.setObjectName("count_label")
        self.count_label.setWordWrap(True)  # never widens the tab
        self.count_label.setMinimumWidth(160)
        top.addWidget(self.count_label)
        top.addWidget(self.criteria_button)
        return top

    def _build_filters(self) -> FlowLayout:
        row = FlowLayout(spacing=12)  # wraps under a narrow window (1024 px screens)
        self.teacher_combo = _combo("teacher_filter", 18)
        self.subject_combo = _combo("subject_filter", 14)
        self.kind_combo = _combo("kind_filter", 13)
        self.kind_combo.addItem(_("Any form"), None)
        for code, text in LessonKind.choices():
            self.kind_combo.addItem(text, code)
        self.status_combo = _combo("status_filter", 12)
        self.status_combo.addItem(_("Any status"), None)
        self.status_combo.addItem(_("Still to be held"), UPCOMING)
        for code, text in LessonStatus.choices():
            self.status_combo.addItem(text, code)
        self.teacher_combo.currentIndexChanged.connect(self._teacher_chosen)
        for combo in (self.subject_combo, self.kind_combo, self.status_combo):
            combo.currentIndexChanged.connect(self._filters_changed)
        self.teacher_label = _label(_("Teacher"), self.teacher_combo)
        self.teacher_pair = _pair(self.teacher_label, self.teacher_combo)
        row.addWidget(self.teacher_pair)
        row.addWidget(_pair(_label(_("Subject"), self.subject_combo), self.subject_combo))
        row.addWidget(_pair(_label(_("Form"), self.kind_combo), self.kind_combo))
        row.addWidget(_pair(_label(_("Status"), self.status_combo), self.status_combo))
        return row

    # ---- state ---------------------------------------------------------------------------------------

    def year_id(self) -> int | None:
        data = self.year_combo.currentData()
        return int(data) if data is not None else None

    def view(self) -> str:
        return str(self.view_combo.currentData())

    def has_associations(self) -> bool:
        return self._association_count > 0

    def lesson_filter(self) -> LessonFilter:
        return LessonFilter(
            teacher_id=self.teacher_combo.currentData(),
            subject_id=self.subject_combo.currentData(),
            kind=self.kind_combo.currentData(),
            status=self.status_combo.currentData(),
        )

    def selected(self) -> ListRow | None:
        indexes = self.table.selectionModel().selectedRows()
        return indexes[0].data(ROW_ROLE) if indexes else None

    # ---- loading --------------------------------------------------------------------------------------

    def reload(self, keep_id: int | None = None) -> None:
        lang = self.ctx.lang
        with self.ctx.reading() as session:
            year_rows = years.list_years(session)
            this_year = years.current_year(session)
            wanted = self.year_id() or (this_year.id if this_year else None)
            _refill(self.year_combo, [(y.id, y.name) for y in year_rows])
            index = self.year_combo.findData(wanted)
            self.year_combo.blockSignals(True)
            self.year_combo.setCurrentIndex(index if index >= 0 else 0)
            self.year_combo.blockSignals(False)
            year_id = self.year_id()
            giving = set(lesson_views.teacher_ids_with_lessons(session, year_id)) if year_id else set()
            people = [
                t
                for t in teachers.teacher_names(session, include_archived=True)
                if not t.archived or t.id in giving
            ]
            people.sort(key=lambda t: sort_key(t.full_name, lang))
            subject_rows = sorted(subjects.list_subjects(session), key=lambda s: sort_key(s.name(lang), lang))
            self._association_count = associations.count_associations(session, year_id) if year_id else 0
            everyone = _("Choose a teacher") if self.view() == PER_TEACHER else _("All teachers")
            _refill(self.teacher_combo, [(None, everyone)] + [(t.id, t.full_name) for t in people])
            _refill(
                self.subject_combo, [(None, _("All subjects"))] + [(s.id, s.name(lang)) for s in subject_rows]
            )
            rows = self._read(session, year_id) if year_id is not None else []
        self.model.set_rows(rows)
        header = self.table.horizontalHeader()
        self.proxy.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
        self._select(keep_id)
        self._update_count()

    def _read(self, session, year_id: int) -> list[ListRow]:  # type: ignore[no-untyped-def]
        lang, view, flt = self.ctx.lang, self.view(), self.lesson_filter()
        if view == BY_MONTH:
            return [
                ListRow(lesson, f"{month_name(group.month, lang).capitalize()} {group.year}", order)
                for order, group in enumerate(lesson_views.schedule_by_month(session, year_id, flt))
                for lesson in group.lessons
            ]
        if view == BY_ASSOCIATION:
            short = {
                a.id: short_association(a, lang) for a in associations.list_associations(session, year_id)
            }
            return [
                ListRow(
                    lesson, short.get(group.association_id, group.name(lang)), order, tip=group.name(lang)
                )
                for order, group in enumerate(
                    lesson_views.schedule_by_association(session, year_id, flt, lang)
                )
                for lesson in group.lessons
            ]
        if flt.teacher_id is None:
            return []
        year = lesson_views.teacher_year(session, flt.teacher_id, year_id)
        # TRANSLATORS: in the per-teacher view: the chosen teacher gave this lesson.
        gave = [ListRow(lesson, _("Gave the lesson"), 0) for lesson in year.given]
        # TRANSLATORS: in the per-teacher view: the chosen teacher observed this lesson.
        watched = [ListRow(o.lesson, _("Observed"), 1, o.observation_id) for o in year.observed]
        return [r for r in gave + watched if self._passes(r.lesson, flt)]

    @staticmethod
    def _passes(lesson: LessonRow, flt: LessonFilter) -> bool:
        """The subject, form and status filters, for the per-teacher rows."""
        if flt.subject_id is not None and lesson.subject_id != flt.subject_id:
            return False
        if flt.kind and lesson.kind != flt.kind:
            return False
        if flt.status == UPCOMING:
            return lesson.upcoming
        return not flt.status or lesson.status == flt.status

    def _select(self, lesson_id: int | None) -> None:
        self.table.clearSelection()
        if lesson_id is None:
            return
        for source_row, row in enumerate(self.model.rows()):
            if row.lesson.id != lesson_id:
                continue
            index = self.proxy.mapFromSource(self.model.index(source_row, 0))
            if index.isValid():  # shown (not hidden by the search)
                self.table.selectionModel().select(
                    index,
                    QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
                )
                self.table.setCurrentIndex(index)
                self.table.scrollTo(index)
                return

    def _update_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        if self.view() == PER_TEACHER:
            if self.teacher_combo.currentData() is None:
                self.count_label.setText(
                    _("Choose a teacher to see the lessons they gave and observed this year.")
                )
                return
            rows = [self.proxy.index(i, 0).data(ROW_ROLE) for i in range(shown)]
            given = sum(1 for r in rows if r.observation_id is None)
            observed = shown - given
            self.count_label.setText(
                " ".join(
                    (
                        ngettext("Gave {n} lesson.", "Gave {n} lessons.", given).format(n=given),
                        ngettext("Observed {n} lesson.", "Observed {n} lessons.", observed).format(
                            n=observed
                        ),
                    )
                )
            )
            return
        if total == 0:  # an empty tab says what to do first (issue 19.11)
            self.count_label.setText(
                _("This year has no associations yet. Create one in the Associations tab first.")
                if not self.has_associations()
                else _("No lessons yet: plan the first one with “Plan lesson…” (Ctrl+N).")
            )
            return
        if shown == total:
            text = ngettext("{n} lesson", "{n} lessons", total).format(n=total)
        else:
            text = ngettext("{shown} of {n} lesson", "{shown} of {n} lessons", total).format(
                shown=shown, n=total
            )
        self.count_label.setText(text)

    # ---- reacting --------------------------------------------------------------------------------------

    def _filters_changed(self, _index: int = 0) -> None:
        keep = self.selected()
        self.reload(keep.id if keep else None)
        self.selection_changed.emit()

    def _teacher_chosen(self, index: int) -> None:
        self._auto_teacher = False
        self._filters_changed(index)

    def _view_changed(self, _index: int = 0) -> None:
        """Per teacher starts with the chosen lesson's teacher when none is chosen."""
        keep = self.selected()
        chosen = None
        if self.view() == PER_TEACHER and self.teacher_combo.currentData() is None and keep is not None:
            chosen, self._auto_teacher = keep.lesson.teacher_id, True
        elif self.view() != PER_TEACHER and self._auto_teacher:
            self._auto_teacher = False  # back to every teacher, as before
        else:
            chosen = self.teacher_combo.currentData()
        self.teacher_combo.blockSignals(True)
        self.teacher_combo.setCurrentIndex(max(self.teacher_combo.findData(chosen), 0))
        self.teacher_combo.blockSignals(False)
        self.table.setColumnWidth(0, GROUP_WIDTHS.get(self.view(), WIDTHS[0]))
        self.reload(keep.id if keep else None)
        self.selection_changed.emit()

    def _on_search(self, text: str) -> None:
        self.proxy.set_search(text)
        self._update_count()
        self.selection_changed.emit()

    def _selection_changed(self, *_args: object) -> None:
        self.selection_changed.emit()

    def _activated(self, *_args: object) -> None:
        self.activated.emit()
