"""The protocol of an association meeting and its attendance sheet as Word
documents (DOCX), laid out as the PDFs (``protocol``, ``attendance``) are:
the same words, the same order, real Word tables for the decisions, the
review of earlier decisions and the attendance list, lines to fill by hand
where a field is empty, and the signatures at the end.

The words come from the PDF modules' ``LABELS`` (nothing is copied);
python-docx loads only when a document is built.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docx.enum.table import WD_ALIGN_VERTICAL
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

from metodesk.domain.text import sort_key
from metodesk.i18n.dates import official_date, short_date
from metodesk.reports import attendance as attendance_pdf
from metodesk.reports.base import BLANK, BLANK_SHORT
from metodesk.reports.docx_base import WordDocument, merge_row, row_height
from metodesk.reports.lesson_words import mentioned_lesson_line
from metodesk.reports.protocol import (
    LABELS,
    LIST_LIMIT,
    by_school,
    document_line,
    people_count,
    protocol_heading,
    sentence,
)

if TYPE_CHECKING:
    import datetime as dt

    from metodesk.domain.rows.protocol import (
        PrintedDecision,
        PrintedItem,
        PrintedPerson,
        PrintedReview,
        ProtocolData,
    )

DECISION_WIDTHS = (13, 165 - 13 - 36 - 28, 36, 28)
REVIEW_WIDTHS = (24, 165 - 24 - 34 - 30, 34, 30)
SIGNATURE_WIDTHS = (40, 60, 65)
PLACE_FITS = 42  # characters of "Place: …" that fit beside the date (the PDF measures 55 % of the line)
ATTENDANCE_WIDTHS = (12, 165 - 12 - 55, 55)
DISTRICT_ATTENDANCE_WIDTHS = (12, 58, 165 - 12 - 58 - 40, 40)  # with each member's school
ROW_HEIGHT = 9  # mm: room to sign or write by hand


def names(people: tuple[PrintedPerson, ...], lang: str) -> list[str]:
    """Short names in the alphabetical order of the document's language."""
    return [p.short_name for p in sorted(people, key=lambda p: sort_key(p.full_name, lang))]


def or_blank(value: str | None, blank: str = BLANK) -> str:
    value = (value or "").strip()
    return value or blank


def deadline(date: dt.date | None, deadline_text: str) -> str:
    return short_date(date) if date is not None else or_blank(deadline_text, BLANK_SHORT)


def review_status(r: PrintedReview, data: ProtocolData, lang: str) -> str:
    """Done (with the date), or still under control: 'not carried out' once
    a held meeting finds the deadline passed (as the PDF says it)."""
    w = LABELS[lang]
    if r.done and r.done_date is not None:
        return w["done"].format(date=short_date(r.done_date))
    if r.deadline is not None and data.held and r.deadline < data.date:
        return w["not_done"]
    if r.deadline is not None or r.deadline_text.strip():
        when = short_date(r.deadline) if r.deadline is not None else r.deadline_text.strip()
        return w["under_control_until"].format(date=when)
    return w["under_control"]


class _Protocol:
    def __init__(self, data: ProtocolData, lang: str) -> None:
        self.data, self.lang, self.w = data, lang, LABELS[lang]
        self.word = WordDocument(lang)

    def header(self) -> None:
        d, w, word = self.data, self.w, self.word
        word.header_line(d.organisation(self.lang))
        if not d.council:
            word.paragraph(d.association(self.lang), center=True)
        word.title(protocol_heading(d, w))
        place = f"{w['place']} {or_blank(d.place, BLANK_SHORT)}"
        fits = len(place) <= PLACE_FITS
        line = word.layout([[official_date(d.date, self.lang), place if fits else ""]], (74, 91))
        if fits:
            line.rows[0].cells[1].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
        if not fits:
            word.paragraph(place)
        word.space(10)

    def attendance(self) -> None:
        d, w, word, lang = self.data, self.w, self.word, self.lang
        word.labelled(w["chair"], or_blank(d.chair.short_name if d.chair else ""))
        word.labelled(w["secretary"], or_blank(d.secretary.short_name if d.secretary else ""))
        known = d.attendance_marked or d.present or d.absent
        if d.present:
            value = people_count(len(d.present), lang)
            if len(d.present) <= LIST_LIMIT and d.district:  # by school: "Школа № 2 — Ким В.С., …"
                value += ": " + sentence("; ".join(by_school(d.present, lang)))
            elif len(d.present) <= LIST_LIMIT:
                value += ": " + sentence(", ".join(names(d.present, lang)))
        else:
            value = BLANK if not known else people_count(0, lang) + "."
        word.labelled(w["present"], value)
        if d.absent:
            absent = sorted(d.absent, key=lambda a: sort_key(a.person.full_name, lang))
            parts = [a.person.short_name + (f" ({a.reason})" if a.reason else "") for a in absent]
            value = sentence(f"{people_count(len(absent), lang)}: " + ", ".join(parts))
        else:
            value = w["nobody"] + "." if d.attendance_marked else BLANK
        word.labelled(w["absent"], value)
        if d.guests:
            guests = "; ".join(
                ", ".join(p for p in (g.name, g.job_title, g.organisation) if p) for g in d.guests
            )
            word.labelled(w["invited"], sentence(guests))
        elif not d.held:
            word.labelled(w["invited"], BLANK)

    def item_title(self, item: PrintedItem) -> str:
        if item.title.strip():
            return item.title.strip()
        return self.w["review_title"] if item.kind == "review" else BLANK

    def agenda(self) -> None:
        w, word = self.w, self.word
        word.heading(w["agenda"])
        if not self.data.items:
            for number in (1, 2, 3):
                word.hanging(f"{number}. {BLANK * 2}")
            return
        for item in self.data.items:
            line = f"{item.number}. {self.item_title(item)}"
            if item.speaker and item.speaker not in item.title:
                line += f" ({w['rapporteur']}: {item.speaker})"
            word.hanging(line)

    def decisions(self, decisions: tuple[PrintedDecision, ...]) -> None:
        w = self.w
        rows = [
            [d.code, d.text, or_blank(d.responsible, BLANK_SHORT), deadline(d.deadline, d.deadline_text)]
            for d in decisions
        ] or [[""] * 4, [""] * 4]
        table = self.word.grid(
            [[w["no"], w["decision"], w["responsible"], w["deadline"]]], rows, DECISION_WIDTHS, {3}
        )
        if not decisions:  # room to write by hand
            for row in table.rows[1:]:
                row_height(row, ROW_HEIGHT)

    def reviews(self, reviewed: tuple[PrintedReview, ...]) -> None:
        w = self.w
        rows = [
            [
                w["review_ref"].format(number=r.meeting_number, code=r.code),
                r.text,
                or_blank(r.responsible, BLANK_SHORT),
                review_status(r, self.data, self.lang),
            ]
            for r in reviewed
        ]
        head = [w["review_no"], w["decision"], w["responsible"], w["carried_out"]]
        table = self.word.grid([head], rows, REVIEW_WIDTHS, {0})
        for row in table.rows[1:]:  # the reference centred, as in the PDF
            row.cells[0].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER

    def lesson(self, lesson) -> str:  # type: ignore[no-untyped-def]
        line = mentioned_lesson_line(lesson, self.lang)
        return sentence(line)

    def item(self, item: PrintedItem) -> None:
        w, word, lang = self.w, self.word, self.lang
        word.paragraph(f"{item.number}. {self.item_title(item)}", bold=True, before=9, after=3, keep=True)
        for lesson in item.lessons:  # the lessons the item discussed, named under its title
            word.paragraph(self.lesson(lesson), keep=True)
        word.labelled(w["heard"], or_blank(item.speaker), keep=True)
        if item.summary.strip():
            word.texts(item.summary)
        elif not item.reviewed:
            word.write_lines(2)
        if item.reviewed:
            word.paragraph(w["reviewed_intro"], before=2, after=2, keep=True)
            self.reviews(item.reviewed)
        if item.documents:
            word.paragraph(w["documents"], keep=True)
            for number, doc in enumerate(item.documents, start=1):
                word.hanging(sentence(document_line(number, doc, lang)))
        if item.speeches:
            word.paragraph(w["spoke"], bold=True, keep=True)
            for speech in item.speeches:
                who = or_blank(speech.speaker, BLANK_SHORT)
                lines = [line for line in speech.text.split("\n") if line.strip()] or [""]
                word.texts(f"{who}: {lines[0]}")
                for line in lines[1:]:
                    word.texts(line)
        elif not self.data.held:
            word.labelled(w["spoke"], "", keep=True)
            word.write_lines(2)
        word.paragraph(w["decided"], bold=True, before=3, after=3, keep=True)
        self.decisions(item.decisions)

    def signatures(self) -> None:
        d, w = self.data, self.w
        people = [
            (label, person.sign_name if person else BLANK)
            for label, person in ((w["chair"], d.chair), (w["secretary"], d.secretary))
        ]
        self.word.signatures(people, w["signature"], SIGNATURE_WIDTHS)

    def build(self) -> bytes:
        self.header()
        self.attendance()
        self.agenda()
        for item in self.data.items:
            self.item(item)
        self.signatures()
        d = self.data
        title = self.w["doc_title"].format(number=d.number, association=d.association(self.lang))
        return self.word.save(title, official_date(d.date, self.lang))


def build(data: ProtocolData, lang: str) -> bytes:
    """The protocol as DOCX bytes, in ``lang`` ("kk" or "ru")."""
    if lang not in LABELS:
        raise ValueError(f"protocols are printed in kk or ru, not {lang!r}")
    return _Protocol(data, lang).build()


def build_attendance(data: ProtocolData, lang: str) -> bytes:
    """The blank attendance sheet as DOCX bytes, in ``lang`` ("kk" or "ru"):
    № | name | signature for every member (with a column for each one's school
    in a district association), the guests, spare rows, the secretary's
    signature over its caption."""
    if lang not in attendance_pdf.LABELS:
        raise ValueError(f"attendance sheets are printed in kk or ru, not {lang!r}")
    w = attendance_pdf.LABELS[lang]
    word = WordDocument(lang)
    word.header_line(data.organisation(lang))
    word.paragraph(data.association(lang), center=True)
    word.title(w["title"])
    word.paragraph(w["meeting"].format(number=data.number, date=official_date(data.date, lang)), center=True)
    word.space(14)
    # a district association's members come from several schools: each one's is printed
    keys = ("no", "name", "school", "signature") if data.district else ("no", "name", "signature")
    empty = [""] * (len(keys) - 2)
    rows: list[list[str]] = []
    members = sorted(data.members, key=lambda p: sort_key(p.full_name, lang))
    for number, person in enumerate(members, start=1):
        school = [person.organisation(lang)] if data.district else []
        rows.append([str(number), person.full_name, *school, ""])
    guest_row = None
    guests: list[int] = []
    if data.guests:
        guest_row = len(rows)
        rows.append([w["guests"], "", *empty])
        for guest in data.guests:
            described = ", ".join(p for p in (guest.name, guest.job_title, guest.organisation) if p)
            guests.append(len(rows))
            rows.append([str(len(rows)), described, *empty])
    count = len(rows) - (1 if guest_row is not None else 0)
    rows += [[str(count + n), "", *empty] for n in range(1, attendance_pdf.SPARE_ROWS + 1)]
    widths = DISTRICT_ATTENDANCE_WIDTHS if data.district else ATTENDANCE_WIDTHS
    table = word.grid([[w[k] for k in keys]], rows, widths, {0})
    for index, row in enumerate(table.rows[1:]):
        if index == guest_row:
            merge_row(row, w["guests"], bold=True, center=True)
            continue
        if data.district and index in guests:  # the guest's description across name and school
            merge_row(row, rows[index][1], first=1, last=2)
        if not data.district or index >= len(members):
            row_height(row, ROW_HEIGHT)
        else:  # as tall as the school's name needs, with room above and below to sign
            for cell in row.cells:
                for paragraph in cell.paragraphs:
                    paragraph.paragraph_format.space_before = Pt(7)
                    paragraph.paragraph_format.space_after = Pt(7)
        for cell in row.cells:
            cell.vertical_alignment = WD_ALIGN_VERTICAL.CENTER
    secretary = data.secretary.sign_name if data.secretary else BLANK
    word.signatures([(w["secretary"], secretary)], w["caption"], SIGNATURE_WIDTHS)
    title = w["doc_title"].format(number=data.number, association=data.association(lang))
    return word.save(title, official_date(data.date, lang))
