"""The Teachers tab: the list every other area picks people from.

Teachers are added, edited, archived and restored here. Deleting one that
history refers to archives it instead (services.teachers.remove_teacher)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from metodesk.domain.enums import Category, Position
from metodesk.domain.errors import DomainError
from metodesk.i18n import _, language, ngettext
from metodesk.i18n.dates import short_date
from metodesk.services import teachers
from metodesk.services.teachers import TeacherRow
from metodesk.ui import common
from metodesk.ui.context import AppContext
from metodesk.ui.models import ROW_ROLE, AnyIndex, Column, RowTableModel
from metodesk.ui.tabs.base import Tab, make_table, save_table_state, selected_row
from metodesk.ui.widgets import SearchBox

ARCHIVED_COLOUR = QColor("#8a8a8a")
# Starting widths of the text columns; the short columns fit their headers.
TEXT_WIDTHS = (190, 125, 150, 120, 125)


def _label(enum_type: type, code: str) -> str:
    """The human name of a stored code; an unknown code is shown as it is."""
    try:
        return enum_type(code).label
    except ValueError:
        return code


def _experience_text(row: TeacherRow) -> str:
    years = row.experience()
    return "" if years is None else str(years)


def _columns() -> list[Column]:
    lang = language
    return [
        Column(
            lambda: _("Full name"),
            lambda r: r.full_name,
            tooltip=lambda r: _("{name} (archived)").format(name=r.full_name) if r.archived else r.full_name,
        ),
        Column(lambda: _("Organisation"), lambda r: r.organisation(lang())),
        Column(
            lambda: _("Subjects"),
            lambda r: ", ".join(r.subjects(lang())),
            tooltip=lambda r: "\n".join(r.subjects(lang())),
        ),
        Column(lambda: _("Position"), lambda r: _label(Position, r.position)),
        Column(lambda: _("Category"), lambda r: _label(Category, r.category)),
        Column(
            lambda: _("Category date"),
            lambda r: short_date(r.category_date),
            sort=lambda r: r.category_date,
            searchable=False,
        ),
        Column(
            lambda: _("Experience"),
            _experience_text,
            sort=lambda r: r.experience(),
            align_right=True,
            searchable=False,
        ),
        Column(
            lambda: _("Young specialist"),
            # TRANSLATORS: whether the teacher is a young specialist, in a table cell.
            lambda r: _("Yes") if r.young_specialist else _("No"),
            sort=lambda r: r.young_specialist,
            searchable=False,
        ),
    ]


def _header_tooltips() -> list[str]:
    return [
        _("Surname, first name and patronymic; archived teachers are grey."),
        _("The school or other organisation the teacher works in."),
        _("The subjects the teacher teaches."),
        _("The teacher's position."),
        _("The qualification category, current or legacy."),
        _("The date the category was awarded."),
        _("Teaching experience in full years, counted from the date teaching began."),
        _("Whether the teacher is a young specialist."),
    ]


class TeacherTableModel(RowTableModel):
    """Rows of teachers; archived ones are grey and italic."""

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # type: ignore[no-untyped-def]
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole:
            tips = _header_tooltips()
            return tips[section] if 0 <= section < len(tips) else None
        return super().headerData(section, orientation, role)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole):  # type: ignore[no-untyped-def]
        if role in (Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.FontRole) and index.isValid():
            row: TeacherRow = self.row_at(index.row())
            if not row.archived:
                return None
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(ARCHIVED_COLOUR)
            font = QFont()
            font.setItalic(True)
            return font
        return super().data(index, role)


class TeachersTab(Tab):
    """List, search, add, edit, archive, restore and delete teachers."""

    areas = ("teachers", "settings")

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._announcing = False
        self._total = 0
        layout = QVBoxLayout(self)

        bar = QHBoxLayout()
        self.add_button = self._button("add_button", _("Add…"), _("Add a teacher (Ctrl+N)."), self.new_record)
        self.edit_button = self._button(
            "edit_button",
            _("Edit…"),
            _("Edit the selected teacher (Enter or double-click on a row)."),
            self.edit_selected,
        )
        # TRANSLATORS: a button, the verb: move the teacher to the archive.
        self.archive_button = self._button("archive_button", _("Archive"), "", self.toggle_archived)
        self.delete_button = self._button(
            "delete_button",
            _("Delete"),
            _("Delete the selected teacher (Delete). A teacher already in records is archived instead."),
            self.delete_selected,
        )
        self.portfolio_button = self._button(
            "portfolio_button",
            _("Portfolio…"),
            _("The selected teacher's methodical portfolio: courses, self-education, experience, events, results."),
            self.open_portfolio,
        )
        for button in (
            self.add_button,
            self.edit_button,
            self.archive_button,
            self.delete_button,
            self.portfolio_button,
        ):
            bar.addWidget(button)
        bar.addStretch(1)
        self.show_archived = QCheckBox(_("Show archived"))
        self.show_archived.setObjectName("show_archived")
        self.show_archived.setToolTip(_("Also list the teachers who have left; they are shown in grey."))
        self.show_archived.toggled.connect(lambda _on: self.reload())
        bar.addWidget(self.show_archived)
        self.search = SearchBox()
        self.search.setMinimumWidth(260)
        self.search.search_changed.connect(self._on_search)
        self.search.returnPressed.connect(self.search.flush)
        bar.addWidget(self.search)
        layout.addLayout(bar)

        self.model = TeacherTableModel(_columns(), self)
        # Until the user's own widths are remembered, the columns follow the table's width.
        self._auto_fit = ctx.settings.value("tables/teachers_table") is None
        self.table, self.proxy = make_table("teachers_table", self.model, ctx)
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())
        self.table.installEventFilter(self)
        self.table.viewport().installEventFilter(self)
        self.table.horizontalHeader().viewport().installEventFilter(self)
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._update_buttons())
        layout.addWidget(self.table, 1)

        self.count_label = QLabel()
        self.count_label.setObjectName("count_label")
        layout.addWidget(self.count_label)
        self._update_buttons()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter on a row opens it, as a double-click does. The columns fit the
        table's width until the user first touches the header."""
        if self._auto_fit:
            if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
                self.fit_columns()
            elif (
                watched is self.table.horizontalHeader().viewport()
                and event.type() == QEvent.Type.MouseButtonPress
            ):
                self._auto_fit = False
        if (
            watched is self.table
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and self.current_teacher() is not None
        ):
            self.edit_selected()
            return True
        return super().eventFilter(watched, event)

    def fit_columns(self) -> None:
        """Starting widths: short columns fit their headers, the text columns
        share what is left of the table's width."""
        header = self.table.horizontalHeader()
        bold = QFont(header.font())
        bold.setBold(True)
        metrics = QFontMetrics(bold)
        fitted = [metrics.horizontalAdvance(c.title()) + 28 for c in self.model.columns]
        last = len(fitted) - 1  # it stretches, and never below its header's own hint
        fitted[last] = max(fitted[last], header.sectionSizeHint(last))
        n_text = len(TEXT_WIDTHS)
        available = self.table.viewport().width() - 4
        room = available - sum(fitted[n_text:])
        scale = room / sum(TEXT_WIDTHS) if room > 0 else 1.0
        widths = [max(int(w * scale), min(fitted[i], 120), 80) for i, w in enumerate(TEXT_WIDTHS)]
        widths += fitted[n_text:]
        excess = sum(widths) - available
        for column in (1, 2, 0):  # organisation, subjects, then the name give way (names stay readable)
            give = max(0, min(excess, widths[column] - 100))
            widths[column] -= give
            excess -= give
        for column, width in enumerate(widths):
            self.table.setColumnWidth(column, width)

    def _button(self, name: str, text: str, tooltip: str, slot) -> QPushButton:  # type: ignore[no-untyped-def]
        button = QPushButton(text)
        button.setObjectName(name)
        button.setToolTip(tooltip)
        button.clicked.connect(lambda _checked=False: slot())
        return button

    def title(self) -> str:
        return _("Teachers")

    # --- loading and selection -------------------------------------------------

    def reload(self, select_id: int | None = None) -> None:
        """Read the teachers again; keep (or move) the selection by teacher id."""
        if select_id is None:
            current = self.current_teacher()
            select_id = current.id if current is not None else None
        with self.ctx.reading() as session:
            rows = teachers.list_teachers(session, include_archived=self.show_archived.isChecked())
        self._total = len(rows)
        self.model.set_rows(rows)
        if select_id is not None:
            self.select_teacher(select_id)
        self._update_count()
        self._update_buttons()

    def current_teacher(self) -> TeacherRow | None:
        return selected_row(self.table)

    def select_teacher(self, teacher_id: int) -> bool:
        """Select the row of ``teacher_id`` when it is listed and not filtered out."""
        for source_row, row in enumerate(self.model.rows()):
            if row.id == teacher_id:
                index = self.proxy.mapFromSource(self.model.index(source_row, 0))
                if not index.isValid():
                    return False
                self.table.selectionModel().select(
                    index,
                    QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
                )
                self.table.setCurrentIndex(index)
                self.table.scrollTo(index)
                return True
        return False

    def visible_rows(self) -> list[TeacherRow]:
        """The rows as the table shows them: filtered and sorted."""
        return [self.proxy.index(i, 0).data(ROW_ROLE) for i in range(self.proxy.rowCount())]

    def _on_search(self, text: str) -> None:
        self.proxy.set_search(text)
        self._update_count()
        self._update_buttons()

    def _update_count(self) -> None:
        shown = self.proxy.rowCount()
        if self._total == 0:  # an empty tab says what to do first (issue 19.11)
            self.count_label.setText(
                _(
                    "No teachers yet: add the first one with “Add…” (Ctrl+N). "
                    "Associations, lessons, mentoring and attestation all start from the teachers."
                )
            )
            return
        if shown == self._total:
            text = ngettext("{n} teacher", "{n} teachers", shown).format(n=shown)
        else:
            text = ngettext("{shown} of {n} teacher", "{shown} of {n} teachers", self._total).format(
                shown=shown, n=self._total
            )
        self.count_label.setText(text)

    def _update_buttons(self) -> None:
        row = self.current_teacher()
        for button in (self.edit_button, self.archive_button, self.delete_button, self.portfolio_button):
            button.setEnabled(row is not None)
        if row is not None and row.archived:
            # TRANSLATORS: a button: bring an archived teacher back to the active list.
            self.archive_button.setText(_("Restore"))
            self.archive_button.setToolTip(_("Return the selected teacher to the active list."))
        else:
            self.archive_button.setText(_("Archive"))
            self.archive_button.setToolTip(
                _("Move the selected teacher to the archive: kept in records, not offered in new ones.")
            )

    # --- writing ----------------------------------------------------------------

    def _after_write(self, select_id: int | None) -> None:
        """Tell the other tabs, then reload this one once, selecting ``select_id``."""
        self._announcing = True
        try:
            self.ctx.changed.emit("teachers")
        finally:
            self._announcing = False
        self._stale = False
        self.reload(select_id)

    def _on_changed(self, area: str) -> None:
        if not self._announcing:
            super()._on_changed(area)

    def open_dialog(self, teacher_id: int | None = None) -> int | None:
        """Show the teacher dialog; the saved teacher's id, or None when cancelled."""
        # imported when first needed: the dialog and its services are not part of the start (issue 21)
        from metodesk.ui.dialogs.teacher import TeacherDialog

        try:
            dialog = TeacherDialog(self.ctx, teacher_id, self)
        except DomainError as err:
            common.show_error(self, err.message)
            self.reload()
            return None
        if not dialog.exec() or dialog.saved_id is None:
            if dialog.open_existing_id is not None:  # the teacher was there already: show that card
                self.reload(dialog.open_existing_id)
                return self.open_dialog(dialog.open_existing_id)
            return None
        self._after_write(dialog.saved_id)
        return dialog.saved_id

    def new_record(self) -> None:
        if self.open_dialog() is not None:
            self.ctx.status.emit(_("The teacher was added."))

    def edit_selected(self) -> None:
        row = self.current_teacher()
        if row is not None and self.open_dialog(row.id) is not None:
            self.ctx.status.emit(_("The teacher was saved."))

    def open_portfolio(self) -> None:
        row = self.current_teacher()
        if row is not None:
            from metodesk.ui.dialogs.portfolio import open_portfolio

            open_portfolio(self.ctx, row.id, self)

    def toggle_archived(self) -> None:
        row = self.current_teacher()
        if row is None:
            return
        try:
            with self.ctx.transaction() as session:
                teachers.set_archived(session, row.id, not row.archived)
        except DomainError as err:
            common.show_error(self, err.message)
            self.reload()
            return
        if row.archived:
            message = _("{name} was restored to the active list.").format(name=row.full_name)
        else:
            message = _("{name} was moved to the archive.").format(name=row.full_name)
        self._after_write(row.id)
        self.ctx.status.emit(message)

    def delete_selected(self) -> None:
        row = self.current_teacher()
        if row is None:
            return
        question = _(
            "Delete {name}? If the teacher already appears in records, "
            "the teacher is archived instead of deleted."
        ).format(name=row.full_name)
        from metodesk.services.teacher_roles import roles_of

        with self.ctx.reading() as session:
            roles = roles_of(session, row.id, self.ctx.lang)
        if roles:
            question += "\n\n" + _("{name} is {roles}.").format(name=row.full_name, roles="; ".join(roles))
        if not common.confirm(self, question):
            return
        try:
            with self.ctx.transaction() as session:
                deleted = teachers.remove_teacher(session, row.id)
        except DomainError as err:
            common.show_error(self, err.message)
            self.reload()
            return
        if deleted:
            message = _("{name} was deleted.").format(name=row.full_name)
        else:
            message = _("{name} appears in records, so the teacher was archived instead of deleted.").format(
                name=row.full_name
            )
        self._after_write(None if deleted else row.id)
        self.ctx.status.emit(message)

    # --- shortcuts and state ------------------------------------------------------

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def save_state(self) -> None:
        save_table_state(self.table, self.ctx)
