"""What the teacher's methodical portfolio says, in Kazakh or Russian, as
plain text: the title, the card's lines and each section as a table (heading,
column headers, widths in mm on a 165 mm portrait page, rows). The PDF
(``portfolio_pdf``) and Word (``portfolio_docx``) builders only draw it, so
both documents say the same. Pure Python: no reportlab."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from metodesk.domain.plan_forms import signature_name
from metodesk.domain.portfolio import PortfolioData
from metodesk.i18n.dates import official_date, short_date
from metodesk.reports.attestation_words import CATEGORIES
from metodesk.reports.growth_words import (
    BASES,
    FORMS,
    HEARD_AT,
    LEVELS,
    REPORT_FORMS,
    RESULTS,
    ROLES,
    STAGES,
    dates_text,
    word,
    years_count,
)
from metodesk.reports.lesson_words import POSITIONS

WORDS = {
    "kk": {
        "title": "ӘДІСТЕМЕЛІК ПОРТФОЛИО",
        "file": "Әдістемелік портфолио {name}",
        "card": "1. Педагог туралы мәліметтер",
        "name": "Тегі, аты, әкесінің аты",
        "organisation": "Білім беру ұйымы",
        "position": "Лауазымы",
        "subjects": "Оқытатын пәндері",
        "category": "Біліктілік санаты",
        "category_since": "{category}, {date} бастап",
        "experience": "Педагогтік өтілі",
        "experience_since": "{years} ({date} бастап)",
        "awards": "2. Біліктілік санатының тарихы",
        "courses": "3. Біліктілікті арттыру курстары",
        "self": "4. Өздігінен білім алу",
        "experience_register": "5. Тәжірибені жалпылау және тарату",
        "events": "6. Әдістемелік іс-шараларға қатысу",
        "lessons": "7. Ашық сабақтар",
        "mentoring": "8. Тәлімгерлік",
        "pupils": "9. Оқушылардың жетістіктері",
        "no": "№",
        "year": "Оқу жылы",
        "date": "Күні",
        "dates": "Мерзімі",
        "order": "Бұйрық №",
        "basis": "Негізі",
        "course": "Курстың атауы",
        "provider": "Ұйымдастырушы",
        "hours": "Сағат",
        "certificate": "Сертификат №",
        "topic": "Тақырыбы",
        "stage": "Кезеңі",
        "report": "Есеп беру",
        "level": "Деңгейі",
        "where": "Қайда қаралды, бекітілді",
        "event": "Іс-шара",
        "form": "Түрі",
        "role": "Рөлі",
        "result": "Нәтижесі",
        "subject_class": "Пәні, сыныбы",
        "sheets": "Бақылау парақтары",
        "average": "Орташа нәтиже",
        "mentor": "тәлімгер",
        "young_specialist": "жас маман",
        "trainee": "педагог-тағылымдамашы",
        "with": "Жұптағы әріптесі",
        "meetings": "Кездесулер",
        "pupil": "Оқушы",
        "grade": "Сыныбы",
        "subject": "Пәні",
        "teacher_sign": "Педагог",
        "deputy_sign": "Директордың оқу-әдістемелік жұмыс жөніндегі орынбасары",
        "printed": "Құрастырылған күні: {date}",
        "caption": "(қолы)",
    },
    "ru": {
        "title": "МЕТОДИЧЕСКОЕ ПОРТФОЛИО",
        "file": "Методическое портфолио {name}",
        "card": "1. Сведения о педагоге",
        "name": "Фамилия, имя, отчество",
        "organisation": "Организация образования",
        "position": "Должность",
        "subjects": "Преподаваемые предметы",
        "category": "Квалификационная категория",
        "category_since": "{category} с {date}",
        "experience": "Педагогический стаж",
        "experience_since": "{years} (с {date})",
        "awards": "2. История квалификационной категории",
        "courses": "3. Курсы повышения квалификации",
        "self": "4. Самообразование",
        "experience_register": "5. Обобщение и распространение опыта",
        "events": "6. Участие в методических мероприятиях",
        "lessons": "7. Открытые уроки",
        "mentoring": "8. Наставничество",
        "pupils": "9. Достижения учащихся",
        "no": "№",
        "year": "Учебный год",
        "date": "Дата",
        "dates": "Сроки",
        "order": "Приказ №",
        "basis": "Основание",
        "course": "Название курса",
        "provider": "Организатор",
        "hours": "Часы",
        "certificate": "Сертификат №",
        "topic": "Тема",
        "stage": "Этап",
        "report": "Отчёт",
        "level": "Уровень",
        "where": "Где рассмотрен, утверждён",
        "event": "Мероприятие",
        "form": "Форма",
        "role": "Роль",
        "result": "Результат",
        "subject_class": "Предмет, класс",
        "sheets": "Листы наблюдения",
        "average": "Средний результат",
        "mentor": "наставник",
        "young_specialist": "молодой специалист",
        "trainee": "педагог-стажёр",
        "with": "Коллега в паре",
        "meetings": "Встречи",
        "pupil": "Учащийся",
        "grade": "Класс",
        "subject": "Предмет",
        "teacher_sign": "Педагог",
        "deputy_sign": "Заместитель директора по учебно-методической работе",
        "printed": "Дата составления: {date}",
        "caption": "(подпись)",
    },
}


@dataclass(frozen=True)
class Section:
    """One numbered section: a table, or the words for "nothing recorded"."""

    heading: str
    header: tuple[str, ...]
    widths: tuple[float, ...]  # mm, summing to 165
    rows: tuple[tuple[str, ...], ...]
    centered: tuple[int, ...] = ()


def card_lines(data: PortfolioData, lang: str) -> list[tuple[str, str]]:
    """(label, value) of the card; a value not known is left empty."""
    w, c = WORDS[lang], data.card
    category = CATEGORIES[lang].get(c.category, c.category)
    if c.category_date is not None and c.category != "none":
        category = w["category_since"].format(category=category, date=short_date(c.category_date))
    experience = ""
    if c.experience_years is not None and c.teaching_since is not None:
        experience = w["experience_since"].format(
            years=years_count(c.experience_years, lang), date=short_date(c.teaching_since)
        )
    return [
        (w["name"], c.full_name),
        (w["organisation"], c.organisation(lang)),
        (w["position"], POSITIONS[lang].get(c.position, "")),
        (w["subjects"], ", ".join(c.subjects(lang))),
        (w["category"], category),
        (w["experience"], experience),
    ]


def _numbered(rows: Sequence[tuple[str, ...]]) -> tuple[tuple[str, ...], ...]:
    return tuple((str(n), *row) for n, row in enumerate(rows, start=1))


def sections(data: PortfolioData, lang: str) -> list[Section]:
    """Sections 2 to 9, in the order of the portfolio."""
    w = WORDS[lang]
    awards = [
        (
            CATEGORIES[lang].get(a.category, a.category),
            short_date(a.award_date),
            a.order_number,
            word(BASES, a.basis, lang),
        )
        for a in data.awards
    ]
    courses = [
        (
            c.title,
            c.provider,
            dates_text(c.start_date, c.end_date).replace(" – ", " –\n"),
            str(c.hours),
            c.certificate_number,
        )
        for c in data.courses
    ]
    self_rows = []
    for s in data.self_education:
        report = ", ".join(
            p
            for p in (
                word(REPORT_FORMS, s.report_form, lang) if s.report_form else "",
                word(HEARD_AT, s.heard_at, lang) if s.heard_at else "",
                short_date(s.report_date),
            )
            if p
        )
        self_rows.append((s.year, s.topic, word(STAGES, s.stage, lang), report))
    experience = [
        (
            e.year,
            e.topic,
            word(LEVELS, e.level, lang),
            "; ".join(p for p in (e.presented_at, e.document, short_date(e.approved_on)) if p),
        )
        for e in data.experience
    ]
    events = []
    for e in data.events:
        role, own = data.role_at(e)
        events.append(
            (
                dates_text(e.start_date, e.end_date).replace(" – ", " –\n"),
                e.title,
                word(FORMS, e.form, lang),
                word(LEVELS, e.level, lang),
                word(ROLES, role, lang) if role else "",
                own or e.result,
            )
        )
    lessons = [
        (
            short_date(x.date),
            ", ".join(p for p in (x.subject(lang), x.class_name) if p),
            x.topic,
            str(x.sheets),
            f"{x.percent} %" if x.percent is not None else "",
        )
        for x in data.lessons
    ]
    mentoring = [
        (m.year, w["mentor"] if m.as_mentor else w.get(m.mentee_kind, w["young_specialist"]), m.other, str(m.entries))
        for m in data.mentoring
    ]
    pupils = [
        (
            p.pupil,
            str(p.grade) if p.grade else "",
            p.subject(lang) or p.title,
            word(LEVELS, p.level, lang),
            word(RESULTS, p.result, lang),
            p.year,
        )
        for p in data.pupils
    ]
    return [
        Section(w["awards"], (w["no"], w["category"], w["date"], w["order"], w["basis"]), (10, 55, 30, 35, 35),
                _numbered(awards), (0, 2)),
        Section(w["courses"], (w["no"], w["course"], w["provider"], w["dates"], w["hours"], w["certificate"]),
                (10, 55, 38, 26, 14, 22), _numbered(courses), (0, 3, 4)),
        Section(w["self"], (w["year"], w["topic"], w["stage"], w["report"]), (22, 65, 35, 43), tuple(self_rows), (0,)),
        Section(w["experience_register"], (w["year"], w["topic"], w["level"], w["where"]), (22, 63, 30, 50),
                tuple(experience), (0,)),
        Section(w["events"], (w["date"], w["event"], w["form"], w["level"], w["role"], w["result"]),
                (23, 46, 25, 24, 22, 25), tuple(events), (0,)),
        Section(w["lessons"], (w["date"], w["subject_class"], w["topic"], w["sheets"], w["average"]),
                (23, 37, 63, 20, 22), tuple(lessons), (0, 3, 4)),
        Section(w["mentoring"], (w["year"], w["role"], w["with"], w["meetings"]), (30, 50, 55, 30), tuple(mentoring), (0, 3)),
        Section(w["pupils"], (w["pupil"], w["grade"], w["subject"], w["level"], w["result"], w["year"]),
                (40, 15, 30, 28, 30, 22), tuple(pupils), (1, 5)),
    ]


def title(data: PortfolioData, lang: str) -> str:
    return WORDS[lang]["file"].format(name=data.card.short_name)


def printed_line(data: PortfolioData, lang: str) -> str:
    return WORDS[lang]["printed"].format(date=official_date(data.printed_on, lang))


def signers(data: PortfolioData, lang: str) -> list[tuple[str, str]]:
    """Who signs the portfolio: the teacher, and the deputy (a line for the name)."""
    w = WORDS[lang]
    return [(w["teacher_sign"], signature_name(data.card.full_name)), (w["deputy_sign"], "")]
