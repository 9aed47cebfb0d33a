"""Rules of Order No. 253 and of school practice, as plain functions."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

MIN_SUBJECT_TEACHERS = 3  # Order No. 253, item 23


@dataclass(frozen=True)
class ThreeTeacherCheck:
    """Result of the item-23 check for a school association."""

    applies: bool
    teachers_of_subject: int

    @property
    def satisfied(self) -> bool:
        return not self.applies or self.teachers_of_subject >= MIN_SUBJECT_TEACHERS


def three_teacher_check(is_school_level: bool, needs_subject: bool, count: int) -> ThreeTeacherCheck:
    """Item 23: a school-level subject association needs at least three teachers
    of its subject in the school. District associations (item 24) are exempt."""
    return ThreeTeacherCheck(applies=is_school_level and needs_subject, teachers_of_subject=count)


def experience_years(teaching_since: dt.date | None, today: dt.date) -> int | None:
    """Whole years of teaching experience on ``today``; None when unknown."""
    if teaching_since is None:
        return None
    years = today.year - teaching_since.year
    if (today.month, today.day) < (teaching_since.month, teaching_since.day):
        years -= 1
    return max(years, 0)


def date_in_range(value: dt.date, start: dt.date, end: dt.date) -> bool:
    return start <= value <= end
