"""The year's report of a mentoring pair, in Kazakh or Russian: the pair as
the plan names it, (1) the plan with its marks and how many rows were done,
(2) the meeting log with the lessons and observation sheets it names and the
total time, (3) the mentee's summary of the year, (4) the mentor's
conclusion, and both signatures. A summary or conclusion not written yet
prints as lines to fill by hand.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Paragraph, Spacer

from metodesk.i18n.dates import short_date
from metodesk.reports.base import WriteLine, build_pdf, grid_style, paragraphs, table, text
from metodesk.reports.lesson_words import mentioned_lesson_line
from metodesk.reports.mentoring_plan import MentoringStory, fitted, mentee_words

if TYPE_CHECKING:
    from metodesk.domain.rows.mentoring import MentoringDocData, PrintedEntry

WORDS: dict[str, dict[str, str]] = {
    "kk": {
        "title_young_specialist": "ТӘЛІМГЕРДІҢ ЖАС МАМАНМЕН ЖҰМЫСЫ ТУРАЛЫ ЕСЕП",
        "title_trainee": "ТӘЛІМГЕРДІҢ ПЕДАГОГ-СТАЖЕРМЕН ЖҰМЫСЫ ТУРАЛЫ ЕСЕП",
        "year": "{year} оқу жылы",
        "plan": "1. Жұмыс жоспарының орындалуы",
        "plan_done": "Орындалған іс-шаралар: {done} / {total}.",
        "log": "2. Кездесулер журналы",
        "no": "№",
        "date": "Күні",
        "kind": "Түрі",
        "topic": "Тақырыбы",
        "minutes": "Ұзақтығы, мин",
        "notes": "Ескертпе",
        "total": "Барлығы: {count}, {duration}.",
        "no_log": "Кездесулер журналға енгізілмеген.",
        "sheet": "Бақылау парағы: {observer}, ұпай саны: {total} / {max}",
        "summary": "3. {mentee} жыл қорытындысы",
        "conclusion": "4. Тәлімгердің қорытындысы",
        "report_title": "Тәлімгердің есебі: {mentee}, {year} оқу жылы",
        "consultation": "Кеңес беру",
        "visit_mentee": "Тәлімгердің {gen} сабағына қатысуы",
        "visit_mentor": "{gen} тәлімгер сабағына қатысуы",
        "joint_planning": "Бірлескен жоспарлау",
        "other": "Басқа",
    },
    "ru": {
        "title_young_specialist": "ОТЧЁТ О РАБОТЕ НАСТАВНИКА С МОЛОДЫМ СПЕЦИАЛИСТОМ",
        "title_trainee": "ОТЧЁТ О РАБОТЕ НАСТАВНИКА С ПЕДАГОГОМ-СТАЖЁРОМ",
        "year": "за {year} учебный год",
        "plan": "1. Выполнение плана работы",
        "plan_done": "Выполнено мероприятий: {done} из {total}.",
        "log": "2. Журнал встреч",
        "no": "№",
        "date": "Дата",
        "kind": "Вид",
        "topic": "Тема",
        "minutes": "Длительность, мин",
        "notes": "Примечания",
        "total": "Всего: {count}, {duration}.",
        "no_log": "Встречи в журнал не внесены.",
        "sheet": "Лист наблюдения: {observer}, сумма баллов: {total} из {max}",
        "summary": "3. Итоги года {mentee}",
        "conclusion": "4. Заключение наставника",
        "report_title": "Отчёт наставника: {mentee}, {year} учебный год",
        "consultation": "Консультация",
        "visit_mentee": "Посещение наставником урока {gen}",
        "visit_mentor": "Посещение урока наставника {agent}",
        "joint_planning": "Совместное планирование",
        "other": "Другое",
    },
}

# № | date | kind | topic | minutes | notes: 165 mm
LOG_WIDTHS = [w * mm for w in (8, 23, 31, 48, 22, 33)]


def meetings_count(n: int, lang: str) -> str:
    """'8 кездесу' / '1 встреча', '3 встречи', '8 встреч'."""
    if lang == "kk":
        return f"{n} кездесу"
    if n % 10 == 1 and n % 100 != 11:
        return f"{n} встреча"
    if n % 10 in (2, 3, 4) and n % 100 not in (12, 13, 14):
        return f"{n} встречи"
    return f"{n} встреч"


def duration(minutes: int, lang: str) -> str:
    """'6 сағ 30 мин' / '6 ч 30 мин'."""
    hours, rest = divmod(minutes, 60)
    unit = "сағ" if lang == "kk" else "ч"
    if not hours:
        return f"{rest} мин"
    return f"{hours} {unit} {rest} мин" if rest else f"{hours} {unit}"


def kind_text(kind: str, mentee_kind: str, lang: str) -> str:
    """The kind of a meeting in the document's language, naming the mentee as
    a young specialist or a trainee."""
    words = WORDS[lang]
    forms = mentee_words(mentee_kind, lang)
    phrase = words.get(kind, words["other"]).format(gen=forms["gen"], agent=forms.get("agent", ""))
    return phrase[:1].upper() + phrase[1:]


class _Report(MentoringStory):
    def entry_topic(self, e: PrintedEntry) -> str:
        lines = [text(e.topic) if e.topic.strip() else ""]
        if e.lesson is not None:
            lesson = e.lesson
            lines.append(
                text(
                    mentioned_lesson_line(lesson, self.lang)
                )
            )
        if e.sheet_total is not None:
            lines.append(
                text(
                    WORDS[self.lang]["sheet"].format(
                        observer=e.sheet_observer, total=e.sheet_total, max=e.sheet_max or 0
                    )
                )
            )
        return "<br/>".join(line for line in lines if line)

    def log(self) -> None:
        s, w, d = self.s, WORDS[self.lang], self.data
        self.add(CondPageBreak(30 * mm), Paragraph(escape(w["log"]), s.heading))
        if not d.entries:
            self.add(Paragraph(escape(w["no_log"]), s.plain))
            return
        head = [w["no"], w["date"], w["kind"], w["topic"], w["minutes"], w["notes"]]
        rows: list[list[Any]] = [[Paragraph(escape(h), s.cell_head) for h in head]]
        for number, e in enumerate(d.entries, start=1):
            rows.append(
                [
                    Paragraph(str(number), s.cell_center),
                    Paragraph(short_date(e.date), s.cell_center),
                    Paragraph(
                        fitted(kind_text(e.kind, d.mentee_kind, self.lang), LOG_WIDTHS[2] - 8, s.cell), s.cell
                    ),
                    Paragraph(self.entry_topic(e), s.cell),
                    Paragraph(str(e.minutes) if e.minutes else "", s.cell_center),
                    Paragraph(text(e.notes), s.cell),
                ]
            )
        self.add(table(rows, LOG_WIDTHS, grid_style(), repeat=1))
        total = w["total"].format(
            count=meetings_count(len(d.entries), self.lang), duration=duration(d.total_minutes, self.lang)
        )
        self.add(Spacer(1, 2 * mm), Paragraph(escape(total), s.plain))

    def written(self, heading: str, value: str) -> None:
        """A section of free text, or lines to write it by hand."""
        s = self.s
        self.add(CondPageBreak(30 * mm), Paragraph(escape(heading), s.heading))
        if value.strip():
            self.add(*paragraphs(value, s.indented))
        else:
            self.add(*[WriteLine() for _ in range(5)])

    def build(self) -> list:  # type: ignore[type-arg]
        d, w = self.data, WORDS[self.lang]
        title = w.get(f"title_{d.mentee_kind}", w["title_young_specialist"])
        self.heading(title, w["year"].format(year=d.year_name))
        self.pair()
        self.add(Paragraph(escape(w["plan"]), self.s.heading), self.plan_table())
        done = sum(a.done_on is not None for a in d.activities)
        if d.activities:
            self.add(
                Spacer(1, 2 * mm),
                Paragraph(escape(w["plan_done"].format(done=done, total=len(d.activities))), self.s.plain),
            )
        self.log()
        gen = mentee_words(d.mentee_kind, self.lang)["gen"]
        self.written(
            w["summary"].format(mentee=gen[:1].upper() + gen[1:] if self.lang == "kk" else gen), d.summary
        )
        self.written(w["conclusion"], d.conclusion)
        self.signatures()
        return self.story


def build(data: MentoringDocData, lang: str) -> bytes:
    """The year's report as PDF bytes, in ``lang`` ("kk" or "ru")."""
    report = _Report(data, lang)
    story = report.build()
    title = WORDS[lang]["report_title"].format(mentee=data.mentee.short_name, year=data.year_name)
    return build_pdf(story, title=title, lang=lang, subject=data.year_name)
