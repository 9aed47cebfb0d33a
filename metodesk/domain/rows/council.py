"""The methodical council's printed rows: the register of reviewed documents
(of every body), the school's plan of methodical work and the analysis of the
year, as plain frozen rows the reports print from (docs/domain/documents.md,
'Council protocol', 'School plan', 'Year analysis').
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from metodesk.domain.council import ReviewConclusion
from metodesk.domain.growth import ContestResult
from metodesk.i18n import _
from metodesk.i18n.dates import protocol_reference


@dataclass(frozen=True)
class DocumentRow:
    id: int
    association_id: int
    year_id: int
    kind: str
    title: str
    author_id: int | None
    author_name: str
    item_id: int | None
    meeting_id: int | None
    meeting_number: int | None
    meeting_date: dt.date | None
    approved_on: dt.date | None
    conclusion: str = ""  # ReviewConclusion code
    conclusion_reason: str = ""
    body_kk: str = ""  # the association or the council that reviewed it
    body_ru: str = ""

    def body(self, lang: str) -> str:
        return (self.body_ru or self.body_kk) if lang == "ru" else (self.body_kk or self.body_ru)

    @property
    def conclusion_label(self) -> str:
        """The conclusion in the window's language, with the reason for a revision."""
        label = ReviewConclusion.label_for(self.conclusion)
        if self.conclusion == ReviewConclusion.REVISION.value and self.conclusion_reason:
            return _("{conclusion}: {reason}").format(conclusion=label, reason=self.conclusion_reason)
        return label

    def reviewed_at(self, lang: str) -> str:
        """'№ 1 хаттама, 2025 жылғы 28 тамыз' / 'протокол № 1 от 28 августа 2025 г.';
        '' while no meeting has reviewed the document."""
        if self.meeting_number is None or self.meeting_date is None:
            return ""
        return protocol_reference(self.meeting_number, self.meeting_date, lang)


@dataclass(frozen=True)
class RegisterData:
    """The year's register of reviewed documents, of every body."""

    organisation_kk: str
    organisation_ru: str
    year_name: str
    rows: tuple[DocumentRow, ...]

    def organisation(self, lang: str) -> str:
        return (self.organisation_ru or self.organisation_kk) if lang == "ru" else self.organisation_kk


@dataclass(frozen=True)
class CouncilLine:
    number: int
    date: dt.date
    topics: tuple[str, ...]
    responsible: str


@dataclass(frozen=True)
class AssociationLine:
    name_kk: str
    name_ru: str
    theme: str
    leader: str


@dataclass(frozen=True)
class AttestationLine:
    teacher: str
    category: str  # Category code
    window: str  # Window code
    year_start: int


@dataclass(frozen=True)
class CourseLine:
    teacher: str
    title: str
    start: dt.date
    end: dt.date
    hours: int


@dataclass(frozen=True)
class LessonLine:
    kind: str  # LessonKind code
    teacher: str
    subject_kk: str
    subject_ru: str
    grade: int | None
    class_letter: str
    topic: str
    date: dt.date


@dataclass(frozen=True)
class PairLine:
    mentor: str
    mentee: str
    mentee_kind: str


@dataclass(frozen=True)
class ActivityLine:
    association_kk: str
    association_ru: str
    content: str
    form: str  # WorkForm code or ""
    form_text: str
    start: dt.date | None
    end: dt.date | None
    months: tuple[int, ...]
    responsible: str


@dataclass(frozen=True)
class HandLine:
    row_id: int
    content: str
    form: str
    dates: str
    responsible: str
    result: str


Line = CouncilLine | AssociationLine | AttestationLine | CourseLine | LessonLine | PairLine | ActivityLine | HandLine


@dataclass(frozen=True)
class SchoolPlanData:
    plan_id: int
    organisation_kk: str
    organisation_ru: str
    organisation_kind: str
    head_name: str
    head_title: str
    year_name: str
    first_year: int
    theme: str
    goal: str
    tasks: tuple[str, ...]
    status: str
    review_number: int | None
    review_date: dt.date | None
    pedcouncil_number: str
    pedcouncil_date: dt.date | None
    approved_name: str
    approved_title: str
    approved_on: dt.date | None
    reopen_reason: str
    sections: tuple[tuple[str, tuple[Line, ...]], ...] = field(default=())

    def organisation(self, lang: str) -> str:
        return (self.organisation_ru or self.organisation_kk) if lang == "ru" else self.organisation_kk

    def section(self, code: str) -> tuple[Line, ...]:
        return next((lines for found, lines in self.sections if found == code), ())


@dataclass(frozen=True)
class BodyFigures:
    """One association's (or the council's) year in numbers."""

    name_kk: str
    name_ru: str
    council: bool
    meetings_held: int
    meetings_planned: int  # every meeting of the year that is not cancelled
    decisions: int
    decisions_done: int
    decisions_overdue: int
    activities: int
    activities_done: int
    lessons_held: int
    lessons_observed: int

    def name(self, lang: str) -> str:
        return (self.name_ru or self.name_kk) if lang == "ru" else self.name_kk

PRIZE_RESULTS = frozenset(r.value for r in ContestResult if r.is_prize)


@dataclass(frozen=True)
class CriterionScore:
    text_kk: str
    text_ru: str
    average: float
    scale_max: int
    count: int


@dataclass(frozen=True)
class AnalysisData:
    organisation_kk: str
    organisation_ru: str
    year_name: str
    first_year: int
    as_of: dt.date
    staff: int
    bodies: tuple[BodyFigures, ...]
    lessons_by_month: tuple[tuple[int, int], ...]  # (month, lessons held)
    lessons_held: int
    lessons_observed: int
    observations: int
    criteria: tuple[CriterionScore, ...]
    pairs: int
    pair_meetings: int
    silent_pairs: int
    attestation_due: int
    attestation_awarded: int
    attestation_refused: int
    attestation_pending: int
    categories: tuple[tuple[str, int], ...]  # (Category code, teachers) now
    course_hours: int
    course_teachers: int
    without_courses: tuple[str, ...]  # 'Тегі А.Ә.' of those with no course in three years
    conclusions: str = ""
    problems: str = ""
    next_tasks: tuple[str, ...] = ()
    pedcouncil_number: str = ""
    pedcouncil_date: dt.date | None = None
    analysis_id: int | None = None
    # methodical events, pupils' olympiads and generalised experience of the year (issue 18),
    # in the order of the domain's enums (domain.growth); codes without records are left out
    events_by_form: tuple[tuple[str, int], ...] = ()  # (EventForm code, events)
    events_by_level: tuple[tuple[str, int], ...] = ()  # (GrowthLevel code, events)
    speakers_by_level: tuple[tuple[str, int], ...] = ()  # (GrowthLevel code, teachers who spoke)
    event_speakers: int = 0  # distinct teachers who spoke at any event of the year
    olympiads_by_level: tuple[tuple[str, int], ...] = ()  # (GrowthLevel code, pupils' results)
    olympiads_by_result: tuple[tuple[str, int], ...] = ()  # (ContestResult code, pupils' results)
    olympiad_table: tuple[tuple[str, str, int], ...] = ()  # (GrowthLevel code, ContestResult code, results)
    experience_by_level: tuple[tuple[str, int], ...] = ()  # (GrowthLevel code, experience entries)

    @property
    def events(self) -> int:
        return sum(n for _code, n in self.events_by_form)

    @property
    def olympiads(self) -> int:
        return sum(n for _code, n in self.olympiads_by_level)

    @property
    def prizes(self) -> int:
        """Pupils' results that are a 1st, 2nd or 3rd place."""
        return sum(n for code, n in self.olympiads_by_result if code in PRIZE_RESULTS)

    @property
    def experience(self) -> int:
        return sum(n for _code, n in self.experience_by_level)

    def organisation(self, lang: str) -> str:
        return (self.organisation_ru or self.organisation_kk) if lang == "ru" else self.organisation_kk
