"""Pedagogical mentoring of beginning teachers (docs/domain/order-253.md, 'Mentoring'; Order
No. 253 item 11.5; Order No. 160 of 2020): pairs of mentor and mentee for an
academic year, the order that appointed the mentor, the goals and period, and
at the year's end the mentee's summary and the mentor's conclusion.

A mentee is a teacher of our organisation, a young specialist or a trainee;
one mentee has one mentor a year; nobody mentors themselves. The mentor's plan
is in ``mentoring_plan``, the meeting log in ``mentoring_log``, the reminders
in ``mentoring_attention``, the documents' rows in ``mentoring_print``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import Select, select
from sqlalchemy.orm import Session, selectinload

from metodesk.domain import academic_year
from metodesk.domain.errors import DomainError, NotFound
from metodesk.domain.mentoring_enums import MenteeKind as MenteeKind
from metodesk.domain.text import clean_multiline, initials_name, sort_key
from metodesk.i18n import _, language
from metodesk.i18n.dates import short_date
from metodesk.services.common import check_enum, get_or_fail, limited, reasonable_date
from metodesk.storage.models import AcademicYear, MentoringPair, Teacher

MAX_ORDER_NUMBER = 50
MAX_LONG_TEXT = 5000
PLAN_LANGUAGES = ("kk", "ru")


@dataclass(frozen=True)
class PairRow:
    """A pair as the list, the detail and the documents show it."""

    id: int
    year_id: int
    year_name: str
    mentor_id: int
    mentor_name: str  # full name
    mentor_short: str  # 'Тегі А.Ә.'
    mentor_archived: bool
    mentee_id: int
    mentee_name: str
    mentee_short: str
    mentee_archived: bool
    mentee_kind: str
    order_number: str
    order_date: dt.date | None
    goals: str
    start_date: dt.date | None
    end_date: dt.date | None
    plan_lang: str
    summary: str
    conclusion: str
    activity_count: int
    done_count: int
    entry_count: int
    last_entry: dt.date | None
    total_minutes: int

    @property
    def order_text(self) -> str:
        """'№ 45, 29.08.2025' as the screen shows it ('' when unknown)."""
        parts = [f"№ {self.order_number}" if self.order_number else "", short_date(self.order_date)]
        return ", ".join(p for p in parts if p)


@dataclass
class PairInput:
    """What the pair form edits. ``template_lang`` matters only for a new pair:
    "kk" or "ru" starts its plan from the typical activities in that language,
    "" starts it empty."""

    year_id: int | None = None
    mentor_id: int | None = None
    mentee_id: int | None = None
    mentee_kind: str = MenteeKind.YOUNG_SPECIALIST.value
    order_number: str = ""
    order_date: dt.date | None = None
    goals: str = ""
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    template_lang: str = ""


def full_name(t: Teacher) -> str:
    return " ".join(p for p in (t.surname, t.first_name, t.patronymic) if p)


def short_name(t: Teacher) -> str:
    return initials_name(t.surname, t.first_name, t.patronymic)


def org_name(t: Teacher) -> str:
    """The teacher's organisation in the window's language."""
    org = t.organisation
    return (org.name_ru or org.name_kk) if language() == "ru" else (org.name_kk or org.name_ru)


def pair_row(p: MentoringPair) -> PairRow:
    dates = [e.date for e in p.entries]
    return PairRow(
        id=p.id,
        year_id=p.year_id,
        year_name=p.year.name,
        mentor_id=p.mentor_id,
        mentor_name=full_name(p.mentor),
        mentor_short=short_name(p.mentor),
        mentor_archived=p.mentor.archived,
        mentee_id=p.mentee_id,
        mentee_name=full_name(p.mentee),
        mentee_short=short_name(p.mentee),
        mentee_archived=p.mentee.archived,
        mentee_kind=p.mentee_kind,
        order_number=p.order_number,
        order_date=p.order_date,
        goals=p.goals,
        start_date=p.start_date,
        end_date=p.end_date,
        plan_lang=p.plan_lang,
        summary=p.summary,
        conclusion=p.conclusion,
        activity_count=len(p.activities),
        done_count=sum(a.done_on is not None for a in p.activities),
        entry_count=len(dates),
        last_entry=max(dates) if dates else None,
        total_minutes=sum(e.minutes or 0 for e in p.entries),
    )


def pair_query() -> Select[MentoringPair]:
    """Pairs with everything a row needs, loaded in a few queries."""
    return select(MentoringPair).options(
        selectinload(MentoringPair.year),
        selectinload(MentoringPair.mentor),
        selectinload(MentoringPair.mentee),
        selectinload(MentoringPair.activities),
        selectinload(MentoringPair.entries),
    )


def pair_record(session: Session, pair_id: int) -> MentoringPair:
    """The stored pair, or NotFound with a sentence naming the id."""
    return get_or_fail(
        session, MentoringPair, pair_id, _("There is no mentoring pair with id {id}.").format(id=pair_id)
    )


def get_pair(session: Session, pair_id: int) -> PairRow:
    found = session.scalars(pair_query().where(MentoringPair.id == pair_id)).first()
    if found is None:
        raise NotFound(_("There is no mentoring pair with id {id}.").format(id=pair_id))
    return pair_row(found)


def list_pairs(session: Session, year_id: int | None = None) -> list[PairRow]:
    """The pairs of a year (all years when None), by year then mentee's surname."""
    query = pair_query()
    if year_id is not None:
        query = query.where(MentoringPair.year_id == year_id)
    rows = [pair_row(p) for p in session.scalars(query)]
    return sorted(rows, key=lambda r: (r.year_name, sort_key(r.mentee_name, language()), r.id))


def date_window(year: AcademicYear) -> tuple[dt.date, dt.date]:
    """The dates a pair's period, plan and log may carry in its year: its own
    days, and August before them (mentors are appointed in August)."""
    return academic_year.meeting_window(year.start_date, year.end_date)


def in_window(year: AcademicYear, value: dt.date | None, field: str, what: str) -> dt.date | None:
    """``value`` inside the year's window, or a DomainError on ``field``;
    ``what`` is a sentence with {year}, {start} and {end}."""
    if value is None:
        return None
    start, end = date_window(year)
    if not start <= value <= end:
        raise DomainError(
            what.format(year=year.name, start=short_date(start), end=short_date(end)), field=field
        )
    return value


def proposed_pair(session: Session, year_id: int, mentee_id: int | None = None) -> PairInput:
    """What a new pair form starts with: the year's dates, the mentee (from the
    attention list, say) with their kind, and the template in the print language."""
    from metodesk.services import settings

    year = get_or_fail(session, AcademicYear, year_id, _("The academic year was not found."))
    kind = MenteeKind.YOUNG_SPECIALIST.value
    if mentee_id is not None:
        mentee = session.get(Teacher, mentee_id)
        if mentee is not None and not mentee.young_specialist:
            kind = MenteeKind.TRAINEE.value
    lang = settings.print_language(session)
    return PairInput(
        year_id=year.id,
        mentee_id=mentee_id,
        mentee_kind=kind,
        start_date=year.start_date,
        end_date=year.end_date,
        template_lang=lang if lang in PLAN_LANGUAGES else "kk",
    )


def _teacher(session: Session, teacher_id: int | None, field: str, missing: str) -> Teacher:
    if teacher_id is None:
        raise DomainError(missing, field=field)
    teacher = session.get(Teacher, teacher_id)
    if teacher is None:
        raise DomainError(_("There is no teacher with id {id}.").format(id=teacher_id), field=field)
    return teacher


def _check_people(
    session: Session, data: PairInput, pair: MentoringPair | None, year: AcademicYear
) -> tuple[Teacher, Teacher]:
    """The refusals of Order No. 160's pairs: ours, not archived, not oneself,
    one mentor a year."""
    mentee = _teacher(session, data.mentee_id, "mentee_id", _("Choose the mentee."))
    if mentee.archived and (pair is None or pair.mentee_id != mentee.id):
        raise DomainError(
            _("{name} is archived; choose a teacher who works here now.").format(name=full_name(mentee)),
            field="mentee_id",
        )
    if not mentee.organisation.is_ours:
        raise DomainError(
            _(
                "{name} works in {organisation}, not in our organisation; only our own teachers are mentored here."
            ).format(name=full_name(mentee), organisation=org_name(mentee)),
            field="mentee_id",
        )
    check_enum(data.mentee_kind, MenteeKind, "mentee_kind")
    if data.mentee_kind == MenteeKind.YOUNG_SPECIALIST.value and not mentee.young_specialist:
        raise DomainError(
            _(
                "{name} is not marked as a young specialist; mark the teacher in the Teachers tab "
                "or choose “Trainee teacher”."
            ).format(name=full_name(mentee)),
            field="mentee_kind",
        )
    mentor = _teacher(session, data.mentor_id, "mentor_id", _("Choose the mentor."))
    if mentor.id == mentee.id:
        raise DomainError(
            _("A teacher cannot mentor themselves; choose another mentor for {name}.").format(
                name=full_name(mentee)
            ),
            field="mentor_id",
        )
    if mentor.archived and (pair is None or pair.mentor_id != mentor.id):
        raise DomainError(
            _("{name} is archived; choose a teacher who works here now.").format(name=full_name(mentor)),
            field="mentor_id",
        )
    other = session.scalars(
        select(MentoringPair).where(MentoringPair.mentee_id == mentee.id, MentoringPair.year_id == year.id)
    ).first()
    if other is not None and (pair is None or other.id != pair.id):
        raise DomainError(
            _(
                "{name} already has a mentor in {year}: {mentor}. A mentee has one mentor a year; "
                "edit that pair instead."
            ).format(name=full_name(mentee), year=year.name, mentor=full_name(other.mentor)),
            field="mentee_id",
        )
    return mentor, mentee


def _check_dates(
    data: PairInput, year: AcademicYear
) -> tuple[dt.date | None, dt.date | None, dt.date | None]:
    order_date = reasonable_date(data.order_date, "order_date")
    outside = _("The mentoring period lies in the year {year}: between {start} and {end}.")
    start = in_window(year, data.start_date, "start_date", outside)
    end = in_window(year, data.end_date, "end_date", outside)
    if start is not None and end is not None and end < start:
        raise DomainError(_("The end of the mentoring comes before its start."), field="end_date")
    return order_date, start, end


def long_text(value: str | None, field: str, limit: int = MAX_LONG_TEXT) -> str:
    """A multi-line text kept with its line breaks, refused when too long."""
    text = clean_multiline(value)
    if len(text) > limit:
        raise DomainError(
            _("This text is too long: at most {limit} characters.").format(limit=limit), field=field
        )
    return text


def save_pair(session: Session, data: PairInput, pair_id: int | None = None) -> int:
    """Create a pair (its plan from the template when asked) or correct one.
    Every field is checked before anything is written."""
    pair = pair_record(session, pair_id) if pair_id is not None else None
    if data.year_id is None:
        raise DomainError(_("Choose the academic year."), field="year_id")
    year = get_or_fail(session, AcademicYear, data.year_id, _("The academic year was not found."))
    if pair is not None and pair.year_id != year.id:
        raise DomainError(_("A pair cannot move to another academic year."), field="year_id")
    mentor, mentee = _check_people(session, data, pair, year)
    order_number = limited(data.order_number, "order_number", MAX_ORDER_NUMBER).removeprefix("№").strip()
    order_date, start, end = _check_dates(data, year)
    goals = long_text(data.goals, "goals")
    if pair is None and data.template_lang not in ("", *PLAN_LANGUAGES):
        raise DomainError(_("Choose the language of the plan."), field="template_lang")
    created = pair is None
    if pair is None:
        pair = MentoringPair(year_id=year.id, plan_lang=data.template_lang)
        session.add(pair)
    pair.mentor_id, pair.mentee_id, pair.mentee_kind = mentor.id, mentee.id, data.mentee_kind
    pair.order_number, pair.order_date, pair.goals = order_number, order_date, goals
    pair.start_date, pair.end_date = start, end
    session.flush()
    if created and data.template_lang:
        from metodesk.services import mentoring_plan

        mentoring_plan.add_template(session, pair.id, data.template_lang)
    return pair.id


def save_summary(session: Session, pair_id: int, summary: str, conclusion: str) -> None:
    """The mentee's end-of-year summary and the mentor's conclusion."""
    pair = pair_record(session, pair_id)
    summary_text = long_text(summary, "summary")
    conclusion_text = long_text(conclusion, "conclusion")
    pair.summary, pair.conclusion = summary_text, conclusion_text
    session.flush()


def delete_pair(session: Session, pair_id: int) -> None:
    """Delete a pair with its plan and log (a pair entered by mistake)."""
    session.delete(pair_record(session, pair_id))
    session.flush()


@dataclass(frozen=True)
class PersonChoice:
    """A teacher offered in the pair form's lists."""

    id: int
    full_name: str
    young_specialist: bool
    ours: bool
    organisation_kk: str
    organisation_ru: str


def people(session: Session, keep: tuple[int, ...] = ()) -> list[PersonChoice]:
    """Teachers who may be chosen: everyone not archived, and the ``keep`` ids
    (an existing pair's people, archived since)."""
    query = select(Teacher).options(selectinload(Teacher.organisation))
    rows = []
    for t in session.scalars(query):
        if t.archived and t.id not in keep:
            continue
        rows.append(
            PersonChoice(
                t.id,
                full_name(t),
                t.young_specialist,
                t.organisation.is_ours,
                t.organisation.name_kk,
                t.organisation.name_ru or t.organisation.name_kk,
            )
        )
    return rows
