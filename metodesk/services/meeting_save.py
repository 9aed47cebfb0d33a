"""Writing the meeting editor's working copy back through the services, all of
it inside the caller's single transaction, so a refusal anywhere leaves nothing
half-saved. A refusal comes back as ``PlacedError``: the service's sentence plus
where in the editor it belongs. No Qt here."""

from __future__ import annotations

import datetime as dt

from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified
from sqlalchemy.orm.exc import StaleDataError

from metodesk.domain.errors import DomainError
from metodesk.domain.meeting_enums import DecisionStatus
from metodesk.i18n import _
from metodesk.services import agenda, attendance, decisions, meeting_keep, meetings, reviewed_documents
from metodesk.services.agenda import ItemInput, Speaker, SpeechInput
from metodesk.services.attendance import AttendanceInput, GuestInput
from metodesk.services.decisions import DecisionInput
from metodesk.services.meeting_draft import (
    AGENDA,
    ATTENDANCE,
    GENERAL,
    DraftItem,
    DraftPerson,
    MeetingDraft,
    PlacedError,
)
from metodesk.services.meetings import MeetingInput
from metodesk.services.reviewed_documents import DocumentInput
from metodesk.storage.models import Meeting
from metodesk.storage.versions import expect_version

# SQLite's SQLITE_BUSY_SNAPSHOT: another transaction wrote after this one read
# (storage/database.py turns it, like StaleDataError, into the who-and-when refusal).
_BUSY_SNAPSHOT = 517


def _speaker(person: DraftPerson, guest_ids: dict[int, int]) -> Speaker:
    guest_id = guest_ids.get(person.guest_key) if person.guest_key is not None else None
    return Speaker(person.teacher_id, guest_id, "" if person.teacher_id or guest_id else person.text)


def save_meeting(
    session: Session, draft: MeetingDraft, today: dt.date, keep_key: str, version: int | None = None
) -> int:
    """The editor's Save: the whole meeting, and its kept draft (under ``keep_key``)
    removed, in the caller's one transaction. Returns the meeting's id. A refusal
    is a ``PlacedError``; anything the database refuses is a DomainError with a
    sentence (the transaction is then rolled back whole).

    ``version`` is the stored meeting's version the editor loaded: a meeting
    saved by someone else since then is not overwritten (ChangedMeanwhile);
    None checks nothing. Every Save of a stored meeting counts one more version
    of it, even when only its attendance or agenda changed, so that another
    editor open on the same meeting sees the change too."""
    try:
        if draft.meeting_id is not None:
            stored = session.get(Meeting, draft.meeting_id)
            if stored is not None:
                expect_version(stored, version)
        meeting_id = save_draft(session, draft, today)
        if draft.meeting_id is not None:
            stored = session.get(Meeting, meeting_id)
            if stored is not None:
                flag_modified(stored, "status")  # the whole meeting was saved: one more version
        meeting_keep.drop(session, keep_key)  # in the same transaction as the meeting
        return meeting_id
    except SQLAlchemyError as exc:
        code = getattr(getattr(exc, "orig", None), "sqlite_errorcode", None)
        if isinstance(exc, StaleDataError) or code == _BUSY_SNAPSHOT:
            raise  # someone else saved it meanwhile: the transaction names who and when
        message = _("The meeting could not be saved ({details}). Nothing was changed.").format(
            details=str(exc).splitlines()[0][:200]
        )
        raise DomainError(message) from exc


def save_draft(session: Session, draft: MeetingDraft, today: dt.date) -> int:
    """Write the whole meeting; call inside one transaction. Returns its id."""
    try:
        meeting_id = meetings.save_meeting(
            session,
            MeetingInput(
                association_id=draft.association_id,
                number=draft.number,
                date=draft.date,
                place=draft.place,
                chair_id=draft.chair_id,
                secretary_id=draft.secretary_id,
                status=draft.status,
            ),
            draft.meeting_id,
            today=today,
            review_previous=False,
        )
    except DomainError as err:
        raise PlacedError(err, GENERAL) from err
    try:
        attendance.set_attendance(
            session,
            meeting_id,
            [AttendanceInput(a.teacher_id, a.presence, a.reason) for a in draft.attendance],
        )
    except DomainError as err:
        raise PlacedError(err, ATTENDANCE) from err
    guest_ids = _save_guests(session, draft, meeting_id)
    _save_items(session, draft, meeting_id, guest_ids, today)
    return meeting_id


def _save_guests(session: Session, draft: MeetingDraft, meeting_id: int) -> dict[int, int]:
    for guest_id in draft.loaded_guests - {g.id for g in draft.guests if g.id is not None}:
        attendance.remove_guest(session, guest_id)
    ids: dict[int, int] = {}
    for index, guest in enumerate(draft.guests):
        data = GuestInput(guest.name, guest.job_title, guest.organisation)
        try:
            ids[guest.key] = attendance.save_guest(session, meeting_id, data, guest.id)
        except DomainError as err:
            raise PlacedError(err, ATTENDANCE, part="guests", row=index) from err
    return ids


def _save_items(
    session: Session, draft: MeetingDraft, meeting_id: int, guest_ids: dict[int, int], today: dt.date
) -> None:
    kept = {i.id for i in draft.items if i.id is not None}
    for item_id in set(draft.loaded_items) - kept:
        # the register keeps its documents; they are just no longer reviewed here
        for doc in reviewed_documents.documents_of_item(session, item_id):
            _save_document(
                session,
                draft.association_id,
                doc.id,
                doc.kind,
                doc.title,
                doc.author_id,
                None,
                doc.approved_on,
            )
        agenda.delete_item(session, item_id)
    saved: list[int] = []
    for index, item in enumerate(draft.items):
        try:
            item_id = agenda.save_item(
                session,
                meeting_id,
                ItemInput(item.title, _speaker(item.speaker, guest_ids), item.summary, item.kind),
                item.id,
            )
        except DomainError as err:
            raise PlacedError(err, AGENDA, index) from err
        saved.append(item_id)
        _save_parts(session, draft, item, item_id, index, guest_ids)
    for target, item_id in enumerate(saved):
        order = [i.id for i in agenda.items_of_meeting(session, meeting_id)]
        if order.index(item_id) != target:
            agenda.move_item(session, item_id, target - order.index(item_id))
    for index, item in enumerate(draft.items):
        if item.is_review:
            _save_reviews(session, draft, meeting_id, index)
            break


def _save_parts(
    session: Session,
    draft: MeetingDraft,
    item: DraftItem,
    item_id: int,
    index: int,
    guest_ids: dict[int, int],
) -> None:
    speech_ids, decision_ids, document_ids = draft.loaded_items.get(item_id, (set(), set(), set()))
    for speech_id in speech_ids - {s.id for s in item.speeches if s.id is not None}:
        agenda.delete_speech(session, speech_id)
    for row, speech in enumerate(item.speeches):
        try:
            agenda.save_speech(
                session, item_id, SpeechInput(_speaker(speech.speaker, guest_ids), speech.text), speech.id
            )
        except DomainError as err:
            raise PlacedError(err, AGENDA, index, "speeches", row) from err
    for decision_id in sorted(
        decision_ids - {d.id for d in item.decisions if d.id is not None}, reverse=True
    ):
        decisions.delete_decision(session, decision_id)
    for row, decision in enumerate(item.decisions):
        person = decision.responsible
        data = DecisionInput(
            text=decision.text,
            responsible_teacher_id=person.teacher_id,
            responsible_text="" if person.teacher_id is not None else person.text,
            deadline=decision.deadline,
            deadline_text=decision.deadline_text,
            status=decision.status,
            done_date=decision.done_date if decision.status == DecisionStatus.DONE.value else None,
        )
        try:
            decisions.save_decision(session, item_id, data, decision.id)
        except DomainError as err:
            raise PlacedError(err, AGENDA, index, "decisions", row) from err
    for document_id in document_ids - {d.id for d in item.documents if d.id is not None}:
        reviewed_documents.delete_document(session, document_id)
    for row, doc in enumerate(item.documents):
        try:
            _save_document(
                session,
                draft.association_id,
                doc.id,
                doc.kind,
                doc.title,
                doc.author_id,
                item_id,
                doc.approved_on,
                doc.conclusion,
                doc.conclusion_reason,
            )
        except DomainError as err:
            raise PlacedError(err, AGENDA, index, "documents", row) from err


def _save_document(
    session: Session,
    association_id: int,
    document_id: int | None,
    kind: str,
    title: str,
    author_id: int | None,
    item_id: int | None,
    approved_on: dt.date | None,
    conclusion: str = "",
    conclusion_reason: str = "",
) -> int:
    data = DocumentInput(kind, title, author_id, item_id, approved_on, conclusion, conclusion_reason)
    if document_id is None and item_id is not None:
        return reviewed_documents.review_at_item(session, item_id, data)
    return reviewed_documents.save_document(session, association_id, data, document_id)


def _save_reviews(session: Session, draft: MeetingDraft, meeting_id: int, index: int) -> None:
    for row, review in enumerate(draft.reviews):
        if review.done == review.was_done:
            continue
        try:
            if review.done:
                decisions.close_at_meeting(session, meeting_id, review.decision.id)
            else:
                decisions.reopen(session, review.decision.id)
        except DomainError as err:
            raise PlacedError(err, AGENDA, index, "reviews", row) from err
