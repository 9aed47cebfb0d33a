"""The plain facts an association-year archive prints on its title page: whose
documents they are and of which year. The archive itself (the documents in
reading order, their pages) is put together by ``metodesk.documents.archive``
and printed by ``metodesk.reports.archive``."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

_ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")


@dataclass(frozen=True)
class ArchiveHead:
    """The title page's facts, each name in both languages (the other one's
    when a name was typed in one language only)."""

    organisation_kk: str
    organisation_ru: str
    association_kk: str
    association_ru: str
    year_name: str  # "2025-2026"
    made_on: dt.date  # the day the archive was put together

    def organisation(self, lang: str) -> str:
        return (self.organisation_ru or self.organisation_kk) if lang == "ru" else (
            self.organisation_kk or self.organisation_ru
        )

    def association(self, lang: str) -> str:
        return (self.association_ru or self.association_kk) if lang == "ru" else (
            self.association_kk or self.association_ru
        )


def shown_title(title: str) -> str:
    """A document's title as the archive prints it in its contents and
    bookmarks: a date written 2025-11-05 (as in file names) becomes 05.11.2025,
    the form tables use (docs/domain/documents.md, 'Common rules')."""
    return _ISO_DATE.sub(lambda m: f"{m[3]}.{m[2]}.{m[1]}", title)
