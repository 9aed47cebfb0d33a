"""The analysis of the year's methodical work as an outline for PDF and Word,
in Kazakh or Russian: the staff and their categories (with a chart), the
council's and the associations' work (meetings, decisions, plan completion,
with a chart), open lessons (by month, with a chart; the average score per
criterion), mentoring, attestation, professional development, methodical
events and pupils' olympiads (with generalised experience), then the
methodist's conclusions, problems and next year's tasks."""

from __future__ import annotations

from typing import TYPE_CHECKING

from metodesk.domain.growth import ContestResult
from metodesk.i18n.dates import month_name, protocol_reference
from metodesk.reports.attestation_words import CATEGORIES
from metodesk.reports.growth_words import FORMS, LEVELS, RESULTS, word
from metodesk.reports.school_doc import Block, Chart, Grid, Heading, Outline, Part, Text

if TYPE_CHECKING:
    from metodesk.domain.rows.council import AnalysisData

WORDS: dict[str, dict[str, str]] = {
    "kk": {
        "title": "{year} оқу жылындағы әдістемелік жұмыстың талдауы",
        "doc_title": "Әдістемелік жұмыстың талдауы {year}",
        "considered": "Педагогикалық кеңесте қаралды",
        "protocol_blank": "№ ____ хаттама, «___» __________ 20__ ж.",
        "as_of": "Деректер {date} жағдай бойынша.",
        "staff": "1. Педагогтер құрамы",
        "staff_line": "Мектепте {n} педагог жұмыс істейді.",
        "category": "Біліктілік санаты",
        "teachers": "Педагогтер саны",
        "categories_chart": "Педагогтердің біліктілік санаттары бойынша бөлінуі",
        "bodies": "2. Әдістемелік кеңес пен әдістемелік бірлестіктердің жұмысы",
        "body": "Әдістемелік бірлестік / кеңес",
        "meetings": "Отырыстар: өткізілді / барлығы",
        "decisions": "Шешімдер: орындалды / барлығы",
        "overdue": "Мерзімі өткен шешімдер",
        "plan": "Жоспар орындалды",
        "lessons": "Сабақтар: өткізілді / бақыланды",
        "completion_chart": "Жылдық жоспардың орындалуы, %",
        "total": "Мектеп бойынша",
        "open_lessons": "3. Ашық сабақтар және сабаққа өзара қатысу",
        "lessons_line": "Өткізілген сабақтар: {held}, оның ішінде бақыланғаны: {observed}; толтырылған бақылау парақтары: {sheets}.",
        "months_chart": "Айлар бойынша өткізілген сабақтар",
        "criterion": "Бақылау критерийі",
        "average": "Орташа балл",
        "sheets": "Парақтар",
        "mentoring": "4. Жас мамандармен жұмыс және тәлімгерлік",
        "mentoring_line": "Тәлімгерлік жұптар: {pairs}; тәлімгер мен жас маманның кездесулері: {meetings}; бірде-бір кездесуі жоқ жұптар: {silent}.",
        "attestation": "5. Педагогтерді аттестаттау",
        "attestation_line": "Осы оқу жылында аттестаттаудан өтуі тиіс: {due}; санат берілді: {awarded}; бас тартылды: {refused}; шешім күтілуде: {pending}.",
        "courses": "6. Біліктілікті арттыру",
        "courses_line": "Осы оқу жылында {teachers} педагог барлығы {hours} сағат біліктілікті арттыру курстарынан өтті.",
        "without": "Соңғы үш жылда курстан өтпеген педагогтер: {names}.",
        "without_none": "Барлық педагогтер соңғы үш жылда біліктілікті арттыру курстарынан өткен.",
        "growth": "7. Әдістемелік іс-шаралар және оқушылардың олимпиадалары",
        "growth_none": "Осы оқу жылында әдістемелік іс-шаралар, оқушылардың олимпиадалардағы нәтижелері және жалпыланған тәжірибе жазылмаған.",
        "events_line": "Өткізілген әдістемелік іс-шаралар: {n}; оларда сөз сөйлеген педагогтер: {speakers}.",
        "events_none": "Осы оқу жылында әдістемелік іс-шаралар жазылмаған.",
        "form": "Іс-шараның түрі",
        "events": "Іс-шаралар саны",
        "level": "Деңгейі",
        "speakers": "Сөз сөйлеген педагогтер",
        "olympiads_line": "Оқушылардың олимпиадалар мен байқаулардағы нәтижелері: {n}, оның ішінде жүлделі орындар: {prizes}.",
        "olympiads_none": "Оқушылардың олимпиадалар мен байқаулардағы нәтижелері жазылмаған.",
        "stage": "Кезеңі",
        "all": "Барлығы",
        "experience_line": "Жалпыланған педагогикалық тәжірибе: {n}.",
        "experience_none": "Жалпыланған педагогикалық тәжірибе жазылмаған.",
        "entries": "Тәжірибе саны",
        "conclusions": "8. Қорытындылар",
        "problems": "9. Мәселелер",
        "tasks": "10. Келесі оқу жылының міндеттері",
        "blank": "________________________________________________",
    },
    "ru": {
        "title": "Анализ методической работы за {year} учебный год",
        "doc_title": "Анализ методической работы {year}",
        "considered": "Рассмотрено на педагогическом совете",
        "protocol_blank": "протокол № ____ от «___» __________ 20__ г.",
        "as_of": "Данные на {date}.",
        "staff": "1. Кадровый состав",
        "staff_line": "В школе работает педагогов: {n}.",
        "category": "Квалификационная категория",
        "teachers": "Число педагогов",
        "categories_chart": "Распределение педагогов по квалификационным категориям",
        "bodies": "2. Работа методического совета и методических объединений",
        "body": "Методическое объединение / совет",
        "meetings": "Заседания: проведено / всего",
        "decisions": "Решения: выполнено / всего",
        "overdue": "Просроченные решения",
        "plan": "Выполнение плана",
        "lessons": "Уроки: проведено / посещено",
        "completion_chart": "Выполнение годового плана, %",
        "total": "По школе",
        "open_lessons": "3. Открытые уроки и взаимопосещение",
        "lessons_line": "Проведено уроков: {held}, из них посещено: {observed}; заполнено листов наблюдения: {sheets}.",
        "months_chart": "Проведённые уроки по месяцам",
        "criterion": "Критерий наблюдения",
        "average": "Средний балл",
        "sheets": "Листов",
        "mentoring": "4. Работа с молодыми специалистами и наставничество",
        "mentoring_line": "Пар наставничества: {pairs}; встреч наставника с молодым специалистом: {meetings}; пар без единой встречи: {silent}.",
        "attestation": "5. Аттестация педагогов",
        "attestation_line": "Должны пройти аттестацию в этом учебном году: {due}; присвоена категория: {awarded}; отказано: {refused}; решение ожидается: {pending}.",
        "courses": "6. Повышение квалификации",
        "courses_line": "В этом учебном году педагогов, прошедших курсы повышения квалификации: {teachers}, всего часов: {hours}.",
        "without": "Педагоги без курсов за последние три года: {names}.",
        "without_none": "Все педагоги прошли курсы повышения квалификации за последние три года.",
        "growth": "7. Методические мероприятия и олимпиады учащихся",
        "growth_none": "В этом учебном году методические мероприятия, результаты учащихся на олимпиадах и обобщённый опыт не записаны.",
        "events_line": "Проведено методических мероприятий: {n}; выступивших педагогов: {speakers}.",
        "events_none": "В этом учебном году методические мероприятия не записаны.",
        "form": "Форма мероприятия",
        "events": "Число мероприятий",
        "level": "Уровень",
        "speakers": "Выступившие педагоги",
        "olympiads_line": "Результатов учащихся на олимпиадах и конкурсах: {n}, из них призовых мест: {prizes}.",
        "olympiads_none": "Результаты учащихся на олимпиадах и конкурсах не записаны.",
        "stage": "Этап",
        "all": "Всего",
        "experience_line": "Обобщённый педагогический опыт: {n}.",
        "experience_none": "Обобщённый педагогический опыт не записан.",
        "entries": "Число записей",
        "conclusions": "8. Выводы",
        "problems": "9. Проблемы",
        "tasks": "10. Задачи на следующий учебный год",
        "blank": "________________________________________________",
    },
}


def _share(done: int, total: int) -> str:
    return f"{round(100 * done / total)} %" if total else "—"


RESULT_CODES = tuple(r.value for r in ContestResult)  # in the domain's order
# the olympiad table's narrow columns: the results' names without their explanations
RESULT_HEADERS = {
    "kk": {"first": "I орын", "second": "II орын", "third": "III орын", "diploma": "Диплом", "participant": "Қатысу"},
    "ru": {"first": "1 место", "second": "2 место", "third": "3 место", "diploma": "Диплом", "participant": "Участие"},
}


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def growth_parts(data: AnalysisData, lang: str) -> list[Part]:
    """Section 7: the events by form and by level (with the teachers who spoke),
    the pupils' olympiad results by stage and result, the generalised
    experience by level; one line when the year has none of them."""
    w = WORDS[lang]
    parts: list[Part] = [Heading(w["growth"])]
    if not (data.events or data.olympiads or data.experience):
        return [*parts, Text(w["growth_none"])]
    if data.events:
        speakers = dict(data.speakers_by_level)
        parts += [
            Text(w["events_line"].format(n=data.events, speakers=data.event_speakers)),
            Grid(
                (w["form"], w["events"]),
                (
                    *((_capital(word(FORMS, code, lang)), str(n)) for code, n in data.events_by_form),
                    (w["all"], str(data.events)),
                ),
                (0.7, 0.3),
                centered=(1,),
            ),
            Grid(
                (w["level"], w["events"], w["speakers"]),
                (
                    *(
                        (_capital(word(LEVELS, code, lang)), str(n), str(speakers.get(code, 0)))
                        for code, n in data.events_by_level
                    ),
                    (w["all"], str(data.events), str(data.event_speakers)),
                ),
                (0.5, 0.25, 0.25),
                centered=(1, 2),
            ),
        ]
    else:
        parts.append(Text(w["events_none"]))
    if data.olympiads:
        # every result has its column (places 1-3, diploma, participation), even at 0
        counted = dict(data.olympiads_by_result)
        results = [*RESULT_CODES, *(code for code in counted if code not in RESULT_CODES)]
        cells = {(level, result): n for level, result, n in data.olympiad_table}
        share = 0.72 / (len(results) + 1)
        parts += [
            Text(w["olympiads_line"].format(n=data.olympiads, prizes=data.prizes)),
            Grid(
                (w["stage"], *(RESULT_HEADERS[lang].get(code) or _capital(word(RESULTS, code, lang)) for code in results), w["all"]),
                (
                    *(
                        (
                            _capital(word(LEVELS, level, lang)),
                            *(str(cells.get((level, code), 0)) for code in results),
                            str(n),
                        )
                        for level, n in data.olympiads_by_level
                    ),
                    (w["all"], *(str(counted.get(code, 0)) for code in results), str(data.olympiads)),
                ),
                (0.28, *(share for _code in results), share),
                centered=tuple(range(1, len(results) + 2)),
            ),
        ]
    else:
        parts.append(Text(w["olympiads_none"]))
    if data.experience:
        parts += [
            Text(w["experience_line"].format(n=data.experience)),
            Grid(
                (w["level"], w["entries"]),
                tuple((_capital(word(LEVELS, code, lang)), str(n)) for code, n in data.experience_by_level),
                (0.7, 0.3),
                centered=(1,),
            ),
        ]
    else:
        parts.append(Text(w["experience_none"]))
    return parts


def outline(data: AnalysisData, lang: str) -> Outline:
    from metodesk.i18n.dates import official_date

    w = WORDS[lang]
    parts: list[Part] = [Text(w["as_of"].format(date=official_date(data.as_of, lang)))]
    # 1. staff
    names = CATEGORIES[lang]
    parts += [
        Heading(w["staff"]),
        Text(w["staff_line"].format(n=data.staff)),
        Grid(
            (w["category"], w["teachers"]),
            tuple((names.get(code, code), str(count)) for code, count in data.categories),
            (0.7, 0.3),
            centered=(1,),
        ),
        Chart(
            w["categories_chart"],
            tuple(names.get(code, code) for code, _count in data.categories),
            tuple(float(count) for _code, count in data.categories),
        ),
    ]
    # 2. the council and the associations
    rows = []
    for body in data.bodies:
        rows.append(
            (
                body.name(lang),
                f"{body.meetings_held} / {body.meetings_planned}",
                f"{body.decisions_done} / {body.decisions}",
                str(body.decisions_overdue),
                _share(body.activities_done, body.activities) if not body.council else "—",
                f"{body.lessons_held} / {body.lessons_observed}",
            )
        )
    total = (
        w["total"],
        f"{sum(b.meetings_held for b in data.bodies)} / {sum(b.meetings_planned for b in data.bodies)}",
        f"{sum(b.decisions_done for b in data.bodies)} / {sum(b.decisions for b in data.bodies)}",
        str(sum(b.decisions_overdue for b in data.bodies)),
        _share(sum(b.activities_done for b in data.bodies), sum(b.activities for b in data.bodies)),
        f"{sum(b.lessons_held for b in data.bodies)} / {sum(b.lessons_observed for b in data.bodies)}",
    )
    planned = [b for b in data.bodies if not b.council and b.activities]
    parts += [
        Heading(w["bodies"]),
        Grid(
            (w["body"], w["meetings"], w["decisions"], w["overdue"], w["plan"], w["lessons"]),
            (*rows, total),
            (0.32, 0.14, 0.14, 0.12, 0.12, 0.16),
            centered=(1, 2, 3, 4, 5),
        ),
    ]
    if planned:
        parts.append(
            Chart(
                w["completion_chart"],
                tuple(b.name(lang) for b in planned),
                tuple(round(100 * b.activities_done / b.activities, 1) for b in planned),
                "%",
            )
        )
    # 3. lessons
    parts += [
        Heading(w["open_lessons"]),
        Text(w["lessons_line"].format(held=data.lessons_held, observed=data.lessons_observed, sheets=data.observations)),
        Chart(
            w["months_chart"],
            tuple(month_name(m, lang) for m, _n in data.lessons_by_month),
            tuple(float(n) for _m, n in data.lessons_by_month),
        ),
    ]
    if data.criteria:
        parts.append(
            Grid(
                (w["criterion"], w["average"], w["sheets"]),
                tuple(
                    (
                        (c.text_ru or c.text_kk) if lang == "ru" else (c.text_kk or c.text_ru),
                        f"{c.average:.2f} / {c.scale_max}",
                        str(c.count),
                    )
                    for c in data.criteria
                ),
                (0.66, 0.19, 0.15),
                centered=(1, 2),
            )
        )
    # 4-6. mentoring, attestation, courses
    parts += [
        Heading(w["mentoring"]),
        Text(w["mentoring_line"].format(pairs=data.pairs, meetings=data.pair_meetings, silent=data.silent_pairs)),
        Heading(w["attestation"]),
        Text(
            w["attestation_line"].format(
                due=data.attestation_due,
                awarded=data.attestation_awarded,
                refused=data.attestation_refused,
                pending=data.attestation_pending,
            )
        ),
        Heading(w["courses"]),
        Text(w["courses_line"].format(teachers=data.course_teachers, hours=data.course_hours)),
        Text(
            w["without"].format(names=", ".join(data.without_courses)).replace("..", ".")
            if data.without_courses
            else w["without_none"]
        ),
    ]
    # 7. events, olympiads, experience
    parts += growth_parts(data, lang)
    # 8-10. the methodist's words
    parts += [
        Heading(w["conclusions"]),
        Text(data.conclusions or w["blank"]),
        Heading(w["problems"]),
        Text(data.problems or w["blank"]),
        Heading(w["tasks"]),
        Text("\n".join(f"{n}. {t}" for n, t in enumerate(data.next_tasks, 1)) or w["blank"], listed=True),
    ]
    ped = (
        protocol_reference(data.pedcouncil_number, data.pedcouncil_date, lang)
        if data.pedcouncil_number and data.pedcouncil_date
        else w["protocol_blank"]
    )
    return Outline(
        lang=lang,
        doc_title=w["doc_title"].format(year=data.year_name),
        organisation=data.organisation(lang),
        titles=(w["title"].format(year=data.year_name),),
        left=Block(w["considered"], (ped,)),
        parts=tuple(parts),
    )
