"""An academic year: its name, first and last day, and its quarters or semesters.

Each year's dates come from a new ministerial order, so a new year starts as a
copy of the latest one moved on by a year, for the user to correct."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from metodesk.domain.enums import TermKind
from metodesk.domain.errors import DomainError
from metodesk.i18n import _
from metodesk.services import years
from metodesk.services.years import TermRow, YearInput, YearRow
from metodesk.ui.context import AppContext
from metodesk.ui.dialogs.base import FormDialog
from metodesk.ui.widgets import DateField

COL_KIND, COL_START, COL_END = range(3)


def next_year_template(latest: YearRow | None) -> YearInput:
    """The year after ``latest`` with its dates moved on by one year; the
    calendar of the year holding today when there is no year at all."""
    return years.year_after(latest)


class YearDialog(FormDialog):
    """Adds or edits a year; ``services.years.save_year`` checks the dates and
    its sentences appear under the field they are about."""

    def __init__(
        self,
        ctx: AppContext,
        year: YearRow | None = None,
        template: YearInput | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, _("New academic year") if year is None else _("Edit academic year"), parent)
        self.year_id = year.id if year is not None else None
        self.name = QLineEdit()
        self.name.setObjectName("name")
        self.name.setMaxLength(9)
        self.name.setPlaceholderText("2025-2026")
        self.add_field(_("Academic year"), self.name, "name")
        self.start_date = DateField("start_date")
        self.add_field(_("First day"), self.start_date, "start_date")
        self.end_date = DateField("end_date")
        self.add_field(_("Last day"), self.end_date, "end_date")
        self.add_field(_("Terms"), self._build_terms(), "terms")
        self.hint = QLabel(
            _("The dates were copied from the previous year: correct them from this year's order.")
        )
        self.hint.setObjectName("copy_hint")
        self.hint.setWordWrap(True)
        self.hint.setVisible(year is None and template is not None)
        self.form.insertRow(0, self.hint)
        source = (
            template
            if year is None
            else YearInput(year.name, year.start_date, year.end_date, list(year.terms))
        )
        if source is not None:
            self.set_values(source)
        if not ctx.settings.contains(f"dialogs/{type(self).__name__}"):
            self.resize(660, self.sizeHint().height())

    def _build_terms(self) -> QWidget:
        holder = QWidget()
        holder.setObjectName("terms")
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        self.terms_table = QTableWidget(0, 3)
        self.terms_table.setObjectName("terms_table")
        self.terms_table.setHorizontalHeaderLabels([_("Kind"), _("Starts"), _("Ends")])
        self.terms_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.terms_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.terms_table.horizontalHeader()
        header.setSectionResizeMode(COL_KIND, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_START, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_END, QHeaderView.ResizeMode.ResizeToContents)
        self.terms_table.setMinimumHeight(190)
        column.addWidget(self.terms_table)
        buttons = QHBoxLayout()
        self.add_term_button = QPushButton(_("Add term"))
        self.add_term_button.setObjectName("add_term")
        self.add_term_button.clicked.connect(self._add_blank_term)
        self.remove_term_button = QPushButton(_("Remove term"))
        self.remove_term_button.setObjectName("remove_term")
        self.remove_term_button.clicked.connect(self.remove_term)
        buttons.addWidget(self.add_term_button)
        buttons.addWidget(self.remove_term_button)
        buttons.addStretch(1)
        column.addLayout(buttons)
        return holder

    def set_values(self, data: YearInput) -> None:
        self.name.setText(data.name)
        self.start_date.set_date(data.start_date)
        self.end_date.set_date(data.end_date)
        self.terms_table.setRowCount(0)
        for term in sorted(data.terms, key=lambda t: t.start_date):
            self.add_term(term.kind, term.start_date, term.end_date)

    def add_term(
        self, kind: str | None = None, start: dt.date | None = None, end: dt.date | None = None
    ) -> int:
        """Append a term row (same kind as the row above by default); returns its index."""
        row = self.terms_table.rowCount()
        if kind is None:
            kind = self._kind(row - 1) if row else TermKind.QUARTER.value
        self.terms_table.insertRow(row)
        combo = QComboBox()
        for code, label in TermKind.choices():
            combo.addItem(label, code)
        combo.setCurrentIndex(max(combo.findData(kind), 0))
        self.terms_table.setCellWidget(row, COL_KIND, combo)
        for col, value in ((COL_START, start), (COL_END, end)):
            field = DateField("terms")
            field.set_date(value)
            field.setFrame(False)
            self.terms_table.setCellWidget(row, col, field)
        self._rename_rows()
        self.terms_table.setCurrentCell(row, COL_KIND)
        return row

    def _add_blank_term(self) -> None:
        self.add_term()

    def remove_term(self) -> None:
        """Remove the selected term, or the last one when none is selected."""
        rows = self.terms_table.selectionModel().selectedRows()
        row = rows[0].row() if rows else self.terms_table.rowCount() - 1
        if row >= 0:
            self.terms_table.removeRow(row)
            self._rename_rows()

    def _rename_rows(self) -> None:
        for row in range(self.terms_table.rowCount()):
            self.terms_table.cellWidget(row, COL_KIND).setObjectName(f"term_kind_{row}")
            self.terms_table.cellWidget(row, COL_START).setObjectName(f"term_start_{row}")
            self.terms_table.cellWidget(row, COL_END).setObjectName(f"term_end_{row}")

    def _kind(self, row: int) -> str:
        combo = self.terms_table.cellWidget(row, COL_KIND)
        assert isinstance(combo, QComboBox)
        return str(combo.currentData())

    def _date(self, row: int, col: int) -> dt.date | None:
        field = self.terms_table.cellWidget(row, col)
        assert isinstance(field, DateField)
        try:
            return field.date()
        except DomainError:
            raise DomainError(
                _("Write the dates of term {n} as day.month.year, for example 01.09.2025.").format(n=row + 1),
                field="terms",
            ) from None

    def terms(self) -> list[TermRow]:
        """The rows typed; a row with both dates empty is skipped."""
        result = []
        for row in range(self.terms_table.rowCount()):
            start, end = self._date(row, COL_START), self._date(row, COL_END)
            if start is None and end is None:
                continue
            if start is None or end is None:
                raise DomainError(
                    _("Enter the first and the last day of term {n}.").format(n=row + 1), field="terms"
                )
            result.append(TermRow(row + 1, self._kind(row), start, end))
        return result

    def values(self) -> YearInput:
        return YearInput(
            name=self.name.text(),
            start_date=self.start_date.date(),
            end_date=self.end_date.date(),
            terms=self.terms(),
        )

    def save(self, session) -> int:  # type: ignore[no-untyped-def]
        return years.save_year(session, self.values(), self.year_id)
