"""The attestation rules that are advice, not a bar (docs/domain/order-253.md,
'Minimum experience', 'Early attestation', 'Pass marks'): a case whose target
asks for more experience than the teacher has, an early attestation before the
gap since the last one has passed, a knowledge test taken with no score
entered, a target lower than the category held. The commission decides; the
window only warns. Pure arithmetic on a case's values and the rule book."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from metodesk.domain.attestation import CURRENT_CATEGORIES, AwardBasis, CaseDecision, RuleBook, early_from

EXPERIENCE, EARLY_GAP, NO_SCORE, LOWER_TARGET = "experience", "early_gap", "no_score", "lower_target"


@dataclass(frozen=True)
class Advice:
    """One warning: ``code`` says which rule; ``years`` the experience the
    target asks for, ``since`` the first day an early attestation may be asked."""

    code: str
    years: int | None = None
    since: dt.date | None = None


@dataclass(frozen=True)
class CaseFacts:
    held: str  # the category held (Category code)
    last_attestation: dt.date | None
    experience: int | None  # full years
    target: str
    basis: str  # AwardBasis code
    application_date: dt.date | None
    test_date: dt.date | None
    test_score: int | None
    decision: str  # CaseDecision code


def case_advice(book: RuleBook, facts: CaseFacts, today: dt.date) -> list[Advice]:
    """The warnings a case earns, in a fixed order."""
    found: list[Advice] = []
    needed = book.value("experience", facts.target, today) if facts.target in CURRENT_CATEGORIES else None
    if needed is not None and facts.experience is not None and facts.experience < needed:
        found.append(Advice(EXPERIENCE, years=needed))
    if facts.basis == AwardBasis.EARLY.value:
        first = early_from(book, facts.last_attestation, today)
        asked = facts.application_date or today
        if first is not None and asked < first:
            found.append(Advice(EARLY_GAP, since=first))
    taken = facts.test_date is not None and facts.test_date <= today
    if facts.test_score is None and (taken or facts.decision == CaseDecision.AWARDED.value):
        found.append(Advice(NO_SCORE))
    if (
        facts.held in CURRENT_CATEGORIES
        and facts.target in CURRENT_CATEGORIES
        and CURRENT_CATEGORIES.index(facts.target) < CURRENT_CATEGORIES.index(facts.held)
    ):
        found.append(Advice(LOWER_TARGET))
    return found
