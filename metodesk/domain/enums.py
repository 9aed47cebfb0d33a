"""Coded values stored in the database, with their names in the active language.

Codes are stable English words (they travel between schools); ``label()``
translates them when shown. The lists follow docs/domain/order-253.md and docs/domain/glossary.md.
"""

from __future__ import annotations

from enum import Enum
from typing import TypeVar

from metodesk.domain.limits import printable
from metodesk.i18n import N_, _

E = TypeVar("E", bound="LabelledEnum")

_LABELS: dict[type, dict[str, str]] = {}


def register_labels(enum_type: type, labels: dict[str, str]) -> None:
    """Give a LabelledEnum its human names (marked with N_, translated when shown)."""
    _LABELS[enum_type] = labels


class LabelledEnum(str, Enum):
    """A str enum whose members know their human name."""

    @property
    def label(self) -> str:
        return _(_LABELS[type(self)][self.value])

    @classmethod
    def choices(cls) -> list[tuple[str, str]]:
        return [(m.value, m.label) for m in cls]

    @classmethod
    def known(cls: type[E], code: object) -> E | None:
        """The member a stored code stands for; None for a code this version
        does not know (a hand-made backup, a database edited by another tool).
        Readers use this, or :meth:`label_for`, rather than ``cls(code)``,
        which raises: a list or a document shows an unknown code, it does not
        fail on it. Code that checks input keeps ``cls(code)``."""
        return cls._value2member_map_.get(code)  # type: ignore[return-value]

    @classmethod
    def label_for(cls, code: object) -> str:
        """The human name of a stored code; an unknown code is shown as it is
        stored (made safe to print), so the user can see and correct it."""
        member = cls.known(code)
        if member is not None:
            return member.label
        return printable(str(code), 40) if code is not None else ""


class OrgKind(LabelledEnum):
    PRESCHOOL = "preschool"
    SCHOOL = "school"
    SMALL_SCHOOL = "small_school"
    COLLEGE = "college"


register_labels(
    OrgKind,
    {
        "preschool": N_("Preschool organisation"),
        "school": N_("School"),
        "small_school": N_("Small school with combined classes"),
        "college": N_("College"),
    },
)


class Category(LabelledEnum):
    """Qualification categories, the current five and the legacy three."""

    NONE = "none"
    PEDAGOG = "pedagog"
    MODERATOR = "moderator"
    EXPERT = "expert"
    RESEARCHER = "researcher"
    MASTER = "master"
    LEGACY_HIGHEST = "legacy_highest"
    LEGACY_FIRST = "legacy_first"
    LEGACY_SECOND = "legacy_second"

    @property
    def is_legacy(self) -> bool:
        return self.value.startswith("legacy_")


register_labels(
    Category,
    {
        "none": N_("No category"),
        "pedagog": N_("Teacher (pedagog)"),
        "moderator": N_("Teacher-moderator"),
        "expert": N_("Teacher-expert"),
        "researcher": N_("Teacher-researcher"),
        "master": N_("Teacher-master"),
        "legacy_highest": N_("Highest category"),
        "legacy_first": N_("First category"),
        "legacy_second": N_("Second category"),
    },
)


class Position(LabelledEnum):
    TEACHER = "teacher"
    PRIMARY_TEACHER = "primary_teacher"
    EDUCATOR = "educator"
    PRODUCTION_MASTER = "production_master"
    METHODIST = "methodist"
    DEPUTY = "deputy"
    DIRECTOR = "director"
    OTHER = "other"


register_labels(
    Position,
    {
        "teacher": N_("Subject teacher"),
        "primary_teacher": N_("Primary teacher"),
        "educator": N_("Preschool educator"),
        "production_master": N_("Production-training master"),
        "methodist": N_("Methodist"),
        "deputy": N_("Deputy director"),
        "director": N_("Director"),
        "other": N_("Other position"),
    },
)


class AssociationKind(LabelledEnum):
    """Order No. 253 item 21 (schools) and items 9, 32 (TVET)."""

    SUBJECT = "subject"
    PRIMARY = "primary"
    CLASS_TEACHERS = "class_teachers"
    PRESCHOOL = "preschool"
    BOARDING = "boarding"
    TVET = "tvet"
    CYCLE_COMMISSION = "cycle_commission"
    # The school's methodical council (items 2.2, 31): kept as an association of
    # its own kind so meetings, protocols and decisions serve it unchanged; never
    # offered in the associations' list or dialog (metodesk.services.council).
    COUNCIL = "council"

    @property
    def needs_subject(self) -> bool:
        return self in (AssociationKind.SUBJECT, AssociationKind.CYCLE_COMMISSION)

    @classmethod
    def association_choices(cls) -> list[tuple[str, str]]:
        """The kinds an association can be created as (the council is not one)."""
        return [(code, label) for code, label in cls.choices() if code != cls.COUNCIL.value]


register_labels(
    AssociationKind,
    {
        "subject": N_("Subject teachers' association"),
        "primary": N_("Primary teachers' association"),
        "class_teachers": N_("Class teachers' association"),
        "preschool": N_("Preschool educators' association"),
        "boarding": N_("Boarding school staff association"),
        "tvet": N_("TVET educational-methodical association"),
        "cycle_commission": N_("Subject-cycle commission"),
        "council": N_("Methodical council"),
    },
)


class AssociationLevel(LabelledEnum):
    SCHOOL = "school"
    DISTRICT = "district"


register_labels(
    AssociationLevel,
    {
        "school": N_("School level"),
        "district": N_("District (inter-school) level"),
    },
)


class MemberRole(LabelledEnum):
    MEMBER = "member"
    LEADER = "leader"
    SECRETARY = "secretary"


register_labels(
    MemberRole,
    {
        "member": N_("Member"),
        "leader": N_("Leader"),
        "secretary": N_("Secretary"),
    },
)


class LeaderChosen(LabelledEnum):
    ELECTED = "elected"
    APPOINTED = "appointed"


register_labels(LeaderChosen, {"elected": N_("Elected"), "appointed": N_("Appointed")})


class TermKind(LabelledEnum):
    QUARTER = "quarter"
    SEMESTER = "semester"


register_labels(TermKind, {"quarter": N_("Quarter"), "semester": N_("Semester")})
