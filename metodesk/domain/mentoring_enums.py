"""The coded values of mentoring, as stored and printed: who is mentored (a
young specialist or a trainee teacher) and what kind of meeting a pair had,
each with its human name (``label()``). The services check input against them;
the printed rows carry their codes."""

from __future__ import annotations

from metodesk.domain.enums import LabelledEnum, register_labels
from metodesk.i18n import N_


class MenteeKind(LabelledEnum):
    """Who is mentored: a young specialist (жас маман) or a trainee teacher
    (педагог-стажер)."""

    YOUNG_SPECIALIST = "young_specialist"
    TRAINEE = "trainee"


register_labels(MenteeKind, {"young_specialist": N_("Young specialist"), "trainee": N_("Trainee teacher")})


class MentoringKind(LabelledEnum):
    """What kind of meeting the pair had."""

    CONSULTATION = "consultation"
    VISIT_MENTEE = "visit_mentee"  # the mentor visits the mentee's lesson
    VISIT_MENTOR = "visit_mentor"  # the mentee visits the mentor's lesson
    JOINT_PLANNING = "joint_planning"
    OTHER = "other"

    @property
    def is_visit(self) -> bool:
        return self in (MentoringKind.VISIT_MENTEE, MentoringKind.VISIT_MENTOR)


register_labels(
    MentoringKind,
    {
        "consultation": N_("Consultation"),
        "visit_mentee": N_("The mentor visits the mentee's lesson"),
        "visit_mentor": N_("The mentee visits the mentor's lesson"),
        "joint_planning": N_("Joint planning"),
        "other": N_("Other"),
    },
)
