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
from metodesk.storage.models.lessons import (
    CriteriaSet,
    Criterion,
    Lesson,
    LessonMove,
    Observation,
    ObservationScore,
    agenda_item_lesson,
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
from metodesk.storage.models.mentoring import MentoringActivity, MentoringLogEntry, MentoringPair
from metodesk.storage.models.plans import Plan, PlanActivity, PlanEvent, PlanTask, plan_activity_teacher

__all__ = [
    "AcademicYear",
    "AgendaItem",
    "AgendaSpeech",
    "Association",
    "CriteriaSet",
    "Criterion",
    "Decision",
    "Lesson",
    "LessonMove",
    "Meeting",
    "MeetingAttendance",
    "MeetingGuest",
    "Membership",
    "MentoringActivity",
    "MentoringLogEntry",
    "MentoringPair",
    "Observation",
    "ObservationScore",
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
    "agenda_item_lesson",
    "plan_activity_teacher",
    "teacher_subject",
]
