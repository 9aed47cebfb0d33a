"""A dialog opened before another methodist saved the same record (issue 20):
its Save is refused with one sentence naming who and when, the dialog stays
open with what was typed, and the database keeps her change."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from metodesk.services import teachers
from metodesk.services.teachers import TeacherInput
from metodesk.storage.models import Teacher
from metodesk.ui.context import AppContext
from metodesk.ui.dialogs.teacher import TeacherDialog
from tests.unit.test_stale_edits import OTHER, other_methodist


def _save(qtbot, dialog) -> None:
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)


def test_the_teacher_dialog_refuses_a_save_over_a_newer_change(qtbot, db, ours) -> None:
    with db.transaction() as s:
        teacher_id = teachers.save_teacher(s, TeacherInput(surname="Сапарова", first_name="Айгерім", organisation_id=ours))
    dialog = TeacherDialog(AppContext(db), teacher_id)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.surname.setText("Омарова")
    with other_methodist(db).begin() as theirs:
        theirs.get(Teacher, teacher_id).surname = "Ахметова"
    _save(qtbot, dialog)
    assert dialog.isVisible() and dialog.result() == 0 and dialog.saved_id is None
    assert dialog.general_error.isVisibleTo(dialog)
    assert dialog.general_error.text().startswith(f"{OTHER} changed this record at ")
    assert "your change was not saved" in dialog.general_error.text()
    assert dialog.surname.text() == "Омарова"  # nothing typed is lost
    with db.reading() as s:
        kept = teachers.get_teacher(s, teacher_id)
    assert (kept.surname, kept.version) == ("Ахметова", 2)
