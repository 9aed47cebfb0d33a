"""The Kazakh and Russian words of the growth documents (the teacher's
methodical portfolio and the course-needs plan), shared by the PDF, DOCX and
XLSX builders: titles, headings, column headers and the names of the growth
codes (docs/domain/glossary.md). Documents are printed in their own language, chosen when
built, so these words live here rather than in gettext. Pure Python."""

from __future__ import annotations

import datetime as dt

from metodesk.i18n.dates import short_date

LEVELS = {
    "kk": {
        "school": "мектепішілік",
        "district": "аудандық (қалалық)",
        "region": "облыстық",
        "republic": "республикалық",
        "international": "халықаралық",
    },
    "ru": {
        "school": "школьный",
        "district": "районный (городской)",
        "region": "областной",
        "republic": "республиканский",
        "international": "международный",
    },
}
FORMS = {
    "kk": {
        "seminar": "семинар",
        "workshop": "практикум",
        "master_class": "шеберлік сынып",
        "conference": "конференция",
        "creative_group": "шығармашылық топ",
        "subject_week": "пән апталығы",
        "teacher_competition": "педагогтер байқауы",
        "round_table": "дөңгелек үстел",
        "methodical_landing": "әдістемелік десант",
        "other": "басқа",
    },
    "ru": {
        "seminar": "семинар",
        "workshop": "практикум",
        "master_class": "мастер-класс",
        "conference": "конференция",
        "creative_group": "творческая группа",
        "subject_week": "предметная неделя",
        "teacher_competition": "конкурс педагогов",
        "round_table": "круглый стол",
        "methodical_landing": "методический десант",
        "other": "другое",
    },
}
ROLES = {
    "kk": {"speaker": "баяндамашы", "participant": "қатысушы", "organiser": "ұйымдастырушы"},
    "ru": {"speaker": "докладчик", "participant": "участник", "organiser": "организатор"},
}
STAGES = {
    "kk": {
        "study": "теорияны зерделеу",
        "practice": "тәжірибеде қолдану",
        "generalisation": "нәтижелерді жалпылау",
        "spreading": "тәжірибені тарату",
    },
    "ru": {
        "study": "изучение теории",
        "practice": "практическое применение",
        "generalisation": "обобщение результатов",
        "spreading": "распространение опыта",
    },
}
REPORT_FORMS = {
    "kk": {
        "report": "баяндама",
        "open_lesson": "ашық сабақ",
        "master_class": "шеберлік сынып",
        "presentation": "таныстырылым",
        "publication": "жарияланым",
    },
    "ru": {
        "report": "доклад",
        "open_lesson": "открытый урок",
        "master_class": "мастер-класс",
        "presentation": "презентация",
        "publication": "публикация",
    },
}
HEARD_AT = {
    "kk": {
        "association": "ӘБ отырысында",
        "methodical_council": "әдістемелік кеңесте",
        "pedagogical_council": "педагогикалық кеңесте",
        "seminar": "семинарда",
    },
    "ru": {
        "association": "на заседании МО",
        "methodical_council": "на методическом совете",
        "pedagogical_council": "на педагогическом совете",
        "seminar": "на семинаре",
    },
}
RESULTS = {
    "kk": {
        "first": "I орын",
        "second": "II орын",
        "third": "III орын",
        "diploma": "диплом (мақтау қағазы)",
        "participant": "қатысу",
    },
    "ru": {
        "first": "1 место",
        "second": "2 место",
        "third": "3 место",
        "diploma": "диплом (грамота)",
        "participant": "участие",
    },
}
BASES = {
    "kk": {"regular": "кезекті", "early": "мерзімінен бұрын", "confirmation": "растау"},
    "ru": {"regular": "очередная", "early": "досрочная", "confirmation": "подтверждение"},
}
NOTHING = {"kk": "Жазба жоқ.", "ru": "Записей нет."}


def word(table: dict[str, dict[str, str]], code: str, lang: str) -> str:
    """A code's name in the document's language; an unknown code as it is stored."""
    return table[lang].get(code, code)


def dates_text(start: dt.date, end: dt.date | None) -> str:
    """'02.03.2026' or '02.03.2026 – 06.03.2026'."""
    return short_date(start) if end is None or end == start else f"{short_date(start)} – {short_date(end)}"


def years_count(n: int, lang: str) -> str:
    """'12 жыл' / '1 год', '3 года', '12 лет'."""
    if lang == "kk":
        return f"{n} жыл"
    if n % 10 == 1 and n % 100 != 11:
        return f"{n} год"
    if n % 10 in (2, 3, 4) and n % 100 not in (12, 13, 14):
        return f"{n} года"
    return f"{n} лет"
