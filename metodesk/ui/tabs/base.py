"""What the main window expects of a tab, and a base for list-shaped tabs."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from metodesk.ui.context import AppContext
from metodesk.ui.models import RowTableModel, SearchProxy


class Tab(QWidget):
    """A tab: reloads its data on demand; answers New, Find and Delete.

    ``areas`` names the data areas whose changes make this tab stale."""

    areas: tuple[str, ...] = ()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName(type(self).__name__)
        self._stale = True
        ctx.changed.connect(self._on_changed)

    def title(self) -> str:
        return type(self).__name__

    def reload(self) -> None:
        """Fetch rows from the services and show them."""

    def ensure_loaded(self) -> None:
        if self._stale:
            self._stale = False
            self.reload()

    def _on_changed(self, area: str) -> None:
        if area in self.areas:
            self._stale = True
            if self.isVisible():
                self.ensure_loaded()

    def new_record(self) -> None:
        """Ctrl+N."""

    def focus_search(self) -> None:
        """Ctrl+F."""

    def delete_selected(self) -> None:
        """Delete, after the tab asks for confirmation."""

    def save_state(self) -> None:
        """Remember column widths and splitters before the window closes."""

    def can_close(self) -> bool:
        """Save edits not yet saved before the window closes; False keeps it open
        (the tab then shows what it could not save)."""
        return True


def make_table(name: str, model: RowTableModel, ctx: AppContext) -> tuple[QTableView, SearchProxy]:
    """A sortable, searchable, single-selection table with remembered column widths."""
    proxy = SearchProxy()
    proxy.setSourceModel(model)
    view = QTableView()
    view.setObjectName(name)
    view.setModel(proxy)
    view.setSortingEnabled(True)
    view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().hide()
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.setWordWrap(False)
    state = ctx.settings.value(f"tables/{name}")
    if isinstance(state, QByteArray):
        view.horizontalHeader().restoreState(state)
    if model.columnCount() > 1:
        StretchGuard(view, model.columnCount() - 1, last=True)  # the last column keeps its header readable
    return view, proxy


def fill_year_combo(combo, year_rows, wanted: int | None) -> None:  # type: ignore[no-untyped-def]
    """Refill a tab's academic-year combo (newest first) and select ``wanted``,
    or the first year, without emitting change signals."""
    combo.blockSignals(True)
    combo.clear()
    for year in year_rows:
        combo.addItem(year.name, year.id)
    index = combo.findData(wanted)
    combo.setCurrentIndex(index if index >= 0 else 0)
    combo.blockSignals(False)


def header_width(view: QTableView, column: int) -> int:
    """The width a column needs to show its (bold) header without clipping."""
    from PySide6.QtGui import QFont, QFontMetrics

    bold = QFont(view.horizontalHeader().font())
    bold.setBold(True)
    title = str(view.model().headerData(column, Qt.Orientation.Horizontal) or "")
    return QFontMetrics(bold).horizontalAdvance(title) + 28


class StretchGuard(QObject):
    """Keeps a stretching column at least as wide as its header (issue 19.8:
    "Ғақырыбы" for "Тақырыбы" on a 1024-pixel screen): when the other columns
    leave it less room, it stops stretching and the table scrolls sideways;
    with room again, it stretches again."""

    def __init__(self, view: QTableView, column: int, last: bool = False) -> None:
        super().__init__(view)
        self.view, self.column, self.last = view, column, last  # last: the header's stretch-last section
        self._was_last_stretch = view.horizontalHeader().stretchLastSection()
        view.viewport().installEventFilter(self)
        view.horizontalHeader().sectionResized.connect(self._section_resized)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Resize:
            self.check()
        return False

    def _section_resized(self, section: int, _old: int, _new: int) -> None:
        if section != self.column:
            self.check()

    def check(self) -> None:
        header = self.view.horizontalHeader()
        if self.column >= header.count():
            return
        need = header_width(self.view, self.column)
        others = sum(
            header.sectionSize(c) for c in range(header.count()) if c != self.column and not header.isSectionHidden(c)
        )
        room = self.view.viewport().width() - others
        if self.last:
            if header.stretchLastSection() and room < need:
                header.setStretchLastSection(False)
                header.resizeSection(self.column, need)
            elif not header.stretchLastSection() and room >= need and self._was_last_stretch:
                header.setStretchLastSection(True)
            return
        stretching = header.sectionResizeMode(self.column) == QHeaderView.ResizeMode.Stretch
        if stretching and room < need:
            header.setSectionResizeMode(self.column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(self.column, need)
        elif not stretching and room >= need:
            header.setSectionResizeMode(self.column, QHeaderView.ResizeMode.Stretch)


def save_table_state(view: QTableView, ctx: AppContext) -> None:
    ctx.settings.setValue(f"tables/{view.objectName()}", view.horizontalHeader().saveState())


def select_row_by_id(view: QTableView, wanted: int | None) -> bool:
    """Select (and scroll to) the row whose plain row has ``id == wanted``;
    clears the selection and returns False when no row has it."""
    from PySide6.QtCore import QItemSelectionModel

    from metodesk.ui.models import ROW_ROLE

    view.clearSelection()
    proxy = view.model()
    for row in range(proxy.rowCount()):
        index = proxy.index(row, 0)
        if wanted is not None and index.data(ROW_ROLE).id == wanted:
            view.selectionModel().select(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
            )
            view.setCurrentIndex(index)
            view.scrollTo(index)
            return True
    return False


def selected_row(view: QTableView):  # type: ignore[no-untyped-def]
    """The plain row behind the current selection, or None."""
    from metodesk.ui.models import ROW_ROLE

    indexes = view.selectionModel().selectedRows() if view.selectionModel() else []
    if not indexes:
        return None
    return indexes[0].data(ROW_ROLE)
