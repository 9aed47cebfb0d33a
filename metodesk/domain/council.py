"""The school's methodical council, its plan of methodical work and the
year's analysis (Order No. 253 items 2.2, 27, 31; docs/domain: 'The methodical
council and the pedagogical council', 'The school's plan of methodical work'):
the coded values they store, with their names in the active language."""

from __future__ import annotations

from metodesk.domain.enums import LabelledEnum, register_labels
from metodesk.i18n import N_

COUNCIL_KIND = "council"  # the association kind that stands for the methodical council
COUNCIL_NAMES = ("Әдістемелік кеңес", "Методический совет")  # its name, kk and ru
MAX_PLAN_TEXT = 5000  # characters of a theme, a goal, the tasks, a row, a conclusion


class ReviewConclusion(LabelledEnum):
    """What the body that reviewed a document concluded (item 27): recommended
    for approval, or returned for revision with the reason."""

    PENDING = ""
    POSITIVE = "positive"
    REVISION = "revision"


register_labels(
    ReviewConclusion,
    {
        "": N_("No conclusion yet"),
        "positive": N_("Recommended for approval"),
        "revision": N_("Returned for revision"),
    },
)


class SchoolPlanStatus(LabelledEnum):
    """The school plan's way to approval: draft → reviewed at the methodical
    council → considered at the pedagogical council → approved by the director."""

    DRAFT = "draft"
    REVIEWED = "reviewed"
    CONSIDERED = "considered"
    APPROVED = "approved"


register_labels(
    SchoolPlanStatus,
    {
        "draft": N_("Draft"),
        "reviewed": N_("Reviewed at the methodical council"),
        "considered": N_("Considered at the pedagogical council"),
        "approved": N_("Approved by the director"),
    },
)


class SchoolPlanSection(LabelledEnum):
    """The sections of the school's plan of methodical work, in their printed order."""

    COUNCIL = "council"
    ASSOCIATIONS = "associations"
    TEACHERS = "teachers"
    LESSONS = "lessons"
    YOUNG = "young"
    EXPERIENCE = "experience"
    GIFTED = "gifted"
    MONITORING = "monitoring"


register_labels(
    SchoolPlanSection,
    {
        "council": N_("Meetings of the methodical council"),
        "associations": N_("Work of the methodical associations"),
        "teachers": N_("Work with teachers: attestation and courses"),
        "lessons": N_("Open lessons and mutual visits"),
        "young": N_("Work with young specialists"),
        "experience": N_("Generalising experience, seminars, subject weeks"),
        "gifted": N_("Work with gifted pupils"),
        "monitoring": N_("Monitoring of teaching quality"),
    },
)
