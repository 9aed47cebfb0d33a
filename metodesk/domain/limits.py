"""Bounds every stored value keeps, whichever way it came in (a dialog, the
command line, an exchange package): the dates a school record can hold, the
characters text may contain, how far in the future a record's time may be.

A value inside these bounds can be shown, sorted, printed to PDF and written
to XLSX; one outside them is refused before it is stored.
"""

from __future__ import annotations

import datetime as dt
import re

# The dates a school record can hold (the services' ``reasonable_date``).
DATE_MIN = dt.date(1940, 1, 1)
DATE_MAX = dt.date(2100, 12, 31)
# Record times (created, last edited): not before metodesk's own era, and not
# more than a little ahead of this computer's clock (a school's clock may be
# a few hours wrong; a record stamped years ahead would win every later edit).
TIME_MIN = dt.datetime(2000, 1, 1)
FUTURE_TOLERANCE = dt.timedelta(days=1)

# Characters no text field may hold: C0 controls other than tab and line
# breaks (XML, and so XLSX and DOCX, cannot hold them), lone surrogates (no
# UTF-8 file or terminal can), and the two non-characters U+FFFE and U+FFFF.
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def bad_character(text: str) -> str | None:
    """The first character ``text`` may not hold, or None when it is clean."""
    found = _FORBIDDEN.search(text)
    return None if found is None else found.group()


def printable(text: str, limit: int = 60) -> str:
    """``text`` made safe to put inside a sentence: forbidden characters as
    U+FFFD, runs of white space as one space, at most ``limit`` characters."""
    short = text[: limit * 4]
    words = " ".join(_FORBIDDEN.sub("\ufffd", short).split())
    return words if len(words) <= limit else words[: limit - 1] + "…"


def date_in_range(value: dt.date) -> bool:
    return DATE_MIN <= value <= DATE_MAX


def latest_time(now: dt.datetime | None = None) -> dt.datetime:
    """The latest record time accepted now (UTC, naive like the stored times)."""
    now = now or dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
    return now + FUTURE_TOLERANCE
