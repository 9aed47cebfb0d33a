"""Issue 19, items 1, 3 and 6 in the window: the new year proposed once, a
question before typed text is thrown away, the meeting editor's draft kept,
and the focus starting on the first field and walking the form before Save."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QLabel, QPushButton

from metodesk.services import associations, plans, subjects, teachers, years
from metodesk.ui.context import AppContext
from metodesk.ui.dialogs import base
from metodesk.ui.dialogs.association import AssociationDialog
from metodesk.ui.dialogs.base import ask_discard as ASK_DISCARD  # the real one, before the fixture answers it
from metodesk.ui.dialogs.base import ask_duplicate as ASK_DUPLICATE
from metodesk.ui.dialogs.lesson import LessonDialog
from metodesk.ui.dialogs.meeting import MeetingDialog
from metodesk.ui.dialogs.mentoring_activity import MentoringActivityDialog
from metodesk.ui.dialogs.mentoring_pair import MentoringPairDialog
from metodesk.ui.dialogs.new_year import NewYearDialog, offer_new_year
from metodesk.ui.dialogs.plan_activity import ActivityDialog


@pytest.fixture
def ctx(db):
    return AppContext(db)


@pytest.fixture
def assoc(db, ours) -> int:
    with db.transaction() as s:
        year = years.current_year(s).id
        subject = subjects.list_subjects(s)[0]
        assoc_id = associations.save_association(
            s,
            associations.AssociationInput(
                kind="subject", level="school", name_kk="«Математика» ӘБ", name_ru="МО «Математика»",
                subject_id=subject.id, year_id=year, organisation_id=ours,
            ),
        )
        for surname in ("Нұрғалиева", "Ибраев"):
            teacher = teachers.save_teacher(
                s, teachers.TeacherInput(surname=surname, first_name="Әсел", organisation_id=ours)
            )
            associations.add_member(s, assoc_id, teacher)
    return assoc_id


def _click_later(name: str) -> None:
    """Click the button ``name`` of the modal box about to open."""

    def click() -> None:
        box = QApplication.activeModalWidget()
        assert box is not None
        box.findChild(QPushButton, name).click()

    QTimer.singleShot(50, click)


# ---- item 1: the new year ----------------------------------------------------------------------


def test_the_new_year_is_proposed_and_started(qtbot, monkeypatch, ctx, assoc) -> None:
    with ctx.transaction() as s:
        plans.create_plan(s, assoc, "test")
    shown: list[NewYearDialog] = []

    def accept(dialog: NewYearDialog) -> int:
        shown.append(dialog)
        assert dialog.copy_plans.isChecked()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(NewYearDialog, "exec", accept)
    assert offer_new_year(ctx, today=dt.date(2026, 12, 7))
    assert shown and "2025-2026" in shown[0].copy_plans.text()
    with ctx.reading() as s:
        assert years.current_year(s).name == "2026-2027"
        assert len(plans.list_plans(s, years.current_year(s).id)) == 1
    assert not offer_new_year(ctx, today=dt.date(2026, 12, 8))  # once
    assert len(shown) == 1


def test_not_now_is_remembered(qtbot, monkeypatch, ctx) -> None:
    calls: list[int] = []
    monkeypatch.setattr(NewYearDialog, "exec", lambda d: calls.append(1) or QDialog.DialogCode.Rejected)
    assert not offer_new_year(ctx, today=dt.date(2026, 9, 1))
    assert not offer_new_year(ctx, today=dt.date(2026, 9, 2))
    assert calls == [1]
    with ctx.reading() as s:
        assert years.current_year(s).name == "2025-2026"


def test_the_proposal_reads_in_kazakh_and_russian(qtbot) -> None:
    from metodesk.i18n import set_language

    for lang, word in (("kk", "оқу жылы"), ("ru", "учебный год")):
        set_language(lang)
        dialog = NewYearDialog("2026-2027", "2025-2026", 3)
        qtbot.addWidget(dialog)
        assert word in dialog.findChild(QLabel, "new_year_text").text()


# ---- item 3: the discard question and the meeting's draft ------------------------------------------


def test_escape_with_typed_text_asks_first(qtbot, monkeypatch, ctx) -> None:
    monkeypatch.setattr(base, "ask_discard", ASK_DISCARD)
    dialog = AssociationDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.name_kk.setText("Жаңа бірлестік")
    _click_later("stay_button")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible() and dialog.name_kk.text() == "Жаңа бірлестік"
    _click_later("discard_button")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
    assert not dialog.isVisible() and dialog.result() == QDialog.DialogCode.Rejected


def test_an_untouched_dialog_closes_without_a_question(qtbot, monkeypatch, ctx) -> None:
    monkeypatch.setattr(base, "ask_discard", lambda *a, **k: pytest.fail("asked for nothing"))
    dialog = AssociationDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_the_meeting_agenda_is_kept_as_a_draft_until_saved_or_discarded(
    qtbot, monkeypatch, ctx, assoc
) -> None:
    monkeypatch.setattr(base, "ask_discard", lambda parent, keep_draft=False: "keep")
    dialog = MeetingDialog(ctx, assoc)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.place.setText("Әдістемелік кабинет")
    dialog.agenda.add_item()
    dialog.agenda.title_edit.setPlainText("Жылдық жоспарды бекіту туралы")
    dialog.reject()  # Esc: "Keep as draft"
    assert not dialog.isVisible()
    again = MeetingDialog(ctx, assoc)  # the draft comes back, as after a crash
    qtbot.addWidget(again)
    again.show()
    assert not again.restored_note.isHidden()
    assert again.place.text() == "Әдістемелік кабинет"
    assert [i.title for i in again.draft.items][-1] == "Жылдық жоспарды бекіту туралы"
    monkeypatch.setattr(base, "ask_discard", lambda parent, keep_draft=False: "discard")
    again.reject()
    third = MeetingDialog(ctx, assoc)
    qtbot.addWidget(third)
    assert third.restored_note.isHidden() and third.place.text() == ""


def test_the_draft_is_written_while_typing(qtbot, ctx, assoc) -> None:
    from metodesk.services import meeting_keep

    dialog = MeetingDialog(ctx, assoc)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.place.setText("204 кабинет")
    dialog.keep_draft()  # what the timer does every few seconds
    with ctx.reading() as s:
        assert "204 кабинет" in meeting_keep.load(s, dialog.keep_key)


# ---- item 6: focus on the first field, Tab through the form, then Save ----------------------------


def _walk(qtbot, dialog) -> list:
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    seen = [QApplication.focusWidget()]
    for _ in range(60):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget())
        if isinstance(seen[-1], QPushButton) and isinstance(seen[-1].parent(), QDialogButtonBox):
            break
    return seen


@pytest.mark.parametrize("which", ["association", "plan", "lesson", "pair", "meeting", "activity"])
def test_focus_starts_on_the_first_field_and_save_comes_after_the_fields(
    qtbot, ctx, assoc, which
) -> None:
    with ctx.transaction() as s:
        year = years.current_year(s).id
        plan_id = plans.create_plan(s, assoc, "test")
        members = associations.get_detail(s, assoc).members
    pair_id = None
    if which == "activity":
        from metodesk.services import mentoring

        with ctx.transaction() as s:
            pair_id = mentoring.save_pair(
                s,
                mentoring.PairInput(
                    year_id=year, mentor_id=members[0].teacher_id, mentee_id=members[1].teacher_id,
                    mentee_kind="trainee",
                ),
            )
    dialog = {
        "association": lambda: AssociationDialog(ctx),
        "plan": lambda: ActivityDialog(ctx, plan_id),
        "lesson": lambda: LessonDialog(ctx, year_id=year, association_id=assoc),
        "pair": lambda: MentoringPairDialog(ctx, year),
        "meeting": lambda: MeetingDialog(ctx, assoc),
        "activity": lambda: MentoringActivityDialog(ctx, pair_id),
    }[which]()
    qtbot.addWidget(dialog)
    seen = _walk(qtbot, dialog)
    first = seen[0]
    assert not isinstance(first, QPushButton), first
    assert first is dialog.first_field()
    assert isinstance(seen[-1], QPushButton) and isinstance(seen[-1].parent(), QDialogButtonBox)
    for field in dialog.form_order():
        assert field in seen, field.objectName()


# ---- item 5 and 11: the day's warning, dates typed as digits -------------------------------------


def test_the_lesson_dialog_warns_of_a_sunday_and_reads_digits(qtbot, ctx, assoc) -> None:
    with ctx.reading() as s:
        year = years.current_year(s).id
    dialog = LessonDialog(ctx, year_id=year, association_id=assoc)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.date.setText("15.02.2026")
    assert dialog.date_warning.isVisible() and dialog.date_warning.text() == "15.02.2026 is a Sunday."
    dialog.date.setText("16022026")
    assert dialog.date.date() == dt.date(2026, 2, 16)
    assert not dialog.date_warning.isVisible()
    dialog.date.editingFinished.emit()
    assert dialog.date.text() == "16.02.2026"


def test_the_meeting_dialog_warns_of_a_holiday(qtbot, ctx, assoc) -> None:
    dialog = MeetingDialog(ctx, assoc)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.date.setText("16.12.2025")
    assert dialog.date_warning.text() == "16.12.2025 is a public holiday (Independence Day)."


# ---- item 4: duplicates ---------------------------------------------------------------------------


def test_a_second_identical_teacher_is_warned_about_and_the_first_opened(qtbot, monkeypatch, ctx, ours) -> None:
    from metodesk.ui.dialogs.teacher import TeacherDialog

    with ctx.transaction() as s:
        first = teachers.save_teacher(
            s, teachers.TeacherInput(surname="Ким", first_name="Виктория", organisation_id=ours)
        )
    monkeypatch.setattr(base, "ask_duplicate", ASK_DUPLICATE)
    dialog = TeacherDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.surname.setText("Ким")
    dialog.first_name.setText("Виктория")
    dialog.organisation.setCurrentIndex(dialog.organisation.findData(ours))
    _click_later("open_existing_button")
    dialog.accept()
    assert dialog.open_existing_id == first and not dialog.isVisible()
    with ctx.reading() as s:
        assert len(teachers.list_teachers(s)) == 1


# ---- item 7: deleting a leader ---------------------------------------------------------------------


def test_deleting_a_leader_names_her_roles(qtbot, monkeypatch, ctx, assoc) -> None:
    from metodesk.ui import common
    from metodesk.ui.tabs.teachers import TeachersTab

    with ctx.transaction() as s:
        member = associations.get_detail(s, assoc).members[0]
        associations.set_role(s, member.membership_id, "leader")
    asked: list[str] = []
    monkeypatch.setattr(common, "confirm", lambda parent, question: asked.append(question) or False)
    tab = TeachersTab(ctx)
    qtbot.addWidget(tab)
    tab.ensure_loaded()
    tab.reload(member.teacher_id)
    tab.delete_selected()
    assert asked and "is leader of ««Математика» ӘБ» (2025-2026)." in asked[0]


# ---- item 11: small things -------------------------------------------------------------------------


def test_under_three_years_the_young_specialist_mark_is_offered(qtbot, ctx, ours) -> None:
    from metodesk.ui.dialogs.teacher import TeacherDialog

    dialog = TeacherDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    since = dt.date.today() - dt.timedelta(days=400)
    dialog.teaching_since.setText(since.strftime("%d%m%Y"))  # digits accepted too
    assert dialog.young_offer.isVisible()
    dialog.young_offer.linkActivated.emit("mark")
    assert dialog.young_specialist.isChecked() and not dialog.young_offer.isVisible()
    dialog.young_specialist.setChecked(False)
    dialog.teaching_since.setText("01.09.2010")
    assert not dialog.young_offer.isVisible()


def test_the_signatories_are_remembered_per_organisation(qtbot, ctx, assoc) -> None:
    from metodesk.ui.dialogs.plan_workflow import ApproveDialog

    with ctx.transaction() as s:
        first = plans.create_plan(s, assoc, "test")
    dialog = ApproveDialog(ctx, first)
    qtbot.addWidget(dialog)
    dialog.name_edit.setText("Ахметова Гүлмира Сейітқызы")
    dialog.title_edit.setText("Директор м.а.")
    with ctx.transaction() as s:
        dialog.remember(s)
    again = ApproveDialog(ctx, first)
    qtbot.addWidget(again)
    assert (again.name_edit.text(), again.title_edit.text()) == ("Ахметова Гүлмира Сейітқызы", "Директор м.а.")


def test_the_observation_total_leaves_out_an_invalid_score(qtbot, ctx, assoc) -> None:
    from metodesk.services import lessons
    from metodesk.ui.dialogs.observation import ObservationDialog

    with ctx.transaction() as s:
        member = associations.get_detail(s, assoc).members[0]
        data = lessons.proposed_lesson(s, assoc, dt.date(2025, 10, 20))
        data.teacher_id, data.grade, data.class_letter, data.topic = member.teacher_id, 5, "А", "Тақырып"
        lesson_id = lessons.save_lesson(s, data, today=dt.date(2025, 10, 1))
    dialog = ObservationDialog(ctx, lesson_id, today=dt.date(2025, 10, 21))
    qtbot.addWidget(dialog)
    low, high = dialog.scale
    boxes = dialog.score_boxes
    boxes[0].setText(str(high))
    boxes[1].setText(str(high + 7))  # outside the scale
    assert dialog.total_label.text().startswith(f"Total: {high} of ")
    assert "(1 of" in dialog.total_label.text()


def test_an_empty_tab_says_what_to_do_first(qtbot, ctx, ours) -> None:
    from metodesk.ui.tabs.attestation import AttestationTab
    from metodesk.ui.tabs.lessons import LessonsTab
    from metodesk.ui.tabs.teachers import TeachersTab

    expected = {
        TeachersTab: "No teachers yet: add the first one",
        LessonsTab: "This year has no associations yet.",
        AttestationTab: "No teachers yet: add them in the Teachers tab first.",
    }
    for kind, text in expected.items():
        tab = kind(ctx)
        qtbot.addWidget(tab)
        tab.ensure_loaded()
        labels = [w.text() for w in tab.findChildren(QLabel, "count_label")]
        assert any(label.startswith(text) for label in labels), (kind.__name__, labels)
