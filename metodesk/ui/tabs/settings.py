"""The Settings tab: our organisation, other organisations, academic years,
subjects, and the languages of the interface and of printed documents.

A list of sections on the left, one page on the right. Every edit is saved
the moment the user confirms it, so a restart for a new language loses nothing."""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from metodesk import config, paths
from metodesk.domain.errors import DomainError
from metodesk.i18n import _, language
from metodesk.services import organisations
from metodesk.services import settings as app_settings
from metodesk.services.organisations import OrganisationInput
from metodesk.ui import common
from metodesk.ui.context import AppContext
from metodesk.ui.dialogs.first_run import LANGUAGE_NAMES
from metodesk.ui.dialogs.organisation import OrganisationFields
from metodesk.ui.tabs.base import Tab
from metodesk.ui.tabs.settings_pages import (
    ListPage,
    OtherOrganisationsPage,
    SubjectsPage,
    Written,
    YearsPage,
    page_heading,
)

_RESTART_OPTIONS = ("--lang", "--data-dir")


def _is_restart_option(name: str) -> bool:
    """True for --lang and --data-dir, also as argparse's accepted abbreviations."""
    return len(name) > 2 and any(option.startswith(name) for option in _RESTART_OPTIONS)


def restart_arguments(lang: str, argv: Sequence[str] | None = None) -> tuple[str, list[str]]:
    """The program and arguments that start metodesk again as it was started
    (the ``metodesk`` script, ``python -m metodesk`` or a frozen build), on the
    same data folder, in ``lang``."""
    source = list(sys.argv if argv is None else argv)[1:]
    kept: list[str] = []
    skip_value = False
    for arg in source:
        if skip_value:
            skip_value = False
            continue
        name, has_value, _value = arg.partition("=")
        if name.startswith("--") and _is_restart_option(name):
            skip_value = not has_value
            continue
        kept.append(arg)
    kept += ["--data-dir", str(paths.data_dir()), "--lang", lang]
    if getattr(sys, "frozen", False):
        return sys.executable, kept
    return sys.executable, ["-m", "metodesk", *kept]


def restart_program(lang: str) -> bool:
    """Start a new metodesk process in ``lang``; True when it started.
    Tests replace this function so that no process is spawned."""
    from PySide6.QtCore import QProcess

    program, args = restart_arguments(lang)
    started, _pid = QProcess.startDetached(program, args)
    return bool(started)


class OurOrganisationPage(QWidget):
    """Our organisation's card, edited in place; its names and head appear on documents."""

    def __init__(self, ctx: AppContext, written: Written) -> None:
        super().__init__()
        self.ctx = ctx
        self.written = written
        self.org_id: int | None = None
        self._loaded = OrganisationInput()
        self.setObjectName("OurOrganisationPage")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setObjectName("our_organisation_scroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        outer.addWidget(scroll)
        body = QWidget()
        body.setObjectName("our_organisation_body")
        body.setMaximumWidth(820)
        scroll.setWidget(body)
        column = QVBoxLayout(body)
        for label in page_heading(
            _("Our organisation"),
            _("These details go into the headings and signature lines of printed documents."),
        ):
            column.addWidget(label)
        self._errors: dict[str, QLabel] = {}
        self.general_error = self._error_label("general_error")
        column.addWidget(self.general_error)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        column.addLayout(self.form)
        self.fields = OrganisationFields(self.add_field)
        self._loaded = self.fields.data()
        buttons = QHBoxLayout()
        self.save_button = QPushButton(_("Save"))
        self.save_button.setObjectName("save_organisation")
        self.save_button.clicked.connect(self.save)
        self.revert_button = QPushButton(_("Undo changes"))
        self.revert_button.setObjectName("revert_organisation")
        self.revert_button.clicked.connect(self.reload)
        buttons.addStretch(1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)
        column.addLayout(buttons)
        column.addStretch(1)

    def _error_label(self, name: str) -> QLabel:
        label = QLabel()
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setStyleSheet("color: #b00020;")
        label.hide()
        return label

    def add_field(self, label: str, widget: QWidget, field: str) -> QWidget:
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        self._errors[field] = self._error_label(f"{field}_error")
        column.addWidget(self._errors[field])
        self.form.addRow(label, holder)
        return widget

    def clear_errors(self) -> None:
        self.general_error.hide()
        for label in self._errors.values():
            label.hide()

    def reload(self) -> None:
        self.clear_errors()
        with self.ctx.reading() as session:
            row = organisations.ours(session)
        self.org_id = row.id if row is not None else None
        self.fields.set_row(row)
        self._loaded = self.fields.data()

    def has_changes(self) -> bool:
        """True when the card shows edits not saved yet."""
        return self.fields.data() != self._loaded

    def save(self) -> bool:
        """Save the card in one transaction; a refusal shows under its field."""
        self.clear_errors()
        data, org_id = self.fields.data(), self.org_id
        try:
            with self.ctx.transaction() as session:
                saved_id = organisations.save_organisation(session, data, org_id)
                if org_id is None:
                    organisations.make_ours(session, saved_id)
        except DomainError as err:
            target = self._errors.get(err.field or "", self.general_error)
            target.setText(err.message)
            target.show()
            return False
        self.written(_("Your organisation's details were saved."), self)
        return True


class LanguagePage(QWidget):
    """The interface language (settings.ini, applied at the next start) and the
    default language of printed documents (kept in the database)."""

    def __init__(self, ctx: AppContext, written: Written, before_restart: Callable[[], bool]) -> None:
        super().__init__()
        self.ctx = ctx
        self.written = written
        self.before_restart = before_restart
        self._loading = False
        self.setObjectName("LanguagePage")
        column = QVBoxLayout(self)
        for label in page_heading(_("Language"), _("metodesk speaks Kazakh, Russian and English.")):
            column.addWidget(label)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.language_combo = QComboBox()
        self.language_combo.setObjectName("language_combo")
        for code, name in LANGUAGE_NAMES:
            self.language_combo.addItem(name, code)
        self.language_combo.currentIndexChanged.connect(self._language_chosen)
        form.addRow(
            _("Interface language"),
            self._with_note(self.language_combo, _("The new language is used after metodesk restarts.")),
        )
        self.print_language_combo = QComboBox()
        self.print_language_combo.setObjectName("print_language_combo")
        self.print_language_combo.addItem(_("Kazakh"), "kk")
        self.print_language_combo.addItem(_("Russian"), "ru")
        self.print_language_combo.currentIndexChanged.connect(self._print_language_chosen)
        form.addRow(
            _("Language of printed documents"),
            self._with_note(
                self.print_language_combo,
                _("Protocols, plans and other documents are printed in this language."),
            ),
        )
        column.addLayout(form)
        column.addStretch(1)

    @staticmethod
    def _with_note(combo: QComboBox, note: str) -> QWidget:
        holder = QWidget()
        box = QVBoxLayout(holder)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        row = QHBoxLayout()
        row.addWidget(combo)
        row.addStretch(1)
        box.addLayout(row)
        label = QLabel(note)
        label.setObjectName(f"{combo.objectName()}_note")
        label.setWordWrap(True)
        label.setStyleSheet("color: #5f6368;")
        box.addWidget(label)
        return holder

    def reload(self) -> None:
        self._loading = True
        try:
            self.language_combo.setCurrentIndex(max(self.language_combo.findData(language()), 0))
            with self.ctx.reading() as session:
                printed = app_settings.print_language(session)
            self.print_language_combo.setCurrentIndex(max(self.print_language_combo.findData(printed), 0))
        finally:
            self._loading = False

    def _language_chosen(self) -> None:
        if self._loading:
            return
        code = str(self.language_combo.currentData())
        try:
            config.put("language", code)
        except OSError as exc:  # a FileWriteError: its sentence names the file and the reason
            common.show_error(self, str(exc))
            return
        if code == language():
            self.ctx.status.emit(_("metodesk will keep its current language."))
            return
        if not common.confirm(self, _("The new language is used after metodesk restarts. Restart now?")) or (
            not self.before_restart()
        ):
            self.ctx.status.emit(_("The new language will be used the next time metodesk starts."))
            return
        if restart_program(code):
            self.window().close()
        else:
            common.show_error(self, _("metodesk could not start again. Close it and start it yourself."))

    def _print_language_chosen(self) -> None:
        if self._loading:
            return
        code = str(self.print_language_combo.currentData())
        with self.ctx.transaction() as session:
            app_settings.put(session, app_settings.PRINT_LANGUAGE, code)
        message = (
            _("Documents will be printed in Russian.")
            if code == "ru"
            else _("Documents will be printed in Kazakh.")
        )
        self.written(message, self)


class SettingsTab(Tab):
    """Sections on the left, the chosen section's page on the right."""

    areas = ("settings",)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._writing = False
        self.our_page = OurOrganisationPage(ctx, self.written)
        self.others_page = OtherOrganisationsPage(ctx, self.written)
        self.years_page = YearsPage(ctx, self.written)
        self.subjects_page = SubjectsPage(ctx, self.written)
        self.language_page = LanguagePage(ctx, self.written, self.save_pending)
        from metodesk.ui.database_page import DatabasePage

        self.database_page = DatabasePage(ctx, self.written)
        self.pages: list[QWidget] = [
            self.our_page,
            self.others_page,
            self.years_page,
            self.subjects_page,
            self.language_page,
            self.database_page,
        ]
        titles = [
            _("Our organisation"),
            _("Other organisations"),
            _("Academic years"),
            _("Subjects"),
            _("Language"),
            _("Database"),
        ]
        self.section_list = QListWidget()
        self.section_list.setObjectName("section_list")
        self.section_list.addItems(titles)
        self.section_list.setStyleSheet("QListWidget#section_list::item { padding: 6px 8px; }")
        self.section_stack = QStackedWidget()
        self.section_stack.setObjectName("section_stack")
        for page in self.pages:
            self.section_stack.addWidget(page)
        self.section_list.currentRowChanged.connect(self.section_stack.setCurrentIndex)
        width = max(self.section_list.sizeHintForColumn(0), 120) + 4 * self.section_list.frameWidth() + 24
        self.section_list.setFixedWidth(width)
        layout = QHBoxLayout(self)
        layout.addWidget(self.section_list)
        layout.addWidget(self.section_stack, 1)
        section = ctx.settings.value("settings/section", 0)
        self.show_section(int(section) if str(section).isdigit() else 0)

    def title(self) -> str:
        return _("Settings")

    def show_section(self, index: int) -> None:
        self.section_list.setCurrentRow(min(max(index, 0), len(self.pages) - 1))

    def current_page(self) -> QWidget:
        return self.section_stack.currentWidget()

    def reload(self) -> None:
        for page in self.pages:
            page.reload()  # type: ignore[attr-defined]

    def save_pending(self) -> bool:
        """Before a restart: save our organisation's unsaved edits; False (and the
        refused field shown) when they cannot be saved."""
        if not self.our_page.has_changes() or self.our_page.save():
            return True
        self.show_section(0)
        return False

    def can_close(self) -> bool:
        return self.save_pending()

    def written(self, message: str, *pages: QWidget) -> None:
        """After a write: reload the pages it touched (all when none are named),
        say what happened, and tell the other tabs."""
        for page in pages or self.pages:
            page.reload()  # type: ignore[attr-defined]
        if message:
            self.ctx.status.emit(message)
        self._writing = True
        try:
            self.ctx.changed.emit("settings")
        finally:
            self._writing = False

    def _on_changed(self, area: str) -> None:
        if not self._writing:
            super()._on_changed(area)

    def new_record(self) -> None:
        page = self.current_page()
        if isinstance(page, ListPage):
            page.add()

    def focus_search(self) -> None:
        page = self.current_page()
        if isinstance(page, ListPage):
            page.focus_search()

    def delete_selected(self) -> None:
        page = self.current_page()
        if isinstance(page, ListPage):
            page.delete_selected()

    def save_state(self) -> None:
        self.ctx.settings.setValue("settings/section", self.section_list.currentRow())
        for page in self.pages:
            if isinstance(page, ListPage):
                page.save_state()
