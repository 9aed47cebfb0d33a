"""Teacher attestation (docs/domain/order-253.md, 'Attestation') as pure date arithmetic and rules.

Every number the rules use (the cycle in years per position kind, the test
pass marks, the minimum experience per category, the early-attestation gap) is
data with a valid-from date: the ministry announced a revision, and the user
edits them. ``RuleBook`` chooses the rule in force on a given date.

Attestation years run from 1 August to 31 July, so each holds the two windows
of practice: August-December, then January-May of the next calendar year.
"2025-2026" is the year from 1 August 2025 to 31 July 2026.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass

from metodesk.domain.enums import Category, LabelledEnum, Position, register_labels
from metodesk.domain.errors import DomainError
from metodesk.domain.rules import experience_years
from metodesk.i18n import N_, _

SCORE_MIN, SCORE_MAX = 0, 100
YEAR_START_MONTH = 8  # an attestation year starts on 1 August


class RuleKind(LabelledEnum):
    CYCLE = "cycle"
    PASS_MARK = "pass_mark"
    EXPERIENCE = "experience"
    EARLY_GAP = "early_gap"


register_labels(
    RuleKind,
    {
        "cycle": N_("Attestation cycle, years"),
        "pass_mark": N_("Test pass mark, %"),
        "experience": N_("Minimum experience, years"),
        "early_gap": N_("Early attestation: years after the last one"),
    },
)


class PositionKind(LabelledEnum):
    """How the rules group positions: first heads have their own cycle, heads
    and deputies their own pass mark."""

    TEACHER = "teacher"
    METHODIST = "methodist"
    DEPUTY = "deputy"
    DIRECTOR = "director"


register_labels(
    PositionKind,
    {
        "teacher": N_("Teachers"),
        "methodist": N_("Methodists"),
        "deputy": N_("Deputy directors"),
        "director": N_("Directors (first heads)"),
    },
)


class AwardBasis(LabelledEnum):
    REGULAR = "regular"
    EARLY = "early"
    CONFIRMATION = "confirmation"


register_labels(
    AwardBasis,
    {
        "regular": N_("Regular attestation"),
        "early": N_("Early attestation"),
        "confirmation": N_("Confirmation of the category"),
    },
)


class DecisionBody(LabelledEnum):
    """Who decided: the school's commission, or one of the education authorities."""

    ORGANISATION = "organisation"
    DISTRICT = "district"
    REGION = "region"
    REPUBLIC = "republic"


register_labels(
    DecisionBody,
    {
        "organisation": N_("Commission of the organisation"),
        "district": N_("District (city) education department"),
        "region": N_("Regional education department"),
        "republic": N_("Ministry (republican commission)"),
    },
)


class Window(LabelledEnum):
    SPRING = "jan_may"
    AUTUMN = "aug_dec"


register_labels(Window, {"jan_may": N_("January–May"), "aug_dec": N_("August–December")})


class PortfolioStatus(LabelledEnum):
    NOT_STARTED = "not_started"
    PREPARING = "preparing"
    SUBMITTED = "submitted"
    ACCEPTED = "accepted"
    RETURNED = "returned"


register_labels(
    PortfolioStatus,
    {
        "not_started": N_("Not started"),
        "preparing": N_("Being prepared"),
        "submitted": N_("Submitted"),
        "accepted": N_("Accepted"),
        "returned": N_("Returned for revision"),
    },
)


class CaseDecision(LabelledEnum):
    PENDING = "pending"
    AWARDED = "awarded"
    REFUSED = "refused"


register_labels(
    CaseDecision,
    {
        "pending": N_("Awaiting the decision"),
        "awarded": N_("Category awarded"),
        "refused": N_("Category not awarded"),
    },
)

# The five categories an attestation can award today, lowest first.
CURRENT_CATEGORIES: tuple[str, ...] = (
    Category.PEDAGOG.value,
    Category.MODERATOR.value,
    Category.EXPERT.value,
    Category.RESEARCHER.value,
    Category.MASTER.value,
)


@dataclass(frozen=True)
class Rule:
    """One number of the rules: ``subject`` is a position kind (cycle), a
    category or a position kind (pass mark), a category (experience), or ""
    (early gap)."""

    kind: str
    subject: str
    value: int
    valid_from: dt.date


RULES_SINCE = dt.date(2016, 1, 27)  # Order No. 83 of 27.01.2016
DEFAULT_RULES: tuple[Rule, ...] = (
    *(Rule("cycle", kind, 5, RULES_SINCE) for kind in ("teacher", "methodist", "deputy")),
    Rule("cycle", "director", 3, RULES_SINCE),
    *(
        Rule("pass_mark", code, mark, RULES_SINCE)
        for code, mark in zip(CURRENT_CATEGORIES, (50, 60, 70, 80, 90), strict=True)
    ),
    Rule("pass_mark", "deputy", 70, RULES_SINCE),
    Rule("pass_mark", "director", 70, RULES_SINCE),
    *(
        Rule("experience", code, years, RULES_SINCE)
        for code, years in zip(CURRENT_CATEGORIES[1:], (2, 3, 4, 5), strict=True)
    ),
    Rule("early_gap", "", 2, RULES_SINCE),
)

# What each kind of rule may hold, and the subjects each kind applies to.
VALUE_RANGES: dict[str, tuple[int, int]] = {
    "cycle": (1, 10),
    "pass_mark": (0, 100),
    "experience": (0, 50),
    "early_gap": (0, 10),
}
RULE_SUBJECTS: dict[str, tuple[str, ...]] = {
    "cycle": tuple(k.value for k in PositionKind),
    "pass_mark": (*CURRENT_CATEGORIES, "deputy", "director"),
    "experience": CURRENT_CATEGORIES[1:],
    "early_gap": ("",),
}


class RuleBook:
    """The rules as data. ``value`` answers with the rule in force on a date:
    the one with the latest valid-from not after it. A date before every
    rule's valid-from takes the earliest rule (an old award still expires);
    a kind and subject with no rule at all takes the shipped default."""

    def __init__(self, rules: Iterable[Rule] = DEFAULT_RULES) -> None:
        self._rules: dict[tuple[str, str], list[Rule]] = {}
        for rule in rules:
            self._rules.setdefault((rule.kind, rule.subject), []).append(rule)
        for found in self._rules.values():
            found.sort(key=lambda r: r.valid_from)

    def rule(self, kind: str, subject: str, on: dt.date) -> Rule | None:
        found = self._rules.get((kind, subject))
        if not found:
            found = [r for r in DEFAULT_RULES if (r.kind, r.subject) == (kind, subject)]
            if not found:
                return None
        in_force = [r for r in found if r.valid_from <= on]
        return in_force[-1] if in_force else found[0]

    def value(self, kind: str, subject: str, on: dt.date) -> int | None:
        rule = self.rule(kind, subject, on)
        return rule.value if rule is not None else None


# ---- dates -------------------------------------------------------------------------------------


def add_years(day: dt.date, years: int) -> dt.date:
    """The same day ``years`` later; 29 February becomes 28 February in a common year."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def attestation_year(day: dt.date) -> int:
    """The first calendar year of the attestation year holding ``day``."""
    return day.year if day.month >= YEAR_START_MONTH else day.year - 1


def year_name(start: int) -> str:
    return f"{start}-{start + 1}"


_YEAR_NAME = re.compile(r"^\s*(\d{4})\s*[-–]\s*(\d{4})\s*$")


def parse_year_name(text: str) -> int:
    """'2025-2026' → 2025; a DomainError with a sentence for anything else."""
    match = _YEAR_NAME.match(text or "")
    if match is None or int(match.group(2)) != int(match.group(1)) + 1 or int(match.group(1)) < 1940:
        raise DomainError(
            _("Write the academic year as two years in a row, for example 2025-2026."), field="year"
        )
    return int(match.group(1))


def year_span(start: int) -> tuple[dt.date, dt.date]:
    """1 August of ``start`` to 31 July of the next year."""
    return dt.date(start, YEAR_START_MONTH, 1), dt.date(start + 1, YEAR_START_MONTH, 1) - dt.timedelta(days=1)


def window_of(day: dt.date) -> str:
    """The window that starts on or before ``day`` in its calendar year:
    August-December from August on, January-May before."""
    return Window.AUTUMN.value if day.month >= YEAR_START_MONTH else Window.SPRING.value


def window_span(start: int, window: str) -> tuple[dt.date, dt.date]:
    """The dates of a window of the attestation year ``start``."""
    if window == Window.AUTUMN.value:
        return dt.date(start, 8, 1), dt.date(start, 12, 31)
    return dt.date(start + 1, 1, 1), dt.date(start + 1, 5, 31)


# ---- rules ---------------------------------------------------------------------------------------


def position_kind(position: str) -> str:
    """The rules' grouping of a position: everyone else counts as a teacher."""
    mapping = {
        Position.DIRECTOR.value: PositionKind.DIRECTOR.value,
        Position.DEPUTY.value: PositionKind.DEPUTY.value,
        Position.METHODIST.value: PositionKind.METHODIST.value,
    }
    return mapping.get(position, PositionKind.TEACHER.value)


def check_category(code: str, field: str = "category") -> str:
    """A known category code, or a sentence naming the unknown one."""
    if code not in {c.value for c in Category}:
        raise DomainError(
            _("There is no qualification category with the code “{code}”.").format(code=code), field=field
        )
    return code


def check_score(score: int | None, field: str = "test_score") -> int | None:
    if score is not None and not SCORE_MIN <= score <= SCORE_MAX:
        raise DomainError(
            _("The test score is a percentage from {low} to {high}; {score} is not.").format(
                low=SCORE_MIN, high=SCORE_MAX, score=score
            ),
            field=field,
        )
    return score


def check_award_date(day: dt.date | None, today: dt.date, field: str = "award_date") -> dt.date:
    if day is None:
        raise DomainError(_("Enter the date the category was awarded."), field=field)
    if day > today:
        raise DomainError(
            _("The award date {date} is in the future.").format(date=day.strftime("%d.%m.%Y")), field=field
        )
    return day


def cycle_years(book: RuleBook, position: str, on: dt.date) -> int:
    return book.value("cycle", position_kind(position), on) or 5


def expiry_date(book: RuleBook, category: str, award_date: dt.date | None, position: str) -> dt.date | None:
    """Award + the cycle in force on the award date; None without a category
    or its date. Legacy categories expire the same way."""
    if category == Category.NONE.value or award_date is None:
        return None
    return add_years(award_date, cycle_years(book, position, award_date))


def is_overdue(expiry: dt.date | None, today: dt.date) -> bool:
    return expiry is not None and expiry < today


def early_from(book: RuleBook, last_attestation: dt.date | None, today: dt.date) -> dt.date | None:
    """The first day an early attestation may be asked for: the last attestation
    plus the gap in force today; None when there was none."""
    if last_attestation is None:
        return None
    return add_years(last_attestation, book.value("early_gap", "", today) or 0)


def early_allowed(book: RuleBook, last_attestation: dt.date | None, today: dt.date) -> bool:
    """Last attestation + gap years ≤ today."""
    first = early_from(book, last_attestation, today)
    return first is not None and first <= today


def claimable_category(book: RuleBook, experience: int | None, today: dt.date) -> str | None:
    """The highest current category whose minimum experience (in force today)
    the teacher has; "pedagog" needs none; None when experience is unknown."""
    if experience is None:
        return None
    best = Category.PEDAGOG.value
    for code in CURRENT_CATEGORIES[1:]:
        needed = book.value("experience", code, today)
        if needed is not None and experience >= needed:
            best = code
    return best


def pass_mark(book: RuleBook, target: str, position: str, on: dt.date) -> int | None:
    """The mark in force on the test date: heads and deputies have their own,
    everyone else the target category's."""
    kind = position_kind(position)
    if kind in (PositionKind.DEPUTY.value, PositionKind.DIRECTOR.value):
        return book.value("pass_mark", kind, on)
    return book.value("pass_mark", target, on)


def passed_test(
    book: RuleBook, score: int | None, target: str, position: str, test_date: dt.date | None
) -> bool | None:
    """Passed by the threshold in force on the test date; None until there is
    a score and a date."""
    check_score(score)
    if score is None or test_date is None:
        return None
    mark = pass_mark(book, target, position, test_date)
    return mark is not None and score >= mark


# ---- one teacher's standing ------------------------------------------------------------------


@dataclass(frozen=True)
class Standing:
    """What the rules say about one teacher on ``today``."""

    category: str
    award_date: dt.date | None
    expiry: dt.date | None
    due_year: int | None
    due_window: str | None
    overdue: bool
    early_eligible: bool
    early_from: dt.date | None
    claimable: str | None
    experience: int | None

    def due_in(self, start: int) -> bool:
        return self.due_year == start


def standing(
    book: RuleBook,
    *,
    position: str,
    category: str,
    award_date: dt.date | None,
    teaching_since: dt.date | None,
    today: dt.date,
) -> Standing:
    """Expiry, the year and window attestation falls due in, overdue, early
    eligibility and the category claimable by experience.

    Early eligibility is the gap rule for a teacher not yet due: one whose
    category expires this attestation year or has expired is simply due."""
    expiry = expiry_date(book, category, award_date, position)
    has_category = category != Category.NONE.value and award_date is not None
    due_year = attestation_year(expiry) if expiry is not None else None
    not_yet_due = due_year is not None and due_year > attestation_year(today)
    experience = (
        experience_years(teaching_since, today) if teaching_since and teaching_since <= today else None
    )
    return Standing(
        category=category,
        award_date=award_date,
        expiry=expiry,
        due_year=due_year,
        due_window=window_of(expiry) if expiry is not None else None,
        overdue=is_overdue(expiry, today),
        early_eligible=has_category and not_yet_due and early_allowed(book, award_date, today),
        early_from=early_from(book, award_date, today) if has_category else None,
        claimable=claimable_category(book, experience, today),
        experience=experience,
    )
