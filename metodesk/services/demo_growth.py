"""Demo professional growth: the demo teachers of our school (services.demo,
found by surname) get a self-education topic each for the current year (and
last year's for a few), two entries of generalised experience, events of
several forms and levels with their speakers and participants, and pupils'
olympiad results, all dated in the academic year holding ``today``."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from metodesk.domain.academic_year import start_year
from metodesk.services import growth, growth_events, years
from metodesk.services.growth import ExperienceInput, SelfEducationInput
from metodesk.services.growth_events import EventInput, OlympiadInput, ParticipantInput
from metodesk.storage.models import Organisation, SelfEducation, Subject, Teacher

D = dt.date

TOPICS = {
    "Жақсылықова": ("Мектептегі әдістемелік жұмысты басқарудың тиімді жолдары", "generalisation"),
    "Нұрғалиева": ("Қазақ тілі сабағында зерттеу сабағы (Lesson Study) тәсілі", "spreading"),
    "Төлеуова": ("Оқушылардың функционалдық сауаттылығын дамыту", "practice"),
    "Ибраев": ("Сабақта сын тұрғысынан ойлауды дамыту стратегиялары", "study"),
    "Смағұлова": ("Бастауыш сыныпта критериалды бағалауды қолдану", "practice"),
    "Бекова": ("Ерекше білім беру қажеттілігі бар балалармен жұмыс", "practice"),
    "Әбдірахманова": ("Бастауыш сыныпта ойын технологиялары", "study"),
    "Петренко": ("Развитие читательской грамотности на уроках русского языка", "practice"),
    "Қасымов": ("Физикадан зертханалық жұмыстарды цифрлық құралдармен өткізу", "generalisation"),
    "Оразбекова": ("Биология сабағында жобалық оқыту", "study"),
}


def add_demo_growth(session: Session, today: dt.date) -> int:
    """Fill the demo's growth records; returns how many events were written.
    Adds nothing once any self-education topic exists."""
    if session.scalar(select(SelfEducation.id).limit(1)):
        return 0
    ours = session.scalar(select(Organisation.id).where(Organisation.is_ours.is_(True)))
    ids = {
        t.surname: t.id
        for t in session.scalars(select(Teacher).where(Teacher.organisation_id == ours, Teacher.archived.is_(False)))
    }
    if not ids:
        return 0
    year_id = years.ensure_year(session, today)
    y = start_year(today)
    subject = {s.name_kk: s.id for s in session.scalars(select(Subject))}

    for surname, (topic, stage) in TOPICS.items():
        if surname not in ids:
            continue
        reported = stage in ("generalisation", "spreading")
        growth.save_self_education(
            session,
            SelfEducationInput(
                teacher_id=ids[surname],
                year_id=year_id,
                topic=topic,
                stage=stage,
                plan="1. Әдебиеттерді зерделеу.\n2. Сабақта қолдану.\n3. Нәтижелерді жинақтау.",
                report_form="report" if reported else "",
                report_date=min(D(y, 11, 14), today) if reported else None,
                heard_at="association" if reported else "",
            ),
        )

    def who(*names: str) -> list[int]:
        return [ids[n] for n in names if n in ids]

    if who("Нұрғалиева"):
        growth.save_experience(
            session,
            ExperienceInput(
                year_id=year_id,
                topic="Зерттеу сабағы арқылы оқушылардың сөйлеу дағдыларын дамыту",
                level="district",
                teacher_ids=who("Нұрғалиева", "Төлеуова"),
                presented_at="Аудандық әдістемелік кабинеттің семинары",
                approved_on=min(D(y, 10, 24), today),
                document="№ 3 хаттама",
                materials="Әдістемелік құрал, 42 бет",
            ),
        )
    if who("Қасымов"):
        growth.save_experience(
            session,
            ExperienceInput(
                year_id=year_id,
                topic="Физикадан цифрлық зертхана",
                level="school",
                teacher_ids=who("Қасымов"),
                presented_at="Әдістемелік кеңес",
                approved_on=min(D(y, 11, 20), today),
                document="№ 2 хаттама",
            ),
        )

    events = [
        ("Критериалды бағалау: тапсырмалар мен дескрипторлар", "seminar", "school", D(y, 10, 16), None,
         "Мектептің әдістемелік кеңесі", [("Смағұлова", "speaker", ""), ("Бекова", "participant", ""),
                                          ("Әбдірахманова", "participant", "")]),
        ("Lesson Study: зерттеу сабағын жоспарлау", "master_class", "district", D(y, 11, 6), None,
         "Аудандық әдістемелік кабинет", [("Нұрғалиева", "speaker", "Алғыс хат"), ("Төлеуова", "participant", "")]),
        ("Қазақ тілі мен әдебиеті пәндерінің апталығы", "subject_week", "school", D(y, 12, 8), D(y, 12, 12),
         "Тіл пәндерінің ӘБ", [("Төлеуова", "organiser", ""), ("Ибраев", "participant", "")]),
        ("«Үздік педагог — 2026» аудандық байқауы", "teacher_competition", "district", D(y + 1, 2, 18), None,
         "Аудандық білім бөлімі", [("Қасымов", "participant", "II орын")]),
        ("Функционалдық сауаттылық: облыстық ғылыми-практикалық конференция", "conference", "region",
         D(y + 1, 3, 26), D(y + 1, 3, 27), "«Өрлеу» филиалы", [("Жақсылықова", "speaker", "Сертификат"),
                                                             ("Петренко", "participant", "Сертификат")]),
        ("Жас мамандар мектебі", "creative_group", "school", D(y, 9, 25), None, "Мектеп",
         [("Оразбекова", "participant", ""), ("Смағұлова", "organiser", "")]),
    ]
    written = 0
    for title, form, level, start, end, organiser, people in events:
        growth_events.save_event(
            session,
            EventInput(
                year_id=year_id,
                title=title,
                form=form,
                level=level,
                start_date=start,
                end_date=end,
                organiser=organiser,
                # a result only for what has taken place by ``today``
                participants=[
                    ParticipantInput(ids[n], role, note if start <= today else "")
                    for n, role, note in people
                    if n in ids
                ],
            ),
            today=today,
        )
        written += 1

    results = [
        ("Серікова Аружан", 9, "Математика", "district", "second", "Жақсылықова", D(y, 12, 5)),
        ("Мұратов Диас", 10, "Физика", "district", "third", "Қасымов", D(y, 12, 5)),
        ("Мұратов Диас", 10, "Физика", "school", "first", "Қасымов", D(y, 11, 14)),
        ("Ахметова Әйгерім", 8, "Қазақ тілі", "school", "first", "Нұрғалиева", D(y, 11, 13)),
        ("Ахметова Әйгерім", 8, "Қазақ тілі", "district", "diploma", "Нұрғалиева", D(y, 12, 4)),
        ("Ким Алина", 7, "Орыс тілі", "school", "second", "Петренко", D(y, 11, 13)),
        ("Бекболат Нұрсұлтан", 4, "Математика", "school", "participant", "Смағұлова", D(y + 1, 2, 20)),
    ]
    for pupil, grade, subj, level, result, teacher, day in results:
        if teacher not in ids or day > today:
            continue
        growth_events.save_olympiad(
            session,
            OlympiadInput(
                year_id=year_id,
                kind="olympiad",
                date=day,
                pupil=pupil,
                grade=grade,
                subject_id=subject.get(subj),
                title="" if subj in subject else subj,
                level=level,
                result=result,
                teacher_id=ids[teacher],
            ),
        )
    return written
