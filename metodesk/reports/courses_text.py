"""What the course-needs plan says, in Kazakh or Russian, as plain text: the
title, three parts (no course in three years; due for attestation without a
course; the plan by year, a heading row for each year), their column headers
and widths (mm on a 165 mm portrait page; characters in a spreadsheet) and the
signature. The PDF, Word and XLSX builders only draw it. Pure Python."""

from __future__ import annotations

from dataclasses import dataclass

from metodesk.domain.attestation import year_name
from metodesk.domain.courses_plan import CoursesPlanData, NeedRow
from metodesk.domain.plan_forms import signature_name
from metodesk.i18n.dates import short_date
from metodesk.reports.attestation_words import CATEGORIES

WORDS = {
    "kk": {
        "title": "КУРСТЫҚ ДАЙЫНДЫҚ ЖОСПАРЫ",
        "years": "{first} – {last} оқу жылдарына",
        "file": "Курстық дайындық жоспары {first} – {last}",
        "no_course": "1. Соңғы үш жылда біліктілікті арттыру курсынан өтпеген педагогтер",
        "before": "2. Аттестаттауға дейін курстан өтуі керек педагогтер",
        "plan": "3. Курстық дайындықтың жылдар бойынша жоспары",
        "year": "{year} оқу жылы",
        "year_column": "Оқу жылы",
        "no": "№",
        "name": "Педагогтің тегі, аты, әкесінің аты",
        "subjects": "Пәні",
        "category": "Санаты",
        "last": "Соңғы курс (аяқталған күні)",
        "hours": "Сағаты (3 жыл)",
        "due": "Аттестаттау мерзімі",
        "note": "Ескертпе",
        "none": "Курс жоқ",
        "nobody": "Мұндай педагог жоқ.",
        "no_course_note": "3 жыл курссыз",
        "before_attestation_note": "аттестаттауға дейін",
        "cycle_note": "кезекті",
        "deputy": "Директордың оқу-әдістемелік жұмыс жөніндегі орынбасары",
        "caption": "(қолы)",
    },
    "ru": {
        "title": "ПЛАН КУРСОВОЙ ПОДГОТОВКИ",
        "years": "на {first} – {last} учебные годы",
        "file": "План курсовой подготовки {first} – {last}",
        "no_course": "1. Педагоги, не проходившие курсы повышения квалификации за последние три года",
        "before": "2. Педагоги, которым нужно пройти курсы до аттестации",
        "plan": "3. План курсовой подготовки по годам",
        "year": "{year} учебный год",
        "year_column": "Учебный год",
        "no": "№",
        "name": "Фамилия, имя, отчество педагога",
        "subjects": "Предмет",
        "category": "Категория",
        "last": "Последний курс (дата окончания)",
        "hours": "Часов (3 года)",
        "due": "Срок аттестации",
        "note": "Примечание",
        "none": "Курсов нет",
        "nobody": "Таких педагогов нет.",
        "no_course_note": "3 года без курсов",
        "before_attestation_note": "до аттестации",
        "cycle_note": "очередной",
        "deputy": "Заместитель директора по учебно-методической работе",
        "caption": "(подпись)",
    },
}
# № | name | subjects | category | last course | hours | attestation due: 165 mm
LIST_WIDTHS = (8, 36, 25, 22, 36, 14, 24)
# № | name | subjects | category | last course | attestation due | note: 165 mm
PLAN_WIDTHS = (8, 34, 23, 21, 33, 24, 22)
LIST_CENTERED = (0, 5, 6)
PLAN_CENTERED = (0, 5)


@dataclass(frozen=True)
class Part:
    heading: str
    header: tuple[str, ...]
    widths: tuple[float, ...]
    centered: tuple[int, ...]
    groups: tuple[tuple[str, tuple[tuple[str, ...], ...]], ...]  # (year heading or "", rows)


def _last(row: NeedRow, lang: str) -> str:
    if not row.last_course:
        return WORDS[lang]["none"]
    return f"{row.last_course} ({short_date(row.last_course_end)})"


def _cells(row: NeedRow, lang: str, number: int) -> list[str]:
    return [
        str(number),
        row.full_name,
        ", ".join(row.subjects(lang)),
        CATEGORIES[lang].get(row.category, row.category),
        _last(row, lang),
    ]


def parts(data: CoursesPlanData, lang: str) -> list[Part]:
    w = WORDS[lang]
    list_header = (w["no"], w["name"], w["subjects"], w["category"], w["last"], w["hours"], w["due"])
    plan_header = (w["no"], w["name"], w["subjects"], w["category"], w["last"], w["due"], w["note"])

    def listed(rows: tuple[NeedRow, ...]) -> tuple[tuple[str, ...], ...]:
        return tuple(
            (*_cells(r, lang, n), str(r.hours_in_three_years), short_date(r.attestation_due))
            for n, r in enumerate(rows, start=1)
        )

    groups = []
    for year in data.years:
        rows = tuple(
            (*_cells(r, lang, n), short_date(r.attestation_due), w[f"{r.reason}_note"])
            for n, r in enumerate(year.teachers, start=1)
        )
        groups.append((w["year"].format(year=year_name(year.start)), rows))
    return [
        Part(w["no_course"], list_header, LIST_WIDTHS, LIST_CENTERED, (("", listed(data.no_course)),)),
        Part(w["before"], list_header, LIST_WIDTHS, LIST_CENTERED, (("", listed(data.before_attestation)),)),
        Part(w["plan"], plan_header, PLAN_WIDTHS, PLAN_CENTERED, tuple(groups)),
    ]


def title(data: CoursesPlanData, lang: str) -> str:
    return WORDS[lang]["file"].format(first=year_name(data.first_year), last=year_name(data.last_year))


def years_line(data: CoursesPlanData, lang: str) -> str:
    return WORDS[lang]["years"].format(first=year_name(data.first_year), last=year_name(data.last_year))


def signer(data: CoursesPlanData, lang: str) -> tuple[str, str]:
    return WORDS[lang]["deputy"], signature_name(data.deputy_name) if data.deputy_name.strip() else ""
