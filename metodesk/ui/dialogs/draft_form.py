"""Pieces shared by the meeting editor's small dialogs: a form dialog that edits
the editor's working copy (nothing is written until the meeting is saved), and a
person field that takes a member, a guest, or a name typed in."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QCompleter, QDialog, QPlainTextEdit, QWidget

from metodesk.domain.errors import DomainError
from metodesk.i18n import _
from metodesk.services.meeting_draft import DraftPerson
from metodesk.ui import common
from metodesk.ui.context import AppContext
from metodesk.ui.dialogs.base import FormDialog


class DraftFormDialog(FormDialog):
    """Like FormDialog, but OK only checks the input (``collect``) and keeps it in
    the dialog; the meeting editor writes everything in its own transaction."""

    def __init__(self, ctx: AppContext, title: str, parent: QWidget | None = None) -> None:
        super().__init__(ctx, title, parent)
        ok = self.buttons.button(self.buttons.StandardButton.Save)
        ok.setText(_("OK"))

    def collect(self) -> None:
        """Read and check the fields; raise DomainError for a field to fix."""

    def accept(self) -> None:
        self.clear_errors()
        try:
            self.collect()
        except DomainError as err:
            self.show_domain_error(err)
            return
        self.ctx.settings.setValue(f"dialogs/{type(self).__name__}", self.saveGeometry())
        QDialog.accept(self)


class PersonCombo(QComboBox):
    """An editable list of people: choose a member (or a guest), or type any name.

    A typed text that matches a listed name exactly means that person."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(24)
        completer = self.completer()
        if completer is not None:
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)

    def set_choices(self, choices: list[tuple[str, DraftPerson]]) -> None:
        """``choices``: (shown name, the person) pairs; an empty first line means nobody."""
        self.clear()
        self.addItem("", None)
        for text, person in choices:
            self.addItem(text, person)

    def set_person(self, person: DraftPerson | None, fallback: str = "") -> None:
        if person is None or person.empty:
            self.setCurrentIndex(0)
            self.setEditText("")
            return
        for index in range(1, self.count()):
            data = self.itemData(index)
            if isinstance(data, DraftPerson) and (
                (person.teacher_id is not None and data.teacher_id == person.teacher_id)
                or (person.guest_key is not None and data.guest_key == person.guest_key)
            ):
                self.setCurrentIndex(index)
                return
        if person.teacher_id is not None and person.text:
            # no longer on the lists (left the association): keep the link, show the name
            self.addItem(person.text, DraftPerson(teacher_id=person.teacher_id))
            self.setCurrentIndex(self.count() - 1)
            return
        self.setCurrentIndex(-1)
        self.setEditText(person.text or fallback)

    def person(self) -> DraftPerson:
        text = self.currentText().strip()
        if not text:
            return DraftPerson()
        index = self.findText(text, Qt.MatchFlag.MatchFixedString)
        data = self.itemData(index) if index > 0 else None
        if isinstance(data, DraftPerson):
            return DraftPerson(data.teacher_id, data.guest_key, "")
        return DraftPerson(text=text)


def text_box(name: str, lines: int, placeholder: str = "", fixed: bool = False) -> QPlainTextEdit:
    """A multi-line text field about ``lines`` lines high (it scrolls beyond);
    ``fixed`` keeps it that high (inside a page that scrolls itself)."""
    box = QPlainTextEdit()
    box.setObjectName(name)
    box.setTabChangesFocus(True)
    box.setPlaceholderText(placeholder)
    line = box.fontMetrics().lineSpacing()
    box.setMinimumHeight(line * lines + 14)
    if fixed:
        box.setFixedHeight(line * lines + 14)
    return box


def label_of(enum_type: type, code: str) -> str:
    """The human name of a stored code; the code itself if it is unknown."""
    try:
        return enum_type(code).label
    except ValueError:
        return code


def run_action(parent: QWidget, ctx: AppContext, action: Callable[[Any], Any]) -> bool:
    """One user action in one transaction; a refusal is shown and nothing is kept."""
    try:
        with ctx.transaction() as session:
            action(session)
    except DomainError as err:
        common.show_error(parent, err.message)
        return False
    return True
