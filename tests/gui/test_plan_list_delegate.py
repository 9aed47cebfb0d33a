"""The plans list's rows fit wrapped association names; its delegate skips
Qt's text layout for cells that fit on one line. The rows must be exactly as
tall as with Qt's own delegate, for short and long, Kazakh and Russian text."""

from __future__ import annotations

from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QHeaderView, QStyledItemDelegate, QTableView

from metodesk.ui.tabs.plan_list import OneLineFastDelegate, ProgressDelegate

TEXTS = [
    "Бастауыш сынып мұғалімдерінің әдістемелік бірлестігі",
    "ӘБ",
    "Методическое объединение учителей естественно-математического цикла школы",
    "Қазақ тілі мен әдебиеті пәні мұғалімдерінің аудандық әдістемелік бірлестігі",
    "Математика",
    "",
    "Жоспар\nекі жол",
    "Оченьдлинноесловобезпробеловкотороенепомещаетсявстроку",
]


def _heights(qtbot, delegate_type: type, widths: tuple[int, ...]) -> list[int]:
    model = QStandardItemModel(len(TEXTS), 3)
    for row, text in enumerate(TEXTS):
        model.setItem(row, 0, QStandardItem(text))
        model.setItem(row, 1, QStandardItem(TEXTS[-1 - row]))
        model.setItem(row, 2, QStandardItem("18/20 · 90 %"))
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.setWordWrap(True)
    view.setItemDelegate(delegate_type(view))
    if delegate_type is OneLineFastDelegate:
        view.setItemDelegateForColumn(2, ProgressDelegate(view))
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    for column, width in enumerate(widths):
        view.setColumnWidth(column, width)
    view.resize(900, 700)
    view.doItemsLayout()
    return [view.rowHeight(row) for row in range(model.rowCount())]


def test_rows_are_as_tall_as_with_qts_own_delegate(qtbot) -> None:
    for widths in ((120, 90, 100), (300, 200, 110), (60, 400, 80)):
        fast = _heights(qtbot, OneLineFastDelegate, widths)
        plain = _heights(qtbot, QStyledItemDelegate, widths)
        assert fast == plain, widths
        assert max(fast) > min(fast), "some rows wrap"
