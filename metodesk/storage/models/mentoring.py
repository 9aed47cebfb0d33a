"""Pedagogical mentoring of beginning teachers (docs/domain/order-253.md, 'Mentoring'; Order
No. 253 item 11.5): a pair of mentor and mentee for an academic year, the
mentor's plan in the shape of the official form (Order No. 130 of 2020,
appendix 9), and the log of their meetings.

One mentee has at most one mentor in a year. A lesson visit in the log may
point to an open-lesson record and its observation sheet; deleting those
keeps the log entry and drops the link.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from metodesk.storage.base import Base, Record
from metodesk.storage.models.core import AcademicYear, Teacher
from metodesk.storage.models.lessons import Lesson, Observation


class MentoringPair(Record, Base):
    """A mentor and a mentee (a young specialist or a trainee teacher) for one
    academic year, with the order that appointed the mentor, the goals, the
    period, and at the end the mentee's summary and the mentor's conclusion.

    ``plan_lang`` is the language the plan's template was taken in ("kk",
    "ru", or "" for a plan started empty)."""

    __tablename__ = "mentoring_pair"
    __table_args__ = (UniqueConstraint("mentee_id", "year_id"),)
    year_id: Mapped[int] = mapped_column(ForeignKey("academic_year.id", ondelete="RESTRICT"), index=True)
    mentor_id: Mapped[int] = mapped_column(ForeignKey("teacher.id", ondelete="RESTRICT"), index=True)
    mentee_id: Mapped[int] = mapped_column(ForeignKey("teacher.id", ondelete="RESTRICT"), index=True)
    mentee_kind: Mapped[str] = mapped_column(String(24), default="young_specialist")
    order_number: Mapped[str] = mapped_column(String(50), default="")
    order_date: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    goals: Mapped[str] = mapped_column(Text, default="")
    start_date: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    end_date: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    plan_lang: Mapped[str] = mapped_column(String(2), default="")
    summary: Mapped[str] = mapped_column(Text, default="")
    conclusion: Mapped[str] = mapped_column(Text, default="")

    year: Mapped[AcademicYear] = relationship()
    mentor: Mapped[Teacher] = relationship(foreign_keys=[mentor_id])
    mentee: Mapped[Teacher] = relationship(foreign_keys=[mentee_id])
    activities: Mapped[list[MentoringActivity]] = relationship(
        back_populates="pair",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="MentoringActivity.position",
    )
    entries: Mapped[list[MentoringLogEntry]] = relationship(
        back_populates="pair",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="MentoringLogEntry.date",
    )


class MentoringActivity(Record, Base):
    """A row of the mentor's plan: № | activity | date | form of completion |
    mark. ``due_date`` drives the reminders; ``when_text`` is what the plan
    prints instead when it says more than a date ("жыл бойы"). Done is
    ``done_on`` set, with an optional note beside the mark."""

    __tablename__ = "mentoring_activity"
    pair_id: Mapped[int] = mapped_column(ForeignKey("mentoring_pair.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    activity: Mapped[str] = mapped_column(Text, default="")
    due_date: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    when_text: Mapped[str] = mapped_column(String(100), default="")
    completion_form: Mapped[str] = mapped_column(String(300), default="")
    done_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    mark_note: Mapped[str] = mapped_column(String(200), default="")

    pair: Mapped[MentoringPair] = relationship(back_populates="activities")


class MentoringLogEntry(Record, Base):
    """One meeting of the pair: date, kind (MentoringKind), topic, length in
    minutes, notes; a lesson visit may name the lesson and its sheet."""

    __tablename__ = "mentoring_log_entry"
    pair_id: Mapped[int] = mapped_column(ForeignKey("mentoring_pair.id", ondelete="CASCADE"), index=True)
    date: Mapped[dt.date] = mapped_column(Date, index=True)
    kind: Mapped[str] = mapped_column(String(24), default="consultation")
    topic: Mapped[str] = mapped_column(Text, default="")
    minutes: Mapped[int | None] = mapped_column(Integer, nullable=True)
    notes: Mapped[str] = mapped_column(Text, default="")
    lesson_id: Mapped[int | None] = mapped_column(
        ForeignKey("lesson.id", ondelete="SET NULL"), nullable=True, index=True
    )
    observation_id: Mapped[int | None] = mapped_column(
        ForeignKey("observation.id", ondelete="SET NULL"), nullable=True, index=True
    )

    pair: Mapped[MentoringPair] = relationship(back_populates="entries")
    lesson: Mapped[Lesson | None] = relationship()
    observation: Mapped[Observation | None] = relationship()
