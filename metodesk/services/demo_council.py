"""The demo school's methodical council: its composition for the current year
(the deputy as chair, association leaders and experienced teachers, set by
the director's order), five meetings (August, November, January, March, May;
those whose day has come are held, with full protocols: the associations'
plans and programmes reviewed with the council's conclusion, decisions, the
review of earlier ones). Kazakh text: the school's working language."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from metodesk.domain.enums import MemberRole
from metodesk.services import agenda, associations, attendance, council, decisions, meetings, reviewed_documents, years
from metodesk.services.agenda import ItemInput, Speaker
from metodesk.services.attendance import AttendanceInput
from metodesk.services.decisions import DecisionInput
from metodesk.services.demo_meetings import _weekday
from metodesk.services.meetings import MeetingInput
from metodesk.storage.models import Association, Meeting, Teacher

CHAIR, SECRETARY = "Жақсылықова", "Нұрғалиева"
MEMBERS = ("Смағұлова", "Төлеуова")
PLACE = "Мектептің әдістемелік кабинеті"

# (month, day, agenda titles) of the year's five meetings
AGENDA = (
    (
        8,
        27,
        (
            "{y0} оқу жылындағы әдістемелік жұмыстың талдауы және мектептің {y1} оқу жылына арналған "
            "әдістемелік тақырыбы мен жұмыс жоспары туралы",
            "Әдістемелік бірлестіктердің жылдық жұмыс жоспарларын және таңдау курстарының "
            "бағдарламаларын қарау туралы",
        ),
    ),
    (
        11,
        6,
        (
            "Бірінші тоқсанның оқу-әдістемелік жұмысының қорытындысы туралы",
            "Жас мамандармен және тәлімгерлермен жұмыс туралы",
        ),
    ),
    (1, 15, ("Бірінші жарты жылдықтағы әдістемелік жұмыстың талдауы туралы", "Педагогтерді аттестаттаудың барысы туралы")),
    (3, 19, ("Педагогтердің іс-тәжірибесін жинақтау туралы", "Пән олимпиадаларының нәтижелері туралы")),
    (5, 21, ("{y1} оқу жылындағы әдістемелік жұмыстың қорытындысы және келесі оқу жылының міндеттері туралы",)),
)


def add_demo_council(session: Session, today: dt.date) -> int:
    """Fill the council of the current year; returns how many meetings it got."""
    year = years.current_year(session)
    if year is None:
        return 0
    council_id = council.ensure_council(session, year.id)
    if session.scalar(select(Meeting.id).where(Meeting.association_id == council_id)):
        return 0
    assoc = session.get_one(Association, council_id)
    by_surname = {
        t.surname: t.id
        for t in session.scalars(select(Teacher).where(Teacher.organisation_id == assoc.organisation_id))
    }
    if CHAIR not in by_surname:  # not the demo school
        return 0
    for surname in (CHAIR, SECRETARY, *MEMBERS):
        if surname in by_surname:
            associations.add_member(session, council_id, by_surname[surname])
    members = {m.teacher_id: m.membership_id for m in associations.get_detail(session, council_id).members}
    associations.set_role(session, members[by_surname[CHAIR]], MemberRole.LEADER.value)
    if SECRETARY in by_surname:
        associations.set_role(session, members[by_surname[SECRETARY]], MemberRole.SECRETARY.value)
    first = year.start_date.year
    council.set_basis(session, council_id, "45-н", _weekday(dt.date(first, 8, 25)))
    chair, secretary = by_surname[CHAIR], by_surname.get(SECRETARY)
    y0, y1 = f"{first - 1}-{first}", f"{first}-{first + 1}"
    open_decisions: list[int] = []
    for number, (month, day, titles) in enumerate(AGENDA, start=1):
        when = _weekday(dt.date(first if month >= 8 else first + 1, month, day))
        held = when <= today
        meeting_id = meetings.save_meeting(
            session,
            MeetingInput(council_id, number, when, PLACE, chair, secretary, "held" if held else "planned"),
            today=today,
        )
        if held:
            attendance.set_attendance(
                session,
                meeting_id,
                [AttendanceInput(a.teacher_id, "present", "") for a in attendance.attendance(session, meeting_id)],
            )
        if held and open_decisions:
            review = decisions.add_review_item(session, meeting_id)
            agenda.save_item(
                session,
                meeting_id,
                ItemInput("", Speaker(teacher_id=chair), "Алдыңғы отырыстың шешімдері орындалды.", "review"),
                review,
            )
            for decision_id in open_decisions:
                decisions.close_at_meeting(session, meeting_id, decision_id)
            open_decisions = []
        for index, title in enumerate(titles):
            speaker = chair if index == 0 else (secretary or chair)
            summary = (
                "Баяндамашы тақырып бойынша мәліметтер мен нәтижелерді ұсынды." if held else ""
            )
            item_id = agenda.save_item(
                session, meeting_id, ItemInput(title.format(y0=y0, y1=y1), Speaker(teacher_id=speaker), summary)
            )
            if not held:
                continue
            if number == 1 and index == 1:
                _review_documents(session, item_id, assoc.year_id, by_surname, when)
            open_decisions.append(
                decisions.save_decision(
                    session,
                    item_id,
                    DecisionInput(
                        "Ақпарат назарға алынсын, ұсыныстар әдістемелік бірлестіктердің жұмысында ескерілсін.",
                        responsible_teacher_id=speaker,
                        deadline=when + dt.timedelta(days=30),
                    ),
                )
            )
    return len(AGENDA)


def _review_documents(
    session: Session, item_id: int, year_id: int, by_surname: dict[str, int], day: dt.date
) -> None:
    """The August meeting reviews the associations' plans and two programmes."""
    approved = _weekday(day + dt.timedelta(days=3))
    for row in associations.list_associations(session, year_id):
        if row.level != "school":
            continue
        leader = associations.get_detail(session, row.id).leader
        reviewed_documents.review_at_item(
            session,
            item_id,
            reviewed_documents.DocumentInput(
                "annual_plan",
                f"{row.name_kk}: жылдық жұмыс жоспары",
                leader.teacher_id if leader else None,
                approved_on=approved,
                conclusion="positive",
            ),
        )
    reviewed_documents.review_at_item(
        session,
        item_id,
        reviewed_documents.DocumentInput(
            "elective_programme",
            "Функционалдық сауаттылық, 7-сынып",
            by_surname.get("Төлеуова"),
            approved_on=approved,
            conclusion="positive",
        ),
    )
    reviewed_documents.review_at_item(
        session,
        item_id,
        reviewed_documents.DocumentInput(
            "authored_programme",
            "Жергілікті өлкетану",
            by_surname.get("Смағұлова"),
            conclusion="revision",
            conclusion_reason="күтілетін нәтижелер мен бағалау критерийлері нақтыланбаған",
        ),
    )


THEME = (
    "Білім сапасын арттыру жағдайында педагогтердің кәсіби құзыреттілігін "
    "жаңартылған білім беру мазмұны арқылы дамыту"
)
GOAL = (
    "Педагогтердің әдістемелік шеберлігін арттыру, озық тәжірибені жинақтау және тарату арқылы "
    "оқушылардың функционалдық сауаттылығын дамыту."
)
TASKS = (
    "Әдістемелік бірлестіктердің жұмысын мектептің әдістемелік тақырыбына сәйкес ұйымдастыру.",
    "Педагогтерді аттестаттауға әдістемелік қолдау көрсету.",
    "Жас мамандарға тәлімгерлік көмекті жүйелі ұйымдастыру.",
    "Дарынды оқушылармен жұмысты күшейту, олимпиадаларға дайындау.",
)
HAND_ROWS = (
    ("experience", "«Бастауыш сынып апталығы»: ашық сабақтар, сыныптан тыс іс-шаралар", "Пән апталығы", "ақпан",
     "Смағұлова М.Е.", "Апталықтың есебі"),
    ("gifted", "Пән олимпиадасының мектепішілік кезеңін өткізу", "Олимпиада", "қазан", "ӘБ жетекшілері",
     "Хаттама, аудандық кезеңге қатысушылар тізімі"),
    ("monitoring", "БЖБ және ТЖБ нәтижелерінің талдауы", "Талдау", "әр тоқсан соңында",
     "Жақсылықова Г.С.", "Анықтама"),
    ("monitoring", "Оқу жоспарының және бағдарламалардың орындалуын бақылау", "Тексеру", "желтоқсан, мамыр",
     "Жақсылықова Г.С.", "Анықтама, директор жанындағы кеңес"),
)


def add_demo_school_plan(session: Session, today: dt.date) -> None:
    """The school's plan of methodical work for the current year: reviewed at the
    council's August meeting, considered at the pedagogical council, approved."""
    from metodesk.services import organisations, school_plan
    from metodesk.services.school_plan import RowInput

    year = years.current_year(session)
    if year is None:
        return
    plan_id = school_plan.ensure_school_plan(session, year.id)
    school_plan.save_header(session, plan_id, THEME, GOAL, "\n".join(TASKS))
    for section, content, form, dates, responsible, result in HAND_ROWS:
        school_plan.save_row(session, plan_id, RowInput(section, content, form, dates, responsible, result))
    meetings_here = school_plan.council_meetings_for_review(session, plan_id)
    if not meetings_here:
        return
    first = meetings_here[0]
    school_plan.review(session, plan_id, first.id)
    considered = _weekday(first.date + dt.timedelta(days=1))
    if considered > today:
        return
    school_plan.consider(session, plan_id, "1", considered)
    org = organisations.get_organisation(session, council.our_organisation(session))
    school_plan.approve(session, plan_id, org.head_name, org.head_title, considered)


def add_demo_analysis(session: Session) -> None:
    """The methodist's words in the analysis of the current year (its figures come from the records)."""
    from metodesk.services import year_analysis

    year = years.current_year(session)
    if year is None:
        return
    year_analysis.save_texts(
        session,
        year.id,
        "Әдістемелік бірлестіктер жоспарланған отырыстарды уақытында өткізді, шешімдердің көбі орындалды. "
        "Ашық сабақтар бақылау парақтарымен талданды.",
        "Кейбір шешімдердің мерзімі өтіп кетті; үш жылда курстан өтпеген педагогтер бар.",
        "Шешімдердің орындалуын әр отырыста бақылау.\nПедагогтердің курстық дайындығын жоспарлау.\n"
        "Жас мамандармен тәлімгерлік кездесулерді жүйелі өткізу.",
    )
