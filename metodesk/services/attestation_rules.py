"""The attestation rules as data the user edits (docs/domain/order-253.md, 'Rules as data'): each
number has the date it applies from, so a revision is a new row with a later
valid-from, and old awards keep expiring by the rule of their day.

Seeding is idempotent: a kind and subject with no row at all gets the shipped
value; rows the user changed are never touched.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from metodesk.domain.attestation import (
    DEFAULT_RULES,
    RULE_SUBJECTS,
    VALUE_RANGES,
    PositionKind,
    Rule,
    RuleBook,
    RuleKind,
)
from metodesk.domain.enums import Category
from metodesk.domain.errors import DomainError
from metodesk.i18n import _
from metodesk.services.common import get_or_fail, reasonable_date
from metodesk.storage.models import AttestationRule


@dataclass(frozen=True)
class RuleRow:
    id: int
    kind: str
    subject: str
    value: int
    valid_from: dt.date

    @property
    def kind_label(self) -> str:
        return RuleKind(self.kind).label if self.kind in {k.value for k in RuleKind} else self.kind

    @property
    def subject_label(self) -> str:
        return subject_label(self.subject)


@dataclass
class RuleInput:
    kind: str = RuleKind.CYCLE.value
    subject: str = PositionKind.TEACHER.value
    value: int | None = None
    valid_from: dt.date | None = None


def subject_label(subject: str) -> str:
    """What a rule applies to, in words: a position kind, a category, or everyone."""
    if not subject:
        return _("Everyone")
    if subject in {k.value for k in PositionKind}:
        return PositionKind(subject).label
    if subject in {c.value for c in Category}:
        return Category(subject).label
    return subject


def _row(rule: AttestationRule) -> RuleRow:
    return RuleRow(rule.id, rule.kind, rule.subject, rule.value, rule.valid_from)


def seed_rules(session: Session) -> int:
    """Add the shipped value of every kind and subject that has no rule yet."""
    rules = AttestationRule.__table__.c  # plain SQL at start: no mapper configured (services/teachers.py)
    present = {(k, s) for k, s in session.execute(select(rules.kind, rules.subject))}
    added = 0
    for rule in DEFAULT_RULES:
        if (rule.kind, rule.subject) not in present:
            session.add(
                AttestationRule(
                    kind=rule.kind, subject=rule.subject, value=rule.value, valid_from=rule.valid_from
                )
            )
            added += 1
    session.flush()
    return added


def list_rules(session: Session) -> list[RuleRow]:
    """Every rule, by kind, subject (in the order of the shipped list), then valid-from."""
    order = {(r.kind, r.subject): i for i, r in enumerate(DEFAULT_RULES)}
    rows = [_row(r) for r in session.scalars(select(AttestationRule))]
    return sorted(rows, key=lambda r: (order.get((r.kind, r.subject), len(order)), r.valid_from))


def rule_book(session: Session) -> RuleBook:
    """The rules as the domain's arithmetic takes them."""
    return RuleBook(
        Rule(r.kind, r.subject, r.value, r.valid_from) for r in session.scalars(select(AttestationRule))
    )


def _validate(data: RuleInput) -> tuple[str, str, int, dt.date]:
    if data.kind not in VALUE_RANGES:
        raise DomainError(_("Choose a value from the list."), field="kind")
    if data.subject not in RULE_SUBJECTS[data.kind]:
        raise DomainError(_("This rule does not apply to the chosen group."), field="subject")
    low, high = VALUE_RANGES[data.kind]
    if data.value is None or not low <= data.value <= high:
        raise DomainError(
            _("Enter a whole number from {low} to {high}.").format(low=low, high=high), field="value"
        )
    if data.valid_from is None:
        raise DomainError(_("Enter the date the rule applies from."), field="valid_from")
    reasonable_date(data.valid_from, "valid_from")
    return data.kind, data.subject, data.value, data.valid_from


def save_rule(session: Session, data: RuleInput, rule_id: int | None = None) -> int:
    """Add a rule or change one; two rules of a kind and group never share a valid-from date."""
    kind, subject, value, valid_from = _validate(data)
    clash = session.scalar(
        select(AttestationRule.id).where(
            AttestationRule.kind == kind,
            AttestationRule.subject == subject,
            AttestationRule.valid_from == valid_from,
        )
    )
    if clash is not None and clash != rule_id:
        raise DomainError(
            _("A rule for this group already applies from {date}; change that one instead.").format(
                date=valid_from.strftime("%d.%m.%Y")
            ),
            field="valid_from",
        )
    rule = get_or_fail(session, AttestationRule, rule_id, _("The rule was not found.")) if rule_id else None
    if rule is None:
        rule = AttestationRule()
        session.add(rule)
    elif (rule.kind, rule.subject) != (kind, subject):
        _refuse_last(session, rule)
    rule.kind, rule.subject, rule.value, rule.valid_from = kind, subject, value, valid_from
    session.flush()
    return rule.id


def _refuse_last(session: Session, rule: AttestationRule) -> None:
    count = session.scalar(
        select(func.count(AttestationRule.id)).where(
            AttestationRule.kind == rule.kind, AttestationRule.subject == rule.subject
        )
    )
    if (count or 0) <= 1:
        raise DomainError(
            _("This is the only rule of its kind for {group}; change its value instead.").format(
                group=subject_label(rule.subject)
            )
        )


def delete_rule(session: Session, rule_id: int) -> None:
    """Delete a rule; the last one of a kind and group stays (the arithmetic needs it)."""
    rule = get_or_fail(session, AttestationRule, rule_id, _("The rule was not found."))
    _refuse_last(session, rule)
    session.delete(rule)
    session.flush()
