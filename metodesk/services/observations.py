"""Observation sheets (сабақты бақылау парағы / лист наблюдения урока): any
number per lesson, each by one observer, scored on a criteria set.

A new sheet copies the set's name, scale, legend and the wording of every
criterion; from then on the sheet is scored against its own copy, so editing
the set never rewrites it.

Refused, with nothing saved: a sheet for a cancelled lesson; a sheet for a
lesson whose day has not come; a score outside the sheet's scale; the lesson's
own teacher as observer; the same teacher observing one lesson twice. Saving a
sheet for a planned (or moved) lesson whose day has come marks it held: it was
observed, so it took place.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import Select, select
from sqlalchemy.orm import Session, selectinload

from metodesk.domain.errors import DomainError, NotFound
from metodesk.domain.lesson_enums import LessonStatus, can_observe, score_ok
from metodesk.domain.rows.lessons import ScoreRow as ScoreRow
from metodesk.domain.text import clean, clean_multiline, initials_name
from metodesk.i18n import _
from metodesk.services import criteria
from metodesk.services.common import get_or_fail, limited
from metodesk.services.lessons import full_name
from metodesk.storage.models import CriteriaSet, Lesson, Observation, ObservationScore, Teacher

MAX_PURPOSE = 2000
MAX_TEXT = 10000


@dataclass(frozen=True)
class SheetDraft:
    """What a new sheet on a set starts with: the set's wording and scale."""

    criteria_set_id: int
    set_name_kk: str
    set_name_ru: str
    scale_min: int
    scale_max: int
    legend_kk: str
    legend_ru: str
    scores: tuple[ScoreRow, ...]


@dataclass(frozen=True)
class ObservationRow:
    id: int
    lesson_id: int
    observer_teacher_id: int | None
    observer_name: str  # the teacher's full name, or the name typed in
    observer_short: str  # 'Тегі А.Ә.' for a teacher; the typed name otherwise
    observer_position: str
    observer_position_code: str  # the teacher's Position code; "" for a typed name
    purpose: str
    criteria_set_id: int | None
    set_name_kk: str
    set_name_ru: str
    scale_min: int
    scale_max: int
    legend_kk: str
    legend_ru: str
    scores: tuple[ScoreRow, ...]
    strengths: str
    recommendations: str
    conclusion: str
    acknowledged: bool
    acknowledged_on: dt.date | None

    @property
    def total(self) -> int:
        return sum(s.score for s in self.scores if s.score is not None)

    @property
    def max_total(self) -> int:
        return self.scale_max * len(self.scores)

    @property
    def scored_count(self) -> int:
        return sum(s.score is not None for s in self.scores)


@dataclass
class ObservationInput:
    """The sheet form. ``criteria_set_id`` matters only for a new sheet;
    ``scores`` follow the criteria in order (None: not scored)."""

    observer_teacher_id: int | None = None
    observer_name: str = ""
    observer_position: str = ""
    purpose: str = ""
    criteria_set_id: int | None = None
    scores: list[int | None] = field(default_factory=list)
    strengths: str = ""
    recommendations: str = ""
    conclusion: str = ""
    acknowledged: bool = False
    acknowledged_on: dt.date | None = None


def observation_row(o: Observation) -> ObservationRow:
    teacher = o.observer_teacher
    return ObservationRow(
        id=o.id,
        lesson_id=o.lesson_id,
        observer_teacher_id=o.observer_teacher_id,
        observer_name=full_name(teacher) if teacher else o.observer_name,
        observer_short=initials_name(teacher.surname, teacher.first_name, teacher.patronymic)
        if teacher
        else o.observer_name,
        observer_position=o.observer_position,
        observer_position_code=teacher.position if teacher else "",
        purpose=o.purpose,
        criteria_set_id=o.criteria_set_id,
        set_name_kk=o.set_name_kk,
        set_name_ru=o.set_name_ru,
        scale_min=o.scale_min,
        scale_max=o.scale_max,
        legend_kk=o.legend_kk,
        legend_ru=o.legend_ru,
        scores=tuple(
            ScoreRow(s.position, s.text_kk, s.text_ru, s.score)
            for s in sorted(o.scores, key=lambda s: s.position)
        ),
        strengths=o.strengths,
        recommendations=o.recommendations,
        conclusion=o.conclusion,
        acknowledged=o.acknowledged,
        acknowledged_on=o.acknowledged_on,
    )


def _query() -> Select[Observation]:
    return select(Observation).options(
        selectinload(Observation.observer_teacher), selectinload(Observation.scores)
    )


def get_observation(session: Session, observation_id: int) -> ObservationRow:
    found = session.scalars(_query().where(Observation.id == observation_id)).first()
    if found is None:
        raise NotFound(_("There is no observation sheet with id {id}.").format(id=observation_id))
    return observation_row(found)


def list_observations(session: Session, lesson_id: int) -> list[ObservationRow]:
    """A lesson's sheets in the order they were made."""
    query = _query().where(Observation.lesson_id == lesson_id).order_by(Observation.id)
    return [observation_row(o) for o in session.scalars(query)]


def draft(session: Session, set_id: int | None = None) -> SheetDraft:
    """The criteria of ``set_id`` (the default set when None) for a new sheet."""
    set_id = set_id if set_id is not None else criteria.default_set_id(session)
    if set_id is None:
        raise DomainError(_("There is no criteria set; create one first."), field="criteria_set_id")
    chosen = criteria.get_set(session, set_id)
    return SheetDraft(
        criteria_set_id=chosen.id,
        set_name_kk=chosen.name_kk,
        set_name_ru=chosen.name_ru,
        scale_min=chosen.scale_min,
        scale_max=chosen.scale_max,
        legend_kk=chosen.legend_kk,
        legend_ru=chosen.legend_ru,
        scores=tuple(ScoreRow(c.position, c.text_kk, c.text_ru) for c in chosen.criteria),
    )


def _check_lesson(lesson: Lesson, today: dt.date) -> None:
    if lesson.status == LessonStatus.CANCELLED.value:
        raise DomainError(_("The lesson was cancelled, so it cannot be observed."), field="lesson_id")
    if not can_observe(lesson.status, lesson.date, today):
        raise DomainError(
            _("The lesson is planned for {date}: its sheet can be filled on that day or later.").format(
                date=lesson.date.strftime("%d.%m.%Y")
            ),
            field="lesson_id",
        )


def _check_observer(
    session: Session, lesson: Lesson, data: ObservationInput, observation_id: int | None
) -> tuple[Teacher | None, str, str]:
    name, position = clean(data.observer_name), limited(data.observer_position, "observer_position")
    if data.observer_teacher_id is not None and name:
        raise DomainError(
            _("Choose the observer from the teachers or type a name, not both."), field="observer"
        )
    if data.observer_teacher_id is None:
        if not name:
            raise DomainError(_("Choose the observer or type their name."), field="observer")
        return None, limited(name, "observer"), position
    teacher = session.get(Teacher, data.observer_teacher_id)
    if teacher is None:
        raise DomainError(
            _("There is no teacher with id {id}.").format(id=data.observer_teacher_id), field="observer"
        )
    if teacher.id == lesson.teacher_id:
        raise DomainError(_("The teacher who gives the lesson cannot observe it."), field="observer")
    twice = session.scalar(
        select(Observation.id).where(
            Observation.lesson_id == lesson.id, Observation.observer_teacher_id == teacher.id
        )
    )
    if twice is not None and twice != observation_id:
        raise DomainError(
            _("{name} already has an observation sheet for this lesson.").format(name=full_name(teacher)),
            field="observer",
        )
    return teacher, "", position


def _check_scores(scores: list[int | None], count: int, low: int, high: int) -> list[int | None]:
    if len(scores) > count:
        raise DomainError(
            _("The sheet has {count} criteria but {given} scores were given.").format(
                count=count, given=len(scores)
            ),
            field="scores",
        )
    for number, score in enumerate(scores, start=1):
        if not isinstance(score, int | None) or isinstance(score, bool) or not score_ok(score, low, high):
            raise DomainError(
                _("The score for criterion {number} must be from {low} to {high}.").format(
                    number=number, low=low, high=high
                ),
                field="scores",
            )
    return [*scores, *([None] * (count - len(scores)))]


def _long(value: str, field_name: str, limit: int) -> str:
    text = clean_multiline(value)
    if len(text) > limit:
        raise DomainError(
            _("This text is too long: at most {limit} characters.").format(limit=limit), field=field_name
        )
    return text


def _acknowledged_on(data: ObservationInput, lesson: Lesson, today: dt.date) -> dt.date | None:
    if not data.acknowledged:
        return None
    day = data.acknowledged_on or today
    if day < lesson.date:
        raise DomainError(
            _("The teacher cannot acknowledge the sheet before the lesson."), field="acknowledged_on"
        )
    if day > today:
        raise DomainError(_("The acknowledgement date cannot be in the future."), field="acknowledged_on")
    return day


def save_observation(
    session: Session,
    lesson_id: int,
    data: ObservationInput,
    observation_id: int | None = None,
    today: dt.date | None = None,
) -> int:
    """Fill a new sheet for a lesson, or edit one. Every check runs before
    anything is written."""
    today = today or dt.date.today()
    lesson = get_or_fail(
        session, Lesson, lesson_id, _("There is no lesson with id {id}.").format(id=lesson_id)
    )
    sheet: Observation | None = None
    if observation_id is not None:
        sheet = get_or_fail(
            session,
            Observation,
            observation_id,
            _("There is no observation sheet with id {id}.").format(id=observation_id),
        )
        if sheet.lesson_id != lesson.id:
            raise NotFound(_("There is no observation sheet with id {id}.").format(id=observation_id))
    _check_lesson(lesson, today)
    teacher, name, position = _check_observer(session, lesson, data, observation_id)
    if sheet is None:
        source = draft(session, data.criteria_set_id)
        record = session.get(CriteriaSet, source.criteria_set_id)
        if record is not None and record.archived:
            raise DomainError(_("This criteria set is archived; choose one in use."), field="criteria_set_id")
        rows, low, high = source.scores, source.scale_min, source.scale_max
    else:
        rows = tuple(
            ScoreRow(s.position, s.text_kk, s.text_ru) for s in sorted(sheet.scores, key=lambda s: s.position)
        )
        low, high = sheet.scale_min, sheet.scale_max
    scores = _check_scores(list(data.scores), len(rows), low, high)
    purpose = _long(data.purpose, "purpose", MAX_PURPOSE)
    texts = {k: _long(getattr(data, k), k, MAX_TEXT) for k in ("strengths", "recommendations", "conclusion")}
    acknowledged_on = _acknowledged_on(data, lesson, today)
    if sheet is None:
        sheet = Observation(
            lesson_id=lesson.id,
            criteria_set_id=source.criteria_set_id,
            set_name_kk=source.set_name_kk,
            set_name_ru=source.set_name_ru,
            scale_min=low,
            scale_max=high,
            legend_kk=source.legend_kk,
            legend_ru=source.legend_ru,
        )
        criterion_ids = [c.id for c in criteria.get_set(session, source.criteria_set_id).criteria]
        sheet.scores = [
            ObservationScore(position=r.position, criterion_id=cid, text_kk=r.text_kk, text_ru=r.text_ru)
            for r, cid in zip(rows, criterion_ids, strict=True)
        ]
        session.add(sheet)
    for score_record, score in zip(sorted(sheet.scores, key=lambda s: s.position), scores, strict=True):
        score_record.score = score
    sheet.observer_teacher_id = teacher.id if teacher else None
    sheet.observer_name, sheet.observer_position, sheet.purpose = name, position, purpose
    sheet.strengths, sheet.recommendations, sheet.conclusion = (
        texts["strengths"],
        texts["recommendations"],
        texts["conclusion"],
    )
    sheet.acknowledged, sheet.acknowledged_on = data.acknowledged, acknowledged_on
    if LessonStatus(lesson.status).upcoming:
        lesson.status = LessonStatus.HELD.value
    session.flush()
    return sheet.id


def acknowledge(
    session: Session, observation_id: int, on: dt.date | None = None, today: dt.date | None = None
) -> None:
    """Record that the teacher read the sheet ("Танысты / Ознакомлен")."""
    today = today or dt.date.today()
    sheet = get_or_fail(
        session,
        Observation,
        observation_id,
        _("There is no observation sheet with id {id}.").format(id=observation_id),
    )
    data = ObservationInput(acknowledged=True, acknowledged_on=on)
    sheet.acknowledged_on = _acknowledged_on(data, sheet.lesson, today)
    sheet.acknowledged = True
    session.flush()


def delete_observation(session: Session, observation_id: int) -> None:
    sheet = get_or_fail(
        session,
        Observation,
        observation_id,
        _("There is no observation sheet with id {id}.").format(id=observation_id),
    )
    session.delete(sheet)
    session.flush()
