"""The list-shaped pages of the Settings tab: other organisations, academic
years, subjects. Each page writes in one transaction per action and then
calls ``written(message, *pages)`` so the tab reloads and tells the others."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from metodesk.domain.enums import OrgKind, TermKind
from metodesk.domain.errors import DomainError
from metodesk.i18n import _, ngettext
from metodesk.i18n.dates import short_date
from metodesk.services import organisations, subjects, years
from metodesk.ui import common
from metodesk.ui.context import AppContext
from metodesk.ui.models import Column, RowTableModel
from metodesk.ui.tabs.base import make_table, save_table_state, selected_row
from metodesk.ui.widgets import SearchBox

Written = Callable[..., None]


def page_heading(text: str, intro: str) -> tuple[QLabel, QLabel]:
    """A bold page title and one explaining sentence under it."""
    heading = QLabel(text)
    heading.setObjectName("page_heading")
    font = heading.font()
    font.setBold(True)
    if font.pointSizeF() > 0:
        font.setPointSizeF(font.pointSizeF() * 1.2)
    heading.setFont(font)
    explanation = QLabel(intro)
    explanation.setObjectName("page_intro")
    explanation.setWordWrap(True)
    return heading, explanation


class ListPage(QWidget):
    """A heading, a table of plain rows, and a row of buttons beneath it."""

    table_name = "settings_table"

    def __init__(
        self, ctx: AppContext, written: Written, title: str, intro: str, columns: Sequence[Column]
    ) -> None:
        super().__init__()
        self.ctx = ctx
        self.written = written
        self.setObjectName(type(self).__name__)
        self.layout_ = QVBoxLayout(self)
        for label in page_heading(title, intro):
            self.layout_.addWidget(label)
        self.model = RowTableModel(columns, self)
        self.view, self.proxy = make_table(self.table_name, self.model, ctx)
        self._fit_pending = ctx.settings.value(f"tables/{self.table_name}") is None
        self.view.doubleClicked.connect(self.edit_selected)
        self.view.selectionModel().selectionChanged.connect(self.update_buttons)
        self.top_row = QHBoxLayout()
        self.search = SearchBox()  # Ctrl+F comes here on every list (issue 19.10)
        self.search.setObjectName(f"{self.table_name}_search")
        self.search.search_changed.connect(self.proxy.set_search)
        self.top_row.addWidget(self.search, 1)
        self.layout_.addLayout(self.top_row)
        self.layout_.addWidget(self.view, 1)
        self.button_row = QHBoxLayout()
        self.layout_.addLayout(self.button_row)
        self._needs_selection: list[QPushButton] = []

    def add_button(
        self, name: str, text: str, slot: Callable[[], None], needs_selection: bool = True
    ) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.clicked.connect(slot)
        self.button_row.addWidget(button)
        if needs_selection:
            self._needs_selection.append(button)
        return button

    def fetch(self, session) -> list[Any]:  # type: ignore[no-untyped-def]
        return []

    def reload(self) -> None:
        previous = self.selected()
        with self.ctx.reading() as session:
            rows = self.fetch(session)
        self.model.set_rows(rows)
        if self._fit_pending and rows:
            self._fit_pending = False
            self._fit_columns()
        self.proxy.sort(self.proxy.sortColumn(), self.view.horizontalHeader().sortIndicatorOrder())
        if previous is not None:
            self.select_id(previous.id)
        self.update_buttons()

    def _fit_columns(self) -> None:
        """First sight (no remembered widths): each column as wide as its text, within reason."""
        header = self.view.horizontalHeader()
        for col in range(self.model.columnCount() - 1):
            self.view.resizeColumnToContents(col)
            header.resizeSection(col, min(max(header.sectionSize(col), 90), 330))

    def select_id(self, record_id: int | None) -> bool:
        """Select the row with ``record_id``; False when it is not shown."""
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if self.model.row_at(self.proxy.mapToSource(index).row()).id == record_id:
                self.view.selectRow(row)
                self.view.scrollTo(index)
                return True
        self.view.clearSelection()
        return False

    def selected(self) -> Any:
        return selected_row(self.view)

    def update_buttons(self) -> None:
        has_row = self.selected() is not None
        for button in self._needs_selection:
            button.setEnabled(has_row)

    def run(self, action: Callable[[Any], Any]) -> Any:
        """Run ``action(session)`` in one transaction; a refusal is shown, None returned."""
        try:
            with self.ctx.transaction() as session:
                return action(session)
        except DomainError as err:
            common.show_error(self, err.message)
            return None

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def add(self) -> None:
        """Ctrl+N on this page."""

    def edit_selected(self) -> None:
        """Double click or the Edit button."""

    def delete_selected(self) -> None:
        """Delete key or the Delete button."""

    def save_state(self) -> None:
        save_table_state(self.view, self.ctx)


class OtherOrganisationsPage(ListPage):
    """Neighbouring organisations whose teachers join district associations."""

    table_name = "other_organisations_table"

    def __init__(self, ctx: AppContext, written: Written) -> None:
        columns = [
            Column(lambda: _("Name"), lambda r: r.name(ctx.lang), tooltip=lambda r: r.name(ctx.lang)),
            Column(lambda: _("Kind"), lambda r: OrgKind.label_for(r.kind)),
            Column(lambda: _("District"), lambda r: r.district),
            Column(lambda: _("Head"), lambda r: r.head_name),
        ]
        super().__init__(
            ctx,
            written,
            _("Other organisations"),
            _("Neighbouring schools whose teachers take part in district (inter-school) associations."),
            columns,
        )
        self.add_button("add_organisation", _("Add…"), self.add, needs_selection=False)
        self.add_button("edit_organisation", _("Edit…"), self.edit_selected)
        self.add_button("delete_organisation", _("Delete"), self.delete_selected)
        self.button_row.addStretch(1)
        self.add_button("make_ours", _("Make this ours"), self.make_ours)

    def fetch(self, session) -> list[Any]:  # type: ignore[no-untyped-def]
        return [o for o in organisations.list_organisations(session) if not o.is_ours]

    def _open(self, org: organisations.OrganisationRow | None) -> None:
        from metodesk.ui.dialogs.organisation import OrganisationDialog

        dialog = OrganisationDialog(self.ctx, org, self)
        if dialog.exec() == OrganisationDialog.DialogCode.Accepted:
            self.written(_("The organisation was saved."), self)
            self.select_id(dialog.saved_id)

    def add(self) -> None:
        self._open(None)

    def edit_selected(self) -> None:
        org = self.selected()
        if org is not None:
            self._open(org)

    def delete_selected(self) -> None:
        org = self.selected()
        if org is None or not common.confirm(
            self, _("Delete the organisation {name}?").format(name=org.name(self.ctx.lang))
        ):
            return
        if self.run(lambda s: organisations.delete_organisation(s, org.id) or True):
            self.written(_("The organisation {name} was deleted.").format(name=org.name(self.ctx.lang)), self)

    def make_ours(self) -> None:
        org = self.selected()
        if org is None or not common.confirm(
            self,
            _("Make {name} your organisation? Its name and head will appear on printed documents.").format(
                name=org.name(self.ctx.lang)
            ),
        ):
            return
        if self.run(lambda s: organisations.make_ours(s, org.id) or True):
            self.written(_("{name} is now your organisation.").format(name=org.name(self.ctx.lang)))


def _terms_text(row: years.YearRow) -> str:
    count = len(row.terms)
    if not count:
        return _("No terms")
    if row.terms[0].kind == TermKind.SEMESTER.value:
        return ngettext("{n} semester", "{n} semesters", count).format(n=count)
    return ngettext("{n} quarter", "{n} quarters", count).format(n=count)


class YearsPage(ListPage):
    """Academic years with their quarters or semesters; one of them is current."""

    table_name = "years_table"

    def __init__(self, ctx: AppContext, written: Written) -> None:
        columns = [
            Column(lambda: _("Academic year"), lambda r: r.name),
            Column(lambda: _("First day"), lambda r: short_date(r.start_date), sort=lambda r: r.start_date),
            Column(lambda: _("Last day"), lambda r: short_date(r.end_date), sort=lambda r: r.end_date),
            Column(lambda: _("Terms"), _terms_text, sort=lambda r: len(r.terms)),
            Column(
                lambda: _("Current"),
                lambda r: _("Current year") if r.is_current else "",
                sort=lambda r: r.is_current,
            ),
        ]
        super().__init__(
            ctx,
            written,
            _("Academic years"),
            _(
                "Each year's dates come from the ministry's order. The current year is the one new records go to."
            ),
            columns,
        )
        self.add_button("add_year", _("Add…"), self.add, needs_selection=False)
        self.add_button("edit_year", _("Edit…"), self.edit_selected)
        self.add_button("delete_year", _("Delete"), self.delete_selected)
        self.button_row.addStretch(1)
        self.make_current_button = self.add_button("make_current", _("Make current"), self.make_current)

    def fetch(self, session) -> list[Any]:  # type: ignore[no-untyped-def]
        return years.list_years(session)

    def update_buttons(self) -> None:
        super().update_buttons()
        row = self.selected()
        self.make_current_button.setEnabled(row is not None and not row.is_current)

    def _open(self, year: years.YearRow | None) -> None:
        from metodesk.ui.dialogs.year import YearDialog, next_year_template

        template = None
        if year is None:
            rows = self.model.rows()
            template = next_year_template(max(rows, key=lambda r: r.start_date) if rows else None)
        dialog = YearDialog(self.ctx, year, template, self)
        if dialog.exec() == YearDialog.DialogCode.Accepted:
            self.written(_("The academic year was saved."), self)
            self.select_id(dialog.saved_id)

    def add(self) -> None:
        self._open(None)

    def edit_selected(self) -> None:
        year = self.selected()
        if year is not None:
            self._open(year)

    def make_current(self) -> None:
        year = self.selected()
        if year is not None and self.run(lambda s: years.set_current(s, year.id) or True):
            self.written(_("{year} is now the current academic year.").format(year=year.name), self)

    def delete_selected(self) -> None:
        year = self.selected()
        if year is None or not common.confirm(
            self, _("Delete the academic year {year} with its terms?").format(year=year.name)
        ):
            return
        if self.run(lambda s: years.delete_year(s, year.id) or True):
            self.written(_("The academic year {year} was deleted.").format(year=year.name), self)


class SubjectsPage(ListPage):
    """The school's subjects in both languages; used ones are archived, not deleted."""

    table_name = "subjects_table"

    def __init__(self, ctx: AppContext, written: Written) -> None:
        columns = [
            Column(lambda: _("Name in Kazakh"), lambda r: r.name_kk, tooltip=lambda r: r.name_kk),
            Column(lambda: _("Name in Russian"), lambda r: r.name_ru, tooltip=lambda r: r.name_ru),
            Column(lambda: _("Status"), lambda r: _("Archived") if r.archived else "", searchable=False),
        ]
        super().__init__(
            ctx,
            written,
            _("Subjects"),
            _("Archived subjects stay in old records but are not offered for new ones."),
            columns,
        )
        self.show_archived = QCheckBox(_("Show archived"))
        self.show_archived.setObjectName("show_archived")
        self.show_archived.toggled.connect(self.reload)
        self.top_row.addWidget(self.show_archived)
        self.add_button("add_subject", _("Add…"), self.add, needs_selection=False)
        self.add_button("edit_subject", _("Edit…"), self.edit_selected)
        self.add_button("delete_subject", _("Delete"), self.delete_selected)
        self.button_row.addStretch(1)
        self.archive_button = self.add_button("archive_subject", _("Archive"), self.toggle_archived)

    def fetch(self, session) -> list[Any]:  # type: ignore[no-untyped-def]
        return subjects.list_subjects(session, include_archived=self.show_archived.isChecked())

    def update_buttons(self) -> None:
        super().update_buttons()
        row = self.selected()
        self.archive_button.setText(_("Restore") if row is not None and row.archived else _("Archive"))

    def _name(self, row: subjects.SubjectRow) -> str:
        return row.name(self.ctx.lang)

    def _open(self, subject: subjects.SubjectRow | None) -> None:
        from metodesk.ui.dialogs.subject import SubjectDialog

        dialog = SubjectDialog(self.ctx, subject, self)
        if dialog.exec() == SubjectDialog.DialogCode.Accepted:
            self.written(_("The subject was saved."), self)
            self.select_id(dialog.saved_id)

    def add(self) -> None:
        self._open(None)

    def edit_selected(self) -> None:
        subject = self.selected()
        if subject is not None:
            self._open(subject)

    def toggle_archived(self) -> None:
        subject = self.selected()
        if subject is None:
            return
        archive = not subject.archived
        if self.run(lambda s: subjects.set_archived(s, subject.id, archive) or True):
            message = (
                _("The subject {name} was archived.") if archive else _("The subject {name} was restored.")
            )
            self.written(message.format(name=self._name(subject)), self)

    def delete_selected(self) -> None:
        subject = self.selected()
        if subject is None or not common.confirm(
            self, _("Delete the subject {name}?").format(name=self._name(subject))
        ):
            return
        deleted = self.run(lambda s: subjects.delete_subject(s, subject.id))
        if deleted is None:
            return
        if deleted:
            message = _("The subject {name} was deleted.")
        else:
            message = _("The subject {name} is used by teachers or associations, so it was archived instead.")
        self.written(message.format(name=self._name(subject)), self)

