"""The Settings tab: our organisation, other organisations, years, subjects, languages."""

from __future__ import annotations

import datetime as dt
import sys

import pytest
from PySide6.QtWidgets import QLabel, QMainWindow

from metodesk import config, paths
from metodesk.services import organisations, subjects, teachers, years
from metodesk.services import settings as app_settings
from metodesk.ui import common
from metodesk.ui.context import AppContext
from metodesk.ui.dialogs.organisation import OrganisationDialog
from metodesk.ui.dialogs.subject import SubjectDialog
from metodesk.ui.dialogs.year import YearDialog, next_year_template
from metodesk.ui.tabs import settings as settings_module
from metodesk.ui.tabs.settings import SettingsTab, restart_arguments

D = dt.date


@pytest.fixture
def ctx(db):
    return AppContext(db)


@pytest.fixture
def tab(qtbot, ctx, ours):
    widget = SettingsTab(ctx)
    qtbot.addWidget(widget)
    widget.resize(1100, 700)
    widget.ensure_loaded()
    return widget


@pytest.fixture
def events(ctx):
    """What the tab told the rest of the window: ('changed', area) and ('status', text)."""
    seen: list[tuple[str, str]] = []
    ctx.changed.connect(lambda area: seen.append(("changed", area)))
    ctx.status.connect(lambda text: seen.append(("status", text)))
    return seen


@pytest.fixture
def answers(monkeypatch):
    """Replace the modal question and error boxes; record what they said."""
    said: dict[str, list[str]] = {"confirm": [], "error": []}
    reply = {"confirm": True}

    def fake_confirm(_parent, question: str) -> bool:
        said["confirm"].append(question)
        return reply["confirm"]

    monkeypatch.setattr(common, "confirm", fake_confirm)
    monkeypatch.setattr(common, "show_error", lambda _parent, message: said["error"].append(message))
    said["reply"] = reply  # type: ignore[assignment]
    return said


def answer_dialog(monkeypatch, dialog_class, fill):
    """Make ``dialog_class.exec`` fill the fields, press Save, and return the result."""
    opened = []

    def fake_exec(self):
        opened.append(self)
        fill(self)
        self.buttons.accepted.emit()
        return self.result()

    monkeypatch.setattr(dialog_class, "exec", fake_exec)
    return opened


def error_text(widget, name: str) -> str:
    """The text of a shown error line, '' when it is hidden."""
    label = widget.findChild(QLabel, name)
    assert label is not None, name
    return "" if label.isHidden() else label.text()


def table_texts(page, column: int = 0) -> list[str]:
    proxy = page.proxy
    return [proxy.index(row, column).data() for row in range(proxy.rowCount())]


# --- layout -----------------------------------------------------------------


def test_title_areas_and_sections(tab):
    assert tab.title() == "Settings"
    assert tab.areas == ("settings",)
    assert tab.section_list.count() == 6
    tab.show_section(3)
    assert tab.section_stack.currentWidget() is tab.subjects_page
    tab.show_section(4)
    assert tab.current_page() is tab.language_page
    tab.show_section(5)
    assert tab.current_page() is tab.database_page


# --- our organisation -------------------------------------------------------


def test_our_organisation_loaded_and_saved(tab, db, ours, events):
    page = tab.our_page
    assert page.fields.name_ru.text() == "Школа №1"
    page.fields.name_kk.setText("  Ақсу мектебі ")
    page.fields.district.setText("Қарасай ауданы")
    page.fields.head_name.setText("Сейітқали Бауыржан")
    page.fields.head_title.setText("Мектеп директоры")
    page.fields.deputy_name.setText("Жақсылықова Гүлнар")
    page.fields.kind.setCurrentIndex(page.fields.kind.findData("small_school"))
    page.save_button.click()
    with db.reading() as s:
        row = organisations.get_organisation(s, ours)
    assert (row.name_kk, row.district, row.kind) == ("Ақсу мектебі", "Қарасай ауданы", "small_school")
    assert (row.head_title, row.deputy_name) == ("Мектеп директоры", "Жақсылықова Гүлнар")
    assert ("changed", "settings") in events
    assert any(kind == "status" for kind, _text in events)
    assert page.fields.name_kk.text() == "Ақсу мектебі"  # reloaded from what was saved


def test_empty_name_refused_next_to_field(tab, db, ours, events):
    page = tab.our_page
    page.fields.name_kk.setText("")
    page.fields.name_ru.setText("   ")
    page.fields.district.setText("Must not be saved")
    page.save_button.click()
    assert error_text(page, "name_kk_error") == "Enter the organisation's name in Kazakh or in Russian."
    with db.reading() as s:
        row = organisations.get_organisation(s, ours)
    assert (row.name_kk, row.district) == ("№1 мектеп", "")
    assert ("changed", "settings") not in events
    page.fields.name_kk.setText("№1 мектеп")
    page.save_button.click()
    assert error_text(page, "name_kk_error") == ""


def test_our_page_creates_ours_when_there_is_none(qtbot, ctx, db):
    widget = SettingsTab(ctx)
    qtbot.addWidget(widget)
    widget.ensure_loaded()
    widget.our_page.fields.name_ru.setText("Гимназия №2")
    assert widget.our_page.save()
    with db.reading() as s:
        row = organisations.ours(s)
    assert row is not None and row.name_ru == "Гимназия №2"


# --- other organisations ----------------------------------------------------


def test_add_and_delete_other_organisation(tab, db, monkeypatch, answers, events):
    page = tab.others_page
    assert table_texts(page) == []

    def fill(dialog):
        dialog.fields.name_kk.setText("Қаратал мектебі")
        dialog.fields.name_ru.setText("Школа Каратал")
        dialog.fields.district.setText("Қарасай ауданы")

    opened = answer_dialog(monkeypatch, OrganisationDialog, fill)
    tab.show_section(1)
    tab.new_record()
    assert len(opened) == 1
    assert table_texts(page) == ["Қаратал мектебі"]
    assert page.selected().name_ru == "Школа Каратал"
    assert ("changed", "settings") in events
    page.delete_selected()
    assert answers["confirm"] and "Қаратал мектебі" in answers["confirm"][0]
    assert table_texts(page) == []
    with db.reading() as s:
        assert [o.name_ru for o in organisations.list_organisations(s)] == ["Школа №1"]


def test_organisation_dialog_refuses_empty_names(tab, db, monkeypatch):
    opened = answer_dialog(monkeypatch, OrganisationDialog, lambda d: d.fields.district.setText("X"))
    tab.others_page.add()
    assert error_text(opened[0], "name_kk_error") == "Enter the organisation's name in Kazakh or in Russian."
    with db.reading() as s:
        assert len(organisations.list_organisations(s)) == 1


def test_delete_refused_when_organisation_has_teachers(tab, db, answers):
    with db.transaction() as s:
        other = organisations.save_organisation(s, organisations.OrganisationInput(name_kk="Қаратал мектебі"))
        teachers.save_teacher(
            s, teachers.TeacherInput(surname="Оспанов", first_name="Нұрлан", organisation_id=other)
        )
    tab.reload()
    page = tab.others_page
    assert page.select_id(other)
    page.delete_selected()
    assert answers["error"] == ["This organisation has teachers or associations, so it cannot be deleted."]
    with db.reading() as s:
        assert organisations.get_organisation(s, other).name_kk == "Қаратал мектебі"
    assert table_texts(page) == ["Қаратал мектебі"]


def test_make_another_organisation_ours(tab, db, ours, answers):
    with db.transaction() as s:
        other = organisations.save_organisation(
            s, organisations.OrganisationInput(name_kk="Қаратал мектебі", name_ru="Школа Каратал")
        )
    tab.reload()
    page = tab.others_page
    page.select_id(other)
    page.make_ours()
    with db.reading() as s:
        assert organisations.ours(s).id == other
    assert tab.our_page.fields.name_kk.text() == "Қаратал мектебі"
    assert table_texts(page) == ["№1 мектеп"]


# --- academic years ---------------------------------------------------------


def fill_year(name: str, start: str, end: str, terms: list[tuple[str, str, str]]):
    def fill(dialog):
        dialog.name.setText(name)
        dialog.start_date.setText(start)
        dialog.end_date.setText(end)
        dialog.terms_table.setRowCount(0)
        for kind, term_start, term_end in terms:
            row = dialog.add_term()
            combo = dialog.terms_table.cellWidget(row, 0)
            combo.setCurrentIndex(combo.findData(kind))
            dialog.terms_table.cellWidget(row, 1).setText(term_start)
            dialog.terms_table.cellWidget(row, 2).setText(term_end)

    return fill


def test_add_year_with_terms_through_dialog(tab, db, monkeypatch):
    fill = fill_year(
        "2026-2027",
        "01.09.2026",
        "25.05.2027",
        [("semester", "01.09.2026", "28.12.2026"), ("semester", "08.01.2027", "25.05.2027")],
    )
    opened = answer_dialog(monkeypatch, YearDialog, fill)
    tab.years_page.add()
    assert opened[0].name.text() == "2026-2027"
    with db.reading() as s:
        year = years.year_by_name(s, "2026-2027")
    assert (year.start_date, year.end_date, year.is_current) == (D(2026, 9, 1), D(2027, 5, 25), False)
    assert [(t.number, t.kind, t.start_date) for t in year.terms] == [
        (1, "semester", D(2026, 9, 1)),
        (2, "semester", D(2027, 1, 8)),
    ]
    assert sorted(table_texts(tab.years_page)) == ["2025-2026", "2026-2027"]
    assert tab.years_page.selected().name == "2026-2027"
    assert table_texts(tab.years_page, 3)[-1] == "2 semesters"


def test_new_year_dialog_starts_from_the_latest_year(db):
    with db.reading() as s:
        latest = years.current_year(s)
    template = next_year_template(latest)
    assert template.name == "2026-2027"
    assert (template.start_date, template.end_date) == (D(2026, 9, 1), D(2027, 5, 25))
    assert [t.start_date for t in template.terms] == [
        D(2026, 9, 1),
        D(2026, 11, 3),
        D(2027, 1, 8),
        D(2027, 3, 30),
    ]
    with db.transaction() as s:  # the copy is a valid year as it stands
        years.save_year(s, template)


def test_overlapping_terms_refused_in_dialog(tab, db, monkeypatch):
    fill = fill_year(
        "2026-2027",
        "01.09.2026",
        "25.05.2027",
        [("quarter", "01.09.2026", "30.10.2026"), ("quarter", "25.10.2026", "28.12.2026")],
    )
    opened = answer_dialog(monkeypatch, YearDialog, fill)
    tab.years_page.add()
    assert error_text(opened[0], "terms_error") == "Term 2 overlaps the previous one."
    assert opened[0].result() == 0
    with db.reading() as s:
        assert [y.name for y in years.list_years(s)] == ["2025-2026"]


def test_unreadable_term_date_refused_in_dialog(tab, db, monkeypatch):
    fill = fill_year("2026-2027", "01.09.2026", "25.05.2027", [("quarter", "01.09.2026", "31.31.2026")])
    opened = answer_dialog(monkeypatch, YearDialog, fill)
    tab.years_page.add()
    assert "term 1" in error_text(opened[0], "terms_error")
    with db.reading() as s:
        assert len(years.list_years(s)) == 1


def test_make_current_and_delete_year(tab, db, answers, events):
    with db.transaction() as s:
        new_id = years.save_year(s, next_year_template(years.current_year(s)))
    tab.reload()
    page = tab.years_page
    page.select_id(new_id)
    assert page.make_current_button.isEnabled()
    page.make_current()
    with db.reading() as s:
        assert years.current_year(s).id == new_id
    assert not page.make_current_button.isEnabled()
    assert ("status", "2026-2027 is now the current academic year.") in events
    page.delete_selected()  # the current year is refused
    assert answers["error"] == ["The current year cannot be deleted; make another year current first."]
    old = next(r for r in page.model.rows() if r.name == "2025-2026")
    page.select_id(old.id)
    page.delete_selected()
    with db.reading() as s:
        assert [y.name for y in years.list_years(s)] == ["2026-2027"]


# --- subjects ---------------------------------------------------------------


def test_add_subject_and_duplicate_refused(tab, db, monkeypatch):
    names = {"kk": "Робототехника", "ru": "Робототехника"}

    def fill(dialog):
        dialog.name_kk.setText(names["kk"])
        dialog.name_ru.setText(names["ru"])

    opened = answer_dialog(monkeypatch, SubjectDialog, fill)
    before = len(table_texts(tab.subjects_page))
    tab.show_section(3)
    tab.new_record()
    assert len(table_texts(tab.subjects_page)) == before + 1
    assert tab.subjects_page.selected().name_kk == "Робототехника"
    names.update(kk="математика", ru="Новая")
    tab.subjects_page.add()
    assert error_text(opened[1], "name_kk_error") == "This subject is already in the list."
    with db.reading() as s:
        assert len(subjects.list_subjects(s)) == before + 1


def test_archive_and_restore_subject(tab, db, events):
    page = tab.subjects_page
    with db.reading() as s:
        music = next(x for x in subjects.list_subjects(s) if x.name_kk == "Музыка")
    page.select_id(music.id)
    assert page.archive_button.text() == "Archive"
    page.archive_button.click()
    with db.reading() as s:
        assert music.id not in [x.id for x in subjects.list_subjects(s)]
    assert "Музыка" not in table_texts(page)
    assert ("status", "The subject Музыка was archived.") in events
    page.show_archived.setChecked(True)
    assert page.select_id(music.id)
    assert page.archive_button.text() == "Restore"
    page.archive_button.click()
    with db.reading() as s:
        assert music.id in [x.id for x in subjects.list_subjects(s)]


def test_delete_subject_archives_a_used_one(tab, db, ours, answers, events):
    with db.transaction() as s:
        listed = {x.name_kk: x.id for x in subjects.list_subjects(s)}
        teachers.save_teacher(
            s,
            teachers.TeacherInput(
                surname="Ахметова", first_name="Айгүл", organisation_id=ours, subject_ids=[listed["Химия"]]
            ),
        )
    page = tab.subjects_page
    page.select_id(listed["Химия"])
    page.delete_selected()
    assert (
        "status",
        "The subject Химия is used by teachers or associations, so it was archived instead.",
    ) in events
    page.select_id(listed["Физика"])
    page.delete_selected()
    assert ("status", "The subject Физика was deleted.") in events
    with db.reading() as s:
        everything = {x.name_kk: x.archived for x in subjects.list_subjects(s, include_archived=True)}
    assert everything["Химия"] is True and "Физика" not in everything


def test_subject_search(tab, qtbot):
    page = tab.subjects_page
    page.search.setText("тарих")
    page.search.flush()
    assert sorted(table_texts(page)) == ["Дүниежүзі тарихы", "Қазақстан тарихы"]


# --- languages --------------------------------------------------------------


def test_language_change_saves_and_restarts(qtbot, ctx, ours, monkeypatch, answers):
    window = QMainWindow()
    qtbot.addWidget(window)
    widget = SettingsTab(ctx)
    window.setCentralWidget(widget)
    window.show()
    widget.ensure_loaded()
    restarted: list[str] = []
    monkeypatch.setattr(settings_module, "restart_program", lambda lang: restarted.append(lang) or True)
    combo = widget.language_page.language_combo
    assert combo.currentData() == "en"
    combo.setCurrentIndex(combo.findData("ru"))
    assert config.get("language") == "ru"
    assert "language = ru" in paths.settings_path().read_text(encoding="utf-8")
    assert answers["confirm"] == ["The new language is used after metodesk restarts. Restart now?"]
    assert restarted == ["ru"]
    assert not window.isVisible()


def test_restart_saves_unsaved_organisation_edits_first(tab, db, ours, monkeypatch, answers):
    restarted: list[str] = []
    monkeypatch.setattr(settings_module, "restart_program", lambda lang: restarted.append(lang) or True)
    tab.our_page.fields.district.setText("Қарасай ауданы")
    assert tab.our_page.has_changes()
    combo = tab.language_page.language_combo
    combo.setCurrentIndex(combo.findData("kk"))
    assert restarted == ["kk"]
    with db.reading() as s:
        assert organisations.get_organisation(s, ours).district == "Қарасай ауданы"


def test_restart_waits_when_unsaved_edits_are_refused(tab, db, ours, monkeypatch, answers):
    restarted: list[str] = []
    monkeypatch.setattr(settings_module, "restart_program", lambda lang: restarted.append(lang) or True)
    tab.show_section(4)
    tab.our_page.fields.name_kk.setText("")
    tab.our_page.fields.name_ru.setText("")
    combo = tab.language_page.language_combo
    combo.setCurrentIndex(combo.findData("ru"))
    assert restarted == []
    assert config.saved_language() == "ru"  # the choice itself is kept for the next start
    assert tab.current_page() is tab.our_page
    assert (
        error_text(tab.our_page, "name_kk_error") == "Enter the organisation's name in Kazakh or in Russian."
    )


def test_language_change_without_restart(tab, monkeypatch, answers, events):
    answers["reply"]["confirm"] = False
    restarted: list[str] = []
    monkeypatch.setattr(settings_module, "restart_program", lambda lang: restarted.append(lang) or True)
    combo = tab.language_page.language_combo
    combo.setCurrentIndex(combo.findData("kk"))
    assert config.saved_language() == "kk"
    assert restarted == []
    assert ("status", "The new language will be used the next time metodesk starts.") in events


def test_reload_does_not_trigger_restart(tab, monkeypatch, answers):
    monkeypatch.setattr(settings_module, "restart_program", lambda lang: pytest.fail("restarted"))
    tab.reload()
    assert answers["confirm"] == []
    assert config.saved_language() is None


def test_print_language_saved_in_database(tab, db, events):
    combo = tab.language_page.print_language_combo
    assert combo.currentData() == "kk"
    combo.setCurrentIndex(combo.findData("ru"))
    with db.reading() as s:
        assert app_settings.get(s, app_settings.PRINT_LANGUAGE) == "ru"
        assert app_settings.print_language(s) == "ru"
    assert ("changed", "settings") in events
    assert config.saved_language() is None  # the interface language is untouched


@pytest.mark.parametrize(
    ("argv", "expected_tail"),
    [
        (["/venv/bin/metodesk"], []),
        (["/src/metodesk/__main__.py", "--lang", "kk", "--data-dir", "/old"], []),
        (["/venv/bin/metodesk", "--lang=kk", "--data-dir=/old", "--extra"], ["--extra"]),
        (["/venv/bin/metodesk", "--la", "kk", "--data", "/old"], []),
    ],
)
def test_restart_arguments(argv, expected_tail, monkeypatch, tmp_path):
    paths.set_data_dir(tmp_path / "somewhere")
    monkeypatch.delattr(sys, "frozen", raising=False)
    program, args = restart_arguments("ru", argv)
    assert program == sys.executable
    assert args == [
        "-m",
        "metodesk",
        *expected_tail,
        "--data-dir",
        str(tmp_path / "somewhere"),
        "--lang",
        "ru",
    ]


def test_restart_arguments_frozen(monkeypatch):
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    program, args = restart_arguments("kk", ["metodesk.exe", "--lang", "ru"])
    assert program == sys.executable
    assert args == ["--data-dir", str(paths.data_dir()), "--lang", "kk"]


# --- the other tabs hear about changes ---------------------------------------


def test_changes_from_elsewhere_reload_the_visible_tab(tab, db, ctx):
    tab.show()
    with db.transaction() as s:
        organisations.save_organisation(s, organisations.OrganisationInput(name_kk="Жаңа мектеп"))
    ctx.changed.emit("settings")
    assert table_texts(tab.others_page) == ["Жаңа мектеп"]
