"""Every document kind metodesk makes, in one table: the window, the command
line, the year's documents, the archive and the smoke check read it."""

from __future__ import annotations

from typing import Any

from metodesk.documents.archive import ArchiveKind
from metodesk.documents.attestation import AttestationListKind, AttestationPlanKind
from metodesk.documents.base import DocumentKind
from metodesk.documents.growth import CoursesPlanKind, PortfolioKind
from metodesk.documents.council import CouncilProtocolKind, CouncilRegisterKind, SchoolPlanKind, YearAnalysisKind
from metodesk.documents.lessons import BlankObservationKind, ObservationKind, ScheduleKind
from metodesk.documents.meetings import AttendanceKind, ProtocolKind
from metodesk.documents.mentoring import MentoringPlanKind, MentoringReportKind
from metodesk.documents.plans import PlanKind

KINDS: tuple[DocumentKind[Any], ...] = (
    PlanKind(),
    ProtocolKind(),
    AttendanceKind(),
    ScheduleKind(),
    ObservationKind(),
    BlankObservationKind(),
    MentoringPlanKind(),
    MentoringReportKind(),
    AttestationPlanKind(),
    AttestationListKind(),
    PortfolioKind(),
    CoursesPlanKind(),
    ArchiveKind(),
    CouncilProtocolKind(),
    CouncilRegisterKind(),
    SchoolPlanKind(),
    YearAnalysisKind(),
)
_BY_KEY = {kind.key: kind for kind in KINDS}


def kind(key: str) -> DocumentKind[Any]:
    """The kind registered as ``key`` ("protocol"); KeyError for an unknown one."""
    return _BY_KEY[key]


def keys() -> tuple[str, ...]:
    return tuple(_BY_KEY)
