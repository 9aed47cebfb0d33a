"""The meeting editor's working copy: a whole meeting (its facts, attendance,
guests, agenda with speeches, decisions and reviewed documents, and the review
of earlier decisions) held in plain objects while the user edits it.

``load_draft`` reads it through the services; ``meeting_save.save_meeting``
writes it back, ``meeting_keep`` keeps it while the editor is open. No Qt
here: the editor (``ui/dialogs/meeting.py``) only shows and edits it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from metodesk.domain.errors import DomainError
from metodesk.domain.meeting_enums import DecisionStatus, DocumentKind, ItemKind, MeetingStatus
from metodesk.domain.text import sort_key
from metodesk.services import (
    agenda,
    associations,
    attendance,
    decisions,
    meetings,
    reviewed_documents,
)
from metodesk.services.agenda import Speaker
from metodesk.services.decisions import DecisionRow

GENERAL, ATTENDANCE, AGENDA = "general", "attendance", "agenda"


class PlacedError(DomainError):
    """A service's refusal and the place it concerns: the editor's section, the
    agenda item (or guest) index, and the part of the item (speeches, …) with
    the index of the row in it."""

    def __init__(
        self, err: DomainError, section: str, index: int | None = None, part: str = "", row: int | None = None
    ) -> None:
        super().__init__(err.message, err.field)
        self.section, self.index, self.part, self.row = section, index, part, row


@dataclass
class DraftPerson:
    """A speaker or a person responsible: a teacher, a guest of the meeting
    (by its key in the draft), or a name typed in. All empty: nobody."""

    teacher_id: int | None = None
    guest_key: int | None = None
    text: str = ""

    @property
    def empty(self) -> bool:
        return self.teacher_id is None and self.guest_key is None and not self.text.strip()


@dataclass
class DraftAttendance:
    teacher_id: int
    full_name: str
    presence: str = ""
    reason: str = ""
    archived: bool = False


@dataclass
class DraftGuest:
    key: int  # the guest's id once saved; a negative number while new
    id: int | None
    name: str = ""
    job_title: str = ""
    organisation: str = ""

    @property
    def described(self) -> str:
        return ", ".join(p.strip() for p in (self.name, self.job_title, self.organisation) if p.strip())


@dataclass
class DraftSpeech:
    id: int | None
    speaker: DraftPerson = field(default_factory=DraftPerson)
    text: str = ""


@dataclass
class DraftDecision:
    id: int | None
    text: str = ""
    responsible: DraftPerson = field(default_factory=DraftPerson)
    deadline: dt.date | None = None
    deadline_text: str = ""
    status: str = DecisionStatus.OPEN.value
    done_date: dt.date | None = None


@dataclass
class DraftDocument:
    id: int | None
    kind: str = DocumentKind.CALENDAR_PLAN.value
    title: str = ""
    author_id: int | None = None
    approved_on: dt.date | None = None  # kept as it is; the register edits it
    conclusion: str = ""  # the body's conclusion (item 27): "", "positive", "revision"
    conclusion_reason: str = ""


@dataclass
class DraftItem:
    id: int | None
    kind: str = ItemKind.REGULAR.value
    title: str = ""
    speaker: DraftPerson = field(default_factory=DraftPerson)
    summary: str = ""
    speeches: list[DraftSpeech] = field(default_factory=list)
    decisions: list[DraftDecision] = field(default_factory=list)
    documents: list[DraftDocument] = field(default_factory=list)
    topic: str = ""  # the wording topic its title came from, to offer matching decisions

    @property
    def is_review(self) -> bool:
        return self.kind == ItemKind.REVIEW.value


@dataclass
class DraftReview:
    """An earlier decision the review item looks at; ``done`` is the user's mark."""

    decision: DecisionRow
    done: bool
    was_done: bool


@dataclass
class MeetingDraft:
    association_id: int
    meeting_id: int | None
    number: int
    date: dt.date | None
    place: str = ""
    status: str = MeetingStatus.PLANNED.value
    chair_id: int | None = None
    secretary_id: int | None = None
    attendance: list[DraftAttendance] = field(default_factory=list)
    guests: list[DraftGuest] = field(default_factory=list)
    items: list[DraftItem] = field(default_factory=list)
    reviews: list[DraftReview] = field(default_factory=list)
    # what was there when loaded, so that what the user removed can be deleted
    loaded_guests: set[int] = field(default_factory=set)
    loaded_items: dict[int, tuple[set[int], set[int], set[int]]] = field(default_factory=dict)
    version: int | None = None  # the stored meeting's version when loaded (issue 20)
    _next_key: int = -1

    def new_key(self) -> int:
        key, self._next_key = self._next_key, self._next_key - 1
        return key

    def guest(self, key: int | None) -> DraftGuest | None:
        return next((g for g in self.guests if g.key == key), None)

    def has_review_item(self) -> bool:
        return any(i.is_review for i in self.items)

    def review_item(self) -> DraftItem:
        """A new item that reviews earlier decisions, reported by the chair."""
        return DraftItem(id=None, kind=ItemKind.REVIEW.value, speaker=DraftPerson(teacher_id=self.chair_id))

    def remove_guest(self, key: int) -> None:
        """Drop a guest; where they spoke, their description stays as typed text."""
        guest = self.guest(key)
        if guest is None:
            return
        self.guests.remove(guest)
        for item in self.items:
            for person in (item.speaker, *(s.speaker for s in item.speeches)):
                if person.guest_key == key:
                    person.guest_key, person.text = None, guest.described


def _person(speaker: Speaker, name: str) -> DraftPerson:
    """The stored speaker; the printed name rides along as text, so a person no
    longer on the lists is still shown (and kept, as a typed name)."""
    return DraftPerson(speaker.teacher_id, speaker.guest_id, speaker.text or name)


def load_draft(session: Session, association_id: int, meeting_id: int | None, today: dt.date) -> MeetingDraft:
    """The meeting as the editor starts it: a stored one, or a new one with the
    proposed number, date, last place, chair and secretary, every active member
    on the list and, when earlier decisions are open, the review item first."""
    if meeting_id is None:
        proposal = meetings.proposed_meeting(session, association_id, today)
        earlier = meetings.list_meetings(session, association_id)
        detail = associations.get_detail(session, association_id)
        draft = MeetingDraft(
            association_id=association_id,
            meeting_id=None,
            number=proposal.number or 1,
            date=proposal.date,
            place=earlier[-1].place if earlier else "",
            chair_id=proposal.chair_id,
            secretary_id=proposal.secretary_id,
        )
        draft.attendance = [
            DraftAttendance(m.teacher_id, m.full_name) for m in detail.members if not m.archived
        ]
        draft.attendance.sort(key=lambda a: sort_key(a.full_name, "kk"))
        draft.reviews = [
            DraftReview(d, False, False)
            for d in decisions.open_decisions(session, association_id, today=today)
        ]
        if draft.reviews:
            draft.items.append(draft.review_item())
        return draft
    row = meetings.get_meeting(session, meeting_id)
    draft = MeetingDraft(
        association_id=row.association_id,
        meeting_id=meeting_id,
        number=row.number,
        date=row.date,
        place=row.place,
        status=row.status,
        chair_id=row.chair_id,
        secretary_id=row.secretary_id,
        version=row.version,
    )
    draft.attendance = [
        DraftAttendance(a.teacher_id, a.full_name, a.presence, a.reason, a.archived)
        for a in attendance.attendance(session, meeting_id)
    ]
    draft.guests = [
        DraftGuest(g.id, g.id, g.name, g.job_title, g.organisation)
        for g in attendance.guests(session, meeting_id)
    ]
    draft.loaded_guests = {g.id for g in draft.guests if g.id is not None}
    for item in agenda.list_items(session, meeting_id):
        found = decisions.decisions_of_item(session, item.id, today)
        documents = reviewed_documents.documents_of_item(session, item.id)
        draft.items.append(
            DraftItem(
                id=item.id,
                kind=item.kind,
                title=item.title,
                speaker=_person(item.speaker, item.speaker_name),
                summary=item.summary,
                speeches=[
                    DraftSpeech(s.id, _person(s.speaker, s.speaker_name), s.text) for s in item.speeches
                ],
                decisions=[
                    DraftDecision(
                        d.id,
                        d.text,
                        DraftPerson(teacher_id=d.responsible_teacher_id, text=d.responsible),
                        d.deadline,
                        d.deadline_text,
                        d.status,
                        d.done_date,
                    )
                    for d in found
                ],
                documents=[
                    DraftDocument(
                        doc.id,
                        doc.kind,
                        doc.title,
                        doc.author_id,
                        doc.approved_on,
                        doc.conclusion,
                        doc.conclusion_reason,
                    )
                    for doc in documents
                ],
            )
        )
        draft.loaded_items[item.id] = (
            {s.id for s in item.speeches},
            {d.id for d in found},
            {doc.id for doc in documents},
        )
    draft.reviews = [
        DraftReview(r.decision, r.done_at_review, r.done_at_review)
        for r in decisions.decisions_under_review(session, meeting_id, today)
    ]
    return draft
