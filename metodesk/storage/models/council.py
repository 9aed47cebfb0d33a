"""The methodical council's basis, the school's plan of methodical work and
the analysis of the year's methodical work (Order No. 253 items 2.2, 27, 31).

The council itself is an ``association`` row of kind "council" (its members,
meetings, protocols and decisions are the associations' own tables); this
module adds what only the council and the school's documents have."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from metodesk.storage.base import Base, Record
from metodesk.storage.models.core import AcademicYear, Association, Organisation
from metodesk.storage.models.meetings import Meeting


class CouncilBasis(Record, Base):
    """The director's order that set the council's composition for its year (№ and date)."""

    __tablename__ = "council_basis"
    association_id: Mapped[int] = mapped_column(
        ForeignKey("association.id", ondelete="CASCADE"), unique=True, index=True
    )
    order_number: Mapped[str] = mapped_column(String(50), default="")
    order_date: Mapped[dt.date | None] = mapped_column(Date, nullable=True)

    association: Mapped[Association] = relationship()


class SchoolPlan(Record, Base):
    """The school's plan of methodical work for one academic year: its theme,
    goal and tasks, the rows typed by hand (the rest is drawn from the records
    when it is read) and its way to approval."""

    __tablename__ = "school_plan"
    __table_args__ = (UniqueConstraint("organisation_id", "year_id"),)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisation.id", ondelete="RESTRICT"), index=True)
    year_id: Mapped[int] = mapped_column(ForeignKey("academic_year.id", ondelete="RESTRICT"), index=True)
    theme: Mapped[str] = mapped_column(Text, default="")
    goal: Mapped[str] = mapped_column(Text, default="")
    tasks: Mapped[str] = mapped_column(Text, default="")  # one task a line
    status: Mapped[str] = mapped_column(String(16), default="draft")
    review_meeting_id: Mapped[int | None] = mapped_column(
        ForeignKey("meeting.id", ondelete="SET NULL"), nullable=True, index=True
    )
    pedcouncil_number: Mapped[str] = mapped_column(String(20), default="")
    pedcouncil_date: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    approved_name: Mapped[str] = mapped_column(String(200), default="")
    approved_title: Mapped[str] = mapped_column(String(200), default="")
    approved_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    reopen_reason: Mapped[str] = mapped_column(Text, default="")  # why it was last reopened

    organisation: Mapped[Organisation] = relationship()
    year: Mapped[AcademicYear] = relationship()
    review_meeting: Mapped[Meeting | None] = relationship()
    rows: Mapped[list[SchoolPlanRow]] = relationship(
        back_populates="plan", cascade="all, delete-orphan", order_by="SchoolPlanRow.position"
    )


class SchoolPlanRow(Record, Base):
    """A row of the school plan typed by hand, in one of its sections."""

    __tablename__ = "school_plan_row"
    plan_id: Mapped[int] = mapped_column(ForeignKey("school_plan.id", ondelete="CASCADE"), index=True)
    section: Mapped[str] = mapped_column(String(16))
    position: Mapped[int] = mapped_column(Integer, default=0)
    content: Mapped[str] = mapped_column(Text)
    form: Mapped[str] = mapped_column(String(200), default="")
    dates: Mapped[str] = mapped_column(String(100), default="")
    responsible: Mapped[str] = mapped_column(String(200), default="")
    result: Mapped[str] = mapped_column(String(300), default="")

    plan: Mapped[SchoolPlan] = relationship(back_populates="rows")


class YearAnalysis(Record, Base):
    """What the methodist writes into the analysis of the year's methodical
    work (its figures are computed from the records): conclusions, problems,
    next year's tasks, and where the pedagogical council considered it."""

    __tablename__ = "year_analysis"
    __table_args__ = (UniqueConstraint("organisation_id", "year_id"),)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisation.id", ondelete="RESTRICT"), index=True)
    year_id: Mapped[int] = mapped_column(ForeignKey("academic_year.id", ondelete="RESTRICT"), index=True)
    conclusions: Mapped[str] = mapped_column(Text, default="")
    problems: Mapped[str] = mapped_column(Text, default="")
    next_tasks: Mapped[str] = mapped_column(Text, default="")  # one task a line
    pedcouncil_number: Mapped[str] = mapped_column(String(20), default="")
    pedcouncil_date: Mapped[dt.date | None] = mapped_column(Date, nullable=True)

    organisation: Mapped[Organisation] = relationship()
    year: Mapped[AcademicYear] = relationship()
