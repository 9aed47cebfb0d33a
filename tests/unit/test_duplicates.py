"""Issue 19.4: a teacher or an association saved a second time is noticed."""

from __future__ import annotations

from metodesk.services import associations, duplicates, subjects, teachers, years
from metodesk.services.teachers import TeacherInput


def test_the_same_teacher_in_the_same_organisation(session, ours) -> None:
    first = teachers.save_teacher(
        session, TeacherInput(surname="Нұрғалиева", first_name="Әсел", patronymic="Бауыржанқызы", organisation_id=ours)
    )
    again = TeacherInput(surname="нұрғалиева ", first_name="ӘСЕЛ", patronymic="Бауыржанқызы", organisation_id=ours)
    found = duplicates.same_teacher(session, again)
    assert found is not None and found.id == first
    assert found.text == "Нұрғалиева Әсел Бауыржанқызы"
    assert duplicates.same_teacher(session, again, teacher_id=first) is None  # editing herself
    other = TeacherInput(surname="Нұрғалиева", first_name="Әсел", patronymic="Маратқызы", organisation_id=ours)
    assert duplicates.same_teacher(session, other) is None


def test_the_same_association_of_the_year(session, ours) -> None:
    year = years.current_year(session).id
    subject = subjects.list_subjects(session)[0]
    data = associations.AssociationInput(
        kind="subject", level="school", name_kk="ӘБ", name_ru="МО",
        subject_id=subject.id, year_id=year, organisation_id=ours,
    )
    first = associations.save_association(session, data)
    data.name_kk = "Басқа атау"
    found = duplicates.same_association(session, data)
    assert found is not None and found.id == first and found.text == "ӘБ"
    assert duplicates.same_association(session, data, first) is None
    data.subject_id = subjects.list_subjects(session)[1].id
    assert duplicates.same_association(session, data) is None
