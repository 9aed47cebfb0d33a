"""The course-needs plan (курстық дайындық жоспары / план курсовой подготовки,
docs/domain/order-253.md, 'Courses'): a teacher takes a professional-development
course at least once in three years, and has one of the last three years before
attestation. The rule and the plain rows of the document; no SQL here."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from metodesk.domain.attestation import add_years, attestation_year

COURSE_YEARS = 3  # a course at least once in three years

# Why a teacher is planned in a year: no course in three years (by the first
# year of the plan), the attestation comes before the three years run out, or
# simply the next course of the three-year cycle.
NO_COURSE = "no_course"
BEFORE_ATTESTATION = "before_attestation"
CYCLE = "cycle"


def needs_before(last_course: dt.date | None, attestation_due: dt.date | None) -> bool:
    """True when the attestation falls due with no course in the three years before it."""
    if attestation_due is None:
        return False
    return last_course is None or last_course < add_years(attestation_due, -COURSE_YEARS)


def planned_years(
    last_course: dt.date | None,
    attestation_due: dt.date | None,
    first_year: int,
    count: int,
    today: dt.date,
) -> list[tuple[int, str]]:
    """(attestation year, reason) of each course a teacher needs in the years
    ``first_year`` … ``first_year + count - 1``: the first in the year the
    last course turns three years old (this year without one); a year earlier
    when that is the year of the attestation, so the course comes before it;
    then every three years."""
    now = max(first_year, attestation_year(today))
    if last_course is None or add_years(last_course, COURSE_YEARS) <= today:
        year, reason = now, NO_COURSE
    else:
        year, reason = max(now, attestation_year(add_years(last_course, COURSE_YEARS))), CYCLE
        if needs_before(last_course, attestation_due) and attestation_due is not None:
            due_year = attestation_year(attestation_due)
            if year >= due_year:
                year, reason = max(now, due_year - 1), BEFORE_ATTESTATION
    found = []
    while year < first_year + count:
        found.append((year, reason))
        year, reason = year + COURSE_YEARS, CYCLE
    return found


@dataclass(frozen=True)
class NeedRow:
    """A teacher as the course-needs plan lists them."""

    teacher_id: int
    full_name: str
    position: str  # Position code
    subjects_kk: tuple[str, ...]
    subjects_ru: tuple[str, ...]
    category: str  # Category code
    last_course: str  # its title, "" without one
    last_course_end: dt.date | None
    hours_in_three_years: int
    attestation_due: dt.date | None
    reason: str  # NO_COURSE, BEFORE_ATTESTATION or CYCLE

    def subjects(self, lang: str) -> tuple[str, ...]:
        return self.subjects_ru if lang == "ru" else self.subjects_kk


@dataclass(frozen=True)
class NeedYear:
    start: int  # the attestation (academic) year: 2025 for 2025-2026
    teachers: tuple[NeedRow, ...]


@dataclass(frozen=True)
class CoursesPlanData:
    organisation_kk: str
    organisation_ru: str
    head_name: str
    deputy_name: str
    made_on: dt.date
    no_course: tuple[NeedRow, ...]  # no course in the last three years
    before_attestation: tuple[NeedRow, ...]  # due for attestation with no course for it
    years: tuple[NeedYear, ...]

    def organisation(self, lang: str) -> str:
        return (self.organisation_ru or self.organisation_kk) if lang == "ru" else self.organisation_kk

    @property
    def first_year(self) -> int:
        return self.years[0].start

    @property
    def last_year(self) -> int:
        return self.years[-1].start
