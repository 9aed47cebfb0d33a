"""Every table, one module per area; importing this package registers them all."""

from metodesk.storage.models.core import (
    AcademicYear,
    Association,
    Membership,
    Organisation,
    Setting,
    Subject,
    Teacher,
    Term,
    teacher_subject,
)
from metodesk.storage.models.meetings import (
    AgendaItem,
    AgendaSpeech,
    Decision,
    Meeting,
    MeetingAttendance,
    MeetingGuest,
    ReviewedDocument,
    Wording,
)
from metodesk.storage.models.plans import Plan, PlanActivity, PlanEvent, PlanTask, plan_activity_teacher

__all__ = [
    "AcademicYear",
    "AgendaItem",
    "AgendaSpeech",
    "Association",
    "Decision",
    "Meeting",
    "MeetingAttendance",
    "MeetingGuest",
    "Membership",
    "Organisation",
    "Plan",
    "PlanActivity",
    "PlanEvent",
    "PlanTask",
    "ReviewedDocument",
    "Setting",
    "Subject",
    "Teacher",
    "Term",
    "Wording",
    "plan_activity_teacher",
    "teacher_subject",
]
