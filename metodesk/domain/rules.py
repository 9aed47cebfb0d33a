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


def meeting_date_window(year_start: dt.date, year_end: dt.date) -> tuple[dt.date, dt.date]:
    """The dates an association meeting of an academic year may carry.

    The school year itself runs from 1 September to late May, but practice
    (docs/domain/order-253.md, 'Meetings in the year') holds the first association meeting in late August,
    to approve the year's plan before lessons start, and may hold the last one
    in June after the exams. So a meeting belongs to the year from 1 August of
    its first calendar year to 30 June of its second, widened when the year's
    own dates reach further (a college year, say)."""
    start = min(year_start, dt.date(year_start.year, 8, 1))
    end = max(year_end, dt.date(year_start.year + 1, 6, 30))
    return start, end


def decision_overdue(status_open: bool, deadline: dt.date | None, today: dt.date) -> bool:
    """An open decision whose deadline has passed; without a date it never is."""
    return status_open and deadline is not None and deadline < today
