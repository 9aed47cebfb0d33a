"""The demo school: a small rural school, two neighbouring small schools, about
fifteen teachers, three associations (one at district level) in the academic
year holding ``today`` — with meetings and protocols, annual plans, open
lessons, mentoring and attestation records added by each area's own demo
module. The data below is written for 2025-2026 (``BASE_YEAR``) and moved by
whole years to the year holding ``today``, so nothing in it looks stale."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from metodesk.domain import academic_year
from metodesk.domain.enums import (
    AssociationKind,
    AssociationLevel,
    Category,
    LeaderChosen,
    MemberRole,
    OrgKind,
    Position,
)
from metodesk.domain.errors import DomainError
from metodesk.i18n import _
from metodesk.services import associations, organisations, teachers, years
from metodesk.services.demo_attestation import add_demo_attestation
from metodesk.services.demo_growth import add_demo_growth
from metodesk.services.demo_lessons import add_demo_lessons
from metodesk.services.demo_council import add_demo_analysis, add_demo_council, add_demo_school_plan
from metodesk.services.demo_meetings import add_demo_meetings
from metodesk.services.demo_mentoring import add_demo_mentoring
from metodesk.services.demo_plans import add_demo_plans
from metodesk.services.setup import seed_defaults
from metodesk.storage.models import Organisation, Subject

D = dt.date
BASE_YEAR = 2025  # the academic year the dates below are written for

ORGANISATIONS = (
    # (key, kind, name_kk, name_ru, head_name, head_title_kk, deputy)
    (
        "aksu",
        OrgKind.SMALL_SCHOOL,
        "Ақсу ауылының жалпы орта білім беретін шағын жинақты мектебі",
        "Малокомплектная общеобразовательная школа села Аксу",
        "Сейітқали Бауыржан Ерланұлы",
        "Мектеп директоры",
        "Жақсылықова Гүлнар Серікқызы",
    ),
    (
        "karatal",
        OrgKind.SMALL_SCHOOL,
        "Қаратал ауылының негізгі орта мектебі",
        "Основная средняя школа села Каратал",
        "Оспанов Нұрлан Қайратұлы",
        "Мектеп директоры",
        "",
    ),
    (
        "zhanaturmys",
        OrgKind.SMALL_SCHOOL,
        "Жаңатұрмыс бастауыш мектебі",
        "Начальная школа села Жанатурмыс",
        "Ковальчук Ирина Петровна",
        "Мектеп директоры",
        "",
    ),
)

# (org key, surname, first name, patronymic, subjects (kk names), position, category,
#  category date, teaching since, young specialist)
TEACHERS = (
    (
        "aksu",
        "Жақсылықова",
        "Гүлнар",
        "Серікқызы",
        ("Математика",),
        Position.DEPUTY,
        Category.EXPERT,
        D(2022, 5, 20),
        D(2004, 9, 1),
        False,
    ),
    (
        "aksu",
        "Нұрғалиева",
        "Әсел",
        "Бауыржанқызы",
        ("Қазақ тілі", "Қазақ әдебиеті"),
        Position.TEACHER,
        Category.RESEARCHER,
        D(2021, 12, 24),
        D(2008, 9, 1),
        False,
    ),
    (
        "aksu",
        "Төлеуова",
        "Айгүл",
        "Маратқызы",
        ("Қазақ тілі", "Қазақ әдебиеті"),
        Position.TEACHER,
        Category.MODERATOR,
        D(2023, 6, 1),
        D(2015, 9, 1),
        False,
    ),
    (
        "aksu",
        "Ибраев",
        "Ілияс",
        "Қанатұлы",
        ("Қазақ тілі",),
        Position.TEACHER,
        Category.PEDAGOG,
        D(2024, 6, 10),
        D(2023, 9, 1),
        True,
    ),
    (
        "aksu",
        "Смағұлова",
        "Мәдина",
        "Ерболқызы",
        ("Сауат ашу", "Математика", "Дүниетану"),
        Position.PRIMARY_TEACHER,
        Category.LEGACY_FIRST,
        D(2020, 12, 25),
        D(1998, 9, 1),
        False,
    ),
    (
        "aksu",
        "Бекова",
        "Жанар",
        "Айдарқызы",
        ("Сауат ашу", "Математика", "Әдебиеттік оқу"),
        Position.PRIMARY_TEACHER,
        Category.MODERATOR,
        D(2022, 12, 23),
        D(2012, 9, 1),
        False,
    ),
    (
        "aksu",
        "Әбдірахманова",
        "Ұлжан",
        "Серікқызы",
        ("Сауат ашу", "Дүниетану"),
        Position.PRIMARY_TEACHER,
        Category.NONE,
        None,
        D(2024, 9, 1),
        True,
    ),
    (
        "aksu",
        "Петренко",
        "Ольга",
        "Викторовна",
        ("Орыс тілі", "Орыс әдебиеті"),
        Position.TEACHER,
        Category.LEGACY_HIGHEST,
        D(2019, 12, 27),
        D(1995, 9, 1),
        False,
    ),
    (
        "aksu",
        "Қасымов",
        "Ерлан",
        "Төлегенұлы",
        ("Физика", "Информатика"),
        Position.TEACHER,
        Category.PEDAGOG,
        D(2023, 12, 22),
        D(2016, 9, 1),
        False,
    ),
    (
        "aksu",
        "Оразбекова",
        "Дана",
        "Нұрланқызы",
        ("Биология", "Химия"),
        Position.TEACHER,
        Category.NONE,
        None,
        D(2025, 8, 25),
        True,
    ),
    (
        "karatal",
        "Серікбаев",
        "Асқар",
        "Жомартұлы",
        ("Математика", "Физика"),
        Position.TEACHER,
        Category.EXPERT,
        D(2021, 6, 4),
        D(2006, 9, 1),
        False,
    ),
    (
        "karatal",
        "Иванова",
        "Светлана",
        "Николаевна",
        ("Математика", "Информатика"),
        Position.TEACHER,
        Category.LEGACY_SECOND,
        D(2018, 5, 30),
        D(2010, 9, 1),
        False,
    ),
    (
        "karatal",
        "Құдайбергенова",
        "Айжан",
        "Талғатқызы",
        ("Қазақ тілі", "Қазақ әдебиеті"),
        Position.TEACHER,
        Category.MODERATOR,
        D(2024, 12, 20),
        D(2017, 9, 1),
        False,
    ),
    (
        "zhanaturmys",
        "Мұхамеджанов",
        "Бауыржан",
        "Әлібекұлы",
        ("Математика",),
        Position.TEACHER,
        Category.PEDAGOG,
        D(2025, 6, 6),
        D(2020, 9, 1),
        False,
    ),
    (
        "zhanaturmys",
        "Ким",
        "Виктория",
        "Сергеевна",
        ("Сауат ашу", "Математика"),
        Position.PRIMARY_TEACHER,
        Category.RESEARCHER,
        D(2023, 5, 26),
        D(2009, 9, 1),
        False,
    ),
)

# (kind, level, subject kk or None, members by surname, leader, secretary, leader basis)
ASSOCIATIONS = (
    (
        AssociationKind.PRIMARY,
        AssociationLevel.SCHOOL,
        None,
        ("Смағұлова", "Бекова", "Әбдірахманова"),
        "Смағұлова",
        "Бекова",
        "№ 1 хаттама",
    ),
    (
        AssociationKind.SUBJECT,
        AssociationLevel.SCHOOL,
        "Қазақ тілі",
        ("Нұрғалиева", "Төлеуова", "Ибраев", "Петренко"),
        "Нұрғалиева",
        "Ибраев",
        "№ 1 хаттама",
    ),
    (
        AssociationKind.SUBJECT,
        AssociationLevel.DISTRICT,
        "Математика",
        ("Жақсылықова", "Серікбаев", "Иванова", "Мұхамеджанов", "Ким", "Қасымов"),
        "Серікбаев",
        "Иванова",
        "Аудандық білім бөлімінің № 112 бұйрығы",
    ),
)


def has_data(session: Session) -> bool:
    return bool(session.scalar(select(func.count(Organisation.id))))


def fill_demo(session: Session, today: dt.date | None = None) -> str:
    """Fill an empty database with the demo school; returns a one-line summary.
    Refuses a database that already holds organisations, so real data is never mixed in."""
    if has_data(session):
        raise DomainError(_("The database already holds data; the demo school goes only into an empty one."))
    today = today or academic_year.today()
    seed_defaults(session, today)
    year = years.get_year(session, years.ensure_year(session, today))
    years.set_current(session, year.id)
    step = academic_year.start_year(today) - BASE_YEAR

    def moved(day: dt.date | None) -> dt.date | None:
        """A card's date moved to this year, never after ``today``."""
        return min(academic_year.shift_years(day, step), today) if day is not None else None
    org_ids: dict[str, int] = {}
    for key, kind, name_kk, name_ru, head, head_title, deputy in ORGANISATIONS:
        org_ids[key] = organisations.save_organisation(
            session,
            organisations.OrganisationInput(
                kind=kind.value,
                name_kk=name_kk,
                name_ru=name_ru,
                district="Қарасай ауданы",
                region="Алматы облысы",
                head_name=head,
                head_title=head_title,
                deputy_name=deputy,
            ),
        )
    organisations.make_ours(session, org_ids["aksu"])
    subject_ids = {s.name_kk: s.id for s in session.scalars(select(Subject))}
    teacher_ids: dict[str, int] = {}
    for org, surname, first, patronymic, subj, position, category, cat_date, since, young in TEACHERS:
        teacher_ids[surname] = teachers.save_teacher(
            session,
            teachers.TeacherInput(
                surname=surname,
                first_name=first,
                patronymic=patronymic,
                organisation_id=org_ids[org],
                subject_ids=[subject_ids[s] for s in subj],
                position=position.value,
                category=category.value,
                category_date=moved(cat_date),
                teaching_since=moved(since),
                young_specialist=young,
            ),
            today=today,
        )
    for assoc_kind, level, subject, members, leader, secretary, basis in ASSOCIATIONS:
        subject_id = subject_ids[subject] if subject else None
        subject_kk = subject or ""
        subject_ru = session.get_one(Subject, subject_id).name_ru if subject_id else ""
        name_kk, name_ru = associations.suggest_names(assoc_kind.value, level.value, subject_kk, subject_ru)
        assoc_id = associations.save_association(
            session,
            associations.AssociationInput(
                kind=assoc_kind.value,
                level=level.value,
                name_kk=name_kk,
                name_ru=name_ru,
                subject_id=subject_id,
                year_id=year.id,
                organisation_id=org_ids["aksu"],
            ),
        )
        for surname in members:
            membership_id = associations.add_member(session, assoc_id, teacher_ids[surname])
            if surname == leader:
                associations.set_role(
                    session,
                    membership_id,
                    MemberRole.LEADER.value,
                    LeaderChosen.ELECTED.value,
                    moved(D(2025, 8, 28)),
                    basis,
                )
            elif surname == secretary:
                associations.set_role(session, membership_id, MemberRole.SECRETARY.value)
    meetings = add_demo_meetings(session, today)
    add_demo_lessons(session, today)
    add_demo_mentoring(session, today)
    add_demo_attestation(session, today)
    add_demo_plans(session, today)
    add_demo_growth(session, today)
    add_demo_council(session, today)
    add_demo_school_plan(session, today)
    add_demo_analysis(session)
    return _("{orgs} organisations, {teachers} teachers, {assocs} associations, {meetings} meetings.").format(
        orgs=len(ORGANISATIONS), teachers=len(TEACHERS), assocs=len(ASSOCIATIONS), meetings=meetings
    )
