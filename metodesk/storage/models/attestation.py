"""Attestation (docs/domain/order-253.md, 'Attestation'): the rules as data with valid-from dates,
each teacher's category history, attestation cases with their stages (the
lesson observations link to observation sheets of the open-lessons area), and
professional-development courses.

Records that are history refer to the teacher with RESTRICT: a teacher who has
them is archived, not deleted.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from metodesk.storage.base import Base, Record
from metodesk.storage.models.core import Teacher
from metodesk.storage.models.lessons import Observation


class AttestationRule(Record, Base):
    """One number of the attestation rules, in force from ``valid_from``
    (domain.attestation names the kinds and subjects)."""

    __tablename__ = "attestation_rule"
    __table_args__ = (UniqueConstraint("kind", "subject", "valid_from"),)
    kind: Mapped[str] = mapped_column(String(16))
    subject: Mapped[str] = mapped_column(String(32), default="")
    value: Mapped[int] = mapped_column(Integer)
    valid_from: Mapped[dt.date] = mapped_column(Date)


class CategoryAward(Record, Base):
    """A category awarded (or confirmed) to a teacher: the entry of the history.
    ``case_id`` is the attestation case that produced it, when there was one."""

    __tablename__ = "category_award"
    teacher_id: Mapped[int] = mapped_column(ForeignKey("teacher.id", ondelete="RESTRICT"), index=True)
    category: Mapped[str] = mapped_column(String(32))
    award_date: Mapped[dt.date] = mapped_column(Date)
    order_number: Mapped[str] = mapped_column(String(100), default="")
    basis: Mapped[str] = mapped_column(String(16), default="regular")
    decision_body: Mapped[str] = mapped_column(String(16), default="organisation")
    case_id: Mapped[int | None] = mapped_column(
        ForeignKey("attestation_case.id", ondelete="SET NULL"), nullable=True, index=True
    )

    teacher: Mapped[Teacher] = relationship()


class AttestationCase(Record, Base):
    """A teacher's attestation in one attestation year (``year_start``: 2025
    for 2025-2026) with its stages: application, knowledge test, lesson
    observations, portfolio, the commission's decision and the order."""

    __tablename__ = "attestation_case"
    __table_args__ = (UniqueConstraint("teacher_id", "year_start"),)
    teacher_id: Mapped[int] = mapped_column(ForeignKey("teacher.id", ondelete="RESTRICT"), index=True)
    year_start: Mapped[int] = mapped_column(Integer)
    target_category: Mapped[str] = mapped_column(String(32))
    window: Mapped[str] = mapped_column(String(16), default="jan_may")
    basis: Mapped[str] = mapped_column(String(16), default="regular")
    application_date: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    test_date: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    test_score: Mapped[int | None] = mapped_column(Integer, nullable=True)
    portfolio_status: Mapped[str] = mapped_column(String(16), default="not_started")
    decision: Mapped[str] = mapped_column(String(16), default="pending")
    decision_date: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    decision_body: Mapped[str] = mapped_column(String(16), default="organisation")
    order_number: Mapped[str] = mapped_column(String(100), default="")
    note: Mapped[str] = mapped_column(Text, default="")

    teacher: Mapped[Teacher] = relationship()
    observations: Mapped[list[CaseObservation]] = relationship(
        back_populates="case",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="CaseObservation.date",
    )


class CaseObservation(Record, Base):
    """A lesson observed for the qualification assessment: a date and a note,
    and the observation sheet from the open-lessons area when there is one."""

    __tablename__ = "case_observation"
    case_id: Mapped[int] = mapped_column(ForeignKey("attestation_case.id", ondelete="CASCADE"), index=True)
    observation_id: Mapped[int | None] = mapped_column(
        ForeignKey("observation.id", ondelete="SET NULL"), nullable=True, index=True
    )
    date: Mapped[dt.date] = mapped_column(Date)
    note: Mapped[str] = mapped_column(String(300), default="")

    case: Mapped[AttestationCase] = relationship(back_populates="observations")
    observation: Mapped[Observation | None] = relationship()


class Course(Record, Base):
    """A professional-development course a teacher completed."""

    __tablename__ = "pd_course"
    teacher_id: Mapped[int] = mapped_column(ForeignKey("teacher.id", ondelete="RESTRICT"), index=True)
    title: Mapped[str] = mapped_column(String(300))
    provider: Mapped[str] = mapped_column(String(300), default="")
    start_date: Mapped[dt.date] = mapped_column(Date)
    end_date: Mapped[dt.date] = mapped_column(Date)
    hours: Mapped[int] = mapped_column(Integer)
    certificate_number: Mapped[str] = mapped_column(String(100), default="")

    teacher: Mapped[Teacher] = relationship()
