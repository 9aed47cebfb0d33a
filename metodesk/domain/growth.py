"""Teachers' professional growth (docs: docs/domain/order-253.md, 'Professional growth'; Order No. 253
items 10.4, 10.5, 13.4, 17.8, 17.9, 20): the coded values of self-education,
generalised experience, methodical events and pupils' olympiads, with their
names in Kazakh and Russian, and the plain rows the services return.

Codes are stable English words that travel between schools; ``label`` names
them in the active language."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from metodesk.domain.enums import LabelledEnum, register_labels
from metodesk.i18n import N_


class GrowthLevel(LabelledEnum):
    """Where an experience was approved, an event held, an olympiad's stage."""

    SCHOOL = "school"
    DISTRICT = "district"
    REGION = "region"
    REPUBLIC = "republic"
    INTERNATIONAL = "international"


register_labels(
    GrowthLevel,
    {
        "school": N_("Within the school"),
        "district": N_("District (city)"),
        "region": N_("Regional"),
        "republic": N_("Republican"),
        "international": N_("International"),
    },
)
LEVEL_ORDER = {level.value: n for n, level in enumerate(GrowthLevel)}


class EventForm(LabelledEnum):
    """The forms of methodical work (Order No. 253 item 20) and the usual
    school events beside them."""

    SEMINAR = "seminar"
    WORKSHOP = "workshop"
    MASTER_CLASS = "master_class"
    CONFERENCE = "conference"
    CREATIVE_GROUP = "creative_group"
    SUBJECT_WEEK = "subject_week"
    TEACHER_COMPETITION = "teacher_competition"
    ROUND_TABLE = "round_table"
    METHODICAL_LANDING = "methodical_landing"
    OTHER = "other"


register_labels(
    EventForm,
    {
        "seminar": N_("Seminar"),
        "workshop": N_("Workshop"),
        "master_class": N_("Master class"),
        "conference": N_("Conference"),
        "creative_group": N_("Creative group"),
        "subject_week": N_("Subject week"),
        "teacher_competition": N_("Teachers' competition"),
        "round_table": N_("Round table"),
        "methodical_landing": N_("Methodical landing"),
        "other": N_("Other form"),
    },
)


class EventRole(LabelledEnum):
    """What a teacher did at an event."""

    SPEAKER = "speaker"
    PARTICIPANT = "participant"
    ORGANISER = "organiser"


register_labels(
    EventRole,
    {"speaker": N_("Speaker"), "participant": N_("Participant"), "organiser": N_("Organiser")},
)


class SelfEducationStage(LabelledEnum):
    """The stage a self-education topic is at in a year."""

    STUDY = "study"
    PRACTICE = "practice"
    GENERALISATION = "generalisation"
    SPREADING = "spreading"


register_labels(
    SelfEducationStage,
    {
        "study": N_("Studying the theory"),
        "practice": N_("Putting into practice"),
        "generalisation": N_("Generalising the results"),
        "spreading": N_("Spreading the experience"),
    },
)


class ReportForm(LabelledEnum):
    """How a self-education topic was reported on ("" when not yet)."""

    REPORT = "report"
    OPEN_LESSON = "open_lesson"
    MASTER_CLASS = "master_class"
    PRESENTATION = "presentation"
    PUBLICATION = "publication"


register_labels(
    ReportForm,
    {
        "report": N_("Report"),
        "open_lesson": N_("Open lesson"),
        "master_class": N_("Master class"),
        "presentation": N_("Presentation"),
        "publication": N_("Publication"),
    },
)


class HeardAt(LabelledEnum):
    """Where a self-education report was heard ("" when not yet)."""

    ASSOCIATION = "association"
    METHODICAL_COUNCIL = "methodical_council"
    PEDAGOGICAL_COUNCIL = "pedagogical_council"
    SEMINAR = "seminar"


register_labels(
    HeardAt,
    {
        "association": N_("Methodical association"),
        "methodical_council": N_("Methodical council"),
        "pedagogical_council": N_("Pedagogical council"),
        "seminar": N_("Seminar"),
    },
)


class ContestKind(LabelledEnum):
    OLYMPIAD = "olympiad"
    COMPETITION = "competition"


register_labels(ContestKind, {"olympiad": N_("Olympiad"), "competition": N_("Competition")})


class ContestResult(LabelledEnum):
    """A pupil's result: a place, a diploma, or taking part."""

    FIRST = "first"
    SECOND = "second"
    THIRD = "third"
    DIPLOMA = "diploma"
    PARTICIPANT = "participant"

    @property
    def is_prize(self) -> bool:
        return self in (ContestResult.FIRST, ContestResult.SECOND, ContestResult.THIRD)


register_labels(
    ContestResult,
    {
        "first": N_("1st place"),
        "second": N_("2nd place"),
        "third": N_("3rd place"),
        "diploma": N_("Diploma (certificate of merit)"),
        "participant": N_("Participation"),
    },
)

GRADE_MIN, GRADE_MAX = 0, 12  # a pupil's grade (0: the pre-school class)


# --- plain rows -------------------------------------------------------------------


@dataclass(frozen=True)
class SelfEducationRow:
    id: int
    teacher_id: int
    teacher: str  # 'Тегі А.Ә.'
    year_id: int
    year: str  # '2025-2026'
    topic: str
    stage: str  # SelfEducationStage code
    plan: str
    report_form: str  # ReportForm code or ""
    report_date: dt.date | None
    heard_at: str  # HeardAt code or ""
    result: str


@dataclass(frozen=True)
class ExperienceRow:
    id: int
    year_id: int
    year: str
    topic: str
    level: str  # GrowthLevel code
    teacher_ids: tuple[int, ...]
    teachers: tuple[str, ...]  # 'Тегі А.Ә.' each
    presented_at: str  # where presented / approved (a protocol, an order)
    approved_on: dt.date | None
    document: str  # protocol or order No.
    materials: str


@dataclass(frozen=True)
class ParticipantRow:
    teacher_id: int
    teacher: str
    role: str  # EventRole code
    result: str  # place, certificate


@dataclass(frozen=True)
class EventRow:
    id: int
    year_id: int
    year: str
    title: str
    form: str  # EventForm code
    level: str  # GrowthLevel code
    start_date: dt.date
    end_date: dt.date | None
    organiser: str
    result: str
    materials: str
    participants: tuple[ParticipantRow, ...] = field(default=())
    plan_activity_id: int | None = None
    plan_activity: str = ""  # the activity's content, when tied to one

    @property
    def dates(self) -> tuple[dt.date, dt.date]:
        return self.start_date, self.end_date or self.start_date


@dataclass(frozen=True)
class OlympiadRow:
    id: int
    year_id: int
    year: str
    kind: str  # ContestKind code
    title: str
    date: dt.date | None
    pupil: str
    grade: int
    subject_id: int | None
    subject_kk: str
    subject_ru: str
    level: str  # GrowthLevel code
    result: str  # ContestResult code
    teacher_id: int
    teacher: str

    def subject(self, lang: str) -> str:
        return (self.subject_ru or self.subject_kk) if lang == "ru" else (self.subject_kk or self.subject_ru)
