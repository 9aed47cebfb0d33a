"""What the attestation documents print, as plain rows: the perspective plan
(who is attested in each of the next years) and the list for one year, for
one organisation. ``services.attestation_print`` fills them; the reports
``attestation_plan``, ``attestation_docx`` and ``attestation_xlsx`` draw them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class PrintedTeacher:
    full_name: str
    position: str
    subjects_kk: tuple[str, ...]
    subjects_ru: tuple[str, ...]
    experience: int | None
    category: str
    award_date: dt.date | None
    order_number: str
    expiry: dt.date | None
    target: str  # the case's target category, "" when there is no case yet
    window: str
    overdue: bool
    test_date: dt.date | None = None
    test_score: int | None = None

    def subjects(self, lang: str) -> tuple[str, ...]:
        return self.subjects_ru if lang == "ru" else self.subjects_kk


@dataclass(frozen=True)
class PlanYear:
    start: int
    teachers: tuple[PrintedTeacher, ...]


@dataclass(frozen=True)
class AttestationDocData:
    """The plan (several years) or the list (one year) of one organisation."""

    organisation_kk: str
    organisation_ru: str
    head_name: str
    deputy_name: str
    years: tuple[PlanYear, ...]
    made_on: dt.date

    def organisation(self, lang: str) -> str:
        return (self.organisation_ru or self.organisation_kk) if lang == "ru" else self.organisation_kk

    @property
    def first_year(self) -> int:
        return self.years[0].start

    @property
    def last_year(self) -> int:
        return self.years[-1].start
