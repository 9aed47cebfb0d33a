"""Which academic year a day belongs to, and the standard calendar of a year.

An academic year runs from 1 August to 31 July (the August meetings belong to
the year they prepare); lessons run from 1 September to 25 May in four quarters
with breaks (docs/domain/order-253.md, 'Academic year'). Each year's real dates come from a new order,
so the calendar here is only the proposal the user edits in Settings.

``today()`` is the one place that asks the clock, so tests and screenshots can
pin the day with ``METODESK_TODAY=YYYY-MM-DD`` (the child processes of a test
see it too); everything else takes the day as an argument.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass

from metodesk.i18n import N_, _

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


# ---- where a day falls: the year's own dates, its terms, Sundays and holidays --------------------

# The public holidays of Kazakhstan with fixed dates (Labour Code, art. 84; Law on holidays).
HOLIDAYS: dict[tuple[int, int], str] = {
    (1, 1): N_("New Year"),
    (1, 2): N_("New Year"),
    (1, 7): N_("Orthodox Christmas"),
    (3, 8): N_("International Women's Day"),
    (3, 21): N_("Nauryz"),
    (3, 22): N_("Nauryz"),
    (3, 23): N_("Nauryz"),
    (5, 1): N_("Unity Day of the People of Kazakhstan"),
    (5, 7): N_("Defender of the Fatherland Day"),
    (5, 9): N_("Victory Day"),
    (7, 6): N_("Capital Day"),
    (8, 30): N_("Constitution Day"),
    (10, 25): N_("Republic Day"),
    (12, 16): N_("Independence Day"),
}


def lesson_window(year_start: dt.date, year_end: dt.date) -> tuple[dt.date, dt.date]:
    """Lessons are given on the year's own days, from its first to its last."""
    return year_start, year_end


def meeting_window(year_start: dt.date, year_end: dt.date) -> tuple[dt.date, dt.date]:
    """Meetings and mentoring entries: the year's own days, and August before
    them for the August meetings (the plan approved, the mentors appointed)."""
    return min(year_start, dt.date(year_start.year, FIRST_MONTH, 1)), year_end


def day_warning(
    day: dt.date | None, year_start: dt.date, year_end: dt.date, terms: list[tuple[dt.date, dt.date]]
) -> str:
    """A sentence when ``day`` is a Sunday, a public holiday or between terms
    (a school break) — worth a second look, though not refused; "" otherwise."""
    if day is None:
        return ""
    shown = day.strftime("%d.%m.%Y")
    holiday = HOLIDAYS.get((day.month, day.day))
    if holiday is not None:
        return _("{date} is a public holiday ({name}).").format(date=shown, name=_(holiday))
    if day.weekday() == 6:
        return _("{date} is a Sunday.").format(date=shown)
    if terms and year_start <= day <= year_end and not any(start <= day <= end for start, end in terms):
        return _("{date} falls in the break between terms.").format(date=shown)
    return ""
