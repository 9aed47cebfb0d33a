"""Who was at a meeting: every member marked present or absent (with the
reason), and the guests invited from outside the association (the deputy
director, a district methodist, …). Counts are computed, never typed."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from metodesk.domain.errors import DomainError, NotFound
from metodesk.domain.meeting_enums import MeetingStatus, Presence
from metodesk.domain.text import sort_key
from metodesk.i18n import _
from metodesk.services.common import MAX_TITLE, check_enum, get_or_fail, limited, required
from metodesk.services.meetings import _is_participant, full_name, short_name, sign_name
from metodesk.storage.models import (
    AgendaItem,
    AgendaSpeech,
    Meeting,
    MeetingAttendance,
    MeetingGuest,
    Teacher,
)


@dataclass(frozen=True)
class AttendanceRow:
    teacher_id: int
    full_name: str
    short_name: str
    sign_name: str
    presence: str
    reason: str
    archived: bool


@dataclass(frozen=True)
class GuestRow:
    id: int
    name: str
    job_title: str
    organisation: str

    @property
    def described(self) -> str:
        """'Name, job title, organisation', leaving out what is empty."""
        return ", ".join(p for p in (self.name, self.job_title, self.organisation) if p)


@dataclass
class AttendanceInput:
    teacher_id: int
    presence: str = ""
    reason: str = ""


@dataclass
class GuestInput:
    name: str = ""
    job_title: str = ""
    organisation: str = ""


def attendance(session: Session, meeting_id: int) -> tuple[AttendanceRow, ...]:
    """The meeting's list, alphabetical; a planned meeting also shows members
    who joined after it was created."""
    meeting = get_or_fail(session, Meeting, meeting_id, _("The meeting was not found."))
    marks = {a.teacher_id: a for a in meeting.attendance}
    people: dict[int, tuple[Teacher, str, str]] = {
        tid: (a.teacher, a.presence, a.reason) for tid, a in marks.items()
    }
    if meeting.status == MeetingStatus.PLANNED.value:
        for member in meeting.association.members:
            if member.teacher_id not in people and not member.teacher.archived:
                people[member.teacher_id] = (member.teacher, "", "")
    rows = [
        AttendanceRow(tid, full_name(t), short_name(t), sign_name(t), presence, reason, t.archived)
        for tid, (t, presence, reason) in people.items()
    ]
    return tuple(sorted(rows, key=lambda r: sort_key(r.full_name, "kk")))


def set_attendance(session: Session, meeting_id: int, entries: list[AttendanceInput]) -> None:
    """Mark the whole list at once (one user action). An absence keeps its reason;
    a present member's reason is dropped."""
    meeting = get_or_fail(session, Meeting, meeting_id, _("The meeting was not found."))
    marks = {a.teacher_id: a for a in meeting.attendance}
    checked = []
    for entry in entries:
        if entry.presence:
            check_enum(entry.presence, Presence, "presence")
        reason = limited(entry.reason, "reason") if entry.presence == Presence.ABSENT.value else ""
        if entry.teacher_id not in marks and not _is_participant(
            session, meeting.association, meeting_id, entry.teacher_id
        ):
            raise DomainError(_("Choose a member of the association."), field="teacher_id")
        checked.append((entry.teacher_id, entry.presence, reason))
    for teacher_id, presence, reason in checked:
        mark = marks.get(teacher_id)
        if mark is None:
            mark = MeetingAttendance(teacher_id=teacher_id)
            meeting.attendance.append(mark)
            marks[teacher_id] = mark
        mark.presence, mark.reason = presence, reason
    session.flush()


def guests(session: Session, meeting_id: int) -> tuple[GuestRow, ...]:
    meeting = get_or_fail(session, Meeting, meeting_id, _("The meeting was not found."))
    return tuple(GuestRow(g.id, g.name, g.job_title, g.organisation) for g in meeting.guests)


def save_guest(session: Session, meeting_id: int, data: GuestInput, guest_id: int | None = None) -> int:
    """Add or edit an invited guest (name required; job title and organisation optional)."""
    meeting = get_or_fail(session, Meeting, meeting_id, _("The meeting was not found."))
    name = required(data.name, "name", _("Enter the guest's name."))
    job_title = limited(data.job_title, "job_title")
    organisation = limited(data.organisation, "organisation", MAX_TITLE)
    guest = get_or_fail(session, MeetingGuest, guest_id, _("The guest was not found.")) if guest_id else None
    if guest is None:
        guest = MeetingGuest(position=max((g.position for g in meeting.guests), default=0) + 1)
        meeting.guests.append(guest)
    elif guest.meeting_id != meeting_id:
        raise NotFound(_("The guest was not found."))
    guest.name, guest.job_title, guest.organisation = name, job_title, organisation
    session.flush()
    return guest.id


def remove_guest(session: Session, guest_id: int) -> None:
    """Remove a guest; where they spoke, their name stays as written text."""
    guest = get_or_fail(session, MeetingGuest, guest_id, _("The guest was not found."))
    described = GuestRow(guest.id, guest.name, guest.job_title, guest.organisation).described
    items = session.scalars(select(AgendaItem).where(AgendaItem.speaker_guest_id == guest_id))
    speeches = session.scalars(select(AgendaSpeech).where(AgendaSpeech.speaker_guest_id == guest_id))
    for record in [*items, *speeches]:
        record.speaker_guest, record.speaker_text = None, described[:300]
    guest.meeting.guests.remove(guest)
    session.flush()
