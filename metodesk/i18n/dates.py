"""Dates as official Kazakh and Russian documents write them.

CLDR (through babel) gives the nominative Kazakh month; the locative ("dated")
and other case forms come from the table in docs/domain/glossary.md, 'Kazakh month forms', kept here.
"""

from __future__ import annotations

import datetime as dt

# nominative, "dated …" (locative + -ғы/-гі), "from …", "to …", short
KK_MONTHS: tuple[tuple[str, str, str, str, str], ...] = (
    ("қаңтар", "қаңтардағы", "қаңтардан", "қаңтарға", "қаң."),
    ("ақпан", "ақпандағы", "ақпаннан", "ақпанға", "ақп."),
    ("наурыз", "наурыздағы", "наурыздан", "наурызға", "нау."),
    ("сәуір", "сәуірдегі", "сәуірден", "сәуірге", "сәу."),
    ("мамыр", "мамырдағы", "мамырдан", "мамырға", "мам."),
    ("маусым", "маусымдағы", "маусымнан", "маусымға", "мау."),
    ("шілде", "шілдедегі", "шілдеден", "шілдеге", "шіл."),
    ("тамыз", "тамыздағы", "тамыздан", "тамызға", "там."),
    ("қыркүйек", "қыркүйектегі", "қыркүйектен", "қыркүйекке", "қыр."),
    ("қазан", "қазандағы", "қазаннан", "қазанға", "қаз."),
    ("қараша", "қарашадағы", "қарашадан", "қарашаға", "қар."),
    ("желтоқсан", "желтоқсандағы", "желтоқсаннан", "желтоқсанға", "жел."),
)

RU_MONTHS_GENITIVE: tuple[str, ...] = (
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
)
RU_MONTHS_NOMINATIVE: tuple[str, ...] = (
    "январь",
    "февраль",
    "март",
    "апрель",
    "май",
    "июнь",
    "июль",
    "август",
    "сентябрь",
    "октябрь",
    "ноябрь",
    "декабрь",
)
EN_MONTHS: tuple[str, ...] = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def official_date(value: dt.date, lang: str) -> str:
    """'2025 жылғы 28 тамыз' / '28 августа 2025 г.' / '28 August 2025'."""
    if lang == "kk":
        return f"{value.year} жылғы {value.day} {KK_MONTHS[value.month - 1][0]}"
    if lang == "ru":
        return f"{value.day} {RU_MONTHS_GENITIVE[value.month - 1]} {value.year} г."
    return f"{value.day} {EN_MONTHS[value.month - 1]} {value.year}"


def official_date_dated(value: dt.date, lang: str) -> str:
    """The attributive form: '2025 жылғы 28 тамыздағы' / 'от 28 августа 2025 г.'."""
    if lang == "kk":
        return f"{value.year} жылғы {value.day} {KK_MONTHS[value.month - 1][1]}"
    if lang == "ru":
        return f"от {official_date(value, 'ru')}"
    return f"of {official_date(value, 'en')}"


def protocol_reference(number: int | str, value: dt.date, lang: str) -> str:
    """How a document cites the meeting that reviewed it."""
    if lang == "kk":
        return f"№ {number} хаттама, {official_date(value, 'kk')}"
    if lang == "ru":
        return f"протокол № {number} от {official_date(value, 'ru')}"
    return f"protocol No. {number} of {official_date(value, 'en')}"


def blank_date_line(lang: str, year: int | None = None) -> str:
    """A date to be written by hand: '«___» __________ 2025 ж.'."""
    year_text = str(year) if year else "20__"
    suffix = {"kk": "ж.", "ru": "г."}.get(lang, "")
    return f"«___» __________ {year_text} {suffix}".rstrip()


def month_name(month: int, lang: str) -> str:
    """Month in the nominative, for schedules and plan columns."""
    if lang == "kk":
        return KK_MONTHS[month - 1][0]
    if lang == "ru":
        return RU_MONTHS_NOMINATIVE[month - 1]
    return EN_MONTHS[month - 1]


def short_date(value: dt.date | None) -> str:
    """The compact form used in tables on screen: 28.08.2025 (as strftime's
    "%d.%m.%Y", without its cost: a district's teachers' list makes 3,000)."""
    return f"{value.day:02d}.{value.month:02d}.{value.year}" if value else ""


def parse_short_date(text: str) -> dt.date | None:
    """Read 28.08.2025 (or 2025-08-28); None when empty; ValueError when wrong."""
    text = text.strip()
    if not text:
        return None
    for fmt in ("%d.%m.%Y", "%Y-%m-%d"):
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise ValueError(text)
