"""The meeting editor's use cases, now services with no Qt (``meeting_draft``,
``meeting_save``, ``meeting_keep``): a new meeting loaded, edited and saved in
one transaction with its kept draft removed; a draft kept and dropped in a
transaction of its own; the database's refusal as one sentence."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass

import pytest
from sqlalchemy.exc import IntegrityError

from metodesk.domain.errors import DomainError
from metodesk.domain.meeting_enums import MeetingStatus, Presence
from metodesk.services import (
    associations,
    meeting_keep,
    meeting_save,
    meetings,
    settings,
    subjects,
    teachers,
    years,
)
from metodesk.services.meeting_draft import DraftItem, DraftPerson, load_draft

TODAY = dt.date(2025, 12, 1)


@dataclass(frozen=True)
class School:
    assoc: int
    leader: int
    members: list[int]


@pytest.fixture
def school(db, ours) -> School:
    """An association of the current year with a leader, a secretary and a member."""
    with db.transaction() as s:
        people = [
            teachers.save_teacher(
                s,
                teachers.TeacherInput(surname=surname, first_name=first, patronymic="", organisation_id=ours),
                today=TODAY,
            )
            for surname, first in (("Нұрғалиева", "Әсел"), ("Ибраев", "Ілияс"), ("Төлеуова", "Айгүл"))
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
                year_id=years.current_year(s).id,
                organisation_id=ours,
            ),
        )
        for teacher_id, role in zip(people, ("leader", "secretary", "member"), strict=True):
            associations.add_member(s, assoc, teacher_id, role)
    return School(assoc, people[0], people)


def test_a_new_meeting_is_saved_whole_and_its_draft_dropped(db, school: School) -> None:
    key = meeting_keep.key_for(school.assoc, None)
    with db.reading() as s:
        draft = load_draft(s, school.assoc, None, TODAY)
    assert draft.meeting_id is None and draft.number == 1
    assert {a.teacher_id for a in draft.attendance} == set(school.members)
    for mark in draft.attendance:
        mark.presence = Presence.PRESENT.value
    draft.status = MeetingStatus.HELD.value
    title = "Күнтізбелік-тақырыптық жоспарды қарау"
    draft.items.append(DraftItem(id=None, title=title, speaker=DraftPerson(school.leader)))
    assert meeting_keep.store(db, key, meeting_keep.encode(draft)) is None
    with db.reading() as s:
        assert meeting_keep.load(s, key) is not None
    with db.transaction() as s:
        meeting_id = meeting_save.save_meeting(s, draft, TODAY, key)
    with db.reading() as s:
        saved = meetings.get_meeting(s, meeting_id)
        again = load_draft(s, school.assoc, meeting_id, TODAY)
        assert meeting_keep.load(s, key) is None  # dropped in the meeting's own transaction
    assert saved.status == MeetingStatus.HELD.value
    assert [i.title for i in again.items] == [title]


def test_a_kept_draft_comes_back_into_a_fresh_load(db, school: School) -> None:
    key = meeting_keep.key_for(school.assoc, None)
    with db.reading() as s:
        draft = load_draft(s, school.assoc, None, TODAY)
    draft.place = "204 кабинет"
    assert meeting_keep.store(db, key, meeting_keep.encode(draft)) is None
    with db.reading() as s:
        fresh = load_draft(s, school.assoc, None, TODAY)
        kept = meeting_keep.load(s, key)
    assert kept is not None and meeting_keep.apply(fresh, kept)
    assert fresh.place == "204 кабинет"
    assert meeting_keep.store(db, key, None) is None
    with db.reading() as s:
        assert settings.get(s, key) == ""


def test_what_the_database_refuses_is_one_sentence(db, school: School, monkeypatch) -> None:
    with db.reading() as s:
        draft = load_draft(s, school.assoc, None, TODAY)

    def refused(*args, **kwargs):
        raise IntegrityError("INSERT INTO meetings", {}, Exception("UNIQUE constraint failed: meetings.number"))

    monkeypatch.setattr(meeting_save, "save_draft", refused)
    with pytest.raises(DomainError, match="could not be saved") as caught, db.transaction() as s:
        meeting_save.save_meeting(s, dataclasses.replace(draft), TODAY, "meeting_draft/x/new")
    assert "\n" not in caught.value.message
