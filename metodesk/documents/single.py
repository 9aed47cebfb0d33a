"""The kinds of single documents (one record's or one year's document each).
The registry adds the documents made of these (the association-year archive),
which read this table, not the registry, so nothing here imports back up."""

from __future__ import annotations

from typing import Any

from metodesk.documents.attestation import AttestationListKind, AttestationPlanKind
from metodesk.documents.base import DocumentKind
from metodesk.documents.council import (
    CouncilProtocolKind,
    CouncilRegisterKind,
    SchoolPlanKind,
    YearAnalysisKind,
)
from metodesk.documents.growth import CoursesPlanKind, PortfolioKind
from metodesk.documents.lessons import BlankObservationKind, ObservationKind, ScheduleKind
from metodesk.documents.meetings import AttendanceKind, ProtocolKind
from metodesk.documents.mentoring import MentoringPlanKind, MentoringReportKind
from metodesk.documents.plans import PlanKind

SINGLE_KINDS: tuple[DocumentKind[Any], ...] = (
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
    CouncilProtocolKind(),
    CouncilRegisterKind(),
    SchoolPlanKind(),
    YearAnalysisKind(),
)
_BY_KEY = {kind.key: kind for kind in SINGLE_KINDS}


def single_kind(key: str) -> DocumentKind[Any]:
    """The single document kind ``key``; KeyError for another."""
    return _BY_KEY[key]
