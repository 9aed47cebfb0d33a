"""The Professional growth tab (docs/domain/order-253.md, 'Professional growth'): an academic year, and
four pages of its records — methodical events, pupils' olympiad results,
generalised experience and self-education topics — each a table with its
filters and search, and Add / Edit / Delete (Ctrl+N, Enter, Delete)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from metodesk.domain.errors import DomainError
from metodesk.domain.growth import (
    ContestKind,
    ContestResult,
    EventForm,
    EventRole,
    GrowthLevel,
    HeardAt,
    ReportForm,
    SelfEducationStage,
)
from metodesk.i18n import _, ngettext
from metodesk.i18n.dates import short_date
from metodesk.services import growth, growth_events, years
from metodesk.ui import common
from metodesk.ui.context import AppContext
from metodesk.ui.dialogs.draft_form import run_action
from metodesk.ui.dialogs.growth_event import EventDialog
from metodesk.ui.dialogs.growth_records import ExperienceDialog, OlympiadDialog, SelfEducationDialog
from metodesk.ui.models import Column, RowTableModel
from metodesk.ui.tabs.base import Tab, fill_year_combo, make_table, save_table_state, select_row_by_id, selected_row
from metodesk.ui.tabs.mentoring_pages import first_widths
from metodesk.ui.widgets import SearchBox


def _dates(row: Any) -> str:
    start, end = row.dates
    return short_date(start) if end == start else f"{short_date(start)} – {short_date(end)}"


def _people(row: Any) -> str:
    return ", ".join(f"{p.teacher} ({EventRole.label_for(p.role)})" for p in row.participants)


class RecordPage(QWidget):
    """One page: filters, search, buttons, the table and the count under it.

    ``load(session, year_id, filters)`` returns the rows; ``dialog(year_id,
    row)`` makes the add/edit dialog; ``remove(session, id)`` deletes."""

    def __init__(
        self,
        tab: GrowthTab,
        name: str,
        columns: list[Column],
        filters: list[tuple[str, str, list[tuple[str, str]]]],
        load: Callable[..., list[Any]],
        dialog: Callable[[int, Any], Any],
        remove: Callable[[Any, int], None],
        describe: Callable[[Any], str],
        empty_text: str,
        widths: tuple[int, ...] = (),
    ) -> None:
        super().__init__()
        self.tab, self.ctx = tab, tab.ctx
        self.setObjectName(f"{name}_page")
        self.load, self.make_dialog, self.remove, self.describe = load, dialog, remove, describe
        self.empty_text = empty_text
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.add_button = self._button(f"add_{name}_button", _("Add…"), self.new_record)
        self.edit_button = self._button(f"edit_{name}_button", _("Edit…"), self.edit_selected)
        self.delete_button = self._button(f"delete_{name}_button", _("Delete"), self.delete_selected)
        for button in (self.add_button, self.edit_button, self.delete_button):
            bar.addWidget(button)
        bar.addSpacing(12)
        self.filters: dict[str, QComboBox] = {}
        for key, caption, choices in filters:
            label = QLabel(caption)
            combo = QComboBox()
            combo.setObjectName(f"{name}_{key}_filter")
            # a filter's combo need not be as wide as its longest choice: the list opens wider
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(10)
            combo.addItem(_("All"), "")
            for code, text in choices:
                combo.addItem(text, code)
            combo.currentIndexChanged.connect(lambda _i: self.reload())
            label.setBuddy(combo)
            bar.addWidget(label)
            bar.addWidget(combo)
            self.filters[key] = combo
        bar.addStretch(1)
        self.search = SearchBox()
        self.search.setObjectName(f"{name}_search")
        self.search.setMinimumWidth(160)
        self.search.search_changed.connect(self._on_search)
        bar.addWidget(self.search)
        layout.addLayout(bar)
        self.model = RowTableModel(columns, self)
        self.table, self.proxy = make_table(f"{name}_table", self.model, self.ctx)
        if widths:
            first_widths(self.table, self.ctx, widths)
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._update_buttons())
        layout.addWidget(self.table, 1)
        self.count_label = QLabel()
        self.count_label.setObjectName(f"{name}_count")
        self.count_label.setWordWrap(True)
        layout.addWidget(self.count_label)
        self._update_buttons()

    def _button(self, name: str, text: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.clicked.connect(lambda _c=False: slot())
        return button

    def reload(self, select_id: int | None = None) -> None:
        year_id = self.tab.year_id()
        if select_id is None:
            current = selected_row(self.table)
            select_id = current.id if current is not None else None
        values = {key: str(combo.currentData() or "") for key, combo in self.filters.items()}
        rows: list[Any] = []
        if year_id is not None:
            with self.ctx.reading() as session:
                rows = self.load(session, year_id, values)
        self.model.set_rows(rows)
        if select_id is not None:
            select_row_by_id(self.table, select_id)
        self._update_count()
        self._update_buttons()

    def _on_search(self, text: str) -> None:
        self.proxy.set_search(text)
        self._update_count()

    def _update_count(self) -> None:
        total, shown = self.model.rowCount(), self.proxy.rowCount()
        if total == 0:
            self.count_label.setText(self.empty_text)
        elif shown == total:
            self.count_label.setText(ngettext("{n} record", "{n} records", total).format(n=total))
        else:
            self.count_label.setText(
                ngettext("{shown} of {n} record", "{shown} of {n} records", total).format(shown=shown, n=total)
            )

    def _update_buttons(self) -> None:
        chosen = selected_row(self.table) is not None
        self.edit_button.setEnabled(chosen)
        self.delete_button.setEnabled(chosen)
        self.add_button.setEnabled(self.tab.year_id() is not None)

    def _open(self, row: Any) -> None:
        year_id = self.tab.year_id()
        if year_id is None:
            return
        try:
            dialog = self.make_dialog(year_id, row)
        except DomainError as err:
            common.show_error(self, err.message)
            return
        if dialog.exec() and dialog.saved_id is not None:
            self.tab.after_write(self, dialog.saved_id)

    def new_record(self) -> None:
        self._open(None)

    def edit_selected(self) -> None:
        row = selected_row(self.table)
        if row is not None:
            self._open(row)

    def delete_selected(self) -> None:
        row = selected_row(self.table)
        if row is None:
            return
        if not common.confirm(self, _("Delete “{what}”?").format(what=self.describe(row))):
            return
        if run_action(self, self.ctx, lambda session: self.remove(session, row.id)):
            self.tab.after_write(self, None)

    def save_state(self) -> None:
        save_table_state(self.table, self.ctx)


class GrowthTab(Tab):
    """The year's methodical events, olympiad results, experience and self-education."""

    areas = ("growth", "teachers", "settings", "plans")

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        caption = QLabel(_("Academic year"))
        self.year_combo = QComboBox()
        self.year_combo.setObjectName("growth_year_combo")
        self.year_combo.setMinimumWidth(120)
        caption.setBuddy(self.year_combo)
        self.year_combo.currentIndexChanged.connect(lambda _i: self.reload_pages())
        top.addWidget(caption)
        top.addWidget(self.year_combo)
        top.addStretch(1)
        self.courses_button = QPushButton(_("Course-needs plan…"))
        self.courses_button.setObjectName("courses_plan_button")
        self.courses_button.setToolTip(
            _(
                "Who has had no course in three years, who needs one before attestation, "
                "and the courses of five years from the chosen year: preview, print, PDF, Word, Excel."
            )
        )
        self.courses_button.clicked.connect(lambda _c=False: self.open_courses_plan())
        top.addWidget(self.courses_button)
        layout.addLayout(top)
        self.pages_widget = QTabWidget()
        self.pages_widget.setObjectName("growth_pages")
        layout.addWidget(self.pages_widget, 1)
        levels = GrowthLevel.choices()
        self.events = RecordPage(
            self,
            "events",
            [
                Column(lambda: _("Dates"), _dates, sort=lambda r: r.start_date, searchable=False),
                Column(lambda: _("Title"), lambda r: r.title, tooltip=lambda r: r.title),
                Column(lambda: _("Form"), lambda r: EventForm.label_for(r.form)),
                Column(lambda: _("Level"), lambda r: GrowthLevel.label_for(r.level)),
                Column(lambda: _("Participants"), _people, tooltip=_people),
                Column(lambda: _("Result"), lambda r: r.result),
                Column(lambda: _("Plan activity"), lambda r: r.plan_activity, tooltip=lambda r: r.plan_activity),
            ],
            [("form", _("Form"), EventForm.choices()), ("level", _("Level"), levels)],
            lambda s, y, f: growth_events.list_events(s, year_id=y, form=f["form"], level=f["level"]),
            lambda y, row: EventDialog(self.ctx, y, row, self),
            growth_events.delete_event,
            lambda r: r.title,
            _("No events in this year yet: add a seminar, a master class or a subject week with “Add…”."),
            (150, 0, 130, 110, 170, 100, 150),
        )
        self.olympiads = RecordPage(
            self,
            "olympiads",
            [
                Column(lambda: _("Pupil"), lambda r: r.pupil),
                Column(lambda: _("Grade"), lambda r: str(r.grade), sort=lambda r: r.grade, align_right=True),
                Column(lambda: _("Subject"), lambda r: r.subject(self.ctx.lang) or r.title),
                Column(lambda: _("Kind"), lambda r: ContestKind.label_for(r.kind)),
                Column(lambda: _("Stage"), lambda r: GrowthLevel.label_for(r.level)),
                Column(lambda: _("Result"), lambda r: ContestResult.label_for(r.result)),
                Column(lambda: _("Prepared by"), lambda r: r.teacher),
                Column(lambda: _("Date"), lambda r: short_date(r.date), sort=lambda r: r.date, searchable=False),
            ],
            [("level", _("Stage"), levels), ("result", _("Result"), ContestResult.choices())],
            lambda s, y, f: growth_events.list_olympiads(s, year_id=y, level=f["level"], result=f["result"]),
            lambda y, row: OlympiadDialog(self.ctx, y, row, self),
            growth_events.delete_olympiad,
            lambda r: r.pupil,
            _("No olympiad results in this year yet."),
            (0, 60, 140, 100, 120, 130, 150, 90),
        )
        self.experience = RecordPage(
            self,
            "experience",
            [
                Column(lambda: _("Topic"), lambda r: r.topic, tooltip=lambda r: r.topic),
                Column(lambda: _("Teachers"), lambda r: ", ".join(r.teachers)),
                Column(lambda: _("Level"), lambda r: GrowthLevel.label_for(r.level)),
                Column(lambda: _("Where presented or approved"), lambda r: r.presented_at),
                Column(lambda: _("Date"), lambda r: short_date(r.approved_on), sort=lambda r: r.approved_on),
                Column(lambda: _("Protocol or order"), lambda r: r.document),
            ],
            [("level", _("Level"), levels)],
            lambda s, y, f: [r for r in growth.list_experience(s, year_id=y) if not f["level"] or r.level == f["level"]],
            lambda y, row: ExperienceDialog(self.ctx, y, row, self),
            growth.delete_experience,
            lambda r: r.topic,
            _("No generalised experience recorded in this year yet."),
            (0, 200, 120, 200, 90, 120),
        )
        self.self_education = RecordPage(
            self,
            "self_education",
            [
                Column(lambda: _("Teacher"), lambda r: r.teacher),
                Column(lambda: _("Topic"), lambda r: r.topic, tooltip=lambda r: r.topic),
                Column(lambda: _("Stage"), lambda r: SelfEducationStage.label_for(r.stage)),
                Column(
                    lambda: _("Report on the topic"),
                    lambda r: ", ".join(
                        p
                        for p in (
                            ReportForm.label_for(r.report_form) if r.report_form else "",
                            HeardAt.label_for(r.heard_at) if r.heard_at else "",
                            short_date(r.report_date),
                        )
                        if p
                    ),
                ),
            ],
            [("stage", _("Stage"), SelfEducationStage.choices())],
            lambda s, y, f: [
                r for r in growth.list_self_education(s, year_id=y) if not f["stage"] or r.stage == f["stage"]
            ],
            lambda y, row: SelfEducationDialog(self.ctx, y, row, parent=self),
            growth.delete_self_education,
            lambda r: f"{r.teacher}: {r.topic}",
            _("No self-education topics in this year yet."),
            (180, 0, 190, 260),
        )
        self.pages = [self.events, self.olympiads, self.experience, self.self_education]
        titles = [_("Methodical events"), _("Olympiads"), _("Generalised experience"), _("Self-education")]
        for page, text in zip(self.pages, titles, strict=True):
            self.pages_widget.addTab(page, text)

    def title(self) -> str:
        return _("Professional growth")

    def year_id(self) -> int | None:
        value = self.year_combo.currentData()
        return int(value) if value is not None else None

    def reload(self) -> None:
        wanted = self.year_id()
        with self.ctx.reading() as session:
            rows = years.list_years(session)
            if wanted is None:
                current = years.current_year(session)
                wanted = current.id if current is not None else None
        fill_year_combo(self.year_combo, rows, wanted)
        self.reload_pages()

    def reload_pages(self) -> None:
        for page in self.pages:
            page.reload()

    def open_courses_plan(self) -> None:
        from metodesk.domain.attestation import parse_year_name
        from metodesk.ui.dialogs.document_preview import open_document

        name = self.year_combo.currentText()
        if name:
            open_document(self.ctx, "courses-plan", {"from": parse_year_name(name), "years": 5}, self)

    def after_write(self, page: RecordPage, select_id: int | None) -> None:
        self.ctx.changed.emit("growth")
        page.reload(select_id)

    def current_page(self) -> RecordPage:
        return self.pages[self.pages_widget.currentIndex()]

    def new_record(self) -> None:
        self.current_page().new_record()

    def focus_search(self) -> None:
        page = self.current_page()
        page.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        page.search.selectAll()

    def delete_selected(self) -> None:
        self.current_page().delete_selected()

    def save_state(self) -> None:
        for page in self.pages:
            page.save_state()
