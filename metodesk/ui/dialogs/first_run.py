"""First start: the language, and our organisation's name, or the demo school.

The dialog speaks the language chosen in its own combo box at once (without
switching the program's language: startup does that after the dialog closes)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from metodesk.domain.enums import OrgKind
from metodesk.domain.errors import DomainError
from metodesk.i18n import _, translated_in
from metodesk.services.common import MAX_TITLE

if TYPE_CHECKING:
    from metodesk.ui.context import Database

LANGUAGE_NAMES = (("kk", "Қазақша"), ("ru", "Русский"), ("en", "English"))


def _error_label(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setStyleSheet("color: #b00020;")
    label.setWordWrap(True)
    label.hide()
    return label


def _with_error(widget: QWidget, error: QLabel) -> QWidget:
    holder = QWidget()
    column = QVBoxLayout(holder)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(2)
    column.addWidget(widget)
    column.addWidget(error)
    return holder


class FirstRunDialog(QDialog):
    """Asks what metodesk cannot guess, in one screen; writes in one transaction.
    ``chosen_language`` holds the language picked, for startup to apply and save."""

    def __init__(self, db: Database, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.chosen_language = lang
        self.setObjectName("FirstRunDialog")
        layout = QVBoxLayout(self)
        self.intro = QLabel()
        self.intro.setObjectName("intro")
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.language_combo = QComboBox()
        self.language_combo.setObjectName("language_combo")
        for code, name in LANGUAGE_NAMES:
            self.language_combo.addItem(name, code)
        codes = [c for c, _n in LANGUAGE_NAMES]
        self.language_combo.setCurrentIndex(codes.index(lang) if lang in codes else 0)
        self.language_label = QLabel()
        self.form.addRow(self.language_label, self.language_combo)
        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("kind_combo")
        for code, _label in OrgKind.choices():
            self.kind_combo.addItem("", code)
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(OrgKind.SCHOOL.value))
        self.kind_label = QLabel()
        self.form.addRow(self.kind_label, self.kind_combo)
        self.errors = {"name_kk": _error_label("name_kk_error"), "name_ru": _error_label("name_ru_error")}
        self.name_kk = QLineEdit()
        self.name_kk.setObjectName("name_kk")
        self.name_kk.setMaxLength(MAX_TITLE)
        self.name_kk_label = QLabel()
        self.form.addRow(self.name_kk_label, _with_error(self.name_kk, self.errors["name_kk"]))
        self.name_ru = QLineEdit()
        self.name_ru.setObjectName("name_ru")
        self.name_ru.setMaxLength(MAX_TITLE)
        self.name_ru_label = QLabel()
        self.form.addRow(self.name_ru_label, _with_error(self.name_ru, self.errors["name_ru"]))
        layout.addLayout(self.form)
        self.error_label = _error_label("general_error")
        layout.addWidget(self.error_label)
        layout.addStretch(1)
        buttons = QDialogButtonBox()
        buttons.setObjectName("dialog_buttons")
        self.start_button = QPushButton()
        self.start_button.setObjectName("start_button")
        self.start_button.setDefault(True)
        self.demo_button = QPushButton()
        self.demo_button.setObjectName("demo_button")
        # Our own Cancel, so that it follows the language combo like the rest.
        self.cancel_button = QPushButton()
        self.cancel_button.setObjectName("cancel_button")
        buttons.addButton(self.start_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.demo_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.start_button.clicked.connect(self.create_organisation)
        self.demo_button.clicked.connect(self.fill_demo)
        self.cancel_button.clicked.connect(self.reject)
        layout.addWidget(buttons)
        self.language_combo.currentIndexChanged.connect(self.retranslate)
        self.retranslate()
        self.resize(560, self.sizeHint().height())

    def _language(self) -> str:
        return str(self.language_combo.currentData())

    def retranslate(self) -> None:
        """Show every text in the language picked in the combo box."""
        with translated_in(self._language()):
            self.setWindowTitle(_("Welcome to metodesk"))
            self.intro.setText(
                _(
                    "Choose the language and enter your organisation's name. "
                    "Everything else can be filled in later in Settings."
                )
            )
            self.language_label.setText(_("Language"))
            self.kind_label.setText(_("Kind of organisation"))
            for index in range(self.kind_combo.count()):
                self.kind_combo.setItemText(index, OrgKind(self.kind_combo.itemData(index)).label)
            self.name_kk_label.setText(_("Name in Kazakh"))
            self.name_ru_label.setText(_("Name in Russian"))
            self.start_button.setText(_("Start"))
            self.demo_button.setText(_("Fill the demo school instead"))
            self.demo_button.setToolTip(
                _("A small rural school with teachers and associations, to try metodesk.")
            )
            self.cancel_button.setText(_("Cancel"))
        self._recheck()
        self.fit_height()

    def _recheck(self) -> None:
        """A refusal shown in the language left behind is said again in the one
        picked: the organisation is checked once more, and nothing is kept."""
        shown = not self.error_label.isHidden() or any(not e.isHidden() for e in self.errors.values())
        if not shown:
            return
        self._clear_errors()
        if getattr(self, "_last_action", "") != "create":
            return  # the demo's refusal is said again when it is tried again
        from metodesk.services import organisations

        try:
            with translated_in(self._language()), self.db.reading() as session:
                organisations.save_organisation(session, self._organisation_input())  # rolled back
        except DomainError as err:
            self._show_error(err)

    def _clear_errors(self) -> None:
        self.error_label.hide()
        for label in self.errors.values():
            label.hide()

    def _show_error(self, err: DomainError) -> None:
        target = self.errors.get(err.field or "", self.error_label)
        target.setText(err.message)
        target.show()
        self.fit_height()

    def fit_height(self) -> None:
        """Grow to fit a shown error or longer texts (wrapped labels do not grow a window by themselves)."""
        layout = self.layout()
        layout.activate()
        if layout.hasHeightForWidth():
            needed = layout.totalHeightForWidth(self.width())
        else:
            needed = layout.totalSizeHint().height()
        if needed > self.height():
            self.resize(self.width(), needed)

    def _organisation_input(self):  # type: ignore[no-untyped-def]
        from metodesk.services import organisations

        return organisations.OrganisationInput(
            kind=str(self.kind_combo.currentData()), name_kk=self.name_kk.text(), name_ru=self.name_ru.text()
        )

    def create_organisation(self) -> None:
        """Save the organisation and make it ours, in the language chosen."""
        from metodesk.services import organisations

        self._clear_errors()
        self._last_action = "create"
        data = self._organisation_input()
        try:
            with translated_in(self._language()), self.db.transaction() as session:
                org_id = organisations.save_organisation(session, data)
                organisations.make_ours(session, org_id)
        except DomainError as err:
            self._show_error(err)
            return
        self.chosen_language = self._language()
        self.accept()

    def fill_demo(self) -> None:
        """Fill the demo school (only into an empty database)."""
        from metodesk.services import demo

        self._clear_errors()
        self._last_action = "demo"
        try:
            with translated_in(self._language()), self.db.transaction() as session:
                demo.fill_demo(session)
        except DomainError as err:
            self._show_error(err)
            return
        self.chosen_language = self._language()
        self.accept()
