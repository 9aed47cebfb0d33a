"""The Associations tab driven as a user would: add an association, see the
item-23 warning, make it a district association, add members, choose the
leader, remove a member, search, delete."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QDialogButtonBox, QTableView

from metodesk.domain.errors import DomainError
from metodesk.services import associations, organisations, subjects, teachers, years
from metodesk.services.associations import AssociationInput
from metodesk.services.teachers import TeacherInput
from metodesk.ui import common
from metodesk.ui.context import AppContext
from metodesk.ui.dialogs.association import AssociationDialog
from metodesk.ui.dialogs.base import FormDialog
from metodesk.ui.dialogs.member import MemberPickerDialog, MemberRoleDialog
from metodesk.ui.models import ROW_ROLE
from metodesk.ui.tabs.associations import AssociationsTab

MATH_KK = "Математика"


@pytest.fixture
def ctx(db):
    return AppContext(db)


@pytest.fixture
def tab(qtbot, ctx, ours):
    widget = AssociationsTab(ctx)
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    widget.show()
    widget.ensure_loaded()
    return widget


# ---- helpers ------------------------------------------------------------------------------------


def subject_id(db, name_kk: str) -> int:
    with db.reading() as s:
        return next(x.id for x in subjects.list_subjects(s) if x.name_kk == name_kk)


def year_id(db) -> int:
    with db.reading() as s:
        year = years.current_year(s)
        assert year is not None
        return year.id


def add_teacher(
    db, org_id: int, surname: str, subject_ids: tuple[int, ...] = (), first: str = "Айгүл"
) -> int:
    with db.transaction() as s:
        return teachers.save_teacher(
            s,
            TeacherInput(
                surname=surname, first_name=first, organisation_id=org_id, subject_ids=list(subject_ids)
            ),
        )


def other_school(db) -> int:
    with db.transaction() as s:
        return organisations.save_organisation(
            s,
            organisations.OrganisationInput(
                kind="small_school", name_kk="Қайың мектебі", name_ru="Школа Кайын"
            ),
        )


def add_association(
    db, org_id: int, subject: int | None, level: str = "school", kind: str = "subject"
) -> int:
    with db.transaction() as s:
        names = associations.suggest_names(kind, level, "Математика", "Математика")
        return associations.save_association(
            s,
            AssociationInput(
                kind=kind,
                level=level,
                name_kk=names[0],
                name_ru=names[1],
                subject_id=subject,
                year_id=year_id(db),
                organisation_id=org_id,
            ),
        )


def detail(db, association_id: int) -> associations.AssociationDetail:
    with db.reading() as s:
        return associations.get_detail(s, association_id)


def answer(monkeypatch, qtbot, dialog_class: type[FormDialog], fill: Callable) -> list[FormDialog]:  # type: ignore[type-arg]
    """Replace the modal loop of ``dialog_class``: fill the dialog, press its OK button."""
    opened: list[FormDialog] = []

    def fake_exec(dialog: FormDialog) -> int:
        opened.append(dialog)
        fill(dialog)
        qtbot.mouseClick(
            dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton
        )
        return dialog.result()

    monkeypatch.setattr(dialog_class, "exec", fake_exec)
    return opened


def say_yes(monkeypatch, answer_: bool = True) -> list[str]:
    asked: list[str] = []

    def fake_confirm(_parent, question: str) -> bool:
        asked.append(question)
        return answer_

    monkeypatch.setattr(common, "confirm", fake_confirm)
    return asked


def errors_shown(monkeypatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(common, "show_error", lambda _parent, message: shown.append(message))
    return shown


def select_in(view: QTableView, match: Callable) -> None:  # type: ignore[type-arg]
    """Select the first visible row whose plain row satisfies ``match``."""
    proxy = view.model()
    for row in range(proxy.rowCount()):
        index = proxy.index(row, 0)
        if match(index.data(ROW_ROLE)):
            view.selectionModel().select(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
            )
            view.setCurrentIndex(index)
            return
    raise AssertionError("no such row")


def listed(tab: AssociationsTab) -> list[int]:
    return [tab.proxy.index(r, 0).data(ROW_ROLE).id for r in range(tab.proxy.rowCount())]


def member_names(tab: AssociationsTab) -> list[str]:
    proxy = tab.panel.members_proxy
    return [proxy.index(r, 0).data(ROW_ROLE).full_name for r in range(proxy.rowCount())]


def warning_shown(tab: AssociationsTab) -> bool:
    return tab.panel.item23_warning.isVisible()


# ---- the list and the association dialog ----------------------------------------------------------


def test_title_areas_and_current_year(tab, db) -> None:
    assert tab.title() == "Associations"
    assert set(tab.areas) == {"associations", "teachers", "settings"}
    assert tab.year_combo.objectName() == "year_combo"
    assert tab.year_combo.currentData() == year_id(db)
    assert tab.panel.detail_tabs.tabText(0) == "Members"


def test_add_association_through_the_dialog(qtbot, monkeypatch, tab, db, ours) -> None:
    math = subject_id(db, MATH_KK)
    for surname in ("Әлиев", "Бекова"):
        add_teacher(db, ours, surname, (math,))
    seen: dict[str, str] = {}

    def fill(d: AssociationDialog) -> None:
        assert d.organisation_combo.currentData() == ours
        assert d.year_combo.currentData() == year_id(db)
        assert d.subject_combo.isEnabled() and not d.direction_edit.isEnabled()
        d.subject_combo.setCurrentIndex(d.subject_combo.findData(math))
        seen["kk"], seen["ru"] = d.name_kk.text(), d.name_ru.text()

    changed: list[str] = []
    tab.ctx.changed.connect(changed.append)
    opened = answer(monkeypatch, qtbot, AssociationDialog, fill)
    tab.new_record()
    assert len(opened) == 1 and opened[0].result() == AssociationDialog.DialogCode.Accepted
    assert seen == {
        "kk": "«Математика» пәні мұғалімдерінің әдістемелік бірлестігі",
        "ru": "Методическое объединение учителей предмета «Математика»",
    }
    assert changed == ["associations"]
    row = tab.selected()
    assert row is not None and row.name_kk == seen["kk"] and row.subject_id == math
    assert row.level == "school" and row.organisation_id == ours
    assert tab.panel.detail_name.text() == seen["kk"]
    # a new school association of a subject with two teachers: item 23 warns at once
    assert warning_shown(tab)
    assert "Only 2 teachers" in tab.panel.item23_text.text()


def test_dialog_refuses_subject_association_without_subject(qtbot, monkeypatch, tab, db) -> None:
    opened = answer(monkeypatch, qtbot, AssociationDialog, lambda d: None)
    tab.new_record()
    dialog = opened[0]
    assert dialog.result() != AssociationDialog.DialogCode.Accepted
    error = dialog.findChild(type(dialog.general_error), "subject_id_error")
    assert error is not None and not error.isHidden()
    assert error.text() == "Choose the subject of the association."
    assert listed(tab) == []


def test_suggested_names_follow_kind_and_level_until_typed(qtbot, tab, ctx, db) -> None:
    dialog = AssociationDialog(ctx, None, year_id(db))
    qtbot.addWidget(dialog)
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("class_teachers"))
    assert dialog.name_kk.text() == "Сынып жетекшілерінің әдістемелік бірлестігі"
    assert not dialog.subject_combo.isEnabled() and dialog.direction_edit.isEnabled()
    dialog.level_combo.setCurrentIndex(dialog.level_combo.findData("district"))
    assert dialog.name_ru.text() == "Районное методическое объединение классных руководителей"
    dialog.name_kk.setText("Өз атауым")  # the user's own name is kept from now on
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("primary"))
    assert dialog.name_kk.text() == "Өз атауым"
    assert dialog.name_ru.text() == "Районное методическое объединение учителей начальных классов"


def test_edit_keeps_selection_and_double_click_opens(qtbot, monkeypatch, tab, db, ours) -> None:
    first = add_association(db, ours, subject_id(db, MATH_KK))
    second = add_association(db, ours, None, kind="primary")
    tab.reload()
    select_in(tab.table, lambda r: r.id == second)

    def fill(d: AssociationDialog) -> None:
        assert d.kind_combo.currentData() == "primary"
        d.name_ru.setText("МО начальных классов")

    opened = answer(monkeypatch, qtbot, AssociationDialog, fill)
    index = tab.table.currentIndex()
    tab.table.doubleClicked.emit(index)
    assert len(opened) == 1
    assert detail(db, second).row.name_ru == "МО начальных классов"
    assert tab.selected().id == second and first in listed(tab)


# ---- item 23 -----------------------------------------------------------------------------------------


def test_item23_warning_with_two_teachers_not_with_three(qtbot, tab, db, ours) -> None:
    math = subject_id(db, MATH_KK)
    add_teacher(db, ours, "Әлиев", (math,))
    add_teacher(db, ours, "Бекова", (math,))
    add_teacher(db, other_school(db), "Жанов", (math,))  # another school's teacher does not count
    assoc = add_association(db, ours, math)
    tab.reload(assoc)
    assert warning_shown(tab)
    assert tab.panel.item23_text.text().startswith("Only 2 teachers of this subject work in the school;")
    assert "item 23" in tab.panel.item23_text.text() and tab.panel.make_district_button.isVisible()

    add_teacher(db, ours, "Қасымова", (math,))
    tab.ctx.changed.emit("teachers")  # the Teachers tab says so; a visible tab reloads
    assert tab.selected().id == assoc
    assert not warning_shown(tab)


def test_item23_warning_singular_and_never_for_district(qtbot, tab, db, ours) -> None:
    math = subject_id(db, MATH_KK)
    add_teacher(db, ours, "Әлиев", (math,))
    school = add_association(db, ours, math)
    district = add_association(db, ours, math, level="district")
    primary = add_association(db, ours, None, kind="primary")
    tab.reload(school)
    assert warning_shown(tab) and tab.panel.item23_text.text().startswith(
        "Only 1 teacher of this subject works"
    )
    tab.reload(district)
    assert tab.panel.detail_name.text().startswith("Аудандық") and not warning_shown(tab)
    tab.reload(primary)
    assert not warning_shown(tab)


def test_make_district_in_one_step(qtbot, monkeypatch, tab, db, ours) -> None:
    math = subject_id(db, MATH_KK)
    add_teacher(db, ours, "Әлиев", (math,))
    assoc = add_association(db, ours, math)
    tab.reload(assoc)
    assert tab.panel.members_table.isColumnHidden(1)  # a school association: one organisation
    asked = say_yes(monkeypatch, False)
    qtbot.mouseClick(tab.panel.make_district_button, Qt.MouseButton.LeftButton)
    assert len(asked) == 1 and detail(db, assoc).row.level == "school"

    say_yes(monkeypatch, True)
    qtbot.mouseClick(tab.panel.make_district_button, Qt.MouseButton.LeftButton)
    row = detail(db, assoc).row
    assert row.level == "district" and row.subject_id == math and row.organisation_id == ours
    assert row.name_kk.startswith("Аудандық «Математика»")  # the suggested name follows
    assert row.name_ru.startswith("Районное методическое объединение")
    assert not warning_shown(tab)
    assert tab.panel.detail_level.text() == "District (inter-school) level"
    assert not tab.panel.members_table.isColumnHidden(1)  # members may now come from several schools


# ---- members -----------------------------------------------------------------------------------------


def test_add_member_through_the_picker(qtbot, monkeypatch, tab, db, ours) -> None:
    math = subject_id(db, MATH_KK)
    alpha = add_teacher(db, ours, "Әлиев", (math,))
    add_teacher(db, ours, "Бекова", (math,))
    assoc = add_association(db, ours, math)
    tab.reload(assoc)

    def fill(d: MemberPickerDialog) -> None:
        d.search_box.setText("әли")  # QTest types ASCII only
        d.search_box.flush()
        assert d.proxy.rowCount() == 1
        select_in(d.table, lambda t: t.id == alpha)

    opened = answer(monkeypatch, qtbot, MemberPickerDialog, fill)
    qtbot.mouseClick(tab.panel.add_member_button, Qt.MouseButton.LeftButton)
    assert opened and opened[0].result() == MemberPickerDialog.DialogCode.Accepted
    assert [m.teacher_id for m in detail(db, assoc).members] == [alpha]
    assert member_names(tab) == ["Әлиев Айгүл"]
    assert tab.selected().member_count == 1


def test_picker_needs_a_choice(qtbot, monkeypatch, tab, db, ours) -> None:
    add_teacher(db, ours, "Әлиев")
    assoc = add_association(db, ours, None, kind="primary")
    tab.reload(assoc)
    opened = answer(monkeypatch, qtbot, MemberPickerDialog, lambda d: None)
    tab.panel.add_member()
    error = opened[0].findChild(type(opened[0].general_error), "teacher_id_error")
    assert not error.isHidden() and error.text() == "Choose a teacher in the list."
    assert detail(db, assoc).members == ()


def test_picker_offers_active_teachers_of_the_right_schools(qtbot, tab, ctx, db, ours) -> None:
    active = add_teacher(db, ours, "Әлиев")
    archived = add_teacher(db, ours, "Бекова")
    member = add_teacher(db, ours, "Жұмабаев")
    neighbour = add_teacher(db, other_school(db), "Сейітов")
    with db.transaction() as s:
        teachers.set_archived(s, archived, True)
    school = add_association(db, ours, None, kind="primary")
    district = add_association(db, ours, None, kind="primary", level="district")
    with db.transaction() as s:
        associations.add_member(s, school, member)

    picker = MemberPickerDialog(ctx, school)
    qtbot.addWidget(picker)
    assert [t.id for t in picker.model.rows()] == [active]  # not archived, not a member, not another school
    picker = MemberPickerDialog(ctx, district)
    qtbot.addWidget(picker)
    assert {t.id for t in picker.model.rows()} == {active, member, neighbour}
    assert not picker.table.isColumnHidden(1)  # district: the organisation column is shown

    with pytest.raises(DomainError) as refused, db.transaction() as s:
        associations.add_member(s, district, archived)
    assert refused.value.message == "An archived teacher cannot be added to an association."
    assert len(detail(db, district).members) == 0


def test_set_leader_then_another_leader(qtbot, monkeypatch, tab, db, ours) -> None:
    first = add_teacher(db, ours, "Әлиев")
    second = add_teacher(db, ours, "Бекова")
    assoc = add_association(db, ours, None, kind="primary")
    with db.transaction() as s:
        associations.add_member(s, assoc, first)
        associations.add_member(s, assoc, second)
    tab.reload(assoc)

    def make_leader(chosen: str, date: str, basis: str) -> Callable[[MemberRoleDialog], None]:
        def fill(d: MemberRoleDialog) -> None:
            d.role_combo.setCurrentIndex(d.role_combo.findData("leader"))
            assert d.since_field.isVisibleTo(d)
            d.chosen_combo.setCurrentIndex(d.chosen_combo.findData(chosen))
            d.since_field.setText(date)
            d.basis_edit.setText(basis)

        return fill

    answer(monkeypatch, qtbot, MemberRoleDialog, make_leader("elected", "28.08.2025", "№ 1 хаттама"))
    select_in(tab.panel.members_table, lambda m: m.teacher_id == first)
    qtbot.mouseClick(tab.panel.set_role_button, Qt.MouseButton.LeftButton)
    leader = detail(db, assoc).leader
    assert leader is not None and leader.teacher_id == first
    assert (leader.leader_chosen, leader.leader_since, leader.leader_basis) == (
        "elected",
        dt.date(2025, 8, 28),
        "№ 1 хаттама",
    )
    assert tab.selected().leader == "Әлиев А."
    assert "Elected; since 28.08.2025; № 1 хаттама" in tab.panel.detail_leader.text()

    answer(monkeypatch, qtbot, MemberRoleDialog, make_leader("appointed", "01.09.2025", "№ 45 бұйрық"))
    select_in(tab.panel.members_table, lambda m: m.teacher_id == second)
    tab.panel.set_role()
    members = {m.teacher_id: m for m in detail(db, assoc).members}
    assert members[second].role == "leader" and members[second].leader_chosen == "appointed"
    assert members[first].role == "member"
    assert (members[first].leader_chosen, members[first].leader_since, members[first].leader_basis) == (
        "",
        None,
        "",
    )
    roles = {
        m.full_name: tab.panel.members_model.data(tab.panel.members_model.index(i, 2))
        for i, m in enumerate(tab.panel.members_model.rows())
    }
    assert roles == {"Әлиев Айгүл": "Member", "Бекова Айгүл": "Leader"}


def test_set_role_with_a_bad_date_saves_nothing(qtbot, monkeypatch, tab, db, ours) -> None:
    teacher = add_teacher(db, ours, "Әлиев")
    assoc = add_association(db, ours, None, kind="primary")
    with db.transaction() as s:
        associations.add_member(s, assoc, teacher)
    tab.reload(assoc)

    def fill(d: MemberRoleDialog) -> None:
        d.role_combo.setCurrentIndex(d.role_combo.findData("leader"))
        d.since_field.setText("31.02.2025")

    opened = answer(monkeypatch, qtbot, MemberRoleDialog, fill)
    select_in(tab.panel.members_table, lambda m: m.teacher_id == teacher)
    tab.panel.set_role()
    error = opened[0].findChild(type(opened[0].general_error), "leader_since_error")
    assert not error.isHidden() and "day.month.year" in error.text()
    assert detail(db, assoc).members[0].role == "member"


def test_remove_member_after_confirming(qtbot, monkeypatch, tab, db, ours) -> None:
    keep = add_teacher(db, ours, "Әлиев")
    drop = add_teacher(db, ours, "Бекова")
    assoc = add_association(db, ours, None, kind="primary")
    with db.transaction() as s:
        associations.add_member(s, assoc, keep)
        associations.add_member(s, assoc, drop)
    tab.reload(assoc)
    select_in(tab.panel.members_table, lambda m: m.teacher_id == drop)
    asked = say_yes(monkeypatch, False)
    qtbot.mouseClick(tab.panel.remove_member_button, Qt.MouseButton.LeftButton)
    assert asked == ["Remove Бекова Айгүл from the association?"]
    assert len(detail(db, assoc).members) == 2

    say_yes(monkeypatch, True)
    qtbot.mouseClick(tab.panel.remove_member_button, Qt.MouseButton.LeftButton)
    assert [m.teacher_id for m in detail(db, assoc).members] == [keep]
    assert member_names(tab) == ["Әлиев Айгүл"]
    assert tab.selected().id == assoc and tab.selected().member_count == 1
    with db.reading() as s:  # the teacher stays in the school
        assert teachers.get_teacher(s, drop).archived is False


# ---- search, year, delete, state --------------------------------------------------------------------


def test_search_filters_the_list(qtbot, tab, db, ours) -> None:
    math = add_association(db, ours, subject_id(db, MATH_KK))
    primary = add_association(db, ours, None, kind="primary")
    tab.reload()
    assert sorted(listed(tab)) == sorted([math, primary])
    tab.search_box.setText("БАСТАУЫШ")
    tab.search_box.flush()
    assert listed(tab) == [primary]
    tab.search_box.clear()
    tab.search_box.flush()
    assert sorted(listed(tab)) == sorted([math, primary])


def test_year_selector_shows_that_years_associations(qtbot, tab, db, ours) -> None:
    now = add_association(db, ours, None, kind="primary")
    with db.transaction() as s:
        old_year = years.save_year(
            s,
            years.YearInput(name="2024-2025", start_date=dt.date(2024, 9, 1), end_date=dt.date(2025, 5, 25)),
        )
        old = associations.save_association(
            s,
            AssociationInput(kind="primary", name_kk="Ескі", year_id=old_year, organisation_id=ours),
        )
    tab.ctx.changed.emit("settings")
    assert tab.year_combo.currentData() == year_id(db) and listed(tab) == [now]
    tab.year_combo.setCurrentIndex(tab.year_combo.findData(old_year))
    assert listed(tab) == [old]


def test_delete_association(qtbot, monkeypatch, tab, db, ours) -> None:
    keep = add_association(db, ours, None, kind="primary")
    drop = add_association(db, ours, None, kind="class_teachers")
    with db.transaction() as s:
        associations.add_member(s, drop, add_teacher(db, ours, "Әлиев"))
    tab.reload(drop)
    asked = say_yes(monkeypatch, False)
    tab.delete_selected()
    assert len(asked) == 1 and sorted(listed(tab)) == sorted([keep, drop])

    say_yes(monkeypatch, True)
    qtbot.mouseClick(tab.delete_button, Qt.MouseButton.LeftButton)
    assert listed(tab) == [keep]
    with db.reading() as s:
        assert [a.id for a in associations.list_associations(s)] == [keep]
    assert tab.panel.detail is None and tab.panel.currentIndex() == 0


def test_refused_delete_shows_the_sentence(qtbot, monkeypatch, tab, db, ours) -> None:
    assoc = add_association(db, ours, None, kind="primary")
    tab.reload(assoc)
    sentence = "This association already has meetings or plans, so it cannot be deleted."

    def refuse(_session, _association_id):
        raise DomainError(sentence)

    monkeypatch.setattr(associations, "delete_association", refuse)
    say_yes(monkeypatch, True)
    shown = errors_shown(monkeypatch)
    tab.delete_selected()
    assert shown == [sentence]
    assert listed(tab) == [assoc] and tab.selected().id == assoc


def test_save_state_remembers_widths_and_splitter(qtbot, ctx, tab) -> None:
    tab.splitter.setSizes([500, 700])
    tab.table.setColumnWidth(1, 170)
    tab.save_state()
    assert ctx.settings.value("splitters/associations") is not None
    again = AssociationsTab(ctx)
    qtbot.addWidget(again)
    again.resize(1200, 700)
    again.show()
    assert again.table.columnWidth(1) == 170
    assert abs(again.splitter.sizes()[0] - tab.splitter.sizes()[0]) <= 2
