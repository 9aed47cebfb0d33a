"""The school's plan of methodical work (docs/domain: 'The school's plan of
methodical work') as an outline for PDF and Word, in Kazakh or Russian:
the organisation; "considered at the pedagogical council" at the top left and
БЕКІТЕМІН / УТВЕРЖДАЮ at the top right; the title; the methodical theme, goal
and tasks; then each section's table: № | content | form | dates |
responsible | expected result (form of completion). Drawn rows are worded
here, in the document's language; rows typed by hand print as typed."""

from __future__ import annotations

from typing import TYPE_CHECKING

from metodesk.domain.plan_forms import activity_when, document_word, head_title, signature_name
from metodesk.i18n.dates import protocol_reference, short_date
from metodesk.reports.attestation_words import CATEGORIES
from metodesk.reports.lesson_words import lesson_line
from metodesk.reports.plan_text import BLANK_NAME, date_line
from metodesk.reports.school_doc import Block, Grid, Heading, Outline, Text  # noqa: F401

if TYPE_CHECKING:
    from metodesk.domain.rows.council import Line, SchoolPlanData

WORDS: dict[str, dict[str, str]] = {
    "kk": {
        "title": "Мектептің {year} оқу жылына арналған әдістемелік жұмыс жоспары",
        "doc_title": "Әдістемелік жұмыс жоспары {year}",
        "approve": "БЕКІТЕМІН",
        "considered": "Педагогикалық кеңесте қаралды",
        "reviewed": "Әдістемелік кеңесте қаралды",
        "protocol_blank": "№ ____ хаттама, «___» __________ 20__ ж.",
        "theme": "Мектептің әдістемелік тақырыбы:",
        "goal": "Мақсаты:",
        "tasks": "Міндеттері:",
        "meeting": "Әдістемелік кеңестің № {number} отырысы",
        "meeting_form": "Отырыс",
        "protocol": "Хаттама",
        "association_theme": "{name}. Әдістемелік тақырыбы: «{theme}»",
        "association_form": "ӘБ отырыстары, жылдық жоспар бойынша",
        "year_long": "оқу жылы бойы",
        "association_result": "Жылдық жоспардың орындалуы, хаттамалар",
        "attestation": "{teacher}: «{category}» біліктілік санатына аттестаттау",
        "attestation_form": "Аттестаттау",
        "jan_may": "{next} жылғы қаңтар–мамыр",
        "aug_dec": "{first} жылғы тамыз–желтоқсан",
        "deputy": "Директордың орынбасары",
        "attestation_result": "Аттестаттау комиссиясының шешімі",
        "course": "{teacher}: «{title}» курсы, {hours} сағ.",
        "course_form": "Біліктілікті арттыру курсы",
        "certificate": "Сертификат",
        "lesson_result": "Бақылау парағы, сабақты талдау",
        "pair": "Тәлімгер {mentor} — {kind} {mentee}: тәлімгердің жоспары бойынша жұмыс",
        "young_specialist": "жас маман",
        "trainee": "педагог-тағылымдамашы",
        "pair_form": "Тәлімгерлік",
        "pair_result": "Тәлімгердің есебі",
        "materials": "Материалдар, ақпарат",
        "empty": "—",
        "reopened": "Жоспар қайта ашылды: {reason}",
    },
    "ru": {
        "title": "План методической работы школы на {year} учебный год",
        "doc_title": "План методической работы {year}",
        "approve": "УТВЕРЖДАЮ",
        "considered": "Рассмотрено на педагогическом совете",
        "reviewed": "Рассмотрено на методическом совете",
        "protocol_blank": "протокол № ____ от «___» __________ 20__ г.",
        "theme": "Методическая тема школы:",
        "goal": "Цель:",
        "tasks": "Задачи:",
        "meeting": "Заседание методического совета № {number}",
        "meeting_form": "Заседание",
        "protocol": "Протокол",
        "association_theme": "{name}. Методическая тема: «{theme}»",
        "association_form": "Заседания МО по годовому плану",
        "year_long": "в течение года",
        "association_result": "Выполнение годового плана, протоколы",
        "attestation": "{teacher}: аттестация на квалификационную категорию «{category}»",
        "attestation_form": "Аттестация",
        "jan_may": "январь–май {next} г.",
        "aug_dec": "август–декабрь {first} г.",
        "deputy": "Заместитель директора",
        "attestation_result": "Решение аттестационной комиссии",
        "course": "{teacher}: курсы «{title}», {hours} ч.",
        "course_form": "Курсы повышения квалификации",
        "certificate": "Сертификат",
        "lesson_result": "Лист наблюдения, анализ урока",
        "pair": "Наставник {mentor} — {kind} {mentee}: работа по плану наставника",
        "young_specialist": "молодой специалист",
        "trainee": "педагог-стажёр",
        "pair_form": "Наставничество",
        "pair_result": "Отчёт наставника",
        "materials": "Материалы, информация",
        "empty": "—",
        "reopened": "План открыт повторно: {reason}",
    },
}
COLUMNS = {
    "kk": ("№", "Іс-шараның мазмұны", "Өткізу түрі", "Мерзімі", "Жауапты", "Күтілетін нәтиже (аяқталу түрі)"),
    "ru": ("№", "Содержание работы", "Форма проведения", "Сроки", "Ответственные", "Ожидаемый результат (форма завершения)"),
}
SECTIONS = {
    "kk": {
        "council": "Әдістемелік кеңестің отырыстары",
        "associations": "Әдістемелік бірлестіктердің жұмысы және олардың тақырыптары",
        "teachers": "Педагогтермен жұмыс: аттестаттау, біліктілікті арттыру курстары",
        "lessons": "Ашық сабақтар және сабаққа өзара қатысу",
        "young": "Жас мамандармен жұмыс және тәлімгерлік",
        "experience": "Тәжірибені жалпылау, семинарлар, пән апталықтары",
        "gifted": "Дарынды оқушылармен жұмыс",
        "monitoring": "Оқыту сапасының мониторингі (мектепішілік бақылау)",
    },
    "ru": {
        "council": "Заседания методического совета",
        "associations": "Работа методических объединений и их темы",
        "teachers": "Работа с педагогами: аттестация, курсы повышения квалификации",
        "lessons": "Открытые уроки и взаимопосещение уроков",
        "young": "Работа с молодыми специалистами и наставничество",
        "experience": "Обобщение опыта, семинары, предметные недели",
        "gifted": "Работа с одарёнными учащимися",
        "monitoring": "Мониторинг качества обучения (внутришкольный контроль)",
    },
}
WIDTHS = (0.06, 0.33, 0.14, 0.14, 0.15, 0.18)


def row_cells(line: Line, data: SchoolPlanData, lang: str) -> tuple[str, str, str, str, str]:
    """A row's content, form, dates, responsible and result in ``lang``."""
    from metodesk.domain.rows import council as r

    w = WORDS[lang]
    if isinstance(line, r.CouncilLine):
        topics = "; ".join(f"{n}) {t}" for n, t in enumerate(line.topics, start=1))
        content = w["meeting"].format(number=line.number) + (f": {topics}" if topics else "")
        return content, w["meeting_form"], short_date(line.date), line.responsible, w["protocol"]
    if isinstance(line, r.AssociationLine):
        name = (line.name_ru or line.name_kk) if lang == "ru" else line.name_kk
        content = w["association_theme"].format(name=name, theme=line.theme) if line.theme else name
        return content, w["association_form"], w["year_long"], line.leader, w["association_result"]
    if isinstance(line, r.AttestationLine):
        category = CATEGORIES[lang].get(line.category, line.category)
        when = w[line.window if line.window in ("jan_may", "aug_dec") else "jan_may"].format(
            first=line.year_start, next=line.year_start + 1
        )
        return (
            w["attestation"].format(teacher=line.teacher, category=category),
            w["attestation_form"],
            when,
            w["deputy"],
            w["attestation_result"],
        )
    if isinstance(line, r.CourseLine):
        dates = short_date(line.start) if line.start == line.end else f"{short_date(line.start)}–{short_date(line.end)}"
        return (
            w["course"].format(teacher=line.teacher, title=line.title, hours=line.hours),
            w["course_form"],
            dates,
            line.teacher,
            w["certificate"],
        )
    if isinstance(line, r.LessonLine):
        subject = line.subject_ru if lang == "ru" else line.subject_kk
        content = lesson_line(line.kind, line.topic, subject, line.grade, line.class_letter, "", line.date, "", lang)
        form, _sep, _rest = content.partition(":")
        return content.partition(": ")[2], form, short_date(line.date), line.teacher, w["lesson_result"]
    if isinstance(line, r.PairLine):
        kind = w["trainee"] if line.mentee_kind == "trainee" else w["young_specialist"]
        return (
            w["pair"].format(mentor=line.mentor, mentee=line.mentee, kind=kind),
            w["pair_form"],
            w["year_long"],
            line.mentor,
            w["pair_result"],
        )
    if isinstance(line, r.ActivityLine):
        name = (line.association_ru or line.association_kk) if lang == "ru" else line.association_kk
        form = document_word(line.form, lang) if line.form else line.form_text
        return (
            f"{line.content} ({name})",
            form,
            activity_when(line.start, line.end, line.months, lang),
            line.responsible,
            w["materials"],
        )
    return line.content, line.form, line.dates, line.responsible, line.result


def corner_left(data: SchoolPlanData, lang: str) -> Block:
    """Considered at the pedagogical council (№, date), and where the council reviewed it."""
    w = WORDS[lang]
    ped = (
        protocol_reference(data.pedcouncil_number, data.pedcouncil_date, lang)
        if data.pedcouncil_number and data.pedcouncil_date
        else w["protocol_blank"]
    )
    lines = [ped]
    if data.review_number is not None and data.review_date is not None:
        lines += [w["reviewed"], protocol_reference(data.review_number, data.review_date, lang)]
    return Block(w["considered"], tuple(lines))


def corner_right(data: SchoolPlanData, lang: str) -> Block:
    """БЕКІТЕМІН / УТВЕРЖДАЮ: the head's title, the signature line and name, the date."""
    w = WORDS[lang]
    approved = data.status == "approved"
    name = data.approved_name if approved else data.head_name
    title = head_title(data.approved_title if approved else data.head_title, data.organisation_kind, lang)
    return Block(
        w["approve"],
        (title,),
        signature_name(name) if name.strip() else BLANK_NAME,
        date_line(data.approved_on if approved else None, lang),
    )


def outline(data: SchoolPlanData, lang: str) -> Outline:
    w = WORDS[lang]
    parts: list[Heading | Text | Grid] = []
    if data.theme.strip():
        parts += [Text(w["theme"], bold=True), Text(data.theme)]
    if data.goal.strip():
        parts += [Text(w["goal"], bold=True), Text(data.goal)]
    if data.tasks:
        parts += [
            Text(w["tasks"], bold=True),
            Text("\n".join(f"{n}. {t}" for n, t in enumerate(data.tasks, 1)), listed=True),
        ]
    # one table: each section a heading row across it, then its rows (or a dash)
    rows: list[tuple[str, ...]] = []
    for number, (code, lines) in enumerate(data.sections, start=1):
        rows.append((f"{number}. {SECTIONS[lang][code]}",))
        rows += [(f"{number}.{index}", *row_cells(line, data, lang)) for index, line in enumerate(lines, start=1)]
        if not lines:
            rows.append((w["empty"], "", "", "", "", ""))
    parts.append(Grid(COLUMNS[lang], tuple(rows), WIDTHS))
    return Outline(
        lang=lang,
        doc_title=w["doc_title"].format(year=data.year_name),
        organisation=data.organisation(lang),
        titles=(w["title"].format(year=data.year_name),),
        left=corner_left(data, lang),
        right=corner_right(data, lang),
        parts=tuple(parts),
    )

