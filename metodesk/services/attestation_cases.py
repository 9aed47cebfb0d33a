"""Attestation cases (docs/domain/order-253.md, 'Stages'): one teacher, one attestation year,
the target category and the planned window, and the stages: the application,
the knowledge test (ПББ / ОЗП) with its score, passed or not by the pass mark
in force on the test date; the lessons observed (linked to observation sheets
of the open-lessons area when there are any); the portfolio (comprehensive
generalisation); the commission's decision and the order.

A case decided "awarded" puts the category into the teacher's history (and on
the card); changing the decision back takes that entry out again.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import Select, select
from sqlalchemy.orm import Session, selectinload

from metodesk.domain.attestation import (
    CURRENT_CATEGORIES,
    AwardBasis,
    CaseDecision,
    DecisionBody,
    PortfolioStatus,
    RuleBook,
    Window,
    check_award_date,
    check_category,
    check_score,
    parse_year_name,
    pass_mark,
    passed_test,
    year_name,
)
from metodesk.domain.errors import DomainError
from metodesk.domain.text import clean_multiline, initials_name
from metodesk.i18n import _
from metodesk.services import attestation
from metodesk.services.attestation_rules import rule_book
from metodesk.services.common import check_enum, get_or_fail, limited, reasonable_date
from metodesk.storage.models import (
    AttestationCase,
    CaseObservation,
    CategoryAward,
    Lesson,
    Observation,
    Teacher,
)

MAX_NOTE = 2000


@dataclass(frozen=True)
class StageObservation:
    """A lesson observed for the case; ``sheet`` names the linked sheet ('' when none)."""

    id: int
    date: dt.date
    note: str
    observation_id: int | None
    sheet: str


@dataclass(frozen=True)
class CaseRow:
    id: int
    teacher_id: int
    teacher_name: str
    position: str
    year_start: int
    target_category: str
    window: str
    basis: str
    application_date: dt.date | None
    test_date: dt.date | None
    test_score: int | None
    pass_mark: int | None
    test_passed: bool | None
    portfolio_status: str
    decision: str
    decision_date: dt.date | None
    decision_body: str
    order_number: str
    note: str
    observations: tuple[StageObservation, ...] = ()

    @property
    def year_name(self) -> str:
        return year_name(self.year_start)

    @property
    def in_progress(self) -> bool:
        return self.decision == CaseDecision.PENDING.value


@dataclass
class CaseInput:
    teacher_id: int | None = None
    year: str = ""
    target_category: str = ""
    window: str = Window.SPRING.value
    basis: str = AwardBasis.REGULAR.value
    application_date: dt.date | None = None
    test_date: dt.date | None = None
    test_score: int | None = None
    portfolio_status: str = PortfolioStatus.NOT_STARTED.value
    decision: str = CaseDecision.PENDING.value
    decision_date: dt.date | None = None
    decision_body: str = DecisionBody.ORGANISATION.value
    order_number: str = ""
    note: str = ""


@dataclass
class StageInput:
    case_id: int | None = None
    date: dt.date | None = None
    note: str = ""
    observation_id: int | None = None


@dataclass(frozen=True)
class SheetChoice:
    """An observation sheet of one of the teacher's lessons, to link to a case."""

    observation_id: int
    date: dt.date
    topic: str
    observer: str
    kind: str = field(default="")


def _observer(o: Observation) -> str:
    t = o.observer_teacher
    return initials_name(t.surname, t.first_name, t.patronymic) if t is not None else o.observer_name


def _sheet_text(o: Observation | None) -> str:
    """'«Topic», Observer А.Ә.' for a linked sheet ('' when none)."""
    if o is None:
        return ""
    return ", ".join(p for p in (f"«{o.lesson.topic}»" if o.lesson.topic else "", _observer(o)) if p)


def _row(book: RuleBook, case: AttestationCase) -> CaseRow:
    t = case.teacher
    mark = pass_mark(book, case.target_category, t.position, case.test_date) if case.test_date else None
    return CaseRow(
        id=case.id,
        teacher_id=t.id,
        teacher_name=" ".join(p for p in (t.surname, t.first_name, t.patronymic) if p),
        position=t.position,
        year_start=case.year_start,
        target_category=case.target_category,
        window=case.window,
        basis=case.basis,
        application_date=case.application_date,
        test_date=case.test_date,
        test_score=case.test_score,
        pass_mark=mark,
        test_passed=passed_test(book, case.test_score, case.target_category, t.position, case.test_date),
        portfolio_status=case.portfolio_status,
        decision=case.decision,
        decision_date=case.decision_date,
        decision_body=case.decision_body,
        order_number=case.order_number,
        note=case.note,
        observations=tuple(
            StageObservation(o.id, o.date, o.note, o.observation_id, _sheet_text(o.observation))
            for o in case.observations
        ),
    )


def _query() -> Select[AttestationCase]:
    return select(AttestationCase).options(
        selectinload(AttestationCase.teacher),
        selectinload(AttestationCase.observations)
        .selectinload(CaseObservation.observation)
        .selectinload(Observation.lesson),
    )


def get_case(session: Session, case_id: int) -> CaseRow:
    case = session.scalars(_query().where(AttestationCase.id == case_id)).first()
    if case is None:
        raise DomainError(_("The attestation case was not found."))
    return _row(rule_book(session), case)


def list_cases(session: Session, teacher_id: int) -> list[CaseRow]:
    """The teacher's cases, the latest year first."""
    query = _query().where(AttestationCase.teacher_id == teacher_id)
    book = rule_book(session)
    return [_row(book, c) for c in session.scalars(query.order_by(AttestationCase.year_start.desc()))]


def open_cases(session: Session) -> list[CaseRow]:
    """Every case still awaiting its decision."""
    query = _query().where(AttestationCase.decision == CaseDecision.PENDING.value)
    book = rule_book(session)
    return [_row(book, c) for c in session.scalars(query.order_by(AttestationCase.year_start))]


def _target(code: str) -> str:
    check_category(code, "target_category")
    if code not in CURRENT_CATEGORIES:
        raise DomainError(
            _("An attestation awards one of the five current categories, not a legacy one."),
            field="target_category",
        )
    return code


def _past(value: dt.date | None, name: str, today: dt.date) -> dt.date | None:
    value = reasonable_date(value, name)
    if value is not None and value > today:
        raise DomainError(_("This date is in the future."), field=name)
    return value


def _validate(session: Session, data: CaseInput, case_id: int | None, today: dt.date) -> tuple[Teacher, int]:
    teacher = attestation.teacher_record(session, data.teacher_id)
    start = parse_year_name(data.year)
    clash = session.scalar(
        select(AttestationCase.id).where(
            AttestationCase.teacher_id == teacher.id, AttestationCase.year_start == start
        )
    )
    if clash is not None and clash != case_id:
        raise DomainError(
            _("The teacher already has an attestation case in {year}.").format(year=year_name(start)),
            field="year",
        )
    target = _target(data.target_category)
    for value, enum_type, name in (
        (data.window, Window, "window"),
        (data.basis, AwardBasis, "basis"),
        (data.portfolio_status, PortfolioStatus, "portfolio_status"),
        (data.decision, CaseDecision, "decision"),
        (data.decision_body, DecisionBody, "decision_body"),
    ):
        check_enum(value, enum_type, name)
    _past(data.application_date, "application_date", today)
    reasonable_date(data.test_date, "test_date")
    check_score(data.test_score)
    if data.test_score is not None:
        if data.test_date is None:
            raise DomainError(_("Enter the date of the test the score is from."), field="test_date")
        if data.test_date > today:
            raise DomainError(_("A score can be entered only for a test already taken."), field="test_score")
    if data.decision != CaseDecision.PENDING.value:
        if data.decision_date is None:
            raise DomainError(_("Enter the date of the commission's decision."), field="decision_date")
        check_award_date(reasonable_date(data.decision_date, "decision_date"), today, "decision_date")
    if data.decision == CaseDecision.AWARDED.value:
        passed = passed_test(rule_book(session), data.test_score, target, teacher.position, data.test_date)
        if passed is False:
            mark = pass_mark(rule_book(session), target, teacher.position, data.test_date)  # type: ignore[arg-type]
            raise DomainError(
                _(
                    "The test score {score} is below the pass mark {mark}: the category cannot be awarded."
                ).format(score=data.test_score, mark=mark),
                field="decision",
            )
    return teacher, start


def save_case(
    session: Session, data: CaseInput, case_id: int | None = None, today: dt.date | None = None
) -> int:
    """Create or update a case; an "awarded" decision writes the history entry."""
    teacher, start = _validate(session, data, case_id, today or dt.date.today())
    order_number = limited(data.order_number, "order_number", attestation.ORDER_LENGTH)
    note = clean_multiline(data.note)
    if len(note) > MAX_NOTE:
        raise DomainError(
            _("This text is too long: at most {limit} characters.").format(limit=MAX_NOTE), "note"
        )
    case = (
        get_or_fail(session, AttestationCase, case_id, _("The attestation case was not found."))
        if case_id
        else None
    )
    if case is None:
        case = AttestationCase(teacher_id=teacher.id)
        session.add(case)
    elif case.teacher_id != teacher.id:
        raise DomainError(_("A case cannot move to another teacher."), field="teacher_id")
    case.year_start, case.target_category, case.window = start, data.target_category, data.window
    case.basis, case.application_date = data.basis, data.application_date
    case.test_date, case.test_score = data.test_date, data.test_score
    case.portfolio_status, case.decision = data.portfolio_status, data.decision
    case.decision_date = data.decision_date if data.decision != CaseDecision.PENDING.value else None
    case.decision_body, case.order_number, case.note = data.decision_body, order_number, note
    session.flush()
    _record_outcome(session, case, teacher)
    return case.id


def _record_outcome(session: Session, case: AttestationCase, teacher: Teacher) -> None:
    """Keep the history entry of an awarded case in step with the case."""
    award = session.scalars(select(CategoryAward).where(CategoryAward.case_id == case.id)).first()
    if case.decision != CaseDecision.AWARDED.value:
        if award is not None:
            session.delete(award)
            attestation.sync_teacher(session, teacher.id)
        return
    if award is None:
        attestation.keep_card(session, teacher)
        award = CategoryAward(teacher_id=teacher.id, case_id=case.id)
        session.add(award)
    assert case.decision_date is not None  # save_case requires it for any decision
    award.category, award.award_date = case.target_category, case.decision_date
    award.order_number, award.basis, award.decision_body = case.order_number, case.basis, case.decision_body
    attestation.sync_teacher(session, teacher.id)


def delete_case(session: Session, case_id: int) -> None:
    """Delete a case and its stages; a category it awarded stays in the history."""
    case = get_or_fail(session, AttestationCase, case_id, _("The attestation case was not found."))
    session.delete(case)
    session.flush()


# ---- lesson observations ---------------------------------------------------------------------


def sheets_for(session: Session, teacher_id: int) -> list[SheetChoice]:
    """Observation sheets filled on the teacher's lessons, newest first."""
    query = (
        select(Observation)
        .join(Lesson, Observation.lesson_id == Lesson.id)
        .where(Lesson.teacher_id == teacher_id)
        .options(selectinload(Observation.lesson), selectinload(Observation.observer_teacher))
        .order_by(Lesson.date.desc(), Observation.id)
    )
    result = []
    for o in session.scalars(query):
        result.append(SheetChoice(o.id, o.lesson.date, o.lesson.topic, _observer(o), o.lesson.kind))
    return result


def save_stage_observation(session: Session, data: StageInput, stage_id: int | None = None) -> int:
    """Record a lesson observed for the case; a linked sheet must be of one of
    the teacher's lessons, and gives the date when none is typed."""
    if data.case_id is None:
        raise DomainError(_("The attestation case was not found."))
    case = get_or_fail(session, AttestationCase, data.case_id, _("The attestation case was not found."))
    sheet = None
    if data.observation_id is not None:
        sheet = session.get(Observation, data.observation_id)
        if sheet is None or sheet.lesson.teacher_id != case.teacher_id:
            raise DomainError(
                _("Choose an observation sheet of this teacher's lessons."), field="observation_id"
            )
    when = data.date or (sheet.lesson.date if sheet is not None else None)
    if when is None:
        raise DomainError(_("Enter the date of the observed lesson."), field="date")
    reasonable_date(when, "date")
    note = limited(data.note, "note", 300)
    stage = (
        get_or_fail(session, CaseObservation, stage_id, _("The observation was not found."))
        if stage_id
        else None
    )
    if stage is None:
        stage = CaseObservation(case_id=case.id)
        session.add(stage)
    stage.date, stage.note, stage.observation_id = when, note, data.observation_id
    session.flush()
    return stage.id


def delete_stage_observation(session: Session, stage_id: int) -> None:
    stage = get_or_fail(session, CaseObservation, stage_id, _("The observation was not found."))
    session.delete(stage)
    session.flush()
