"""The Attestation tab (docs/domain/order-253.md, 'Attestation'): the teachers of one organisation
with what the rules say about each (valid until, due year, overdue, early
attestation possible, the category claimable by experience, the test under
way), filtered by a view; a small chart of how many hold each category; the
documents (the perspective plan and the list of a year, as PDF, Word or Excel); the
rules; and on the right the chosen teacher's history, case and evidence."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QItemSelectionModel, Qt
from PySide6.QtGui import QAction, QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from metodesk.documents.attestation import DEFAULT_YEARS
from metodesk.documents.base import Format
from metodesk.domain.attestation import attestation_year, year_name
from metodesk.domain.enums import Category, Position
from metodesk.i18n import _, ngettext
from metodesk.i18n.dates import short_date
from metodesk.services import attestation_views, organisations
from metodesk.services.attestation_views import AttestationRow
from metodesk.ui.context import AppContext
from metodesk.ui.dialogs.attestation_rules import RulesDialog
from metodesk.ui.flow import FlowLayout
from metodesk.ui.models import ROW_ROLE, AnyIndex, Column, RowTableModel
from metodesk.ui.tabs import attestation_case_page
from metodesk.ui.tabs.association_detail import label_of, make_button
from metodesk.ui.tabs.attestation_chart import CategoryChart
from metodesk.ui.tabs.attestation_detail import AttestationDetailPanel
from metodesk.ui.tabs.base import Tab, header_width, make_table, save_table_state, selected_row
from metodesk.ui.widgets import SearchBox

SPLITTER_KEY = "splitters/attestation"
OVERDUE_COLOUR = QColor("#a00000")
DOCUMENT_YEARS = 5
PLAN, LIST = "attestation-plan", "attestation-list"  # the registry's kinds
# first-start widths; then the user's are remembered
COLUMN_WIDTHS = (185, 110, 120, 80, 80, 78, 95, 120, 45)


def _status(row: AttestationRow) -> str:
    parts = []
    if row.overdue:
        parts.append(_("Overdue"))
    if row.in_progress:
        parts.append(_("In progress"))
    if row.early_eligible:
        parts.append(_("Early possible"))
    if row.warnings:
        parts.append(_("Check the case"))
    return ", ".join(parts)


def _test(row: AttestationRow) -> str:
    if not row.in_progress or row.case_test_score is None:
        return ""
    return f"{row.case_test_score} %"


def _columns() -> list[Column]:
    return [
        Column(lambda: _("Full name"), lambda r: r.full_name, tooltip=lambda r: r.full_name),
        Column(lambda: _("Position"), lambda r: label_of(Position, r.position)),
        Column(lambda: _("Category"), lambda r: label_of(Category, r.category)),
        Column(
            lambda: _("Awarded"),
            lambda r: short_date(r.award_date),
            sort=lambda r: r.award_date,
            searchable=False,
        ),
        Column(
            lambda: _("Valid until"),
            lambda r: short_date(r.expiry),
            sort=lambda r: r.expiry,
            searchable=False,
        ),
        Column(lambda: _("Due"), lambda r: r.due_year_name, sort=lambda r: r.due_year, searchable=False),
        Column(lambda: _("Status"), _status),
        Column(lambda: _("By experience"), lambda r: label_of(Category, r.claimable) if r.claimable else ""),
        Column(lambda: _("Test"), _test, sort=lambda r: r.case_test_score, searchable=False),
    ]


class AttestationTableModel(RowTableModel):
    """Overdue teachers in dark red."""

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole):  # type: ignore[no-untyped-def]
        if role == Qt.ItemDataRole.ForegroundRole and index.isValid():
            return QBrush(OVERDUE_COLOUR) if self.row_at(index.row()).overdue else None
        return super().data(index, role)


def _pair(label: QLabel, field: QWidget) -> QWidget:
    """A label and its field kept together on one line of a wrapping row."""
    pair = QWidget()
    line = QHBoxLayout(pair)
    line.setContentsMargins(0, 0, 0, 0)
    line.addWidget(label)
    line.addWidget(field, 1)
    return pair


class AttestationTab(Tab):
    """View selector, teachers and chart on the left; the chosen teacher on the right."""

    areas = ("attestation", "teachers", "settings", "lessons", "meetings")

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._announcing = False
        self._all_rows: list[AttestationRow] = []
        self.model = AttestationTableModel(_columns(), self)
        self.panel = AttestationDetailPanel(ctx)
        self.panel.written.connect(self._written)
        layout = QVBoxLayout(self)
        layout.addLayout(self._build_bar())
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("attestation_splitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self._build_list())
        self.splitter.addWidget(self.panel)
        state = ctx.settings.value(SPLITTER_KEY)
        if isinstance(state, QByteArray):
            self.splitter.restoreState(state)
        else:
            self.splitter.setSizes([720, 560])
        layout.addWidget(self.splitter, 1)

    # ---- building -----------------------------------------------------------------------------

    def _build_bar(self) -> FlowLayout:
        bar = FlowLayout(spacing=12)  # wraps under a narrow window (1024 px screens)
        org_label = QLabel(_("Organisation"))
        self.org_combo = QComboBox()
        self.org_combo.setObjectName("organisation_combo")
        self.org_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.org_combo.setMinimumContentsLength(24)
        org_label.setBuddy(self.org_combo)
        self.org_combo.currentIndexChanged.connect(self._filters_changed)
        view_label = QLabel(_("Show"))
        self.view_combo = QComboBox()
        self.view_combo.setObjectName("view_combo")
        self.view_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        view_label.setBuddy(self.view_combo)
        self._fill_views()
        self.view_combo.currentIndexChanged.connect(self._filters_changed)
        self.search = SearchBox()
        self.search.setMinimumWidth(180)
        self.search.search_changed.connect(self._on_search)
        self.rules_button = make_button("rules_button", _("Rules…"), self.open_rules)
        self.rules_button.setToolTip(
            _("The attestation rules: cycles, pass marks, experience, early attestation.")
        )
        bar.addWidget(_pair(org_label, self.org_combo))
        bar.addWidget(_pair(view_label, self.view_combo))
        bar.addWidget(self.search)
        bar.addWidget(self.rules_button)
        return bar

    def _fill_views(self) -> None:
        this_year = attestation_year(attestation_case_page.current_date())
        choices = [
            (attestation_views.DUE_THIS_YEAR, _("Due this year ({year})").format(year=year_name(this_year))),
            (
                attestation_views.DUE_NEXT_YEAR,
                _("Due next year ({year})").format(year=year_name(this_year + 1)),
            ),
            (attestation_views.OVERDUE, _("Overdue")),
            (attestation_views.IN_PROGRESS, _("In progress")),
            (attestation_views.ATTENTION, _("Needs attention")),
            (attestation_views.ALL, _("All teachers")),
        ]
        current = self.view_combo.currentData() or attestation_views.ALL
        self.view_combo.blockSignals(True)
        self.view_combo.clear()
        for code, label in choices:
            self.view_combo.addItem(label, code)
        self.view_combo.setCurrentIndex(max(self.view_combo.findData(current), 0))
        self.view_combo.blockSignals(False)

    def _build_list(self) -> QWidget:
        left = QWidget()
        left.setObjectName("attestation_list")
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        self.table, self.proxy = make_table("attestation_table", self.model, self.ctx)
        if self.ctx.settings.value("tables/attestation_table") is None:
            for section, width in enumerate(COLUMN_WIDTHS):
                self.table.setColumnWidth(section, max(header_width(self.table, section), width))
        self.table.selectionModel().selectionChanged.connect(self._on_selection)
        column.addWidget(self.table, 1)
        self.count_label = QLabel()
        self.count_label.setObjectName("count_label")
        column.addWidget(self.count_label)
        chart_caption = QLabel(_("Teachers by category"))
        chart_caption.setObjectName("chart_caption")
        column.addWidget(chart_caption)
        self.chart = CategoryChart()
        column.addWidget(self.chart)
        column.addLayout(self._build_documents())
        return left

    def _build_documents(self) -> FlowLayout:
        row = FlowLayout()
        caption = QLabel(_("Documents from"))
        self.document_year = QComboBox()
        self.document_year.setObjectName("document_year_combo")
        caption.setBuddy(self.document_year)
        this_year = attestation_year(attestation_case_page.current_date())
        for start in range(this_year - 1, this_year + DOCUMENT_YEARS):
            self.document_year.addItem(year_name(start), start)
        self.document_year.setCurrentIndex(1)
        self.plan_button = self._menu_button(
            "plan_button",
            _("Perspective plan"),
            (
                ("plan_pdf_action", _("Preview / print…"), self.preview_plan),
                ("plan_docx_action", _("Save as Word…"), self.save_plan_docx),
                ("plan_xlsx_action", _("Save as Excel…"), self.save_plan_xlsx),
            ),
        )
        self.list_button = self._menu_button(
            "list_button",
            _("List of the year"),
            (
                ("list_pdf_action", _("Preview / print…"), self.preview_list),
                ("list_docx_action", _("Save as Word…"), self.save_list_docx),
                ("list_xlsx_action", _("Save as Excel…"), self.save_list_xlsx),
            ),
        )
        row.addWidget(_pair(caption, self.document_year))
        row.addWidget(self.plan_button)
        row.addWidget(self.list_button)
        return row

    def _menu_button(self, name: str, text: str, actions) -> QPushButton:  # type: ignore[no-untyped-def]
        button = QPushButton(text)
        button.setObjectName(name)
        menu = QMenu(button)
        menu.setObjectName(f"{name}_menu")
        for action_name, action_text, slot in actions:
            action = QAction(action_text, menu)
            action.setObjectName(action_name)
            action.triggered.connect(slot)
            menu.addAction(action)
        button.setMenu(menu)
        return button

    def title(self) -> str:
        return _("Attestation")

    # ---- loading ------------------------------------------------------------------------------

    def _fill_organisations(self) -> None:
        with self.ctx.reading() as session:
            orgs = organisations.list_organisations(session)
            ours = organisations.ours(session)
        current = self.org_combo.currentData()
        if current is None and ours is not None:
            current = ours.id
        self.org_combo.blockSignals(True)
        self.org_combo.clear()
        for org in orgs:
            self.org_combo.addItem(org.name(self.ctx.lang), org.id)
        self.org_combo.setCurrentIndex(max(self.org_combo.findData(current), 0))
        self.org_combo.setToolTip(self.org_combo.currentText())
        self.org_combo.blockSignals(False)

    def reload(self, select_id: int | None = None, keep_detail: bool = False) -> None:
        """Read the teachers again; keep (or move) the selection by teacher id.
        ``keep_detail``: a teacher just written stays in the detail even when
        the view no longer lists them (a case decided leaves "In progress")."""
        if select_id is None:
            current = self.current_row()
            select_id = current.teacher_id if current is not None else None
        self._fill_organisations()
        self._fill_views()
        with self.ctx.reading() as session:
            self._all_rows = attestation_views.attestation_rows(
                session, attestation_case_page.current_date(), self.org_combo.currentData()
            )
        rows = attestation_views.view_rows(self._all_rows, self.view(), attestation_case_page.current_date())
        self.model.set_rows(rows)
        self.chart.set_counts(attestation_views.category_counts(self._all_rows))
        if select_id is None or not self.select_teacher(select_id):
            kept = (
                next((r for r in self._all_rows if r.teacher_id == select_id), None) if keep_detail else None
            )
            self.panel.show_teacher(kept)
        self._update_count()

    def view(self) -> str:
        return str(self.view_combo.currentData() or attestation_views.ALL)

    def set_view(self, view: str) -> None:
        self.view_combo.setCurrentIndex(max(self.view_combo.findData(view), 0))

    def current_row(self) -> AttestationRow | None:
        return selected_row(self.table)

    def visible_rows(self) -> list[AttestationRow]:
        return [self.proxy.index(i, 0).data(ROW_ROLE) for i in range(self.proxy.rowCount())]

    def select_teacher(self, teacher_id: int) -> bool:
        for source_row, row in enumerate(self.model.rows()):
            if row.teacher_id == teacher_id:
                index = self.proxy.mapFromSource(self.model.index(source_row, 0))
                if not index.isValid():
                    return False
                self.table.selectionModel().select(
                    index,
                    QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
                )
                self.table.setCurrentIndex(index)
                self.table.scrollTo(index)
                self.panel.show_teacher(row)
                return True
        return False

    def _filters_changed(self, *_args: object) -> None:
        self.reload()

    def _on_selection(self, *_args: object) -> None:
        self.panel.show_teacher(self.current_row())

    def _on_search(self, text: str) -> None:
        self.proxy.set_search(text)
        self._update_count()

    def _update_count(self) -> None:
        shown, total = self.proxy.rowCount(), len(self._all_rows)
        if total == 0 and self.view_combo.currentData() == attestation_views.ALL:
            self.count_label.setText(_("No teachers yet: add them in the Teachers tab first."))
            return
        self.count_label.setText(
            ngettext("{shown} of {n} teacher", "{shown} of {n} teachers", total).format(shown=shown, n=total)
        )

    # ---- writing ------------------------------------------------------------------------------

    def _written(self, teacher_id: int) -> None:
        """Tell the other tabs (the card's category may have changed), then reload once."""
        self._announcing = True
        try:
            self.ctx.changed.emit("attestation")
            self.ctx.changed.emit("teachers")
        finally:
            self._announcing = False
        self._stale = False
        self.reload(teacher_id, keep_detail=True)

    def _on_changed(self, area: str) -> None:
        if not self._announcing:
            super()._on_changed(area)

    def open_rules(self) -> None:
        dialog = RulesDialog(self.ctx, self)
        dialog.exec()
        if dialog.changed:
            self._stale = False
            self.reload()

    # ---- documents ----------------------------------------------------------------------------

    def _request(self, key: str) -> dict[str, object]:
        """The registry's request for the plan (from the chosen year, five years)
        or the list (of the chosen year), of the organisation chosen above."""
        first, org = int(self.document_year.currentData()), self.org_combo.currentData()
        if key == PLAN:
            return {"from": first, "years": DEFAULT_YEARS, "organisation": org}
        return {"year": first, "organisation": org}

    def _preview(self, key: str) -> None:
        from metodesk.ui.dialogs.document_preview import open_document

        open_document(self.ctx, key, self._request(key), self)

    def _save(self, key: str, fmt: Format) -> None:
        from metodesk.ui.dialogs.document_preview import export_document

        export_document(self.ctx, key, self._request(key), fmt, self)  # asks for the language

    def preview_plan(self) -> None:
        self._preview(PLAN)

    def preview_list(self) -> None:
        self._preview(LIST)

    def save_plan_docx(self) -> None:
        self._save(PLAN, Format.DOCX)

    def save_list_docx(self) -> None:
        self._save(LIST, Format.DOCX)

    def save_plan_xlsx(self) -> None:
        self._save(PLAN, Format.XLSX)

    def save_list_xlsx(self) -> None:
        self._save(LIST, Format.XLSX)

    # ---- shortcuts and state ------------------------------------------------------------------

    def new_record(self) -> None:
        """Ctrl+N: an award, a case or a course for the chosen teacher, by the open page."""
        self.panel.add_on_page()

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def save_state(self) -> None:
        save_table_state(self.table, self.ctx)
        self.ctx.settings.setValue(SPLITTER_KEY, self.splitter.saveState())
        self.panel.save_state()
