"""Settings → Database: this computer's file, or a district's PostgreSQL server
(host, port, database, login). The choice goes to settings.ini and is used at
the next start; the password never does: the system keyring keeps it where
there is one, otherwise the window asks for it at each start."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from metodesk import config, paths
from metodesk.i18n import _
from metodesk.ui import common
from metodesk.ui.context import AppContext
from metodesk.ui.tabs.settings_pages import page_heading


def keyring_present() -> bool:
    """True where the system keyring can keep a password."""
    try:
        import keyring  # type: ignore[import-not-found,unused-ignore]  # noqa: F401
    except Exception:  # noqa: BLE001
        return False
    return True


def ask_password(parent: QWidget | None, choice: config.ServerChoice) -> str | None:
    """The password for ``choice``'s login, asked (never shown, never written);
    None when cancelled. Tests replace it."""
    text, ok = QInputDialog.getText(
        parent,
        _("metodesk"),
        _("Password of {user} for the database {database} on {host}:").format(
            user=choice.user, database=choice.database, host=choice.host
        ),
        QLineEdit.EchoMode.Password,
    )
    return text if ok else None


def server_url_at_start(parent: QWidget | None) -> str | None | bool:
    """At start: the URL of the server chosen in Settings → Database, with its
    password (the keyring's, or asked); None for this computer's file; False
    when the user cancelled the password question."""
    choice = config.saved_server()
    if choice is None:
        return None
    password = config.stored_password(choice)
    if password is None:
        password = ask_password(parent, choice)
        if password is None:
            return False
    return choice.url(password or None)


class DatabasePage(QWidget):
    """Which database the window opens: this computer's or a server."""

    def __init__(self, ctx: AppContext, written) -> None:
        super().__init__()
        self.ctx = ctx
        self.written = written
        self.setObjectName("DatabasePage")
        column = QVBoxLayout(self)
        for label in page_heading(
            _("Database"),
            _("A school keeps its data on this computer; a district cabinet keeps it on a shared server."),
        ):
            column.addWidget(label)
        self.in_use = QLabel()
        self.in_use.setObjectName("database_in_use")
        self.in_use.setWordWrap(True)
        column.addWidget(self.in_use)
        self.local_radio = QRadioButton(_("This computer (a file in the data folder)"))
        self.local_radio.setObjectName("database_local")
        self.server_radio = QRadioButton(_("A server (PostgreSQL)"))
        self.server_radio.setObjectName("database_server")
        group = QButtonGroup(self)
        group.addButton(self.local_radio)
        group.addButton(self.server_radio)
        column.addWidget(self.local_radio)
        column.addWidget(self.server_radio)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.host_edit = QLineEdit()
        self.host_edit.setObjectName("database_host")
        self.port_spin = QSpinBox()
        self.port_spin.setObjectName("database_port")
        self.port_spin.setRange(1, 65535)
        self.port_spin.setValue(5432)
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("database_name")
        self.user_edit = QLineEdit()
        self.user_edit.setObjectName("database_user")
        self.password_edit = QLineEdit()
        self.password_edit.setObjectName("database_password")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(_("Server"), self.host_edit)
        form.addRow(_("Port"), self.port_spin)
        form.addRow(_("Database"), self.name_edit)
        form.addRow(_("Login"), self.user_edit)
        if keyring_present():
            form.addRow(_("Password"), self.password_edit)
            note = _("The password is kept in the system keyring, never in a file.")
        else:
            self.password_edit.hide()
            note = _("There is no system keyring here: metodesk asks for the password at each start.")
        column.addLayout(form)
        self.note = QLabel(note)
        self.note.setWordWrap(True)
        column.addWidget(self.note)
        buttons = QHBoxLayout()
        self.save_button = QPushButton(_("Save"))
        self.save_button.setObjectName("database_save")
        self.save_button.clicked.connect(self.save)
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        column.addLayout(buttons)
        column.addStretch(1)
        self.server_radio.toggled.connect(self._enable)
        self.reload()

    def _enable(self, on_server: bool) -> None:
        for widget in (self.host_edit, self.port_spin, self.name_edit, self.user_edit, self.password_edit):
            widget.setEnabled(on_server)

    def reload(self) -> None:
        self.in_use.setText(_("In use now: {where}").format(where=self.ctx.db.location))
        choice = config.saved_server()
        self.server_radio.setChecked(choice is not None)
        self.local_radio.setChecked(choice is None)
        if choice is not None:
            self.host_edit.setText(choice.host)
            self.port_spin.setValue(choice.port)
            self.name_edit.setText(choice.database)
            self.user_edit.setText(choice.user)
        self._enable(choice is not None)

    def save(self) -> bool:
        """Remember the choice for the next start; False (after saying why) when a field is missing."""
        from metodesk.files import FileWriteError

        choice = None
        if self.server_radio.isChecked():
            for edit, label in (
                (self.host_edit, _("Server")),
                (self.name_edit, _("Database")),
                (self.user_edit, _("Login")),
            ):
                if not edit.text().strip():
                    common.show_error(self, _("Fill in “{field}” to use a server.").format(field=label))
                    edit.setFocus()
                    return False
            choice = config.ServerChoice(
                self.host_edit.text().strip(),
                self.port_spin.value(),
                self.name_edit.text().strip(),
                self.user_edit.text().strip(),
            )
        try:
            config.save_server(choice)
        except FileWriteError as exc:
            common.show_error(self, str(exc))
            return False
        kept = ""
        if choice is not None and self.password_edit.text():
            if config.remember_password(choice, self.password_edit.text()):
                kept = " " + _("The password is kept in the system keyring.")
            self.password_edit.clear()
        where = choice.url() if choice is not None else str(paths.database_path())
        self.written(_("metodesk opens {where} at the next start.").format(where=where) + kept, self)
        return True
