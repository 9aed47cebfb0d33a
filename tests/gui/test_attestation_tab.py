"""The Attestation tab driven as a user would: the views and the category
chart; a case recorded through its stages (application, a refused score, the
test, a lesson observed, the portfolio, the decision that writes the history);
the refusals shown next to their fields with nothing saved; a rule revised in
the Rules dialog; the plan previewed as PDF and the list saved as XLSX."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from docx import Document
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QInputDialog

from metodesk.documents.base import Format
from metodesk.services import attestation, attestation_cases, teachers
from metodesk.services.teachers import TeacherInput
from metodesk.ui import common
from metodesk.ui.context import AppContext
from metodesk.ui.dialogs.attestation_award import AwardDialog
from metodesk.ui.dialogs.attestation_case import CaseDialog
from metodesk.ui.dialogs.attestation_course import CourseDialog
from metodesk.ui.dialogs.attestation_rule import RuleDialog
from metodesk.ui.dialogs.attestation_stage import StageObservationDialog
from metodesk.ui.dialogs.document_preview import DocumentPreviewDialog
from metodesk.ui.tabs import attestation_case_page
from metodesk.ui.tabs.attestation import AttestationTab

D = dt.date
TODAY = D(2026, 2, 10)  # attestation year 2025-2026


@pytest.fixture
def ctx(db):
    return AppContext(db)


@pytest.fixture
def people(db, ours) -> dict[str, int]:
    rows = (
        ("Бекова", dict(category="moderator", category_date=D(2021, 3, 1), teaching_since=D(2012, 9, 1))),
        (
            "Петренко",
            dict(category="legacy_highest", category_date=D(2019, 12, 27), teaching_since=D(1995, 9, 1)),
        ),
        ("Жақсылықова", dict(position="deputy", category="expert", category_date=D(2022, 5, 20))),
        ("Қасымов", dict(category="pedagog", category_date=D(2023, 5, 26), teaching_since=D(2016, 9, 1))),
        ("Оразбекова", dict(teaching_since=D(2025, 8, 25), young_specialist=True)),
    )
    with db.transaction() as s:
        return {
            surname: teachers.save_teacher(
                s,
                TeacherInput(surname=surname, first_name="Айгүл", organisation_id=ours, **extra),
                today=TODAY,
            )
            for surname, extra in rows
        }


@pytest.fixture
def tab(qtbot, ctx, people, monkeypatch):
    monkeypatch.setattr(attestation_case_page, "current_date", lambda: TODAY)
    widget = AttestationTab(ctx)
    qtbot.addWidget(widget)
    widget.resize(1280, 760)
    widget.show()
    widget.ensure_loaded()
    return widget


def answer(monkeypatch, qtbot, dialog_class, fill: Callable) -> list:
    """Replace the modal loop of ``dialog_class``: fill it, press Save; the
    dialog stays open (result 0) when the save was refused."""
    opened: list = []

    def fake_exec(dialog) -> int:
        opened.append(dialog)
        fill(dialog)
        qtbot.mouseClick(
            dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton
        )
        return dialog.result()

    monkeypatch.setattr(dialog_class, "exec", fake_exec)
    return opened


def surnames(tab: AttestationTab) -> list[str]:
    return sorted(r.full_name.split()[0] for r in tab.visible_rows())


def error(dialog, field: str) -> str:
    label = dialog.findChild(type(dialog.general_error), f"{field}_error")
    return label.text() if not label.isHidden() else ""


def test_views_and_the_category_chart(tab, people) -> None:
    assert tab.title() == "Attestation"
    assert len(tab.visible_rows()) == 5
    tab.set_view("due_this_year")
    assert surnames(tab) == ["Бекова"]
    assert tab.view_combo.currentText() == "Due this year (2025-2026)"
    tab.set_view("due_next_year")
    assert surnames(tab) == ["Жақсылықова"]
    tab.set_view("overdue")
    assert surnames(tab) == ["Петренко"]
    tab.set_view("in_progress")
    assert surnames(tab) == []
    assert tab.count_label.text() == "0 of 5 teachers"
    bars = dict(tab.chart.bars())
    assert (
        bars["none"] == 1 and bars["moderator"] == 1 and bars["master"] == 0 and bars["legacy_highest"] == 1
    )
    assert "legacy_first" not in bars  # nobody holds it
    assert tab.chart.height() >= 7 * 14
    tab.set_view("all")
    row = next(r for r in tab.visible_rows() if r.teacher_id == people["Қасымов"])
    assert row.early_eligible and "Early possible" in tab.model.data(
        tab.model.index(tab.model.rows().index(row), 6)
    )


def test_record_a_case_through_its_stages(qtbot, monkeypatch, tab, people, db) -> None:
    teacher = people["Бекова"]
    areas: list[str] = []
    tab.ctx.changed.connect(areas.append)
    assert tab.select_teacher(teacher)
    panel, page = tab.panel, tab.panel.case_page
    assert panel.name_label.text() == "Бекова Айгүл"
    assert "valid until 01.03.2026" in panel.standing_label.text()
    assert page.no_case_label.isVisibleTo(page) and not page.edit_case_button.isEnabled()

    # 1. the case opens with the application filed
    def open_case(d: CaseDialog) -> None:
        assert d.year.currentText() == "2025-2026"
        assert d.target.currentData() == "expert"  # one step up: experience allows it
        assert d.window.currentData() == "jan_may"  # the window her category expires in
        qtbot.keyClicks(d.application_date, "05.01.2026")

    answer(monkeypatch, qtbot, CaseDialog, open_case)
    qtbot.mouseClick(page.new_case_button, Qt.MouseButton.LeftButton)
    with db.reading() as s:
        [case] = attestation_cases.list_cases(s, teacher)
    assert case.application_date == D(2026, 1, 5) and case.in_progress
    assert "attestation" in areas and "teachers" in areas
    assert page.stage_application.text() == "filed on 05.01.2026"
    checks = {
        page.checklist.item(i).data(Qt.ItemDataRole.UserRole): page.checklist.item(i)
        for i in range(page.checklist.count())
    }
    assert checks["application"].checkState() == Qt.CheckState.Checked
    assert checks["test"].checkState() == Qt.CheckState.Unchecked
    tab.set_view("in_progress")
    assert surnames(tab) == ["Бекова"]

    # 2. a score above 100, then below 0: refused next to the field, nothing saved; then 72
    scores = iter(["105", "-3", "72"])
    seen: list[str] = []

    def test_stage(d: CaseDialog) -> None:
        d.test_date.setText("24.01.2026")
        d.test_score.setText(next(scores))

    opened = answer(monkeypatch, qtbot, CaseDialog, test_stage)
    original_fake = CaseDialog.exec

    def until_saved(d: CaseDialog) -> int:
        for _attempt in range(3):
            if original_fake(d):
                return 1
            seen.append(error(d, "test_score"))
        return 0

    monkeypatch.setattr(CaseDialog, "exec", until_saved)
    tab.select_teacher(teacher)
    qtbot.mouseClick(page.edit_case_button, Qt.MouseButton.LeftButton)
    assert len(seen) == 2 and all("percentage from 0 to 100" in text for text in seen)
    assert "105" in seen[0] and "-3" in seen[1]
    assert opened[-1].pass_label.text() == "Pass mark on the test date: 70 %. Passed."
    with db.reading() as s:
        case = attestation_cases.get_case(s, case.id)
    assert (case.test_score, case.test_passed, case.pass_mark) == (72, True, 70)
    assert page.stage_test.text() == "72 %, 24.01.2026 (pass mark 70 %): passed"

    # 3. a lesson observed, recorded with a note
    def observed(d: StageObservationDialog) -> None:
        assert d.sheet.currentData() is None and d.sheet.count() == 1  # no sheets of her lessons
        qtbot.keyClicks(d.date, "03.02.2026")
        d.note.setText("Ұстаз платформасы")

    answer(monkeypatch, qtbot, StageObservationDialog, observed)
    qtbot.mouseClick(page.add_observation_button, Qt.MouseButton.LeftButton)
    assert page.observation_model.rowCount() == 1
    assert page.observation_model.rows()[0].note == "Ұстаз платформасы"

    # 4. portfolio accepted, the commission awards the category: the history and the card follow
    def decided(d: CaseDialog) -> None:
        d.portfolio.setCurrentIndex(d.portfolio.findData("accepted"))
        d.decision.setCurrentIndex(d.decision.findData("awarded"))
        assert d.decision_date.isEnabled()
        d.decision_date.setText("09.02.2026")
        d.decision_body.setCurrentIndex(d.decision_body.findData("district"))
        d.order_number.setText("№ 18")

    answer(monkeypatch, qtbot, CaseDialog, decided)
    qtbot.mouseClick(page.edit_case_button, Qt.MouseButton.LeftButton)
    with db.reading() as s:
        history = attestation.list_history(s, teacher)
        card = teachers.get_teacher(s, teacher)
    assert [(h.category, h.award_date, h.order_number) for h in history][0] == (
        "expert",
        D(2026, 2, 9),
        "№ 18",
    )
    assert (card.category, card.category_date) == ("expert", D(2026, 2, 9))
    assert panel.history_model.rows()[0].category == "expert"
    assert "valid until 09.02.2031" in panel.standing_label.text()
    checks = {
        page.checklist.item(i).data(Qt.ItemDataRole.UserRole): page.checklist.item(i)
        for i in range(page.checklist.count())
    }
    assert all(
        checks[c].checkState() == Qt.CheckState.Checked
        for c in ("application", "test", "observations", "portfolio", "decision")
    )
    assert page.stage_decision.text().startswith("Category awarded on 09.02.2026")
    tab.set_view("in_progress")
    assert surnames(tab) == []
    tab.set_view("due_this_year")
    assert surnames(tab) == []


def test_refusals_of_the_history_shown_next_to_their_fields(qtbot, monkeypatch, tab, people, db) -> None:
    teacher = people["Оразбекова"]
    tab.select_teacher(teacher)
    tomorrow = dt.date.today() + dt.timedelta(days=1)
    messages: dict[str, str] = {}

    def future(d: AwardDialog) -> None:
        d.category.setCurrentIndex(d.category.findData("pedagog"))
        d.award_date.set_date(tomorrow)

    answer(monkeypatch, qtbot, AwardDialog, future)
    original = AwardDialog.exec

    def record(d: AwardDialog) -> int:
        result = original(d)
        messages["award_date"] = error(d, "award_date")
        d.category.addItem("Grandmaster", "grandmaster")  # a code from nowhere
        d.category.setCurrentIndex(d.category.count() - 1)
        d.award_date.set_date(D(2025, 9, 1))
        qtbot.mouseClick(d.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
        messages["category"] = error(d, "category")
        return result

    monkeypatch.setattr(AwardDialog, "exec", record)
    qtbot.mouseClick(tab.panel.add_award_button, Qt.MouseButton.LeftButton)
    assert messages["award_date"] == f"The award date {tomorrow:%d.%m.%Y} is in the future."
    assert messages["category"] == "There is no qualification category with the code “grandmaster”."
    with db.reading() as s:
        assert attestation.list_history(s, teacher) == []
        assert teachers.get_teacher(s, teacher).category == "none"


def test_history_entry_added_and_the_card_follows(qtbot, monkeypatch, tab, people, db) -> None:
    teacher = people["Оразбекова"]
    tab.select_teacher(teacher)

    def fill(d: AwardDialog) -> None:
        d.category.setCurrentIndex(d.category.findData("pedagog"))
        qtbot.keyClicks(d.award_date, "20.12.2025")
        d.order_number.setText("№ 77")

    answer(monkeypatch, qtbot, AwardDialog, fill)
    qtbot.mouseClick(tab.panel.add_award_button, Qt.MouseButton.LeftButton)
    assert tab.current_row().teacher_id == teacher and tab.current_row().category == "pedagog"
    assert tab.current_row().expiry == D(2030, 12, 20)
    monkeypatch.setattr(common, "confirm", lambda *_a: True)
    tab.panel.history_table.selectRow(0)
    qtbot.mouseClick(tab.panel.delete_award_button, Qt.MouseButton.LeftButton)
    with db.reading() as s:
        assert teachers.get_teacher(s, teacher).category == "none"


def test_a_course_is_added_with_its_hours(qtbot, monkeypatch, tab, people) -> None:
    tab.select_teacher(people["Қасымов"])

    def fill(d: CourseDialog) -> None:
        d.title.setText("Функционалдық сауаттылық")
        d.provider.setText("«Өрлеу» АҚ")
        qtbot.keyClicks(d.start_date, "02.06.2025")
        qtbot.keyClicks(d.end_date, "13.06.2025")
        qtbot.keyClicks(d.hours, "80")

    answer(monkeypatch, qtbot, CourseDialog, fill)
    qtbot.mouseClick(tab.panel.add_course_button, Qt.MouseButton.LeftButton)
    assert [c.title for c in tab.panel.course_model.rows()] == ["Функционалдық сауаттылық"]
    assert "80 hours" in tab.panel.courses_caption.text()
    checks = tab.panel.case_page.checklist
    assert checks.item(0).checkState() == Qt.CheckState.Checked


def test_a_revised_pass_mark_applies_from_its_date(qtbot, monkeypatch, tab, people, db) -> None:
    from metodesk.ui.dialogs.attestation_rules import RulesDialog

    with db.transaction() as s:
        attestation_cases.save_case(
            s,
            attestation_cases.CaseInput(
                teacher_id=people["Бекова"],
                year="2025-2026",
                target_category="expert",
                test_date=D(2026, 1, 24),
                test_score=72,
            ),
            today=TODAY,
        )

    def fill(d: RuleDialog) -> None:
        d.kind.setCurrentIndex(d.kind.findData("pass_mark"))
        d.subject.setCurrentIndex(d.subject.findData("expert"))
        d.value.setValue(75)
        d.valid_from.setText("01.01.2026")

    answer(monkeypatch, qtbot, RuleDialog, fill)
    monkeypatch.setattr(RulesDialog, "exec", lambda d: d.add_rule() or 0)
    qtbot.mouseClick(tab.rules_button, Qt.MouseButton.LeftButton)
    tab.select_teacher(people["Бекова"])
    assert tab.panel.case_page.stage_test.text() == "72 %, 24.01.2026 (pass mark 75 %): not passed"


def test_documents_preview_and_xlsx(qtbot, monkeypatch, tab, tmp_path: Path) -> None:
    shown: list[DocumentPreviewDialog] = []
    monkeypatch.setattr(DocumentPreviewDialog, "exec", lambda d: shown.append(d) or 0)
    tab.findChild(type(tab.plan_button.menu().actions()[0]), "plan_pdf_action").trigger()
    assert shown and shown[0].pdf.startswith(b"%PDF") and shown[0].pdf_document.pageCount() >= 1
    assert shown[0].windowTitle() == "Perspective attestation plan: preview"
    assert shown[0].file_name().endswith(".pdf")
    target = tmp_path / "list"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), ""))
    monkeypatch.setattr(QInputDialog, "getItem", lambda *_a, **_k: ("Russian", True))
    tab.findChild(type(tab.plan_button.menu().actions()[0]), "list_xlsx_action").trigger()
    sheet = load_workbook(tmp_path / "list.xlsx").active
    assert sheet.freeze_panes == "A11"  # approval, organisation and title above the header row
    assert sheet["C10"].value == "Ф.И.О. педагога"
    names = [row[2] for row in sheet.iter_rows(min_row=11, values_only=True)]
    assert any(name.startswith("Бекова") for name in names) and any(
        name.startswith("Петренко") for name in names
    )
    # the preview offers the three formats; Word straight from the menu, in the language asked
    assert sorted(shown[0].save_buttons) == sorted([Format.PDF, Format.DOCX, Format.XLSX])
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(tmp_path / "plan"), ""))
    monkeypatch.setattr(QInputDialog, "getItem", lambda *_a, **_k: ("Kazakh", True))
    tab.findChild(type(tab.plan_button.menu().actions()[0]), "plan_docx_action").trigger()
    word = Document(str(tmp_path / "plan.docx"))
    text = " ".join(c.text for t in word.tables for row in t.rows for c in row.cells)
    text += " ".join(p.text for p in word.paragraphs)
    assert "Бекова" in text and "None" not in text
    # a cancelled language question writes nothing
    monkeypatch.setattr(QInputDialog, "getItem", lambda *_a, **_k: ("", False))
    tab.findChild(type(tab.plan_button.menu().actions()[0]), "list_docx_action").trigger()
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix) == ["list.xlsx", "plan.docx"]
