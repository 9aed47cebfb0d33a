"""The teacher's methodical portfolio (Әдістемелік портфолио / Методическое
портфолио, docs/domain/order-253.md, 'Professional growth'): the plain rows of the document a teacher
brings to attestation, read by services.portfolio and drawn by reports."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from metodesk.domain.growth import EventRow, ExperienceRow, OlympiadRow, SelfEducationRow


@dataclass(frozen=True)
class CardInfo:
    """The teacher's card as the portfolio's first table shows it."""

    teacher_id: int
    full_name: str
    short_name: str
    organisation_kk: str
    organisation_ru: str
    position: str  # Position code
    category: str  # Category code
    category_date: dt.date | None
    teaching_since: dt.date | None
    experience_years: int | None
    subjects_kk: tuple[str, ...]
    subjects_ru: tuple[str, ...]

    def organisation(self, lang: str) -> str:
        return (self.organisation_ru or self.organisation_kk) if lang == "ru" else self.organisation_kk

    def subjects(self, lang: str) -> tuple[str, ...]:
        return self.subjects_ru if lang == "ru" else self.subjects_kk


@dataclass(frozen=True)
class AwardItem:
    category: str  # Category code
    award_date: dt.date
    order_number: str
    basis: str  # AwardBasis code


@dataclass(frozen=True)
class CourseItem:
    title: str
    provider: str
    start_date: dt.date
    end_date: dt.date
    hours: int
    certificate_number: str


@dataclass(frozen=True)
class LessonItem:
    """An open lesson the teacher gave, with the observation sheets' result."""

    date: dt.date
    topic: str
    kind: str  # LessonKind code
    class_name: str
    subject_kk: str
    subject_ru: str
    sheets: int
    percent: int | None  # the sheets' average share of the highest score, rounded

    def subject(self, lang: str) -> str:
        return (self.subject_ru or self.subject_kk) if lang == "ru" else (self.subject_kk or self.subject_ru)


@dataclass(frozen=True)
class MentoringItem:
    year: str
    as_mentor: bool  # the teacher was the mentor (else the mentee)
    other: str  # the other person, 'Тегі А.Ә.'
    entries: int  # meetings logged
    mentee_kind: str = "young_specialist"  # MenteeKind code


@dataclass(frozen=True)
class PortfolioData:
    card: CardInfo
    printed_on: dt.date
    awards: tuple[AwardItem, ...]
    courses: tuple[CourseItem, ...]
    self_education: tuple[SelfEducationRow, ...]
    experience: tuple[ExperienceRow, ...]
    events: tuple[EventRow, ...]
    lessons: tuple[LessonItem, ...]
    mentoring: tuple[MentoringItem, ...]
    pupils: tuple[OlympiadRow, ...]

    def role_at(self, event: EventRow) -> tuple[str, str]:
        """The teacher's role code and own result at ``event``."""
        for p in event.participants:
            if p.teacher_id == self.card.teacher_id:
                return p.role, p.result
        return "", ""
