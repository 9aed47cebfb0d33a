"""Several methodists at once (issue 20): a dialog opened before another
methodist's save names the version it showed, and its save over her newer
change is refused with the sentence naming who and when; nothing changes.
A save naming the current version passes."""

from __future__ import annotations

import dataclasses

import pytest
from sqlalchemy.orm import Session, sessionmaker

from metodesk.services import associations, teachers
from metodesk.services.teachers import TeacherInput
from metodesk.storage import versions
from metodesk.storage.models import Teacher
from metodesk.storage.versions import ChangedMeanwhile

pytestmark = pytest.mark.both_databases

OTHER = "gulnar"


def other_methodist(db) -> sessionmaker[Session]:
    """A second methodist's sessions on the same database (her own connections)."""
    other = sessionmaker(bind=db.engine, expire_on_commit=False)
    versions.install(other, OTHER)
    return other


def assert_refused(refused: pytest.ExceptionInfo[ChangedMeanwhile], table: str, record_id: int) -> None:
    message = str(refused.value)
    assert message.startswith(f"{OTHER} changed this record at ")
    assert "your change was not saved" in message
    assert (refused.value.table, refused.value.record_id) == (table, record_id)


def _teacher_input(row: teachers.TeacherRow, **changes: object) -> TeacherInput:
    data = TeacherInput(
        surname=row.surname,
        first_name=row.first_name,
        patronymic=row.patronymic,
        organisation_id=row.organisation_id,
        subject_ids=list(row.subject_ids),
        position=row.position,
        category=row.category,
    )
    return dataclasses.replace(data, **changes)


def test_a_teacher_saved_meanwhile_is_not_overwritten(db, ours) -> None:
    with db.transaction() as s:
        teacher_id = teachers.save_teacher(s, TeacherInput(surname="Сапарова", first_name="Айгерім", organisation_id=ours))
    with db.reading() as s:
        shown = teachers.get_teacher(s, teacher_id)  # the dialog opens at 10:00
    assert shown.version == 1
    with other_methodist(db).begin() as theirs:  # 10:02: she saves the teacher
        theirs.get(Teacher, teacher_id).surname = "Ахметова"
    with pytest.raises(ChangedMeanwhile) as refused:  # 10:05: the dialog's save
        with db.transaction() as s:
            teachers.save_teacher(s, _teacher_input(shown, surname="Омарова"), teacher_id, version=shown.version)
    assert_refused(refused, "teacher", teacher_id)
    with db.reading() as s:
        kept = teachers.get_teacher(s, teacher_id)
    assert (kept.surname, kept.version) == ("Ахметова", 2)
    with db.transaction() as s:  # reloaded: the current version passes
        teachers.save_teacher(s, _teacher_input(kept, surname="Омарова"), teacher_id, version=kept.version)
    with db.reading() as s:
        saved = teachers.get_teacher(s, teacher_id)
    assert (saved.surname, saved.version) == ("Омарова", 3)


def test_an_association_saved_meanwhile_is_not_overwritten(db, ours) -> None:
    from metodesk.storage.models import Association
    from tests.unit.test_associations_service import _data

    with db.transaction() as s:
        assoc_id = associations.save_association(s, _data(s, ours))
    with db.reading() as s:
        shown = associations.get_detail(s, assoc_id).row
        mine = _data(s, ours, name_kk="Математика әдістемелік бірлестігі")
    assert shown.version == 1
    with other_methodist(db).begin() as theirs:
        theirs.get(Association, assoc_id).direction = "Функционалдық сауаттылық"
    with pytest.raises(ChangedMeanwhile) as refused:
        with db.transaction() as s:
            associations.save_association(s, mine, assoc_id, version=shown.version)
    assert_refused(refused, "association", assoc_id)
    with db.reading() as s:
        kept = associations.get_detail(s, assoc_id).row
    assert (kept.name_kk, kept.direction, kept.version) == ("Математика ӘБ", "Функционалдық сауаттылық", 2)
    with db.transaction() as s:
        associations.save_association(s, mine, assoc_id, version=kept.version)
    with db.reading() as s:
        saved = associations.get_detail(s, assoc_id).row
    assert (saved.name_kk, saved.version) == ("Математика әдістемелік бірлестігі", 3)
