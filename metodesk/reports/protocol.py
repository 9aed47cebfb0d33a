"""The protocol (хаттама / протокол) of an association meeting, in Kazakh or
Russian, laid out as docs/domain/documents.md, 'Protocol', describes: organisation and
association, "№ 1 ХАТТАМА", date and place, chair and secretary, attendance,
the agenda, then for each item who was heard, who spoke and what was decided
(with responsible and deadline), and the signatures.

The language is the document's, chosen when it is built, independent of the
window's: its fixed words come from ``LABELS`` below, not from gettext.
A field left empty prints as a line to fill by hand.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph, Spacer

from metodesk.domain.text import sort_key
from metodesk.i18n.dates import official_date, short_date
from metodesk.reports.base import (
    BLANK,
    BLANK_SHORT,
    FRAME_WIDTH,
    WriteLine,
    build_pdf,
    end_block,
    grid_style,
    labelled,
    or_blank,
    paragraphs,
    plain_style,
    styles,
    table,
    text,
)
from metodesk.reports.lesson_words import mentioned_lesson_line

if TYPE_CHECKING:
    import datetime as dt

    from metodesk.domain.rows.protocol import (
        PrintedDecision,
        PrintedDocument,
        PrintedItem,
        PrintedPerson,
        PrintedReview,
        ProtocolData,
    )

LABELS: dict[str, dict[str, str]] = {
    "kk": {
        "title": "№ {number} ХАТТАМА",
        "council_title": "Әдістемелік кеңес отырысының № {number} ХАТТАМАСЫ",
        "doc_title": "№ {number} хаттама: {association}",
        "positive": "бекітуге ұсынылсын",
        "revision": "пысықтауға қайтарылсын",
        "place": "Өтетін орны:",
        "chair": "Төраға:",
        "secretary": "Хатшы:",
        "present": "Қатысқандар:",
        "absent": "Қатыспағандар:",
        "invited": "Шақырылғандар:",
        "nobody": "жоқ",
        "agenda": "КҮН ТӘРТІБІ:",
        "rapporteur": "баяндамашы",
        "heard": "ТЫҢДАЛДЫ:",
        "spoke": "СӨЙЛЕГЕНДЕР:",
        "decided": "ШЕШТІ:",
        "no": "№",
        "decision": "Шешім",
        "responsible": "Жауапты",
        "deadline": "Мерзімі",
        "carried_out": "Орындалуы",
        "review_no": "Хаттама, шешім",
        "done": "орындалды, {date}",
        "not_done": "орындалмады, бақылауда қалады",
        "under_control": "бақылауда",
        "under_control_until": "бақылауда, мерзімі {date}",
        "review_title": "Алдыңғы отырыс шешімдерінің орындалуы туралы",
        "reviewed_intro": "Бұрынғы отырыстардың шешімдері:",
        "review_ref": "№ {number}, {code}",
        "documents": "Қаралған құжаттар:",
        "author": "авторы",
        "signature": "(қолы)",
    },
    "ru": {
        "title": "ПРОТОКОЛ № {number}",
        "council_title": "ПРОТОКОЛ № {number} заседания методического совета",
        "doc_title": "Протокол № {number}: {association}",
        "positive": "рекомендовать к утверждению",
        "revision": "вернуть на доработку",
        "place": "Место проведения:",
        "chair": "Председатель:",
        "secretary": "Секретарь:",
        "present": "Присутствовали:",
        "absent": "Отсутствовали:",
        "invited": "Приглашённые:",
        "nobody": "нет",
        "agenda": "ПОВЕСТКА ДНЯ:",
        "rapporteur": "докладчик",
        "heard": "СЛУШАЛИ:",
        "spoke": "ВЫСТУПИЛИ:",
        "decided": "РЕШИЛИ (ПОСТАНОВИЛИ):",
        "no": "№",
        "decision": "Решение",
        "responsible": "Ответственный",
        "deadline": "Срок",
        "carried_out": "Выполнение",
        "review_no": "Протокол, решение",
        "done": "выполнено, {date}",
        "not_done": "не выполнено, остаётся на контроле",
        "under_control": "на контроле",
        "under_control_until": "на контроле, срок {date}",
        "review_title": "О выполнении решений предыдущего заседания",
        "reviewed_intro": "Решения предыдущих заседаний:",
        "review_ref": "№ {number}, {code}",
        "documents": "Рассмотренные документы:",
        "author": "автор",
        "signature": "(подпись)",
    },
}

DOCUMENT_KINDS = {
    "kk": {
        "annual_plan": "Әдістемелік бірлестіктің жылдық жұмыс жоспары",
        "calendar_plan": "Күнтізбелік-тақырыптық жоспар",
        "other": "Әдістемелік материал",
        "elective_programme": "Таңдау курсының бағдарламасы",
        "authored_programme": "Авторлық бағдарлама",
        "experience": "Жинақталған іс-тәжірибе",
        "school_plan": "Мектептің әдістемелік жұмыс жоспары",
    },
    "ru": {
        "annual_plan": "Годовой план работы методического объединения",
        "calendar_plan": "Календарно-тематический план",
        "other": "Методический материал",
        "elective_programme": "Программа элективного курса",
        "authored_programme": "Авторская программа",
        "experience": "Обобщённый опыт работы",
        "school_plan": "План методической работы школы",
    },
}

KIND_WORD = {"kk": "жоспар", "ru": "план"}  # a title with it needs no kind before it


def protocol_heading(data: ProtocolData, words: dict[str, str]) -> str:
    """The protocol's title: "№ 1 ХАТТАМА", or the methodical council's own
    "Әдістемелік кеңес отырысының № 1 ХАТТАМАСЫ" / "ПРОТОКОЛ № 1 заседания
    методического совета" (whose name it holds, so no line names the body above it)."""
    return words["council_title" if data.council else "title"].format(number=data.number)


def document_line(number: int, doc: PrintedDocument, lang: str) -> str:
    """One reviewed document under an item, as plain text: its kind and title,
    its author, and the body's conclusion (with the reason for a revision)."""
    w, kinds = LABELS[lang], DOCUMENT_KINDS[lang]
    kind = kinds.get(doc.kind, kinds["other"])
    if KIND_WORD[lang] in doc.title.casefold() or doc.title.startswith("«"):
        line = f"{number}) {doc.title}"  # the title names its kind already, or is quoted
    else:
        line = f"{number}) {kind}: «{doc.title}»"
    if doc.author:
        line += f", {w['author']} {doc.author}"
    if doc.conclusion in ("positive", "revision"):
        line += f" — {w[doc.conclusion]}"
        if doc.conclusion == "revision" and doc.reason.strip():
            line += f": {' '.join(doc.reason.split()).rstrip('.')}"
    return line
LIST_LIMIT = 30  # longer attendance lists print the count only


def people_count(n: int, lang: str) -> str:
    """'4 адам' / '4 человека' (Russian has three forms)."""
    if lang == "kk":
        return f"{n} адам"
    if n % 10 in (2, 3, 4) and n % 100 not in (12, 13, 14):
        return f"{n} человека"
    return f"{n} человек"


def _names(people: tuple[PrintedPerson, ...], lang: str) -> list[str]:
    return [p.short_name for p in sorted(people, key=lambda p: sort_key(p.full_name, lang))]


def by_school(people: tuple[PrintedPerson, ...], lang: str) -> list[str]:
    """'School — Names' for each school, schools and names in alphabetical order."""
    schools: dict[str, list[PrintedPerson]] = {}
    for person in people:
        schools.setdefault(person.organisation(lang), []).append(person)
    lines = []
    for school, members in sorted(schools.items(), key=lambda pair: sort_key(pair[0], lang)):
        names = ", ".join(_names(tuple(members), lang))
        lines.append(f"{school} — {names}" if school else names)
    return lines


def sentence(markup: str) -> str:
    """End with one full stop ('Тегі А.Ә.' already has it)."""
    return markup if markup.endswith(".") else markup + "."


def _deadline(date: dt.date | None, deadline_text: str) -> str:
    if date is not None:
        return short_date(date)
    return or_blank(deadline_text, BLANK_SHORT)


class _Protocol:
    """Builds the story of one protocol in one language."""

    def __init__(self, data: ProtocolData, lang: str) -> None:
        self.data, self.lang = data, lang
        self.words = LABELS[lang]
        self.s = styles()
        self.story: list[Flowable] = []

    def add(self, *flowables: Flowable) -> None:
        self.story.extend(flowables)

    def header(self) -> None:
        """Organisation, association, the title, then the date on the left and
        the place on the right (on a line of its own when it is long)."""
        d, w, s = self.data, self.words, self.s
        self.add(Paragraph(text(d.organisation(self.lang)), s.header))
        if not d.council:
            self.add(Paragraph(text(d.association(self.lang)), s.subheader))
        self.add(Paragraph(protocol_heading(d, w), s.title))
        place_text = f"{w['place']} {d.place.strip() or BLANK_SHORT}"
        fits = stringWidth(place_text, s.right.fontName, s.right.fontSize) < FRAME_WIDTH * 0.55
        place = f"{escape(w['place'])} {or_blank(d.place, BLANK_SHORT)}"
        line = table(
            [
                [
                    Paragraph(official_date(d.date, self.lang), s.plain),
                    Paragraph(place, s.right) if fits else "",
                ]
            ],
            [FRAME_WIDTH * 0.45, FRAME_WIDTH * 0.55],
            plain_style(),
        )
        self.add(line)
        if not fits:
            self.add(Paragraph(place, s.plain))
        self.add(Spacer(1, 4 * mm))

    def attendance(self) -> None:
        d, w, s = self.data, self.words, self.s
        self.add(labelled(w["chair"], or_blank(d.chair.short_name if d.chair else ""), s.plain))
        self.add(labelled(w["secretary"], or_blank(d.secretary.short_name if d.secretary else ""), s.plain))
        known = d.attendance_marked or d.present or d.absent
        if d.present:
            value = people_count(len(d.present), self.lang)
            if len(d.present) <= LIST_LIMIT and d.district:  # by school: "Школа № 2 — Ким В.С., …"
                value += ": " + sentence(text("; ".join(by_school(d.present, self.lang))))
            elif len(d.present) <= LIST_LIMIT:
                value += ": " + sentence(text(", ".join(_names(d.present, self.lang))))
        else:
            value = BLANK if not known else people_count(0, self.lang) + "."
        self.add(labelled(w["present"], value, s.plain))
        if d.absent:
            absent = sorted(d.absent, key=lambda a: sort_key(a.person.full_name, self.lang))
            parts = [text(a.person.short_name) + (f" ({text(a.reason)})" if a.reason else "") for a in absent]
            value = sentence(f"{people_count(len(absent), self.lang)}: " + ", ".join(parts))
        else:
            value = w["nobody"] + "." if d.attendance_marked else BLANK
        self.add(labelled(w["absent"], value, s.plain))
        if d.guests:
            guests = "; ".join(
                text(", ".join(p for p in (g.name, g.job_title, g.organisation) if p)) for g in d.guests
            )
            self.add(labelled(w["invited"], sentence(guests), s.plain))
        elif not d.held:
            self.add(labelled(w["invited"], BLANK, s.plain))

    def item_title(self, item: PrintedItem) -> str:
        if item.title.strip():
            return text(item.title.strip())
        return self.words["review_title"] if item.kind == "review" else BLANK

    def agenda(self) -> None:
        w, s = self.words, self.s
        self.add(Paragraph(w["agenda"], s.heading))
        if not self.data.items:
            for number in (1, 2, 3):
                self.add(Paragraph(f"{number}. {BLANK * 2}", s.hanging))
            return
        for item in self.data.items:
            line = f"{item.number}. {self.item_title(item)}"
            if item.speaker and item.speaker not in item.title:
                line += f" ({w['rapporteur']}: {text(item.speaker)})"
            self.add(Paragraph(line, s.hanging))

    def decisions_table(self, decisions: tuple[PrintedDecision, ...]) -> Flowable:
        w, s = self.words, self.s
        rows: list[list[Any]] = [[w["no"], w["decision"], w["responsible"], w["deadline"]]]
        rows[0] = [Paragraph(c, s.cell_head) for c in rows[0]]
        for d in decisions:
            rows.append(
                [
                    Paragraph(d.code, s.cell),
                    Paragraph(text(d.text), s.cell),
                    Paragraph(or_blank(d.responsible, BLANK_SHORT), s.cell),
                    Paragraph(_deadline(d.deadline, d.deadline_text), s.cell_center),
                ]
            )
        if not decisions:
            rows += [["", "", "", ""], ["", "", "", ""]]
        widths = [13 * mm, FRAME_WIDTH - 13 * mm - 36 * mm - 28 * mm, 36 * mm, 28 * mm]
        heights = None if decisions else [None, 9 * mm, 9 * mm]  # room to write by hand
        return table(rows, widths, grid_style(), repeat=1, row_heights=heights)

    def review_table(self, reviewed: tuple[PrintedReview, ...]) -> Flowable:
        w, s = self.words, self.s
        head = [w["review_no"], w["decision"], w["responsible"], w["carried_out"]]
        rows: list[list[Any]] = [[Paragraph(c, s.cell_head) for c in head]]
        for r in reviewed:
            rows.append(
                [
                    Paragraph(w["review_ref"].format(number=r.meeting_number, code=r.code), s.cell_center),
                    Paragraph(text(r.text), s.cell),
                    Paragraph(or_blank(r.responsible, BLANK_SHORT), s.cell),
                    Paragraph(self.review_status(r), s.cell),
                ]
            )
        widths = [24 * mm, FRAME_WIDTH - 24 * mm - 34 * mm - 30 * mm, 34 * mm, 30 * mm]
        return table(rows, widths, grid_style(), repeat=1)

    def review_status(self, r: PrintedReview) -> str:
        """Done (with the date), or still under control: 'not carried out' once
        a held meeting finds the deadline passed."""
        w = self.words
        if r.done and r.done_date is not None:
            return w["done"].format(date=short_date(r.done_date))
        if r.deadline is not None and self.data.held and r.deadline < self.data.date:
            return w["not_done"]
        if r.deadline is not None or r.deadline_text.strip():
            when = short_date(r.deadline) if r.deadline is not None else text(r.deadline_text.strip())
            return w["under_control_until"].format(date=when)
        return w["under_control"]

    def item(self, item: PrintedItem) -> None:
        w, s = self.words, self.s
        heading = ParagraphStyle("item_keep", parent=s.item, keepWithNext=1)
        self.add(Paragraph(f"{item.number}. {self.item_title(item)}", heading))
        for lesson in item.lessons:  # the lessons the item discussed, named under its title
            line = mentioned_lesson_line(lesson, self.lang)
            self.add(
                Paragraph(sentence(text(line)), ParagraphStyle("lesson_keep", parent=s.plain, keepWithNext=1))
            )
        heard_style = ParagraphStyle("heard_keep", parent=s.plain, keepWithNext=1)
        self.add(labelled(w["heard"], or_blank(item.speaker), heard_style))
        if item.summary.strip():
            self.add(*paragraphs(item.summary, s.indented))
        elif not item.reviewed:
            self.add(WriteLine(), WriteLine())
        if item.reviewed:
            self.add(Spacer(1, 2), Paragraph(w["reviewed_intro"], s.plain), Spacer(1, 2))
            self.add(self.review_table(item.reviewed))
        if item.documents:
            self.add(Paragraph(w["documents"], s.plain))
            for number, doc in enumerate(item.documents, start=1):
                self.add(Paragraph(sentence(text(document_line(number, doc, self.lang))), s.hanging))
        if item.speeches:
            self.add(Paragraph(f"<b>{w['spoke']}</b>", s.plain))
            for speech in item.speeches:
                who = or_blank(speech.speaker, BLANK_SHORT)
                lines = [line for line in speech.text.split("\n") if line.strip()] or [""]
                self.add(Paragraph(f"{who}: {text(lines[0])}", s.indented))
                self.add(*[Paragraph(text(line), s.indented) for line in lines[1:]])
        elif not self.data.held:
            self.add(labelled(w["spoke"], "", s.plain), WriteLine(), WriteLine())
        decided = ParagraphStyle("decided_keep", parent=s.plain, keepWithNext=1, spaceBefore=3, spaceAfter=3)
        self.add(Paragraph(f"<b>{w['decided']}</b>", decided))
        self.add(self.decisions_table(item.decisions))

    def signatures(self) -> None:
        d, w, s = self.data, self.words, self.s
        caption = ParagraphStyle("caption", parent=s.cell_center, fontSize=7, leading=8)
        rows: list[list[Any]] = []
        for label, person in ((w["chair"], d.chair), (w["secretary"], d.secretary)):
            rows.append(
                [
                    Paragraph(label, s.plain),
                    Paragraph("_" * 22, s.sign_line),
                    Paragraph(text(person.sign_name) if person else BLANK, s.plain),
                ]
            )
            rows.append(["", Paragraph(w["signature"], caption), ""])
        signature_table = table(
            rows,
            [40 * mm, 60 * mm, FRAME_WIDTH - 100 * mm],
            plain_style([("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 1)]),
        )
        self.add(end_block(Spacer(1, 10 * mm), signature_table))

    def build(self) -> list[Flowable]:
        self.header()
        self.attendance()
        self.agenda()
        for item in self.data.items:
            self.item(item)
        self.signatures()
        return self.story


def build(data: ProtocolData, lang: str) -> bytes:
    """The protocol as PDF bytes, in ``lang`` ("kk" or "ru")."""
    if lang not in LABELS:
        raise ValueError(f"protocols are printed in kk or ru, not {lang!r}")
    story = _Protocol(data, lang).build()
    title = LABELS[lang]["doc_title"].format(number=data.number, association=data.association(lang))
    return build_pdf(story, title=title, lang=lang, subject=official_date(data.date, lang))
