"""Association meetings and what their protocols record: attendance, invited
guests, the agenda with speeches and decisions, the documents a meeting
reviewed (Order No. 253 items 26-27), and the library of typical wording."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from metodesk.storage.base import Base, Record
from metodesk.storage.models.core import AcademicYear, Association, Teacher


class Meeting(Record, Base):
    """One sitting of an association; its protocol number is unique within the
    association and academic year."""

    __tablename__ = "meeting"
    __table_args__ = (UniqueConstraint("association_id", "year_id", "number"),)
    association_id: Mapped[int] = mapped_column(ForeignKey("association.id", ondelete="RESTRICT"), index=True)
    year_id: Mapped[int] = mapped_column(ForeignKey("academic_year.id", ondelete="RESTRICT"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    date: Mapped[dt.date] = mapped_column(Date)
    place: Mapped[str] = mapped_column(String(200), default="")
    chair_id: Mapped[int | None] = mapped_column(
        ForeignKey("teacher.id", ondelete="RESTRICT"), nullable=True, index=True
    )
    secretary_id: Mapped[int | None] = mapped_column(
        ForeignKey("teacher.id", ondelete="RESTRICT"), nullable=True, index=True
    )
    status: Mapped[str] = mapped_column(String(16), default="planned")

    association: Mapped[Association] = relationship()
    year: Mapped[AcademicYear] = relationship()
    chair: Mapped[Teacher | None] = relationship(foreign_keys=[chair_id])
    secretary: Mapped[Teacher | None] = relationship(foreign_keys=[secretary_id])
    attendance: Mapped[list[MeetingAttendance]] = relationship(
        back_populates="meeting", cascade="all, delete-orphan", passive_deletes=True
    )
    guests: Mapped[list[MeetingGuest]] = relationship(
        back_populates="meeting",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="MeetingGuest.position",
    )
    items: Mapped[list[AgendaItem]] = relationship(
        back_populates="meeting",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="AgendaItem.position",
    )


class MeetingAttendance(Record, Base):
    """A member at one meeting: present, absent (with the reason), or not yet marked."""

    __tablename__ = "meeting_attendance"
    __table_args__ = (UniqueConstraint("meeting_id", "teacher_id"),)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"), index=True)
    teacher_id: Mapped[int] = mapped_column(ForeignKey("teacher.id", ondelete="RESTRICT"), index=True)
    presence: Mapped[str] = mapped_column(String(16), default="")
    reason: Mapped[str] = mapped_column(String(200), default="")

    meeting: Mapped[Meeting] = relationship(back_populates="attendance")
    teacher: Mapped[Teacher] = relationship()


class MeetingGuest(Record, Base):
    """Someone invited who is not a member: the deputy director, a methodist, …"""

    __tablename__ = "meeting_guest"
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    name: Mapped[str] = mapped_column(String(200))
    job_title: Mapped[str] = mapped_column(String(200), default="")
    organisation: Mapped[str] = mapped_column(String(300), default="")

    meeting: Mapped[Meeting] = relationship(back_populates="guests")


class AgendaItem(Record, Base):
    """One question of the agenda: its title and who was heard on it.

    ``kind`` is "regular", or "review" for the item that checks how earlier
    decisions were carried out (its title may stay empty: the protocol prints
    the fixed wording in the document's language)."""

    __tablename__ = "agenda_item"
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    kind: Mapped[str] = mapped_column(String(16), default="regular")
    title: Mapped[str] = mapped_column(Text, default="")
    speaker_teacher_id: Mapped[int | None] = mapped_column(
        ForeignKey("teacher.id", ondelete="RESTRICT"), nullable=True, index=True
    )
    speaker_guest_id: Mapped[int | None] = mapped_column(
        ForeignKey("meeting_guest.id", ondelete="SET NULL"), nullable=True, index=True
    )
    speaker_text: Mapped[str] = mapped_column(String(300), default="")
    summary: Mapped[str] = mapped_column(Text, default="")

    meeting: Mapped[Meeting] = relationship(back_populates="items")
    speaker_teacher: Mapped[Teacher | None] = relationship()
    speaker_guest: Mapped[MeetingGuest | None] = relationship()
    speeches: Mapped[list[AgendaSpeech]] = relationship(
        back_populates="item",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="AgendaSpeech.position",
    )
    decisions: Mapped[list[Decision]] = relationship(
        back_populates="item",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="Decision.number",
        foreign_keys="Decision.item_id",
    )


class AgendaSpeech(Record, Base):
    """'Spoke': one person's contribution to the discussion of an item."""

    __tablename__ = "agenda_speech"
    item_id: Mapped[int] = mapped_column(ForeignKey("agenda_item.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    speaker_teacher_id: Mapped[int | None] = mapped_column(
        ForeignKey("teacher.id", ondelete="RESTRICT"), nullable=True, index=True
    )
    speaker_guest_id: Mapped[int | None] = mapped_column(
        ForeignKey("meeting_guest.id", ondelete="SET NULL"), nullable=True, index=True
    )
    speaker_text: Mapped[str] = mapped_column(String(300), default="")
    text: Mapped[str] = mapped_column(Text, default="")

    item: Mapped[AgendaItem] = relationship(back_populates="speeches")
    speaker_teacher: Mapped[Teacher | None] = relationship()
    speaker_guest: Mapped[MeetingGuest | None] = relationship()


class Decision(Record, Base):
    """A decision of an agenda item, numbered within it (printed 1.1, 1.2 …).

    It stays open until marked done; ``closed_meeting_id`` is the later meeting
    whose review item recorded it as carried out."""

    __tablename__ = "decision"
    # the open decisions past their deadline are the attention list's longest area
    __table_args__ = (UniqueConstraint("item_id", "number"), Index("ix_decision_status_deadline", "status", "deadline"))
    item_id: Mapped[int] = mapped_column(ForeignKey("agenda_item.id", ondelete="CASCADE"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    responsible_teacher_id: Mapped[int | None] = mapped_column(
        ForeignKey("teacher.id", ondelete="RESTRICT"), nullable=True, index=True
    )
    responsible_text: Mapped[str] = mapped_column(String(300), default="")
    deadline: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    deadline_text: Mapped[str] = mapped_column(String(100), default="")
    status: Mapped[str] = mapped_column(String(16), default="open")
    done_date: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    closed_meeting_id: Mapped[int | None] = mapped_column(
        ForeignKey("meeting.id", ondelete="SET NULL"), nullable=True, index=True
    )

    item: Mapped[AgendaItem] = relationship(back_populates="decisions", foreign_keys=[item_id])
    responsible_teacher: Mapped[Teacher | None] = relationship()


class ReviewedDocument(Record, Base):
    """A methodical document discussed at a meeting before the head approves it
    (Order No. 253 items 26-27): the register per association and year."""

    __tablename__ = "reviewed_document"
    association_id: Mapped[int] = mapped_column(ForeignKey("association.id", ondelete="RESTRICT"), index=True)
    year_id: Mapped[int] = mapped_column(ForeignKey("academic_year.id", ondelete="RESTRICT"), index=True)
    kind: Mapped[str] = mapped_column(String(32))
    title: Mapped[str] = mapped_column(String(300))
    author_id: Mapped[int | None] = mapped_column(
        ForeignKey("teacher.id", ondelete="RESTRICT"), nullable=True, index=True
    )
    item_id: Mapped[int | None] = mapped_column(
        ForeignKey("agenda_item.id", ondelete="SET NULL"), nullable=True, index=True
    )
    approved_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    # The reviewing body's conclusion (item 27): "" not yet, "positive" or
    # "revision" (returned for revision, with the reason).
    conclusion: Mapped[str] = mapped_column(String(16), default="", server_default="")
    conclusion_reason: Mapped[str] = mapped_column(Text, default="", server_default="")

    association: Mapped[Association] = relationship()
    author: Mapped[Teacher | None] = relationship()
    item: Mapped[AgendaItem | None] = relationship()


class Wording(Record, Base):
    """A typical agenda item or decision, in Kazakh and Russian, to insert and edit.

    Seeded entries carry a stable ``code`` (so seeding is idempotent and a
    deleted one stays hidden instead of coming back); the user's own have none."""

    __tablename__ = "wording"
    kind: Mapped[str] = mapped_column(String(16))
    topic: Mapped[str] = mapped_column(String(32), default="")
    code: Mapped[str | None] = mapped_column(String(64), nullable=True, unique=True)
    text_kk: Mapped[str] = mapped_column(Text, default="")
    text_ru: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(Integer, default=0)
    hidden: Mapped[bool] = mapped_column(Boolean, default=False)
