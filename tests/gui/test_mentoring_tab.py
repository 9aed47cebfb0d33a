"""The Mentoring tab driven as a user would, on the demo school: a pair
created from the attention list (a refusal shown under its field first), a
meeting logged (a date outside the year refused in place, then a lesson visit naming
the lesson and its sheet), the plan marked, the summary saved, and the plan
and report exported and previewed in both languages."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable
from pathlib import Path

import pytest
from docx import Document
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from metodesk.services import mentoring, mentoring_log, mentoring_plan, years
from metodesk.services.demo_lessons import add_demo_lessons
from metodesk.services.demo_mentoring import add_demo_mentoring
from metodesk.storage.models import Teacher
from metodesk.ui import common
from metodesk.ui.context import AppContext
from metodesk.ui.dialogs.document_preview import DocumentPreviewDialog
from metodesk.ui.dialogs.mentoring_activity import MarkDoneDialog
from metodesk.ui.dialogs.mentoring_entry import MentoringEntryDialog
from metodesk.ui.dialogs.mentoring_pair import MentoringPairDialog
from metodesk.ui.models import ROW_ROLE
from metodesk.ui.tabs.mentoring import ITEM_ROLE, MentoringTab

TODAY = dt.date(2026, 2, 10)


@pytest.fixture
def ctx(demo_database):
    db = demo_database(TODAY)  # what fill_demo(s, TODAY) makes
    with db.transaction() as s:
        add_demo_lessons(s, TODAY)
        s.query(Teacher).filter(Teacher.surname == "Ибраев").one().young_specialist = True
        add_demo_mentoring(s, TODAY)
    return AppContext(db)


@pytest.fixture
def tab(qtbot, ctx):
    widget = MentoringTab(ctx)
    qtbot.addWidget(widget)
    widget.resize(1100, 700)
    widget.show()
    widget.ensure_loaded()
    return widget


@pytest.fixture
def changes(ctx) -> list[str]:
    seen: list[str] = []
    ctx.changed.connect(seen.append)
    return seen


def click(qtbot, widget) -> None:
    assert widget.isEnabled(), widget.objectName()
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def answer(monkeypatch, dialog_class: type, *steps: Callable) -> list:  # type: ignore[type-arg]
    """Replace the modal loop of ``dialog_class``: each step fills the dialog,
    then OK is pressed; the dialog ends when a press is accepted."""
    opened: list = []  # type: ignore[type-arg]

    def fake_exec(dialog) -> int:
        opened.append(dialog)
        for step in steps:
            step(dialog)
            dialog.accept()
            if dialog.result():
                break
        return dialog.result()

    monkeypatch.setattr(dialog_class, "exec", fake_exec)
    return opened


def choose(combo, text: str) -> None:
    index = next((i for i in range(combo.count()) if combo.itemText(i).startswith(text)), -1)
    assert index >= 0, text
    combo.setCurrentIndex(index)


def select_pair(tab: MentoringTab, mentee_short: str) -> mentoring.PairRow:
    for row in range(tab.proxy.rowCount()):
        pair = tab.proxy.index(row, 0).data(ROW_ROLE)
        if pair.mentee_short == mentee_short:
            assert tab.proxy.index(row, 0).data().startswith(f"{mentee_short} — ")
            tab.table.selectRow(row)
            return pair
    raise AssertionError(mentee_short)


def attention(tab: MentoringTab) -> list:  # type: ignore[type-arg]
    items = [tab.attention_list.item(i).data(ITEM_ROLE) for i in range(tab.attention_list.count())]
    return [i for i in items if i is not None]


def test_the_tab_shows_the_years_pairs_and_what_needs_attention(tab) -> None:
    assert tab.title() == "Mentoring" and tab.year_combo.currentText() == "2025-2026"
    pairs = [tab.proxy.index(r, 0).data() for r in range(tab.proxy.rowCount())]
    assert pairs == ["Әбдірахманова Ұ.С. — Смағұлова М.Е.", "Оразбекова Д.Н. — Жақсылықова Г.С."]
    kinds = [i.kind for i in attention(tab)]
    assert kinds[0] == "no_mentor" and "overdue" in kinds
    assert "Ибраев Ілияс Қанатұлы is a young specialist" in tab.attention_list.item(0).text()
    assert not tab.create_pair_button.isEnabled()
    assert tab.panel.currentIndex() == 0  # nothing chosen: the hint


def test_create_a_pair_from_the_attention_list(qtbot, monkeypatch, tab, ctx, changes) -> None:
    tab.attention_list.setCurrentRow(0)
    assert tab.create_pair_button.isEnabled() and not tab.open_item_button.isEnabled()
    seen: dict[str, object] = {}

    def himself(dialog: MentoringPairDialog) -> None:
        seen["mentee"] = dialog.mentee_combo.currentText()
        seen["kind"] = dialog.kind_combo.currentData()
        seen["template"] = dialog.template_combo.currentData()
        choose(dialog.mentor_combo, "Ибраев Ілияс")

    def refused(dialog: MentoringPairDialog) -> None:
        error = dialog.findChild(type(dialog.general_error), "mentor_id_error")
        seen["error"] = error.text() if error.isVisibleTo(dialog) else ""
        choose(dialog.mentor_combo, "Нұрғалиева Әсел")
        dialog.order_number.setText("118")
        dialog.order_date.setText("15.09.2025")

    opened = answer(monkeypatch, MentoringPairDialog, himself, refused)
    click(qtbot, tab.create_pair_button)
    assert len(opened) == 1 and opened[0].result()
    assert seen["mentee"].startswith("Ибраев Ілияс Қанатұлы") and seen["kind"] == "young_specialist"
    assert seen["template"] == "kk"
    assert "cannot mentor themselves" in str(seen["error"])
    with ctx.reading() as s:
        year = years.current_year(s).id
        pair = next(p for p in mentoring.list_pairs(s, year) if p.mentee_short == "Ибраев І.Қ.")
    assert pair.mentor_short == "Нұрғалиева Ә.Б." and pair.order_text == "№ 118, 15.09.2025"
    assert pair.activity_count == 10
    assert changes.count("mentoring") == 1
    assert "no_mentor" not in [i.kind for i in attention(tab)]
    assert tab.selected() is not None and tab.selected().id == pair.id  # the new pair is shown
    assert tab.panel.plan_page.model.rowCount() == 10


def test_log_a_meeting(qtbot, monkeypatch, tab, ctx, changes) -> None:
    pair = select_pair(tab, "Оразбекова Д.Н.")
    tab.panel.pages.setCurrentWidget(tab.panel.log_page)
    before = tab.panel.log_page.model.rowCount()
    seen: dict[str, str] = {}

    def outside(dialog: MentoringEntryDialog) -> None:
        dialog.date.setText("10.02.2027")
        choose(dialog.kind_combo, "Joint planning")
        dialog.topic.setText("БЖБ тапсырмаларын бірге құрастыру")
        dialog.minutes.setValue(40)
        seen["lessons"] = str(dialog.lesson_combo.isEnabled())

    def fixed(dialog: MentoringEntryDialog) -> None:
        error = dialog.findChild(type(dialog.general_error), "date_error")
        seen["error"] = error.text() if error.isVisibleTo(dialog) else ""
        dialog.date.setText("09.02.2026")

    answer(monkeypatch, MentoringEntryDialog, outside, fixed)
    click(qtbot, tab.panel.log_page.add_button)
    assert "takes place between 01.08.2025 and 25.05.2026" in seen["error"] and seen["lessons"] == "False"
    with ctx.reading() as s:
        entries = mentoring_log.list_entries(s, pair.id)
    assert len(entries) == before + 1
    last = entries[-1]
    assert (last.date, last.kind, last.minutes) == (dt.date(2026, 2, 9), "joint_planning", 40)
    assert tab.panel.log_page.model.rowCount() == before + 1
    assert tab.panel.log_page.selected().id == last.id
    assert changes == ["mentoring"]
    assert tab.proxy.index(1, 2).data() == "09.02.2026"  # the list's last meeting


def test_a_lesson_visit_names_the_lesson_and_its_sheet(qtbot, monkeypatch, tab, ctx) -> None:
    pair = select_pair(tab, "Әбдірахманова Ұ.С.")
    seen: dict[str, object] = {}

    def visit(dialog: MentoringEntryDialog) -> None:
        choose(dialog.kind_combo, "The mentor visits the mentee's lesson")
        seen["enabled"] = dialog.lesson_combo.isEnabled()
        dialog.lesson_combo.setCurrentIndex(1)
        seen["date"] = dialog.date.text()
        choose(dialog.sheet_combo, "Смағұлова М.Е.")
        dialog.topic.setText("Сабақты қайта талдау")

    answer(monkeypatch, MentoringEntryDialog, visit)
    tab.panel.log_page.add_entry()
    with ctx.reading() as s:
        entry = [e for e in mentoring_log.list_entries(s, pair.id) if e.topic == "Сабақты қайта талдау"][0]
    assert seen["enabled"] is True and entry.lesson is not None and entry.sheet is not None
    assert seen["date"] == entry.lesson.date.strftime("%d.%m.%Y") and entry.date == entry.lesson.date
    assert entry.sheet.observer == "Смағұлова М.Е."
    shown = [tab.panel.log_page.proxy.index(r, 4).data() for r in range(tab.panel.log_page.proxy.rowCount())]
    assert any("sheet: Смағұлова М.Е." in text for text in shown)


def test_mark_a_plan_row_done_and_delete_one(qtbot, monkeypatch, tab, ctx, changes) -> None:
    pair = select_pair(tab, "Әбдірахманова Ұ.С.")
    page = tab.panel.plan_page
    page.table.selectRow(7)  # No. 8, due in December, not done
    row = page.selected()
    assert row.number == 8 and not row.done

    def on_day(dialog: MarkDoneDialog) -> None:
        dialog.done_on.setText("20.12.2025")
        dialog.mark_note.setText("кеңес берілді")

    answer(monkeypatch, MarkDoneDialog, on_day)
    click(qtbot, page.done_button)
    with ctx.reading() as s:
        marked = mentoring_plan.get_activity(s, row.id)
    assert marked.done_on == dt.date(2025, 12, 20) and marked.mark_note == "кеңес берілді"
    assert row.id not in [i.activity_id for i in attention(tab)]
    assert page.selected().id == row.id and page.not_done_button.isEnabled()
    monkeypatch.setattr(common, "confirm", lambda _parent, question: "No. 8" in question)
    click(qtbot, page.delete_button)
    with ctx.reading() as s:
        numbers = [a.number for a in mentoring_plan.list_activities(s, pair.id)]
    assert numbers == list(range(1, 10)) and page.model.rowCount() == 9
    assert changes == ["mentoring", "mentoring"]


def test_summary_and_conclusion_are_saved_and_refusals_shown(qtbot, tab, ctx) -> None:
    pair = select_pair(tab, "Оразбекова Д.Н.")
    page = tab.panel.summary_page
    tab.panel.pages.setCurrentWidget(page)
    assert not page.save_button.isEnabled()
    page.conclusion.setPlainText("қ" * 5001)
    click(qtbot, page.save_button)
    assert page.errors["conclusion"].isVisibleTo(page) and "too long" in page.errors["conclusion"].text()
    page.summary.setPlainText("Жыл ішінде ҚМЖ құруды үйрендім.")
    page.conclusion.setPlainText("Өз бетінше жұмыс істей алады.")
    click(qtbot, page.save_button)
    assert not page.errors["conclusion"].isVisibleTo(page)
    with ctx.reading() as s:
        row = mentoring.get_pair(s, pair.id)
    assert (row.summary, row.conclusion) == (
        "Жыл ішінде ҚМЖ құруды үйрендім.",
        "Өз бетінше жұмыс істей алады.",
    )
    # an edit not saved yet is saved when another pair is chosen
    page.summary.setPlainText("Түзетілді.")
    select_pair(tab, "Әбдірахманова Ұ.С.")
    with ctx.reading() as s:
        assert mentoring.get_pair(s, pair.id).summary == "Түзетілді."
    assert page.summary.toPlainText() == ""  # the other pair's (empty) summary


def _pdf_text(path: Path) -> str:
    return " ".join(
        " ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(path.read_bytes())).pages
    )


def _docx_text(path: Path) -> str:
    """Every paragraph and cell of a Word file, spaces collapsed."""
    document = Document(str(path))
    parts = [p.text for p in document.paragraphs]
    parts += [c.text for t in document.tables for row in t.rows for c in row.cells]
    return " ".join(" ".join(parts).split())


@pytest.mark.parametrize(
    ("lang", "plan_title", "report_title"),
    [
        ("kk", "ТӘЛІМГЕРДІҢ ЖАС МАМАНМЕН ЖҰМЫС ЖОСПАРЫ", "ТӘЛІМГЕРДІҢ ЖАС МАМАНМЕН ЖҰМЫСЫ ТУРАЛЫ ЕСЕП"),
        ("ru", "ПЛАН РАБОТЫ НАСТАВНИКА С МОЛОДЫМ СПЕЦИАЛИСТОМ", "ОТЧЁТ О РАБОТЕ НАСТАВНИКА"),
    ],
)
def test_export_the_plan_and_the_report(
    qtbot, monkeypatch, tab, tmp_path, lang, plan_title, report_title
) -> None:
    select_pair(tab, "Әбдірахманова Ұ.С.")
    tab.panel.lang_combo.setCurrentIndex(tab.panel.lang_combo.findData(lang))
    out = tmp_path / "out"
    out.mkdir()
    suggested: list[str] = []

    def save_name(_parent, _title, proposed, _filter):
        suggested.append(proposed)
        return str(out / Path(proposed).name), "PDF files (*.pdf)"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_name)
    tab.panel.export_plan_action.trigger()
    tab.panel.export_report_action.trigger()
    assert len(suggested) == 2
    plan, report = (out / Path(p).name for p in suggested)
    assert plan.name.endswith("Әбдірахманова Ұ.С. 2025-2026.pdf")
    assert plan.name.startswith("Тәлімгер жоспары" if lang == "kk" else "План наставника")
    assert plan_title in _pdf_text(plan)
    text = _pdf_text(report)
    assert report_title in text and "Смағұлова" in text and "None" not in text
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a: ("", ""))  # cancelled
    assert tab.panel.export_plan_button.isEnabled()
    assert [a.objectName() for a in tab.panel.export_plan_button.menu().actions()] == [
        "export_plan_action",
        "export_plan_docx_action",
    ]
    tab.panel.export_plan_action.trigger()
    assert len(list(out.iterdir())) == 2
    # and in Word, the same text
    tab.panel.export_plan_docx_action.trigger()
    tab.panel.export_report_docx_action.trigger()
    assert len(list(out.iterdir())) == 2  # cancelled as well
    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_name)
    tab.panel.export_plan_docx_action.trigger()
    tab.panel.export_report_docx_action.trigger()
    plan_docx, report_docx = (out / Path(p).name for p in suggested[2:])
    assert plan_docx.name == plan.name.removesuffix(".pdf") + ".docx"
    assert plan_title in _docx_text(plan_docx)
    text = _docx_text(report_docx)
    assert report_title in text and "Смағұлова" in text and "None" not in text


def test_preview_opens_in_the_chosen_language_and_switches(qtbot, monkeypatch, tab, tmp_path) -> None:
    select_pair(tab, "Оразбекова Д.Н.")
    tab.panel.lang_combo.setCurrentIndex(tab.panel.lang_combo.findData("ru"))
    shown: dict[str, object] = {}
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a: (str(tmp_path / "report.pdf"), ""))

    def look(dialog: DocumentPreviewDialog) -> int:
        shown["lang"] = dialog.lang()
        shown["pages"] = dialog.pdf_document.pageCount()
        shown["name"] = dialog.file_name()
        dialog.lang_combo.setCurrentIndex(dialog.lang_combo.findData("kk"))
        shown["kk"] = dialog.file_name()
        shown["saved"] = dialog.save_as()
        return 0

    monkeypatch.setattr(DocumentPreviewDialog, "exec", look)
    click(qtbot, tab.panel.preview_report_button)
    assert shown["lang"] == "ru" and int(shown["pages"]) >= 2
    assert str(shown["name"]).startswith("Отчёт наставника") and str(shown["kk"]).startswith("Тәлімгер есебі")
    assert "ТӘЛІМГЕРДІҢ ЖАС МАМАНМЕН ЖҰМЫСЫ ТУРАЛЫ ЕСЕП" in _pdf_text(tmp_path / "report.pdf")


def test_deleting_a_pair_asks_first(qtbot, monkeypatch, tab, ctx) -> None:
    select_pair(tab, "Оразбекова Д.Н.")
    monkeypatch.setattr(common, "confirm", lambda *_a: False)
    click(qtbot, tab.delete_button)
    assert tab.model.rowCount() == 2
    monkeypatch.setattr(common, "confirm", lambda _parent, question: "Оразбекова Д.Н." in question)
    click(qtbot, tab.delete_button)
    assert tab.model.rowCount() == 1 and tab.panel.currentIndex() == 0
    lonely = [i.message for i in attention(tab) if i.kind == "no_mentor"]
    assert any(m.startswith("Оразбекова Дана Нұрланқызы is a young specialist") for m in lonely)


def test_an_overdue_item_opens_its_row_in_the_plan(qtbot, tab) -> None:
    overdue = next(i for i in attention(tab) if i.kind == "overdue")
    for row in range(tab.attention_list.count()):
        if tab.attention_list.item(row).data(ITEM_ROLE) == overdue:
            tab.attention_list.setCurrentRow(row)
    click(qtbot, tab.open_item_button)
    assert tab.selected().id == overdue.pair_id
    assert tab.panel.pages.currentWidget() is tab.panel.plan_page
    assert tab.panel.plan_page.selected().id == overdue.activity_id


def test_the_delete_key_deletes_what_has_the_focus(qtbot, monkeypatch, tab, ctx) -> None:
    pair = select_pair(tab, "Әбдірахманова Ұ.С.")
    questions: list[str] = []
    monkeypatch.setattr(common, "confirm", lambda _parent, question: questions.append(question) or True)
    tab.panel.pages.setCurrentWidget(tab.panel.log_page)
    log = tab.panel.log_page
    log.table.selectRow(0)
    tab.activateWindow()
    log.table.setFocus()
    qtbot.waitUntil(log.table.hasFocus, timeout=1000)
    tab.delete_selected()
    with ctx.reading() as s:
        assert len(mentoring_log.list_entries(s, pair.id)) == 5
        assert len(mentoring.list_pairs(s)) == 2
    assert questions and "from the log" in questions[0]
