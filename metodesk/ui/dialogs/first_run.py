"""First start: the language, and our organisation's name, or the demo school."""

from __future__ import annotations

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
from metodesk.i18n import _
from metodesk.storage.database import Database

LANGUAGE_NAMES = (("kk", "Қазақша"), ("ru", "Русский"), ("en", "English"))


class FirstRunDialog(QDialog):
    """Asks what metodesk cannot guess, in one screen; writes in one transaction."""

    def __init__(self, db: Database, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.chosen_language = lang
        self.setObjectName("FirstRunDialog")
        self.setWindowTitle(_("Welcome to metodesk"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            _(
                "Choose the language and enter your organisation's name. "
                "Everything else can be filled in later in Settings."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.language_combo = QComboBox()
        self.language_combo.setObjectName("language_combo")
        for code, name in LANGUAGE_NAMES:
            self.language_combo.addItem(name, code)
        self.language_combo.setCurrentIndex([c for c, _n in LANGUAGE_NAMES].index(lang))
        form.addRow(_("Language"), self.language_combo)
        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("kind_combo")
        for code, label in OrgKind.choices():
            self.kind_combo.addItem(label, code)
        self.kind_combo.setCurrentIndex(1)
        form.addRow(_("Kind of organisation"), self.kind_combo)
        self.name_kk = QLineEdit()
        self.name_kk.setObjectName("name_kk")
        form.addRow(_("Name in Kazakh"), self.name_kk)
        self.name_ru = QLineEdit()
        self.name_ru.setObjectName("name_ru")
        form.addRow(_("Name in Russian"), self.name_ru)
        layout.addLayout(form)
        self.error_label = QLabel()
        self.error_label.setObjectName("general_error")
        self.error_label.setStyleSheet("color: #b00020;")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        layout.addWidget(self.error_label)
        buttons = QDialogButtonBox()
        buttons.setObjectName("dialog_buttons")
        self.start_button = QPushButton(_("Start"))
        self.start_button.setObjectName("start_button")
        self.start_button.setDefault(True)
        self.demo_button = QPushButton(_("Fill the demo school instead"))
        self.demo_button.setObjectName("demo_button")
        self.demo_button.setToolTip(
            _("A small rural school with teachers and associations, to try metodesk.")
        )
        buttons.addButton(self.start_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.demo_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.rejected.connect(self.reject)
        self.start_button.clicked.connect(self.create_organisation)
        self.demo_button.clicked.connect(self.fill_demo)
        layout.addWidget(buttons)
        self.resize(520, self.sizeHint().height())

    def _language(self) -> str:
        return str(self.language_combo.currentData())

    def create_organisation(self) -> None:
        from metodesk.services import organisations

        data = organisations.OrganisationInput(
            kind=str(self.kind_combo.currentData()), name_kk=self.name_kk.text(), name_ru=self.name_ru.text()
        )
        try:
            with self.db.transaction() as session:
                org_id = organisations.save_organisation(session, data)
                organisations.make_ours(session, org_id)
        except DomainError as err:
            self.error_label.setText(err.message)
            self.error_label.show()
            return
        self.chosen_language = self._language()
        self.accept()

    def fill_demo(self) -> None:
        from metodesk.services import demo

        with self.db.transaction() as session:
            demo.fill_demo(session)
        self.chosen_language = self._language()
        self.accept()
