"""Professional growth (docs/domain/order-253.md, 'Professional growth'): each teacher's self-education
topic of a year, generalised experience (with its teachers), methodical events
(with their participants and the plan activity they fulfil) and pupils'
olympiad and competition results with the teacher who prepared them.

Every record belongs to an academic year. Records refer to teachers with
RESTRICT, as history does: a teacher who has them is archived, not deleted.
Coded columns hold ``domain.growth`` codes.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Column, Date, ForeignKey, Integer, String, Table, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from metodesk.storage.base import Base, Record
from metodesk.storage.models.core import AcademicYear, Subject, Teacher
from metodesk.storage.models.plans import PlanActivity

experience_teacher = Table(
    "experience_teacher",
    Base.metadata,
    Column("experience_id", ForeignKey("experience.id", ondelete="CASCADE"), primary_key=True),
    Column("teacher_id", ForeignKey("teacher.id", ondelete="RESTRICT"), primary_key=True, index=True),
)


class SelfEducation(Record, Base):
    """A teacher's self-education topic in one year: its stage, the plan of
    its stages, and the report on it (form, date, where it was heard)."""

    __tablename__ = "self_education"
    __table_args__ = (UniqueConstraint("teacher_id", "year_id"),)
    teacher_id: Mapped[int] = mapped_column(ForeignKey("teacher.id", ondelete="RESTRICT"), index=True)
    year_id: Mapped[int] = mapped_column(ForeignKey("academic_year.id", ondelete="RESTRICT"), index=True)
    topic: Mapped[str] = mapped_column(String(300))
    stage: Mapped[str] = mapped_column(String(16), default="study")
    plan: Mapped[str] = mapped_column(Text, default="")
    report_form: Mapped[str] = mapped_column(String(16), default="")
    report_date: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    heard_at: Mapped[str] = mapped_column(String(24), default="")
    result: Mapped[str] = mapped_column(String(300), default="")

    teacher: Mapped[Teacher] = relationship()
    year: Mapped[AcademicYear] = relationship()


class Experience(Record, Base):
    """Generalised pedagogical experience: a topic of one or more teachers,
    approved at a level, where and when, with its published materials."""

    __tablename__ = "experience"
    year_id: Mapped[int] = mapped_column(ForeignKey("academic_year.id", ondelete="RESTRICT"), index=True)
    topic: Mapped[str] = mapped_column(String(300))
    level: Mapped[str] = mapped_column(String(16), default="school")
    presented_at: Mapped[str] = mapped_column(String(300), default="")
    approved_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    document: Mapped[str] = mapped_column(String(100), default="")
    materials: Mapped[str] = mapped_column(Text, default="")

    year: Mapped[AcademicYear] = relationship()
    teachers: Mapped[list[Teacher]] = relationship(secondary=experience_teacher)


class GrowthEvent(Record, Base):
    """A methodical event: a seminar, a master class, a subject week, a
    teachers' competition… on a date (or from ``start_date`` to ``end_date``),
    at a level, by an organiser, with its result and materials. It may fulfil
    one activity of an annual plan of its year."""

    __tablename__ = "growth_event"
    year_id: Mapped[int] = mapped_column(ForeignKey("academic_year.id", ondelete="RESTRICT"), index=True)
    title: Mapped[str] = mapped_column(String(300))
    form: Mapped[str] = mapped_column(String(24), default="seminar")
    level: Mapped[str] = mapped_column(String(16), default="school")
    start_date: Mapped[dt.date] = mapped_column(Date, index=True)
    end_date: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    organiser: Mapped[str] = mapped_column(String(300), default="")
    result: Mapped[str] = mapped_column(String(300), default="")
    materials: Mapped[str] = mapped_column(Text, default="")
    plan_activity_id: Mapped[int | None] = mapped_column(
        ForeignKey("plan_activity.id", ondelete="SET NULL"), nullable=True, unique=True
    )

    year: Mapped[AcademicYear] = relationship()
    plan_activity: Mapped[PlanActivity | None] = relationship()
    participants: Mapped[list[EventParticipant]] = relationship(
        back_populates="event",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="EventParticipant.id",
    )


class EventParticipant(Record, Base):
    """A teacher at an event, with the role and the teacher's own result."""

    __tablename__ = "event_participant"
    __table_args__ = (UniqueConstraint("event_id", "teacher_id"),)
    event_id: Mapped[int] = mapped_column(ForeignKey("growth_event.id", ondelete="CASCADE"), index=True)
    teacher_id: Mapped[int] = mapped_column(ForeignKey("teacher.id", ondelete="RESTRICT"), index=True)
    role: Mapped[str] = mapped_column(String(16), default="participant")
    result: Mapped[str] = mapped_column(String(200), default="")

    event: Mapped[GrowthEvent] = relationship(back_populates="participants")
    teacher: Mapped[Teacher] = relationship()


class OlympiadResult(Record, Base):
    """A pupil's result at an olympiad or a competition: who (name, grade),
    in what subject, at which stage, the result, and the preparing teacher."""

    __tablename__ = "olympiad_result"
    year_id: Mapped[int] = mapped_column(ForeignKey("academic_year.id", ondelete="RESTRICT"), index=True)
    kind: Mapped[str] = mapped_column(String(16), default="olympiad")
    title: Mapped[str] = mapped_column(String(300), default="")
    date: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    pupil: Mapped[str] = mapped_column(String(200))
    grade: Mapped[int] = mapped_column(Integer)
    subject_id: Mapped[int | None] = mapped_column(
        ForeignKey("subject.id", ondelete="RESTRICT"), nullable=True, index=True
    )
    level: Mapped[str] = mapped_column(String(16), default="school")
    result: Mapped[str] = mapped_column(String(16), default="participant")
    teacher_id: Mapped[int] = mapped_column(ForeignKey("teacher.id", ondelete="RESTRICT"), index=True)

    year: Mapped[AcademicYear] = relationship()
    subject: Mapped[Subject | None] = relationship()
    teacher: Mapped[Teacher] = relationship()
