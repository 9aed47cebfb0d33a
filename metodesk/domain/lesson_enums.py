"""Open lessons and mutual visits (docs/domain/order-253.md, 'Open lessons'): the kinds of lesson,
their status, and the plain rules about grades, lesson periods and score scales.

Codes are stable English words; ``label`` translates them for the screen.
Printed documents take their Kazakh and Russian words from the reports.
"""

from __future__ import annotations

import datetime as dt

from metodesk.domain.enums import LabelledEnum, register_labels
from metodesk.i18n import N_

FIRST_PERIOD, LAST_PERIOD = 1, 8  # lesson periods of a school day
PRE_SCHOOL_GRADE, LAST_GRADE = 0, 12  # 0 is the pre-school class; 12 for evening schools and colleges
SCALE_LOWEST, SCALE_HIGHEST = 0, 10  # what a criteria set's scale may span


class LessonKind(LabelledEnum):
    """The form of the lesson (docs/domain/order-253.md, 'Lesson forms and statuses')."""

    OPEN_LESSON = "open_lesson"
    MUTUAL_VISIT = "mutual_visit"
    MASTER_CLASS = "master_class"
    LESSON_STUDY = "lesson_study"


register_labels(
    LessonKind,
    {
        "open_lesson": N_("Open lesson"),
        "mutual_visit": N_("Mutual visit"),
        "master_class": N_("Master class"),
        "lesson_study": N_("Lesson study"),
    },
)


class LessonStatus(LabelledEnum):
    """Planned, held, cancelled, or moved to a new date (the old one is kept in
    the lesson's moves). A moved lesson is still to be held."""

    PLANNED = "planned"
    HELD = "held"
    CANCELLED = "cancelled"
    MOVED = "moved"

    @property
    def upcoming(self) -> bool:
        """Still to be held: planned, or planned again on a new date."""
        return self in (LessonStatus.PLANNED, LessonStatus.MOVED)


register_labels(
    LessonStatus,
    {
        "planned": N_("Planned"),
        "held": N_("Held"),
        "cancelled": N_("Cancelled"),
        "moved": N_("Moved"),
    },
)


def period_ok(period: int | None) -> bool:
    """A lesson period is 1 to 8, or not yet known."""
    return period is None or FIRST_PERIOD <= period <= LAST_PERIOD


def grade_ok(grade: int | None) -> bool:
    """Grades 0 (pre-school class) to 12, or none for a preschool group."""
    return grade is None or PRE_SCHOOL_GRADE <= grade <= LAST_GRADE


def scale_ok(lowest: int, highest: int) -> bool:
    """A score scale of at least two values inside 0..10 (0-2 and 1-3 are usual)."""
    return SCALE_LOWEST <= lowest < highest <= SCALE_HIGHEST


def score_ok(score: int | None, lowest: int, highest: int) -> bool:
    """A score on the sheet's own scale; None is a criterion not scored."""
    return score is None or lowest <= score <= highest


def can_observe(status: str, lesson_date: dt.date, today: dt.date) -> bool:
    """A sheet can be filled for a lesson that was held, or whose day has come
    and that was not cancelled (the observer fills it in the classroom)."""
    if status == LessonStatus.CANCELLED.value:
        return False
    return status == LessonStatus.HELD.value or lesson_date <= today
