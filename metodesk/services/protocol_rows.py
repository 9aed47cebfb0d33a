"""Everything a protocol or an attendance sheet prints, as plain frozen rows.

The service reads the meeting once and hands these rows to ``metodesk.reports``,
which never sees a Session. The rows hold both languages of the fixed names
(organisation, association); the report picks one when it is built.

The row types live in ``metodesk.domain.rows.protocol`` (reports import them from there); they are
re-exported here under their old names for the callers that import them from this module.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from metodesk.domain.council import COUNCIL_KIND
from metodesk.domain.errors import NotFound
from metodesk.domain.meeting_enums import MeetingStatus, Presence
from metodesk.domain.rows.protocol import (
    PrintedAbsence as PrintedAbsence,
)
from metodesk.domain.rows.protocol import (
    PrintedDecision as PrintedDecision,
)
from metodesk.domain.rows.protocol import (
    PrintedDocument as PrintedDocument,
)
from metodesk.domain.rows.protocol import (
    PrintedGuest as PrintedGuest,
)
from metodesk.domain.rows.protocol import (
    PrintedItem as PrintedItem,
)
from metodesk.domain.rows.protocol import (
    PrintedLesson as PrintedLesson,
)
from metodesk.domain.rows.protocol import (
    PrintedPerson as PrintedPerson,
)
from metodesk.domain.rows.protocol import (
    PrintedReview as PrintedReview,
)
from metodesk.domain.rows.protocol import (
    PrintedSpeech as PrintedSpeech,
)
from metodesk.domain.rows.protocol import (
    ProtocolData as ProtocolData,
)
from metodesk.i18n import _
from metodesk.services.agenda import speaker_name
from metodesk.services.attendance import attendance
from metodesk.services.decisions import decisions_under_review
from metodesk.services.lesson_links import lessons_by_item
from metodesk.services.meetings import full_name, short_name, sign_name
from metodesk.storage.models import AgendaItem, AgendaSpeech, Decision, Meeting, ReviewedDocument, Teacher


def _person(teacher: Teacher | None) -> PrintedPerson | None:
    if teacher is None:
        return None
    return PrintedPerson(full_name(teacher), short_name(teacher), sign_name(teacher))


def _decision(d: Decision, position: int) -> PrintedDecision:
    teacher = d.responsible_teacher
    return PrintedDecision(
        code=f"{position}.{d.number}",
        text=d.text,
        responsible=short_name(teacher) if teacher is not None else d.responsible_text,
        deadline=d.deadline,
        deadline_text=d.deadline_text,
        done=d.status == "done",
        done_date=d.done_date,
    )


def _speeches(item: AgendaItem) -> tuple[PrintedSpeech, ...]:
    return tuple(
        PrintedSpeech(speaker_name(s.speaker_teacher, s.speaker_guest, s.speaker_text), s.text)
        for s in sorted(item.speeches, key=lambda s: s.position)
    )


def protocol_data(session: Session, meeting_id: int) -> ProtocolData:
    """Read one meeting with everything its protocol prints."""
    meeting = session.scalars(
        select(Meeting)
        .where(Meeting.id == meeting_id)
        .options(
            selectinload(Meeting.association),
            selectinload(Meeting.year),
            selectinload(Meeting.chair),
            selectinload(Meeting.secretary),
            selectinload(Meeting.guests),
            selectinload(Meeting.items)
            .selectinload(AgendaItem.speeches)
            .selectinload(AgendaSpeech.speaker_teacher),
            selectinload(Meeting.items)
            .selectinload(AgendaItem.decisions)
            .selectinload(Decision.responsible_teacher),
            selectinload(Meeting.items).selectinload(AgendaItem.speaker_teacher),
        )
    ).first()
    if meeting is None:
        raise NotFound(_("The meeting was not found."))
    assoc = meeting.association
    marks = attendance(session, meeting_id)
    district = assoc.level == "district"
    schools: dict[int, tuple[str, str]] = {}
    if district:  # each member's own school
        for teacher in session.scalars(
            select(Teacher)
            .where(Teacher.id.in_([a.teacher_id for a in marks]))
            .options(selectinload(Teacher.organisation))
        ):
            schools[teacher.id] = (teacher.organisation.name_kk, teacher.organisation.name_ru)
    people = {
        a.teacher_id: PrintedPerson(
            a.full_name, a.short_name, a.sign_name, *schools.get(a.teacher_id, ("", ""))
        )
        for a in marks
    }
    documents: dict[int, list[PrintedDocument]] = {}
    for doc in session.scalars(
        select(ReviewedDocument)
        .join(AgendaItem, AgendaItem.id == ReviewedDocument.item_id)
        .where(AgendaItem.meeting_id == meeting_id)
        .options(selectinload(ReviewedDocument.author))
        .order_by(ReviewedDocument.id)
    ):
        author = short_name(doc.author) if doc.author is not None else ""
        documents.setdefault(doc.item_id or 0, []).append(
            PrintedDocument(doc.kind, doc.title, author, doc.conclusion, doc.conclusion_reason)
        )
    discussed = lessons_by_item(session, meeting_id)
    items = []
    for item in sorted(meeting.items, key=lambda i: i.position):
        reviewed: tuple[PrintedReview, ...] = ()
        if item.kind == "review":
            reviewed = tuple(
                PrintedReview(
                    r.decision.meeting_number,
                    r.decision.meeting_date,
                    r.decision.code,
                    r.decision.text,
                    r.decision.responsible,
                    r.decision.deadline,
                    r.decision.deadline_text,
                    r.done_at_review,
                    r.decision.done_date if r.done_at_review else None,
                )
                for r in decisions_under_review(session, meeting_id)
            )
        items.append(
            PrintedItem(
                number=item.position,
                kind=item.kind,
                title=item.title,
                speaker=speaker_name(item.speaker_teacher, item.speaker_guest, item.speaker_text),
                summary=item.summary,
                speeches=_speeches(item),
                decisions=tuple(
                    _decision(d, item.position) for d in sorted(item.decisions, key=lambda d: d.number)
                ),
                reviewed=reviewed,
                documents=tuple(documents.get(item.id, ())),
                lessons=tuple(
                    PrintedLesson(
                        r.kind,
                        r.topic,
                        r.subject_kk,
                        r.subject_ru,
                        r.grade,
                        r.class_letter,
                        r.group_name,
                        r.date,
                        r.teacher_short,
                    )
                    for r in discussed.get(item.id, ())
                ),
            )
        )
    return ProtocolData(
        organisation_kk=assoc.organisation.name_kk,
        organisation_ru=assoc.organisation.name_ru,
        association_kk=assoc.name_kk,
        association_ru=assoc.name_ru,
        year_name=meeting.year.name,
        number=meeting.number,
        date=meeting.date,
        place=meeting.place,
        held=meeting.status == MeetingStatus.HELD.value,
        chair=_person(meeting.chair),
        secretary=_person(meeting.secretary),
        members=tuple(people[a.teacher_id] for a in marks),
        present=tuple(people[a.teacher_id] for a in marks if a.presence == Presence.PRESENT.value),
        absent=tuple(
            PrintedAbsence(people[a.teacher_id], a.reason)
            for a in marks
            if a.presence == Presence.ABSENT.value
        ),
        attendance_marked=bool(marks) and all(a.presence for a in marks),
        guests=tuple(PrintedGuest(g.name, g.job_title, g.organisation) for g in meeting.guests),
        items=tuple(items),
        district=district,
        council=assoc.kind == COUNCIL_KIND,
    )
