"""One line per growth record, tab-separated, for ``metodesk list events``,
``list experience`` and ``list olympiads`` (the command line's other lists
print the same way: the id first). Codes are printed as they are stored, so a
script can read them; text is made safe for one line."""

from __future__ import annotations

from sqlalchemy.orm import Session

from metodesk.domain import limits
from metodesk.services import growth, growth_events, years


def _year_id(session: Session, name: str | None) -> int | None:
    """The id of the year named ("2025-2026"); a DomainError with a sentence for one not there."""
    return years.year_by_name(session, name).id if name else None


def _one_line(text: str) -> str:
    return limits.printable(" ".join(text.split()), 200)


def event_lines(session: Session, year: str | None = None) -> list[str]:
    """id, dates, form, level, title, participants (short names)."""
    return [
        "\t".join(
            (
                str(e.id),
                e.start_date.isoformat() + (f"..{e.end_date.isoformat()}" if e.end_date else ""),
                e.form,
                e.level,
                _one_line(e.title),
                ", ".join(p.teacher for p in e.participants),
            )
        )
        for e in growth_events.list_events(session, year_id=_year_id(session, year))
    ]


def experience_lines(session: Session, year: str | None = None) -> list[str]:
    """id, year, level, approved on, topic, teachers."""
    return [
        "\t".join(
            (
                str(x.id),
                x.year,
                x.level,
                x.approved_on.isoformat() if x.approved_on else "",
                _one_line(x.topic),
                ", ".join(x.teachers),
            )
        )
        for x in growth.list_experience(session, year_id=_year_id(session, year))
    ]


def olympiad_lines(session: Session, year: str | None = None, lang: str = "kk") -> list[str]:
    """id, year, level, result, pupil, grade, subject (or title), preparing teacher."""
    return [
        "\t".join(
            (
                str(r.id),
                r.year,
                r.level,
                r.result,
                _one_line(r.pupil),
                str(r.grade),
                _one_line(r.subject(lang) or r.title),
                r.teacher,
            )
        )
        for r in growth_events.list_olympiads(session, year_id=_year_id(session, year))
    ]
