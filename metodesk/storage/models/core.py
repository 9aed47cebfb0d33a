"""The foundation's tables: organisations, academic years and terms, subjects,
teachers, associations and their members, and a small key/value settings table."""

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
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from metodesk.storage.base import Base, Record

teacher_subject = Table(
    "teacher_subject",
    Base.metadata,
    Column("teacher_id", ForeignKey("teacher.id", ondelete="CASCADE"), primary_key=True),
    Column("subject_id", ForeignKey("subject.id", ondelete="RESTRICT"), primary_key=True),
)


class Setting(Base):
    """Program-wide choices that belong with the data (print language, …)."""

    __tablename__ = "setting"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")


class Organisation(Record, Base):
    __tablename__ = "organisation"
    kind: Mapped[str] = mapped_column(String(32))
    name_kk: Mapped[str] = mapped_column(String(300))
    name_ru: Mapped[str] = mapped_column(String(300), default="")
    district: Mapped[str] = mapped_column(String(200), default="")
    region: Mapped[str] = mapped_column(String(200), default="")
    head_name: Mapped[str] = mapped_column(String(200), default="")
    head_title: Mapped[str] = mapped_column(String(200), default="")
    deputy_name: Mapped[str] = mapped_column(String(200), default="")
    is_ours: Mapped[bool] = mapped_column(Boolean, default=False)

    teachers: Mapped[list[Teacher]] = relationship(back_populates="organisation")


class AcademicYear(Record, Base):
    __tablename__ = "academic_year"
    name: Mapped[str] = mapped_column(String(9), unique=True)
    start_date: Mapped[dt.date] = mapped_column(Date)
    end_date: Mapped[dt.date] = mapped_column(Date)
    is_current: Mapped[bool] = mapped_column(Boolean, default=False)

    terms: Mapped[list[Term]] = relationship(
        back_populates="year", cascade="all, delete-orphan", order_by="Term.number"
    )


class Term(Record, Base):
    """A quarter (schools) or a semester (colleges) of an academic year."""

    __tablename__ = "term"
    __table_args__ = (UniqueConstraint("year_id", "number"),)
    year_id: Mapped[int] = mapped_column(ForeignKey("academic_year.id", ondelete="CASCADE"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(16))
    start_date: Mapped[dt.date] = mapped_column(Date)
    end_date: Mapped[dt.date] = mapped_column(Date)

    year: Mapped[AcademicYear] = relationship(back_populates="terms")


class Subject(Record, Base):
    __tablename__ = "subject"
    name_kk: Mapped[str] = mapped_column(String(200))
    name_ru: Mapped[str] = mapped_column(String(200))
    archived: Mapped[bool] = mapped_column(Boolean, default=False)


class Teacher(Record, Base):
    __tablename__ = "teacher"
    surname: Mapped[str] = mapped_column(String(100))
    first_name: Mapped[str] = mapped_column(String(100))
    patronymic: Mapped[str] = mapped_column(String(100), default="")
    search_key: Mapped[str] = mapped_column(String(400), default="", index=True)
    organisation_id: Mapped[int] = mapped_column(
        ForeignKey("organisation.id", ondelete="RESTRICT"), index=True
    )
    position: Mapped[str] = mapped_column(String(32), default="teacher")
    category: Mapped[str] = mapped_column(String(32), default="none")
    category_date: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    teaching_since: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    young_specialist: Mapped[bool] = mapped_column(Boolean, default=False)
    archived: Mapped[bool] = mapped_column(Boolean, default=False)
    # Optional, to tell two teachers with one name apart (issue 19.4). The IIN
    # is personal data: shown in the teacher's card only, never printed or logged.
    birth_date: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    iin: Mapped[str | None] = mapped_column(String(12), nullable=True, unique=True)

    organisation: Mapped[Organisation] = relationship(back_populates="teachers")
    subjects: Mapped[list[Subject]] = relationship(secondary=teacher_subject)
    memberships: Mapped[list[Membership]] = relationship(back_populates="teacher")


class Association(Record, Base):
    __tablename__ = "association"
    kind: Mapped[str] = mapped_column(String(32))
    level: Mapped[str] = mapped_column(String(16))
    name_kk: Mapped[str] = mapped_column(String(300))
    name_ru: Mapped[str] = mapped_column(String(300), default="")
    subject_id: Mapped[int | None] = mapped_column(
        ForeignKey("subject.id", ondelete="RESTRICT"), nullable=True
    )
    direction: Mapped[str] = mapped_column(String(300), default="")
    year_id: Mapped[int] = mapped_column(ForeignKey("academic_year.id", ondelete="RESTRICT"), index=True)
    organisation_id: Mapped[int] = mapped_column(
        ForeignKey("organisation.id", ondelete="RESTRICT"), index=True
    )

    subject: Mapped[Subject | None] = relationship()
    year: Mapped[AcademicYear] = relationship()
    organisation: Mapped[Organisation] = relationship()
    members: Mapped[list[Membership]] = relationship(
        back_populates="association", cascade="all, delete-orphan"
    )


class Membership(Record, Base):
    """A teacher in an association, with role; the leader's election or appointment."""

    __tablename__ = "membership"
    __table_args__ = (UniqueConstraint("association_id", "teacher_id"),)
    association_id: Mapped[int] = mapped_column(ForeignKey("association.id", ondelete="CASCADE"), index=True)
    teacher_id: Mapped[int] = mapped_column(ForeignKey("teacher.id", ondelete="RESTRICT"), index=True)
    role: Mapped[str] = mapped_column(String(16), default="member")
    leader_chosen: Mapped[str] = mapped_column(String(16), default="")
    leader_since: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    leader_basis: Mapped[str] = mapped_column(String(200), default="")

    association: Mapped[Association] = relationship(back_populates="members")
    teacher: Mapped[Teacher] = relationship(back_populates="memberships")
