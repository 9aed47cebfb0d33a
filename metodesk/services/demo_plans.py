"""Demo plans: every school-level association of the current year gets its
2025-2026 plan (20 activities) reviewed at its August meeting, agreed with the
deputy and approved by the head; the district association gets a draft.
Activities of the meetings are tied to the demo meetings (done once held);
others before ``today`` are marked done, one moved. Kazakh text, or Russian for
a Russian-language association (as the demo meetings choose).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from metodesk.domain.enums import AssociationLevel
from metodesk.domain.plan_forms import ACADEMIC_MONTHS, month_span
from metodesk.services import plan_activities, plan_workflow, plans, years
from metodesk.services.associations import AssociationDetail, get_detail, list_associations
from metodesk.services.demo_meetings import _weekday, protocol_language
from metodesk.services.organisations import get_organisation
from metodesk.services.plan_activities import ActivityInput
from metodesk.services.plans import SectionsInput
from metodesk.storage.models import Meeting, Plan

WHO = "metodesk demo"

# Per language: texts, and the tuple of tasks.
SECTIONS: dict[str, dict[str, Any]] = {
    "kk": {
        "analysis": "{y0} оқу жылында бірлестік «Функционалдық сауаттылықты дамыту арқылы білім сапасын "
        "арттыру» тақырыбымен жұмыс істеді. Жоспарланған бес отырыстың барлығы өткізілді, әр мүше кемінде "
        "бір ашық сабақ берді, сабаққа өзара қатысу жүйелі ұйымдастырылды.\nЖыл қорытындысы бойынша білім "
        "сапасы 58,4 %, үлгерім 100 % болды. Аудандық олимпиадада бірлестік мүшелерінің оқушылары екі "
        "жүлделі орын алды. Жас маманмен жұмыс пен жиынтық бағалау нәтижелерін талдауды күшейту қажет.",
        "theme": "Оқушылардың функционалдық сауаттылығын дамыту арқылы білім сапасын арттыру",
        "goal": "Педагогтердің кәсіби шеберлігін жетілдіріп, оқытудың тиімді әдістерін енгізу арқылы "
        "оқушылардың білім сапасын арттыру.",
        "tasks": (
            "Үлгілік оқу бағдарламалары мен нормативтік құжаттардың талаптарын меңгеру.",
            "Қалыптастырушы және жиынтық бағалау нәтижелерін жүйелі талдап, олқылықтарды жою.",
            "Ашық сабақтар мен сабаққа өзара қатысу арқылы озық тәжірибені тарату.",
            "Жас маманға әдістемелік қолдау көрсету.",
            "Дарынды оқушылармен жұмысты жүйелеу, олимпиадаларға дайындау.",
        ),
    },
    "ru": {
        "analysis": "В {y0} учебном году объединение работало над темой «Повышение качества знаний через "
        "развитие функциональной грамотности». Проведены все пять запланированных заседаний, каждый член "
        "МО дал не менее одного открытого урока, взаимопосещение уроков велось систематически.\nПо итогам "
        "года качество знаний составило 58,4 %, успеваемость 100 %. На районной олимпиаде ученики членов "
        "МО заняли два призовых места. Нужно усилить работу с молодым специалистом и анализ результатов "
        "суммативного оценивания.",
        "theme": "Повышение качества знаний через развитие функциональной грамотности учащихся",
        "goal": "Повышение качества знаний учащихся через совершенствование профессионального мастерства "
        "педагогов и внедрение эффективных методов обучения.",
        "tasks": (
            "Освоить требования типовых учебных программ и нормативных документов.",
            "Систематически анализировать результаты формативного и суммативного оценивания.",
            "Распространять передовой опыт через открытые уроки и взаимопосещение.",
            "Оказывать методическую поддержку молодому специалисту.",
            "Систематизировать работу с одарёнными учащимися, готовить их к олимпиадам.",
        ),
    },
}

# (form, direction, when: meeting number / (date) / months, who, content kk, content ru,
#  expected kk, expected ru). Own forms are given as "=text kk|text ru".
ACTIVITIES: tuple[tuple[Any, ...], ...] = (
    (
        "association_meeting",
        "normative",
        1,
        "leader",
        "ӘБ № 1 отырысы: {y0} оқу жылындағы жұмысты талдау, {y1} оқу жылына арналған жұмыс жоспарын қарау",
        "Заседание МО № 1: анализ работы за {y0} учебный год, рассмотрение плана работы на {y1} учебный год",
        "Жұмыс жоспары қаралып, бекітуге ұсынылды",
        "План работы рассмотрен и представлен к утверждению",
    ),
    (
        "instructive_meeting",
        "normative",
        (8, 9),
        "leader",
        "Нормативтік құжаттармен танысу: МЖМБС, үлгілік оқу бағдарламалары, әдістемелік нұсқау хат",
        "Изучение нормативных документов: ГОСО, типовые учебные программы, инструктивно-методическое письмо",
        "Педагогтер құжаттардың талаптарын біледі",
        "Педагоги знают требования документов",
    ),
    (
        "association_meeting",
        "materials",
        1,
        "second",
        "Күнтізбелік-тақырыптық жоспарларды үлгілік оқу бағдарламаларына сәйкестігіне қарау",
        "Рассмотрение календарно-тематических планов на соответствие типовым учебным программам",
        "КТЖ бекітуге ұсынылды",
        "КТП рекомендованы к утверждению",
    ),
    (
        "association_meeting",
        "theory",
        1,  # the third item of the August meeting's agenda
        "members",
        "Педагогтердің өздігінен білім алу тақырыптары мен жоспарларын бекіту",
        "Утверждение тем и планов самообразования педагогов",
        "Өздігінен білім алу жоспарлары құрылды",
        "Составлены планы самообразования",
    ),
    (
        "=Пән олимпиадасы|Предметная олимпиада",
        "olympiads",
        (10,),
        "second",
        "Мектепішілік пән олимпиадасын өткізу",
        "Проведение школьного этапа предметной олимпиады",
        "Аудандық кезеңге қатысушылар анықталды",
        "Определены участники районного этапа",
    ),
    (
        "=Тәлімгерлік|Наставничество",
        "forms_methods",
        (9, 10, 11, 12, 1, 2, 3, 4, 5),
        "leader",
        "Жас маманға әдістемелік көмек: сабақтарына қатысу, сабақ жоспарын құруға кеңес беру",
        "Методическая помощь молодому специалисту: посещение уроков, консультации по планированию",
        "Жас маман сабақты өз бетінше жоспарлайды",
        "Молодой специалист самостоятельно планирует уроки",
    ),
    (
        "association_meeting",
        "quality",
        2,
        "second",
        "ӘБ № 2 отырысы: І тоқсандағы БЖБ және ТЖБ нәтижелерін талдау",
        "Заседание МО № 2: анализ результатов СОр и СОч за I четверть",
        "Төмен нәтижелі оқушылармен жұмыс жоспары құрылды",
        "Составлен план работы с отстающими учащимися",
    ),
    (
        "open_lesson",
        "best_practice",
        (11,),
        "third",
        "Функционалдық сауаттылыққа бағытталған ашық сабақ өткізу және талқылау",
        "Открытый урок по развитию функциональной грамотности и его обсуждение",
        "Тәжірибе мектеп педагогтеріне таратылды",
        "Опыт распространён среди педагогов школы",
    ),
    (
        "seminar",
        "theory",
        (12,),
        "leader",
        "«Сабақта қалыптастырушы бағалауды қолдану» семинары",
        "Семинар «Формативное оценивание на уроке»",
        "Педагогтер кері байланыс әдістерін қолданады",
        "Педагоги применяют приёмы обратной связи",
    ),
    (
        "association_meeting",
        "attestation",
        3,
        "leader",
        "ӘБ № 3 отырысы: ІІ тоқсан нәтижелері, аттестаттаудан өтетін педагогтердің тәжірибесін жинақтау",
        "Заседание МО № 3: итоги II четверти, обобщение опыта педагогов, проходящих аттестацию",
        "Аттестаттау материалдары дайындалды",
        "Подготовлены материалы к аттестации",
    ),
    (
        "consilium",
        "attestation",
        (1, 2),
        "leader",
        "Аттестаттаудан өтетін педагогтердің портфолиосын алдын ала сараптау",
        "Предварительная экспертиза портфолио педагогов, проходящих аттестацию",
        "Портфолио талапқа сай толықтырылды",
        "Портфолио доработаны по требованиям",
    ),
    (
        "=Пән апталығы|Предметная неделя",
        "forms_methods",
        (2,),
        "members",
        "Пән апталығын өткізу: сайыстар, викториналар, сыныптан тыс іс-шаралар",
        "Проведение предметной недели: конкурсы, викторины, внеклассные мероприятия",
        "Оқушылардың пәнге қызығушылығы артты",
        "Повышен интерес учащихся к предмету",
    ),
    (
        "master_class",
        "best_practice",
        (3,),
        "second",
        "Шеберлік сынып: «Дескрипторлар мен бағалау критерийлерін құрастыру»",
        "Мастер-класс «Составление дескрипторов и критериев оценивания»",
        "Бағалау критерийлері бірізді құрастырылады",
        "Критерии оценивания составляются единообразно",
    ),
    (
        "mutual_visit",
        "best_practice",
        (10, 11, 12, 1, 2, 3, 4),
        "members",
        "Сабаққа өзара қатысу кестесі бойынша сабақтарға қатысу және талдау",
        "Взаимопосещение уроков по графику и их анализ",
        "Бақылау парақтары толтырылды, кеңестер берілді",
        "Заполнены листы наблюдения, даны рекомендации",
    ),
    (
        "conference",
        "best_practice",
        (3,),
        "third",
        "Аудандық педагогикалық конференцияда іс-тәжірибе бөлісу",
        "Выступление с опытом работы на районной педагогической конференции",
        "Баяндама жасалды, тәжірибе жинаққа енді",
        "Сделан доклад, опыт включён в сборник",
    ),
    (
        "methodical_landing",
        "best_practice",
        (4,),
        "leader",
        "Әдістемелік десант: көрші шағын жинақты мектептерге тәжірибе бөлісу",
        "Методический десант: обмен опытом с соседними малокомплектными школами",
        "Көрші мектептердің педагогтеріне әдістемелік көмек көрсетілді",
        "Оказана методическая помощь педагогам соседних школ",
    ),
    (
        "association_meeting",
        "quality",
        ((4, 3),),  # a day of the year's spring (month, day)
        "second",
        "ӘБ № 4 отырысы: ІІІ тоқсан нәтижелері, қорытынды аттестаттауға дайындық",
        "Заседание МО № 4: итоги III четверти, подготовка к итоговой аттестации",
        "Дайындық жоспары құрылды",
        "Составлен план подготовки",
    ),
    (
        "creative_lab",
        "materials",
        (4, 5),
        "members",
        "Функционалдық сауаттылыққа арналған тапсырмалар жинағын әзірлеу",
        "Разработка сборника заданий на функциональную грамотность",
        "Жинақ әдістемелік кеңеске ұсынылды",
        "Сборник представлен методическому совету",
    ),
    (
        "case",
        "quality",
        (12, 5),
        "leader",
        "Оқушылардың пән бойынша жетістіктерінің мониторингі",
        "Мониторинг учебных достижений учащихся по предмету",
        "Мониторинг нәтижелері талданды",
        "Результаты мониторинга проанализированы",
    ),
    (
        "association_meeting",
        "quality",
        ((5, 29),),
        "leader",
        "ӘБ № 5 отырысы: жылдық жұмысты қорытындылау, келесі жылдың жоспарына ұсыныстар",
        "Заседание МО № 5: итоги работы за год, предложения в план на следующий год",
        "Жылдық есеп дайындалды",
        "Подготовлен годовой отчёт",
    ),
)
DISTRICT_ACTIVITIES = (0, 1, 4, 6, 9, 12, 15, 19)  # the draft's rows, from the list above
MOVED = 8  # the seminar: moved to February
WORDS = {
    "kk": {"members": "ӘБ мүшелері", "moved": "ақпанға ауыстырылды"},
    "ru": {"members": "члены МО", "moved": "перенесено на февраль"},
}


def add_demo_plans(session: Session, today: dt.date) -> int:
    """Add a plan to every association of the current year that has members and
    no plan yet; returns how many plans were added."""
    year = years.current_year(session)
    if year is None:
        return 0
    added = 0
    for row in list_associations(session, year.id):
        if not row.member_count or session.scalar(select(Plan.id).where(Plan.association_id == row.id)):
            continue
        detail = get_detail(session, row.id)
        school = row.level == AssociationLevel.SCHOOL.value
        _DemoPlan(session, detail, year.start_date.year, today).run(approve=school)
        added += 1
    return added


class _DemoPlan:
    def __init__(self, session: Session, detail: AssociationDetail, first_year: int, today: dt.date) -> None:
        self.s, self.detail, self.today = session, detail, today
        self.lang = protocol_language(detail)
        self.y0, self.y1 = f"{first_year - 1}-{first_year}", f"{first_year}-{first_year + 1}"
        members = list(detail.members)
        leader = detail.leader or members[0]
        others = [m for m in members if m is not leader and m is not detail.secretary] or [leader]
        self.people = {
            "leader": [leader.teacher_id],
            "second": [others[0].teacher_id],
            "third": [others[-1].teacher_id],
        }
        self.meetings = {
            m.number: m
            for m in session.scalars(select(Meeting).where(Meeting.association_id == detail.row.id))
        }

    def activity(self, index: int, spec: tuple[Any, ...]) -> ActivityInput:
        form, direction, when, who, content_kk, content_ru, expected_kk, expected_ru = spec
        ru = self.lang == "ru"
        data = ActivityInput(
            content=(content_ru if ru else content_kk).format(y0=self.y0, y1=self.y1),
            expected=expected_ru if ru else expected_kk,
            direction=direction,
        )
        if form.startswith("="):
            data.form_text = form[1:].split("|")[1 if ru else 0]
        else:
            data.form = form
        if who == "members":
            data.responsible_text = WORDS[self.lang]["members"]
        else:
            data.responsible_ids = list(self.people[who])
        if isinstance(when, int):  # the demo meeting with this number
            meeting = self.meetings.get(when)
            if meeting is not None:
                data.start_date, data.meeting_id = meeting.date, meeting.id
            else:
                data.months = ((8, 11, 1)[when - 1],)
        elif isinstance(when[0], tuple):  # (month, day) in the second half of the year
            data.start_date = dt.date(int(self.y1[:4]) + 1, *when[0])
        else:
            data.months = tuple(when)
        return data

    def run(self, approve: bool) -> None:
        plan_id = plans.create_plan(self.s, self.detail.row.id, WHO)
        words = SECTIONS[self.lang]
        plans.save_sections(
            self.s,
            plan_id,
            SectionsInput(
                analysis=words["analysis"].format(y0=self.y0),
                theme=words["theme"],
                goal=words["goal"],
                tasks=list(words["tasks"]),
            ),
        )
        chosen = range(len(ACTIVITIES)) if approve else DISTRICT_ACTIVITIES
        for index in chosen:
            data = self.activity(index, ACTIVITIES[index])
            activity_id = plan_activities.save_activity(self.s, plan_id, data)
            if approve and data.meeting_id is None:
                self.mark(activity_id, index, data)
        first = self.meetings.get(1)
        if not approve or first is None or first.status != "held":
            return  # the district plan stays a draft; so does one without its August meeting
        plan_workflow.review(self.s, plan_id, first.id, WHO)
        org = get_organisation(self.s, self.detail.row.organisation_id)
        # The day the demo meetings' register says the head approved the plan.
        approved = max(_weekday(first.date + dt.timedelta(days=2)), first.date)
        if org.deputy_name and approved <= self.today:
            plan_workflow.agree(self.s, plan_id, org.deputy_name, approved, who=WHO, today=self.today)
        if org.head_name and approved <= self.today:
            title = org.head_title or "Мектеп директоры"
            plan_workflow.approve(self.s, plan_id, org.head_name, title, approved, who=WHO, today=self.today)

    def mark(self, activity_id: int, index: int, data: ActivityInput) -> None:
        """Done once its time has passed; the seminar was moved. A meeting of
        the association that the demo does not hold is never marked done: only
        a held meeting (through its link) fulfils it."""
        if data.form == "association_meeting":
            return
        last = data.start_date
        if data.months:
            last = month_span(max(data.months, key=ACADEMIC_MONTHS.index), int(self.y1[:4]))[1]
        if last is None or last >= self.today:
            return
        if index == MOVED:
            plan_activities.set_status(self.s, activity_id, "moved", WORDS[self.lang]["moved"])
        else:
            plan_activities.set_status(self.s, activity_id, "done")
