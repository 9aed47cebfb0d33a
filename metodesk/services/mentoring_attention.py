"""What needs the methodist's attention in a year's mentoring: young
specialists of ours with no mentor that year; pairs with no meeting logged
for more than 30 days; plan activities past their date and not done.

Each item is a sentence in the window's language with the ids the tab needs
to act on it ("create a pair" for a young specialist, open the pair for the
others).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from metodesk.domain.text import sort_key
from metodesk.i18n import _, language, ngettext
from metodesk.i18n.dates import short_date
from metodesk.services.common import get_or_fail
from metodesk.services.mentoring import full_name, short_name
from metodesk.storage.models import AcademicYear, MentoringPair, Organisation, Teacher

QUIET_DAYS = 30
SHOWN_ACTIVITY = 90  # characters of an activity quoted in a sentence

NO_MENTOR, QUIET, OVERDUE = "no_mentor", "quiet", "overdue"


@dataclass(frozen=True)
class AttentionItem:
    kind: str  # NO_MENTOR, QUIET or OVERDUE
    message: str
    teacher_id: int | None = None  # the young specialist without a mentor
    pair_id: int | None = None
    activity_id: int | None = None
    date: dt.date | None = None  # the last meeting, the pair's start, or the activity's date


def _quoted(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= SHOWN_ACTIVITY else text[: SHOWN_ACTIVITY - 1].rstrip() + "…"


def without_mentor(session: Session, year: AcademicYear) -> list[Teacher]:
    """Our young specialists (not archived) who are no mentee in ``year``."""
    mentees = select(MentoringPair.mentee_id).where(MentoringPair.year_id == year.id)
    query = (
        select(Teacher)
        .join(Organisation, Organisation.id == Teacher.organisation_id)
        .where(
            Teacher.young_specialist.is_(True),
            Teacher.archived.is_(False),
            Organisation.is_ours.is_(True),
            Teacher.id.not_in(mentees),
        )
    )
    return sorted(session.scalars(query), key=lambda t: sort_key(full_name(t), language()))


def _quiet(pair: MentoringPair, today: dt.date, days: int) -> AttentionItem | None:
    """A pair that began, whose last logged meeting (or start) lies more than
    ``days`` before today, or before the pair's end when it is over."""
    start = pair.start_date or pair.year.start_date
    end = pair.end_date or pair.year.end_date
    if start > today:
        return None
    last = max((e.date for e in pair.entries if e.date <= today), default=None)
    since = last or start
    over = end < today
    gap = ((end if over else today) - since).days
    if gap <= days:
        return None
    names = {"mentee": short_name(pair.mentee), "mentor": short_name(pair.mentor), "date": short_date(since)}
    if over and last is not None:
        text = ngettext(
            "{mentee} and {mentor} logged no meeting in the last {n} day of the mentoring, after {date}.",
            "{mentee} and {mentor} logged no meeting in the last {n} days of the mentoring, after {date}.",
            gap,
        )
    elif over:
        text = _("{mentee} and {mentor} logged no meeting at all; the mentoring began on {date}.")
    elif last is not None:
        text = ngettext(
            "{mentee} and {mentor} have logged no meeting for {n} day, since {date}.",
            "{mentee} and {mentor} have logged no meeting for {n} days, since {date}.",
            gap,
        )
    else:
        text = ngettext(
            "{mentee} and {mentor} have logged no meeting yet; the mentoring began {n} day ago, on {date}.",
            "{mentee} and {mentor} have logged no meeting yet; the mentoring began {n} days ago, on {date}.",
            gap,
        )
    return AttentionItem(QUIET, text.format(n=gap, **names), pair_id=pair.id, date=since)


def attention_list(
    session: Session, year_id: int, today: dt.date | None = None, quiet_days: int = QUIET_DAYS
) -> list[AttentionItem]:
    """Everything to look at in the year's mentoring, young specialists first,
    then quiet pairs, then overdue plan activities by date."""
    today = today or dt.date.today()
    year = get_or_fail(session, AcademicYear, year_id, _("The academic year was not found."))
    items = [
        AttentionItem(
            NO_MENTOR,
            _("{name} is a young specialist with no mentor in {year}.").format(
                name=full_name(t), year=year.name
            ),
            teacher_id=t.id,
        )
        for t in without_mentor(session, year)
    ]
    pairs = list(
        session.scalars(
            select(MentoringPair)
            .where(MentoringPair.year_id == year.id)
            .options(
                selectinload(MentoringPair.year),
                selectinload(MentoringPair.mentor),
                selectinload(MentoringPair.mentee),
                selectinload(MentoringPair.entries),
                selectinload(MentoringPair.activities),
            )
        )
    )
    pairs.sort(key=lambda p: sort_key(full_name(p.mentee), language()))
    items += [item for item in (_quiet(p, today, quiet_days) for p in pairs) if item is not None]
    overdue = []
    for pair in pairs:
        for number, activity in enumerate(pair.activities, start=1):
            if activity.done_on is None and activity.due_date is not None and activity.due_date < today:
                message = _(
                    "{mentee}, plan item {number}: “{activity}” was due on {date} and is not marked done."
                )
                overdue.append(
                    AttentionItem(
                        OVERDUE,
                        message.format(
                            mentee=short_name(pair.mentee),
                            number=number,
                            activity=_quoted(activity.activity),
                            date=short_date(activity.due_date),
                        ),
                        pair_id=pair.id,
                        activity_id=activity.id,
                        date=activity.due_date,
                    )
                )
    overdue.sort(key=lambda i: (i.date or today, i.pair_id or 0))
    return items + overdue
