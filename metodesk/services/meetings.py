"""Association meetings: number, date, place, chair and secretary, status
(docs/domain/order-253.md, 'Protocols').

Protocols are numbered from 1 in each association each academic year; the
number is proposed and may be edited, but never repeated within that year.
Who came is in ``attendance``, the agenda in ``agenda``, decisions in ``decisions``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session, selectinload

from metodesk.domain import academic_year
from metodesk.domain.enums import MemberRole
from metodesk.domain.errors import DomainError, NotFound
from metodesk.domain.meeting_enums import MeetingStatus as MeetingStatus
from metodesk.domain.meeting_enums import Presence as Presence
from metodesk.domain.text import initials_name
from metodesk.i18n import _
from metodesk.services.common import check_enum, get_or_fail, limited
from metodesk.storage.models import (
    AcademicYear,
    Association,
    Meeting,
    MeetingAttendance,
    Membership,
    Teacher,
)

MAX_NUMBER = 999


def full_name(t: Teacher) -> str:
    return " ".join(p for p in (t.surname, t.first_name, t.patronymic) if p)


def short_name(t: Teacher) -> str:
    """'Тегі А.Ә.': how lists and 'heard' name a person."""
    return initials_name(t.surname, t.first_name, t.patronymic)


def sign_name(t: Teacher) -> str:
    """'А.Ә. Тегі': how a signature line names a person."""
    initials = "".join(f"{p[0]}." for p in (t.first_name, t.patronymic) if p)
    return f"{initials} {t.surname}".strip()


@dataclass(frozen=True)
class MeetingRow:
    id: int
    association_id: int
    year_id: int
    year_name: str
    number: int
    date: dt.date
    place: str
    chair_id: int | None
    chair_name: str
    secretary_id: int | None
    secretary_name: str
    status: str
    present_count: int
    absent_count: int
    unmarked_count: int
    item_count: int
    version: int = 0  # the record's version as read: the editor's save names it (issue 20)

    @property
    def held(self) -> bool:
        return self.status == MeetingStatus.HELD.value


@dataclass
class MeetingInput:
    association_id: int | None = None
    number: int | None = None
    date: dt.date | None = None
    place: str = ""
    chair_id: int | None = None
    secretary_id: int | None = None
    status: str = MeetingStatus.PLANNED.value


def _row(m: Meeting) -> MeetingRow:
    marks = [a.presence for a in m.attendance]
    return MeetingRow(
        id=m.id,
        association_id=m.association_id,
        year_id=m.year_id,
        year_name=m.year.name,
        number=m.number,
        date=m.date,
        place=m.place,
        chair_id=m.chair_id,
        chair_name=short_name(m.chair) if m.chair else "",
        secretary_id=m.secretary_id,
        secretary_name=short_name(m.secretary) if m.secretary else "",
        status=m.status,
        present_count=marks.count(Presence.PRESENT.value),
        absent_count=marks.count(Presence.ABSENT.value),
        unmarked_count=marks.count(""),
        item_count=len(m.items),
        version=m.version,
    )


def _query() -> Select[Meeting]:
    return select(Meeting).options(
        selectinload(Meeting.year),
        selectinload(Meeting.chair),
        selectinload(Meeting.secretary),
        selectinload(Meeting.attendance),
        selectinload(Meeting.items),
    )


def _association(session: Session, association_id: int | None) -> Association:
    if association_id is None:
        raise DomainError(_("Choose the association."), field="association_id")
    return get_or_fail(
        session,
        Association,
        association_id,
        _("There is no association with id {id}.").format(id=association_id),
    )


def get_meeting(session: Session, meeting_id: int) -> MeetingRow:
    meeting = session.scalars(_query().where(Meeting.id == meeting_id)).first()
    if meeting is None:
        raise NotFound(_("The meeting was not found."))
    return _row(meeting)


def list_meetings(session: Session, association_id: int, year_id: int | None = None) -> list[MeetingRow]:
    """An association's meetings in date order (then by number)."""
    _association(session, association_id)
    query = _query().where(Meeting.association_id == association_id)
    if year_id is not None:
        query = query.where(Meeting.year_id == year_id)
    return [_row(m) for m in session.scalars(query.order_by(Meeting.date, Meeting.number))]


def find_meeting(
    session: Session, association_id: int, number: int, year_id: int | None = None
) -> MeetingRow:
    """The meeting with protocol ``number`` (in the association's own year when
    ``year_id`` is not given); NotFound with a sentence naming what is missing."""
    assoc = _association(session, association_id)
    year_id = year_id if year_id is not None else assoc.year_id
    meeting = session.scalars(
        _query().where(
            Meeting.association_id == association_id,
            Meeting.year_id == year_id,
            Meeting.number == number,
        )
    ).first()
    if meeting is None:
        year = session.get(AcademicYear, year_id)
        raise NotFound(
            _("The association {id} has no meeting with protocol No. {number} in {year}.").format(
                id=association_id, number=number, year=year.name if year else year_id
            )
        )
    return _row(meeting)


def next_number(session: Session, association_id: int, year_id: int | None = None) -> int:
    """The number the next protocol of the association gets in the year: one
    more than the highest so far, 1 for the year's first meeting."""
    assoc = _association(session, association_id)
    highest = session.scalar(
        select(func.max(Meeting.number)).where(
            Meeting.association_id == association_id,
            Meeting.year_id == (year_id if year_id is not None else assoc.year_id),
        )
    )
    return (highest or 0) + 1


def _role_holder(assoc: Association, role: str) -> int | None:
    return next((m.teacher_id for m in assoc.members if m.role == role), None)


def proposed_meeting(session: Session, association_id: int, today: dt.date) -> MeetingInput:
    """What a new meeting form starts with: the next number, today (kept inside
    the year), the leader as chair and the secretary as secretary."""
    assoc = _association(session, association_id)
    start, end = academic_year.meeting_window(assoc.year.start_date, assoc.year.end_date)
    return MeetingInput(
        association_id=association_id,
        number=next_number(session, association_id),
        date=min(max(today, start), end),
        chair_id=_role_holder(assoc, MemberRole.LEADER.value),
        secretary_id=_role_holder(assoc, MemberRole.SECRETARY.value),
        status=MeetingStatus.PLANNED.value,
    )


def _is_participant(session: Session, assoc: Association, meeting_id: int | None, teacher_id: int) -> bool:
    """A member of the association, or someone already on this meeting's list."""
    if any(m.teacher_id == teacher_id for m in assoc.members):
        return True
    if meeting_id is None:
        return False
    return bool(
        session.scalar(
            select(MeetingAttendance.id).where(
                MeetingAttendance.meeting_id == meeting_id,
                MeetingAttendance.teacher_id == teacher_id,
            )
        )
    )


def _validate(
    session: Session, data: MeetingInput, meeting_id: int | None, today: dt.date
) -> tuple[Association, int, dt.date]:
    assoc = _association(session, data.association_id)
    if data.date is None:
        raise DomainError(_("Enter the date of the meeting."), field="date")
    start, end = academic_year.meeting_window(assoc.year.start_date, assoc.year.end_date)
    if not start <= data.date <= end:
        raise DomainError(
            _("A meeting of the year {year} takes place between {start} and {end}.").format(
                year=assoc.year.name, start=start.strftime("%d.%m.%Y"), end=end.strftime("%d.%m.%Y")
            ),
            field="date",
        )
    check_enum(data.status, MeetingStatus, "status")
    if data.status == MeetingStatus.HELD.value and data.date > today:
        raise DomainError(_("A meeting in the future cannot be marked as held."), field="status")
    number = data.number if data.number is not None else next_number(session, assoc.id)
    if not 1 <= number <= MAX_NUMBER:
        raise DomainError(
            _("The protocol number is a whole number from 1 to {limit}.").format(limit=MAX_NUMBER),
            field="number",
        )
    clash = session.scalar(
        select(Meeting.id).where(
            Meeting.association_id == assoc.id,
            Meeting.year_id == assoc.year_id,
            Meeting.number == number,
        )
    )
    if clash is not None and clash != meeting_id:
        raise DomainError(
            _("Protocol No. {number} already exists in this association this year.").format(number=number),
            field="number",
        )
    for field, teacher_id in (("chair_id", data.chair_id), ("secretary_id", data.secretary_id)):
        if teacher_id is not None and not _is_participant(session, assoc, meeting_id, teacher_id):
            raise DomainError(_("Choose a member of the association."), field=field)
    if data.chair_id is not None and data.chair_id == data.secretary_id:
        raise DomainError(_("The chair and the secretary must be different people."), field="secretary_id")
    return assoc, number, data.date


def save_meeting(
    session: Session,
    data: MeetingInput,
    meeting_id: int | None = None,
    today: dt.date | None = None,
    review_previous: bool = True,
) -> int:
    """Create or update a meeting. A new one lists every active member for the
    attendance and, when earlier decisions are still open and ``review_previous``
    is set, starts its agenda with the item that reviews them."""
    assoc, number, date = _validate(session, data, meeting_id, today or dt.date.today())
    place = limited(data.place, "place")
    meeting = (
        get_or_fail(session, Meeting, meeting_id, _("The meeting was not found.")) if meeting_id else None
    )
    created = meeting is None
    if meeting is None:
        meeting = Meeting(association_id=assoc.id, year_id=assoc.year_id)
        session.add(meeting)
    elif meeting.association_id != assoc.id:
        raise DomainError(_("A meeting cannot move to another association."), field="association_id")
    meeting.number, meeting.date = number, date
    meeting.place = place
    meeting.chair = session.get(Teacher, data.chair_id) if data.chair_id is not None else None
    meeting.secretary = session.get(Teacher, data.secretary_id) if data.secretary_id is not None else None
    meeting.status = data.status
    session.flush()
    if created:
        for member in assoc.members:
            if not member.teacher.archived:
                meeting.attendance.append(MeetingAttendance(teacher_id=member.teacher_id))
        session.flush()
        if review_previous:
            from metodesk.services import decisions

            if decisions.open_decisions(session, assoc.id, before_meeting_id=meeting.id):
                decisions.add_review_item(session, meeting.id)
    return meeting.id


def delete_meeting(session: Session, meeting_id: int) -> None:
    """Delete a meeting with its agenda; decisions it closed stay done."""
    meeting = get_or_fail(session, Meeting, meeting_id, _("The meeting was not found."))
    session.delete(meeting)
    session.flush()


def member_ids(session: Session, association_id: int) -> list[int]:
    """Teacher ids of the association's members (for choosing chair, speakers)."""
    return list(
        session.scalars(select(Membership.teacher_id).where(Membership.association_id == association_id))
    )
