"""The advisory attestation rules applied to the records (``domain.attestation_advice``):
the warnings of one case for the case page, in words (the list's rows carry
theirs: ``AttestationRow.warnings``). Nothing here refuses a save."""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from metodesk.domain.attestation_advice import (
    EARLY_GAP,
    EXPERIENCE,
    LOWER_TARGET,
    NO_SCORE,
    Advice,
    CaseFacts,
    case_advice,
)
from metodesk.domain.rules import experience_years
from metodesk.i18n import _
from metodesk.i18n.dates import short_date
from metodesk.services.attestation_cases import CaseRow
from metodesk.services.attestation_rules import rule_book
from metodesk.storage.models import Teacher


def advice_text(item: Advice) -> str:
    """One warning as a sentence in the window's language."""
    if item.code == EXPERIENCE:
        return _("The target category asks for {years} years of experience; the teacher has less.").format(
            years=item.years
        )
    if item.code == EARLY_GAP:
        return _("Early attestation is allowed from {date}: the gap since the last one has not passed.").format(
            date=short_date(item.since)
        )
    if item.code == NO_SCORE:
        return _("The knowledge test was taken, but its score is not entered.")
    if item.code == LOWER_TARGET:
        return _("The target category is lower than the one the teacher holds.")
    return item.code


def for_case(session: Session, case: CaseRow, today: dt.date) -> list[Advice]:
    """The warnings of ``case`` (its teacher's category, its dates and score)."""
    teacher = session.get(Teacher, case.teacher_id)
    if teacher is None:
        return []
    facts = CaseFacts(
        held=teacher.category,
        last_attestation=teacher.category_date,
        experience=experience_years(teacher.teaching_since, today),
        target=case.target_category,
        basis=case.basis,
        application_date=case.application_date,
        test_date=case.test_date,
        test_score=case.test_score,
        decision=case.decision,
    )
    return case_advice(rule_book(session), facts, today)
