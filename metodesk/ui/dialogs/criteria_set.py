"""Criteria sets for observation sheets: the list (new, copy, edit, archive,
restore, delete) and the editor of one set (names, score scale, legend, and
the ordered criteria in Kazakh and Russian).

Each sheet keeps a copy of the wording and scale it was filled with, so
nothing done here changes a filled sheet; the dialogs say so."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from metodesk.domain.errors import DomainError
from metodesk.domain.lesson_enums import SCALE_HIGHEST, SCALE_LOWEST
from metodesk.i18n import _, ngettext
from metodesk.services import criteria
from metodesk.services.criteria import CriteriaSetInput, CriteriaSetRow, CriterionInput
from metodesk.ui import common
from metodesk.ui.context import AppContext
from metodesk.ui.dialogs.base import FormDialog
from metodesk.ui.models import ROW_ROLE, Column, RowTableModel
from metodesk.ui.tabs.base import header_width, make_table, save_table_state, selected_row

ID_ROLE = Qt.ItemDataRole.UserRole + 1


def keeps_sheets_note() -> str:
    return _(
        "Editing a set never changes the sheets already filled: each sheet keeps the criteria "
        "and the scale it was filled with."
    )


def _button(name: str, text: str, slot) -> QPushButton:  # type: ignore[no-untyped-def]
    button = QPushButton(text)
    button.setObjectName(name)
    button.clicked.connect(slot)
    return button


class CriteriaSetDialog(FormDialog):
    """Edit one set (``set_id``) or create a new one (None)."""

    def __init__(self, ctx: AppContext, set_id: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(ctx, _("New criteria set") if set_id is None else _("Edit the criteria set"), parent)
        self.set_id = set_id
        with ctx.reading() as session:
            current = criteria.get_set(session, set_id) if set_id is not None else None
        note = QLabel(keeps_sheets_note())
        if current is not None and current.sheet_count:
            note.setText(
                ngettext(
                    "{n} filled sheet uses this set. It keeps the criteria and the scale it was filled "
                    "with: editing the set does not change it.",
                    "{n} filled sheets use this set. They keep the criteria and the scale they were filled "
                    "with: editing the set does not change them.",
                    current.sheet_count,
                ).format(n=current.sheet_count)
            )
        note.setObjectName("keeps_sheets_note")
        note.setWordWrap(True)
        self.form.addRow(note)
        self.name_kk = self._line("name_kk", _("Name in Kazakh"))
        self.name_ru = self._line("name_ru", _("Name in Russian"))
        self.add_field(_("Score scale"), self._scale_row(), "scale_max")
        self._errors["scale_min"] = self._errors["scale_max"]
        self.legend_kk = self._line("legend_kk", _("Legend in Kazakh"))
        self.legend_kk.setPlaceholderText(_("e.g. 0 – not seen; 1 – partly; 2 – fully"))
        self.legend_ru = self._line("legend_ru", _("Legend in Russian"))
        self.add_field(_("Criteria"), self._criteria_box(), "criteria")
        if current is not None:
            self.name_kk.setText(current.name_kk)
            self.name_ru.setText(current.name_ru)
            self.scale_min.setValue(current.scale_min)
            self.scale_max.setValue(current.scale_max)
            self.legend_kk.setText(current.legend_kk)
            self.legend_ru.setText(current.legend_ru)
            for criterion in current.criteria:
                self.add_criterion(criterion.text_kk, criterion.text_ru, criterion.id)
        else:
            self.add_criterion()
        self.table.resizeRowsToContents()
        self._update_buttons()
        self.resize(max(self.sizeHint().width(), 900), max(self.sizeHint().height(), 680))

    def _line(self, name: str, label: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(name)
        self.add_field(label, edit, name)
        return edit

    def _scale_row(self) -> QWidget:
        holder = QWidget()
        row = QHBoxLayout(holder)
        row.setContentsMargins(0, 0, 0, 0)
        self.scale_min = QSpinBox()
        self.scale_min.setObjectName("scale_min")
        self.scale_max = QSpinBox()
        self.scale_max.setObjectName("scale_max")
        for spin in (self.scale_min, self.scale_max):
            spin.setRange(SCALE_LOWEST, SCALE_HIGHEST)
        self.scale_max.setValue(2)
        to_label = QLabel(_("to"))
        to_label.setBuddy(self.scale_max)
        row.addWidget(self.scale_min)
        row.addWidget(to_label)
        row.addWidget(self.scale_max)
        row.addStretch(1)
        return holder

    def _criteria_box(self) -> QWidget:
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        self.table = QTableWidget(0, 2)
        self.table.setObjectName("criteria_table")
        self.table.setHorizontalHeaderLabels([_("In Kazakh"), _("In Russian")])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setMinimumHeight(400)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.itemChanged.connect(self._item_changed)
        column.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.add_button = _button("add_criterion_button", _("Add a criterion"), self._add_clicked)
        self.remove_button = _button("remove_criterion_button", _("Remove"), self.remove_criterion)
        self.up_button = _button("criterion_up_button", _("Move up"), self.move_up)
        self.down_button = _button("criterion_down_button", _("Move down"), self.move_down)
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            row.addWidget(button)
        row.addStretch(1)
        column.addLayout(row)
        return holder

    # ---- the criteria table ----------------------------------------------------------------------

    def add_criterion(self, text_kk: str = "", text_ru: str = "", criterion_id: int | None = None) -> int:
        row = self.table.rowCount()
        self.table.insertRow(row)
        first = QTableWidgetItem(text_kk)
        first.setData(ID_ROLE, criterion_id)
        self.table.setItem(row, 0, first)
        self.table.setItem(row, 1, QTableWidgetItem(text_ru))
        return row

    def _item_changed(self, _item: QTableWidgetItem) -> None:
        self.table.resizeRowsToContents()

    def _add_clicked(self) -> None:
        row = self.add_criterion()
        self.table.setCurrentCell(row, 0)
        self.table.editItem(self.table.item(row, 0))

    def _current(self) -> int:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else -1

    def remove_criterion(self) -> None:
        row = self._current()
        if row >= 0:
            self.table.removeRow(row)
        self._update_buttons()

    def _swap(self, row: int, other: int) -> None:
        for column in range(2):
            a, b = self.table.takeItem(row, column), self.table.takeItem(other, column)
            self.table.setItem(row, column, b)
            self.table.setItem(other, column, a)
        self.table.selectRow(other)
        self.table.resizeRowsToContents()

    def move_up(self) -> None:
        row = self._current()
        if row > 0:
            self._swap(row, row - 1)

    def move_down(self) -> None:
        row = self._current()
        if 0 <= row < self.table.rowCount() - 1:
            self._swap(row, row + 1)

    def _update_buttons(self) -> None:
        row = self._current()
        self.remove_button.setEnabled(row >= 0)
        self.up_button.setEnabled(row > 0)
        self.down_button.setEnabled(0 <= row < self.table.rowCount() - 1)

    def criteria_input(self) -> list[CriterionInput]:
        result = []
        for row in range(self.table.rowCount()):
            kk, ru = self.table.item(row, 0), self.table.item(row, 1)
            result.append(
                CriterionInput(
                    kk.text() if kk else "", ru.text() if ru else "", kk.data(ID_ROLE) if kk else None
                )
            )
        return result

    def save(self, session) -> int:  # type: ignore[no-untyped-def]
        data = CriteriaSetInput(
            name_kk=self.name_kk.text(),
            name_ru=self.name_ru.text(),
            scale_min=self.scale_min.value(),
            scale_max=self.scale_max.value(),
            legend_kk=self.legend_kk.text(),
            legend_ru=self.legend_ru.text(),
            criteria=self.criteria_input(),
        )
        return criteria.save_set(session, data, self.set_id)


class CriteriaSetsDialog(QDialog):
    """The list of sets. ``changed`` tells the caller whether anything was written."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.changed = False
        self.setObjectName("CriteriaSetsDialog")
        self.setWindowTitle(_("Criteria sets for observation sheets"))
        lang = ctx.lang
        self.model = RowTableModel(
            [
                Column(lambda: _("Name"), lambda r: r.name(lang), tooltip=lambda r: r.name(lang)),
                Column(
                    lambda: _("Scale"),
                    lambda r: _("{low} to {high}").format(low=r.scale_min, high=r.scale_max),
                    sort=lambda r: (r.scale_min, r.scale_max),
                    searchable=False,
                ),
                Column(
                    lambda: _("Criteria"),
                    lambda r: str(len(r.criteria)),
                    sort=lambda r: len(r.criteria),
                    align_right=True,
                    searchable=False,
                ),
                Column(
                    lambda: _("Sheets"),
                    lambda r: str(r.sheet_count),
                    sort=lambda r: r.sheet_count,
                    align_right=True,
                    searchable=False,
                ),
                Column(
                    lambda: _("In use"),
                    # TRANSLATORS: whether a criteria set is offered for new sheets, in a table cell.
                    lambda r: _("No (archived)") if r.archived else _("Yes"),
                    sort=lambda r: r.archived,
                    searchable=False,
                ),
            ]
        )
        layout = QVBoxLayout(self)
        note = QLabel(keeps_sheets_note())
        note.setObjectName("keeps_sheets_note")
        note.setWordWrap(True)
        layout.addWidget(note)
        self.table, self.proxy = make_table("criteria_sets_table", self.model, ctx)
        self.table.setSortingEnabled(False)  # the default set first, then in the order they were made
        self.proxy.sort(-1)
        if ctx.settings.value("tables/criteria_sets_table") is None:
            header = self.table.horizontalHeader()
            header.setStretchLastSection(False)
            header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
            for section in range(1, self.model.columnCount()):
                self.table.setColumnWidth(section, header_width(self.table, section))
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(self.edit_set)
        layout.addWidget(self.table, 1)
        self.show_archived = QCheckBox(_("Show archived sets"))
        self.show_archived.setObjectName("show_archived_sets")
        self.show_archived.toggled.connect(self._archived_toggled)
        layout.addWidget(self.show_archived)
        grid = QGridLayout()
        self.new_button = _button("new_set_button", _("New…"), self.new_set)
        self.copy_button = _button("copy_set_button", _("Copy…"), self.copy_set)
        self.edit_button = _button("edit_set_button", _("Edit…"), self.edit_set)
        self.archive_button = _button("archive_set_button", _("Archive"), self.toggle_archived)
        self.delete_button = _button("delete_set_button", _("Delete"), self.delete_set)
        buttons = (
            self.new_button,
            self.copy_button,
            self.edit_button,
            self.archive_button,
            self.delete_button,
        )
        for index, button in enumerate(buttons):
            grid.addWidget(button, 0, index)
        grid.setColumnStretch(len(buttons), 1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.setObjectName("dialog_buttons")
        close.rejected.connect(self.reject)
        grid.addWidget(close, 0, len(buttons) + 1)
        layout.addLayout(grid)
        self.reload()
        self.resize(760, 420)

    def selected(self) -> CriteriaSetRow | None:
        return selected_row(self.table)

    def reload(self, select_id: int | None = None) -> None:
        if select_id is None and self.selected() is not None:
            select_id = self.selected().id  # type: ignore[union-attr]
        with self.ctx.reading() as session:
            rows = criteria.list_sets(session, include_archived=self.show_archived.isChecked())
        self.model.set_rows(rows)
        for row in range(self.proxy.rowCount()):
            if self.proxy.index(row, 0).data(ROW_ROLE).id == select_id:
                self.table.selectRow(row)
                break
        self._update_buttons()

    def _archived_toggled(self, _on: bool) -> None:
        self.reload()

    def _update_buttons(self, *_args: object) -> None:
        row = self.selected()
        for button in (self.copy_button, self.edit_button, self.archive_button, self.delete_button):
            button.setEnabled(row is not None)
        self.archive_button.setText(_("Restore") if row is not None and row.archived else _("Archive"))

    def _run(self, action) -> bool:  # type: ignore[no-untyped-def]
        try:
            with self.ctx.transaction() as session:
                self._result = action(session)
        except DomainError as err:
            common.show_error(self, err.message)
            return False
        self.changed = True
        return True

    def _edit(self, set_id: int | None) -> None:
        dialog = CriteriaSetDialog(self.ctx, set_id, self)
        if dialog.exec() and dialog.saved_id is not None:
            self.changed = True
            self.reload(dialog.saved_id)

    def new_set(self) -> None:
        self._edit(None)

    def edit_set(self, *_args: object) -> None:
        row = self.selected()
        if row is not None:
            self._edit(row.id)

    def copy_set(self) -> None:
        """A copy to edit; the original stays as it is."""
        row = self.selected()
        if row is None:
            return
        self._source = row.id
        if self._run(self._copy):
            self.reload(self._result)
            self._edit(self._result)

    def _copy(self, session) -> int:  # type: ignore[no-untyped-def]
        return criteria.copy_set(session, self._source)

    def toggle_archived(self) -> None:
        row = self.selected()
        if row is None:
            return
        self._target = row
        if self._run(self._toggle):
            self.reload(row.id)

    def _toggle(self, session) -> None:  # type: ignore[no-untyped-def]
        criteria.set_archived(session, self._target.id, not self._target.archived)

    def delete_set(self) -> None:
        row = self.selected()
        if row is None:
            return
        question = _(
            "Delete the criteria set “{name}”? A set that filled sheets refer to is archived instead."
        ).format(name=row.name(self.ctx.lang))
        if not common.confirm(self, question):
            return
        self._target = row
        if self._run(self._remove):
            if not self._result:
                common.show_info(
                    self,
                    _("Sheets were filled with this set, so it was archived instead of deleted.")
                    if row.sheet_count
                    else _("The set the program started with is archived instead of deleted."),
                )
            self.reload()

    def _remove(self, session) -> bool:  # type: ignore[no-untyped-def]
        return criteria.remove_set(session, self._target.id)

    def done(self, result: int) -> None:
        save_table_state(self.table, self.ctx)
        super().done(result)
