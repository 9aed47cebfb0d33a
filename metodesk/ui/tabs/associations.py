"""The Associations tab: the year's methodical associations on the left, the
chosen one on the right (``AssociationDetailPanel``) with its members and the
item-23 warning."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from metodesk.domain.enums import AssociationKind, AssociationLevel
from metodesk.domain.errors import DomainError
from metodesk.i18n import N_, _
from metodesk.services import associations, years
from metodesk.services.associations import AssociationRow, MemberRow
from metodesk.ui import common
from metodesk.ui.context import AppContext
from metodesk.ui.dialogs.association import AssociationDialog
from metodesk.ui.models import Column, RowTableModel
from metodesk.ui.tabs.association_detail import (
    AssociationDetailPanel,
    label_of,
    make_button,
    run_action,
    text_column,
)
from metodesk.ui.tabs.base import (
    StretchGuard,
    Tab,
    fill_year_combo,
    header_width,
    make_table,
    save_table_state,
    select_row_by_id,
    selected_row,
)
from metodesk.ui.widgets import SearchBox

SPLITTER_KEY = "splitters/associations"
# first-start widths of the columns after the (stretched) name; then the user's are remembered
LIST_WIDTHS = (0, 100, 70, 85, 120, 80)
# the list's short level names; the detail shows the full AssociationLevel label
LEVEL_SHORT = {AssociationLevel.SCHOOL.value: N_("School"), AssociationLevel.DISTRICT.value: N_("District")}


class AssociationsTab(Tab):
    """Year selector, search and list on the left; the chosen association on the right."""

    areas = ("associations", "teachers", "settings")

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._own_write = False
        lang = lambda: self.ctx.lang  # noqa: E731
        self.model = RowTableModel(
            [
                text_column(lambda: _("Name"), lambda r: r.name(lang())),
                text_column(lambda: _("Kind"), lambda r: label_of(AssociationKind, r.kind)),
                Column(
                    lambda: _("Level"),
                    lambda r: _(LEVEL_SHORT[r.level]) if r.level in LEVEL_SHORT else r.level,
                    tooltip=lambda r: label_of(AssociationLevel, r.level),
                ),
                text_column(lambda: _("Subject"), lambda r: r.subject(lang()) or r.direction),
                text_column(
                    lambda: _("Leader"),
                    lambda r: _("{name} (archived)").format(name=r.leader) if r.leader_archived else r.leader,
                ),
                Column(
                    lambda: _("Members"),
                    lambda r: str(r.member_count),
                    sort=lambda r: r.member_count,
                    align_right=True,
                    searchable=False,
                ),
            ]
        )
        self.panel = AssociationDetailPanel(ctx)
        self.panel.written.connect(self._written)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("associations_splitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self._build_list())
        self.splitter.addWidget(self.panel)
        state = ctx.settings.value(SPLITTER_KEY)
        if isinstance(state, QByteArray):
            self.splitter.restoreState(state)
        else:
            self.splitter.setSizes([640, 460])
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter)
        self._update_buttons()

    def _build_list(self) -> QWidget:
        left = QWidget()
        left.setObjectName("associations_list")
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        year_label = QLabel(_("Academic year"))
        self.year_combo = QComboBox()
        self.year_combo.setObjectName("year_combo")
        self.year_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        year_label.setBuddy(self.year_combo)
        self.year_combo.currentIndexChanged.connect(lambda _i: self.reload())
        self.search_box = SearchBox()
        top.addWidget(year_label)
        top.addWidget(self.year_combo)
        top.addWidget(self.search_box, 1)
        column.addLayout(top)
        self.table, self.proxy = make_table("associations_table", self.model, self.ctx)
        if self.ctx.settings.value("tables/associations_table") is None:
            header = self.table.horizontalHeader()
            header.setStretchLastSection(False)
            header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
            StretchGuard(self.table, 0)
            for section, width in enumerate(LIST_WIDTHS[1:], start=1):
                self.table.setColumnWidth(section, max(width, header_width(self.table, section)))
        self.search_box.search_changed.connect(self.proxy.set_search)
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._on_selection())
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())
        column.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        self.add_button = make_button("add_button", _("Add…"), self.new_record)
        self.edit_button = make_button("edit_button", _("Edit…"), self.edit_selected)
        self.delete_button = make_button("delete_button", _("Delete"), self.delete_association)
        for button in (self.add_button, self.edit_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.archive_button = make_button("archive_button", _("Archive of the year…"), self.show_archive)
        self.archive_button.setToolTip(
            _("Every document of the association's year in one PDF: plan, protocols, lessons, mentoring")
        )
        buttons.addWidget(self.archive_button)
        column.addLayout(buttons)
        return left

    # ---- loading ------------------------------------------------------------------------------

    def title(self) -> str:
        return _("Associations")

    def year_id(self) -> int | None:
        data = self.year_combo.currentData()
        return int(data) if data is not None else None

    def selected(self) -> AssociationRow | None:
        return selected_row(self.table)

    def selected_member(self) -> MemberRow | None:
        return self.panel.selected_member()

    def reload(self, select_id: int | None = None) -> None:
        """Re-read the years and the year's associations; keep the selection, or move
        it to ``select_id`` (switching to its year)."""
        current = self.selected()
        keep = select_id if select_id is not None else (current.id if current else None)
        with self.ctx.reading() as session:
            year_rows = years.list_years(session)
            this_year = years.current_year(session)
            wanted = self.year_id() or (this_year.id if this_year else None)
            if select_id is not None:
                try:
                    wanted = associations.get_detail(session, select_id).row.year_id
                except DomainError:
                    keep = None
            fill_year_combo(self.year_combo, year_rows, wanted)
            year_id = self.year_id()
            rows = associations.list_associations(session, year_id) if year_id is not None else []
        self.model.set_rows(rows)
        header = self.table.horizontalHeader()
        self.proxy.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
        self._select(keep)
        self._on_selection()

    def _select(self, association_id: int | None) -> None:
        select_row_by_id(self.table, association_id)

    def _on_selection(self) -> None:
        row = self.selected()
        detail = None
        if row is not None:
            try:
                with self.ctx.reading() as session:
                    detail = associations.get_detail(session, row.id)
            except DomainError:
                detail = None
        self.panel.show_detail(detail, self.model.rowCount() > 0)
        self._update_buttons()

    def _update_buttons(self) -> None:
        chosen = self.selected() is not None
        self.edit_button.setEnabled(chosen)
        self.delete_button.setEnabled(chosen)
        self.archive_button.setEnabled(chosen)

    def _on_changed(self, area: str) -> None:
        if not self._own_write:
            super()._on_changed(area)

    def _written(self, select_id: int | None = None) -> None:
        """After a write: tell the other tabs, then show the fresh rows here (once)."""
        self._own_write = True
        try:
            self.ctx.changed.emit("associations")
        finally:
            self._own_write = False
        self._stale = False
        self.reload(select_id)

    # ---- actions --------------------------------------------------------------------------------

    def new_record(self) -> None:
        dialog = AssociationDialog(self.ctx, None, self.year_id(), self)
        if dialog.exec() and dialog.saved_id is not None:
            self._written(dialog.saved_id)
        elif dialog.open_existing_id is not None:  # the association was there already: open it
            self.reload(dialog.open_existing_id)
            self._edit(dialog.open_existing_id)

    def edit_selected(self) -> None:
        row = self.selected()
        if row is None:
            return
        self._edit(row.id)

    def _edit(self, association_id: int) -> None:
        dialog = AssociationDialog(self.ctx, association_id, None, self)
        if dialog.exec() and dialog.saved_id is not None:
            self._written(dialog.saved_id)
        elif dialog.open_existing_id is not None:
            self.reload(dialog.open_existing_id)
            self._edit(dialog.open_existing_id)

    def show_archive(self) -> None:
        """The chosen association's archive of its year, built in the background, in the preview."""
        row = self.selected()
        if row is not None:
            from metodesk.ui.dialogs.archive import open_archive

            open_archive(self.ctx, row.id, row.year_id, self)

    def focus_search(self) -> None:
        self.search_box.setFocus()
        self.search_box.selectAll()

    def delete_selected(self) -> None:
        """Delete key: a member when the member list has the focus, else the association."""
        if self.panel.members_table.hasFocus() and self.selected_member() is not None:
            self.panel.remove_member()
        else:
            self.delete_association()

    def delete_association(self) -> None:
        row = self.selected()
        if row is None:
            return
        question = _("Delete the association “{name}” with its list of members?").format(
            name=row.name(self.ctx.lang)
        )
        if not common.confirm(self, question):
            return
        if run_action(self, self.ctx, lambda s: associations.delete_association(s, row.id)):
            self._written()

    def save_state(self) -> None:
        save_table_state(self.table, self.ctx)
        self.panel.save_state()
        self.ctx.settings.setValue(SPLITTER_KEY, self.splitter.saveState())
