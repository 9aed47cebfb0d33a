"""The Kazakh and Russian words documents use about lessons: kinds, statuses,
positions, and how a class, a lesson period or a lesson as a whole is written.

Documents are printed in their own language, chosen when built, whatever the
window's language is, so these words live here rather than in gettext.
Pure Python: the protocol imports it without loading anything heavy.
"""

from __future__ import annotations

import datetime as dt
from typing import Protocol

KINDS: dict[str, dict[str, str]] = {
    "kk": {
        "open_lesson": "Ашық сабақ",
        "mutual_visit": "Сабаққа өзара қатысу",
        "master_class": "Шеберлік сынып",
        "lesson_study": "Сабақты зерттеу (Lesson Study)",
    },
    "ru": {
        "open_lesson": "Открытый урок",
        "mutual_visit": "Взаимопосещение урока",
        "master_class": "Мастер-класс",
        "lesson_study": "Исследование урока (Lesson Study)",
    },
}

STATUSES: dict[str, dict[str, str]] = {
    "kk": {
        "planned": "жоспарланған",
        "held": "өткізілді",
        "cancelled": "бас тартылды",
        "moved": "ауыстырылды",
    },
    "ru": {
        "planned": "запланировано",
        "held": "проведено",
        "cancelled": "отменено",
        "moved": "перенесено",
    },
}

# A teacher's position as an observation sheet names the observer.
POSITIONS: dict[str, dict[str, str]] = {
    "kk": {
        "teacher": "пән мұғалімі",
        "primary_teacher": "бастауыш сынып мұғалімі",
        "educator": "тәрбиеші",
        "production_master": "өндірістік оқыту шебері",
        "methodist": "әдіскер",
        "deputy": "директордың оқу ісі жөніндегі орынбасары",
        "director": "мектеп директоры",
    },
    "ru": {
        "teacher": "учитель-предметник",
        "primary_teacher": "учитель начальных классов",
        "educator": "воспитатель",
        "production_master": "мастер производственного обучения",
        "methodist": "методист",
        "deputy": "заместитель директора по учебной работе",
        "director": "директор школы",
    },
}

MOVED_FROM = {"kk": "бұрын: {date}", "ru": "было: {date}"}


def class_text(grade: int | None, letter: str, group: str, lang: str) -> str:
    """'6 «Ә»' for a class, '«Балапан»' for a preschool group ('' when neither)."""
    if grade is None:
        return f"«{group}»" if group else ""
    return f"{grade} «{letter}»" if letter else str(grade)


def class_phrase(grade: int | None, letter: str, group: str, lang: str) -> str:
    """The class with its noun: '6 «Ә» сынып' / '6 «А» класс' / '«Балапан» тобы'."""
    named = class_text(grade, letter, group, lang)
    if not named:
        return ""
    if grade is None:
        return f"{named} тобы" if lang == "kk" else f"группа {named}"
    return f"{named} {'сынып' if lang == 'kk' else 'класс'}"


def period_text(period: int | None, lang: str) -> str:
    """'3-сабақ' / '3-й урок' ('' when unknown)."""
    if period is None:
        return ""
    return f"{period}-сабақ" if lang == "kk" else f"{period}-й урок"


def short_date(value: dt.date) -> str:
    return value.strftime("%d.%m.%Y")


def lesson_line(
    kind: str,
    topic: str,
    subject: str,
    grade: int | None,
    letter: str,
    group: str,
    date: dt.date,
    teacher: str,
    lang: str,
) -> str:
    """One lesson in a sentence, plain text (the caller escapes it):
    'Ашық сабақ: «Зат есім», Қазақ тілі, 6 «Ә» сынып, 20.10.2025, Төлеуова А.М.'"""
    parts = [f"«{topic}»" if topic else "", subject, class_phrase(grade, letter, group, lang)]
    parts += [short_date(date), teacher]
    return f"{KINDS[lang].get(kind, KINDS[lang]['open_lesson'])}: " + ", ".join(p for p in parts if p)


class MentionedLesson(Protocol):
    """What a document knows of a lesson it names (a protocol's item, a mentor's log entry)."""

    @property
    def kind(self) -> str: ...

    @property
    def topic(self) -> str: ...

    @property
    def subject_kk(self) -> str: ...

    @property
    def subject_ru(self) -> str: ...

    @property
    def grade(self) -> int | None: ...

    @property
    def class_letter(self) -> str: ...

    @property
    def group_name(self) -> str: ...

    @property
    def date(self) -> dt.date: ...

    @property
    def teacher(self) -> str: ...


def mentioned_lesson_line(lesson: MentionedLesson, lang: str) -> str:
    """:func:`lesson_line` of a lesson as the protocol and the mentor's report carry it."""
    subject = lesson.subject_ru if lang == "ru" else lesson.subject_kk
    return lesson_line(
        lesson.kind,
        lesson.topic,
        subject,
        lesson.grade,
        lesson.class_letter,
        lesson.group_name,
        lesson.date,
        lesson.teacher,
        lang,
    )
