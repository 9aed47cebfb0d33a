"""Open lessons and mutual visits (docs/domain/order-253.md, 'Open lessons'): the lessons, their
moves to new dates, the criteria sets observation sheets follow, the filled
sheets with their scores, and which agenda item of a meeting discussed which
lesson.

A filled sheet copies the set's name, scale, legend and every criterion's
wording into its own rows, so editing or deleting a set never rewrites a sheet.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    ForeignKey,
    Integer,
    String,
    Table,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from metodesk.storage.base import Base, Record
from metodesk.storage.models.core import AcademicYear, Association, Subject, Teacher

# An agenda item that discussed a lesson: the protocol names the lesson under it.
agenda_item_lesson = Table(
    "agenda_item_lesson",
    Base.metadata,
    Column("agenda_item_id", ForeignKey("agenda_item.id", ondelete="CASCADE"), primary_key=True),
    Column("lesson_id", ForeignKey("lesson.id", ondelete="CASCADE"), primary_key=True, index=True),
)


class CriteriaSet(Record, Base):
    """An ordered list of criteria with a score scale (e.g. 0-2 or 1-3).

    The seeded set carries a stable ``code``, so seeding is idempotent and a
    set the user removed stays archived instead of coming back."""

    __tablename__ = "criteria_set"
    code: Mapped[str | None] = mapped_column(String(64), nullable=True, unique=True)
    name_kk: Mapped[str] = mapped_column(String(200))
    name_ru: Mapped[str] = mapped_column(String(200), default="")
    scale_min: Mapped[int] = mapped_column(Integer, default=0)
    scale_max: Mapped[int] = mapped_column(Integer, default=2)
    legend_kk: Mapped[str] = mapped_column(String(500), default="")
    legend_ru: Mapped[str] = mapped_column(String(500), default="")
    archived: Mapped[bool] = mapped_column(Boolean, default=False)

    criteria: Mapped[list[Criterion]] = relationship(
        back_populates="criteria_set",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="Criterion.position",
    )


class Criterion(Record, Base):
    """One criterion of a set, in Kazakh and Russian."""

    __tablename__ = "criterion"
    set_id: Mapped[int] = mapped_column(ForeignKey("criteria_set.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    text_kk: Mapped[str] = mapped_column(Text, default="")
    text_ru: Mapped[str] = mapped_column(Text, default="")

    criteria_set: Mapped[CriteriaSet] = relationship(back_populates="criteria")


class Lesson(Record, Base):
    """An open lesson, a mutual visit, a master class or a lesson study.

    ``grade`` is 0-12 with a ``class_letter``, or None with a preschool
    ``group_name``. ``subject_text`` names a subject that is not in the list
    (a preschool activity). Moving a lesson keeps each earlier date in ``moves``."""

    __tablename__ = "lesson"
    year_id: Mapped[int] = mapped_column(ForeignKey("academic_year.id", ondelete="RESTRICT"), index=True)
    association_id: Mapped[int] = mapped_column(ForeignKey("association.id", ondelete="RESTRICT"), index=True)
    teacher_id: Mapped[int] = mapped_column(ForeignKey("teacher.id", ondelete="RESTRICT"), index=True)
    subject_id: Mapped[int | None] = mapped_column(
        ForeignKey("subject.id", ondelete="RESTRICT"), nullable=True, index=True
    )
    subject_text: Mapped[str] = mapped_column(String(200), default="")
    grade: Mapped[int | None] = mapped_column(Integer, nullable=True)
    class_letter: Mapped[str] = mapped_column(String(8), default="")
    group_name: Mapped[str] = mapped_column(String(100), default="")
    date: Mapped[dt.date] = mapped_column(Date, index=True)
    period: Mapped[int | None] = mapped_column(Integer, nullable=True)
    topic: Mapped[str] = mapped_column(Text, default="")
    objectives: Mapped[str] = mapped_column(Text, default="")
    kind: Mapped[str] = mapped_column(String(16), default="open_lesson")
    status: Mapped[str] = mapped_column(String(16), default="planned")
    note: Mapped[str] = mapped_column(String(500), default="")

    year: Mapped[AcademicYear] = relationship()
    association: Mapped[Association] = relationship()
    teacher: Mapped[Teacher] = relationship()
    subject: Mapped[Subject | None] = relationship()
    moves: Mapped[list[LessonMove]] = relationship(
        back_populates="lesson", cascade="all, delete-orphan", passive_deletes=True, order_by="LessonMove.id"
    )
    observations: Mapped[list[Observation]] = relationship(
        back_populates="lesson", cascade="all, delete-orphan", passive_deletes=True, order_by="Observation.id"
    )


class LessonMove(Record, Base):
    """One move of a lesson to a new date (and period), with the reason."""

    __tablename__ = "lesson_move"
    lesson_id: Mapped[int] = mapped_column(ForeignKey("lesson.id", ondelete="CASCADE"), index=True)
    from_date: Mapped[dt.date] = mapped_column(Date)
    from_period: Mapped[int | None] = mapped_column(Integer, nullable=True)
    to_date: Mapped[dt.date] = mapped_column(Date)
    to_period: Mapped[int | None] = mapped_column(Integer, nullable=True)
    reason: Mapped[str] = mapped_column(String(300), default="")

    lesson: Mapped[Lesson] = relationship(back_populates="moves")


class Observation(Record, Base):
    """A filled observation sheet: who observed, why, and what they found.

    The observer is one of our teachers (``observer_teacher_id``) or a name
    typed in (the deputy, a district methodist, a guest) with a position.
    The set's name, scale and legend are copies taken when the sheet was made."""

    __tablename__ = "observation"
    lesson_id: Mapped[int] = mapped_column(ForeignKey("lesson.id", ondelete="CASCADE"), index=True)
    observer_teacher_id: Mapped[int | None] = mapped_column(
        ForeignKey("teacher.id", ondelete="RESTRICT"), nullable=True, index=True
    )
    observer_name: Mapped[str] = mapped_column(String(200), default="")
    observer_position: Mapped[str] = mapped_column(String(200), default="")
    purpose: Mapped[str] = mapped_column(Text, default="")
    criteria_set_id: Mapped[int | None] = mapped_column(
        ForeignKey("criteria_set.id", ondelete="SET NULL"), nullable=True, index=True
    )
    set_name_kk: Mapped[str] = mapped_column(String(200), default="")
    set_name_ru: Mapped[str] = mapped_column(String(200), default="")
    scale_min: Mapped[int] = mapped_column(Integer, default=0)
    scale_max: Mapped[int] = mapped_column(Integer, default=2)
    legend_kk: Mapped[str] = mapped_column(String(500), default="")
    legend_ru: Mapped[str] = mapped_column(String(500), default="")
    strengths: Mapped[str] = mapped_column(Text, default="")
    recommendations: Mapped[str] = mapped_column(Text, default="")
    conclusion: Mapped[str] = mapped_column(Text, default="")
    acknowledged: Mapped[bool] = mapped_column(Boolean, default=False)
    acknowledged_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)

    lesson: Mapped[Lesson] = relationship(back_populates="observations")
    observer_teacher: Mapped[Teacher | None] = relationship()
    criteria_set: Mapped[CriteriaSet | None] = relationship()
    scores: Mapped[list[ObservationScore]] = relationship(
        back_populates="observation",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="ObservationScore.position",
    )


class ObservationScore(Record, Base):
    """One criterion of a filled sheet: its wording as it was, and the score
    (None when the observer left it unscored)."""

    __tablename__ = "observation_score"
    observation_id: Mapped[int] = mapped_column(ForeignKey("observation.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    criterion_id: Mapped[int | None] = mapped_column(
        ForeignKey("criterion.id", ondelete="SET NULL"), nullable=True, index=True
    )
    text_kk: Mapped[str] = mapped_column(Text, default="")
    text_ru: Mapped[str] = mapped_column(Text, default="")
    score: Mapped[int | None] = mapped_column(Integer, nullable=True)

    observation: Mapped[Observation] = relationship(back_populates="scores")
