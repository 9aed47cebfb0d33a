"""Decisions of agenda items: numbered per item (printed 1.1, 1.2 …), with the
person responsible and the deadline; open until done, overdue when the deadline
passes. A later meeting's first item reviews the open ones and closes them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import ColumnElement, Select, and_, or_, select
from sqlalchemy.orm import Session, selectinload

from metodesk.domain.errors import DomainError, NotFound
from metodesk.domain.meeting_enums import DecisionStatus as DecisionStatus
from metodesk.domain.meeting_enums import ItemKind
from metodesk.domain.rules import decision_overdue
from metodesk.domain.text import clean_multiline
from metodesk.i18n import _
from metodesk.services.agenda import ItemInput, Speaker, insert_item_first
from metodesk.services.common import check_enum, get_or_fail, limited, reasonable_date
from metodesk.services.meetings import short_name
from metodesk.storage.models import AcademicYear, AgendaItem, Association, Decision, Meeting, Teacher

MAX_DECISION = 2000


@dataclass(frozen=True)
class DecisionRow:
    id: int
    item_id: int
    meeting_id: int
    meeting_number: int
    meeting_date: dt.date
    item_position: int
    number: int
    text: str
    responsible_teacher_id: int | None
    responsible_text: str
    responsible: str
    deadline: dt.date | None
    deadline_text: str
    status: str
    done_date: dt.date | None
    closed_meeting_id: int | None
    overdue: bool

    @property
    def code(self) -> str:
        """'1.2': the item's place in the agenda, then the decision's number."""
        return f"{self.item_position}.{self.number}"

    @property
    def done(self) -> bool:
        return self.status == DecisionStatus.DONE.value


@dataclass
class DecisionInput:
    text: str = ""
    responsible_teacher_id: int | None = None
    responsible_text: str = ""
    deadline: dt.date | None = None
    deadline_text: str = ""
    status: str = DecisionStatus.OPEN.value
    done_date: dt.date | None = None


def decision_row(d: Decision, today: dt.date) -> DecisionRow:
    item = d.item
    meeting = item.meeting
    teacher = d.responsible_teacher
    return DecisionRow(
        id=d.id,
        item_id=d.item_id,
        meeting_id=meeting.id,
        meeting_number=meeting.number,
        meeting_date=meeting.date,
        item_position=item.position,
        number=d.number,
        text=d.text,
        responsible_teacher_id=d.responsible_teacher_id,
        responsible_text=d.responsible_text,
        responsible=short_name(teacher) if teacher is not None else d.responsible_text,
        deadline=d.deadline,
        deadline_text=d.deadline_text,
        status=d.status,
        done_date=d.done_date,
        closed_meeting_id=d.closed_meeting_id,
        overdue=decision_overdue(d.status == DecisionStatus.OPEN.value, d.deadline, today),
    )


def _loaded() -> Select[Decision]:
    """Decisions with their item, meeting and responsible teacher loaded up front."""
    return select(Decision).options(
        selectinload(Decision.item).selectinload(AgendaItem.meeting),
        selectinload(Decision.responsible_teacher),
    )


def decisions_of_item(
    session: Session, item_id: int, today: dt.date | None = None
) -> tuple[DecisionRow, ...]:
    rows = session.scalars(_loaded().where(Decision.item_id == item_id).order_by(Decision.number))
    return tuple(decision_row(d, today or dt.date.today()) for d in rows)


def decisions_of_meeting(
    session: Session, meeting_id: int, today: dt.date | None = None
) -> tuple[DecisionRow, ...]:
    query = (
        _loaded()
        .join(AgendaItem, AgendaItem.id == Decision.item_id)
        .where(AgendaItem.meeting_id == meeting_id)
        .order_by(AgendaItem.position, Decision.number)
    )
    return tuple(decision_row(d, today or dt.date.today()) for d in session.scalars(query))


def _validate(session: Session, data: DecisionInput, item: AgendaItem) -> str:
    text = clean_multiline(data.text)
    if not text:
        raise DomainError(_("Write the decision."), field="text")
    if len(text) > MAX_DECISION:
        raise DomainError(
            _("This text is too long: at most {limit} characters.").format(limit=MAX_DECISION),
            field="text",
        )
    if data.responsible_teacher_id is not None:
        if session.get(Teacher, data.responsible_teacher_id) is None:
            raise DomainError(_("The teacher was not found."), field="responsible_teacher_id")
        if data.responsible_text.strip():
            raise DomainError(_("Choose a teacher or type a name, not both."), field="responsible_teacher_id")
    reasonable_date(data.deadline, "deadline")
    if data.deadline is not None and data.deadline < item.meeting.date:
        raise DomainError(_("The deadline cannot be before the meeting."), field="deadline")
    check_enum(data.status, DecisionStatus, "status")
    if data.status == DecisionStatus.DONE.value:
        if data.done_date is None:
            raise DomainError(_("Enter the date the decision was carried out."), field="done_date")
        reasonable_date(data.done_date, "done_date")
        if data.done_date < item.meeting.date:
            raise DomainError(_("A decision cannot be carried out before it was taken."), field="done_date")
    return text


def save_decision(session: Session, item_id: int, data: DecisionInput, decision_id: int | None = None) -> int:
    """Add a decision to an item (it gets the next number) or edit one."""
    item = get_or_fail(session, AgendaItem, item_id, _("The agenda item was not found."))
    text = _validate(session, data, item)
    responsible_text = limited(data.responsible_text, "responsible_text", 300)
    deadline_text = limited(data.deadline_text, "deadline_text", 100)
    decision = (
        get_or_fail(session, Decision, decision_id, _("The decision was not found.")) if decision_id else None
    )
    if decision is None:
        decision = Decision(number=max((d.number for d in item.decisions), default=0) + 1)
        item.decisions.append(decision)
    elif decision.item_id != item_id:
        raise NotFound(_("The decision was not found."))
    decision.text = text
    decision.responsible_teacher = (
        session.get(Teacher, data.responsible_teacher_id) if data.responsible_teacher_id is not None else None
    )
    decision.responsible_text = responsible_text
    decision.deadline = data.deadline
    decision.deadline_text = deadline_text
    decision.status = data.status
    if data.status == DecisionStatus.OPEN.value:
        decision.done_date, decision.closed_meeting_id = None, None
    else:
        decision.done_date = data.done_date
    session.flush()
    return decision.id


def delete_decision(session: Session, decision_id: int) -> None:
    """Delete a decision; the later ones of its item move up a number."""
    decision = get_or_fail(session, Decision, decision_id, _("The decision was not found."))
    item, removed = decision.item, decision.number
    item.decisions.remove(decision)
    session.flush()
    for other in sorted(item.decisions, key=lambda d: d.number):
        if other.number > removed:
            other.number -= 1
            session.flush()  # one at a time: numbers stay unique within the item


def carried_from(session: Session, association_id: int) -> list[int]:
    """The association and the one it continues from the academic year before
    (same organisation, kind, level and subject): the open decisions of last
    year's association carry over into this one's reviews (issue 19.1)."""
    from metodesk.services.plan_copy import counterpart  # plan_copy imports the meetings' services

    assoc = session.get(Association, association_id)
    if assoc is None:
        return [association_id]
    before = session.scalars(
        select(AcademicYear.id)
        .where(AcademicYear.start_date < assoc.year.start_date)
        .order_by(AcademicYear.start_date.desc())
        .limit(1)
    ).first()
    previous = counterpart(session, association_id, before) if before is not None else None
    return [association_id] + ([previous.id] if previous is not None and previous.id != association_id else [])


def _earlier_meetings(meeting: Meeting, associations: list[int] | None = None) -> ColumnElement[bool]:
    return and_(
        Meeting.association_id.in_(associations or [meeting.association_id]),
        or_(
            Meeting.date < meeting.date,
            and_(Meeting.date == meeting.date, Meeting.number < meeting.number),
        ),
    )


def open_decisions(
    session: Session,
    association_id: int,
    before_meeting_id: int | None = None,
    today: dt.date | None = None,
) -> list[DecisionRow]:
    """The association's decisions not yet carried out (of meetings before
    ``before_meeting_id`` when given), oldest first."""
    query = (
        _loaded()
        .join(AgendaItem, AgendaItem.id == Decision.item_id)
        .join(Meeting, Meeting.id == AgendaItem.meeting_id)
        .where(
            Meeting.association_id.in_(carried_from(session, association_id)),
            Decision.status == DecisionStatus.OPEN.value,
        )
    )
    if before_meeting_id is not None:
        meeting = get_or_fail(session, Meeting, before_meeting_id, _("The meeting was not found."))
        query = query.where(_earlier_meetings(meeting, carried_from(session, meeting.association_id)))
    query = query.order_by(Meeting.date, Meeting.number, AgendaItem.position, Decision.number)
    return [decision_row(d, today or dt.date.today()) for d in session.scalars(query)]


@dataclass(frozen=True)
class ReviewedDecision:
    """An earlier decision as the review at one meeting saw it."""

    decision: DecisionRow
    done_at_review: bool


def decisions_under_review(
    session: Session, meeting_id: int, today: dt.date | None = None
) -> tuple[ReviewedDecision, ...]:
    """Earlier decisions the meeting's review item looks at: those closed at
    this meeting, those done since the previous meeting, and those still open
    on its date (which stay under control)."""
    meeting = get_or_fail(session, Meeting, meeting_id, _("The meeting was not found."))
    lineage = carried_from(session, meeting.association_id)
    earlier = list(
        session.scalars(
            select(Meeting).where(_earlier_meetings(meeting, lineage)).order_by(Meeting.date, Meeting.number)
        )
    )
    if not earlier:
        return ()
    order = {m.id: (m.date, m.number) for m in earlier}
    later_ids = set(
        session.scalars(
            select(Meeting.id).where(
                Meeting.association_id.in_(lineage),
                Meeting.id != meeting.id,
                Meeting.id.not_in(list(order)),
            )
        )
    )
    previous_date = earlier[-1].date
    query = (
        _loaded()
        .join(AgendaItem, AgendaItem.id == Decision.item_id)
        .where(AgendaItem.meeting_id.in_(list(order)))
    )
    found = []
    for d in session.scalars(query):
        if d.closed_meeting_id == meeting.id:
            done = True
        elif d.closed_meeting_id in later_ids or d.status == DecisionStatus.OPEN.value:
            done = False
        elif d.closed_meeting_id is None and d.done_date is not None and d.done_date >= previous_date:
            done = d.done_date <= meeting.date
        else:
            continue
        found.append(ReviewedDecision(decision_row(d, today or dt.date.today()), done))
    found.sort(key=lambda r: (order[r.decision.meeting_id], r.decision.item_position, r.decision.number))
    return tuple(found)


def add_review_item(session: Session, meeting_id: int) -> int:
    """Put the item that reviews earlier decisions at the head of the agenda
    (once: an existing one is returned). The chair reports on it by default."""
    meeting = get_or_fail(session, Meeting, meeting_id, _("The meeting was not found."))
    for item in meeting.items:
        if item.kind == ItemKind.REVIEW.value:
            return item.id
    return insert_item_first(
        session,
        meeting_id,
        ItemInput(kind=ItemKind.REVIEW.value, speaker=Speaker(teacher_id=meeting.chair_id)),
    )


def close_at_meeting(
    session: Session, meeting_id: int, decision_id: int, done_date: dt.date | None = None
) -> None:
    """Mark an earlier decision done at this meeting's review (dated the meeting
    day unless told otherwise)."""
    meeting = get_or_fail(session, Meeting, meeting_id, _("The meeting was not found."))
    decision = get_or_fail(session, Decision, decision_id, _("The decision was not found."))
    source = decision.item.meeting
    if source.association_id not in carried_from(session, meeting.association_id) or (
        source.date,
        source.number,
    ) >= (
        meeting.date,
        meeting.number,
    ):
        raise DomainError(_("Only decisions of earlier meetings of this association are reviewed here."))
    when = done_date or meeting.date
    reasonable_date(when, "done_date")
    if when < source.date:
        raise DomainError(_("A decision cannot be carried out before it was taken."), field="done_date")
    decision.status, decision.done_date, decision.closed_meeting_id = (
        DecisionStatus.DONE.value,
        when,
        meeting_id,
    )
    session.flush()


def reopen(session: Session, decision_id: int) -> None:
    """Undo 'done': the decision is open again and under control."""
    decision = get_or_fail(session, Decision, decision_id, _("The decision was not found."))
    decision.status, decision.done_date, decision.closed_meeting_id = DecisionStatus.OPEN.value, None, None
    session.flush()
