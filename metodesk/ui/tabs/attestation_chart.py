"""A small horizontal bar chart of how many teachers hold each category,
drawn with QPainter (no chart library): the category's name, a bar, the count.
The five current categories and "no category" always show; a legacy category
only when someone still holds it."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from metodesk.domain.enums import Category
from metodesk.i18n import _

BAR_COLOUR = QColor("#4a7ab5")
LEGACY_COLOUR = QColor("#9a8c6a")
NONE_COLOUR = QColor("#a0a0a0")
ROW_GAP = 4
MARGIN = 6


class CategoryChart(QWidget):
    """``set_counts([(category code, count), …])`` and it repaints."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("category_chart")
        self._bars: list[tuple[str, str, int]] = []  # (code, label, count)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setToolTip(_("How many of the listed teachers hold each category."))

    def set_counts(self, counts: list[tuple[str, int]]) -> None:
        bars = []
        for code, count in counts:
            try:
                category = Category(code)
            except ValueError:
                continue
            if category.is_legacy and count == 0:
                continue
            bars.append((code, category.label, count))
        self._bars = bars
        self.updateGeometry()
        self.setFixedHeight(self.sizeHint().height())
        self.update()

    def bars(self) -> list[tuple[str, int]]:
        """What is drawn: (code, count) per bar, top to bottom."""
        return [(code, count) for code, _label, count in self._bars]

    def _row_height(self) -> int:
        return QFontMetrics(self.font()).height() + ROW_GAP

    def sizeHint(self) -> QSize:
        return QSize(320, 2 * MARGIN + max(len(self._bars), 1) * self._row_height())

    def minimumSizeHint(self) -> QSize:
        return QSize(200, self.sizeHint().height())

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = QFontMetrics(self.font())
        row = self._row_height()
        label_width = max((metrics.horizontalAdvance(label) for _c, label, _n in self._bars), default=0) + 16
        label_width = min(label_width, self.width() // 2)
        highest = max((count for *_rest, count in self._bars), default=0)
        count_width = metrics.horizontalAdvance(str(max(highest, 10))) + 8
        room = max(self.width() - label_width - count_width - 2 * MARGIN, 10)
        text_colour = self.palette().color(self.foregroundRole())
        for index, (code, label, count) in enumerate(self._bars):
            top = MARGIN + index * row
            painter.setPen(text_colour)
            elided = metrics.elidedText(label, Qt.TextElideMode.ElideRight, label_width - 8)
            painter.drawText(
                QRectF(MARGIN, top, label_width - 8, row),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                elided,
            )
            length = room * count / highest if highest else 0
            colour = NONE_COLOUR if code == Category.NONE.value else BAR_COLOUR
            if Category(code).is_legacy:
                colour = LEGACY_COLOUR
            painter.fillRect(QRectF(MARGIN + label_width, top + 3, length, row - 6), colour)
            painter.drawText(
                QRectF(MARGIN + label_width + length + 4, top, count_width, row),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                str(count),
            )
        painter.end()
