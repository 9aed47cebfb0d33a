"""Domain rules without a database: the item-23 three-teacher rule, teaching
experience, date ranges, and the coded values' properties."""

from __future__ import annotations

import datetime as dt

import pytest

from metodesk.domain.enums import AssociationKind, Category, LabelledEnum, MemberRole, OrgKind
from metodesk.domain.rules import (
    MIN_SUBJECT_TEACHERS,
    date_in_range,
    experience_years,
    three_teacher_check,
)
from metodesk.i18n import translated_in

D = dt.date


# --- item 23 -------------------------------------------------------------------


def test_minimum_is_three() -> None:
    assert MIN_SUBJECT_TEACHERS == 3


@pytest.mark.parametrize(("count", "satisfied"), [(0, False), (1, False), (2, False), (3, True), (7, True)])
def test_school_subject_association_needs_three(count: int, satisfied: bool) -> None:
    check = three_teacher_check(is_school_level=True, needs_subject=True, count=count)
    assert check.applies
    assert check.teachers_of_subject == count
    assert check.satisfied is satisfied


@pytest.mark.parametrize("count", [0, 1, 2])
def test_district_association_is_exempt(count: int) -> None:
    check = three_teacher_check(is_school_level=False, needs_subject=True, count=count)
    assert not check.applies
    assert check.satisfied


def test_association_without_subject_is_exempt() -> None:
    check = three_teacher_check(is_school_level=True, needs_subject=False, count=0)
    assert not check.applies
    assert check.satisfied


# --- experience ------------------------------------------------------------------


def test_experience_unknown() -> None:
    assert experience_years(None, D(2025, 9, 1)) is None


@pytest.mark.parametrize(
    ("since", "today", "years"),
    [
        (D(2004, 9, 1), D(2025, 9, 1), 21),  # on the anniversary
        (D(2004, 9, 1), D(2025, 8, 31), 20),  # the day before
        (D(2004, 9, 1), D(2025, 9, 2), 21),
        (D(2025, 9, 1), D(2025, 9, 1), 0),  # first day
        (D(2025, 9, 1), D(2026, 5, 25), 0),
        (D(2024, 12, 31), D(2025, 1, 1), 0),  # year changed, a day of work
        (D(2026, 9, 1), D(2025, 9, 1), 0),  # not begun yet: never negative
    ],
)
def test_experience_whole_years(since: dt.date, today: dt.date, years: int) -> None:
    assert experience_years(since, today) == years


@pytest.mark.parametrize(
    ("today", "years"),
    [
        (D(2021, 2, 28), 0),  # 28 Feb of a common year: the anniversary has not come
        (D(2021, 3, 1), 1),  # it has by 1 March
        (D(2023, 2, 28), 2),
        (D(2024, 2, 28), 3),
        (D(2024, 2, 29), 4),  # the real anniversary in a leap year
        (D(2024, 3, 1), 4),
    ],
)
def test_experience_from_29_february(today: dt.date, years: int) -> None:
    assert experience_years(D(2020, 2, 29), today) == years


def test_experience_to_29_february() -> None:
    assert experience_years(D(2019, 3, 1), D(2024, 2, 29)) == 4
    assert experience_years(D(2019, 2, 28), D(2024, 2, 29)) == 5


def test_date_in_range_includes_both_ends() -> None:
    start, end = D(2025, 9, 1), D(2026, 5, 25)
    assert date_in_range(start, start, end)
    assert date_in_range(end, start, end)
    assert not date_in_range(D(2025, 8, 31), start, end)
    assert not date_in_range(D(2026, 5, 26), start, end)


# --- coded values ------------------------------------------------------------------


def test_legacy_categories() -> None:
    legacy = {c for c in Category if c.is_legacy}
    assert legacy == {Category.LEGACY_HIGHEST, Category.LEGACY_FIRST, Category.LEGACY_SECOND}
    assert len(Category) == 9  # none, the five current, the three legacy


def test_kinds_that_need_a_subject() -> None:
    assert {k for k in AssociationKind if k.needs_subject} == {
        AssociationKind.SUBJECT,
        AssociationKind.CYCLE_COMMISSION,
    }


@pytest.mark.parametrize("enum_type", LabelledEnum.__subclasses__())
def test_every_code_has_a_label(enum_type: type[LabelledEnum]) -> None:
    codes = [code for code, _label in enum_type.choices()]
    assert codes == [m.value for m in enum_type]
    assert all(label and label != code for code, label in enum_type.choices())


def test_labels_follow_the_language() -> None:
    assert MemberRole.LEADER.label == "Leader"
    assert OrgKind.SMALL_SCHOOL.label == "Small school with combined classes"
    with translated_in("en"):
        assert Category.MASTER.label == "Teacher-master"
