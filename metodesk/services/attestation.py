"""Each teacher's category history (docs/domain/order-253.md, 'Categories'): the category, the
award date, the order, the basis and the body that decided.

The teacher's card (``Teacher.category`` and ``category_date``) always shows
the latest entry: every write here updates it in the same transaction. A
teacher whose card has a category but no history yet shows that category as
the history's first entry ("from the teacher's card"); the first write stores
it, so an older entry added later never hides the newer one on the card.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from metodesk.domain.attestation import AwardBasis, DecisionBody, check_award_date, check_category
from metodesk.domain.enums import Category
from metodesk.domain.errors import DomainError
from metodesk.i18n import _
from metodesk.services.common import check_enum, get_or_fail, limited, reasonable_date
from metodesk.storage.models import CategoryAward, Teacher

ORDER_LENGTH = 100


@dataclass(frozen=True)
class AwardRow:
    """An entry of the history; ``id`` is None for the card's category not yet stored."""

    id: int | None
    teacher_id: int
    category: str
    award_date: dt.date
    order_number: str
    basis: str
    decision_body: str
    case_id: int | None = None

    @property
    def from_card(self) -> bool:
        return self.id is None


@dataclass
class AwardInput:
    teacher_id: int | None = None
    category: str = Category.PEDAGOG.value
    award_date: dt.date | None = None
    order_number: str = ""
    basis: str = AwardBasis.REGULAR.value
    decision_body: str = DecisionBody.ORGANISATION.value


def _row(a: CategoryAward) -> AwardRow:
    return AwardRow(
        a.id, a.teacher_id, a.category, a.award_date, a.order_number, a.basis, a.decision_body, a.case_id
    )


def teacher_record(session: Session, teacher_id: int | None) -> Teacher:
    if teacher_id is None:
        raise DomainError(_("Choose the teacher."), field="teacher_id")
    return get_or_fail(session, Teacher, teacher_id, _("The teacher was not found."))


def _stored(session: Session, teacher_id: int) -> list[CategoryAward]:
    """The stored entries, newest first (the same date: the later entry first)."""
    return list(
        session.scalars(
            select(CategoryAward)
            .where(CategoryAward.teacher_id == teacher_id)
            .order_by(CategoryAward.award_date.desc(), CategoryAward.id.desc())
        )
    )


def _card_row(teacher: Teacher) -> AwardRow | None:
    if teacher.category == Category.NONE.value or teacher.category_date is None:
        return None
    return AwardRow(
        None,
        teacher.id,
        teacher.category,
        teacher.category_date,
        "",
        AwardBasis.REGULAR.value,
        DecisionBody.ORGANISATION.value,
    )


def list_history(session: Session, teacher_id: int) -> list[AwardRow]:
    """The teacher's categories, newest first; the card's category when nothing is stored."""
    teacher = teacher_record(session, teacher_id)
    stored = _stored(session, teacher_id)
    if stored:
        return [_row(a) for a in stored]
    card = _card_row(teacher)
    return [card] if card is not None else []


def sync_teacher(session: Session, teacher_id: int) -> None:
    """Put the latest entry on the teacher's card; no entries left means no category."""
    teacher = teacher_record(session, teacher_id)
    session.flush()
    stored = _stored(session, teacher_id)
    if stored:
        teacher.category, teacher.category_date = stored[0].category, stored[0].award_date
    else:
        teacher.category, teacher.category_date = Category.NONE.value, None
    session.flush()


def keep_card(session: Session, teacher: Teacher) -> None:
    """Store the card's category as the first entry when there is no history yet."""
    card = _card_row(teacher)
    if card is not None and not _stored(session, teacher.id):
        session.add(
            CategoryAward(
                teacher_id=teacher.id,
                category=card.category,
                award_date=card.award_date,
                order_number="",
                basis=card.basis,
                decision_body=card.decision_body,
            )
        )
        session.flush()


def validate_award(data: AwardInput, today: dt.date) -> tuple[str, dt.date, str]:
    """Category, award date and order number checked; refusals name their field."""
    category = check_category(data.category, "category")
    if category == Category.NONE.value:
        raise DomainError(_("Choose the category that was awarded."), field="category")
    award_date = check_award_date(reasonable_date(data.award_date, "award_date"), today)
    check_enum(data.basis, AwardBasis, "basis")
    check_enum(data.decision_body, DecisionBody, "decision_body")
    return category, award_date, limited(data.order_number, "order_number", ORDER_LENGTH)


def save_award(
    session: Session,
    data: AwardInput,
    award_id: int | None = None,
    today: dt.date | None = None,
    replaces_card: bool = False,
) -> int:
    """Add an entry (or change one) and bring the teacher's card up to date.

    ``replaces_card`` says the entry corrects the card's own category (the
    history's unsaved first row), which then is not stored beside it."""
    teacher = teacher_record(session, data.teacher_id)
    category, award_date, order_number = validate_award(data, today or dt.date.today())
    award = (
        get_or_fail(session, CategoryAward, award_id, _("The history entry was not found."))
        if award_id is not None
        else None
    )
    if award is not None and award.teacher_id != teacher.id:
        raise DomainError(_("A history entry cannot move to another teacher."), field="teacher_id")
    clash = session.scalar(
        select(CategoryAward.id).where(
            CategoryAward.teacher_id == teacher.id,
            CategoryAward.category == category,
            CategoryAward.award_date == award_date,
        )
    )
    if clash is not None and clash != award_id:
        raise DomainError(
            _("This category on this date is already in the teacher's history."), field="award_date"
        )
    if award is None:
        same_as_card = (teacher.category, teacher.category_date) == (category, award_date)
        if not replaces_card and not same_as_card:
            keep_card(session, teacher)
        award = CategoryAward(teacher_id=teacher.id)
        session.add(award)
    award.category, award.award_date, award.order_number = category, award_date, order_number
    award.basis, award.decision_body = data.basis, data.decision_body
    sync_teacher(session, teacher.id)
    return award.id


def delete_award(session: Session, award_id: int) -> None:
    """Delete an entry; the card then shows the entry before it (or no category)."""
    award = get_or_fail(session, CategoryAward, award_id, _("The history entry was not found."))
    teacher_id = award.teacher_id
    session.delete(award)
    sync_teacher(session, teacher_id)
