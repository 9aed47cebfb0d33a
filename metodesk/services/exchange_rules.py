"""The rules a value from an exchange package must keep before it is stored:
the same as a value typed in the window (issue 14).

A district imports packages from schools it does not control, so every
imported value is checked against what the services themselves accept: a
coded column holds one of its codes, a number stays in its range, a date in
the domain's range, text within its column's length and without characters
no document can hold, a record's time not in the future. A value that passes
is one every list, tab and export of the program can read.

``check_row`` raises ``BadValue`` (the column, and what is wrong in words);
``max_row_bytes`` bounds what one row of a table can weigh in a package, so a
member far larger than its rows could be is refused before it is parsed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from enum import Enum
from typing import Any

from sqlalchemy import Boolean, Date, DateTime, Integer, String

from metodesk.domain import iin as identity
from metodesk.domain import limits
from metodesk.domain.attestation import (
    AwardBasis,
    CaseDecision,
    DecisionBody,
    PortfolioStatus,
    PositionKind,
    RuleKind,
    Window,
)
from metodesk.domain.council import MAX_PLAN_TEXT, ReviewConclusion, SchoolPlanSection, SchoolPlanStatus
from metodesk.domain.enums import (
    AssociationKind,
    AssociationLevel,
    Category,
    LeaderChosen,
    MemberRole,
    OrgKind,
    Position,
    TermKind,
)
from metodesk.domain.growth import (
    GRADE_MAX,
    GRADE_MIN,
    ContestKind,
    ContestResult,
    EventForm,
    EventRole,
    GrowthLevel,
    HeardAt,
    ReportForm,
    SelfEducationStage,
)
from metodesk.domain.lesson_enums import (
    SCALE_HIGHEST,
    SCALE_LOWEST,
    LessonKind,
    LessonStatus,
    grade_ok,
    period_ok,
)
from metodesk.domain.meeting_enums import DecisionStatus, DocumentKind, ItemKind, MeetingStatus, Presence
from metodesk.domain.mentoring_enums import MenteeKind, MentoringKind
from metodesk.domain.plan_forms import ActivityStatus, CollegeDirection, PlanStatus, SchoolDirection, WorkForm
from metodesk.i18n import _
from metodesk.services import (
    agenda,
    attestation_cases,
    criteria,
    decisions,
    growth,
    lessons,
    mentoring,
    mentoring_log,
    mentoring_plan,
    observations,
    plan_activities,
    plans,
    reviewed_documents,
    wording,
)
from metodesk.services.meetings import MAX_NUMBER
from metodesk.services.plan_workflow import PlanAction
from metodesk.services.wording import WordingKind, WordingTopic


class BadValue(ValueError):
    """A package value that does not fit its column: ``column`` and, when
    known, ``reason`` (a few words saying what is wrong)."""

    def __init__(self, column: str, reason: str = "") -> None:
        super().__init__(column)
        self.column = column
        self.reason = reason


def _codes(*sources: type[Enum] | Iterable[str]) -> frozenset[str]:
    found: set[str] = set()
    for source in sources:
        if isinstance(source, type) and issubclass(source, Enum):
            found.update(str(member.value) for member in source)
        else:
            found.update(source)
    return frozenset(found)


# Coded columns: the codes the services accept ("" where a column may be unset).
CODES: dict[tuple[str, str], frozenset[str]] = {
    ("organisation", "kind"): _codes(OrgKind),
    ("teacher", "position"): _codes(Position),
    ("teacher", "category"): _codes(Category),
    ("association", "kind"): _codes(AssociationKind),
    ("association", "level"): _codes(AssociationLevel),
    ("membership", "role"): _codes(MemberRole),
    ("membership", "leader_chosen"): _codes(LeaderChosen, [""]),
    ("term", "kind"): _codes(TermKind),
    ("lesson", "kind"): _codes(LessonKind),
    ("lesson", "status"): _codes(LessonStatus),
    ("attestation_rule", "kind"): _codes(RuleKind),
    ("attestation_rule", "subject"): _codes(PositionKind, Category, [""]),
    ("category_award", "category"): _codes(Category),
    ("category_award", "basis"): _codes(AwardBasis),
    ("category_award", "decision_body"): _codes(DecisionBody),
    ("attestation_case", "target_category"): _codes(Category),
    ("attestation_case", "window"): _codes(Window),
    ("attestation_case", "basis"): _codes(AwardBasis),
    ("attestation_case", "portfolio_status"): _codes(PortfolioStatus),
    ("attestation_case", "decision"): _codes(CaseDecision),
    ("attestation_case", "decision_body"): _codes(DecisionBody),
    ("plan", "status"): _codes(PlanStatus),
    ("plan_activity", "form"): _codes(WorkForm, [""]),
    ("plan_activity", "direction"): _codes(SchoolDirection, CollegeDirection, [""]),
    ("plan_activity", "status"): _codes(ActivityStatus),
    ("plan_event", "action"): _codes(PlanAction),
    ("agenda_item", "kind"): _codes(ItemKind),
    ("reviewed_document", "kind"): _codes(DocumentKind),
    ("reviewed_document", "conclusion"): _codes(ReviewConclusion),
    ("school_plan", "status"): _codes(SchoolPlanStatus),
    ("school_plan_row", "section"): _codes(SchoolPlanSection),
    ("mentoring_pair", "mentee_kind"): _codes(MenteeKind),
    ("mentoring_pair", "plan_lang"): frozenset({"", "kk", "ru"}),
    ("mentoring_log_entry", "kind"): _codes(MentoringKind),
    ("wording", "kind"): _codes(WordingKind),
    ("wording", "topic"): _codes(WordingTopic, [""]),
    ("decision", "status"): _codes(DecisionStatus),
    ("meeting", "status"): _codes(MeetingStatus),
    ("meeting_attendance", "presence"): _codes(Presence, [""]),
    ("self_education", "stage"): _codes(SelfEducationStage),
    ("self_education", "report_form"): _codes(ReportForm, [""]),
    ("self_education", "heard_at"): _codes(HeardAt, [""]),
    ("experience", "level"): _codes(GrowthLevel),
    ("growth_event", "form"): _codes(EventForm),
    ("growth_event", "level"): _codes(GrowthLevel),
    ("event_participant", "role"): _codes(EventRole),
    ("olympiad_result", "kind"): _codes(ContestKind),
    ("olympiad_result", "level"): _codes(GrowthLevel),
    ("olympiad_result", "result"): _codes(ContestResult),
}

# Long text columns (SQL TEXT has no length of its own): the services' limits.
TEXT_LIMITS: dict[tuple[str, str], int] = {
    ("wording", "text_kk"): wording.MAX_WORDING,
    ("wording", "text_ru"): wording.MAX_WORDING,
    ("criterion", "text_kk"): criteria.MAX_CRITERION,
    ("criterion", "text_ru"): criteria.MAX_CRITERION,
    ("observation_score", "text_kk"): criteria.MAX_CRITERION,
    ("observation_score", "text_ru"): criteria.MAX_CRITERION,
    ("attestation_case", "note"): attestation_cases.MAX_NOTE,
    ("lesson", "topic"): lessons.MAX_TOPIC,
    ("lesson", "objectives"): lessons.MAX_OBJECTIVES,
    ("mentoring_pair", "goals"): mentoring.MAX_LONG_TEXT,
    ("mentoring_pair", "summary"): mentoring.MAX_LONG_TEXT,
    ("mentoring_pair", "conclusion"): mentoring.MAX_LONG_TEXT,
    ("mentoring_activity", "activity"): mentoring_plan.MAX_ACTIVITY,
    ("mentoring_log_entry", "topic"): mentoring_log.MAX_TOPIC,
    ("observation", "purpose"): observations.MAX_PURPOSE,
    ("observation", "strengths"): observations.MAX_TEXT,
    ("observation", "recommendations"): observations.MAX_TEXT,
    ("observation", "conclusion"): observations.MAX_TEXT,
    ("plan", "analysis"): plans.MAX_SECTION,
    ("plan", "theme"): plans.MAX_SECTION,
    ("plan", "goal"): plans.MAX_SECTION,
    ("plan_task", "text"): plans.MAX_TASK,
    ("plan_activity", "content"): plan_activities.MAX_CONTENT,
    ("agenda_item", "title"): agenda.MAX_ITEM_TITLE,
    ("agenda_item", "summary"): agenda.MAX_SUMMARY,
    ("agenda_speech", "text"): agenda.MAX_SPEECH,
    ("decision", "text"): decisions.MAX_DECISION,
    ("self_education", "plan"): growth.MAX_PLAN,
    ("experience", "materials"): growth.MAX_MATERIALS,
    ("growth_event", "materials"): growth.MAX_MATERIALS,
    ("reviewed_document", "conclusion_reason"): reviewed_documents.MAX_REASON,
    ("school_plan", "theme"): MAX_PLAN_TEXT,
    ("school_plan", "goal"): MAX_PLAN_TEXT,
    ("school_plan", "tasks"): MAX_PLAN_TEXT,
    ("school_plan", "reopen_reason"): MAX_PLAN_TEXT,
    ("school_plan_row", "content"): MAX_PLAN_TEXT,
    ("year_analysis", "conclusions"): MAX_PLAN_TEXT,
    ("year_analysis", "problems"): MAX_PLAN_TEXT,
    ("year_analysis", "next_tasks"): MAX_PLAN_TEXT,
}
# A TEXT column no service limits more tightly (notes, reasons).
DEFAULT_TEXT_LIMIT = 20_000

# Whole numbers: the range the services accept (a position in a list, a count…).
INT_RANGES: dict[tuple[str, str], tuple[int, int]] = {
    ("attestation_rule", "value"): (0, 100),
    ("criteria_set", "scale_min"): (SCALE_LOWEST, SCALE_HIGHEST),
    ("criteria_set", "scale_max"): (SCALE_LOWEST, SCALE_HIGHEST),
    ("observation", "scale_min"): (SCALE_LOWEST, SCALE_HIGHEST),
    ("observation", "scale_max"): (SCALE_LOWEST, SCALE_HIGHEST),
    ("observation_score", "score"): (SCALE_LOWEST, SCALE_HIGHEST),
    ("term", "number"): (1, 12),
    ("attestation_case", "year_start"): (limits.DATE_MIN.year, limits.DATE_MAX.year - 1),
    ("attestation_case", "test_score"): (0, 1000),
    ("meeting", "number"): (1, MAX_NUMBER),
    ("decision", "number"): (1, 10_000),
    ("pd_course", "hours"): (0, 10_000),
    ("mentoring_log_entry", "minutes"): (0, mentoring_log.MAX_MINUTES),
    ("olympiad_result", "grade"): (GRADE_MIN, GRADE_MAX),
}
DEFAULT_INT_RANGE = (0, 100_000)  # positions in lists and the like

_YEAR_NAME_LENGTH = 9


def text_limit(table: str, column: str, kind: Any) -> int:
    if isinstance(kind, String) and kind.length:
        return int(kind.length)
    return TEXT_LIMITS.get((table, column), DEFAULT_TEXT_LIMIT)


def codes_of(table: str, column: str) -> frozenset[str] | None:
    """The codes a coded column may hold; None for a column that is not coded."""
    return CODES.get((table, column))


def int_range(table: str, column: str) -> tuple[int, int]:
    """The lowest and highest whole number a column may hold."""
    return INT_RANGES.get((table, column), DEFAULT_INT_RANGE)


def _check_text(table: str, column: str, kind: Any, value: str) -> None:
    limit = text_limit(table, column, kind)
    if len(value) > limit:
        raise BadValue(column, _("longer than {limit} characters").format(limit=limit))
    bad = limits.bad_character(value)
    if bad is not None:
        raise BadValue(column, _("a character text cannot hold (U+{code:04X})").format(code=ord(bad)))
    codes = codes_of(table, column)
    if codes is not None and value not in codes:
        raise BadValue(column, _("“{value}” is not one of its codes").format(value=limits.printable(value, 20)))


def _check_int(table: str, column: str, value: int) -> None:
    low, high = int_range(table, column)
    if not low <= value <= high:
        raise BadValue(column, _("{value} is outside {low}…{high}").format(value=value, low=low, high=high))


def check_value(table: str, column: str, kind: Any, value: Any, latest: dt.datetime) -> Any:
    """``value`` (already of the column's Python type) when the column's rule
    allows it; a record time later than ``latest`` is taken as ``latest``."""
    if value is None or isinstance(kind, Boolean):
        return value
    if isinstance(kind, DateTime):
        if value < limits.TIME_MIN:
            raise BadValue(column, _("before the year {year}").format(year=limits.TIME_MIN.year))
        return min(value, latest)
    if isinstance(kind, Date):
        if not limits.date_in_range(value):
            raise BadValue(
                column,
                _("outside {start}…{end}").format(
                    start=limits.DATE_MIN.isoformat(), end=limits.DATE_MAX.isoformat()
                ),
            )
        return value
    if isinstance(kind, Integer):
        _check_int(table, column, value)
        return value
    if isinstance(value, str):
        _check_text(table, column, kind, value)
    return value


def _order(row: dict[str, Any], first: str, last: str, strict: bool = False) -> None:
    """``row[first]`` not after (``strict``: before) ``row[last]``, when both are set."""
    low, high = row.get(first), row.get(last)
    if low is None or high is None:
        return
    if high < low or (strict and high == low):
        raise BadValue(last, _("earlier than “{other}”").format(other=first))


def _year_name(row: dict[str, Any]) -> None:
    name = row.get("name", "")
    first, dash, second = name.partition("-")
    if not (
        len(name) == _YEAR_NAME_LENGTH
        and dash
        and first.isascii()
        and first.isdigit()
        and second.isascii()
        and second.isdigit()
        and int(second) == int(first) + 1
        and limits.DATE_MIN.year <= int(first) < limits.DATE_MAX.year
    ):
        raise BadValue("name", _("not two consecutive years like 2025-2026"))
    _order(row, "start_date", "end_date", strict=True)


def _scale(row: dict[str, Any]) -> None:
    _order(row, "scale_min", "scale_max", strict=True)


def _lesson(row: dict[str, Any]) -> None:
    if not grade_ok(row.get("grade")):
        raise BadValue("grade", _("not a grade from 0 to 12"))
    if not period_ok(row.get("period")):
        raise BadValue("period", _("not a lesson period from 1 to 8"))


def _move(row: dict[str, Any]) -> None:
    for column in ("from_period", "to_period"):
        if not period_ok(row.get(column)):
            raise BadValue(column, _("not a lesson period from 1 to 8"))


def _teacher(row: dict[str, Any]) -> None:
    """A teacher's IIN and birth date keep the dialog's rules (issue 19.4). The
    reasons never quote the IIN: it is personal data, and reports are shown
    and may be copied."""
    birth, number = row.get("birth_date"), row.get("iin")
    if birth is not None and not identity.birth_date_ok(birth, dt.date.today()):
        raise BadValue(
            "birth_date",
            _("not the birth date of a teacher {low} to {high} years old").format(
                low=identity.AGE_MIN, high=identity.AGE_MAX
            ),
        )
    if number is None:
        return
    if not identity.iin_well_formed(number):
        raise BadValue("iin", _("not 12 digits with a right control digit"))
    if birth is not None and not identity.iin_matches_birth(number, birth):
        raise BadValue("iin", _("its first six digits are not the birth date"))


# Rules that tie two columns of a row together.
ROW_RULES: dict[str, tuple[Callable[[dict[str, Any]], None], ...]] = {
    "academic_year": (_year_name,),
    "teacher": (_teacher,),
    "term": (lambda row: _order(row, "start_date", "end_date"),),
    "pd_course": (lambda row: _order(row, "start_date", "end_date"),),
    "mentoring_pair": (lambda row: _order(row, "start_date", "end_date"),),
    "plan_activity": (lambda row: _order(row, "start_date", "end_date"),),
    "growth_event": (lambda row: _order(row, "start_date", "end_date"),),
    "criteria_set": (_scale,),
    "observation": (_scale,),
    "lesson": (_lesson,),
    "lesson_move": (_move,),
}


def check_row(table: str, row: dict[str, Any]) -> None:
    """The rules that tie columns of one decoded row together; BadValue when one fails."""
    for rule in ROW_RULES.get(table, ()):
        rule(row)


def max_value_bytes(table: str, column: str, kind: Any) -> int:
    """The most bytes one value of the column can take in a package's JSON
    (a character written as a surrogate-pair escape takes 12)."""
    if isinstance(kind, (String,)) or not isinstance(kind, (Boolean, Integer, Date, DateTime)):
        return 12 * text_limit(table, column, kind) + 2
    return 40


def max_row_bytes(table: str, columns: dict[str, Any]) -> int:
    """The most bytes one row of ``table`` can take: its values, its keys and
    generous room for white space between them."""
    return sum(max_value_bytes(table, name, kind) + len(name) + 40 for name, kind in columns.items()) + 64
