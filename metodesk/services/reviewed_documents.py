"""The register of methodical documents an association or the methodical
council reviewed (Order No. 253 items 26-27): calendar-thematic plans, the
annual plan, programmes of elective courses, authored programmes, generalised
experience and other materials are discussed at a meeting, the body gives its
conclusion (recommended for approval, or returned for revision with the
reason), then the head approves them after a positive one. The meeting that
reviewed a document is its "reviewed at" reference: "№ 1 хаттама, 2025 жылғы
28 тамыз". The council is an association of its own kind, so one register
serves both bodies; ``year_register`` lists the whole year's."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import Select, select
from sqlalchemy.orm import Session, selectinload

from metodesk.domain.council import ReviewConclusion
from metodesk.domain.errors import DomainError, NotFound
from metodesk.domain.meeting_enums import DocumentKind as DocumentKind
from metodesk.domain.rows.council import (
    DocumentRow as DocumentRow,
)
from metodesk.domain.text import clean_multiline
from metodesk.i18n import _
from metodesk.services.common import MAX_TITLE, check_enum, get_or_fail, reasonable_date, required
from metodesk.services.meetings import short_name
from metodesk.storage.models import AgendaItem, Association, Meeting, ReviewedDocument, Teacher

MAX_REASON = 2000


@dataclass
class DocumentInput:
    kind: str = DocumentKind.CALENDAR_PLAN.value
    title: str = ""
    author_id: int | None = None
    item_id: int | None = None
    approved_on: dt.date | None = None
    conclusion: str = ReviewConclusion.PENDING.value
    conclusion_reason: str = ""


def _row(doc: ReviewedDocument) -> DocumentRow:
    meeting = doc.item.meeting if doc.item is not None else None
    return DocumentRow(
        id=doc.id,
        association_id=doc.association_id,
        year_id=doc.year_id,
        kind=doc.kind,
        title=doc.title,
        author_id=doc.author_id,
        author_name=short_name(doc.author) if doc.author is not None else "",
        item_id=doc.item_id,
        meeting_id=meeting.id if meeting else None,
        meeting_number=meeting.number if meeting else None,
        meeting_date=meeting.date if meeting else None,
        approved_on=doc.approved_on,
        conclusion=doc.conclusion,
        conclusion_reason=doc.conclusion_reason,
        body_kk=doc.association.name_kk,
        body_ru=doc.association.name_ru,
    )


def _query() -> Select[ReviewedDocument]:
    return select(ReviewedDocument).options(
        selectinload(ReviewedDocument.author),
        selectinload(ReviewedDocument.association),
        selectinload(ReviewedDocument.item).selectinload(AgendaItem.meeting),
    )


def register(session: Session, association_id: int, year_id: int | None = None) -> list[DocumentRow]:
    """The association's register for a year (its own year by default), in the
    order the documents were reviewed; those not yet reviewed come last."""
    assoc = get_or_fail(session, Association, association_id, _("The association was not found."))
    query = _query().where(
        ReviewedDocument.association_id == association_id,
        ReviewedDocument.year_id == (year_id if year_id is not None else assoc.year_id),
    )
    rows = [_row(d) for d in session.scalars(query)]
    far = dt.date.max
    return sorted(rows, key=lambda r: (r.meeting_date or far, r.meeting_number or 0, r.title))


def year_register(session: Session, year_id: int) -> list[DocumentRow]:
    """Every document the year's associations and the methodical council
    reviewed, in the order they were reviewed and entered (those not reviewed yet last)."""
    query = _query().where(ReviewedDocument.year_id == year_id)
    rows = [_row(d) for d in session.scalars(query)]
    far = dt.date.max
    return sorted(rows, key=lambda r: (r.meeting_date or far, r.meeting_number or 0, r.id))


def documents_of_item(session: Session, item_id: int) -> list[DocumentRow]:
    query = _query().where(ReviewedDocument.item_id == item_id).order_by(ReviewedDocument.id)
    return [_row(d) for d in session.scalars(query)]


def get_document(session: Session, document_id: int) -> DocumentRow:
    doc = session.scalars(_query().where(ReviewedDocument.id == document_id)).first()
    if doc is None:
        raise NotFound(_("The document was not found."))
    return _row(doc)


def save_document(
    session: Session, association_id: int, data: DocumentInput, document_id: int | None = None
) -> int:
    """Enter a document in the register, or edit it. Its agenda item (when set)
    must be one of this association's meetings, and the head approves it on or
    after the day it was reviewed."""
    assoc = get_or_fail(session, Association, association_id, _("The association was not found."))
    check_enum(data.kind, DocumentKind, "kind")
    title = required(data.title, "title", _("Enter the document's title."), MAX_TITLE)
    if data.author_id is not None and session.get(Teacher, data.author_id) is None:
        raise DomainError(_("The teacher was not found."), field="author_id")
    meeting: Meeting | None = None
    item: AgendaItem | None = None
    if data.item_id is not None:
        item = session.get(AgendaItem, data.item_id)
        if item is None or item.meeting.association_id != association_id:
            raise DomainError(_("Choose an agenda item of this association's meetings."), field="item_id")
        meeting = item.meeting
    approved_on = reasonable_date(data.approved_on, "approved_on")
    if approved_on is not None and meeting is not None and approved_on < meeting.date:
        raise DomainError(
            _("The head approves a document after the meeting that reviewed it."), field="approved_on"
        )
    conclusion = check_enum(data.conclusion, ReviewConclusion, "conclusion")
    reason = clean_multiline(data.conclusion_reason)[:MAX_REASON]
    if conclusion == ReviewConclusion.REVISION.value:
        if not reason:
            raise DomainError(
                _("Say why the document is returned for revision."), field="conclusion_reason"
            )
        if approved_on is not None:
            raise DomainError(
                _("A document returned for revision is not approved: the head approves it after a positive conclusion."),
                field="approved_on",
            )
    else:
        reason = ""
    doc = (
        get_or_fail(session, ReviewedDocument, document_id, _("The document was not found."))
        if document_id
        else None
    )
    if doc is None:
        doc = ReviewedDocument(association_id=association_id, year_id=assoc.year_id)
        session.add(doc)
    elif doc.association_id != association_id:
        raise NotFound(_("The document was not found."))
    doc.kind, doc.title = data.kind, title
    doc.author = session.get(Teacher, data.author_id) if data.author_id is not None else None
    doc.item, doc.approved_on = item, approved_on
    doc.conclusion, doc.conclusion_reason = conclusion, reason
    session.flush()
    return doc.id


def review_at_item(session: Session, item_id: int, data: DocumentInput) -> int:
    """Record that an agenda item reviews a document (one action from the item)."""
    item = get_or_fail(session, AgendaItem, item_id, _("The agenda item was not found."))
    data.item_id = item_id
    return save_document(session, item.meeting.association_id, data)


def set_approved(session: Session, document_id: int, approved_on: dt.date | None) -> None:
    """Record (or clear) the day the head approved the document."""
    doc = get_or_fail(session, ReviewedDocument, document_id, _("The document was not found."))
    row = _row(doc)
    save_document(
        session,
        doc.association_id,
        DocumentInput(
            row.kind, row.title, row.author_id, row.item_id, approved_on, row.conclusion, row.conclusion_reason
        ),
        document_id,
    )


def delete_document(session: Session, document_id: int) -> None:
    doc = get_or_fail(session, ReviewedDocument, document_id, _("The document was not found."))
    session.delete(doc)
    session.flush()
