"""Table models over plain rows, and the proxy that searches and sorts them.

Rows are frozen dataclasses from the services, never live ORM objects. Search
compares folded text (Cyrillic case, Latin i = Kazakh і); sorting follows the
Kazakh or Russian alphabet of the active language.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt

from metodesk.domain.text import search_fold, sort_key
from metodesk.i18n import language

ROW_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2

AnyIndex = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column:
    """One column: its header, the text a row shows, and optionally a sort value
    (numbers, dates) and a tooltip."""

    title: Callable[[], str]
    text: Callable[[Any], str]
    sort: Callable[[Any], Any] | None = None
    tooltip: Callable[[Any], str] | None = None
    align_right: bool = False
    searchable: bool = True


class RowTableModel(QAbstractTableModel):
    """A read-only table of plain rows; ``ROW_ROLE`` returns the row itself."""

    def __init__(self, columns: Sequence[Column], parent=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.columns = list(columns)
        self._rows: list[Any] = []
        self._texts: list[list[str]] = []
        self._haystacks: list[str] = []
        self._sort_keys: dict[int, list[Any]] = {}

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._sort_keys = {}
        self._texts = [[col.text(row) for col in self.columns] for row in self._rows]
        self._haystacks = [
            search_fold(" ".join(t for t, col in zip(texts, self.columns, strict=True) if col.searchable))
            for texts in self._texts
        ]
        self.endResetModel()

    def rows(self) -> list[Any]:
        return list(self._rows)

    def row_at(self, row: int) -> Any:
        return self._rows[row]

    def haystack(self, row: int) -> str:
        return self._haystacks[row]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row, col = self._rows[index.row()], self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._texts[index.row()][index.column()]
        if role == ROW_ROLE:
            return row
        if role == SORT_ROLE:
            return self._sort_column(index.column())[index.row()]
        if role == Qt.ItemDataRole.ToolTipRole and col.tooltip is not None:
            return col.tooltip(row)
        if role == Qt.ItemDataRole.TextAlignmentRole and col.align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _sort_column(self, column: int) -> list[Any]:
        """Sort values of one column, computed once per set of rows: the proxy asks
        for them on every comparison (n log n times)."""
        keys = self._sort_keys.get(column)
        if keys is None:
            col, lang = self.columns[column], language()
            if col.sort is not None:
                keys = [col.sort(row) for row in self._rows]
            else:
                keys = [sort_key(texts[column], lang) for texts in self._texts]
            self._sort_keys[column] = keys
        return keys

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section].title()
        return None


class SearchProxy(QSortFilterProxyModel):
    """Filters by every word of the search text; sorts by the alphabet's order."""

    def __init__(self, parent=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self._words: list[str] = []
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(False)

    def set_search(self, text: str) -> None:
        words = search_fold(text).split()
        if words != self._words:
            self.beginFilterChange()
            self._words = words
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        if not self._words:
            return True
        model = self.sourceModel()
        assert isinstance(model, RowTableModel)
        haystack = model.haystack(source_row)
        return all(word in haystack for word in self._words)

    def lessThan(self, left: AnyIndex, right: AnyIndex) -> bool:
        a, b = left.data(SORT_ROLE), right.data(SORT_ROLE)
        if a is None or b is None:
            return b is not None and a is None
        try:
            return bool(a < b)
        except TypeError:
            return str(a) < str(b)
