"""The advisory attestation rules warn and never block: a target asking for
more experience, an early attestation before the two-year gap, a test taken
with no score, a target lower than the category held. The case saves all the
same; its warnings show on the case and put the teacher in "Needs attention".
And the evidence reads the growth records: events spoken at, experience,
pupils' prize places."""

from __future__ import annotations

import datetime as dt

from metodesk.domain.attestation import RuleBook
from metodesk.domain.attestation_advice import (
    EARLY_GAP,
    EXPERIENCE,
    LOWER_TARGET,
    NO_SCORE,
    CaseFacts,
    case_advice,
)
from metodesk.services import attestation_advice, attestation_cases, attestation_evidence, attestation_views, teachers
from metodesk.services.attestation_cases import CaseInput

TODAY = dt.date(2026, 2, 10)
D = dt.date
BOOK = RuleBook()


def facts(**changes) -> CaseFacts:  # type: ignore[no-untyped-def]
    base = dict(
        held="moderator",
        last_attestation=D(2021, 5, 1),
        experience=10,
        target="expert",
        basis="regular",
        application_date=D(2026, 1, 10),
        test_date=None,
        test_score=None,
        decision="pending",
    )
    return CaseFacts(**{**base, **changes})


def codes(f: CaseFacts) -> list[str]:
    return [a.code for a in case_advice(BOOK, f, TODAY)]


def test_a_clean_case_has_no_warning() -> None:
    assert codes(facts()) == []


def test_each_rule_warns() -> None:
    found = case_advice(BOOK, facts(experience=2, target="researcher"), TODAY)
    assert [(a.code, a.years) for a in found] == [(EXPERIENCE, 4)]
    early = case_advice(BOOK, facts(basis="early", last_attestation=D(2024, 6, 1)), TODAY)
    assert [(a.code, a.since) for a in early] == [(EARLY_GAP, D(2026, 6, 1))]
    assert codes(facts(basis="early", last_attestation=D(2023, 6, 1))) == []
    assert codes(facts(test_date=D(2026, 1, 20))) == [NO_SCORE]
    assert codes(facts(test_date=D(2026, 3, 20))) == []  # planned, not taken yet
    assert codes(facts(decision="awarded")) == [NO_SCORE]
    assert codes(facts(target="pedagog")) == [LOWER_TARGET]
    assert codes(facts(held="legacy_first", target="pedagog")) == []


def test_the_case_saves_and_warns(db, ours) -> None:
    with db.transaction() as s:
        tid = teachers.save_teacher(
            s,
            teachers.TeacherInput(
                surname="Сәрсенова", first_name="Айгерім", organisation_id=ours, category="expert",
                category_date=D(2025, 5, 20), teaching_since=D(2023, 9, 1),
            ),
            today=TODAY,
        )
        case_id = attestation_cases.save_case(
            s,
            CaseInput(
                teacher_id=tid, year="2025-2026", target_category="moderator", basis="early",
                application_date=D(2026, 1, 15), test_date=D(2026, 2, 1),
            ),
            today=TODAY,
        )
    with db.reading() as s:
        case = attestation_cases.get_case(s, case_id)
        found = attestation_advice.for_case(s, case, TODAY)
        texts = [attestation_advice.advice_text(a) for a in found]
        rows = attestation_views.attestation_rows(s, TODAY, ours)
    assert [a.code for a in found] == [EARLY_GAP, NO_SCORE, LOWER_TARGET]
    assert "20.05.2027" in texts[0]
    row = next(r for r in rows if r.teacher_id == tid)
    assert [a.code for a in row.warnings] == [EARLY_GAP, NO_SCORE, LOWER_TARGET]
    assert attestation_views.view_rows(rows, attestation_views.ATTENTION, TODAY) == [row]


def test_evidence_reads_the_growth_records(demo_database) -> None:
    db = demo_database(TODAY)
    from sqlalchemy import select

    from metodesk.storage.models import Teacher

    with db.reading() as s:
        tid = s.scalar(select(Teacher.id).where(Teacher.surname == "Нұрғалиева"))
        found = attestation_evidence.evidence(s, tid, TODAY)
    assert [e.form for e in found.events] == ["master_class"]
    assert len(found.experience) == 1
    assert {r.result for r in found.olympiads} == {"first"}  # the diploma is not a prize place
    items = {c.code: c for c in attestation_evidence.checklist(found, None)}
    assert items["events"].done and items["experience"].count == 1 and items["olympiads"].count == 1
