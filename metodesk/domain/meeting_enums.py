"""The coded values of meetings, as stored and printed: a meeting's status, a
member's presence, an agenda item's kind, a decision's status and the kind of
a document reviewed at a meeting, each with its human name (``label()``).
The services check input against them; the printed rows carry their codes."""

from __future__ import annotations

from metodesk.domain.enums import LabelledEnum, register_labels
from metodesk.i18n import N_


class MeetingStatus(LabelledEnum):
    PLANNED = "planned"
    HELD = "held"


register_labels(MeetingStatus, {"planned": N_("Planned"), "held": N_("Held")})


class Presence(LabelledEnum):
    """How a member is marked at a meeting; "" (not in the enum) is not yet marked."""

    PRESENT = "present"
    ABSENT = "absent"


register_labels(Presence, {"present": N_("Present"), "absent": N_("Absent")})


class ItemKind(LabelledEnum):
    REGULAR = "regular"
    REVIEW = "review"


register_labels(
    ItemKind,
    {
        "regular": N_("Agenda item"),
        "review": N_("Review of earlier decisions"),
    },
)


class DecisionStatus(LabelledEnum):
    OPEN = "open"
    DONE = "done"


register_labels(DecisionStatus, {"open": N_("Open"), "done": N_("Done")})


class DocumentKind(LabelledEnum):
    ANNUAL_PLAN = "annual_plan"
    CALENDAR_PLAN = "calendar_plan"
    ELECTIVE_PROGRAMME = "elective_programme"
    AUTHORED_PROGRAMME = "authored_programme"
    EXPERIENCE = "experience"
    SCHOOL_PLAN = "school_plan"
    OTHER = "other"


register_labels(
    DocumentKind,
    {
        "annual_plan": N_("Annual plan of the association"),
        "calendar_plan": N_("Calendar-thematic plan"),
        "elective_programme": N_("Programme of an elective course"),
        "authored_programme": N_("Authored programme"),
        "experience": N_("Generalised experience"),
        "school_plan": N_("School's plan of methodical work"),
        "other": N_("Other methodical material"),
    },
)
