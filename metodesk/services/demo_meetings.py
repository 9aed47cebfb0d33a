"""Demo meetings: for each association of the current year that has members,
the August meeting and the one after the first quarter (held, with full
protocols: heard, spoke, decisions, some carried out, some open) and the
January meeting (planned). Kazakh text, or Russian for a Russian-language
association. Names come from the association's own members.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from metodesk.services import agenda, attendance, decisions, meetings, reviewed_documents, years
from metodesk.services.agenda import ItemInput, Speaker, SpeechInput
from metodesk.services.associations import AssociationDetail, get_detail, list_associations
from metodesk.services.attendance import AttendanceInput, GuestInput
from metodesk.services.decisions import DecisionInput
from metodesk.services.meetings import MeetingInput
from metodesk.services.organisations import get_organisation
from metodesk.storage.models import Meeting, Teacher

RUSSIAN_SUBJECTS = ("Русский язык", "Русская литература")

# One dictionary per language; {y1}/{y0} are the year's and the past year's names.
TEXT: dict[str, dict[str, str]] = {
    "kk": {
        "place": "Мектептің әдістемелік кабинеті",
        "deputy": "директордың оқу ісі жөніндегі орынбасары",
        "sick": "ауруына байланысты",
        "members": "ӘБ мүшелері",
        "always": "үнемі",
        "year_long": "оқу жылы бойы",
        "next_meeting": "келесі отырысқа дейін",
        "plan_title": "{y0} оқу жылындағы әдістемелік бірлестік жұмысының талдауы және "
        "{y1} оқу жылына арналған жұмыс жоспарын бекіту туралы",
        "plan_summary": "Өткен оқу жылында бірлестік жоспарланған бес отырыстың барлығын өткізді, "
        "мүшелері ашық сабақтар мен өзара сабаққа қатысуды жүйелі ұйымдастырды. Жыл қорытындысы "
        "бойынша білім сапасы 58,4 %, үлгерім 100 % болды.\nБаяндамашы {y1} оқу жылына арналған "
        "жұмыс жоспарының жобасымен таныстырды: әдістемелік тақырып, мақсат пен міндеттер, "
        "отырыстар, ашық сабақтар және аттестаттау кестелері.",
        "plan_speech": "Жоспардың жобасын қолдады, оған жас мамандармен жұмыс пен тәлімгерлік "
        "бойынша іс-шараларды қосуды ұсынды.",
        "plan_doc": "Әдістемелік бірлестіктің {y1} оқу жылына арналған жұмыс жоспары",
        "plan_d1": "{y1} оқу жылына арналған жұмыс жоспары қабылдансын және мектеп директорына "
        "бекітуге ұсынылсын.",
        "plan_d2": "Ашық сабақтар мен өзара сабаққа қатысу кестесі бірлестік мүшелеріне таныстырылсын.",
        "plan_d3": "Әр мүше кесте бойынша кемінде бір ашық сабақ өткізсін.",
        "ktp_title": "Пәндер бойынша күнтізбелік-тақырыптық жоспарларды (КТЖ) қарау туралы",
        "ktp_summary": "Бірлестік мүшелерінің {y1} оқу жылына арналған күнтізбелік-тақырыптық "
        "жоспарлары үлгілік оқу бағдарламаларына, оқу жүктемесіне және сағат санына сәйкестігі "
        "тұрғысынан қаралды. Жоспарларда бөлім бойынша (БЖБ) және тоқсан бойынша (ТЖБ) жиынтық "
        "бағалаудың мерзімдері көрсетілген.",
        "ktp_speech": "Жоспарлардағы сағат саны оқу жоспарына сәйкес екенін атап өтіп, оларды "
        "бекітуге ұсынды.",
        "ktp_doc": "{subject}, {grades}, {y1} оқу жылы",
        "ktp_d1": "Күнтізбелік-тақырыптық жоспарлар үлгілік оқу бағдарламаларына сәйкес деп танылсын "
        "және директорға бекітуге ұсынылсын.",
        "self_title": "Педагогтердің өздігінен білім алу тақырыптарын бекіту туралы",
        "self_summary": "Бірлестік мүшелері өздігінен білім алу тақырыптарын ұсынды: «Оқушылардың "
        "функционалдық сауаттылығын дамыту», «Сабақта қалыптастырушы бағалауды қолдану», «Цифрлық "
        "білім беру ресурстарын пайдалану».",
        "self_d1": "Әр педагог өздігінен білім алу жоспарын құрып, ӘБ жетекшісіне тапсырсын.",
        "self_d2": "Пән бойынша мектепішілік олимпиаданың тапсырмалары дайындалсын.",
        "review_summary": "Алдыңғы отырыста қабылданған шешімдердің орындалуы туралы ақпарат берді. "
        "Жылдық жұмыс жоспары мен күнтізбелік-тақырыптық жоспарлар мектеп директорымен бекітілді, "
        "өздігінен білім алу жоспарлары тапсырылды. Олимпиада тапсырмаларын дайындау кешіктірілді.",
        "review_d1": "Орындалған шешімдер бақылаудан алынсын, орындалмағандары бақылауда қалдырылсын.",
        "sum_title": "І тоқсандағы бөлім бойынша (БЖБ) және тоқсан бойынша (ТЖБ) жиынтық бағалау "
        "нәтижелерін талдау туралы",
        "sum_summary": "І тоқсан қорытындысы бойынша білім сапасы 61,5 %, үлгерім 100 % болды. ТЖБ "
        "нәтижесінде оқушылар мәтінмен жұмыс және дәлелді жауап беру тапсырмаларында қиналды. Төмен "
        "нәтиже көрсеткен оқушылармен қосымша жұмыс қажет.",
        "sum_speech": "Қиындық тудырған тапсырмалар бойынша қайталау сабақтарын өткізуді және "
        "дескрипторларды оқушыларға алдын ала түсіндіруді ұсынды.",
        "sum_d1": "Жиынтық бағалау нәтижелері төмен оқушылармен жеке жұмыс жоспары құрылсын.",
        "sum_d2": "Бағалау критерийлері мен дескрипторларды құрастыруға ерекше назар аударылсын.",
        "lesson_title": "{teacher} {grade}-сыныпта өткізген «{topic}» тақырыбындағы ашық сабақты "
        "талқылау туралы",
        "lesson_summary": "Сабақтың мақсаты мен құрылымына өзіндік талдау жасады: оқу мақсаттарына "
        "сай тапсырмалар іріктелгенін, топтық жұмыс пен жұптық жұмыс қолданылғанын айтты.",
        "lesson_speech1": "Сабақта оқу мақсаттары нақты қойылғанын, қалыптастырушы бағалау мен кері "
        "байланыс тиімді қолданылғанын атап өтті.",
        "lesson_speech2": "Уақытты тиімді бөлуге және саралап оқытуға көбірек көңіл бөлуге кеңес берді.",
        "lesson_d1": "Ашық сабақ жоғары әдістемелік деңгейде өтті деп бағалансын, тәжірибесі мектеп "
        "педагогтеріне таратуға ұсынылсын.",
        "next_sum_title": "ІІ тоқсандағы жиынтық бағалау (БЖБ, ТЖБ) нәтижелерін талдау туралы",
        "next_att_title": "Аттестаттаудан өтетін педагогтердің іс-тәжірибесін жинақтау туралы",
        "grades": "5–6-сыныптар|7–8-сыныптар|9–11-сыныптар|5–11-сыныптар",
        "primary_grades": "1-сынып|2-сынып|3-сынып|4-сынып",
        "topic": "Функционалдық сауаттылыққа арналған тапсырмалар",
    },
    "ru": {
        "place": "Методический кабинет школы",
        "deputy": "заместитель директора по учебной работе",
        "sick": "по болезни",
        "members": "члены МО",
        "always": "постоянно",
        "year_long": "в течение года",
        "next_meeting": "до следующего заседания",
        "plan_title": "Об анализе работы методического объединения за {y0} учебный год "
        "и утверждении плана работы на {y1} учебный год",
        "plan_summary": "В прошедшем учебном году объединение провело все пять запланированных "
        "заседаний, члены МО систематически проводили открытые уроки и взаимопосещения. "
        "По итогам года качество знаний составило 58,4 %, успеваемость 100 %.\nДокладчик "
        "ознакомил с проектом плана работы на {y1} учебный год: методическая тема, цель и "
        "задачи, графики заседаний, открытых уроков и аттестации.",
        "plan_speech": "Поддержал{a} проект плана, предложил{a} дополнить его мероприятиями по работе "
        "с молодыми специалистами и наставничеству.",
        "plan_doc": "План работы методического объединения на {y1} учебный год",
        "plan_d1": "План работы на {y1} учебный год принять и представить на утверждение директору школы.",
        "plan_d2": "Ознакомить членов МО с графиком открытых уроков и взаимопосещений.",
        "plan_d3": "Каждому члену МО провести не менее одного открытого урока по графику.",
        "ktp_title": "О рассмотрении календарно-тематических планов (КТП) по предметам",
        "ktp_summary": "Календарно-тематические планы членов МО на {y1} учебный год рассмотрены "
        "на соответствие типовым учебным программам, учебной нагрузке и количеству часов. "
        "В планах указаны сроки суммативного оценивания за раздел (СОр) и за четверть (СОч).",
        "ktp_speech": "Отметил{a}, что количество часов в планах соответствует учебному плану, "
        "и рекомендовал{a} их к утверждению.",
        "ktp_doc": "{subject}, {grades}, {y1} учебный год",
        "ktp_d1": "Календарно-тематические планы признать соответствующими типовым учебным "
        "программам и рекомендовать к утверждению директором.",
        "self_title": "Об утверждении тем самообразования педагогов",
        "self_summary": "Члены МО предложили темы самообразования: «Развитие функциональной "
        "грамотности учащихся», «Формативное оценивание на уроке», «Использование цифровых "
        "образовательных ресурсов».",
        "self_d1": "Каждому педагогу составить план самообразования и сдать руководителю МО.",
        "self_d2": "Подготовить задания школьного этапа предметной олимпиады.",
        "review_summary": "Проинформировал{a} о выполнении решений предыдущего заседания. План "
        "работы и календарно-тематические планы утверждены директором, планы самообразования "
        "сданы. Подготовка заданий олимпиады задержана.",
        "review_d1": "Выполненные решения снять с контроля, невыполненные оставить на контроле.",
        "sum_title": "Об анализе результатов суммативного оценивания за раздел (СОр) и за "
        "четверть (СОч) в I четверти",
        "sum_summary": "По итогам I четверти качество знаний составило 61,5 %, успеваемость 100 %. "
        "По результатам СОч учащиеся затруднялись в заданиях на работу с текстом и развёрнутый "
        "ответ. С учащимися, показавшими низкие результаты, нужна дополнительная работа.",
        "sum_speech": "Предложил{a} провести уроки повторения по трудным заданиям и заранее "
        "разъяснять учащимся дескрипторы.",
        "sum_d1": "Составить план индивидуальной работы с учащимися, показавшими низкие результаты.",
        "sum_d2": "Обратить особое внимание на составление критериев оценивания и дескрипторов.",
        "lesson_title": "Обсуждение открытого урока по теме «{topic}» в {grade} классе (учитель {teacher})",
        "lesson_summary": "Провел{a} самоанализ урока: задания подобраны в соответствии с целями "
        "обучения, использованы групповая и парная работа.",
        "lesson_speech1": "Отметил{a}, что цели урока поставлены чётко, формативное оценивание и "
        "обратная связь использованы эффективно.",
        "lesson_speech2": "Посоветовал{a} рациональнее распределять время и больше внимания уделять "
        "дифференциации.",
        "lesson_d1": "Открытый урок считать проведённым на высоком методическом уровне, опыт "
        "рекомендовать к распространению среди педагогов школы.",
        "next_sum_title": "Об анализе результатов суммативного оценивания (СОр, СОч) за II четверть",
        "next_att_title": "Об обобщении опыта педагогов, проходящих аттестацию",
        "grades": "5–6 классы|7–8 классы|9–11 классы|5–11 классы",
        "primary_grades": "1 класс|2 класс|3 класс|4 класс",
        "topic": "Задания на функциональную грамотность",
    },
}

# Open-lesson topics by subject (Kazakh name): (grade, topic kk, topic ru).
LESSON_TOPICS = {
    "Қазақ тілі": (6, "Зат есімнің септелуі", "Склонение имён существительных"),
    "Математика": (6, "Бөлшектерді қосу және азайту", "Сложение и вычитание дробей"),
    "Орыс тілі": (7, "Причастный оборот", "Причастный оборот"),
}
PRIMARY_TOPIC = (2, "Дыбыс пен әріп", "Звуки и буквы")


def protocol_language(detail: AssociationDetail) -> str:
    """Russian for a Russian-language association (one name for both languages,
    or Russian language or literature as its subject); Kazakh otherwise."""
    row = detail.row
    if row.name_kk == row.name_ru or row.subject_ru in RUSSIAN_SUBJECTS:
        return "ru"
    return "kk"


def _feminine(full_name: str) -> bool:
    """A guess from the patronymic or surname, for Russian past-tense verbs."""
    words = full_name.casefold().split()
    return any(w.endswith(("вна", "чна", "қызы", "кызы")) for w in words[1:]) or (
        bool(words) and words[0].endswith(("ова", "ева", "ина", "ая"))
    )


def _weekday(day: dt.date) -> dt.date:
    """The day itself, or the Friday before when it falls on a weekend."""
    return day - dt.timedelta(days=max(day.weekday() - 4, 0))


def add_demo_meetings(session: Session, today: dt.date) -> int:
    """Add three meetings to every association of the current year that has
    members and no meetings yet; returns how many meetings were added."""
    year = years.current_year(session)
    if year is None:
        return 0
    added = 0
    for row in list_associations(session, year.id):
        if not row.member_count or session.scalar(select(Meeting.id).where(Meeting.association_id == row.id)):
            continue
        _Demo(session, get_detail(session, row.id), year.start_date.year, today).run()
        added += 3
    return added


class _Demo:
    def __init__(self, session: Session, detail: AssociationDetail, first_year: int, today: dt.date) -> None:
        self.s, self.detail, self.today = session, detail, today
        self.lang = protocol_language(detail)
        self.t = TEXT[self.lang]
        self.y0, self.y1 = f"{first_year - 1}-{first_year}", f"{first_year}-{first_year + 1}"
        self.dates = (
            _weekday(dt.date(first_year, 8, 28)),
            _weekday(dt.date(first_year, 11, 5)),
            _weekday(dt.date(first_year + 1, 1, 14)),
        )
        members = list(detail.members)
        leader = detail.leader or members[0]
        secretary = detail.secretary or next((m for m in members if m is not leader), None)
        others = [m for m in members if m not in (leader, secretary)] or [leader]
        # Someone who neither reports nor speaks may miss the second meeting.
        self.absent = others[1].teacher_id if len(others) >= 3 else None
        self.leader, self.secretary = leader.teacher_id, secretary.teacher_id if secretary else None
        self.second, self.third = others[0].teacher_id, others[-1].teacher_id
        self.names = {m.teacher_id: m.short_name for m in members}
        self.feminine = {m.teacher_id: _feminine(m.full_name) for m in members}

    def text(self, key: str, who: int | None = None, **values: str) -> str:
        """A demo sentence; Russian verbs agree with the speaker ``who``."""
        ending = "а" if who is None or self.feminine.get(who, who != -1) else ""
        return self.t[key].format(y0=self.y0, y1=self.y1, a=ending, **values)

    def meeting(self, number: int, when: dt.date, held: bool) -> int:
        data = MeetingInput(
            association_id=self.detail.row.id,
            number=number,
            date=when,
            place=self.t["place"],
            chair_id=self.leader,
            secretary_id=self.secretary,
            status="held" if held and when <= self.today else "planned",
        )
        meeting_id = meetings.save_meeting(self.s, data, today=self.today)
        self.guest = None
        org = get_organisation(self.s, self.detail.row.organisation_id)
        member_names = {m.full_name for m in self.detail.members}
        self.guest_feminine = _feminine(org.deputy_name)
        if org.deputy_name and org.deputy_name not in member_names:
            self.guest = attendance.save_guest(
                self.s, meeting_id, GuestInput(org.deputy_name, self.t["deputy"])
            )
        if data.status == "held":
            absent = self.absent if number == 2 else None
            attendance.set_attendance(
                self.s,
                meeting_id,
                [
                    AttendanceInput(
                        a.teacher_id, "absent" if a.teacher_id == absent else "present", self.t["sick"]
                    )
                    for a in attendance.attendance(self.s, meeting_id)
                ],
            )
        return meeting_id

    def item(self, meeting_id: int, title: str, speaker: int | None, summary: str = "") -> int:
        return agenda.save_item(self.s, meeting_id, ItemInput(title, Speaker(teacher_id=speaker), summary))

    def decide(
        self, item_id: int, key: str, responsible: int | None, deadline: dt.date | None = None, **kw: Any
    ) -> int:
        text = self.text(key)
        return decisions.save_decision(
            self.s,
            item_id,
            DecisionInput(text, responsible_teacher_id=responsible, deadline=deadline, **kw),
        )

    def speak(self, item_id: int, key: str, teacher: int | None = None, guest: int | None = None) -> None:
        if guest:
            said = self.text(key, None if self.guest_feminine else -1)
            agenda.save_speech(self.s, item_id, SpeechInput(Speaker(guest_id=guest), said))
        else:
            agenda.save_speech(
                self.s, item_id, SpeechInput(Speaker(teacher_id=teacher), self.text(key, teacher))
            )

    def august(self) -> list[int]:
        t, day = self.t, self.dates[0]
        m = self.meeting(1, day, held=True)
        plan = self.item(m, self.text("plan_title"), self.leader, self.text("plan_summary"))
        self.speak(plan, "plan_speech", self.second)
        approved = _weekday(day + dt.timedelta(days=2))
        reviewed_documents.review_at_item(
            self.s,
            plan,
            reviewed_documents.DocumentInput(
                "annual_plan", self.text("plan_doc"), self.leader, approved_on=approved
            ),
        )
        d_plan = self.decide(plan, "plan_d1", self.leader, day + dt.timedelta(days=4))
        d_sched = self.decide(plan, "plan_d2", self.secretary, day + dt.timedelta(days=8))
        self.decide(plan, "plan_d3", None, responsible_text=t["members"], deadline_text=t["year_long"])
        ktp = self.item(m, self.text("ktp_title"), self.second, self.text("ktp_summary"))
        self.speak(ktp, "ktp_speech", self.leader, guest=self.guest)
        for index, member in enumerate(self.detail.members):
            teacher = self.s.get(Teacher, member.teacher_id)
            primary = self.detail.row.kind == "primary" or (
                teacher is not None and teacher.position == "primary_teacher"
            )
            grades = t["primary_grades" if primary else "grades"].split("|")
            subjects = sorted(teacher.subjects, key=lambda x: x.id) if teacher else []
            subject = (subjects[0].name_ru if self.lang == "ru" else subjects[0].name_kk) if subjects else ""
            subject = subject or self.detail.row.subject(self.lang) or self.detail.row.name(self.lang)
            title = self.text("ktp_doc", subject=subject, grades=grades[index % 4])
            reviewed_documents.review_at_item(
                self.s,
                ktp,
                reviewed_documents.DocumentInput(
                    "calendar_plan", title, member.teacher_id, approved_on=approved
                ),
            )
        d_ktp = self.decide(ktp, "ktp_d1", self.leader, day + dt.timedelta(days=3))
        own = self.item(m, self.text("self_title"), self.secretary, self.text("self_summary"))
        d_self = self.decide(own, "self_d1", None, dt.date(day.year, 9, 20), responsible_text=t["members"])
        self.decide(own, "self_d2", self.second, dt.date(day.year, 10, 20))
        return [d_plan, d_sched, d_ktp, d_self]

    def november(self, done: list[int]) -> None:
        t, day = self.t, self.dates[1]
        m = self.meeting(2, day, held=True)
        held = self.s.get_one(Meeting, m).status == "held"
        review = decisions.add_review_item(self.s, m)
        agenda.save_item(
            self.s,
            m,
            ItemInput(
                "", Speaker(teacher_id=self.leader), self.text("review_summary", self.leader), "review"
            ),
            review,
        )
        if held:
            for decision_id in done:
                decisions.close_at_meeting(self.s, m, decision_id)
        self.decide(review, "review_d1", self.leader, deadline_text=t["next_meeting"])
        summ = self.item(m, self.text("sum_title"), self.second, self.text("sum_summary"))
        self.speak(summ, "sum_speech", self.third)
        finished = day + dt.timedelta(days=13)
        status = {"status": "done", "done_date": finished} if finished <= self.today else {}
        self.decide(
            summ, "sum_d1", None, day + dt.timedelta(days=15), responsible_text=t["members"], **status
        )
        self.decide(summ, "sum_d2", None, responsible_text=t["members"], deadline_text=t["always"])
        grade, topic_kk, topic_ru = (
            PRIMARY_TOPIC
            if self.detail.row.kind == "primary"
            else LESSON_TOPICS.get(self.detail.row.subject_kk, (7, t["topic"], t["topic"]))
        )
        topic = topic_ru if self.lang == "ru" else topic_kk
        lesson = self.item(
            m,
            self.text("lesson_title", teacher=self.names[self.third], grade=str(grade), topic=topic),
            self.third,
            self.text("lesson_summary", self.third),
        )
        self.speak(lesson, "lesson_speech1", self.leader)
        if self.guest:
            self.speak(lesson, "lesson_speech2", guest=self.guest)
        else:
            self.speak(lesson, "lesson_speech2", self.second)
        self.decide(lesson, "lesson_d1", self.leader, dt.date(day.year, 12, 15))

    def january(self) -> None:
        m = self.meeting(3, self.dates[2], held=False)
        self.item(m, self.text("next_sum_title"), self.second)
        self.item(m, self.text("next_att_title"), self.leader)

    def run(self) -> None:
        self.november(self.august())
        self.january()
