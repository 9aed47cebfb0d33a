"""Several methodists at once (issue 20): a save over someone else's newer
change is refused with a sentence naming who and when; nothing is lost."""

from __future__ import annotations

import datetime as dt

import pytest

from metodesk.i18n import set_language
from metodesk.services import organisations, teachers
from metodesk.services.teachers import TeacherInput
from metodesk.storage import versions
from metodesk.storage.models import Teacher
from metodesk.storage.versions import ChangedMeanwhile

pytestmark = pytest.mark.both_databases


def _teacher(db) -> int:
    with db.transaction() as s:
        org = organisations.save_organisation(
            s, organisations.OrganisationInput(kind="school", name_kk="№1 мектеп", name_ru="Школа №1")
        )
        return teachers.save_teacher(s, TeacherInput(surname="Сапарова", first_name="Айгерім", organisation_id=org))


def _other_methodist(db, author: str):
    """A second methodist's sessions on the same database (her own connections)."""
    from sqlalchemy.orm import sessionmaker

    other = sessionmaker(bind=db.engine, expire_on_commit=False)
    versions.install(other, author)
    return other


def test_a_new_record_is_at_version_one_and_names_its_author(db) -> None:
    teacher_id = _teacher(db)
    with db.reading() as s:
        teacher = s.get(Teacher, teacher_id)
        assert teacher.version == 1
        assert teacher.updated_by == db.author
    assert db.author


def test_each_save_counts_one_more_version(db) -> None:
    teacher_id = _teacher(db)
    for expected in (2, 3):
        with db.transaction() as s:
            s.get(Teacher, teacher_id).position = "deputy_director" if expected == 2 else "teacher"
        with db.reading() as s:
            assert s.get(Teacher, teacher_id).version == expected


def test_two_sessions_editing_the_same_record(db) -> None:
    """Both read version 1; the other methodist saves first; this save is
    refused with her name and the time, and her change is kept whole."""
    teacher_id = _teacher(db)
    other = _other_methodist(db, "gulnar")
    with pytest.raises(ChangedMeanwhile) as refused:
        with db.transaction() as mine:
            my_copy = mine.get(Teacher, teacher_id)
            assert my_copy.version == 1
            with other.begin() as theirs:
                theirs.get(Teacher, teacher_id).surname = "Сапарова-Ахметова"
            my_copy.surname = "Сапарова-Омарова"
    message = str(refused.value)
    assert message.startswith("gulnar changed this record at ")
    assert "your change was not saved" in message and "Reload" in message
    assert refused.value.table == "teacher" and refused.value.record_id == teacher_id
    with db.reading() as s:
        kept = s.get(Teacher, teacher_id)
        assert (kept.surname, kept.version, kept.updated_by) == ("Сапарова-Ахметова", 2, "gulnar")


def test_a_record_deleted_meanwhile(db) -> None:
    teacher_id = _teacher(db)
    other = _other_methodist(db, "gulnar")
    with pytest.raises(ChangedMeanwhile, match="Someone else deleted this record"):
        with db.transaction() as mine:
            my_copy = mine.get(Teacher, teacher_id)
            with other.begin() as theirs:
                theirs.delete(theirs.get(Teacher, teacher_id))
            my_copy.surname = "Омарова"


def test_a_screen_opened_before_another_save_is_refused(db) -> None:
    """What a dialog showed (version 1) is checked against the record now."""
    teacher_id = _teacher(db)
    with db.transaction() as s:
        s.get(Teacher, teacher_id).surname = "Ахметова"
    with pytest.raises(ChangedMeanwhile, match=f"^{db.author} changed this record at ") as refused:
        with db.transaction() as s:
            versions.expect_version(s.get(Teacher, teacher_id), 1)
    assert (refused.value.table, refused.value.record_id) == ("teacher", teacher_id)
    with db.transaction() as s:
        versions.expect_version(s.get(Teacher, teacher_id), 2)  # the current version passes


@pytest.mark.parametrize(
    ("lang", "start"),
    [("kk", "gulnar бұл жазбаны сіз ашқаннан кейін 20.05.2026 "), ("ru", "gulnar изменил(а) эту запись 20.05.2026 ")],
)
def test_the_refusal_in_kazakh_and_russian(lang: str, start: str) -> None:
    set_language(lang)
    message = str(versions.changed_meanwhile("gulnar", dt.datetime(2026, 5, 20, 6, 30)))
    assert message.startswith(start)
    assert "20.05.2026" in message


def test_the_version_and_author_stay_home(db) -> None:
    """Neither travels in an exchange package: they are this database's own."""
    from metodesk.services.exchange_format import exchange_tables

    for info in exchange_tables():
        assert "version" not in info.columns and "updated_by" not in info.columns
