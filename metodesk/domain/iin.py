"""The Kazakh individual identification number (ЖСН / ИИН) and a teacher's
birth date: the rules a value keeps before it is stored (issue 19.4, telling
two teachers with one name apart).

An IIN is twelve digits: the birth date as YYMMDD, a digit for the century and
sex, four of a register number and a control digit. The control digit is the
weighted sum of the first eleven digits (weights 1…11) modulo 11; when that is
10, a second pass with the weights 3…11, 1, 2 decides; when it is still 10 the
number is never issued.
"""

from __future__ import annotations

import datetime as dt

from metodesk.domain.limits import DATE_MIN

IIN_LENGTH = 12
_WEIGHTS_FIRST = (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11)
_WEIGHTS_SECOND = (3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2)

# A teacher is at least this old and at most that (the birth date's bounds).
AGE_MIN = 16
AGE_MAX = 100


def control_digit(first_eleven: str) -> int | None:
    """The control digit for the first eleven digits of an IIN, or None when
    both passes give 10 (no valid IIN starts with these digits)."""
    digits = [int(c) for c in first_eleven]
    for weights in (_WEIGHTS_FIRST, _WEIGHTS_SECOND):
        rest = sum(d * w for d, w in zip(digits, weights, strict=True)) % 11
        if rest != 10:
            return rest
    return None


def iin_well_formed(value: str) -> bool:
    """Twelve ASCII digits whose last is the control digit of the others."""
    if len(value) != IIN_LENGTH or not value.isascii() or not value.isdigit():
        return False
    expected = control_digit(value[:11])
    return expected is not None and expected == int(value[11])


def iin_matches_birth(value: str, birth: dt.date) -> bool:
    """The IIN's first six digits (YYMMDD) are ``birth``'s."""
    return value[:6] == birth.strftime("%y%m%d")


def _years_before(today: dt.date, years: int) -> dt.date:
    try:
        return today.replace(year=today.year - years)
    except ValueError:  # 29 February in a year without one
        return today.replace(year=today.year - years, day=28)


def birth_date_bounds(today: dt.date) -> tuple[dt.date, dt.date]:
    """The earliest and latest birth date of a teacher on ``today``: one who
    is at most ``AGE_MAX`` and at least ``AGE_MIN`` years old, and never before
    the domain's first date (so what the window accepts, a package carries)."""
    earliest = max(DATE_MIN, _years_before(today, AGE_MAX + 1) + dt.timedelta(days=1))
    return earliest, _years_before(today, AGE_MIN)


def birth_date_ok(value: dt.date, today: dt.date) -> bool:
    earliest, latest = birth_date_bounds(today)
    return earliest <= value <= latest
