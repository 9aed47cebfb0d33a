"""Coded values of the annual association plan (docs/domain/order-253.md, 'Annual plans').

- ``WorkForm``: the forms of collective methodical work of Order No. 253
  item 20 (a plan activity's "form"; the user may type another one instead).
- ``SchoolDirection`` (item 10, schools and preschools) and ``CollegeDirection``
  (item 11, TVET): a plan activity's "direction of work".
- ``ActivityStatus`` and ``PlanStatus``.

Labels (``.label``) are in the window's language. A printed plan is in Kazakh
or Russian whatever the window speaks, so the document wording of forms,
directions and statuses lives here too, in ``DOCUMENT_WORDS``; and
``activity_when`` writes an activity's date or months in either language.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from metodesk.domain.enums import LabelledEnum, OrgKind, register_labels
from metodesk.i18n import N_
from metodesk.i18n.dates import month_name, short_date

# Months of an academic year in order: the August meeting opens it, June closes
# the working period (domain.rules.meeting_date_window), July is the holiday.
ACADEMIC_MONTHS: tuple[int, ...] = (8, 9, 10, 11, 12, 1, 2, 3, 4, 5, 6, 7)
TEACHING_MONTHS: frozenset[int] = frozenset((9, 10, 11, 12, 1, 2, 3, 4, 5))


class WorkForm(LabelledEnum):
    """Order No. 253 item 20, in the Order's order; then the open lesson and
    the mutual visit of lessons (docs/domain/order-253.md, 'Open lessons'), coded so that a plan
    prints them in the document's language, not as typed in the other one."""

    ASSOCIATION_MEETING = "association_meeting"
    BEST_PRACTICE_SCHOOL = "best_practice_school"
    MASTER_CLASS = "master_class"
    PILOT_SITE = "pilot_site"
    CASE = "case"
    CREATIVE_LAB = "creative_lab"
    INSTRUCTIVE_MEETING = "instructive_meeting"
    SEMINAR = "seminar"
    CONFERENCE = "conference"
    CREATIVE_SESSION = "creative_session"
    METHODICAL_LANDING = "methodical_landing"
    CONSILIUM = "consilium"
    INTERNSHIP = "internship"
    OPEN_LESSON = "open_lesson"
    MUTUAL_VISIT = "mutual_visit"


register_labels(
    WorkForm,
    {
        "association_meeting": N_("Association meeting"),
        "best_practice_school": N_("School of best (innovative) practice"),
        "master_class": N_("Master class"),
        "pilot_site": N_("Pilot site"),
        "case": N_("Case"),
        "creative_lab": N_("Creative laboratory"),
        "instructive_meeting": N_("Instructive-methodical meeting"),
        "seminar": N_("Seminar"),
        "conference": N_("Conference"),
        "creative_session": N_("Creative session"),
        "methodical_landing": N_("Methodical landing"),
        "consilium": N_("Methodical consilium"),
        "internship": N_("Methodical internship"),
        "open_lesson": N_("Open lesson"),
        "mutual_visit": N_("Mutual visit"),
    },
)


class SchoolDirection(LabelledEnum):
    """Order No. 253 item 10: directions of methodical work in schools and preschools."""

    THEORY = "theory"
    NORMATIVE = "normative"
    FORMS_METHODS = "forms_methods"
    BEST_PRACTICE = "best_practice"
    OLYMPIADS = "olympiads"
    QUALITY = "quality"
    ATTESTATION = "attestation"
    MATERIALS = "materials"


register_labels(
    SchoolDirection,
    {
        "theory": N_("Theory and effective methods"),
        "normative": N_("Normative documents"),
        "forms_methods": N_("Forms and methods of teaching and upbringing"),
        "best_practice": N_("Best and innovative practice"),
        "olympiads": N_("Forms of methodical work, olympiads and competitions"),
        "quality": N_("Analysis of teaching quality and results"),
        "attestation": N_("Teacher attestation"),
        "materials": N_("Methodical materials"),
    },
)


class CollegeDirection(LabelledEnum):
    """Order No. 253 item 11: directions of methodical work in TVET colleges."""

    NORMATIVE_ACTS = "tvet_normative"
    PROGRAMMES = "tvet_programmes"
    LABOUR_MARKET = "tvet_labour_market"
    RESULTS = "tvet_results"
    MENTORING = "tvet_mentoring"
    LESSONS = "tvet_lessons"
    COMPETITIONS = "tvet_competitions"
    LITERATURE = "tvet_literature"
    COOPERATION = "tvet_cooperation"


register_labels(
    CollegeDirection,
    {
        "tvet_normative": N_("Normative acts of curricular materials"),
        "tvet_programmes": N_("Curricula and their introduction"),
        "tvet_labour_market": N_("Programme changes for the labour market"),
        "tvet_results": N_("Analysis of control results and knowledge quality"),
        "tvet_mentoring": N_("Pedagogical mentoring"),
        "tvet_lessons": N_("Mutual lesson visits, open lessons, best practice"),
        "tvet_competitions": N_("Skills competitions, seminars, conferences"),
        "tvet_literature": N_("Reviews of literature and methodical materials"),
        "tvet_cooperation": N_("Effective forms of work and mutual help"),
    },
)


class ActivityStatus(LabelledEnum):
    PLANNED = "planned"
    DONE = "done"
    MOVED = "moved"
    CANCELLED = "cancelled"


register_labels(
    ActivityStatus,
    {
        "planned": N_("Planned"),
        "done": N_("Done"),
        "moved": N_("Moved"),
        "cancelled": N_("Cancelled"),
    },
)


class PlanStatus(LabelledEnum):
    """Draft → reviewed at a meeting → agreed with the deputy (optional) →
    approved by the head. An approved plan is locked until reopened."""

    DRAFT = "draft"
    REVIEWED = "reviewed"
    AGREED = "agreed"
    APPROVED = "approved"

    @property
    def locked(self) -> bool:
        return self is PlanStatus.APPROVED


register_labels(
    PlanStatus,
    {
        "draft": N_("Draft"),
        "reviewed": N_("Reviewed at a meeting"),
        "agreed": N_("Agreed with the deputy"),
        "approved": N_("Approved"),
    },
)


def directions_for(org_kind: str) -> type[SchoolDirection] | type[CollegeDirection]:
    """Item 11's directions for a college, item 10's for every other organisation."""
    return CollegeDirection if org_kind == OrgKind.COLLEGE.value else SchoolDirection


def direction_label(code: str) -> str:
    """The window-language name of a direction code of either list ('' for none)."""
    for enum_type in (SchoolDirection, CollegeDirection):
        if code in enum_type._value2member_map_:
            return enum_type(code).label
    return ""


# The wording printed on the plan, in the document's language.
DOCUMENT_WORDS: dict[str, dict[str, str]] = {
    "kk": {
        # forms (item 20)
        "association_meeting": "ӘБ отырысы",
        "best_practice_school": "Озық (инновациялық) тәжірибе мектебі",
        "master_class": "Шеберлік сынып",
        "pilot_site": "Сынақ алаңы",
        "case": "Кейс",
        "creative_lab": "Шығармашылық зертхана",
        "instructive_meeting": "Нұсқаулық-әдістемелік мәжіліс",
        "seminar": "Семинар",
        "conference": "Конференция",
        "creative_session": "Креативті сессия",
        "methodical_landing": "Әдістемелік десант",
        "consilium": "Әдістемелік консилиум",
        "internship": "Әдістемелік тағылымдама",
        "open_lesson": "Ашық сабақ",
        "mutual_visit": "Сабаққа өзара қатысу",
        # directions (item 10)
        "theory": "Ғылыми-теориялық негіздерді және тиімді әдістерді меңгеру",
        "normative": "Нормативтік құжаттармен танысу",
        "forms_methods": "Оқыту, сыныптан тыс және тәрбие жұмысының нысандары мен әдістерін зерделеу",
        "best_practice": "Үздік, жаңашыл тәжірибені пайдалану",
        "olympiads": "Әдістемелік жұмыс нысандарын дайындау және өткізу (олимпиадалар, конкурстар)",
        "quality": "Оқыту және тәрбиелеу сапасын талдау",
        "attestation": "Педагогтерді аттестаттауға қатысу",
        "materials": "Әдістемелік материалдарды әзірлеу",
        # directions (item 11)
        "tvet_normative": "Оқу-бағдарламалық материалдардың нормативтік актілерін талдау",
        "tvet_programmes": "Оқу бағдарламаларын талдау және оқу процесіне енгізу",
        "tvet_labour_market": "Еңбек нарығының талаптарына сай бағдарламаларға өзгерістер енгізу",
        "tvet_results": "Бақылау қорытындыларын және білім сапасын талдау",
        "tvet_mentoring": "Педагогикалық тәлімгерлік",
        "tvet_lessons": "Сабаққа өзара қатысу, ашық сабақтар, озық тәжірибе",
        "tvet_competitions": "Кәсіби шеберлік конкурстары, семинарлар, конференциялар",
        "tvet_literature": "Әдебиеттер мен әдістемелік әзірлемелерге шолу",
        "tvet_cooperation": "Еңбекті ұйымдастыру мен өзара көмектің тиімді нысандары",
        # statuses
        "planned": "",
        "done": "орындалды",
        "moved": "ауыстырылды",
        "cancelled": "бас тартылды",
        "year_long": "оқу жылы бойы",
    },
    "ru": {
        "association_meeting": "Заседание МО",
        "best_practice_school": "Школа передового (инновационного) опыта",
        "master_class": "Мастер-класс",
        "pilot_site": "Пилотная площадка",
        "case": "Кейс",
        "creative_lab": "Творческая лаборатория",
        "instructive_meeting": "Инструктивно-методическое совещание",
        "seminar": "Семинар",
        "conference": "Конференция",
        "creative_session": "Креативная сессия",
        "methodical_landing": "Методический десант",
        "consilium": "Методический консилиум",
        "internship": "Методическая стажировка",
        "open_lesson": "Открытый урок",
        "mutual_visit": "Взаимопосещение уроков",
        "theory": "Освоение теоретических основ и эффективных методов",
        "normative": "Изучение нормативных документов",
        "forms_methods": "Изучение форм и методов обучения, внеклассной и воспитательной работы",
        "best_practice": "Использование передового и инновационного опыта",
        "olympiads": "Подготовка и проведение форм методической работы (олимпиады, конкурсы)",
        "quality": "Анализ качества обучения и воспитания",
        "attestation": "Участие в аттестации педагогов",
        "materials": "Разработка методических материалов",
        "tvet_normative": "Анализ нормативных актов учебно-программных материалов",
        "tvet_programmes": "Анализ учебных программ и внедрение их в учебный процесс",
        "tvet_labour_market": "Изменения в программах с учётом требований рынка труда",
        "tvet_results": "Анализ итогов контроля и качества знаний",
        "tvet_mentoring": "Педагогическое наставничество",
        "tvet_lessons": "Взаимопосещение, открытые уроки, передовой опыт",
        "tvet_competitions": "Конкурсы профессионального мастерства, семинары, конференции",
        "tvet_literature": "Обзор литературы и методических разработок",
        "tvet_cooperation": "Эффективные формы организации труда и взаимопомощи",
        "planned": "",
        "done": "выполнено",
        "moved": "перенесено",
        "cancelled": "отменено",
        "year_long": "в течение учебного года",
    },
}

# Titles as they are usually typed, with their other-language form, so a Kazakh
# title prints right on a Russian plan and the other way round.
HEAD_TITLES: tuple[tuple[str, str], ...] = (
    ("Мектеп директоры", "Директор школы"),
    ("Колледж директоры", "Директор колледжа"),
    ("Балабақша меңгерушісі", "Заведующая детским садом"),
    ("Ұйым басшысы", "Руководитель организации"),
    ("Директор", "Директор"),
)
DEPUTY_TITLES: tuple[tuple[str, str], ...] = (
    ("Директордың оқу ісі жөніндегі орынбасары", "Заместитель директора по учебной работе"),
    (
        "Директордың оқу-әдістемелік жұмыс жөніндегі орынбасары",
        "Заместитель директора по учебно-методической работе",
    ),
    ("Директордың орынбасары", "Заместитель директора"),
)
DEFAULT_HEAD_TITLE = {
    OrgKind.COLLEGE.value: HEAD_TITLES[1],
    OrgKind.PRESCHOOL.value: HEAD_TITLES[2],
}


def document_word(code: str, lang: str) -> str:
    """The printed wording of a form, direction or status code ('' when unknown)."""
    return DOCUMENT_WORDS.get(lang, DOCUMENT_WORDS["kk"]).get(code, "")


def _title(typed: str, pairs: tuple[tuple[str, str], ...], default: tuple[str, str], lang: str) -> str:
    typed = typed.strip()
    index = 1 if lang == "ru" else 0
    for pair in pairs:
        if typed.casefold() in (pair[0].casefold(), pair[1].casefold()):
            return pair[index]
    return typed or default[index]


def head_title(typed: str, org_kind: str, lang: str) -> str:
    """The head's title for a document in ``lang``: what was typed, switched to
    the other language when it is a known title; the usual one when empty."""
    return _title(typed, HEAD_TITLES, DEFAULT_HEAD_TITLE.get(org_kind, HEAD_TITLES[0]), lang)


def deputy_title(typed: str, lang: str) -> str:
    """The deputy's title for a document in ``lang`` (as ``head_title``)."""
    return _title(typed, DEPUTY_TITLES, DEPUTY_TITLES[0], lang)


_INITIALS = re.compile(r"^(\w\.){1,3}$")


def signature_name(name: str) -> str:
    """'Сейітқали Бауыржан Ерланұлы' → 'Б.Е. Сейітқали', as a signature line
    names a person; a name already written with initials stays as it is."""
    words = name.split()
    if len(words) == 2 and _INITIALS.match(words[1]):  # 'Тегі А.Ә.' → 'А.Ә. Тегі'
        return f"{words[1]} {words[0]}"
    if len(words) < 2 or "." in name:
        return name.strip()
    initials = "".join(f"{w[0]}." for w in words[1:3])
    return f"{initials} {words[0]}"


def parse_months(text: str) -> tuple[int, ...]:
    """Stored months ('9,10') as numbers in academic order; ValueError when wrong."""
    numbers = {int(part) for part in text.replace(" ", "").split(",") if part}
    if any(not 1 <= n <= 12 for n in numbers):
        raise ValueError(text)
    return tuple(m for m in ACADEMIC_MONTHS if m in numbers)


def format_months(months: Iterable[int]) -> str:
    """Months as stored: academic order, comma-separated."""
    chosen = set(months)
    return ",".join(str(m) for m in ACADEMIC_MONTHS if m in chosen)


def month_span(month: int, first_year: int) -> tuple[dt.date, dt.date]:
    """The first and last day of ``month`` in the academic year that starts in
    ``first_year`` (August to December fall in that year, the rest in the next)."""
    year = first_year if month >= 8 else first_year + 1
    following = dt.date(year + (month == 12), month % 12 + 1, 1)
    return dt.date(year, month, 1), following - dt.timedelta(days=1)


def _month_runs(months: tuple[int, ...]) -> list[tuple[int, int]]:
    """Consecutive runs in academic order: (9, 10, 11, 1) → [(9, 11), (1, 1)]."""
    runs: list[tuple[int, int]] = []
    for m in months:
        if runs and ACADEMIC_MONTHS.index(m) == ACADEMIC_MONTHS.index(runs[-1][1]) + 1:
            runs[-1] = (runs[-1][0], m)
        else:
            runs.append((m, m))
    return runs


def months_text(months: tuple[int, ...], lang: str) -> str:
    """'қыркүйек', 'қыркүйек, қаңтар', 'қыркүйек–қараша'; the whole teaching
    year (September to May) is 'оқу жылы бойы' / 'в течение учебного года'."""
    if not months:
        return ""
    if TEACHING_MONTHS <= set(months) and lang in DOCUMENT_WORDS:
        return DOCUMENT_WORDS[lang]["year_long"]
    parts = []
    for first, last in _month_runs(months):
        if first == last:
            parts.append(month_name(first, lang))
        elif ACADEMIC_MONTHS.index(last) - ACADEMIC_MONTHS.index(first) == 1:
            parts.append(f"{month_name(first, lang)}, {month_name(last, lang)}")
        else:
            parts.append(f"{month_name(first, lang)}–{month_name(last, lang)}")
    return ", ".join(parts)


def activity_when(start: dt.date | None, end: dt.date | None, months: tuple[int, ...], lang: str) -> str:
    """An activity's time as a plan prints it: '28.08.2025', '01.10.2025–15.10.2025',
    or its months; '' when none is set (the caller prints a blank)."""
    if start is not None:
        if end is not None and end != start:
            return f"{short_date(start)}–{short_date(end)}"
        return short_date(start)
    return months_text(months, lang)
