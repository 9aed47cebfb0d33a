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
from tests.unit.test_meeting_editor_services import school  # noqa: F401 (a fixture)

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
        teacher_id = teachers.save_teacher(
            s, TeacherInput(surname="Сапарова", first_name="Айгерім", organisation_id=ours)
        )
    with db.reading() as s:
        shown = teachers.get_teacher(s, teacher_id)  # the dialog opens at 10:00
    assert shown.version == 1
    with other_methodist(db).begin() as theirs:  # 10:02: she saves the teacher
        theirs.get(Teacher, teacher_id).surname = "Ахметова"
    with pytest.raises(ChangedMeanwhile) as refused:  # 10:05: the dialog's save
        with db.transaction() as s:
            teachers.save_teacher(
                s, _teacher_input(shown, surname="Омарова"), teacher_id, version=shown.version
            )
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


def _meeting(db) -> tuple[int, str]:
    """A saved meeting of the meeting editor tests' association, and its kept-draft key."""
    from metodesk.services import meeting_keep, meeting_save
    from metodesk.services.meeting_draft import load_draft
    from tests.unit.test_meeting_editor_services import TODAY

    with db.reading() as s:
        assoc_id = associations.list_associations(s)[0].id
        draft = load_draft(s, assoc_id, None, TODAY)
    with db.transaction() as s:
        meeting_id = meeting_save.save_meeting(s, draft, TODAY, meeting_keep.key_for(assoc_id, None))
    return meeting_id, meeting_keep.key_for(assoc_id, meeting_id)


def test_a_meeting_saved_meanwhile_is_not_overwritten(db, school) -> None:
    from metodesk.services import meeting_save, meetings
    from metodesk.services.meeting_draft import load_draft
    from metodesk.storage.models import Meeting
    from tests.unit.test_meeting_editor_services import TODAY

    meeting_id, key = _meeting(db)
    with db.reading() as s:
        mine = load_draft(s, school.assoc, meeting_id, TODAY)  # the editor opens
    assert mine.version is not None and mine.version >= 1
    with other_methodist(db).begin() as theirs:
        theirs.get(Meeting, meeting_id).place = "Мұғалімдер бөлмесі"
    mine.place = "Кітапхана"
    with pytest.raises(ChangedMeanwhile) as refused:
        with db.transaction() as s:
            meeting_save.save_meeting(s, mine, TODAY, key, version=mine.version)
    assert_refused(refused, "meeting", meeting_id)
    with db.reading() as s:
        kept = meetings.get_meeting(s, meeting_id)
        fresh = load_draft(s, school.assoc, meeting_id, TODAY)
    assert (kept.place, kept.version) == ("Мұғалімдер бөлмесі", mine.version + 1)
    fresh.place = "Кітапхана"
    with db.transaction() as s:
        meeting_save.save_meeting(s, fresh, TODAY, key, version=fresh.version)
    with db.reading() as s:
        assert meetings.get_meeting(s, meeting_id).place == "Кітапхана"


def test_an_editor_save_of_the_attendance_alone_counts_for_the_other_editor(db, school) -> None:
    """Two editors open on one meeting; the first saves only attendance marks:
    the meeting's version still moves on, so the second editor's save is refused."""
    from metodesk.domain.meeting_enums import Presence
    from metodesk.services import attendance, meeting_save
    from metodesk.services.meeting_draft import load_draft
    from tests.unit.test_meeting_editor_services import TODAY

    meeting_id, key = _meeting(db)
    with db.reading() as s:
        first = load_draft(s, school.assoc, meeting_id, TODAY)
        second = load_draft(s, school.assoc, meeting_id, TODAY)
    for mark in first.attendance:
        mark.presence = Presence.PRESENT.value
    with db.transaction() as s:
        meeting_save.save_meeting(s, first, TODAY, key, version=first.version)
    second.attendance[0].presence = Presence.ABSENT.value
    second.attendance[0].reason = "ауырды"
    with pytest.raises(ChangedMeanwhile, match="changed this record at "):
        with db.transaction() as s:
            meeting_save.save_meeting(s, second, TODAY, key, version=second.version)
    with db.reading() as s:
        marks = {a.presence for a in attendance.attendance(s, meeting_id)}
    assert marks == {Presence.PRESENT.value}


def test_a_plan_activity_saved_meanwhile_is_not_overwritten(db) -> None:
    from metodesk.services import plan_activities, plans
    from metodesk.storage.models import PlanActivity
    from tests.unit.test_plans import activity, make_world

    with db.transaction() as s:
        world = make_world(s)
        plan_id = plans.create_plan(s, world.association)
        activity_id = plan_activities.save_activity(s, plan_id, activity())
    with db.reading() as s:
        shown = plans.get_plan(s, plan_id).activities[0]
    assert (shown.id, shown.version) == (activity_id, 1)
    with other_methodist(db).begin() as theirs:
        theirs.get(PlanActivity, activity_id).content = "Семинар-практикум өткізу"
    with pytest.raises(ChangedMeanwhile) as refused:
        with db.transaction() as s:
            plan_activities.save_activity(
                s, plan_id, activity(content="Ашық сабақтар апталығы"), activity_id, version=shown.version
            )
    assert_refused(refused, "plan_activity", activity_id)
    with db.reading() as s:
        kept = plans.get_plan(s, plan_id).activities[0]
    assert (kept.content, kept.version) == ("Семинар-практикум өткізу", 2)
    with db.transaction() as s:
        plan_activities.save_activity(
            s, plan_id, activity(content="Ашық сабақтар апталығы"), activity_id, version=kept.version
        )
    with db.reading() as s:
        assert plans.get_plan(s, plan_id).activities[0].content == "Ашық сабақтар апталығы"


def test_a_lesson_saved_meanwhile_is_not_overwritten(db, school) -> None:
    from metodesk.services import lessons
    from metodesk.services.lessons import LessonInput
    from metodesk.storage.models import Lesson
    from tests.unit.test_lessons import OCT22, TODAY

    def planned(topic: str) -> LessonInput:
        return LessonInput(
            association_id=school.assoc,
            teacher_id=school.members[1],
            grade=6,
            class_letter="ә",
            date=OCT22,
            topic=topic,
        )

    with db.transaction() as s:
        lesson_id = lessons.save_lesson(s, planned("Зат есімнің септелуі"), today=TODAY)
    with db.reading() as s:
        shown = lessons.get_lesson(s, lesson_id)
    assert shown.version == 1
    with other_methodist(db).begin() as theirs:
        theirs.get(Lesson, lesson_id).topic = "Сын есімнің шырайлары"
    with pytest.raises(ChangedMeanwhile) as refused:
        with db.transaction() as s:
            lessons.save_lesson(
                s, planned("Етістіктің шақтары"), lesson_id, today=TODAY, version=shown.version
            )
    assert_refused(refused, "lesson", lesson_id)
    with db.reading() as s:
        kept = lessons.get_lesson(s, lesson_id)
    assert (kept.topic, kept.version) == ("Сын есімнің шырайлары", 2)
    with db.transaction() as s:
        lessons.save_lesson(s, planned("Етістіктің шақтары"), lesson_id, today=TODAY, version=kept.version)
    with db.reading() as s:
        assert lessons.get_lesson(s, lesson_id).topic == "Етістіктің шақтары"
