"""RowTableModel and SearchProxy: the model sorts (keys computed once, one Python
sort), the proxy only filters. The order must be what the alphabet and the sort
values say, stable, with empty values first, and selections follow their rows."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt

from metodesk.domain.text import sort_key
from metodesk.i18n import set_language
from metodesk.ui.models import ROW_ROLE, SORT_ROLE, Column, RowTableModel, SearchProxy

ASC, DESC = Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder


@dataclass(frozen=True)
class Row:
    id: int
    name: str
    when: dt.date | None


NAMES = ["Ұлан", "Әсел", "Абай", "Ержан", "Иван", "Іңкәр", "абай", "Zoe", "Өмір", "Бауыржан"]
ROWS = [Row(i, name, dt.date(2020, 1, 1 + i % 3) if i % 4 else None) for i, name in enumerate(NAMES)]


def _columns() -> list[Column]:
    return [
        Column(lambda: "Name", lambda r: r.name),
        Column(lambda: "Date", lambda r: "" if r.when is None else r.when.isoformat(), sort=lambda r: r.when),
    ]


@pytest.fixture
def proxy(qtbot):
    model = RowTableModel(_columns())
    proxy = SearchProxy()
    proxy.setSourceModel(model)
    model.set_rows(ROWS)
    return proxy


def _ids(proxy: SearchProxy) -> list[int]:
    return [proxy.index(i, 0).data(ROW_ROLE).id for i in range(proxy.rowCount())]


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_text_column_follows_the_alphabet_both_ways(proxy, lang) -> None:
    set_language(lang)
    proxy.sourceModel().set_rows(ROWS)  # keys are made in the language of the moment
    proxy.sort(0, ASC)
    expected = [r.id for r in sorted(ROWS, key=lambda r: sort_key(r.name, lang))]
    assert _ids(proxy) == expected
    proxy.sort(0, DESC)
    # Stable: "Абай" and "абай" tie, and keep the services' order in both directions.
    expected_desc = [r.id for r in sorted(ROWS, key=lambda r: sort_key(r.name, lang), reverse=True)]
    assert _ids(proxy) == expected_desc
    assert _ids(proxy).index(2) < _ids(proxy).index(6)
    assert proxy.sortColumn() == 0 and proxy.sortOrder() == DESC


def test_empty_values_first_ascending_and_ties_stable(proxy) -> None:
    proxy.sort(1, ASC)
    dates = [proxy.index(i, 0).data(ROW_ROLE).when for i in range(proxy.rowCount())]
    nones = [d for d in dates if d is None]
    assert dates[: len(nones)] == nones and len(nones) == 3
    assert dates[len(nones) :] == sorted(d for d in dates if d is not None)
    same_day = [r.id for r in ROWS if r.when == dt.date(2020, 1, 2)]
    shown = _ids(proxy)
    assert [i for i in shown if i in same_day] == same_day
    proxy.sort(1, DESC)
    dates = [proxy.index(i, 0).data(ROW_ROLE).when for i in range(proxy.rowCount())]
    assert dates[-3:] == [None, None, None]
    assert proxy.index(0, 1).data(SORT_ROLE) == max(r.when for r in ROWS if r.when)


def test_minus_one_restores_the_services_order(proxy) -> None:
    proxy.sort(0, DESC)
    proxy.sort(-1)
    assert _ids(proxy) == [r.id for r in ROWS]
    assert proxy.sourceModel().rows() == ROWS


def test_new_rows_arrive_in_the_current_order(proxy) -> None:
    proxy.sort(0, DESC)
    proxy.sourceModel().set_rows(list(reversed(ROWS)))
    names = [proxy.index(i, 0).data() for i in range(proxy.rowCount())]
    assert names[0] == "Zoe"  # Latin after Cyrillic, so first when descending
    assert names[-1] in ("Абай", "абай")


def test_search_filters_in_sorted_order(proxy) -> None:
    proxy.sort(0, ASC)
    proxy.set_search("АБ")
    assert sorted(_ids(proxy)) == [2, 6]
    proxy.set_search("iңк")  # Latin i finds Kazakh і
    assert _ids(proxy) == [5]
    proxy.set_search("")
    assert proxy.rowCount() == len(ROWS)


def test_selection_follows_its_row_through_a_sort(qtbot) -> None:
    from PySide6.QtWidgets import QTableView

    model = RowTableModel(_columns())
    proxy = SearchProxy()
    proxy.setSourceModel(model)
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(proxy)
    view.setSortingEnabled(True)
    view.sortByColumn(0, ASC)
    model.set_rows(ROWS)
    wanted = next(i for i in range(proxy.rowCount()) if proxy.index(i, 0).data(ROW_ROLE).name == "Өмір")
    view.selectionModel().select(
        proxy.index(wanted, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    view.sortByColumn(0, DESC)
    view.sortByColumn(1, ASC)
    selected = view.selectionModel().selectedRows()
    assert len(selected) == 1 and selected[0].data(ROW_ROLE).name == "Өмір"
    assert proxy.sortColumn() == 1
