"""A small horizontal bar chart drawn with QPainter (no chart library): a
title, then per bar its label, the bar and the value; the analysis page shows
the same three charts the analysis prints (categories, plan completion per
association, lessons per month)."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

BAR_COLOUR = QColor("#4a78a8")
ROW_GAP = 3
MARGIN = 4


class BarsChart(QWidget):
    """``set_bars(title, [(label, value), …], unit)`` and it repaints."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.title = ""
        self.unit = ""
        self._bars: list[tuple[str, float]] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_bars(self, title: str, bars: list[tuple[str, float]], unit: str = "") -> None:
        self.title, self._bars, self.unit = title, bars, unit
        shown = [f"{label}: {value:g}{' %' if unit == '%' else ''}" for label, value in bars]
        self.setToolTip("\n".join([title, *shown]))
        self.updateGeometry()
        self.setFixedHeight(self.sizeHint().height())
        self.update()

    def bars(self) -> list[tuple[str, float]]:
        return list(self._bars)

    def _row(self) -> int:
        return QFontMetrics(self.font()).height() + ROW_GAP

    def sizeHint(self) -> QSize:
        return QSize(260, 2 * MARGIN + (max(len(self._bars), 1) + 1) * self._row())

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        metrics = QFontMetrics(self.font())
        row = self._row()
        text = self.palette().color(self.foregroundRole())
        bold = QFont(self.font())
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(text)
        painter.drawText(
            QRectF(MARGIN, MARGIN, self.width() - 2 * MARGIN, row),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            QFontMetrics(bold).elidedText(self.title, Qt.TextElideMode.ElideRight, self.width() - 2 * MARGIN),
        )
        painter.setFont(self.font())
        label_width = min(
            max((metrics.horizontalAdvance(label) for label, _v in self._bars), default=0) + 10, self.width() // 2
        )
        top_value = 100.0 if self.unit == "%" else max((v for _l, v in self._bars), default=0.0)
        value_width = metrics.horizontalAdvance("100 %") + 6
        room = max(self.width() - label_width - value_width - 2 * MARGIN, 10)
        for index, (label, value) in enumerate(self._bars, start=1):
            top = MARGIN + index * row
            painter.drawText(
                QRectF(MARGIN, top, label_width - 6, row),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                metrics.elidedText(label, Qt.TextElideMode.ElideRight, label_width - 6),
            )
            length = room * value / top_value if top_value else 0
            painter.fillRect(QRectF(MARGIN + label_width, top + 2, length, row - 4), BAR_COLOUR)
            shown = f"{value:g} %" if self.unit == "%" else f"{value:g}"
            painter.drawText(
                QRectF(MARGIN + label_width + length + 3, top, value_width, row),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                shown,
            )
        painter.end()
