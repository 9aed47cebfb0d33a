"""The words of a printed annual plan, in Kazakh and Russian, and the text of
each cell, shared by the PDF (``plan_pdf``) and the Word (``plan_docx``)
builders so the two documents say the same thing.

The language is the document's, chosen when it is built, independent of the
window's. Plain text only here: each builder escapes and lays it out. No
reportlab, no python-docx.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from metodesk.domain.plan_forms import (
    activity_when,
    deputy_title,
    document_word,
    head_title,
    signature_name,
)
from metodesk.i18n.dates import (
    KK_MONTHS,
    RU_MONTHS_GENITIVE,
    blank_date_line,
    official_date,
    protocol_reference,
    short_date,
)
from metodesk.reports.attestation_words import CATEGORIES, window_text
from metodesk.reports.lesson_words import KINDS, STATUSES

if TYPE_CHECKING:
    from metodesk.domain.rows.plan import (
        PlanData,
        PrintedActivity,
        ScheduledAttestation,
        ScheduledLesson,
        ScheduledMeeting,
        ScheduledPair,
    )

LABELS: dict[str, dict[str, str]] = {
    "kk": {
        "approve": "БЕКІТЕМІН",
        "agreed": "Келісілді",
        "reviewed": "Қаралды",
        "reviewed_at": "{abbr} отырысында",
        "protocol": "№ {number} хаттама",
        "protocol_date": "{date}",
        "blank_protocol": "№ ___ хаттама",
        "blank_date": "«___» ________ 20__ ж.",
        "title": "ЖҰМЫС ЖОСПАРЫ",
        "subtitle": "{year} оқу жылына арналған",
        "doc_title": "{association}: {year} оқу жылына арналған жұмыс жоспары",
        "analysis": "Өткен оқу жылының талдауы",
        "theme": "Әдістемелік тақырып:",
        "goal": "Мақсаты:",
        "tasks": "Міндеттері:",
        "activities": "Іс-шаралар жоспары",
        "no": "№",
        "content": "Мазмұны",
        "form": "Өткізу түрі",
        "direction": "Бағыты",
        "when": "Мерзімі",
        "responsible": "Жауапты",
        "expected": "Күтілетін нәтиже",
        "status": "Орындалуы",
        "carried": "(өткен жылдан ауыстырылды)",
        "done_at": "орындалды, № {number} хаттама",
        "meetings": "Әдістемелік бірлестік отырыстарының кестесі",
        "date": "Өтетін күні",
        "agenda": "Күн тәртібі",
        "mark": "Белгі",
        "held": "өткізілді",
        "planned": "жоспарланған",
        "review_title": "Алдыңғы отырыс шешімдерінің орындалуы туралы",
        "done_lesson": "орындалды: {kind}, {date}",
        "done_mentoring": "орындалды: тәлімгерлік кездесу, {date}",
        "lessons": "Ашық сабақтар кестесі",
        "teacher": "Мұғалім",
        "class": "Сынып",
        "topic": "Сабақтың тақырыбы",
        "kind": "Түрі",
        "pairs": "Тәлімгерлік: тәлімгерлер мен жас мамандар",
        "mentor": "Тәлімгер",
        "mentee": "Тәлімгерлік алушы",
        "period": "Кезеңі",
        "attestations": "{year} оқу жылында педагогтерді аттестаттау",
        "pedagog": "Педагог",
        "category": "Қазіргі санаты",
        "due": "Мерзімі",
        "target": "Мәлімделген санат",
        "overdue": "мерзімі өтіп кетті",
        "leader": "{abbr} жетекшісі:",
        "signature": "(қолы)",
    },
    "ru": {
        "approve": "УТВЕРЖДАЮ",
        "agreed": "Согласовано",
        "reviewed": "Рассмотрено",
        "reviewed_at": "на заседании {abbr}",
        "protocol": "протокол № {number}",
        "protocol_date": "от {date}",
        "blank_protocol": "протокол № ___",
        "blank_date": "от «___» _______ 20__ г.",
        "title": "ПЛАН РАБОТЫ",
        "subtitle": "на {year} учебный год",
        "doc_title": "{association}: план работы на {year} учебный год",
        "analysis": "Анализ работы за прошлый учебный год",
        "theme": "Методическая тема:",
        "goal": "Цель:",
        "tasks": "Задачи:",
        "activities": "План мероприятий",
        "no": "№",
        "content": "Содержание",
        "form": "Форма проведения",
        "direction": "Направление",
        "when": "Сроки",
        "responsible": "Ответственные",
        "expected": "Ожидаемый результат",
        "status": "Отметка о выполнении",
        "carried": "(перенесено с прошлого года)",
        "done_at": "выполнено, протокол № {number}",
        "meetings": "График заседаний методического объединения",
        "date": "Дата",
        "agenda": "Повестка дня",
        "mark": "Отметка",
        "held": "проведено",
        "planned": "запланировано",
        "review_title": "О выполнении решений предыдущего заседания",
        "done_lesson": "выполнено: {kind}, {date}",
        "done_mentoring": "выполнено: встреча наставника, {date}",
        "lessons": "График открытых уроков",
        "teacher": "Учитель",
        "class": "Класс",
        "topic": "Тема урока",
        "kind": "Вид",
        "pairs": "Наставничество: наставники и молодые специалисты",
        "mentor": "Наставник",
        "mentee": "Наставляемый",
        "period": "Период",
        "attestations": "Аттестация педагогов в {year} учебном году",
        "pedagog": "Педагог",
        "category": "Текущая категория",
        "due": "Срок",
        "target": "Заявленная категория",
        "overdue": "срок истёк",
        "leader": "Руководитель {abbr}:",
        "signature": "(подпись)",
    },
}

# How a document names the association in "reviewed at the ӘБ meeting".
ABBREVIATIONS = {
    "kk": {"tvet": "ОӘБ", "cycle_commission": "ПЦК", "": "ӘБ"},
    "ru": {"tvet": "УМО", "cycle_commission": "ПЦК", "": "МО"},
}

ACTIVITY_COLUMNS = ("no", "content", "form", "direction", "when", "responsible", "expected", "status")
MEETING_COLUMNS = ("no", "date", "agenda", "mark")
LESSON_COLUMNS = ("no", "date", "teacher", "class", "topic", "kind", "mark")
PAIR_COLUMNS = ("no", "mentor", "mentee", "period")
ATTESTATION_COLUMNS = ("no", "pedagog", "category", "due", "target")
# Widths in mm on landscape A4 (262 mm in all); the centred columns.
LESSON_WIDTHS, LESSON_CENTRED = (10, 24, 38, 16, 104, 38, 32), {0, 1, 3}
PAIR_WIDTHS, PAIR_CENTRED = (10, 90, 90, 72), {0, 3}
ATTESTATION_WIDTHS, ATTESTATION_CENTRED = (10, 80, 55, 62, 55), {0}
BLANK_NAME = "_" * 18
CABINET_HEAD = {
    "kk": "Аудандық әдістемелік кабинеттің меңгерушісі",
    "ru": "Заведующий районным методическим кабинетом",
}
SIGN_LINE = "_" * 9


def abbreviation(association_kind: str, lang: str) -> str:
    table = ABBREVIATIONS[lang]
    return table.get(association_kind, table[""])


def keep_year(line: str) -> str:
    """No line break between the year and 'ж.' / 'г.'."""
    return line.replace(" ж.", "\u00a0ж.").replace(" г.", "\u00a0г.")


def date_line(value: dt.date | None, lang: str) -> str:
    """'«30» тамыз 2025 ж.' / '«30» августа 2025 г.', or the blank line to fill by hand."""
    if value is None:
        return keep_year(blank_date_line(lang))
    if lang == "kk":
        return keep_year(f"«{value.day:02d}» {KK_MONTHS[value.month - 1][0]} {value.year} ж.")
    return keep_year(f"«{value.day:02d}» {RU_MONTHS_GENITIVE[value.month - 1]} {value.year} г.")


@dataclass(frozen=True)
class Block:
    """A block of the title page, top to bottom: its heading, lines that may
    wrap, the person who signs (None for no signature line) and the date line.
    Names and dates are kept whole on their line."""

    heading: str
    lines: tuple[str, ...]
    signer: str | None
    date: str


def approval_block(data: PlanData, lang: str) -> Block:
    """БЕКІТЕМІН / УТВЕРЖДАЮ: title, signature line and name, date. Filled from
    the approval once approved; before that the organisation's head is named
    and the date is left to write by hand."""
    if data.approved:
        title, name, when = data.approved_title, data.approved_name, data.approved_on
    elif data.association_level == "district":
        # a district association answers to the district methodical cabinet, not the host school
        return Block(LABELS[lang]["approve"], (CABINET_HEAD[lang],), BLANK_NAME, date_line(None, lang))
    else:
        title, name, when = data.head_title, data.head_name, None
    return Block(
        LABELS[lang]["approve"],
        (head_title(title, data.organisation_kind, lang),),
        signature_name(name) if name.strip() else BLANK_NAME,
        date_line(when, lang),
    )


def agreement_block(data: PlanData, lang: str) -> Block | None:
    """КЕЛІСІЛДІ / СОГЛАСОВАНО with the deputy; None when there is nothing to
    print (no agreement, and no deputy known or the plan approved without one)."""
    if data.agreed_on is not None:
        title, name, when = data.agreed_title, data.agreed_name, data.agreed_on
    elif data.deputy_name and not data.approved and data.association_level != "district":
        title, name, when = "", data.deputy_name, None
    else:
        return None
    return Block(
        LABELS[lang]["agreed"],
        (deputy_title(title, lang),),
        signature_name(name) if name.strip() else BLANK_NAME,
        date_line(when, lang),
    )


def review_block(data: PlanData, lang: str) -> Block:
    """Қаралды / Рассмотрено: at the association meeting, the protocol's number,
    its date (or blanks to fill by hand while the plan is not reviewed)."""
    words = LABELS[lang]
    at = words["reviewed_at"].format(abbr=abbreviation(data.association_kind, lang))
    if data.review_number is not None and data.review_date is not None:
        protocol = words["protocol"].format(number=data.review_number)
        when = words["protocol_date"].format(date=official_date(data.review_date, lang))
    else:
        protocol, when = words["blank_protocol"], words["blank_date"]
    return Block(words["reviewed"], (at, protocol), None, keep_year(when))


def review_line(data: PlanData, lang: str) -> str:
    """The review as one line: 'Қаралды: ӘБ отырысында, № 1 хаттама, 2025 жылғы 28 тамыз' /
    'Рассмотрено на заседании МО, протокол № 1 от 28 августа 2025 г.'."""
    block = review_block(data, lang)
    heading = block.heading
    at, protocol = block.lines
    when = block.date.replace("\u00a0", " ")
    if data.review_number is not None and data.review_date is not None:
        reference = protocol_reference(data.review_number, data.review_date, lang)
    else:
        reference = f"{protocol} {when}" if lang == "ru" else f"{protocol}, {when}"
    return f"{heading}: {at}, {reference}" if lang == "kk" else f"{heading} {at}, {reference}"


def title(data: PlanData, lang: str) -> str:
    return LABELS[lang]["title"]


KK_VOWELS = "аәеоөұүыіэюяи"
KK_FRONT = "әеөүіэи"
KK_AFTER_N = KK_VOWELS.replace("и", "") + "мнң"  # -ның / -нің
KK_AFTER_D = "лрйужзи"  # -дың / -дің; after any other consonant -тың / -тің


def genitive(phrase: str) -> str | None:
    """The Kazakh genitive of a name by its last word ('…бірлестігі' →
    '…бірлестігінің', '…ауыл' → '…ауылдың', '…мектеп' → '…мектептің'), or None
    when it does not end in a Kazakh word (a quote, a number, Latin letters)."""
    word = phrase.rstrip().rsplit(" ", 1)[-1].lower()
    if not word or not ("а" <= word[-1] <= "я" or word[-1] in "әғқңөұүһіё"):
        return None
    vowels = [c for c in word if c in KK_VOWELS]
    front = bool(vowels) and vowels[-1] in KK_FRONT
    last = word[-1]
    if last in KK_AFTER_N:
        ending = "нің" if front else "ның"
    elif last in KK_AFTER_D:
        ending = "дің" if front else "дың"
    else:
        ending = "тің" if front else "тың"
    return phrase.rstrip() + ending


def heading_lines(data: PlanData, lang: str) -> list[tuple[str, bool]]:
    """The plan's heading as (line, is_title), top to bottom. In Kazakh the
    association is named in the genitive before what it owns: '…бірлестігінің /
    2025-2026 оқу жылына арналған / ЖҰМЫС ЖОСПАРЫ'; in Russian 'ПЛАН РАБОТЫ'
    follows the association and the year comes last."""
    association = data.association(lang)
    owner = genitive(association) if lang == "kk" else None
    if owner is not None:
        return [(owner, False), (subtitle(data, lang), False), (title(data, lang), True)]
    return [(association, False), (title(data, lang), True), (subtitle(data, lang), False)]


def subtitle(data: PlanData, lang: str) -> str:
    return LABELS[lang]["subtitle"].format(year=data.year_name)


def document_title(data: PlanData, lang: str) -> str:
    """The title in the file's metadata."""
    return LABELS[lang]["doc_title"].format(association=data.association(lang), year=data.year_name)


def activity_columns(data: PlanData) -> tuple[str, ...]:
    """The activities table's columns: without "status" when printed for approval."""
    return ACTIVITY_COLUMNS if data.progress else ACTIVITY_COLUMNS[:-1]


def meeting_columns(data: PlanData) -> tuple[str, ...]:
    """The meetings' schedule columns: without the held/planned mark when printed for approval."""
    return MEETING_COLUMNS if data.progress else MEETING_COLUMNS[:-1]


def headers(columns: tuple[str, ...], lang: str) -> list[str]:
    return [LABELS[lang][c] for c in columns]


def activity_cells(a: PrintedActivity, lang: str) -> list[str]:
    """The eight cells of an activity's row, as text ('' for an empty one)."""
    words = LABELS[lang]
    content = f"{a.content} {words['carried']}" if a.carried_over else a.content
    form = document_word(a.form, lang) if a.form else a.form_text
    responsible = ", ".join(p for p in (*a.responsible, a.responsible_text) if p)
    if a.status == "done" and a.meeting_number is not None:
        status = words["done_at"].format(number=a.meeting_number)
    elif a.status == "done" and a.lesson_date is not None:
        kind = KINDS[lang].get(a.lesson_kind, KINDS[lang]["open_lesson"]).lower()
        status = words["done_lesson"].format(kind=kind, date=short_date(a.lesson_date))
    elif a.status == "done" and a.mentoring_date is not None:
        status = words["done_mentoring"].format(date=short_date(a.mentoring_date))
    else:
        word = document_word(a.status, lang)
        status = f"{word} ({a.status_note})" if word and a.status_note else word or a.status_note
    return [
        str(a.number),
        content,
        form,
        document_word(a.direction, lang),
        activity_when(a.start_date, a.end_date, a.months, lang),
        responsible,
        a.expected,
        status,
    ]


def topics(meeting: ScheduledMeeting, lang: str) -> list[str]:
    """The meeting's agenda as numbered lines ('1. …'); the review item without
    a title gets the usual wording, as the protocol prints it."""
    lines = []
    for number, topic in enumerate(meeting.topics, start=1):
        text = topic.title.strip() or (LABELS[lang]["review_title"] if topic.kind == "review" else "")
        lines.append(f"{number}. {text}".rstrip())
    return lines


def leader_line(data: PlanData, lang: str) -> tuple[str, str]:
    """'ӘБ жетекшісі:' and the leader's signature name (or a blank to fill)."""
    label = LABELS[lang]["leader"].format(abbr=abbreviation(data.association_kind, lang))
    return label, signature_name(data.leader) if data.leader else BLANK_NAME


def lesson_cells(number: int, lesson: ScheduledLesson, lang: str) -> list[str]:
    """№ | date | teacher | class | topic (with the subject) | kind | mark."""
    subject = (
        (lesson.subject_ru or lesson.subject_kk) if lang == "ru" else (lesson.subject_kk or lesson.subject_ru)
    )
    topic = f"{subject}: {lesson.topic}" if subject and lesson.topic else subject or lesson.topic
    return [
        str(number),
        short_date(lesson.date),
        lesson.teacher,
        lesson.class_name,
        topic,
        KINDS[lang].get(lesson.kind, ""),
        STATUSES[lang].get(lesson.status, ""),
    ]


def _period(start: dt.date | None, end: dt.date | None) -> str:
    if start and end:
        return f"{short_date(start)} – {short_date(end)}"
    return short_date(start) if start else short_date(end) if end else ""


def pair_cells(number: int, pair: ScheduledPair, lang: str) -> list[str]:
    """№ | mentor | mentee | period."""
    return [str(number), pair.mentor, pair.mentee, _period(pair.start_date, pair.end_date)]


def attestation_cells(number: int, row: ScheduledAttestation, lang: str) -> list[str]:
    """№ | teacher | current category | due (window, or 'overdue') | category applied for."""
    if row.overdue:
        due = LABELS[lang]["overdue"]
    else:
        due = window_text(row.window, row.year_start, lang) or f"{row.year_start}-{row.year_start + 1}"
    return [
        str(number),
        row.teacher,
        CATEGORIES[lang].get(row.category, ""),
        due,
        CATEGORIES[lang].get(row.target, "") if row.target else "",
    ]


def attestations_heading(data: PlanData, lang: str) -> str:
    year = data.attestation_year
    return LABELS[lang]["attestations"].format(year=f"{year}-{year + 1}" if year else data.year_name)


Schedule = tuple[str, tuple[str, ...], list[list[str]], tuple[int, ...], set[int]]


def extra_schedules(data: PlanData, lang: str) -> list[Schedule]:
    """The schedules after the meetings' one, each as (heading, column keys,
    rows of cell texts, widths in mm, centred columns); an empty one is left out."""
    found: list[Schedule] = []
    if data.lessons:
        rows = [lesson_cells(n, r, lang) for n, r in enumerate(data.lessons, start=1)]
        if data.progress:
            found.append((LABELS[lang]["lessons"], LESSON_COLUMNS, rows, LESSON_WIDTHS, LESSON_CENTRED))
        else:  # for approval: no mark of what was held; the topic takes its room
            widths = (*LESSON_WIDTHS[:4], LESSON_WIDTHS[4] + LESSON_WIDTHS[6], LESSON_WIDTHS[5])
            rows = [row[:-1] for row in rows]
            found.append((LABELS[lang]["lessons"], LESSON_COLUMNS[:-1], rows, widths, LESSON_CENTRED))
    if data.pairs:
        rows = [pair_cells(n, r, lang) for n, r in enumerate(data.pairs, start=1)]
        found.append((LABELS[lang]["pairs"], PAIR_COLUMNS, rows, PAIR_WIDTHS, PAIR_CENTRED))
    if data.attestations:
        rows = [attestation_cells(n, r, lang) for n, r in enumerate(data.attestations, start=1)]
        found.append(
            (
                attestations_heading(data, lang),
                ATTESTATION_COLUMNS,
                rows,
                ATTESTATION_WIDTHS,
                ATTESTATION_CENTRED,
            )
        )
    return found
