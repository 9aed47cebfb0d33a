"""The Teachers tab and the teacher dialog, driven as a user would: fill, save,
search, archive, restore, delete, sort."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QDialogButtonBox

from metodesk.i18n import set_language
from metodesk.services import associations, subjects, teachers, years
from metodesk.services.teachers import TeacherInput
from metodesk.ui.context import AppContext
from metodesk.ui.dialogs.teacher import TeacherDialog
from metodesk.ui.tabs.teachers import TeachersTab


@pytest.fixture
def ctx(db):
    return AppContext(db)


@pytest.fixture
def tab(qtbot, ctx, ours):
    widget = TeachersTab(ctx)
    qtbot.addWidget(widget)
    widget.resize(1100, 650)
    widget.ensure_loaded()
    return widget


def add_teacher(db, org_id: int, surname: str, first_name: str = "Айгүл", **extra) -> int:
    with db.transaction() as s:
        return teachers.save_teacher(
            s, TeacherInput(surname=surname, first_name=first_name, organisation_id=org_id, **extra)
        )


def get(db, teacher_id: int) -> teachers.TeacherRow:
    with db.reading() as s:
        return teachers.get_teacher(s, teacher_id)


def all_teachers(db) -> list[teachers.TeacherRow]:
    with db.reading() as s:
        return teachers.list_teachers(s, include_archived=True)


def answer_dialog(monkeypatch, qtbot, fill: Callable[[TeacherDialog], None]) -> list[TeacherDialog]:
    """Replace the modal loop: fill the dialog, press Save, report whether it closed."""
    opened: list[TeacherDialog] = []

    def fake_exec(dialog: TeacherDialog) -> int:
        opened.append(dialog)
        fill(dialog)
        save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
        qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
        return dialog.result()

    monkeypatch.setattr(TeacherDialog, "exec", fake_exec)
    return opened


def names(tab: TeachersTab) -> list[str]:
    return [row.surname for row in tab.visible_rows()]


def subject_id(db, name_kk: str) -> int:
    with db.reading() as s:
        return next(x.id for x in subjects.list_subjects(s) if x.name_kk == name_kk)


def test_add_a_teacher_through_the_dialog(qtbot, monkeypatch, tab, db, ours) -> None:
    def fill(d: TeacherDialog) -> None:
        assert d.organisation.currentData() == ours  # our organisation by default
        # QTest.keyClicks asserts on non-ASCII text in Qt 6.12: Cyrillic goes in by setText.
        d.surname.setText("  Нұрғалиева ")
        d.first_name.setText("Сәуле")
        d.patronymic.setText("Бекқызы")
        d.position.setCurrentIndex(d.position.findData("primary_teacher"))
        d.category.setCurrentIndex(d.category.findData("expert"))
        qtbot.keyClicks(d.category_date, "15.05.2023")
        qtbot.keyClicks(d.teaching_since, "01.09.2010")
        assert "Experience:" in d.experience_label.text()
        d.young_specialist.setChecked(True)

    opened = answer_dialog(monkeypatch, qtbot, fill)
    areas: list[str] = []
    tab.ctx.changed.connect(areas.append)
    statuses: list[str] = []
    tab.ctx.status.connect(statuses.append)

    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)

    assert opened and opened[0].windowTitle() == "New teacher"
    [row] = all_teachers(db)
    assert (row.surname, row.first_name, row.patronymic) == ("Нұрғалиева", "Сәуле", "Бекқызы")
    assert (row.position, row.category) == ("primary_teacher", "expert")
    assert row.category_date == dt.date(2023, 5, 15)
    assert row.teaching_since == dt.date(2010, 9, 1)
    assert row.young_specialist and row.organisation_id == ours
    assert areas == ["teachers"]
    assert statuses == ["The teacher was added."]
    assert names(tab) == ["Нұрғалиева"]
    assert tab.current_teacher().id == row.id
    assert tab.count_label.text() == "1 teacher"
    shown = [tab.proxy.index(0, c).data() for c in range(tab.proxy.columnCount())]
    assert shown[1] == "№1 мектеп"
    assert shown[3:6] == ["Primary teacher", "Teacher-expert", "15.05.2023"]
    assert shown[7] == "Yes"


def test_edit_keeps_the_selection_on_the_edited_row(qtbot, monkeypatch, tab, db, ours) -> None:
    add_teacher(db, ours, "Абаева")
    target = add_teacher(db, ours, "Бекова", teaching_since=dt.date(2015, 9, 1), category="moderator")
    add_teacher(db, ours, "Жұмабаев")
    tab.reload()
    assert tab.select_teacher(target)

    def fill(d: TeacherDialog) -> None:
        assert d.windowTitle() == "Edit teacher"
        assert d.surname.text() == "Бекова"
        assert d.category.currentData() == "moderator"
        assert d.teaching_since.text() == "01.09.2015"
        d.surname.setText("Ясауи")  # moves to the end of the sorted list
        d.first_name.setText("Гүлнар")

    answer_dialog(monkeypatch, qtbot, fill)
    qtbot.mouseClick(tab.edit_button, Qt.MouseButton.LeftButton)

    row = get(db, target)
    assert (row.surname, row.first_name) == ("Ясауи", "Гүлнар")
    assert row.category == "moderator" and row.teaching_since == dt.date(2015, 9, 1)
    assert names(tab) == ["Абаева", "Жұмабаев", "Ясауи"]
    assert tab.current_teacher().id == target


def test_double_click_and_enter_open_the_teacher(qtbot, monkeypatch, tab, db, ours) -> None:
    target = add_teacher(db, ours, "Сейітова")
    tab.reload()
    opened = answer_dialog(monkeypatch, qtbot, lambda d: d.patronymic.setText("Әлібекқызы"))
    tab.select_teacher(target)
    tab.table.doubleClicked.emit(tab.table.currentIndex())
    assert opened and opened[0].teacher_id == target
    assert get(db, target).patronymic == "Әлібекқызы"
    qtbot.keyClick(tab.table, Qt.Key.Key_Return)
    assert len(opened) == 2 and opened[1].teacher_id == target


def test_empty_surname_is_refused_next_to_the_field(qtbot, monkeypatch, tab, db) -> None:
    def fill(d: TeacherDialog) -> None:
        d.surname.setText("   ")
        d.first_name.setText("Айгүл")

    opened = answer_dialog(monkeypatch, qtbot, fill)
    areas: list[str] = []
    tab.ctx.changed.connect(areas.append)
    tab.new_record()

    dialog = opened[0]
    assert dialog.result() == 0  # still open, not accepted
    error = dialog.findChild(type(dialog.general_error), "surname_error")
    assert not error.isHidden()
    assert error.text() == "Enter the surname."
    assert dialog.general_error.isHidden()
    assert all_teachers(db) == [] and areas == []
    assert tab.model.rowCount() == 0


def test_unreadable_date_is_refused_next_to_its_field(qtbot, monkeypatch, tab, db) -> None:
    def fill(d: TeacherDialog) -> None:
        d.surname.setText("Омаров")
        d.first_name.setText("Ерлан")
        d.teaching_since.setText("31.02.2010")

    opened = answer_dialog(monkeypatch, qtbot, fill)
    tab.new_record()
    error = opened[0].findChild(type(opened[0].general_error), "teaching_since_error")
    assert not error.isHidden() and "day.month.year" in error.text()
    assert opened[0].experience_label.text() == ""
    assert all_teachers(db) == []


def test_no_category_means_no_award_date(qtbot, monkeypatch, tab, db) -> None:
    def fill(d: TeacherDialog) -> None:
        d.surname.setText("Омаров")
        d.first_name.setText("Ерлан")
        d.category.setCurrentIndex(d.category.findData("expert"))
        d.category_date.setText("01.06.2020")
        assert d.category_date.isEnabled()
        d.category.setCurrentIndex(d.category.findData("none"))
        assert not d.category_date.isEnabled()

    answer_dialog(monkeypatch, qtbot, fill)
    tab.new_record()
    [row] = all_teachers(db)
    assert row.category == "none" and row.category_date is None


def test_category_list_holds_current_and_legacy_codes(qtbot, ctx, ours) -> None:
    dialog = TeacherDialog(ctx)
    qtbot.addWidget(dialog)
    codes = [dialog.category.itemData(i) for i in range(dialog.category.count())]
    assert [c for c in codes if c] == [
        "none",
        "pedagog",
        "moderator",
        "expert",
        "researcher",
        "master",
        "legacy_highest",
        "legacy_first",
        "legacy_second",
    ]


def test_subjects_chosen_in_the_dialog_are_saved(qtbot, monkeypatch, tab, db, ours) -> None:
    physics = subject_id(db, "Физика")
    maths = subject_id(db, "Математика")

    def fill(d: TeacherDialog) -> None:
        d.surname.setText("Әлиев")
        d.first_name.setText("Марат")
        d.subjects.filter.setText("ФИЗ")
        visible = [i.text() for i in d.subjects.items() if not i.isHidden()]
        assert visible == ["Физика"]
        d.subjects.set_checked(physics)
        d.subjects.filter.clear()
        d.subjects.set_checked(maths)
        assert d.subjects.count_label.text() == "2 subjects chosen"

    answer_dialog(monkeypatch, qtbot, fill)
    tab.new_record()
    [row] = all_teachers(db)
    assert set(row.subject_ids) == {physics, maths}
    assert tab.proxy.index(0, 2).data() == "Математика, Физика"

    def check_and_untick(d: TeacherDialog) -> None:
        assert set(d.subjects.chosen_ids()) == {physics, maths}
        d.subjects.set_checked(maths, False)

    answer_dialog(monkeypatch, qtbot, check_and_untick)
    tab.edit_selected()
    assert get(db, row.id).subject_ids == (physics,)


def test_search_folds_case_and_latin_i(qtbot, tab, db, ours) -> None:
    for surname in ("Нұрғалиев", "Ілиясов", "Петрова"):
        add_teacher(db, ours, surname)
    tab.reload()
    assert tab.count_label.text() == "3 teachers"

    tab.search.setText("нұрғ")
    tab.search.flush()
    assert names(tab) == ["Нұрғалиев"]
    assert tab.count_label.text() == "1 of 3 teachers"

    tab.search.setText("iлияс")  # Latin i, as old texts write the Kazakh і
    tab.search.flush()
    assert names(tab) == ["Ілиясов"]

    tab.search.clear()
    tab.search.flush()
    assert sorted(names(tab)) == sorted(["Нұрғалиев", "Ілиясов", "Петрова"])


def test_focus_search_focuses_and_selects(qtbot, tab) -> None:
    tab.show()
    qtbot.waitExposed(tab)
    tab.activateWindow()
    tab.search.setText("Ахмет")
    tab.table.setFocus()
    tab.focus_search()
    qtbot.waitUntil(tab.search.hasFocus, timeout=1000)
    assert tab.search.selectedText() == "Ахмет"


def test_archive_and_restore(qtbot, tab, db, ours) -> None:
    keep = add_teacher(db, ours, "Абаева")
    gone = add_teacher(db, ours, "Сарина")
    tab.reload()
    tab.select_teacher(gone)
    assert tab.archive_button.text() == "Archive"

    qtbot.mouseClick(tab.archive_button, Qt.MouseButton.LeftButton)
    assert get(db, gone).archived and not get(db, keep).archived
    assert names(tab) == ["Абаева"]  # archived teachers are hidden by default
    assert tab.current_teacher() is None
    assert not tab.archive_button.isEnabled()

    tab.show_archived.setChecked(True)
    assert names(tab) == ["Абаева", "Сарина"]
    archived_index = tab.proxy.index(1, 0)
    assert isinstance(archived_index.data(Qt.ItemDataRole.ForegroundRole), QBrush)
    assert archived_index.data(Qt.ItemDataRole.FontRole).italic()
    assert tab.proxy.index(0, 0).data(Qt.ItemDataRole.ForegroundRole) is None

    tab.select_teacher(gone)
    assert tab.archive_button.text() == "Restore"
    qtbot.mouseClick(tab.archive_button, Qt.MouseButton.LeftButton)
    assert not get(db, gone).archived
    assert tab.current_teacher().id == gone
    assert tab.archive_button.text() == "Archive"


def test_delete_of_a_member_archives_instead(qtbot, monkeypatch, tab, db, ours) -> None:
    member = add_teacher(db, ours, "Мұратова", subject_ids=[subject_id(db, "Химия")])
    with db.transaction() as s:
        year = years.current_year(s)
        assoc = associations.save_association(
            s,
            associations.AssociationInput(
                kind="subject",
                name_kk="Химия ӘБ",
                subject_id=subject_id(db, "Химия"),
                year_id=year.id,
                organisation_id=ours,
            ),
        )
        associations.add_member(s, assoc, member)
    tab.reload()
    tab.select_teacher(member)
    asked: list[str] = []
    monkeypatch.setattr("metodesk.ui.common.confirm", lambda parent, q: asked.append(q) or True)
    statuses: list[str] = []
    tab.ctx.status.connect(statuses.append)

    qtbot.mouseClick(tab.delete_button, Qt.MouseButton.LeftButton)

    assert asked and "Мұратова" in asked[0]
    assert get(db, member).archived
    assert statuses == ["Мұратова Айгүл appears in records, so the teacher was archived instead of deleted."]
    assert names(tab) == []


def test_delete_of_an_unreferenced_teacher_deletes(qtbot, monkeypatch, tab, db, ours) -> None:
    target = add_teacher(db, ours, "Жаңабаев", subject_ids=[subject_id(db, "Музыка")])
    other = add_teacher(db, ours, "Ахметова")
    tab.reload()
    tab.select_teacher(target)

    monkeypatch.setattr("metodesk.ui.common.confirm", lambda parent, q: False)
    tab.delete_selected()
    assert len(all_teachers(db)) == 2  # said no: nothing happened

    monkeypatch.setattr("metodesk.ui.common.confirm", lambda parent, q: True)
    statuses: list[str] = []
    tab.ctx.status.connect(statuses.append)
    tab.delete_selected()
    assert [t.id for t in all_teachers(db)] == [other]
    assert statuses == ["Жаңабаев Айгүл was deleted."]
    assert names(tab) == ["Ахметова"]
    assert tab.count_label.text() == "1 teacher"


def test_buttons_apply_only_to_a_selection(qtbot, tab, db, ours) -> None:
    target = add_teacher(db, ours, "Тоқтаров")
    tab.reload()
    assert tab.add_button.isEnabled()
    for button in (tab.edit_button, tab.archive_button, tab.delete_button):
        assert not button.isEnabled()
    for button in (tab.add_button, tab.edit_button, tab.archive_button, tab.delete_button):
        assert button.toolTip()
    tab.select_teacher(target)
    for button in (tab.edit_button, tab.archive_button, tab.delete_button):
        assert button.isEnabled()


def test_name_column_sorts_in_kazakh_alphabet(qtbot, ctx, db, ours) -> None:
    set_language("kk")
    for surname in ("Ілиясов", "Өмірзақов", "Ахметов", "Иванов", "Әбілов", "Ыбыраев", "Омаров", "Бекова"):
        add_teacher(db, ours, surname)
    tab = TeachersTab(ctx)
    qtbot.addWidget(tab)
    tab.ensure_loaded()
    kazakh_order = ["Ахметов", "Әбілов", "Бекова", "Иванов", "Омаров", "Өмірзақов", "Ыбыраев", "Ілиясов"]
    tab.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    assert names(tab) == kazakh_order
    tab.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert names(tab) == kazakh_order[::-1]


def test_numbers_and_dates_sort_by_value(qtbot, tab, db, ours) -> None:
    add_teacher(db, ours, "Ана", teaching_since=dt.date(2022, 9, 1))  # 2+ years
    add_teacher(db, ours, "Бала", teaching_since=dt.date(1990, 9, 1))  # 30+ years
    add_teacher(db, ours, "Вера", teaching_since=dt.date(2012, 9, 1))  # 10+ years
    tab.reload()
    tab.table.sortByColumn(6, Qt.SortOrder.AscendingOrder)  # "10" < "3" as text, not as numbers
    assert names(tab) == ["Ана", "Вера", "Бала"]


def test_column_widths_are_remembered(qtbot, ctx, ours) -> None:
    first = TeachersTab(ctx)
    qtbot.addWidget(first)
    first.table.setColumnWidth(0, 333)
    first.save_state()
    second = TeachersTab(ctx)
    qtbot.addWidget(second)
    assert second.table.columnWidth(0) == 333


def test_title_and_areas(tab) -> None:
    assert tab.title() == "Teachers"
    assert set(tab.areas) == {"teachers", "settings"}


def test_columns_fit_the_table_until_the_user_resizes_one(qtbot, tab, db, ours) -> None:
    add_teacher(db, ours, "Әбдірахманова", patronymic="Сейітқызы", teaching_since=dt.date(2001, 9, 1))
    tab.reload()
    tab.show()
    qtbot.waitExposed(tab)
    header = tab.table.horizontalHeader()
    for width, least_for_name in ((1100, 150), (900, 100)):
        tab.resize(width, 650)
        qtbot.wait(10)
        used = sum(header.sectionSize(i) for i in range(header.count()))
        assert used <= tab.table.viewport().width()
        assert header.sectionSize(0) >= least_for_name
    qtbot.mousePress(header.viewport(), Qt.MouseButton.LeftButton)  # the user takes over
    header.resizeSection(0, 400)
    tab.resize(1000, 650)
    qtbot.wait(10)
    assert header.sectionSize(0) == 400
    tab.grab().save(str(tab.ctx.db.path.parent / "teachers_tab.png"))  # renders without errors
