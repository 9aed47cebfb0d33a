"""The Overview tab (Шолу / Обзор): what is planned for this month and the
next (meetings of the associations and the council, open lessons, mentor's
plan items) and the one attention list of the year (``services.attention``):
overdue decisions, meetings and lessons not marked held, plans not approved,
small associations, young specialists without a mentor, silent pairs,
attestation overdue or due, teachers without courses. Of a long area (a
district has 9,000 overdue decisions) the first items by date are shown and
a line "… and N more"; the title counts them all. A meeting opens in the
meeting editor; any other item (and the "… and N more" line) opens its tab."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QSplitter, QVBoxLayout, QWidget
from PySide6.QtCore import Qt

from metodesk.domain.academic_year import today
from metodesk.domain.errors import DomainError
from metodesk.i18n import _
from metodesk.i18n.dates import short_date
from metodesk.services import attention, years
from metodesk.ui import common
from metodesk.ui.context import AppContext
from metodesk.ui.models import Column, RowTableModel
from metodesk.ui.tabs.base import Tab, fill_year_combo, make_table, save_table_state, selected_row
from metodesk.ui.widgets import SearchBox

# the tab that holds a record of each area
AREA_TABS = {
    "decisions": "AssociationsTab",
    "meetings": "AssociationsTab",
    "lessons": "LessonsTab",
    "plans": "PlansTab",
    "associations": "AssociationsTab",
    "mentoring": "MentoringTab",
    "attestation": "AttestationTab",
    "courses": "AttestationTab",
}


class OverviewTab(Tab):
    """This month's and next month's work, and the attention list."""

    areas = ("associations", "teachers", "settings", "plans", "lessons", "mentoring", "attestation")

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        column = QVBoxLayout(self)
        top = QHBoxLayout()
        year_label = QLabel(_("Academic year"))
        self.year_combo = QComboBox()
        self.year_combo.setObjectName("overview_year_combo")
        self.year_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        year_label.setBuddy(self.year_combo)
        self.year_combo.currentIndexChanged.connect(lambda _i: self.reload())
        self.search_box = SearchBox()
        top.addWidget(year_label)
        top.addWidget(self.year_combo)
        top.addWidget(self.search_box, 1)
        column.addLayout(top)
        splitter = QSplitter(Qt.Orientation.Vertical)
        upper = QWidget()
        upper_column = QVBoxLayout(upper)
        upper_column.setContentsMargins(0, 0, 0, 0)
        self.upcoming_title = QLabel(_("This month and the next"))
        self.upcoming_title.setObjectName("upcoming_title")
        upper_column.addWidget(self.upcoming_title)
        self.upcoming_model = RowTableModel(
            [
                Column(lambda: _("Date"), lambda r: short_date(r.date), sort=lambda r: r.date),
                Column(lambda: _("Area"), lambda r: r.area_label),
                Column(lambda: _("What"), lambda r: r.text, tooltip=lambda r: r.text),
            ]
        )
        self.upcoming_table, self.upcoming_proxy = make_table("upcoming_table", self.upcoming_model, ctx)
        self.upcoming_table.setColumnWidth(0, 90)
        self.upcoming_table.setColumnWidth(1, 140)
        self.upcoming_table.doubleClicked.connect(lambda _i: self.open_item(selected_row(self.upcoming_table)))
        upper_column.addWidget(self.upcoming_table, 1)
        splitter.addWidget(upper)
        lower = QWidget()
        lower_column = QVBoxLayout(lower)
        lower_column.setContentsMargins(0, 0, 0, 0)
        self.attention_title = QLabel()
        self.attention_title.setObjectName("attention_title")
        lower_column.addWidget(self.attention_title)
        self.attention_model = RowTableModel(
            [
                Column(lambda: _("Area"), lambda r: r.area_label, sort=lambda r: list(attention.AREAS).index(r.area)),
                Column(lambda: _("What"), lambda r: r.text, tooltip=lambda r: r.text),
                Column(lambda: _("Date"), lambda r: short_date(r.date), sort=lambda r: r.date or today()),
            ]
        )
        self.attention_table, self.attention_proxy = make_table("attention_table", self.attention_model, ctx)
        self.attention_table.setColumnWidth(0, 140)
        self.attention_table.setColumnWidth(1, 720)
        self.attention_table.doubleClicked.connect(lambda _i: self.open_item(selected_row(self.attention_table)))
        lower_column.addWidget(self.attention_table, 1)
        splitter.addWidget(lower)
        splitter.setStretchFactor(1, 2)
        column.addWidget(splitter, 1)
        for proxy in (self.upcoming_proxy, self.attention_proxy):
            self.search_box.search_changed.connect(proxy.set_search)

    def title(self) -> str:
        return _("Overview")

    def year_id(self) -> int | None:
        data = self.year_combo.currentData()
        return int(data) if data is not None else None

    def reload(self) -> None:
        day = today()
        items: list[attention.AttentionRow] = []
        coming: list[attention.UpcomingRow] = []
        with self.ctx.reading() as session:
            this_year = years.current_year(session)
            fill_year_combo(
                self.year_combo, years.list_years(session), self.year_id() or (this_year.id if this_year else None)
            )
            year_id = self.year_id()
            try:
                if year_id is not None:
                    items = attention.attention(session, year_id, day, shown=attention.SHOWN_PER_AREA)
                coming = attention.upcoming(session, day)
            except DomainError:  # no organisation yet
                items, coming = [], []
        self.upcoming_model.set_rows(coming)
        self.attention_model.set_rows(items)
        self.attention_title.setText(_("Needs attention: {count}").format(count=attention.total(items)))

    def open_item(self, row: attention.AttentionRow | attention.UpcomingRow | None) -> None:
        """A meeting opens in the meeting editor; anything else opens its tab."""
        if row is None:
            return
        if row.record == "meeting" and row.association_id is not None:
            from metodesk.ui.dialogs.meeting import MeetingDialog

            try:
                dialog = MeetingDialog(self.ctx, row.association_id, row.record_id, self)
            except DomainError as err:
                common.show_error(self, err.message)
                return
            if dialog.exec():
                self.ctx.changed.emit("associations")
                self.reload()
            return
        target = "CouncilTab" if row.record == "school_plan" else AREA_TABS.get(row.area, "")
        window = self.window()
        tabs = getattr(window, "tabs", None)
        if tabs is None:
            return
        for index, tab in enumerate(tabs):
            if type(tab).__name__ == target:
                window.tabs_widget.setCurrentIndex(index)  # type: ignore[attr-defined]
                break

    def focus_search(self) -> None:
        self.search_box.setFocus()
        self.search_box.selectAll()

    def save_state(self) -> None:
        save_table_state(self.upcoming_table, self.ctx)
        save_table_state(self.attention_table, self.ctx)
