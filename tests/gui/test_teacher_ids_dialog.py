"""The teacher dialog's birth date and IIN (issue 19.4): both shown, the IIN
takes digits only (12 at most), a wrong one is refused next to its field with
nothing saved, a right one is saved and shown again."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from metodesk.services import teachers
from metodesk.services.teachers import TeacherInput
from metodesk.ui.context import AppContext
from metodesk.ui.dialogs.teacher import TeacherDialog
from tests.unit.test_teacher_ids import BORN, make_iin


@pytest.fixture
def dialog(qtbot, db, ours):
    widget = TeacherDialog(AppContext(db))
    qtbot.addWidget(widget)
    widget.surname.setText("Нұрғалиева")
    widget.first_name.setText("Әсел")
    return widget


def _save(qtbot, dialog: TeacherDialog) -> None:
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)


def _count(db) -> int:
    with db.reading() as s:
        return len(teachers.list_teachers(s, include_archived=True))


def test_the_iin_field_takes_twelve_digits_only(qtbot, dialog) -> None:
    assert dialog.birth_date.text() == "" and dialog.iin.text() == ""
    qtbot.keyClicks(dialog.iin, "85a03-14 50001234567")
    assert dialog.iin.text() == "850314500012"


def test_an_invalid_iin_is_refused_next_to_the_field(qtbot, dialog, db) -> None:
    good = make_iin(BORN)
    dialog.iin.setText(good[:11] + str((int(good[11]) + 1) % 10))
    _save(qtbot, dialog)
    error = dialog.findChild(type(dialog.general_error), "iin_error")
    assert error.isVisibleTo(dialog) and "IIN is not valid" in error.text()
    assert dialog.result() == 0 and _count(db) == 0


def test_iin_not_matching_the_birth_date_is_refused(qtbot, dialog, db) -> None:
    dialog.iin.setText(make_iin(BORN))
    qtbot.keyClicks(dialog.birth_date, "15.03.1985")
    _save(qtbot, dialog)
    error = dialog.findChild(type(dialog.general_error), "iin_error")
    assert error.isVisibleTo(dialog) and "birth date" in error.text()
    assert _count(db) == 0


def test_birth_date_and_iin_saved_and_shown_again(qtbot, db, ours, dialog) -> None:
    iin = make_iin(BORN)
    qtbot.keyClicks(dialog.birth_date, "14.03.1985")
    dialog.iin.setText(iin)
    _save(qtbot, dialog)
    assert dialog.saved_id is not None
    with db.reading() as s:
        row = teachers.get_teacher(s, dialog.saved_id)
    assert row.birth_date == BORN and row.iin == iin
    again = TeacherDialog(AppContext(db), dialog.saved_id)
    qtbot.addWidget(again)
    assert again.birth_date.text() == "14.03.1985" and again.iin.text() == iin


def test_a_teacher_without_them_still_saves(qtbot, db, ours) -> None:
    with db.transaction() as s:
        teacher_id = teachers.save_teacher(s, TeacherInput(surname="Ким", first_name="Виктория", organisation_id=ours))
    dialog = TeacherDialog(AppContext(db), teacher_id)
    qtbot.addWidget(dialog)
    _save(qtbot, dialog)
    with db.reading() as s:
        row = teachers.get_teacher(s, teacher_id)
    assert row.birth_date is None and row.iin == "" and dialog.result() == 1
