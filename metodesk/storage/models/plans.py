"""The annual plan of an association (Order No. 253 item 28; docs/domain/order-253.md, 'Annual plans'):
its sections, ordered tasks, the activities table, and the history of its way
to approval.

What fulfilled an activity is a nullable link per kind of record: a meeting
(``meeting_id``), an open lesson (``lesson_id``) or a mentoring log entry
(``mentoring_entry_id``); ``services.plans.fulfilled`` says when the record
shows the activity done. Deleting the record keeps the activity and drops the link.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from metodesk.storage.base import Base, Record, utcnow
from metodesk.storage.models.core import AcademicYear, Association, Teacher
from metodesk.storage.models.lessons import Lesson
from metodesk.storage.models.meetings import Meeting
from metodesk.storage.models.mentoring import MentoringLogEntry

# The members responsible for an activity. A teacher who is referred to here
# cannot be deleted, only archived (and the plan then flags the activity).
plan_activity_teacher = Table(
    "plan_activity_teacher",
    Base.metadata,
    Column("activity_id", ForeignKey("plan_activity.id", ondelete="CASCADE"), primary_key=True),
    Column("teacher_id", ForeignKey("teacher.id", ondelete="RESTRICT"), primary_key=True, index=True),
)


class Plan(Record, Base):
    """One association's plan for one academic year.

    ``status`` is draft, reviewed, agreed or approved (PlanStatus). The review
    names the meeting whose protocol becomes the "Қаралды / Рассмотрено" line;
    the agreement and approval keep the names and dates as they are printed."""

    __tablename__ = "plan"
    __table_args__ = (UniqueConstraint("association_id", "year_id"),)
    association_id: Mapped[int] = mapped_column(ForeignKey("association.id", ondelete="RESTRICT"), index=True)
    year_id: Mapped[int] = mapped_column(ForeignKey("academic_year.id", ondelete="RESTRICT"), index=True)
    status: Mapped[str] = mapped_column(String(16), default="draft")
    analysis: Mapped[str] = mapped_column(Text, default="")
    theme: Mapped[str] = mapped_column(Text, default="")
    goal: Mapped[str] = mapped_column(Text, default="")
    review_meeting_id: Mapped[int | None] = mapped_column(
        ForeignKey("meeting.id", ondelete="SET NULL"), nullable=True, index=True
    )
    agreed_name: Mapped[str] = mapped_column(String(200), default="")
    agreed_title: Mapped[str] = mapped_column(String(200), default="")
    agreed_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    approved_name: Mapped[str] = mapped_column(String(200), default="")
    approved_title: Mapped[str] = mapped_column(String(200), default="")
    approved_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)

    association: Mapped[Association] = relationship()
    year: Mapped[AcademicYear] = relationship()
    review_meeting: Mapped[Meeting | None] = relationship()
    tasks: Mapped[list[PlanTask]] = relationship(
        back_populates="plan",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="PlanTask.position",
    )
    activities: Mapped[list[PlanActivity]] = relationship(
        back_populates="plan",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="PlanActivity.position",
    )
    events: Mapped[list[PlanEvent]] = relationship(
        back_populates="plan", cascade="all, delete-orphan", passive_deletes=True, order_by="PlanEvent.id"
    )


class PlanTask(Record, Base):
    """One of the plan's tasks (міндеттер / задачи), in order."""

    __tablename__ = "plan_task"
    plan_id: Mapped[int] = mapped_column(ForeignKey("plan.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    text: Mapped[str] = mapped_column(Text, default="")

    plan: Mapped[Plan] = relationship(back_populates="tasks")


class PlanActivity(Record, Base):
    """A row of the activities table.

    ``form`` is an item-20 code (WorkForm) or "" with the user's own wording in
    ``form_text``; ``direction`` an item-10 or item-11 code or "". The time is
    a date (``start_date``, with ``end_date`` for a period) or month numbers
    (``months``, e.g. "9,10"). ``carried_over`` marks a row brought unfinished
    from last year's plan."""

    __tablename__ = "plan_activity"
    plan_id: Mapped[int] = mapped_column(ForeignKey("plan.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    content: Mapped[str] = mapped_column(Text, default="")
    form: Mapped[str] = mapped_column(String(32), default="")
    form_text: Mapped[str] = mapped_column(String(200), default="")
    direction: Mapped[str] = mapped_column(String(32), default="")
    start_date: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    end_date: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    months: Mapped[str] = mapped_column(String(40), default="")
    responsible_text: Mapped[str] = mapped_column(String(300), default="")
    expected: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(16), default="planned")
    status_note: Mapped[str] = mapped_column(String(200), default="")
    carried_over: Mapped[bool] = mapped_column(Boolean, default=False)
    meeting_id: Mapped[int | None] = mapped_column(
        ForeignKey("meeting.id", ondelete="SET NULL"), nullable=True, index=True
    )
    lesson_id: Mapped[int | None] = mapped_column(
        ForeignKey("lesson.id", ondelete="SET NULL"), nullable=True, index=True
    )
    mentoring_entry_id: Mapped[int | None] = mapped_column(
        ForeignKey("mentoring_log_entry.id", ondelete="SET NULL"), nullable=True, index=True
    )

    plan: Mapped[Plan] = relationship(back_populates="activities")
    meeting: Mapped[Meeting | None] = relationship()
    lesson: Mapped[Lesson | None] = relationship()
    mentoring_entry: Mapped[MentoringLogEntry | None] = relationship()
    responsible: Mapped[list[Teacher]] = relationship(secondary=plan_activity_teacher)


class PlanEvent(Record, Base):
    """A step on the plan's way: created, copied, reviewed, agreed, approved,
    reopened, withdrawn; who did it (a typed name or the computer's user),
    when, and why (a reopen always says why)."""

    __tablename__ = "plan_event"
    plan_id: Mapped[int] = mapped_column(ForeignKey("plan.id", ondelete="CASCADE"), index=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    who: Mapped[str] = mapped_column(String(200), default="")
    action: Mapped[str] = mapped_column(String(16))
    details: Mapped[str] = mapped_column(String(300), default="")
    reason: Mapped[str] = mapped_column(Text, default="")

    plan: Mapped[Plan] = relationship(back_populates="events")
