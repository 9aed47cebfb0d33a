"""Demo open lessons: every association of the current year with members gains
four or five lessons over the year. The October open lesson is the one the
November meeting discussed (linked to that agenda item), held, with two filled
sheets; a December mutual visit is held with one sheet; the leader's February
master class was moved by two weeks; spring lessons are planned. Kazakh text,
or Russian for a Russian-language association; names are the members'.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from metodesk.domain.lesson_enums import LessonKind
from metodesk.services import lesson_links, lessons, observations, years
from metodesk.services.associations import AssociationDetail, get_detail, list_associations
from metodesk.services.demo_meetings import LESSON_TOPICS, PRIMARY_TOPIC, protocol_language
from metodesk.services.lessons import LessonInput
from metodesk.services.observations import ObservationInput
from metodesk.services.organisations import get_organisation
from metodesk.storage.models import AgendaItem, Lesson, Meeting, Subject, Teacher

D = dt.date

# Topics by subject (Kazakh name): (grade, letter, topic kk, topic ru, objective kk, objective ru).
POOL: dict[str, tuple[tuple[int, str, str, str, str, str], ...]] = {
    "Қазақ тілі": (
        (6, "Ә", "Зат есімнің септелуі", "Склонение имён существительных",
         "6.4.2.1 – зат есімнің септелуін біліп, мәтінде дұрыс қолдану",
         "6.4.2.1 – знать склонение имён существительных и правильно употреблять их в тексте"),
        (7, "А", "Етістіктің шақтары", "Времена глагола",
         "7.4.2.3 – етістіктің шақ түрлерін ажыратып, ауызша және жазбаша тілде қолдану",
         "7.4.2.3 – различать времена глагола и использовать их в устной и письменной речи"),
        (5, "Б", "Сын есімнің шырайлары", "Степени сравнения имён прилагательных",
         "5.4.2.2 – сын есімнің шырайларын ажыратып, сөйлем құрауда қолдану",
         "5.4.2.2 – различать степени сравнения прилагательных и использовать их в предложениях"),
        (9, "А", "Салалас құрмалас сөйлем", "Сложносочинённое предложение",
         "9.4.3.1 – салалас құрмалас сөйлемнің түрлерін ажыратып, тыныс белгілерін дұрыс қою",
         "9.4.3.1 – различать виды сложносочинённых предложений и правильно ставить знаки препинания"),
    ),
    "Қазақ әдебиеті": (
        (8, "А", "Абай Құнанбайұлы. «Ғылым таппай мақтанба» өлеңі",
         "Абай Кунанбайулы. Стихотворение «Ғылым таппай мақтанба»",
         "8.2.1.1 – өлеңнің идеясын анықтап, автор ұстанымын мәтінге сүйеніп түсіндіру",
         "8.2.1.1 – определять идею стихотворения и объяснять позицию автора с опорой на текст"),
    ),
    "Орыс тілі": (
        (7, "Б", "Причастный оборот", "Причастный оборот",
         "7.4.2.1 – причастиелі оралымды тауып, тыныс белгілерімен бөлу",
         "7.4.2.1 – распознавать причастный оборот и выделять его знаками препинания"),
        (6, "Б", "Имя прилагательное как часть речи", "Имя прилагательное как часть речи",
         "6.4.1.2 – сын есімнің грамматикалық белгілерін анықтау",
         "6.4.1.2 – определять грамматические признаки имени прилагательного"),
    ),
    "Математика": (
        (6, "А", "Бөлшектерді қосу және азайту", "Сложение и вычитание дробей",
         "6.1.2.9 – бөлімдері әртүрлі жай бөлшектерді қосу және азайтуды орындау",
         "6.1.2.9 – выполнять сложение и вычитание обыкновенных дробей с разными знаменателями"),
        (5, "Ә", "Пайызға берілген есептер", "Задачи на проценты",
         "5.1.2.24 – санның пайызын және пайызы бойынша санды табу",
         "5.1.2.24 – находить процент от числа и число по его проценту"),
        (6, "Б", "Координаталық жазықтық", "Координатная плоскость",
         "6.3.1.1 – нүктені координаталары бойынша координаталық жазықтықта белгілеу",
         "6.3.1.1 – отмечать точку на координатной плоскости по её координатам"),
        (6, "А", "Пропорция. Пропорцияның негізгі қасиеті", "Пропорция. Основное свойство пропорции",
         "6.1.2.4 – пропорцияның негізгі қасиетін есептер шығаруда қолдану",
         "6.1.2.4 – применять основное свойство пропорции при решении задач"),
        (5, "А", "Натурал сандарды бөлу", "Деление натуральных чисел",
         "5.1.2.6 – натурал сандарды бөлуді орындап, нәтижесін тексеру",
         "5.1.2.6 – выполнять деление натуральных чисел и проверять результат"),
    ),
    "Физика": (
        (9, "А", "Ньютонның екінші заңы", "Второй закон Ньютона",
         "9.2.2.3 – Ньютонның екінші заңын есептер шығаруда қолдану",
         "9.2.2.3 – применять второй закон Ньютона при решении задач"),
        (7, "А", "Архимед күші", "Архимедова сила",
         "7.3.2.9 – Архимед күшінің дене көлеміне және сұйықтың тығыздығына тәуелділігін зерттеу",
         "7.3.2.9 – исследовать зависимость архимедовой силы от объёма тела и плотности жидкости"),
    ),
    "Информатика": (
        (7, "Б", "Алгоритм және оның түрлері", "Алгоритм и его виды",
         "7.3.1.1 – сызықтық, тармақталған және циклдік алгоритмдерді ажырату",
         "7.3.1.1 – различать линейные, разветвляющиеся и циклические алгоритмы"),
    ),
}  # fmt: skip

# Primary classes (a primary association, or a primary teacher anywhere).
PRIMARY_POOL: dict[str, tuple[tuple[int, str, str, str, str, str], ...]] = {
    "Сауат ашу": (
        (2, "Ә", "Дыбыс пен әріп", "Звуки и буквы",
         "2.1.3.1 – дыбыс пен әріпті ажыратып, сөздерге дыбыстық талдау жасау",
         "2.1.3.1 – различать звуки и буквы, выполнять звуковой анализ слов"),
        (1, "А", "«Ш» дыбысы мен әрпі", "Звук и буква «Ш»",
         "1.3.2.1 – «ш» дыбысын сөздің құрамынан ажыратып, әрпін жазу",
         "1.3.2.1 – выделять звук «ш» в словах и писать букву"),
    ),
    "Дүниетану": (
        (3, "А", "Жыл мезгілдері", "Времена года",
         "3.4.1.1 – жыл мезгілдерінің ерекшеліктерін сипаттап, табиғаттағы өзгерістерді бақылау",
         "3.4.1.1 – описывать признаки времён года и наблюдать изменения в природе"),
    ),
    "Әдебиеттік оқу": (
        (3, "Ә", "Ы. Алтынсарин «Өрмекші, құмырсқа, қарлығаш»", "И. Алтынсарин «Паук, муравей и ласточка»",
         "3.1.4.1 – шығарманың негізгі ойын анықтап, кейіпкерлерге баға беру",
         "3.1.4.1 – определять основную мысль произведения и давать оценку героям"),
    ),
    "Математика": (
        (2, "А", "Екі таңбалы сандарды қосу және азайту", "Сложение и вычитание двузначных чисел",
         "2.1.2.4 – 100 көлеміндегі екі таңбалы сандарды ауызша қосу және азайту",
         "2.1.2.4 – устно складывать и вычитать двузначные числа в пределах 100"),
        (4, "А", "Көп таңбалы сандарды салыстыру", "Сравнение многозначных чисел",
         "4.1.1.2 – көп таңбалы сандарды салыстырып, өсу немесе кему ретімен орналастыру",
         "4.1.1.2 – сравнивать многозначные числа и располагать их по возрастанию или убыванию"),
    ),
}  # fmt: skip

# Per language: sentences, and tuples of variants (strengths, recommendations, …).
TEXT: dict[str, dict[str, Any]] = {
    "kk": {
        "purpose_open": "Ашық сабақтың әдістемелік деңгейін бағалау және озық тәжірибені тарату",
        "purpose_visit": "Сабаққа өзара қатысу: қалыптастырушы бағалауды қолдану тәжірибесімен танысу",
        "strengths": (
            "Оқу мақсаттары оқушыларға түсінікті етіп қойылды. Топтық және жұптық жұмыс тиімді "
            "ұйымдастырылды, дескрипторлар арқылы қалыптастырушы бағалау жүргізілді.",
            "Сабақта АКТ мен көрнекіліктер орынды пайдаланылды, оқушылардың белсенділігі жоғары "
            "болды. Кері байланыс әр кезеңде берілді.",
        ),
        "recommendations": (
            "Үлгерімі төмен оқушыларға саралап берілетін тапсырмаларды көбейту, рефлексияға уақытты "
            "көбірек бөлу.",
            "Уақытты тиімді бөлу, дарынды оқушыларға шығармашылық тапсырмалар ұсыну.",
        ),
        "conclusion": (
            "Сабақ жоғары әдістемелік деңгейде өтті, оқу мақсаттарына қол жеткізілді. Тәжірибесін "
            "мектеп педагогтеріне таратуға ұсынылады.",
            "Сабақ жақсы деңгейде өтті, оқу мақсаттарына негізінен қол жеткізілді.",
        ),
        "deputy": "директордың оқу ісі жөніндегі орынбасары",
        "methodist": "аудандық білім бөлімінің әдіскері",
        "moved": "Аудандық семинарға байланысты",
        "topic": "Функционалдық сауаттылыққа арналған тапсырмалар",
    },
    "ru": {
        "purpose_open": "Оценка методического уровня открытого урока и распространение передового опыта",
        "purpose_visit": "Взаимопосещение: знакомство с опытом применения формативного оценивания",
        "strengths": (
            "Цели обучения поставлены понятно для учащихся. Групповая и парная работа организована "
            "эффективно, формативное оценивание проведено по дескрипторам.",
            "На уроке уместно использованы ИКТ и наглядность, активность учащихся высокая. Обратная "
            "связь давалась на каждом этапе.",
        ),
        "recommendations": (
            "Увеличить число дифференцированных заданий для слабоуспевающих учащихся, больше времени "
            "отводить рефлексии.",
            "Рационально распределять время, предлагать одарённым учащимся творческие задания.",
        ),
        "conclusion": (
            "Урок проведён на высоком методическом уровне, цели обучения достигнуты. Опыт "
            "рекомендуется к распространению среди педагогов школы.",
            "Урок проведён на хорошем уровне, цели обучения в основном достигнуты.",
        ),
        "deputy": "заместитель директора по учебной работе",
        "methodist": "методист районного отдела образования",
        "moved": "В связи с районным семинаром",
        "topic": "Задания на функциональную грамотность",
    },
}
GUEST_METHODIST = "Ахметова Сәуле Жұмабайқызы"


def _weekday(day: dt.date) -> dt.date:
    """The day itself, or the Friday before when it falls on a weekend."""
    return day - dt.timedelta(days=max(day.weekday() - 4, 0))


def add_demo_lessons(session: Session, today: dt.date) -> int:
    """Add lessons to every association of the current year that has members
    and no lessons yet; returns how many lessons were added."""
    year = years.current_year(session)
    if year is None:
        return 0
    added = 0
    for row in list_associations(session, year.id):
        if not row.member_count or session.scalar(select(Lesson.id).where(Lesson.association_id == row.id)):
            continue
        added += _Demo(session, get_detail(session, row.id), year.start_date.year, today).run()
    return added


class _Demo:
    def __init__(self, session: Session, detail: AssociationDetail, first_year: int, today: dt.date) -> None:
        self.s, self.detail, self.today, self.y = session, detail, today, first_year
        self.lang = protocol_language(detail)
        self.t = TEXT[self.lang]
        members = list(detail.members)
        leader = detail.leader or members[0]
        secretary = detail.secretary or next((m for m in members if m is not leader), None)
        others = [m for m in members if m not in (leader, secretary)] or [leader]
        # The order demo_meetings uses: the November meeting discussed the lesson of others[-1].
        order = [others[-1], *others, *(m for m in (secretary, leader) if m is not None)]
        self.teachers = list(dict.fromkeys(m.teacher_id for m in order))
        self.leader = leader.teacher_id
        self.subjects = {s.name_kk: s.id for s in session.scalars(select(Subject))}
        self.used: dict[tuple[int, str], int] = {}
        self.rng = random.Random(detail.row.id)

    def pool(self, teacher: Teacher | None) -> dict[str, tuple[tuple[int, str, str, str, str, str], ...]]:
        primary = self.detail.row.kind == "primary" or (
            teacher is not None and teacher.position == "primary_teacher"
        )
        return PRIMARY_POOL if primary else POOL

    def take(
        self, pool: dict[str, tuple[tuple[int, str, str, str, str, str], ...]], subject: str
    ) -> tuple[int, str, str, str, str, str] | None:
        """The subject's next topic not used yet in this association."""
        key = (id(pool), subject)
        index = self.used.get(key, 0)
        entries = pool.get(subject, ())
        if index >= len(entries):
            return None
        self.used[key] = index + 1
        return entries[index]

    def first_topic(self) -> tuple[str, tuple[int, str, str, str, str, str]]:
        """The topic the November protocol names (demo_meetings.LESSON_TOPICS)."""
        row = self.detail.row
        if row.kind == "primary":
            pool, subject, (grade, topic_kk, topic_ru) = PRIMARY_POOL, "Сауат ашу", PRIMARY_TOPIC
        else:
            pool, subject = POOL, row.subject_kk
            grade, topic_kk, topic_ru = LESSON_TOPICS.get(
                subject, (7, TEXT["kk"]["topic"], TEXT["ru"]["topic"])
            )
        entries = pool.get(subject, ())
        if entries and entries[0][2] == topic_kk:
            return subject, self.take(pool, subject) or entries[0]
        return subject, (grade, "А", topic_kk, topic_ru, "", "")

    def topic_for(self, teacher_id: int) -> tuple[str, tuple[int, str, str, str, str, str]]:
        """A topic of the teacher's own subject (the association's first) and
        level, not used yet in the association."""
        teacher = self.s.get(Teacher, teacher_id)
        pool = self.pool(teacher)
        own = [s.name_kk for s in sorted(teacher.subjects, key=lambda x: x.id)] if teacher else []
        preferred = [self.detail.row.subject_kk] if self.detail.row.subject_kk in own else []
        for subject in [*preferred, *own]:
            entry = self.take(pool, subject)
            if entry is not None:
                return subject, entry
        subject = preferred[0] if preferred else (own[0] if own else self.detail.row.subject_kk)
        entries = (
            pool.get(subject)
            or POOL.get(subject)
            or ((7, "А", TEXT["kk"]["topic"], TEXT["ru"]["topic"], "", ""),)
        )
        return subject, entries[-1]  # every topic taken: repeat the last one

    def lesson(
        self, teacher_id: int, day: dt.date, period: int, kind: LessonKind, first: bool = False
    ) -> int:
        subject, (grade, letter, topic_kk, topic_ru, goal_kk, goal_ru) = (
            self.first_topic() if first else self.topic_for(teacher_id)
        )
        ru = self.lang == "ru"
        return lessons.save_lesson(
            self.s,
            LessonInput(
                association_id=self.detail.row.id,
                teacher_id=teacher_id,
                subject_id=self.subjects.get(subject),
                subject_text="" if subject in self.subjects else subject,
                grade=grade,
                class_letter=letter,
                date=_weekday(day),
                period=period,
                topic=topic_ru if ru else topic_kk,
                objectives=goal_ru if ru else goal_kk,
                kind=kind.value,
            ),
            today=self.today,
        )

    def deputy(self, lesson_teacher: int) -> tuple[int | None, str, str]:
        """The deputy director as observer: a teacher of ours when they are one,
        else their name; a district methodist when the deputy gives the lesson."""
        org = get_organisation(self.s, self.detail.row.organisation_id)
        if org.deputy_name:
            staff = self.s.scalars(select(Teacher).where(Teacher.organisation_id == org.id))
            match = next((t for t in staff if lessons.full_name(t) == org.deputy_name), None)
            if match is None:
                return None, org.deputy_name, self.t["deputy"]
            if match.id != lesson_teacher:
                return match.id, "", ""
        return None, GUEST_METHODIST, self.t["methodist"]

    def sheet(
        self, lesson_id: int, observer: tuple[int | None, str, str], variant: int, purpose: str
    ) -> None:
        lesson = self.s.get(Lesson, lesson_id)
        if lesson is None or lesson.date > self.today:
            return
        teacher_id, name, position = observer
        if teacher_id == lesson.teacher_id:  # a small association: a guest observes instead
            teacher_id, name, position = None, GUEST_METHODIST, self.t["methodist"]
        criteria_count = len(observations.draft(self.s).scores)
        scores: list[int | None] = [2 if self.rng.random() < 0.7 else 1 for _ in range(criteria_count)]
        next_day = lesson.date + dt.timedelta(days=1)
        observations.save_observation(
            self.s,
            lesson_id,
            ObservationInput(
                observer_teacher_id=teacher_id,
                observer_name=name,
                observer_position=position if teacher_id is None else "",
                purpose=self.t[purpose],
                scores=scores,
                strengths=self.t["strengths"][variant],
                recommendations=self.t["recommendations"][variant],
                conclusion=self.t["conclusion"][variant],
                acknowledged=next_day <= self.today,
                acknowledged_on=next_day if next_day <= self.today else None,
            ),
            today=self.today,
        )

    def link_to_november(self, lesson_id: int) -> None:
        """Link the open lesson to the item of meeting No. 2 that discussed it."""
        lesson = lessons.get_lesson(self.s, lesson_id)
        items = self.s.scalars(
            select(AgendaItem)
            .join(Meeting, Meeting.id == AgendaItem.meeting_id)
            .where(Meeting.association_id == self.detail.row.id, Meeting.number == 2)
        )
        for item in items:
            if lesson.topic in item.title and lesson.date <= item.meeting.date:
                lesson_links.link_lesson(self.s, item.id, lesson_id)

    def run(self) -> int:
        y, n = self.y, len(self.teachers)
        first = self.lesson(self.teachers[0], D(y, 10, 22), 3, LessonKind.OPEN_LESSON, first=True)
        self.sheet(first, (self.leader, "", ""), 0, "purpose_open")
        self.sheet(first, self.deputy(self.teachers[0]), 1, "purpose_open")
        self.link_to_november(first)
        visit = self.lesson(self.teachers[1 % n], D(y, 12, 10), 2, LessonKind.MUTUAL_VISIT)
        self.sheet(visit, (self.teachers[0], "", ""), 1, "purpose_visit")  # a colleague visits
        master = self.lesson(self.leader, D(y + 1, 2, 13), 4, LessonKind.MASTER_CLASS)
        lessons.move_lesson(self.s, master, _weekday(D(y + 1, 2, 27)), reason=self.t["moved"])
        added = 3
        self.lesson(self.teachers[2 % n], D(y + 1, 3, 11), 3, LessonKind.OPEN_LESSON)
        added += 1
        if n >= 4:
            self.lesson(self.teachers[3], D(y + 1, 4, 15), 2, LessonKind.LESSON_STUDY)
            added += 1
        return added
