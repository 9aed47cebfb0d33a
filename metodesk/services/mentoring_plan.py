"""The mentor's plan of work with the mentee, in the shape of the official
form (Order No. 130 of 06.04.2020, appendix 9): № | activity | date | form of
completion | mark (done, with the date).

A new plan starts from the typical activities of docs/domain/order-253.md, 'Mentoring plan', in
Kazakh or Russian, dated across the pair's academic year; the user edits,
adds and removes rows afterwards.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from metodesk.domain.errors import DomainError
from metodesk.domain.text import clean_multiline
from metodesk.i18n import _
from metodesk.services.common import get_or_fail, limited
from metodesk.services.mentoring import PLAN_LANGUAGES, in_window, pair_record
from metodesk.storage.models import AcademicYear, MentoringActivity

MAX_ACTIVITY = 2000
MAX_WHEN = 100
MAX_FORM = 300
MAX_MARK_NOTE = 200

WHOLE_YEAR = {"kk": "Жыл бойы", "ru": "В течение года"}

# (activity, form of completion, when): when is a month of the school year
# (9 = September of its first calendar year, 5 = May of its second), or 0 for
# the whole year (due at the year's end).
TEMPLATE: dict[str, tuple[tuple[str, str, int], ...]] = {
    "kk": (
        ("Жас маманның кәсіби қиындықтарын анықтау (диагностика)", "Сауалнама, әңгімелесу", 9),
        (
            "Нормативтік құжаттарды зерделеу: мемлекеттік жалпыға міндетті білім беру стандарты, "
            "үлгілік оқу бағдарламасы, бағалау қағидалары",
            "Кеңес беру",
            9,
        ),
        (
            "Күнтізбелік-тақырыптық жоспарды (КТЖ) және қысқа мерзімді жоспарларды (ҚМЖ) құруға көмек",
            "КТЖ, ҚМЖ үлгілері",
            9,
        ),
        ("Тәлімгердің жас маман сабақтарына қатысуы, сабақты талдау", "Сабақты бақылау парағы", 0),
        ("Жас маманның тәлімгер және тәжірибелі әріптестер сабақтарына қатысуы", "Сабақты талдау", 0),
        ("Өздігінен білім алу тақырыбын анықтау, жоспарын құру", "Өздігінен білім алу жоспары", 10),
        (
            "Критериалды бағалау: бағалау критерийлері мен дескрипторлар, БЖБ және ТЖБ тапсырмалары",
            "Практикум",
            11,
        ),
        ("Мектеп құжаттарын жүргізу: электрондық журнал, оқушы дәптерлері", "Кеңес беру", 12),
        ("Жас маманның ашық сабағы", "Ашық сабақ, бақылау парағы", 3),
        ("Жыл қорытындысы: жас маманның есебі, тәлімгердің қорытындысы", "Есеп, қорытынды", 5),
    ),
    "ru": (
        ("Диагностика профессиональных затруднений молодого специалиста", "Анкетирование, беседа", 9),
        (
            "Изучение нормативных документов: государственный общеобязательный стандарт образования, "
            "типовая учебная программа, правила оценивания",
            "Консультация",
            9,
        ),
        (
            "Помощь в составлении календарно-тематического плана (КТП) и краткосрочных планов (КСП)",
            "КТП, образцы КСП",
            9,
        ),
        ("Посещение наставником уроков молодого специалиста, анализ урока", "Лист наблюдения урока", 0),
        ("Посещение молодым специалистом уроков наставника и опытных коллег", "Анализ урока", 0),
        ("Определение темы самообразования, составление плана", "План самообразования", 10),
        (
            "Критериальное оценивание: критерии оценивания и дескрипторы, задания СОр и СОч",
            "Практикум",
            11,
        ),
        ("Ведение школьной документации: электронный журнал, тетради учащихся", "Консультация", 12),
        ("Открытый урок молодого специалиста", "Открытый урок, лист наблюдения", 3),
        ("Итоги года: отчёт молодого специалиста, заключение наставника", "Отчёт, заключение", 5),
    ),
}


@dataclass(frozen=True)
class ActivityRow:
    """A row of the plan; ``number`` is its № (1, 2, …) in the plan's order."""

    id: int
    pair_id: int
    number: int
    activity: str
    due_date: dt.date | None
    when_text: str
    completion_form: str
    done_on: dt.date | None
    mark_note: str

    @property
    def done(self) -> bool:
        return self.done_on is not None

    def overdue(self, today: dt.date) -> bool:
        """Past its date and not done."""
        return not self.done and self.due_date is not None and self.due_date < today


@dataclass
class ActivityInput:
    activity: str = ""
    due_date: dt.date | None = None
    when_text: str = ""
    completion_form: str = ""
    done_on: dt.date | None = None
    mark_note: str = ""


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def template_rows(lang: str, year_start: dt.date, year_end: dt.date) -> list[ActivityInput]:
    """The typical activities in ``lang``, each due at the end of its month
    (never after the year's last day); whole-year ones due on that last day."""
    if lang not in PLAN_LANGUAGES:
        raise DomainError(_("Choose the language of the plan."), field="template_lang")
    rows = []
    for activity, form, month in TEMPLATE[lang]:
        if month == 0:
            due, when = year_end, WHOLE_YEAR[lang]
        else:
            calendar_year = year_start.year if month >= year_start.month else year_start.year + 1
            due, when = min(_month_end(calendar_year, month), year_end), ""
        rows.append(ActivityInput(activity=activity, due_date=due, when_text=when, completion_form=form))
    return rows


def activity_row(a: MentoringActivity, number: int) -> ActivityRow:
    return ActivityRow(
        id=a.id,
        pair_id=a.pair_id,
        number=number,
        activity=a.activity,
        due_date=a.due_date,
        when_text=a.when_text,
        completion_form=a.completion_form,
        done_on=a.done_on,
        mark_note=a.mark_note,
    )


def list_activities(session: Session, pair_id: int) -> list[ActivityRow]:
    """The plan's rows in order, numbered from 1."""
    pair_record(session, pair_id)
    query = (
        select(MentoringActivity)
        .where(MentoringActivity.pair_id == pair_id)
        .order_by(MentoringActivity.position, MentoringActivity.id)
    )
    return [activity_row(a, n) for n, a in enumerate(session.scalars(query), start=1)]


def get_activity(session: Session, activity_id: int) -> ActivityRow:
    """One row of a plan, numbered as the plan numbers it."""
    record = _activity(session, activity_id)
    return next(row for row in list_activities(session, record.pair_id) if row.id == activity_id)


def _activity(session: Session, activity_id: int) -> MentoringActivity:
    return get_or_fail(session, MentoringActivity, activity_id, _("The plan activity was not found."))


def _check_done(year: AcademicYear, done_on: dt.date | None, today: dt.date) -> dt.date | None:
    if done_on is not None and done_on > today:
        raise DomainError(_("An activity cannot be marked done on a day still to come."), field="done_on")
    return in_window(
        year, done_on, "done_on", _("An activity of the year {year} is done between {start} and {end}.")
    )


def save_activity(
    session: Session,
    pair_id: int,
    data: ActivityInput,
    activity_id: int | None = None,
    today: dt.date | None = None,
) -> int:
    """Add a row at the end of the plan, or correct one."""
    pair = pair_record(session, pair_id)
    record = _activity(session, activity_id) if activity_id is not None else None
    if record is not None and record.pair_id != pair.id:
        raise DomainError(_("The plan activity was not found."))
    text = clean_multiline(data.activity)
    if not text:
        raise DomainError(_("Enter the activity."), field="activity")
    if len(text) > MAX_ACTIVITY:
        raise DomainError(
            _("This text is too long: at most {limit} characters.").format(limit=MAX_ACTIVITY),
            field="activity",
        )
    due = in_window(
        pair.year,
        data.due_date,
        "due_date",
        _("A plan activity of the year {year} falls between {start} and {end}."),
    )
    when = limited(data.when_text, "when_text", MAX_WHEN)
    form = limited(data.completion_form, "completion_form", MAX_FORM)
    done_on = _check_done(pair.year, data.done_on, today or dt.date.today())
    note = limited(data.mark_note, "mark_note", MAX_MARK_NOTE)
    if record is None:
        last = session.scalar(
            select(func.max(MentoringActivity.position)).where(MentoringActivity.pair_id == pair.id)
        )
        record = MentoringActivity(pair_id=pair.id, position=(last or 0) + 1)
        session.add(record)
    record.activity, record.due_date, record.when_text = text, due, when
    record.completion_form, record.done_on, record.mark_note = form, done_on, note
    session.flush()
    return record.id


def add_template(session: Session, pair_id: int, lang: str) -> int:
    """Append the typical activities in ``lang`` to the plan; returns how many."""
    pair = pair_record(session, pair_id)
    rows = template_rows(lang, pair.year.start_date, pair.year.end_date)
    for row in rows:
        save_activity(session, pair.id, row)
    if not pair.plan_lang:
        pair.plan_lang = lang
    session.flush()
    return len(rows)


def mark_done(
    session: Session, activity_id: int, done_on: dt.date | None, note: str = "", today: dt.date | None = None
) -> None:
    """Mark a row done on ``done_on`` (required), with an optional note."""
    record = _activity(session, activity_id)
    if done_on is None:
        raise DomainError(_("Enter the day the activity was done."), field="done_on")
    record.done_on = _check_done(record.pair.year, done_on, today or dt.date.today())
    record.mark_note = limited(note, "mark_note", MAX_MARK_NOTE)
    session.flush()


def mark_not_done(session: Session, activity_id: int) -> None:
    record = _activity(session, activity_id)
    record.done_on = None
    session.flush()


def delete_activity(session: Session, activity_id: int) -> None:
    """Delete a row; the ones after it move up a number."""
    record = _activity(session, activity_id)
    pair_id = record.pair_id
    session.delete(record)
    session.flush()
    query = (
        select(MentoringActivity)
        .where(MentoringActivity.pair_id == pair_id)
        .order_by(MentoringActivity.position, MentoringActivity.id)
    )
    for position, row in enumerate(session.scalars(query), start=1):
        row.position = position
    session.flush()
