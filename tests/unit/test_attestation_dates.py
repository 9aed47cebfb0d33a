"""The attestation arithmetic of domain.attestation: expiry with leap days,
teachers without a category, legacy categories, attestation years and
windows, early eligibility, the category claimable by experience, pass marks,
and rules that change on a valid-from date."""

from __future__ import annotations

import datetime as dt

import pytest

from metodesk.domain import attestation as a
from metodesk.domain.attestation import Rule, RuleBook
from metodesk.domain.errors import DomainError

D = dt.date
BOOK = RuleBook()
TODAY = D(2025, 10, 15)


# ---- dates -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "years", "expected"),
    [
        (D(2020, 2, 29), 5, D(2025, 2, 28)),  # leap day into a common year
        (D(2020, 2, 29), 4, D(2024, 2, 29)),  # leap day into a leap year
        (D(2021, 3, 1), 3, D(2024, 3, 1)),
        (D(2024, 2, 29), -3, D(2021, 2, 28)),
        (D(2023, 12, 31), 5, D(2028, 12, 31)),
    ],
)
def test_add_years(day: dt.date, years: int, expected: dt.date) -> None:
    assert a.add_years(day, years) == expected


def test_expiry_of_a_leap_day_award_is_28_february() -> None:
    assert a.expiry_date(BOOK, "expert", D(2020, 2, 29), "teacher") == D(2025, 2, 28)
    assert a.expiry_date(BOOK, "expert", D(2020, 2, 29), "director") == D(2023, 2, 28)


def test_directors_every_three_years_everyone_else_five() -> None:
    award = D(2022, 5, 20)
    assert a.expiry_date(BOOK, "moderator", award, "teacher") == D(2027, 5, 20)
    assert a.expiry_date(BOOK, "moderator", award, "primary_teacher") == D(2027, 5, 20)
    assert a.expiry_date(BOOK, "moderator", award, "methodist") == D(2027, 5, 20)
    assert a.expiry_date(BOOK, "moderator", award, "deputy") == D(2027, 5, 20)
    assert a.expiry_date(BOOK, "moderator", award, "director") == D(2025, 5, 20)


def test_no_category_has_no_expiry_and_is_never_due() -> None:
    assert a.expiry_date(BOOK, "none", None, "teacher") is None
    assert a.expiry_date(BOOK, "expert", None, "teacher") is None  # a category without its date
    s = a.standing(
        BOOK, position="teacher", category="none", award_date=None, teaching_since=D(2024, 9, 1), today=TODAY
    )
    assert (s.expiry, s.due_year, s.due_window, s.overdue, s.early_eligible) == (
        None,
        None,
        None,
        False,
        False,
    )
    assert s.experience == 1 and s.claimable == "pedagog"


def test_legacy_categories_expire_like_the_others() -> None:
    s = a.standing(
        BOOK,
        position="teacher",
        category="legacy_highest",
        award_date=D(2019, 12, 27),
        teaching_since=D(1995, 9, 1),
        today=TODAY,
    )
    assert s.expiry == D(2024, 12, 27)
    assert s.overdue and s.due_year == 2024
    assert s.claimable == "master"
    assert not s.early_eligible  # overdue: simply due, not early


def test_attestation_years_run_from_august_to_july() -> None:
    assert a.attestation_year(D(2025, 8, 1)) == 2025
    assert a.attestation_year(D(2026, 7, 31)) == 2025
    assert a.attestation_year(D(2026, 1, 10)) == 2025
    assert a.year_span(2025) == (D(2025, 8, 1), D(2026, 7, 31))
    assert a.year_name(2025) == "2025-2026"
    assert a.parse_year_name("2025-2026") == 2025
    assert a.parse_year_name(" 2025–2026 ") == 2025


@pytest.mark.parametrize("text", ["2025-2027", "2025", "", "twenty", "2026-2025"])
def test_a_wrong_year_name_is_one_sentence(text: str) -> None:
    with pytest.raises(DomainError, match="for example 2025-2026") as err:
        a.parse_year_name(text)
    assert err.value.field == "year"


def test_windows() -> None:
    assert a.window_of(D(2025, 12, 25)) == "aug_dec"
    assert a.window_of(D(2026, 5, 25)) == "jan_may"
    assert a.window_of(D(2026, 7, 10)) == "jan_may"  # the last window that began before it
    assert a.window_span(2025, "aug_dec") == (D(2025, 8, 1), D(2025, 12, 31))
    assert a.window_span(2025, "jan_may") == (D(2026, 1, 1), D(2026, 5, 31))


def test_due_year_overdue_and_next_due() -> None:
    s = a.standing(
        BOOK,
        position="teacher",
        category="expert",
        award_date=D(2021, 6, 4),
        teaching_since=D(2006, 9, 1),
        today=TODAY,
    )
    assert s.expiry == D(2026, 6, 4)
    assert s.due_year == 2025 and s.due_in(2025) and s.due_window == "jan_may"
    assert not s.overdue
    later = a.standing(
        BOOK,
        position="teacher",
        category="expert",
        award_date=D(2021, 6, 4),
        teaching_since=D(2006, 9, 1),
        today=D(2026, 6, 5),
    )
    assert later.overdue
    on_the_day = a.standing(
        BOOK,
        position="teacher",
        category="expert",
        award_date=D(2021, 6, 4),
        teaching_since=D(2006, 9, 1),
        today=D(2026, 6, 4),
    )
    assert not on_the_day.overdue  # valid through its expiry day


# ---- early attestation and experience ---------------------------------------------------------


def test_early_attestation_two_years_after_the_last() -> None:
    last = D(2023, 12, 22)
    assert a.early_from(BOOK, last, TODAY) == D(2025, 12, 22)
    assert not a.early_allowed(BOOK, last, D(2025, 12, 21))
    assert a.early_allowed(BOOK, last, D(2025, 12, 22))
    assert not a.early_allowed(BOOK, None, TODAY)


def test_standing_is_early_eligible_only_when_not_yet_due() -> None:
    kwargs = {"position": "teacher", "category": "pedagog", "teaching_since": D(2016, 9, 1)}
    eligible = a.standing(BOOK, award_date=D(2023, 5, 26), today=TODAY, **kwargs)
    assert eligible.early_eligible and eligible.early_from == D(2025, 5, 26)
    too_soon = a.standing(BOOK, award_date=D(2024, 6, 10), today=TODAY, **kwargs)
    assert not too_soon.early_eligible and too_soon.early_from == D(2026, 6, 10)
    due_now = a.standing(BOOK, award_date=D(2020, 12, 25), today=TODAY, **kwargs)
    assert due_now.due_year == 2025 and not due_now.early_eligible


@pytest.mark.parametrize(
    ("years", "expected"),
    [
        (0, "pedagog"),
        (1, "pedagog"),
        (2, "moderator"),
        (3, "expert"),
        (4, "researcher"),
        (5, "master"),
        (30, "master"),
    ],
)
def test_category_claimable_by_experience(years: int, expected: str) -> None:
    assert a.claimable_category(BOOK, years, TODAY) == expected


def test_unknown_experience_claims_nothing() -> None:
    assert a.claimable_category(BOOK, None, TODAY) is None
    s = a.standing(
        BOOK, position="teacher", category="none", award_date=None, teaching_since=None, today=TODAY
    )
    assert s.claimable is None and s.experience is None


# ---- pass marks --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("target", "mark"),
    [("pedagog", 50), ("moderator", 60), ("expert", 70), ("researcher", 80), ("master", 90)],
)
def test_pass_marks_per_category(target: str, mark: int) -> None:
    assert a.pass_mark(BOOK, target, "teacher", TODAY) == mark
    assert a.passed_test(BOOK, mark, target, "teacher", TODAY) is True
    assert a.passed_test(BOOK, mark - 1, target, "teacher", TODAY) is False


def test_heads_and_deputies_pass_at_70_whatever_the_category() -> None:
    for position in ("deputy", "director"):
        assert a.pass_mark(BOOK, "master", position, TODAY) == 70
        assert a.passed_test(BOOK, 72, "master", position, TODAY) is True
        assert a.passed_test(BOOK, 69, "pedagog", position, TODAY) is False
    assert a.pass_mark(BOOK, "master", "methodist", TODAY) == 90


def test_no_score_or_no_date_is_not_yet_decided() -> None:
    assert a.passed_test(BOOK, None, "expert", "teacher", TODAY) is None
    assert a.passed_test(BOOK, 80, "expert", "teacher", None) is None


@pytest.mark.parametrize("score", [-1, 101, 250])
def test_score_outside_0_100_is_refused(score: int) -> None:
    with pytest.raises(DomainError, match="from 0 to 100") as err:
        a.check_score(score)
    assert err.value.field == "test_score"
    with pytest.raises(DomainError):
        a.passed_test(BOOK, score, "expert", "teacher", TODAY)


@pytest.mark.parametrize("score", [0, 100])
def test_scores_at_the_edges_are_accepted(score: int) -> None:
    assert a.check_score(score) == score


def test_unknown_category_code_and_future_award_are_refused() -> None:
    with pytest.raises(DomainError, match="no qualification category with the code “grandmaster”"):
        a.check_category("grandmaster")
    assert a.check_category("legacy_first") == "legacy_first"
    with pytest.raises(DomainError, match="award date 16.10.2025 is in the future"):
        a.check_award_date(D(2025, 10, 16), TODAY)
    assert a.check_award_date(TODAY, TODAY) == TODAY


# ---- rules with valid-from dates ---------------------------------------------------------------


REVISED = RuleBook(
    [
        *a.DEFAULT_RULES,
        Rule("cycle", "teacher", 4, D(2026, 1, 1)),
        Rule("pass_mark", "expert", 75, D(2026, 1, 1)),
        Rule("early_gap", "", 3, D(2026, 1, 1)),
        Rule("experience", "moderator", 3, D(2026, 1, 1)),
    ]
)


def test_rule_in_force_on_a_date() -> None:
    assert REVISED.value("cycle", "teacher", D(2025, 12, 31)) == 5
    assert REVISED.value("cycle", "teacher", D(2026, 1, 1)) == 4
    assert REVISED.value("cycle", "director", D(2030, 1, 1)) == 3  # unchanged
    assert REVISED.value("cycle", "teacher", D(2000, 1, 1)) == 5  # before every rule: the earliest


def test_expiry_uses_the_cycle_in_force_on_the_award_date() -> None:
    assert a.expiry_date(REVISED, "expert", D(2025, 12, 20), "teacher") == D(2030, 12, 20)
    assert a.expiry_date(REVISED, "expert", D(2026, 1, 10), "teacher") == D(2030, 1, 10)
    assert a.expiry_date(REVISED, "expert", D(2024, 2, 29), "teacher") == D(2029, 2, 28)
    assert a.expiry_date(REVISED, "expert", D(2028, 2, 29), "teacher") == D(2032, 2, 29)


def test_pass_mark_in_force_on_the_test_date() -> None:
    assert a.passed_test(REVISED, 72, "expert", "teacher", D(2025, 12, 31)) is True
    assert a.passed_test(REVISED, 72, "expert", "teacher", D(2026, 1, 1)) is False
    assert a.pass_mark(REVISED, "expert", "teacher", D(2026, 3, 1)) == 75


def test_gap_and_experience_in_force_today() -> None:
    last = D(2023, 6, 1)
    assert a.early_allowed(REVISED, last, D(2025, 12, 31))  # two years then
    assert not a.early_allowed(REVISED, last, D(2026, 1, 2))  # three years from 2026
    assert a.claimable_category(REVISED, 2, D(2025, 12, 31)) == "moderator"
    assert a.claimable_category(REVISED, 2, D(2026, 1, 1)) == "pedagog"


def test_a_missing_rule_falls_back_to_the_shipped_value() -> None:
    empty = RuleBook([])
    assert empty.value("cycle", "director", TODAY) == 3
    assert empty.value("pass_mark", "researcher", TODAY) == 80
    assert empty.value("cycle", "nobody", TODAY) is None


def test_shipped_rules_match_the_domain_notes() -> None:
    shipped = {(r.kind, r.subject): r.value for r in a.DEFAULT_RULES}
    assert (
        shipped[("cycle", "teacher")] == shipped[("cycle", "methodist")] == shipped[("cycle", "deputy")] == 5
    )
    assert shipped[("cycle", "director")] == 3
    assert [shipped[("pass_mark", c)] for c in a.CURRENT_CATEGORIES] == [50, 60, 70, 80, 90]
    assert shipped[("pass_mark", "deputy")] == shipped[("pass_mark", "director")] == 70
    assert [shipped[("experience", c)] for c in a.CURRENT_CATEGORIES[1:]] == [2, 3, 4, 5]
    assert shipped[("early_gap", "")] == 2
