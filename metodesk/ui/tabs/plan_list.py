"""The plans list of the Annual plans tab: one row a plan with its association,
status, progress (drawn as a bar) and the meeting that reviewed it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtWidgets import (
    QApplication,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionProgressBar,
    QStyleOptionViewItem,
)

from metodesk.i18n import _
from metodesk.i18n.dates import protocol_reference, short_date
from metodesk.services.plans import PlanRow
from metodesk.ui.context import AppContext
from metodesk.ui.models import ROW_ROLE, Column
from metodesk.ui.tabs.plan_detail import progress_text

PROGRESS_COLUMN = 2


@dataclass(frozen=True)
class PlanListRow:
    plan: PlanRow
    reviewed: str  # 'No. 1, 28.08.2025', '' while not reviewed
    reviewed_full: str  # 'protocol No. 1 of 28 August 2025'
    review_date: dt.date | None

    @property
    def id(self) -> int:
        return self.plan.id


class OneLineFastDelegate(QStyledItemDelegate):
    """The plans' rows grow to fit wrapped association names, so Qt asks every
    cell of every row for its height on each layout. A cell whose text fits on
    one line has the one-line height: it is measured once per font, and the
    other such cells get it without Qt laying their text out (a third of the
    time of a layout on a district year of 300 plans)."""

    def __init__(self, parent=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self._one_line: dict[str, int] = {}

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        width = option.rect.width()  # set (to the column's width) when the rows fit wrapped text
        text = index.data(Qt.ItemDataRole.DisplayRole) if width > 0 else None
        if isinstance(text, str) and "\n" not in text:
            style = option.widget.style() if option.widget else QApplication.style()
            margins = 2 * (
                style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, option.widget) + 1
            )
            advance = option.fontMetrics.horizontalAdvance(text)
            if advance + margins + 2 <= width:
                key = option.font.key()
                height = self._one_line.get(key)
                if height is None:
                    height = super().sizeHint(option, index).height()
                    self._one_line[key] = height
                return QSize(advance + margins, height)
        return super().sizeHint(option, index)


class ProgressDelegate(OneLineFastDelegate):
    """The progress column as a bar with its text ('18/20 · 90 %')."""

    def paint(
        self, painter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:  # type: ignore[no-untyped-def]
        row = index.data(ROW_ROLE)
        if not isinstance(row, PlanListRow):
            super().paint(painter, option, index)
            return
        style = option.widget.style() if option.widget else QApplication.style()
        background = QStyleOptionViewItem(option)
        self.initStyleOption(background, index)
        background.text = ""
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, background, painter, option.widget)
        bar = QStyleOptionProgressBar()
        height = min(option.rect.height() - 6, option.fontMetrics.height() + 8)
        bar.rect = option.rect.adjusted(3, 0, -3, 0)
        bar.rect.setTop(option.rect.center().y() - height // 2)
        bar.rect.setHeight(height)
        bar.minimum, bar.maximum = 0, 100
        bar.progress = row.plan.percent
        bar.text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        bar.textVisible = True
        bar.textAlignment = Qt.AlignmentFlag.AlignCenter
        bar.state = option.state | QStyle.StateFlag.State_Horizontal
        style.drawControl(QStyle.ControlElement.CE_ProgressBar, bar, painter, option.widget)


def _progress(row: PlanListRow) -> str:
    """'18/20 · 90 %' in the bar; the sentence is its tooltip."""
    p = row.plan
    return f"{p.done_count}/{p.activity_count - p.cancelled_count} · {p.percent} %"


def _progress_sentence(row: PlanListRow) -> str:
    p = row.plan
    return progress_text(p.done_count, p.activity_count - p.cancelled_count, p.percent)


def list_rows(year_plans: list[PlanRow], lang: str) -> list[PlanListRow]:
    """The year's plans (``plans.list_plans``, one query for all) with the
    meeting that reviewed each, as the list shows them."""
    rows = []
    for row in year_plans:
        reviewed = row.review_number is not None and row.review_date is not None
        short = (
            _("No. {number}, {date}").format(number=row.review_number, date=short_date(row.review_date))
            if reviewed
            else ""
        )
        full = protocol_reference(row.review_number, row.review_date, lang) if reviewed else ""
        rows.append(PlanListRow(row, short, full, row.review_date))
    return rows


def list_columns(ctx: AppContext) -> list[Column]:
    def lang() -> str:
        return ctx.lang

    return [
        Column(
            lambda: _("Association"),
            lambda r: r.plan.association(lang()),
            tooltip=lambda r: r.plan.association(lang()),
        ),
        Column(lambda: _("Status"), lambda r: r.plan.status_label),
        Column(
            lambda: _("Progress"),
            _progress,
            sort=lambda r: r.plan.progress,
            tooltip=_progress_sentence,
            searchable=False,
        ),
        Column(
            lambda: _("Reviewed at"),
            lambda r: r.reviewed or _("not yet"),
            sort=lambda r: r.review_date or dt.date.max,
            tooltip=lambda r: r.reviewed_full,
        ),
    ]
