"""The meeting log of a mentoring pair: date, kind, topic, minutes, the
visited lesson with its sheet, notes; log a meeting, edit or delete one."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from metodesk.domain.errors import DomainError
from metodesk.domain.mentoring_enums import MentoringKind
from metodesk.i18n import _, ngettext
from metodesk.i18n.dates import short_date
from metodesk.services import mentoring_log
from metodesk.services.mentoring_log import EntryRow
from metodesk.ui import common
from metodesk.ui.context import AppContext
from metodesk.ui.dialogs.draft_form import label_of, run_action
from metodesk.ui.models import Column, RowTableModel
from metodesk.ui.tabs.base import make_table, save_table_state, selected_row
from metodesk.ui.tabs.mentoring_pages import PairPage, duration_text, first_widths, make_button, select_id

LOG_WIDTHS = (85, 120, 0, 60, 130, 100)  # first-start widths; the topic column stretches


def lesson_text(row: EntryRow, lang: str) -> str:
    if row.lesson is None:
        return ""
    lesson = row.lesson
    text = ", ".join(p for p in (lesson.subject(lang), lesson.class_name, f"«{lesson.topic}»") if p)
    if row.sheet is not None:
        text += " · " + _("sheet: {observer}, {total} of {max}").format(
            observer=row.sheet.observer, total=row.sheet.total, max=row.sheet.max_total
        )
    return text


class LogPage(PairPage):
    """Date | kind | topic | minutes | lesson | notes."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, "log_page", parent)
        self.model = RowTableModel(
            [
                Column(lambda: _("Date"), lambda r: short_date(r.date), sort=lambda r: (r.date, r.id)),
                Column(
                    lambda: _("Kind"),
                    lambda r: label_of(MentoringKind, r.kind),
                    tooltip=lambda r: label_of(MentoringKind, r.kind),
                ),
                Column(lambda: _("Topic"), lambda r: r.topic, tooltip=lambda r: r.topic),
                Column(
                    lambda: _("Minutes"),
                    lambda r: str(r.minutes) if r.minutes else "",
                    sort=lambda r: r.minutes or 0,
                    align_right=True,
                    searchable=False,
                ),
                Column(
                    lambda: _("Visited lesson"),
                    lambda r: lesson_text(r, self.ctx.lang),
                    tooltip=lambda r: lesson_text(r, self.ctx.lang),
                ),
                Column(lambda: _("Notes"), lambda r: " ".join(r.notes.split()), tooltip=lambda r: r.notes),
            ]
        )
        column = QVBoxLayout(self)
        self.table, self.proxy = make_table("log_table", self.model, ctx)
        first_widths(self.table, ctx, LOG_WIDTHS)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(self.edit_entry)
        column.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.add_button = make_button("add_entry_button", _("Log a meeting…"), self.add_entry)
        self.edit_button = make_button("edit_entry_button", _("Edit…"), self.edit_entry)
        self.delete_button = make_button("delete_entry_button", _("Delete"), self.delete_entry)
        for button in (self.add_button, self.edit_button, self.delete_button):
            row.addWidget(button)
        row.addStretch(1)
        self.count_label = QLabel()
        self.count_label.setObjectName("log_count")
        row.addWidget(self.count_label)
        column.addLayout(row)
        self._update_buttons()

    def selected(self) -> EntryRow | None:
        return selected_row(self.table)

    def selected_id(self) -> int | None:
        row = self.selected()
        return row.id if row else None

    def reload(self, select: int | None = None) -> None:
        rows: list[EntryRow] = []
        if self.pair_id is not None:
            try:
                with self.ctx.reading() as session:
                    rows = mentoring_log.list_entries(session, self.pair_id)
            except DomainError:
                rows = []
        self.model.set_rows(rows)
        header = self.table.horizontalHeader()
        self.proxy.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
        select_id(self.table, select)
        minutes = sum(r.minutes or 0 for r in rows)
        text = ngettext("{n} meeting", "{n} meetings", len(rows)).format(n=len(rows))
        if minutes:
            text += ", " + duration_text(minutes)
        self.count_label.setText(text if self.pair_id is not None else "")
        self._update_buttons()

    def _update_buttons(self, *_args: object) -> None:
        chosen = self.selected() is not None
        self.add_button.setEnabled(self.pair_id is not None)
        self.edit_button.setEnabled(chosen)
        self.delete_button.setEnabled(chosen)

    def _open(self, entry_id: int | None) -> None:
        from metodesk.ui.dialogs.mentoring_entry import MentoringEntryDialog

        if self.pair_id is None:
            return
        try:
            dialog = MentoringEntryDialog(self.ctx, self.pair_id, entry_id, self)
        except DomainError as err:
            common.show_error(self, err.message)
            self.reload()
            return
        if dialog.exec() and dialog.saved_id is not None:
            self._written(dialog.saved_id)

    def add_entry(self) -> None:
        self._open(None)

    def edit_entry(self, *_args: object) -> None:
        row = self.selected()
        if row is not None:
            self._open(row.id)

    def delete_entry(self) -> None:
        row = self.selected()
        if row is None:
            return
        question = _("Delete the meeting of {date} from the log?").format(date=short_date(row.date))
        if not common.confirm(self, question):
            return
        self._doomed = row.id
        if run_action(self, self.ctx, self._delete_doomed):
            self._written()

    def _delete_doomed(self, session) -> None:  # type: ignore[no-untyped-def]
        mentoring_log.delete_entry(session, self._doomed)

    def save_state(self) -> None:
        save_table_state(self.table, self.ctx)
