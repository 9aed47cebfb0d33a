"""Which academic year a day belongs to, and the standard calendar of a year.

An academic year runs from 1 August to 31 July (the August meetings belong to
the year they prepare); lessons run from 1 September to 25 May in four quarters
with breaks (DOMAIN.md section 8). Each year's real dates come from a new order,
so the calendar here is only the proposal the user edits in Settings.

``today()`` is the one place that asks the clock, so tests and screenshots can
pin the day with ``METODESK_TODAY=YYYY-MM-DD`` (the child processes of a test
see it too); everything else takes the day as an argument.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass

FIRST_MONTH = 8  # August: a new academic year has begun from 1 August
TODAY_VARIABLE = "METODESK_TODAY"


def today() -> dt.date:
    """The current day: ``METODESK_TODAY`` when it holds an ISO date, else the clock."""
    pinned = os.environ.get(TODAY_VARIABLE, "").strip()
    if pinned:
        try:
            return dt.date.fromisoformat(pinned)
        except ValueError:
            pass
    return dt.date.today()


def start_year(day: dt.date) -> int:
    """The first calendar year of the academic year holding ``day``:
    2026 for any day from 1 August 2026 to 31 July 2027."""
    return day.year if day.month >= FIRST_MONTH else day.year - 1


def year_name(first: int) -> str:
    """'2026-2027' for 2026."""
    return f"{first}-{first + 1}"


def name_of(day: dt.date) -> str:
    """The name of the academic year holding ``day``."""
    return year_name(start_year(day))


def shift_years(value: dt.date, years: int) -> dt.date:
    """The same day ``years`` later (or earlier); 29 February becomes 28 February."""
    try:
        return value.replace(year=value.year + years)
    except ValueError:
        return value.replace(year=value.year + years, day=28)


@dataclass(frozen=True)
class StandardTerm:
    number: int
    start_date: dt.date
    end_date: dt.date


@dataclass(frozen=True)
class StandardYear:
    name: str
    start_date: dt.date
    end_date: dt.date
    terms: tuple[StandardTerm, ...]


def _first_weekday(day: dt.date) -> dt.date:
    """``day`` or the Monday after it when it falls on a weekend."""
    return day + dt.timedelta(days=(7 - day.weekday()) % 7) if day.weekday() >= 5 else day


def standard_year(first: int) -> StandardYear:
    """The four quarters of the 2025-2026 order, moved to the year starting in
    ``first``: 1 September (the Monday after, on a weekend) to 25 May, breaks
    27 Oct-2 Nov, 29 Dec-7 Jan and 19-29 Mar."""
    d = dt.date
    start = _first_weekday(d(first, 9, 1))
    end = d(first + 1, 5, 25)
    return StandardYear(
        name=year_name(first),
        start_date=start,
        end_date=end,
        terms=(
            StandardTerm(1, start, d(first, 10, 26)),
            StandardTerm(2, d(first, 11, 3), d(first, 12, 28)),
            StandardTerm(3, d(first + 1, 1, 8), d(first + 1, 3, 18)),
            StandardTerm(4, d(first + 1, 3, 30), end),
        ),
    )


def needs_new_year(day: dt.date, current_start: dt.date | None) -> bool:
    """True when ``day`` lies in a later academic year than the current one
    (the one starting on ``current_start``): the new year should be proposed."""
    if current_start is None:
        return False
    return start_year(day) > start_year(current_start)
