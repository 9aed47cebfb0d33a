"""The Meetings page and the meeting editor driven as a user would: a new
meeting with its proposals, attendance, a guest, an agenda item with heard,
spoke and a decision; refusals shown where they belong with nothing saved; the
review of earlier decisions; the protocol and the attendance sheet printed to
files through the preview; deleting with confirmation; the register of
reviewed documents; the wording library."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog, QPushButton

from metodesk.documents.base import Format
from metodesk.domain.academic_year import meeting_window
from metodesk.services import (
    agenda,
    associations,
    attendance,
    decisions,
    meetings,
    reviewed_documents,
    settings,
    subjects,
    teachers,
    years,
)
from metodesk.services.agenda import ItemInput, Speaker
from metodesk.services.decisions import DecisionInput
from metodesk.services.meetings import MeetingInput
from metodesk.services.reviewed_documents import DocumentInput
from metodesk.ui import common
from metodesk.ui.context import AppContext
from metodesk.ui.dialogs.decision import DecisionDialog, SpeechDialog
from metodesk.ui.dialogs.document_preview import DocumentPreviewDialog, export_document, open_document
from metodesk.ui.dialogs.meeting import MeetingDialog
from metodesk.ui.dialogs.reviewed_document import ItemDocumentDialog, RegisterDocumentDialog
from metodesk.ui.dialogs.wording import WordingDialog, WordingEntryDialog
from metodesk.ui.models import ROW_ROLE
from metodesk.ui.tabs.associations import AssociationsTab
from metodesk.ui.tabs.meetings_page import MeetingsPage, ReviewedDocumentsPage

AUG28, NOV5 = dt.date(2025, 8, 28), dt.date(2025, 11, 5)


@dataclass
class School:
    assoc: int
    leader: int
    secretary: int
    members: list[int]
    names: dict[int, str]


@pytest.fixture
def ctx(db):
    return AppContext(db)


@pytest.fixture
def school(db, ours) -> School:
    people = [
        ("Нұрғалиева", "Әсел", "Бауыржанқызы"),
        ("Ибраев", "Ілияс", "Қанатұлы"),
        ("Төлеуова", "Айгүл", "Маратқызы"),
        ("Әбдірахманова", "Ұлжан", "Серікқызы"),
    ]
    with db.transaction() as s:
        year = years.current_year(s).id
        ids = [
            teachers.save_teacher(
                s, teachers.TeacherInput(surname=a, first_name=b, patronymic=c, organisation_id=ours)
            )
            for a, b, c in people
        ]
        subject = subjects.list_subjects(s)[0]
        assoc = associations.save_association(
            s,
            associations.AssociationInput(
                kind="subject",
                level="school",
                name_kk=f"«{subject.name_kk}» пәні мұғалімдерінің әдістемелік бірлестігі",
                name_ru=f"МО учителей предмета «{subject.name_ru}»",
                subject_id=subject.id,
                year_id=year,
                organisation_id=ours,
            ),
        )
        for index, teacher_id in enumerate(ids):
            associations.add_member(s, assoc, teacher_id, ("leader", "secretary", "member", "member")[index])
    names = {tid: " ".join(p) for tid, p in zip(ids, people, strict=True)}
    return School(assoc, ids[0], ids[1], ids, names)


@pytest.fixture
def page(qtbot, ctx, school):
    widget = MeetingsPage(ctx)
    qtbot.addWidget(widget)
    widget.resize(700, 500)
    widget.show()
    widget.set_association(detail(ctx, school.assoc))
    return widget


# ---- helpers ------------------------------------------------------------------------------------


def detail(ctx: AppContext, association_id: int) -> associations.AssociationDetail:
    with ctx.reading() as s:
        return associations.get_detail(s, association_id)


def held_meeting(ctx: AppContext, school: School, number: int = 1, day: dt.date = AUG28) -> int:
    """A held meeting with one item and two open decisions, written through the services."""
    with ctx.transaction() as s:
        meeting_id = meetings.save_meeting(
            s,
            MeetingInput(
                association_id=school.assoc,
                number=number,
                date=day,
                place="Әдістемелік кабинет",
                chair_id=school.leader,
                secretary_id=school.secretary,
                status="held",
            ),
        )
        item = agenda.save_item(
            s,
            meeting_id,
            ItemInput("Жылдық жоспарды бекіту туралы", Speaker(teacher_id=school.leader), "Баяндады."),
        )
        decisions.save_decision(
            s, item, DecisionInput(text="Жоспар бекітілсін.", deadline=day + dt.timedelta(days=33))
        )
        decisions.save_decision(
            s, item, DecisionInput(text="Кесте жасалсын.", responsible_text="ӘБ мүшелері")
        )
    return meeting_id


def click(qtbot, widget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def save_button(dialog):
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Save)


def answer(monkeypatch, dialog_class: type, fill: Callable, press: bool = True) -> list:  # type: ignore[type-arg]
    """Replace the modal loop of ``dialog_class``: fill the dialog, then accept it."""
    opened: list = []  # type: ignore[type-arg]

    def fake_exec(dialog) -> int:
        opened.append(dialog)
        fill(dialog)
        if press:
            dialog.accept()
        return dialog.result()

    monkeypatch.setattr(dialog_class, "exec", fake_exec)
    return opened


def choose_text(combo, text: str) -> None:
    index = combo.findText(text)
    assert index >= 0, text
    combo.setCurrentIndex(index)


def select_meeting(page: MeetingsPage, number: int) -> None:
    for row in range(page.proxy.rowCount()):
        if page.proxy.index(row, 0).data(ROW_ROLE).meeting.number == number:
            page.table.selectRow(row)
            return
    raise AssertionError(f"no meeting No. {number}")


def meeting_rows(ctx: AppContext, school: School) -> list[meetings.MeetingRow]:
    with ctx.reading() as s:
        return meetings.list_meetings(s, school.assoc)


# ---- a new meeting, from proposal to reopening ----------------------------------------------------


def fill_new_meeting(qtbot, monkeypatch, school: School):
    """What the user does in a new meeting: returns the fill function for MeetingDialog."""
    leader, secretary, third, fourth = school.members
    answer(
        monkeypatch,
        SpeechDialog,
        lambda d: (
            choose_text(d.speaker, "Жақсылықова Г.С., завуч"),
            d.text.setPlainText("Жоспарды қолдады."),
        ),
    )

    def fill_decision(d: DecisionDialog) -> None:
        d.text.setPlainText("Жоспар қабылдансын және директорға бекітуге ұсынылсын.")
        d.responsible.setEditText("ӘБ жетекшісі")
        d.deadline.setText("01.09.2025")

    answer(monkeypatch, DecisionDialog, fill_decision)
    seen: dict[str, object] = {}

    def fill(dialog: MeetingDialog) -> None:
        today = dt.date.today()
        with dialog.ctx.reading() as s:
            year = years.current_year(s)
        start, end = meeting_window(year.start_date, year.end_date)
        seen.update(
            number=dialog.number.value(),
            date=dialog.date.date(),
            expected_date=min(max(today, start), end),
            chair=dialog.chair.currentData(),
            secretary=dialog.secretary.currentData(),
            agenda=dialog.agenda.items_list.count(),
        )
        dialog.date.setText("28.08.2025")
        dialog.place.setText("Әдістемелік кабинет")
        dialog.status.setCurrentIndex(dialog.status.findData("held"))
        # attendance: three present, one absent with the reason
        dialog.sections.setCurrentWidget(dialog.attendance)
        click(qtbot, dialog.findChild(QPushButton, "all_present_button"))
        dialog.attendance.set_mark(fourth, "absent", "ауруына байланысты")
        seen["counts"] = dialog.attendance.counts.text()
        click(qtbot, dialog.findChild(QPushButton, "add_guest_button"))
        dialog.attendance.set_guest(0, "Жақсылықова Г.С.", "завуч")
        # agenda: one item with heard, spoke and a decision
        dialog.sections.setCurrentWidget(dialog.agenda)
        click(qtbot, dialog.agenda.add_item_button)
        dialog.agenda.title_edit.setPlainText("Жылдық жұмыс жоспарын бекіту туралы")
        choose_text(dialog.agenda.speaker_combo, school.names[leader])
        dialog.agenda.summary_edit.setPlainText("Жоспардың жобасымен таныстырды.\nТалқылауға ұсынды.")
        click(qtbot, dialog.agenda.speeches.add_button)
        click(qtbot, dialog.agenda.decisions.add_button)
        seen["decision_text"] = dialog.agenda.decisions.list.item(0).text()
        seen["speech_text"] = dialog.agenda.speeches.list.item(0).text()
        click(qtbot, save_button(dialog))

    return fill, seen


def test_new_meeting_is_proposed_filled_saved_and_reopened(qtbot, monkeypatch, ctx, page, school) -> None:
    fill, seen = fill_new_meeting(qtbot, monkeypatch, school)
    opened = answer(monkeypatch, MeetingDialog, fill, press=False)
    click(qtbot, page.new_button)
    assert opened and opened[0].result() == QDialog.DialogCode.Accepted
    # the proposals: next number, today kept inside the year, leader and secretary
    assert seen["number"] == 1
    assert seen["date"] == seen["expected_date"]
    assert (seen["chair"], seen["secretary"]) == (school.leader, school.secretary)
    assert seen["agenda"] == 0  # nothing earlier to review
    assert seen["counts"] == "Present: 3. Absent: 1. Not marked: 0. Guests: 0."
    assert seen["decision_text"].startswith("1.1 Жоспар қабылдансын")
    assert seen["speech_text"] == "Жақсылықова Г.С., завуч: Жоспарды қолдады."

    rows = meeting_rows(ctx, school)
    assert [(r.number, r.date, r.status, r.present_count, r.absent_count) for r in rows] == [
        (1, AUG28, "held", 3, 1)
    ]
    meeting_id = rows[0].id
    with ctx.reading() as s:
        marks = {a.teacher_id: (a.presence, a.reason) for a in attendance.attendance(s, meeting_id)}
        assert marks[school.members[3]] == ("absent", "ауруына байланысты")
        guest_rows = attendance.guests(s, meeting_id)
        assert [(g.name, g.job_title) for g in guest_rows] == [("Жақсылықова Г.С.", "завуч")]
        (item,) = agenda.list_items(s, meeting_id)
        assert item.title == "Жылдық жұмыс жоспарын бекіту туралы"
        assert item.speaker.teacher_id == school.leader
        assert item.summary == "Жоспардың жобасымен таныстырды.\nТалқылауға ұсынды."
        assert [(sp.speaker.guest_id, sp.text) for sp in item.speeches] == [
            (guest_rows[0].id, "Жоспарды қолдады.")
        ]
        (decision,) = decisions.decisions_of_meeting(s, meeting_id)
        assert (decision.code, decision.responsible, decision.deadline) == (
            "1.1",
            "ӘБ жетекшісі",
            dt.date(2025, 9, 1),
        )
    # the page lists it, selected
    assert page.model.rowCount() == 1
    assert page.selected().meeting.number == 1
    assert "Жылдық жұмыс жоспарын бекіту туралы" in page.model.rows()[0].topics

    # reopened, the editor shows it all
    again = MeetingDialog(ctx, school.assoc, meeting_id)
    qtbot.addWidget(again)
    assert again.number.value() == 1
    assert again.date.text() == "28.08.2025"
    assert again.place.text() == "Әдістемелік кабинет"
    assert again.status.currentData() == "held"
    assert again.chair.currentData() == school.leader
    assert again.attendance.presence[school.members[3]].currentData() == "absent"
    assert again.attendance.reasons[school.members[3]].text() == "ауруына байланысты"
    assert again.attendance.presence[school.members[2]].currentData() == "present"
    assert again.attendance.guests_table.item(0, 0).text() == "Жақсылықова Г.С."
    assert again.agenda.items_list.item(0).text() == "1. Жылдық жұмыс жоспарын бекіту туралы"
    assert again.agenda.speaker_combo.currentText() == school.names[school.leader]
    assert again.agenda.speeches.list.item(0).text() == "Жақсылықова Г.С., завуч: Жоспарды қолдады."
    assert again.agenda.decisions.list.item(0).text().startswith("1.1 Жоспар қабылдансын")


# ---- refusals: shown where they belong, nothing saved, input kept ---------------------------------


def test_a_repeated_number_is_refused_next_to_the_field_and_nothing_is_saved(
    qtbot, ctx, page, school
) -> None:
    held_meeting(ctx, school, number=1)
    dialog = MeetingDialog(ctx, school.assoc, None)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.number.value() == 2  # proposed: the next one
    dialog.number.setValue(1)
    dialog.date.setText("05.11.2025")
    dialog.sections.setCurrentWidget(dialog.agenda)
    click(qtbot, dialog.agenda.add_item_button)
    dialog.agenda.title_edit.setPlainText("Олимпиада туралы")
    click(qtbot, save_button(dialog))
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.isVisible()
    error = dialog.findChild(type(dialog.heading), "number_error")
    assert error.isVisible()
    assert error.text() == "Protocol No. 1 already exists in this association this year."
    assert dialog.sections.currentIndex() == 0  # back on General, where the number is
    assert len(meeting_rows(ctx, school)) == 1
    with ctx.reading() as s:
        assert all(
            i.title != "Олимпиада туралы"
            for m in meeting_rows(ctx, school)
            for i in agenda.list_items(s, m.id)
        )
    # the input is intact: correct the number and save
    assert dialog.agenda.items_list.item(1).text() == "2. Олимпиада туралы"  # after the review item
    dialog.number.setValue(2)
    click(qtbot, save_button(dialog))
    assert dialog.result() == QDialog.DialogCode.Accepted
    rows = meeting_rows(ctx, school)
    assert [r.number for r in rows] == [1, 2]
    with ctx.reading() as s:
        assert [i.title for i in agenda.list_items(s, rows[1].id)] == ["", "Олимпиада туралы"]


def test_a_date_outside_the_academic_year_is_refused(qtbot, ctx, page, school) -> None:
    dialog = MeetingDialog(ctx, school.assoc, None)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.date.setText("10.01.2027")
    dialog.sections.setCurrentWidget(dialog.attendance)
    click(qtbot, save_button(dialog))
    error = dialog.findChild(type(dialog.heading), "date_error")
    assert error.isVisible()
    assert error.text().startswith(
        "A meeting of the year 2025-2026 takes place between 01.08.2025 and 25.05.2026"
    )
    assert dialog.sections.currentIndex() == 0
    assert meeting_rows(ctx, school) == []
    dialog.date.setText("31.02.2026")
    click(qtbot, save_button(dialog))
    assert error.text() == "Write the date as day.month.year, for example 28.08.2025."
    assert meeting_rows(ctx, school) == []


def test_a_refused_decision_is_shown_by_its_item_and_nothing_is_saved(
    qtbot, monkeypatch, ctx, page, school
) -> None:
    def fill_decision(d: DecisionDialog) -> None:
        d.text.setPlainText("Кеш орындалсын.")
        d.deadline.setText("01.08.2025")  # before the meeting

    answer(monkeypatch, DecisionDialog, fill_decision)
    dialog = MeetingDialog(ctx, school.assoc, None)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.date.setText("28.08.2025")
    click(qtbot, dialog.agenda.add_item_button)
    dialog.agenda.title_edit.setPlainText("Бірінші мәселе")
    click(qtbot, dialog.agenda.add_item_button)
    dialog.agenda.title_edit.setPlainText("Екінші мәселе")
    click(qtbot, dialog.agenda.decisions.add_button)
    dialog.agenda.items_list.setCurrentRow(0)
    dialog.sections.setCurrentIndex(0)
    click(qtbot, save_button(dialog))
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.sections.currentWidget() is dialog.agenda
    assert dialog.agenda.current_index() == 1
    assert dialog.agenda.decisions.error.isVisible()
    assert dialog.agenda.decisions.error.text() == "The deadline cannot be before the meeting."
    assert meeting_rows(ctx, school) == []


def test_an_item_without_its_question_is_refused_by_the_field(qtbot, ctx, page, school) -> None:
    dialog = MeetingDialog(ctx, school.assoc, None)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.date.setText("28.08.2025")
    click(qtbot, dialog.agenda.add_item_button)
    click(qtbot, save_button(dialog))
    assert dialog.agenda.title_error.isVisible()
    assert dialog.agenda.title_error.text() == "Enter the question of the agenda item."
    assert meeting_rows(ctx, school) == []


# ---- the review of earlier decisions ------------------------------------------------------------


def test_a_new_meeting_offers_the_review_and_ticking_closes_the_decision(qtbot, ctx, page, school) -> None:
    first = held_meeting(ctx, school)
    dialog = MeetingDialog(ctx, school.assoc, None)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.agenda.items_list.count() == 1
    assert dialog.agenda.items_list.item(0).text() == "1. Review of earlier decisions"
    assert dialog.agenda.current().is_review
    table = dialog.agenda.review_table
    assert table.rowCount() == 2
    assert table.item(0, 1).text() == "No. 1 of 28.08.2025, 1.1: Жоспар бекітілсін."
    assert table.item(1, 2).text() == "ӘБ мүшелері"
    table.set_done(0, True)
    dialog.date.setText("05.11.2025")
    dialog.status.setCurrentIndex(dialog.status.findData("held"))
    click(qtbot, save_button(dialog))
    assert dialog.result() == QDialog.DialogCode.Accepted
    second = next(r.id for r in meeting_rows(ctx, school) if r.number == 2)
    with ctx.reading() as s:
        found = {d.text: d for d in decisions.decisions_of_meeting(s, first)}
        items = agenda.list_items(s, second)
        reviewed = decisions.decisions_under_review(s, second)
    done, still_open = found["Жоспар бекітілсін."], found["Кесте жасалсын."]
    assert (done.status, done.done_date, done.closed_meeting_id) == ("done", NOV5, second)
    assert still_open.status == "open"
    assert [i.kind for i in items] == ["review"]
    assert items[0].speaker.teacher_id == school.leader  # the chair reports
    assert [(r.decision.text, r.done_at_review) for r in reviewed] == [
        ("Жоспар бекітілсін.", True),
        ("Кесте жасалсын.", False),
    ]
    # reopened, the box is ticked; clearing it reopens the decision
    again = MeetingDialog(ctx, school.assoc, second)
    qtbot.addWidget(again)
    again.agenda.items_list.setCurrentRow(0)
    assert again.agenda.review_table.item(0, 0).checkState() == Qt.CheckState.Checked
    again.agenda.review_table.set_done(0, False)
    click(qtbot, save_button(again))
    with ctx.reading() as s:
        assert {d.text: d.status for d in decisions.decisions_of_meeting(s, first)}[
            "Жоспар бекітілсін."
        ] == "open"


def test_the_review_item_can_be_removed_and_added_back(qtbot, monkeypatch, ctx, page, school) -> None:
    held_meeting(ctx, school)
    monkeypatch.setattr(common, "confirm", lambda _parent, _question: True)
    dialog = MeetingDialog(ctx, school.assoc, None)
    qtbot.addWidget(dialog)
    assert not dialog.agenda.review_button.isEnabled()
    click(qtbot, dialog.agenda.remove_item_button)
    assert dialog.agenda.items_list.count() == 0
    assert dialog.agenda.review_button.isEnabled()
    click(qtbot, dialog.agenda.add_item_button)
    dialog.agenda.title_edit.setPlainText("Басқа мәселе")
    click(qtbot, dialog.agenda.review_button)
    assert [dialog.agenda.items_list.item(i).text() for i in range(2)] == [
        "1. Review of earlier decisions",
        "2. Басқа мәселе",
    ]
    dialog.agenda.items_list.setCurrentRow(1)
    click(qtbot, dialog.agenda.up_button)
    assert dialog.agenda.items_list.item(0).text() == "1. Басқа мәселе"


# ---- printing through the preview -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("button", "lang", "words"),
    [
        ("print_protocol_button", "kk", ("№ 1 ХАТТАМА", "Төраға:", "ШЕШТІ:")),
        ("print_protocol_button", "ru", ("ПРОТОКОЛ № 1", "Председатель:", "РЕШИЛИ")),
        ("attendance_sheet_button", "kk", ("ҚАТЫСУ ПАРАҒЫ", "Нұрғалиева Әсел Бауыржанқызы")),
        ("attendance_sheet_button", "ru", ("ЛИСТ РЕГИСТРАЦИИ", "Подпись")),
    ],
)
def test_the_preview_saves_the_document_in_the_chosen_language(
    qtbot, monkeypatch, tmp_path, ctx, page, school, button, lang, words
) -> None:
    held_meeting(ctx, school)
    page.reload()
    select_meeting(page, 1)
    target = tmp_path / "out" / "document"
    target.parent.mkdir()
    asked: list[str] = []

    def fake_save_name(_parent, _caption, suggested, _filter):
        asked.append(suggested)
        return str(target), "PDF files (*.pdf)"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", fake_save_name)
    shown: dict[str, object] = {}

    def use_preview(dialog: DocumentPreviewDialog) -> None:
        shown["default_lang"] = dialog.lang()
        dialog.lang_combo.setCurrentIndex(dialog.lang_combo.findData(lang))
        shown["pages"] = dialog.pdf_document.pageCount()
        shown["saved"] = dialog.save_as()

    answer(monkeypatch, DocumentPreviewDialog, use_preview, press=False)
    click(
        qtbot,
        getattr(
            page,
            {"print_protocol_button": "protocol_button", "attendance_sheet_button": "sheet_button"}[button],
        ),
    )
    assert shown["default_lang"] == "kk"  # the print language of Settings
    saved = Path(str(shown["saved"]))
    assert saved == target.with_name("document.pdf")
    assert asked and asked[0].endswith(".pdf")
    text = "".join(page_.extract_text() for page_ in PdfReader(saved).pages)
    for word in words:
        assert word in text
    assert shown["pages"] >= 1


def test_the_preview_follows_the_print_language_and_pages_zoom_print_and_open(
    qtbot, monkeypatch, tmp_path, ctx, school
) -> None:
    meeting_id = held_meeting(ctx, school)
    with ctx.transaction() as s:
        settings.put(s, settings.PRINT_LANGUAGE, "ru")
        item = agenda.list_items(s, meeting_id)[0]
        agenda.save_item(s, meeting_id, ItemInput(item.title, item.speaker, "Текст. " * 1500), item.id)
    dialog = DocumentPreviewDialog(ctx, "protocol", {"meeting": meeting_id})
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.lang() == "ru"
    assert "ПРОТОКОЛ" in dialog.pdf_document.getAllText(0).text()
    pages = dialog.pdf_document.pageCount()
    assert pages >= 2
    assert dialog.page_count.text() == f"of {pages}"
    assert not dialog.previous_button.isEnabled() and dialog.next_button.isEnabled()
    click(qtbot, dialog.next_button)
    assert dialog.page_spin.value() == 2
    assert dialog.previous_button.isEnabled()
    dialog.zoom_combo.setCurrentIndex(dialog.zoom_combo.findData(1.5))
    assert dialog.view.zoomFactor() == pytest.approx(1.5)
    dialog.lang_combo.setCurrentIndex(dialog.lang_combo.findData("kk"))
    assert "ХАТТАМА" in dialog.pdf_document.getAllText(0).text()
    assert dialog.page_spin.value() == 1
    # printing renders every page on the printer (here a PDF file)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printed = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(printed))
    printer.setResolution(150)
    assert dialog.print_to(printer)
    assert len(PdfReader(printed).pages) == dialog.pdf_document.pageCount()
    # the system viewer gets a file it can open
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True)
    path = dialog.open_external()
    assert path is not None and opened == [str(path)]
    assert path.read_bytes().startswith(b"%PDF")
    assert path.name == "Хаттама № 1 2025-08-28.pdf"


def test_an_unwritable_file_is_one_sentence(qtbot, monkeypatch, tmp_path, ctx, school) -> None:
    meeting_id = held_meeting(ctx, school)
    dialog = DocumentPreviewDialog(ctx, "attendance", {"meeting": meeting_id})
    qtbot.addWidget(dialog)
    shown: list[str] = []
    monkeypatch.setattr(common, "show_error", lambda _parent, message: shown.append(message))
    folder = tmp_path / "a-folder.pdf"
    folder.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a: (str(folder), ""))
    assert dialog.save_as() is None
    assert len(shown) == 1 and shown[0].startswith(f"The file {folder} could not be written")


@pytest.mark.parametrize(
    ("document", "lang", "words", "name"),
    [
        ("protocol", "kk", ("ХАТТАМА", "ШЕШТІ:"), "Хаттама № 1 2025-08-28.docx"),
        ("protocol", "ru", ("ПРОТОКОЛ", "РЕШИЛИ"), "Протокол № 1 2025-08-28.docx"),
        ("attendance", "ru", ("ЛИСТ РЕГИСТРАЦИИ", "Подпись"), "Лист регистрации № 1 2025-08-28.docx"),
    ],
)
def test_the_preview_saves_word_beside_pdf_each_in_its_own_folder(
    qtbot, monkeypatch, tmp_path, ctx, school, document, lang, words, name
) -> None:
    from docx import Document

    meeting_id = held_meeting(ctx, school)
    dialog = DocumentPreviewDialog(ctx, document, {"meeting": meeting_id}, lang)
    qtbot.addWidget(dialog)
    assert [b.objectName() for b in dialog.save_buttons.values()] == ["save_as_button", "save_docx_button"]
    assert dialog.findChild(QPushButton, "save_xlsx_button") is None  # a protocol is no table
    words_folder, pdf_folder = tmp_path / "word", tmp_path / "pdf"
    words_folder.mkdir()
    pdf_folder.mkdir()
    asked: list[tuple[str, str, str]] = []

    def fake_save_name(_parent, caption, suggested, file_filter):
        asked.append((caption, suggested, file_filter))
        folder = words_folder if file_filter.endswith("(*.docx)") else pdf_folder
        return str(folder / "document"), file_filter

    monkeypatch.setattr(QFileDialog, "getSaveFileName", fake_save_name)
    click(qtbot, dialog.save_buttons[Format.DOCX])
    saved = words_folder / "document.docx"
    assert asked[0][0] == "Save the Word document" and Path(asked[0][1]).name == name
    docx = Document(str(saved))
    text = "\n".join(
        [p.text for p in docx.paragraphs]
        + [c.text for t in docx.tables for row in t.rows for c in row.cells]
    )
    for word in words:
        assert word in text
    assert "None" not in text
    click(qtbot, dialog.save_button)  # the PDF, into its own folder
    assert (pdf_folder / "document.pdf").read_bytes().startswith(b"%PDF")
    # each format starts where it was last saved
    click(qtbot, dialog.save_buttons[Format.DOCX])
    assert Path(asked[2][1]).parent == words_folder
    assert ctx.settings.value("paths/pdf_folder") == str(pdf_folder)


def test_the_document_of_a_meeting_deleted_meanwhile_is_one_sentence(
    qtbot, monkeypatch, ctx, page, school
) -> None:
    meeting_id = held_meeting(ctx, school)
    page.reload()
    select_meeting(page, 1)
    with ctx.transaction() as s:
        meetings.delete_meeting(s, meeting_id)
    shown: list[str] = []
    monkeypatch.setattr(common, "show_error", lambda _parent, message: shown.append(message))
    monkeypatch.setattr(DocumentPreviewDialog, "exec", lambda _d: pytest.fail("no preview of nothing"))
    click(qtbot, page.protocol_button)
    assert not open_document(ctx, "attendance", {"meeting": meeting_id}, None)
    assert not export_document(ctx, "attendance", {"meeting": meeting_id}, Format.DOCX, None, "kk")
    assert shown == ["The meeting was not found."] * 3


# ---- deleting ----------------------------------------------------------------------------------------


def test_deleting_a_meeting_asks_first(qtbot, monkeypatch, ctx, page, school) -> None:
    held_meeting(ctx, school, 1, AUG28)
    held_meeting(ctx, school, 2, NOV5)
    page.reload()
    select_meeting(page, 2)
    asked: list[str] = []
    monkeypatch.setattr(common, "confirm", lambda _parent, question: asked.append(question) or False)
    click(qtbot, page.delete_button)
    assert len(meeting_rows(ctx, school)) == 2
    assert asked == ["Delete the meeting No. 2 of 05.11.2025 with its attendance, agenda and decisions?"]
    monkeypatch.setattr(common, "confirm", lambda _parent, question: True)
    click(qtbot, page.delete_button)
    assert [r.number for r in meeting_rows(ctx, school)] == [1]
    assert page.model.rowCount() == 1
    assert not page.delete_button.isEnabled()


# ---- the page in the Associations tab, the register, the library ----------------------------------


def test_the_associations_tab_shows_meetings_and_the_register(qtbot, monkeypatch, ctx, school) -> None:
    meeting_id = held_meeting(ctx, school)
    with ctx.transaction() as s:
        item = agenda.list_items(s, meeting_id)[0]
        reviewed_documents.review_at_item(
            s, item.id, DocumentInput("annual_plan", "ӘБ жылдық жоспары", school.leader)
        )
    tab = AssociationsTab(ctx)
    qtbot.addWidget(tab)
    tab.resize(1300, 700)
    tab.show()
    tab.ensure_loaded()
    tab.table.selectRow(0)
    titles = [tab.panel.detail_tabs.tabText(i) for i in range(tab.panel.detail_tabs.count())]
    assert titles == ["Members", "Meetings", "Documents reviewed"]
    meetings_page = tab.panel.meetings_page
    assert meetings_page.model.rowCount() == 1
    documents_page: ReviewedDocumentsPage = tab.panel.documents_page
    assert documents_page.model.rowCount() == 1
    assert documents_page.proxy.index(0, 3).data() == "protocol No. 1 of 28 August 2025"
    # the head's approval is written from the register
    documents_page.table.selectRow(0)

    def approve(dialog: RegisterDocumentDialog) -> None:
        assert dialog.title.text() == "ӘБ жылдық жоспары"
        dialog.approved_on.setText("27.08.2025")  # before the meeting: refused
        click(qtbot, save_button(dialog))
        error = dialog.findChild(type(dialog.general_error), "approved_on_error")
        assert not error.isHidden()
        assert error.text() == "The head approves a document after the meeting that reviewed it."
        dialog.approved_on.setText("30.08.2025")

    answer(monkeypatch, RegisterDocumentDialog, approve)
    click(qtbot, documents_page.edit_button)
    with ctx.reading() as s:
        (doc,) = reviewed_documents.register(s, school.assoc)
    assert doc.approved_on == dt.date(2025, 8, 30)
    assert tab.panel.documents_page.proxy.index(0, 4).data() == "30.08.2025"


def test_an_item_can_review_a_document_and_come_from_the_library(
    qtbot, monkeypatch, ctx, page, school
) -> None:
    def pick_first(dialog: WordingDialog) -> None:
        assert dialog.lang() == "kk"
        dialog.lang_combo.setCurrentIndex(dialog.lang_combo.findData("ru"))
        dialog.list.setCurrentRow(2)

    answer(monkeypatch, WordingDialog, pick_first)

    def describe(dialog: ItemDocumentDialog) -> None:
        dialog.kind.setCurrentIndex(dialog.kind.findData("calendar_plan"))
        dialog.title.setText("Математика, 5-6 сыныптар")
        dialog.author.setCurrentIndex(dialog.author.findData(school.members[2]))

    answer(monkeypatch, ItemDocumentDialog, describe)
    dialog = MeetingDialog(ctx, school.assoc, None)
    qtbot.addWidget(dialog)
    dialog.date.setText("28.08.2025")
    click(qtbot, dialog.agenda.library_button)
    assert dialog.agenda.title_edit.toPlainText().startswith(
        "О рассмотрении и согласовании календарно-тематических"
    )
    assert dialog.agenda.current().topic == "calendar_plans"
    assert dialog.agenda.text_lang == "ru"
    click(qtbot, dialog.agenda.documents.add_button)
    assert dialog.agenda.documents.list.item(0).text() == (
        f"Calendar-thematic plan: Математика, 5-6 сыныптар ({school.names[school.members[2]]})"
    )
    click(qtbot, save_button(dialog))
    assert dialog.result() == QDialog.DialogCode.Accepted
    with ctx.reading() as s:
        (doc,) = reviewed_documents.register(s, school.assoc)
    assert (doc.title, doc.author_id, doc.meeting_number, doc.kind) == (
        "Математика, 5-6 сыныптар",
        school.members[2],
        1,
        "calendar_plan",
    )


def test_the_user_adds_a_wording_to_the_library(qtbot, monkeypatch, ctx, school) -> None:
    def write(entry: WordingEntryDialog) -> None:
        assert entry.text_kk.toPlainText() == "Өз шешімім"  # what was typed comes along
        entry.text_ru.setPlainText("Моё решение")
        click(qtbot, save_button(entry))

    monkeypatch.setattr(WordingEntryDialog, "exec", lambda self: (write(self), self.result())[1])
    dialog = WordingDialog(ctx, "decision", "kk", text="Өз шешімім")
    qtbot.addWidget(dialog)
    before = dialog.list.count()
    click(qtbot, dialog.add_button)
    assert dialog.list.count() == before + 1
    assert dialog.chosen_text() == "Өз шешімім"
    dialog.lang_combo.setCurrentIndex(dialog.lang_combo.findData("ru"))
    assert dialog.chosen_text() == "Моё решение"
    monkeypatch.setattr(common, "confirm", lambda _parent, _question: True)
    click(qtbot, dialog.remove_button)
    assert dialog.list.count() == before


def test_a_removed_guest_who_spoke_stays_as_a_written_name(qtbot, monkeypatch, ctx, page, school) -> None:
    answer(
        monkeypatch,
        SpeechDialog,
        lambda d: (choose_text(d.speaker, "Сейітова Д."), d.text.setPlainText("Қолдады.")),
    )
    dialog = MeetingDialog(ctx, school.assoc, None)
    qtbot.addWidget(dialog)
    dialog.date.setText("28.08.2025")
    click(qtbot, dialog.findChild(QPushButton, "add_guest_button"))
    dialog.attendance.set_guest(0, "Сейітова Д.")
    click(qtbot, dialog.agenda.add_item_button)
    dialog.agenda.title_edit.setPlainText("Мәселе")
    click(qtbot, dialog.agenda.speeches.add_button)
    dialog.attendance.guests_table.setCurrentCell(0, 0)
    click(qtbot, dialog.findChild(QPushButton, "remove_guest_button"))
    assert dialog.agenda.speeches.list.item(0).text() == "Сейітова Д.: Қолдады."
    click(qtbot, save_button(dialog))
    meeting_id = meeting_rows(ctx, school)[0].id
    with ctx.reading() as s:
        (item,) = agenda.list_items(s, meeting_id)
        assert attendance.guests(s, meeting_id) == ()
    assert [(sp.speaker.guest_id, sp.speaker_name) for sp in item.speeches] == [(None, "Сейітова Д.")]


def test_a_meeting_deleted_meanwhile_is_one_sentence(qtbot, monkeypatch, ctx, page, school) -> None:
    meeting_id = held_meeting(ctx, school)
    page.reload()
    select_meeting(page, 1)
    with ctx.transaction() as s:
        meetings.delete_meeting(s, meeting_id)
    shown: list[str] = []
    monkeypatch.setattr(common, "show_error", lambda _parent, message: shown.append(message))
    click(qtbot, page.edit_button)
    assert shown == ["The meeting was not found."]
    assert page.model.rowCount() == 0


def test_a_responsible_from_outside_the_lists_is_kept(qtbot, monkeypatch, ctx, page, school) -> None:
    meeting_id = held_meeting(ctx, school)
    with ctx.transaction() as s:
        org = teachers.get_teacher(s, school.leader).organisation_id
        outsider = teachers.save_teacher(
            s, teachers.TeacherInput(surname="Қасымов", first_name="Ерлан", organisation_id=org)
        )
        item = agenda.list_items(s, meeting_id)[0]
        decisions.save_decision(
            s, item.id, DecisionInput(text="Үшінші шешім.", responsible_teacher_id=outsider)
        )
    dialog = MeetingDialog(ctx, school.assoc, meeting_id)
    qtbot.addWidget(dialog)
    assert "responsible: Қасымов Е." in dialog.agenda.decisions.list.item(2).text()
    seen: list[str] = []
    answer(monkeypatch, DecisionDialog, lambda d: seen.append(d.responsible.currentText()))
    dialog.agenda.decisions.list.setCurrentRow(2)
    click(qtbot, dialog.agenda.decisions.edit_button)
    assert seen == ["Қасымов Е."]
    click(qtbot, save_button(dialog))
    assert dialog.result() == QDialog.DialogCode.Accepted
    with ctx.reading() as s:
        kept = decisions.decisions_of_meeting(s, meeting_id)[2]
    assert (kept.responsible_teacher_id, kept.responsible_text) == (outsider, "")
