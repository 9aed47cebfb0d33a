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
from tests.unit.test_meeting_editor_services import school  # noqa: F401 (a fixture)
from tests.unit.test_stale_edits import OTHER, other_methodist


def _save(qtbot, dialog) -> None:
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)


def test_the_teacher_dialog_refuses_a_save_over_a_newer_change(qtbot, db, ours) -> None:
    with db.transaction() as s:
        teacher_id = teachers.save_teacher(
            s, TeacherInput(surname="Сапарова", first_name="Айгерім", organisation_id=ours)
        )
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


def test_reload_shows_the_other_change_and_the_next_save_passes(qtbot, db, ours) -> None:
    with db.transaction() as s:
        teacher_id = teachers.save_teacher(
            s, TeacherInput(surname="Сапарова", first_name="Айгерім", organisation_id=ours)
        )
    dialog = TeacherDialog(AppContext(db), teacher_id)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.first_name.setText("Айгүл")
    with other_methodist(db).begin() as theirs:
        theirs.get(Teacher, teacher_id).surname = "Ахметова"
    _save(qtbot, dialog)
    assert dialog.reload_button.isVisibleTo(dialog)
    qtbot.mouseClick(dialog.reload_button, Qt.MouseButton.LeftButton)
    assert (dialog.surname.text(), dialog.first_name.text()) == ("Ахметова", "Айгерім")
    assert not dialog.general_error.isVisibleTo(dialog) and not dialog.reload_button.isVisibleTo(dialog)
    assert not dialog.has_changes()
    dialog.first_name.setText("Айгүл")
    _save(qtbot, dialog)
    assert dialog.result() == 1
    with db.reading() as s:
        saved = teachers.get_teacher(s, teacher_id)
    assert (saved.surname, saved.first_name, saved.version) == ("Ахметова", "Айгүл", 3)


def test_no_reload_is_offered_for_other_refusals(qtbot, db, ours) -> None:
    dialog = TeacherDialog(AppContext(db))
    qtbot.addWidget(dialog)
    dialog.show()
    _save(qtbot, dialog)  # no surname: a field's sentence, not someone else's change
    assert dialog.result() == 0 and not dialog.reload_button.isVisibleTo(dialog)


def test_the_meeting_editor_refuses_a_save_over_a_newer_change(qtbot, db, school) -> None:
    from metodesk.services import meetings
    from metodesk.storage.models import Meeting
    from metodesk.ui.dialogs.meeting import MeetingDialog
    from tests.unit.test_meeting_editor_services import TODAY
    from tests.unit.test_stale_edits import _meeting

    meeting_id, _key = _meeting(db)
    dialog = MeetingDialog(AppContext(db), school.assoc, meeting_id, today=TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.place.setText("Кітапхана")
    with other_methodist(db).begin() as theirs:
        theirs.get(Meeting, meeting_id).place = "Мұғалімдер бөлмесі"
    _save(qtbot, dialog)
    assert dialog.isVisible() and dialog.result() == 0
    assert dialog.general_error.isVisibleTo(dialog)
    assert dialog.general_error.text().startswith(f"{OTHER} changed this record at ")
    assert dialog.place.text() == "Кітапхана"
    with db.reading() as s:
        assert meetings.get_meeting(s, meeting_id).place == "Мұғалімдер бөлмесі"
    dialog.keeper.stop()


def test_the_association_dialog_refuses_then_reloads(qtbot, db, ours) -> None:
    from metodesk.services import associations
    from metodesk.storage.models import Association
    from metodesk.ui.dialogs.association import AssociationDialog
    from tests.unit.test_associations_service import _data

    with db.transaction() as s:
        assoc_id = associations.save_association(s, _data(s, ours))
    dialog = AssociationDialog(AppContext(db), assoc_id)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.name_kk.setText("Математика әдістемелік бірлестігі")
    with other_methodist(db).begin() as theirs:
        theirs.get(Association, assoc_id).name_ru = "Методическое объединение учителей математики"
    _save(qtbot, dialog)
    assert dialog.isVisible() and dialog.general_error.text().startswith(f"{OTHER} changed this record at ")
    assert dialog.name_kk.text() == "Математика әдістемелік бірлестігі"
    qtbot.mouseClick(dialog.reload_button, Qt.MouseButton.LeftButton)
    assert (dialog.name_kk.text(), dialog.name_ru.text()) == (
        "Математика ӘБ",
        "Методическое объединение учителей математики",
    )
    dialog.name_kk.setText("Математика әдістемелік бірлестігі")
    _save(qtbot, dialog)
    assert dialog.result() == 1
    with db.reading() as s:
        saved = associations.get_detail(s, assoc_id).row
    assert (saved.name_kk, saved.name_ru, saved.version) == (
        "Математика әдістемелік бірлестігі",
        "Методическое объединение учителей математики",
        3,
    )
