"""A district-size database for benchmarks: the demo school plus a district
methodical cabinet's ten years of work (issue 9).

150 organisations (100 small schools), 3,000 teachers, 300 associations a
year over ten academic years, each with meetings and protocols, plans with
activities, open lessons with observation sheets, mentoring pairs and
attestation histories, in Kazakh and Russian.

The demo school goes in through the services; the bulk goes in with Core
``INSERT``s of whole rows (ids assigned here, a fresh UUID per record), so the
result is consistent with the models and takes well under a minute.

    .venv/bin/python bench/district.py DATA_FOLDER
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from sqlalchemy import Table, func, select  # noqa: E402
from sqlalchemy.orm import Session  # noqa: E402

from metodesk.domain.text import search_fold  # noqa: E402
from metodesk.storage import models as m  # noqa: E402
from metodesk.storage.base import Base  # noqa: E402


@dataclass(frozen=True)
class Scale:
    """How big a district to build; ``DISTRICT`` is issue 9's size."""

    organisations: int = 150
    small_schools: int = 100
    teachers: int = 3000
    associations: int = 300
    years: int = 10
    meetings_per_year: int = 5
    activities_per_plan: int = 24
    lessons_per_association: int = 4
    pairs_per_year: int = 60


DISTRICT = Scale()
TINY = Scale(organisations=3, small_schools=1, teachers=40, associations=4, years=2, pairs_per_year=3)

SURNAMES = [
    "Ахметов",
    "Бекова",
    "Жұмабаев",
    "Қасымова",
    "Нұрланов",
    "Сейітова",
    "Төлегенов",
    "Омарова",
    "Иванова",
    "Петров",
    "Смирнова",
    "Ким",
    "Әбенов",
    "Мұратова",
    "Ержанов",
    "Серікова",
    "Кузнецова",
    "Оспанов",
    "Байжанова",
    "Тұрсынов",
    "Сулейменова",
    "Абдрахманов",
    "Есенова",
    "Ли",
]
FIRST_NAMES = [
    "Айгүл",
    "Бауыржан",
    "Гүлнар",
    "Дәурен",
    "Ерлан",
    "Жанар",
    "Мария",
    "Олег",
    "Сәуле",
    "Тимур",
    "Әсел",
    "Нұржан",
    "Елена",
    "Арман",
    "Динара",
    "Қайрат",
]
PATRONYMICS = ["Серікұлы", "Маратқызы", "Ивановна", "Петрович", "Асқарұлы", "Болатқызы", "Сергеевна", ""]
VILLAGES = [
    "Ақсу",
    "Қаскелең",
    "Шамалған",
    "Үмтітал",
    "Береке",
    "Жамбыл",
    "Абай",
    "Көкөзек",
    "Райымбек",
    "Таусамалы",
]
TOPICS_KK = [
    "Функционалдық сауаттылықты дамыту жолдары",
    "Критериалды бағалау жүйесін қолдану тәжірибесі",
    "Олимпиадаға дайындық жұмысының нәтижелері",
    "Жас мамандармен жұмыс және тәлімгерлік",
    "Оқу жылының қорытындысы және келесі жылға міндеттер",
    "Ашық сабақтарды талдау және озық тәжірибені тарату",
]
TOPICS_RU = [
    "Пути развития функциональной грамотности учащихся",
    "Опыт применения критериального оценивания",
    "Итоги подготовки к предметным олимпиадам",
    "Работа с молодыми специалистами и наставничество",
    "Итоги учебного года и задачи на следующий",
    "Анализ открытых уроков и распространение передового опыта",
]
DECISIONS = [
    "Ұсынылған әдістемені сабақта қолдану ұсынылсын.",
    "Принять к сведению информацию докладчика, опыт рекомендовать к распространению.",
    "Олимпиадаға дайындық кестесі бекітілсін.",
    "Провести взаимопосещение уроков до конца четверти.",
]
FORMS = ["association_meeting", "seminar", "master_class", "case", "creative_lab", "conference"]
DIRECTIONS = ["theory", "normative", "forms_methods", "best_practice", "olympiads", "quality", "attestation"]
CATEGORIES = ["none", "pedagog", "moderator", "expert", "researcher", "master"]


class Bulk:
    """Rows kept per table with ids assigned here; written in dependency order."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.rows: dict[str, list[dict[str, Any]]] = {}
        self.next_id: dict[str, int] = {}
        self.now = dt.datetime(2025, 11, 1, 9, 0)

    def add(self, model: type, **values: Any) -> int:
        table: Table = model.__table__  # type: ignore[attr-defined]
        if table.name not in self.next_id:
            top = self.session.scalar(select(func.max(table.c.id))) or 0
            self.next_id[table.name] = top + 1
        row_id = self.next_id[table.name]
        self.next_id[table.name] += 1
        row = {"id": row_id, "uuid": str(uuid.uuid4()), "created_at": self.now, "updated_at": self.now}
        for column in table.columns:
            if column.name in row:
                continue
            if column.name in values:
                row[column.name] = values[column.name]
            elif column.default is not None and column.default.is_scalar:
                row[column.name] = column.default.arg
            elif column.default is not None and column.default.is_callable:
                row[column.name] = column.default.arg(None)
            else:
                row[column.name] = None
        self.rows.setdefault(table.name, []).append(row)
        return row_id

    def link(self, table: Table, **values: Any) -> None:
        self.rows.setdefault(table.name, []).append(values)

    def write(self, progress: Progress | None = None) -> dict[str, int]:
        counts: dict[str, int] = {}
        tables = [t for t in Base.metadata.sorted_tables if self.rows.get(t.name)]
        for done, table in enumerate(tables):
            rows = self.rows[table.name]
            if progress is not None:
                progress(done, len(tables), f"writing {table.name} ({len(rows):,} rows)")
            for start in range(0, len(rows), 20000):
                self.session.execute(table.insert(), rows[start : start + 20000])
            counts[table.name] = len(rows)
        self.rows.clear()
        return counts


def _years(session: Session, count: int) -> list[tuple[int, int]]:
    """(year id, first calendar year) for ``count`` years ending with 2025-2026."""
    from metodesk.services import years

    result = []
    for start in range(2026 - count, 2026):
        name = f"{start}-{start + 1}"
        existing = session.scalar(select(m.AcademicYear.id).where(m.AcademicYear.name == name))
        if existing is None:
            d = dt.date
            existing = years.save_year(
                session,
                years.YearInput(
                    name=name,
                    start_date=d(start, 9, 1),
                    end_date=d(start + 1, 5, 25),
                    terms=[
                        years.TermRow(1, "quarter", d(start, 9, 1), d(start, 10, 28)),
                        years.TermRow(2, "quarter", d(start, 11, 6), d(start, 12, 29)),
                        years.TermRow(3, "quarter", d(start + 1, 1, 9), d(start + 1, 3, 20)),
                        years.TermRow(4, "quarter", d(start + 1, 4, 1), d(start + 1, 5, 25)),
                    ],
                ),
            )
        result.append((existing, start))
    return result


Progress = Callable[[int, int, str], None]  # (done, total, what now), as metodesk.services.progress


def print_progress(done: int, total: int, text: str) -> None:
    """Progress lines for the command line, on stderr (stdout keeps the counts)."""
    print(f"  [{done + 1}/{total}] {text}", file=sys.stderr, flush=True)


def build_district(
    session: Session, scale: Scale = DISTRICT, seed: int = 9, progress: Progress | None = None
) -> dict[str, int]:
    """Fill an empty database with the demo school and a district; counts per
    table. ``progress`` hears of each stage: the demo school, the teachers,
    each year, the attestation histories, then the writing of each table."""
    from metodesk.services import demo

    def stage(done: int, text: str) -> None:
        if progress is not None:
            progress(done, scale.years + 3, text)

    rnd = random.Random(seed)
    stage(0, "the demo school")
    demo.fill_demo(session, today=dt.date(2025, 11, 20))
    session.flush()
    year_list = _years(session, scale.years)
    subjects = list(session.scalars(select(m.Subject.id)))
    criteria_set = session.scalar(select(m.CriteriaSet).where(m.CriteriaSet.archived.is_(False)))
    criteria = [(c.id, c.text_kk, c.text_ru) for c in criteria_set.criteria] if criteria_set else []
    bulk = Bulk(session)

    stage(1, f"{scale.organisations} organisations and {scale.teachers:,} teachers")
    orgs: list[int] = []
    for n in range(scale.organisations):
        village = VILLAGES[n % len(VILLAGES)]
        small = n < scale.small_schools
        kind = "small_school" if small else ("preschool" if n % 7 == 0 else "school")
        orgs.append(
            bulk.add(
                m.Organisation,
                kind=kind,
                name_kk=f"{village} ауылының №{n + 1} {'шағын жинақты ' if small else ''}мектебі",
                name_ru=f"{'Малокомплектная ш' if small else 'Ш'}кола №{n + 1} села {village}",
                district="Қарасай ауданы",
                region="Алматы облысы",
                head_name=f"{rnd.choice(SURNAMES)} {rnd.choice(FIRST_NAMES)}",
                head_title="Директор",
                is_ours=False,
            )
        )
    teachers: list[int] = []
    by_org: dict[int, list[int]] = {}
    for n in range(scale.teachers):
        org = orgs[n % len(orgs)] if n % 5 else orgs[rnd.randrange(len(orgs))]
        surname, first, patronymic = rnd.choice(SURNAMES), rnd.choice(FIRST_NAMES), rnd.choice(PATRONYMICS)
        category = rnd.choice(CATEGORIES)
        since = dt.date(rnd.randint(1985, 2024), 9, 1)
        teacher = bulk.add(
            m.Teacher,
            surname=surname,
            first_name=first,
            patronymic=patronymic,
            search_key=search_fold(f"{surname} {first} {patronymic}"),
            organisation_id=org,
            category=category,
            category_date=dt.date(rnd.randint(2019, 2025), 6, 1) if category != "none" else None,
            teaching_since=since,
            young_specialist=since.year >= 2022,
        )
        bulk.link(m.core.teacher_subject, teacher_id=teacher, subject_id=rnd.choice(subjects))
        teachers.append(teacher)
        by_org.setdefault(org, []).append(teacher)

    for number, (year_id, start) in enumerate(year_list):
        stage(2 + number, f"the year {start}-{start + 1}")
        _year_of_work(bulk, rnd, scale, year_id, start, orgs, by_org, subjects, criteria)
    stage(2 + len(year_list), "attestation histories")
    _attestation(bulk, rnd, teachers)
    return bulk.write(progress)


def _year_of_work(  # noqa: PLR0913
    bulk: Bulk,
    rnd: random.Random,
    scale: Scale,
    year_id: int,
    start: int,
    orgs: list[int],
    by_org: dict[int, list[int]],
    subjects: list[int],
    criteria: list[tuple[int, str, str]],
) -> None:
    """One academic year: associations with members, meetings and protocols, a
    plan each, open lessons with sheets, mentoring pairs."""
    for n in range(scale.associations):
        org = orgs[n % len(orgs)]
        staff = by_org.get(org) or by_org[next(iter(by_org))]
        subject = rnd.choice(subjects)
        assoc = bulk.add(
            m.Association,
            kind="subject",
            level="district" if n % 10 == 0 else "school",
            name_kk=f"Пән бірлестігі №{n + 1}",
            name_ru=f"Методическое объединение №{n + 1}",
            subject_id=subject,
            year_id=year_id,
            organisation_id=org,
        )
        members = rnd.sample(staff, min(len(staff), 8))
        for i, teacher in enumerate(members):
            role = "leader" if i == 0 else ("secretary" if i == 1 else "member")
            bulk.add(m.Membership, association_id=assoc, teacher_id=teacher, role=role)
        meetings = []
        for number in range(1, scale.meetings_per_year + 1):
            date = dt.date(start, 8, 28) + dt.timedelta(days=(number - 1) * 60)
            meeting = bulk.add(
                m.Meeting,
                association_id=assoc,
                year_id=year_id,
                number=number,
                date=date,
                place="Әдістемелік кабинет",
                chair_id=members[0],
                secretary_id=members[1] if len(members) > 1 else None,
                status="held" if date < dt.date(2025, 11, 20) else "planned",
            )
            meetings.append(meeting)
            for teacher in members:
                bulk.add(m.MeetingAttendance, meeting_id=meeting, teacher_id=teacher, presence="present")
            for pos in range(3):
                topic = rnd.randrange(len(TOPICS_KK))
                item = bulk.add(
                    m.AgendaItem,
                    meeting_id=meeting,
                    position=pos,
                    title=TOPICS_KK[topic] if pos % 2 == 0 else TOPICS_RU[topic],
                    speaker_teacher_id=rnd.choice(members),
                    summary="Баяндамашы тәжірибесімен бөлісті. " * 3,
                )
                bulk.add(
                    m.AgendaSpeech,
                    item_id=item,
                    position=0,
                    speaker_teacher_id=rnd.choice(members),
                    text="Выступающий поддержал предложение и дополнил примерами из практики.",
                )
                for number_d in (1, 2):
                    bulk.add(
                        m.Decision,
                        item_id=item,
                        number=number_d,
                        text=rnd.choice(DECISIONS),
                        responsible_teacher_id=members[0],
                        deadline=date + dt.timedelta(days=45),
                        status="done" if start < 2025 else "open",
                    )
        plan = bulk.add(
            m.Plan,
            association_id=assoc,
            year_id=year_id,
            status="approved" if start < 2025 else "draft",
            theme="Функционалдық сауаттылықты дамыту арқылы білім сапасын арттыру",
            goal="Педагогтердің кәсіби шеберлігін арттыру",
            review_meeting_id=meetings[0],
        )
        for pos in range(3):
            bulk.add(m.PlanTask, plan_id=plan, position=pos, text=TOPICS_RU[pos])
        for pos in range(scale.activities_per_plan):
            bulk.add(
                m.PlanActivity,
                plan_id=plan,
                position=pos,
                content=TOPICS_KK[pos % len(TOPICS_KK)],
                form=FORMS[pos % len(FORMS)],
                direction=DIRECTIONS[pos % len(DIRECTIONS)],
                months=str(9 + pos % 4),
                responsible_text="Бірлестік жетекшісі",
                expected="Әдістемелік ұсынымдар",
                status="done" if start < 2025 else "planned",
                meeting_id=meetings[pos % len(meetings)] if pos % 6 == 0 else None,
            )
        bulk.add(m.PlanEvent, plan_id=plan, who="Әдіскер", action="created")
        for k in range(scale.lessons_per_association):
            lesson = bulk.add(
                m.Lesson,
                year_id=year_id,
                association_id=assoc,
                teacher_id=rnd.choice(members),
                subject_id=subject,
                grade=rnd.randint(1, 11),
                class_letter="А",
                date=dt.date(start, 10, 1) + dt.timedelta(days=35 * k),
                topic=rnd.choice(TOPICS_KK),
                objectives="Оқушылардың функционалдық сауаттылығын дамыту",
                status="held" if start < 2025 else "planned",
            )
            if start < 2025 or k == 0:
                sheet = bulk.add(
                    m.Observation,
                    lesson_id=lesson,
                    observer_teacher_id=members[0],
                    purpose="Сабақтың тиімділігін бағалау",
                    set_name_kk="Сабақты бақылау парағы",
                    set_name_ru="Лист наблюдения урока",
                    strengths="Сабақ мақсаты нақты қойылған.",
                    recommendations="Рекомендуется больше дифференцированных заданий.",
                    conclusion="Сабақ жақсы деңгейде өтті.",
                )
                for pos, (criterion, text_kk, text_ru) in enumerate(criteria):
                    bulk.add(
                        m.ObservationScore,
                        observation_id=sheet,
                        position=pos,
                        criterion_id=criterion,
                        text_kk=text_kk,
                        text_ru=text_ru,
                        score=rnd.randint(0, 2),
                    )
    everyone = [t for staff in by_org.values() for t in staff]
    mentees = rnd.sample(everyone, min(len(everyone) // 2, scale.pairs_per_year))
    for mentee in mentees:
        mentor = rnd.choice([t for t in everyone if t != mentee])
        pair = bulk.add(
            m.MentoringPair,
            year_id=year_id,
            mentor_id=mentor,
            mentee_id=mentee,
            order_number=f"{rnd.randint(10, 150)}-н/қ",
            order_date=dt.date(start, 9, 1),
            goals="Жас маманның кәсіби бейімделуіне көмектесу",
            start_date=dt.date(start, 9, 1),
            end_date=dt.date(start + 1, 5, 25),
            plan_lang="kk",
        )
        for pos in range(8):
            bulk.add(
                m.MentoringActivity,
                pair_id=pair,
                position=pos,
                activity=TOPICS_RU[pos % len(TOPICS_RU)],
                due_date=dt.date(start, 9, 15) + dt.timedelta(days=30 * pos),
                completion_form="Кеңес",
            )
        for k in range(6):
            bulk.add(
                m.MentoringLogEntry,
                pair_id=pair,
                date=dt.date(start, 9, 20) + dt.timedelta(days=30 * k),
                topic="Сабақ жоспарын талдау",
                minutes=45,
                notes="Ұсыныстар берілді.",
            )


def _attestation(bulk: Bulk, rnd: random.Random, teachers: list[int]) -> None:
    """Category histories, one case in two for the teachers, courses."""
    for n, teacher in enumerate(teachers):
        year = rnd.randint(2016, 2020)
        for category in rnd.sample(CATEGORIES[1:], 2):
            bulk.add(
                m.CategoryAward,
                teacher_id=teacher,
                category=category,
                award_date=dt.date(year, 6, 1),
                order_number=f"№{rnd.randint(1, 300)}",
            )
            year += 5
        if n % 2 == 0:
            case_start = rnd.randint(2020, 2025)
            bulk.add(
                m.AttestationCase,
                teacher_id=teacher,
                year_start=case_start,
                target_category=rnd.choice(CATEGORIES[2:]),
                application_date=dt.date(case_start, 10, 1),
                decision="awarded" if case_start < 2025 else "pending",
            )
        bulk.add(
            m.Course,
            teacher_id=teacher,
            title="Функционалдық сауаттылық: әдістемелік курс",
            provider="«Өрлеу» БАҰО",
            start_date=dt.date(2023, 6, 5),
            end_date=dt.date(2023, 6, 16),
            hours=72,
            certificate_number=f"{rnd.randint(10000, 99999)}",
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build a district-size metodesk database.")
    parser.add_argument("data_dir", help="an empty data folder (created when missing)")
    parser.add_argument("--tiny", action="store_true", help="three organisations, for a quick check")
    args = parser.parse_args(argv)
    from metodesk import paths
    from metodesk.services.setup import prepare_database

    paths.set_data_dir(args.data_dir)
    paths.ensure_data_dir()
    began = time.perf_counter()
    db = prepare_database(paths.database_path())
    try:
        with db.transaction() as session:
            counts = build_district(session, TINY if args.tiny else DISTRICT, progress=print_progress)
    finally:
        db.close()
    for name, count in counts.items():
        print(f"{name:24} {count:>8}")
    print(f"built in {time.perf_counter() - began:.1f} s: {paths.database_path()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
