"""The Mentoring tab (docs/domain/order-253.md, 'Mentoring'): the year's pairs of mentor and
mentee on the left with what needs attention under them (young specialists
without a mentor, pairs with no meeting logged for 30 days, plan activities
past their date); the chosen pair on the right (``MentoringDetailPanel``).

From the attention box a young specialist gets a pair in one step ("Create a
pair…"); the other items open their pair."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from metodesk.domain.errors import DomainError
from metodesk.i18n import _, ngettext
from metodesk.i18n.dates import short_date
from metodesk.services import mentoring, mentoring_attention, years
from metodesk.services.mentoring import PairRow
from metodesk.services.mentoring_attention import NO_MENTOR, OVERDUE, AttentionItem
from metodesk.ui import common
from metodesk.ui.context import AppContext
from metodesk.ui.dialogs.draft_form import run_action
from metodesk.ui.models import Column, RowTableModel
from metodesk.ui.tabs.base import (
    StretchGuard,
    Tab,
    fill_year_combo,
    header_width,
    make_table,
    save_table_state,
    selected_row,
)
from metodesk.ui.tabs.mentoring_detail import MentoringDetailPanel
from metodesk.ui.tabs.mentoring_pages import make_button, select_id
from metodesk.ui.widgets import SearchBox

SPLITTER_KEY = "splitters/mentoring"
LEFT_SPLITTER_KEY = "splitters/mentoring_left"
LIST_WIDTHS = (0, 50, 100)  # the pair's column (mentee — mentor) takes the rest
ITEM_ROLE = Qt.ItemDataRole.UserRole + 1


class MentoringTab(Tab):
    """Year, pairs and attention on the left; the chosen pair on the right."""

    areas = ("mentoring", "teachers", "settings", "lessons")

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._own_write = False
        self.model = RowTableModel(
            [
                Column(
                    lambda: _("Pair"),
                    lambda r: f"{r.mentee_short} — {r.mentor_short}",
                    tooltip=lambda r: _("Mentee: {mentee}\nMentor: {mentor}").format(
                        mentee=r.mentee_name, mentor=r.mentor_name
                    ),
                ),
                Column(
                    lambda: _("Plan"),
                    lambda r: f"{r.done_count}/{r.activity_count}",
                    sort=lambda r: (r.done_count, r.activity_count),
                    tooltip=lambda r: _("{done} of {n} plan activities done").format(
                        done=r.done_count, n=r.activity_count
                    ),
                    searchable=False,
                ),
                Column(
                    lambda: _("Last meeting"),
                    lambda r: short_date(r.last_entry),
                    sort=lambda r: r.last_entry.toordinal() if r.last_entry else 0,
                    tooltip=lambda r: ngettext(
                        "{n} meeting logged", "{n} meetings logged", r.entry_count
                    ).format(n=r.entry_count),
                    searchable=False,
                ),
            ]
        )
        self.panel = MentoringDetailPanel(ctx)
        self.panel.written.connect(self._written)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mentoring_splitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self._build_left())
        self.splitter.addWidget(self.panel)
        state = ctx.settings.value(SPLITTER_KEY)
        if isinstance(state, QByteArray):
            self.splitter.restoreState(state)
        else:
            self.splitter.setSizes([430, 670])
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter)
        self._update_buttons()

    def _build_left(self) -> QWidget:
        self.left_splitter = QSplitter(Qt.Orientation.Vertical)
        self.left_splitter.setObjectName("mentoring_left")
        self.left_splitter.setChildrenCollapsible(False)
        pairs = QWidget()
        pairs.setObjectName("pairs_list")
        column = QVBoxLayout(pairs)
        column.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        year_label = QLabel(_("Academic year"))
        self.year_combo = QComboBox()
        self.year_combo.setObjectName("year_combo")
        self.year_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        year_label.setBuddy(self.year_combo)
        self.year_combo.currentIndexChanged.connect(self._year_chosen)
        self.search_box = SearchBox()
        top.addWidget(year_label)
        top.addWidget(self.year_combo)
        top.addWidget(self.search_box, 1)
        column.addLayout(top)
        self.table, self.proxy = make_table("pairs_table", self.model, self.ctx)
        if self.ctx.settings.value("tables/pairs_table") is None:
            header = self.table.horizontalHeader()
            header.setStretchLastSection(False)
            for section, width in enumerate(LIST_WIDTHS):
                if width == 0:
                    header.setSectionResizeMode(section, QHeaderView.ResizeMode.Stretch)
                    StretchGuard(self.table, section)
                else:
                    self.table.setColumnWidth(section, max(width, header_width(self.table, section)))
        self.search_box.search_changed.connect(self.proxy.set_search)
        self.table.selectionModel().selectionChanged.connect(self._on_selection)
        self.table.doubleClicked.connect(self.edit_selected)
        column.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        self.new_button = make_button("new_pair_button", _("New pair…"), self.new_record)
        self.edit_button = make_button("edit_pair_button", _("Edit…"), self.edit_selected)
        self.delete_button = make_button("delete_pair_button", _("Delete"), self.delete_pair)
        for button in (self.new_button, self.edit_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        column.addLayout(buttons)
        self.left_splitter.addWidget(pairs)
        self.left_splitter.addWidget(self._build_attention())
        state = self.ctx.settings.value(LEFT_SPLITTER_KEY)
        if isinstance(state, QByteArray):
            self.left_splitter.restoreState(state)
        else:
            self.left_splitter.setSizes([400, 220])
        return self.left_splitter

    def _build_attention(self) -> QWidget:
        box = QGroupBox(_("Needs attention"))
        box.setObjectName("attention_box")
        column = QVBoxLayout(box)
        self.attention_list = QListWidget()
        self.attention_list.setObjectName("attention_list")
        self.attention_list.setWordWrap(True)
        self.attention_list.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.attention_list.setAlternatingRowColors(True)
        self.attention_list.setSpacing(2)
        # wrapped items are laid out again at every width, the scroll bar never
        # appearing late to steal the width a line was measured for
        self.attention_list.setResizeMode(QListView.ResizeMode.Adjust)
        self.attention_list.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.attention_list.currentItemChanged.connect(self._attention_chosen)
        self.attention_list.itemActivated.connect(self._attention_activated)
        column.addWidget(self.attention_list, 1)
        row = QHBoxLayout()
        self.create_pair_button = make_button(
            "create_pair_button", _("Create a pair…"), self.create_pair_from_attention
        )
        self.create_pair_button.setToolTip(_("Give the chosen young specialist a mentor."))
        self.open_item_button = make_button("open_item_button", _("Show the pair"), self.open_attention_item)
        self.open_item_button.setToolTip(_("Show the pair this item is about."))
        row.addWidget(self.create_pair_button)
        row.addWidget(self.open_item_button)
        row.addStretch(1)
        column.addLayout(row)
        return box

    # ---- loading ------------------------------------------------------------------------------

    def title(self) -> str:
        return _("Mentoring")

    def year_id(self) -> int | None:
        data = self.year_combo.currentData()
        return int(data) if data is not None else None

    def selected(self) -> PairRow | None:
        return selected_row(self.table)

    def reload(self, select: int | None = None) -> None:
        """Read the years, the year's pairs and its attention list again; keep
        the selection (or move it to ``select``)."""
        current = self.selected()
        keep = select if select is not None else (current.id if current else None)
        if not self.save_summary():
            keep = self.panel.summary_page.pair_id
        with self.ctx.reading() as session:
            year_rows = years.list_years(session)
            this_year = years.current_year(session)
            wanted = self.year_id() or (this_year.id if this_year else None)
            fill_year_combo(self.year_combo, year_rows, wanted)
            year_id = self.year_id()
            rows = mentoring.list_pairs(session, year_id) if year_id is not None else []
            items = mentoring_attention.attention_list(session, year_id) if year_id is not None else []
        self.panel.set_print_language()
        self.model.set_rows(rows)
        header = self.table.horizontalHeader()
        self.proxy.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
        self.table.clearSelection()
        select_id(self.table, keep)
        self._show_attention(items)
        self._on_selection()

    def _show_attention(self, items: list[AttentionItem]) -> None:
        self.attention_list.clear()
        for item in items:
            entry = QListWidgetItem(item.message)
            entry.setData(ITEM_ROLE, item)
            entry.setToolTip(item.message)
            self.attention_list.addItem(entry)
        if not items:
            entry = QListWidgetItem(_("Nothing needs attention in this year's mentoring."))
            entry.setFlags(Qt.ItemFlag.NoItemFlags)
            self.attention_list.addItem(entry)
        self._attention_chosen()

    def _year_chosen(self, _index: int) -> None:
        self.reload()

    def save_summary(self) -> bool:
        """Save the summary and conclusion edited on the shown pair, if any;
        False (the refusal shown under its field) when they cannot be saved."""
        page = self.panel.summary_page
        if not page.dirty:
            return True
        if not page.save(announce=False):
            return False
        self._announce()
        return True

    def _on_selection(self, *_args: object) -> None:
        row = self.selected()
        shown = self.panel.summary_page.pair_id
        if shown is not None and (row is None or row.id != shown) and not self.save_summary():
            select_id(self.table, shown)  # stay on the pair whose texts could not be saved
            self.panel.pages.setCurrentWidget(self.panel.summary_page)
            return
        self.panel.show_pair(row)
        self._update_buttons()

    def _update_buttons(self) -> None:
        chosen = self.selected() is not None
        self.new_button.setEnabled(self.year_id() is not None)
        self.edit_button.setEnabled(chosen)
        self.delete_button.setEnabled(chosen)

    def attention_item(self) -> AttentionItem | None:
        entry = self.attention_list.currentItem()
        return entry.data(ITEM_ROLE) if entry is not None else None

    def _attention_chosen(self, *_args: object) -> None:
        item = self.attention_item()
        self.create_pair_button.setEnabled(item is not None and item.kind == NO_MENTOR)
        self.open_item_button.setEnabled(item is not None and item.pair_id is not None)

    def _attention_activated(self, _entry: QListWidgetItem) -> None:
        item = self.attention_item()
        if item is not None and item.kind == NO_MENTOR:
            self.create_pair_from_attention()
        else:
            self.open_attention_item()

    def _on_changed(self, area: str) -> None:
        if not self._own_write:
            super()._on_changed(area)

    def _announce(self) -> None:
        """Tell the other tabs that mentoring data changed (not this one)."""
        self._own_write = True
        try:
            self.ctx.changed.emit("mentoring")
        finally:
            self._own_write = False

    def _written(self, select: int | None = None) -> None:
        """After a write: tell the other tabs, then show the fresh rows here (once)."""
        self._announce()
        self._stale = False
        self.reload(select)

    # ---- actions --------------------------------------------------------------------------------

    def _open_pair_dialog(self, pair_id: int | None, mentee_id: int | None = None) -> int | None:
        from metodesk.ui.dialogs.mentoring_pair import MentoringPairDialog

        year_id = self.year_id()
        if year_id is None:
            return None
        try:
            dialog = MentoringPairDialog(self.ctx, year_id, pair_id, mentee_id, self)
        except DomainError as err:
            common.show_error(self, err.message)
            self.reload()
            return None
        if dialog.exec() and dialog.saved_id is not None:
            self._written(dialog.saved_id)
            return dialog.saved_id
        return None

    def new_record(self) -> None:
        if self._open_pair_dialog(None) is not None:
            self.ctx.status.emit(_("The mentoring pair was created."))

    def edit_selected(self, *_args: object) -> None:
        row = self.selected()
        if row is not None and self._open_pair_dialog(row.id) is not None:
            self.ctx.status.emit(_("The mentoring pair was saved."))

    def create_pair_from_attention(self) -> None:
        """A pair for the young specialist chosen in the attention box."""
        item = self.attention_item()
        if item is not None and item.kind == NO_MENTOR and self._open_pair_dialog(None, item.teacher_id):
            self.ctx.status.emit(_("The mentoring pair was created."))

    def open_attention_item(self) -> None:
        """Select the item's pair; an overdue activity opens the plan on its row."""
        item = self.attention_item()
        if item is None or item.pair_id is None:
            return
        select_id(self.table, item.pair_id)
        if item.kind == OVERDUE and item.activity_id is not None:
            self.panel.pages.setCurrentWidget(self.panel.plan_page)
            self.panel.plan_page.select_activity(item.activity_id)
        else:
            self.panel.pages.setCurrentWidget(self.panel.log_page)

    def delete_selected(self) -> None:
        """Delete key: a plan row or a log entry when its table has the focus,
        else the pair (each after a question)."""
        if self.panel.plan_page.table.hasFocus() and self.panel.plan_page.selected() is not None:
            self.panel.plan_page.delete_activity()
        elif self.panel.log_page.table.hasFocus() and self.panel.log_page.selected() is not None:
            self.panel.log_page.delete_entry()
        else:
            self.delete_pair()

    def delete_pair(self) -> None:
        row = self.selected()
        if row is None:
            return
        question = _("Delete the pair {mentor} – {mentee} with its plan and meeting log?").format(
            mentor=row.mentor_short, mentee=row.mentee_short
        )
        if not common.confirm(self, question):
            return
        self._doomed = row.id
        if run_action(self, self.ctx, self._delete_doomed):
            self.panel.summary_page.set_texts(None)
            self._written()

    def _delete_doomed(self, session) -> None:  # type: ignore[no-untyped-def]
        mentoring.delete_pair(session, self._doomed)

    def focus_search(self) -> None:
        self.search_box.setFocus()
        self.search_box.selectAll()

    def can_close(self) -> bool:
        return self.save_summary()

    def save_state(self) -> None:
        save_table_state(self.table, self.ctx)
        self.panel.save_state()
        self.ctx.settings.setValue(SPLITTER_KEY, self.splitter.saveState())
        self.ctx.settings.setValue(LEFT_SPLITTER_KEY, self.left_splitter.saveState())
