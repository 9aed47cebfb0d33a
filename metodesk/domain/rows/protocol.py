"""Everything a protocol or an attendance sheet prints, as plain frozen rows.

``services.protocol_rows.protocol_data`` reads the meeting once and fills these;
``metodesk.reports`` (protocol, attendance, protocol_docx) draws them and never
sees a Session. The rows hold both languages of the fixed names (organisation,
association); the report picks one when it is built.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class PrintedPerson:
    full_name: str
    short_name: str  # 'Тегі А.Ә.'
    sign_name: str  # 'А.Ә. Тегі'
    organisation_kk: str = ""  # the school, printed for a district association's members
    organisation_ru: str = ""

    def organisation(self, lang: str) -> str:
        return (self.organisation_ru or self.organisation_kk) if lang == "ru" else self.organisation_kk


@dataclass(frozen=True)
class PrintedAbsence:
    person: PrintedPerson
    reason: str


@dataclass(frozen=True)
class PrintedGuest:
    name: str
    job_title: str
    organisation: str


@dataclass(frozen=True)
class PrintedSpeech:
    speaker: str
    text: str


@dataclass(frozen=True)
class PrintedDecision:
    code: str  # '1.2'
    text: str
    responsible: str
    deadline: dt.date | None
    deadline_text: str
    done: bool
    done_date: dt.date | None


@dataclass(frozen=True)
class PrintedReview:
    """An earlier decision as this meeting's review found it."""

    meeting_number: int
    meeting_date: dt.date
    code: str
    text: str
    responsible: str
    deadline: dt.date | None
    deadline_text: str
    done: bool
    done_date: dt.date | None


@dataclass(frozen=True)
class PrintedDocument:
    kind: str  # DocumentKind code
    title: str
    author: str
    conclusion: str = ""  # ReviewConclusion code: "", "positive", "revision"
    reason: str = ""  # why it was returned for revision


@dataclass(frozen=True)
class PrintedLesson:
    """A lesson the item discussed (open lessons, mutual visits: docs/domain/order-253.md, 'Open lessons')."""

    kind: str  # LessonKind code
    topic: str
    subject_kk: str
    subject_ru: str
    grade: int | None
    class_letter: str
    group_name: str
    date: dt.date
    teacher: str  # 'Тегі А.Ә.'


@dataclass(frozen=True)
class PrintedItem:
    number: int
    kind: str  # 'regular' or 'review'
    title: str
    speaker: str
    summary: str
    speeches: tuple[PrintedSpeech, ...] = ()
    decisions: tuple[PrintedDecision, ...] = ()
    reviewed: tuple[PrintedReview, ...] = ()
    documents: tuple[PrintedDocument, ...] = ()
    lessons: tuple[PrintedLesson, ...] = ()


@dataclass(frozen=True)
class ProtocolData:
    """One meeting, ready to print in either language."""

    organisation_kk: str
    organisation_ru: str
    association_kk: str
    association_ru: str
    year_name: str
    number: int
    date: dt.date
    place: str
    held: bool
    chair: PrintedPerson | None
    secretary: PrintedPerson | None
    members: tuple[PrintedPerson, ...]  # everyone on the list, for the attendance sheet
    present: tuple[PrintedPerson, ...]
    absent: tuple[PrintedAbsence, ...]
    attendance_marked: bool
    guests: tuple[PrintedGuest, ...] = ()
    items: tuple[PrintedItem, ...] = ()
    district: bool = False  # a district association: its members come from several schools
    council: bool = False  # the methodical council's meeting: its own heading (items 2.2, 31)

    def organisation(self, lang: str) -> str:
        return (self.organisation_ru or self.organisation_kk) if lang == "ru" else self.organisation_kk

    def association(self, lang: str) -> str:
        return (self.association_ru or self.association_kk) if lang == "ru" else self.association_kk
