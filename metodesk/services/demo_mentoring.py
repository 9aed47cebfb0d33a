"""Demo mentoring: the demo school's two young specialists each get a mentor
for the current year, appointed by the head's order in late August; their
plans start from the template (one in Kazakh, one in Russian) and are done
up to November; their logs run through the autumn, and the mentor's visit to
the open lesson of October names that lesson and the mentor's own sheet.
Any other young specialist of ours stays without a mentor, for the
attention list to show.

Nothing is dated after ``today``; a mentee who already has a pair that year
is left as it is, so adding the demo twice adds nothing.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from metodesk.domain.mentoring_enums import MenteeKind, MentoringKind
from metodesk.services import mentoring, mentoring_log, mentoring_plan, years
from metodesk.services.mentoring import PairInput
from metodesk.services.mentoring_log import EntryInput
from metodesk.storage.models import Lesson, MentoringPair, Observation, Organisation, Teacher

D = dt.date
CONSULTATION, VISIT_MENTEE, VISIT_MENTOR, PLANNING = (
    MentoringKind.CONSULTATION.value,
    MentoringKind.VISIT_MENTEE.value,
    MentoringKind.VISIT_MENTOR.value,
    MentoringKind.JOINT_PLANNING.value,
)

GOALS = {
    "kk": "Жас маманның мектеп ұжымына бейімделуіне көмектесу, сабақты жоспарлау мен өткізу "
    "дағдыларын дамыту.\nМіндеттері: КТЖ мен ҚМЖ құруға көмектесу; критериалды бағалауды меңгерту; "
    "өздігінен білім алу жоспарын құру.",
    "ru": "Помочь молодому специалисту адаптироваться в коллективе школы, развить навыки планирования "
    "и проведения урока.\nЗадачи: помощь в составлении КТП и КСП; освоение критериального оценивания; "
    "составление плана самообразования.",
}

# (month, day, kind, topic, minutes, notes); the year is the school year's first or second.
LOGS: dict[str, tuple[tuple[int, int, str, str, int, str], ...]] = {
    "kk": (
        (9, 5, CONSULTATION, "КТЖ мен ҚМЖ құрылымы, оқу мақсаттарын анықтау", 45, "ҚМЖ үлгісі берілді."),
        (9, 19, PLANNING, "Сауат ашу пәнінен ҚМЖ-ны бірлесіп құру", 40, ""),
        (
            10,
            8,
            VISIT_MENTOR,
            "Тәлімгердің 2-сыныптағы сауат ашу сабағына қатысу",
            45,
            "Сабақтың кезеңдері талданды.",
        ),
        (
            10,
            22,
            VISIT_MENTEE,
            "Ашық сабақты талдау: оқу мақсаттарына жету",
            45,
            "Уақытты бөлуге назар аудару керек.",
        ),
        (11, 12, CONSULTATION, "Критериалды бағалау: дескрипторлар құрастыру", 30, ""),
        (12, 3, CONSULTATION, "Оқушы дәптерлерін тексеру талаптары", 30, ""),
    ),
    "ru": (
        (9, 3, CONSULTATION, "Нормативные документы, требования к КТП", 40, ""),
        (
            9,
            24,
            VISIT_MENTEE,
            "Урок биологии в 7 классе: постановка целей урока",
            45,
            "Рекомендовано сократить вступление.",
        ),
        (10, 15, PLANNING, "Составление КСП по химии для 8 класса", 40, ""),
        (11, 5, VISIT_MENTOR, "Урок наставника: приёмы формативного оценивания", 45, ""),
    ),
}

# (mentee's surname, mentor's surname, plan language)
PAIRS = (("Әбдірахманова", "Смағұлова", "kk"), ("Оразбекова", "Жақсылықова", "ru"))
ORDER_NUMBER = "112"
DONE_BEFORE = (12, 1)  # plan rows due before 1 December are done


def _ours(session: Session, surname: str) -> Teacher | None:
    return session.scalars(
        select(Teacher)
        .join(Organisation, Organisation.id == Teacher.organisation_id)
        .where(Teacher.surname == surname, Organisation.is_ours.is_(True), Teacher.archived.is_(False))
    ).first()


def add_demo_mentoring(session: Session, today: dt.date) -> int:
    """Add the demo pairs to the current year; returns how many were added."""
    year = years.current_year(session)
    if year is None:
        return 0
    y = year.start_date.year
    added = 0
    for mentee_name, mentor_name, lang in PAIRS:
        mentee, mentor = _ours(session, mentee_name), _ours(session, mentor_name)
        if mentee is None or mentor is None:
            continue
        taken = session.scalar(
            select(MentoringPair.id).where(
                MentoringPair.mentee_id == mentee.id, MentoringPair.year_id == year.id
            )
        )
        if taken is not None:
            continue
        order_date = D(y, 8, 29)
        pair_id = mentoring.save_pair(
            session,
            PairInput(
                year_id=year.id,
                mentor_id=mentor.id,
                mentee_id=mentee.id,
                mentee_kind=MenteeKind.YOUNG_SPECIALIST.value
                if mentee.young_specialist
                else MenteeKind.TRAINEE.value,
                order_number=ORDER_NUMBER if order_date <= today else "",
                order_date=order_date if order_date <= today else None,
                goals=GOALS[lang],
                start_date=year.start_date,
                end_date=year.end_date,
                template_lang=lang,
            ),
        )
        _mark_plan(session, pair_id, D(y, *DONE_BEFORE), today)
        _log(session, pair_id, mentee.id, mentor.id, y, lang, today)
        added += 1
    return added


def _mark_plan(session: Session, pair_id: int, before: dt.date, today: dt.date) -> None:
    for row in mentoring_plan.list_activities(session, pair_id):
        if row.due_date is None or row.due_date >= before or row.when_text:
            continue
        done_on = row.due_date - dt.timedelta(days=3)
        if done_on <= today:
            mentoring_plan.mark_done(session, row.id, done_on, today=today)


def _visited_lesson(session: Session, teacher_id: int, year_id: int, day: dt.date) -> Lesson | None:
    """The teacher's demo lesson in the same week as ``day``, not cancelled."""
    lessons = session.scalars(
        select(Lesson).where(
            Lesson.teacher_id == teacher_id,
            Lesson.year_id == year_id,
            Lesson.status != "cancelled",
            Lesson.date.between(day - dt.timedelta(days=6), day + dt.timedelta(days=6)),
        )
    )
    return next(iter(lessons), None)


def _log(
    session: Session, pair_id: int, mentee_id: int, mentor_id: int, y: int, lang: str, today: dt.date
) -> None:
    year_id = session.get(MentoringPair, pair_id).year_id  # type: ignore[union-attr]
    for month, day, kind, topic, minutes, notes in LOGS[lang]:
        date = D(y if month >= 8 else y + 1, month, day)
        data = EntryInput(date=date, kind=kind, topic=topic, minutes=minutes, notes=notes)
        visited = {VISIT_MENTEE: mentee_id, VISIT_MENTOR: mentor_id}.get(kind)
        lesson = _visited_lesson(session, visited, year_id, date) if visited is not None else None
        if lesson is not None:
            data.date, data.lesson_id = lesson.date, lesson.id
            sheet = session.scalars(
                select(Observation).where(
                    Observation.lesson_id == lesson.id, Observation.observer_teacher_id == mentor_id
                )
            ).first()
            data.observation_id = sheet.id if sheet is not None else None
        if data.date is not None and data.date <= today:
            mentoring_log.save_entry(session, pair_id, data, today=today)
