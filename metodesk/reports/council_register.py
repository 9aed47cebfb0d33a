"""The register of documents reviewed by the associations and the methodical
council (Order No. 253 item 27), as an outline for PDF and Word: № | document
| author | reviewed at (body, protocol) | conclusion | approved by the head."""

from __future__ import annotations

from typing import TYPE_CHECKING

from metodesk.i18n.dates import protocol_reference, short_date
from metodesk.reports.protocol import DOCUMENT_KINDS, LABELS as PROTOCOL_LABELS
from metodesk.reports.school_doc import Grid, Outline, Text

if TYPE_CHECKING:
    from metodesk.domain.rows.council import RegisterData

COLUMNS = {
    "kk": ("№", "Құжат", "Авторы", "Қаралды", "Қорытынды", "Басшы бекітті"),
    "ru": ("№", "Документ", "Автор", "Рассмотрено", "Заключение", "Утверждено руководителем"),
}
WORDS: dict[str, dict[str, str]] = {
    "kk": {
        "title": "Әдістемелік бірлестіктер мен әдістемелік кеңесте қаралған құжаттарды тіркеу журналы",
        "year": "{year} оқу жылы",
        "not_reviewed": "әлі қаралмады",
        "pending": "қорытынды жоқ",
        "empty": "Бұл оқу жылында қаралған құжаттар жоқ.",
        "doc_title": "Қаралған құжаттар журналы {year}",
    },
    "ru": {
        "title": "Журнал учёта документов, рассмотренных на методических объединениях и методическом совете",
        "year": "{year} учебный год",
        "not_reviewed": "ещё не рассмотрен",
        "pending": "заключения нет",
        "empty": "В этом учебном году рассмотренных документов нет.",
        "doc_title": "Журнал рассмотренных документов {year}",
    },
}


def conclusion_text(code: str, reason: str, lang: str) -> str:
    """The conclusion as the documents print it, with the reason for a revision."""
    w = PROTOCOL_LABELS[lang]
    if code == "positive":
        return w["positive"]
    if code == "revision":
        return f"{w['revision']}: {reason}" if reason.strip() else w["revision"]
    return WORDS[lang]["pending"]


def outline(data: RegisterData, lang: str) -> Outline:
    w = WORDS[lang]
    kinds = DOCUMENT_KINDS[lang]
    rows = []
    for number, row in enumerate(data.rows, start=1):
        reviewed = (
            f"{row.body(lang)}, {protocol_reference(row.meeting_number, row.meeting_date, lang)}"
            if row.meeting_number is not None and row.meeting_date is not None
            else f"{row.body(lang)}, {w['not_reviewed']}"
        )
        rows.append(
            (
                str(number),
                f"{kinds.get(row.kind, kinds['other'])}: «{row.title}»",
                row.author_name,
                reviewed,
                conclusion_text(row.conclusion, row.conclusion_reason, lang),
                short_date(row.approved_on) if row.approved_on else "",
            )
        )
    parts = (
        (Grid(COLUMNS[lang], tuple(rows), (0.05, 0.29, 0.12, 0.22, 0.18, 0.14)),)
        if rows
        else (Text(w["empty"]),)
    )
    return Outline(
        lang=lang,
        doc_title=w["doc_title"].format(year=data.year_name),
        organisation=data.organisation(lang),
        titles=(w["title"], w["year"].format(year=data.year_name)),
        parts=parts,
    )
