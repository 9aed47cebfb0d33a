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
    "ReviewedDocument",
    "Setting",
    "Subject",
    "Teacher",
    "Term",
    "Wording",
    "teacher_subject",
]
