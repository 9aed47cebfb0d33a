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

__all__ = [
    "AcademicYear",
    "Association",
    "Membership",
    "Organisation",
    "Setting",
    "Subject",
    "Teacher",
    "Term",
    "teacher_subject",
]
