"""The library of typical wording: agenda items and decisions a protocol uses
year after year, in Kazakh and Russian. Seeded once, extended by the user.

A seeded entry keeps its ``code``, so seeding again adds only what is missing
and an entry the user deleted stays hidden instead of coming back."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from metodesk.domain.enums import LabelledEnum, register_labels
from metodesk.domain.errors import DomainError
from metodesk.domain.text import clean_multiline
from metodesk.i18n import N_, _
from metodesk.services.common import check_enum, get_or_fail, limited
from metodesk.storage.models import Wording

MAX_WORDING = 2000


class WordingKind(LabelledEnum):
    AGENDA = "agenda"
    DECISION = "decision"


register_labels(WordingKind, {"agenda": N_("Agenda item"), "decision": N_("Decision")})


class WordingTopic(LabelledEnum):
    """What a wording is about, so a decision can be offered for its item."""

    REVIEW = "review"
    ANNUAL_PLAN = "annual_plan"
    CALENDAR_PLANS = "calendar_plans"
    SUMMATIVE = "summative"
    OPEN_LESSON = "open_lesson"
    LEADER = "leader"
    SELF_EDUCATION = "self_education"
    OLYMPIAD = "olympiad"
    OTHER = "other"


register_labels(
    WordingTopic,
    {
        "review": N_("Earlier decisions"),
        "annual_plan": N_("Annual plan"),
        "calendar_plans": N_("Calendar-thematic plans"),
        "summative": N_("Summative assessment"),
        "open_lesson": N_("Open lesson"),
        "leader": N_("Choosing the leader"),
        "self_education": N_("Self-education"),
        "olympiad": N_("Olympiads"),
        "other": N_("Other"),
    },
)

A, D = WordingKind.AGENDA.value, WordingKind.DECISION.value

# (code, kind, topic, Kazakh, Russian)
SEED_WORDING: tuple[tuple[str, str, str, str, str], ...] = (
    (
        "agenda.review",
        A,
        "review",
        "Алдыңғы отырыс шешімдерінің орындалуы туралы",
        "О выполнении решений предыдущего заседания",
    ),
    (
        "agenda.annual_plan",
        A,
        "annual_plan",
        "Өткен оқу жылындағы әдістемелік бірлестік жұмысының талдауы және "
        "жаңа оқу жылына арналған жұмыс жоспарын бекіту туралы",
        "Об анализе работы методического объединения за прошедший учебный год "
        "и утверждении плана работы на новый учебный год",
    ),
    (
        "agenda.calendar_plans",
        A,
        "calendar_plans",
        "Пәндер бойынша күнтізбелік-тақырыптық жоспарларды (КТЖ) қарау және келісу туралы",
        "О рассмотрении и согласовании календарно-тематических планов (КТП) по предметам",
    ),
    (
        "agenda.summative",
        A,
        "summative",
        "Бөлім және тоқсан бойынша жиынтық бағалау (БЖБ, ТЖБ) нәтижелерін талдау туралы",
        "Об анализе результатов суммативного оценивания за раздел и за четверть (СОр, СОч)",
    ),
    (
        "agenda.open_lesson",
        A,
        "open_lesson",
        "Ашық сабақты талқылау және талдау",
        "Обсуждение и анализ открытого урока",
    ),
    (
        "agenda.leader",
        A,
        "leader",
        "Әдістемелік бірлестік жетекшісін сайлау туралы",
        "О выборах руководителя методического объединения",
    ),
    (
        "agenda.self_education",
        A,
        "self_education",
        "Педагогтердің өздігінен білім алу тақырыптарын бекіту туралы",
        "Об утверждении тем самообразования педагогов",
    ),
    (
        "agenda.olympiad",
        A,
        "olympiad",
        "Пән олимпиадасының мектепішілік кезеңін өткізу туралы",
        "О проведении школьного этапа предметной олимпиады",
    ),
    (
        "decision.review",
        D,
        "review",
        "Орындалған шешімдер бақылаудан алынсын, орындалмағандары бақылауда қалдырылсын.",
        "Выполненные решения снять с контроля, невыполненные оставить на контроле.",
    ),
    (
        "decision.annual_plan.assess",
        D,
        "annual_plan",
        "Әдістемелік бірлестіктің өткен оқу жылындағы жұмысы қанағаттанарлық деп танылсын.",
        "Работу методического объединения за прошедший учебный год признать удовлетворительной.",
    ),
    (
        "decision.annual_plan.approve",
        D,
        "annual_plan",
        "Әдістемелік бірлестіктің жаңа оқу жылына арналған жұмыс жоспары қабылдансын "
        "және директорға бекітуге ұсынылсын.",
        "План работы методического объединения на новый учебный год принять "
        "и представить на утверждение директору.",
    ),
    (
        "decision.calendar_plans",
        D,
        "calendar_plans",
        "Күнтізбелік-тақырыптық жоспарлар үлгілік оқу бағдарламаларына сәйкес деп танылсын "
        "және директорға бекітуге ұсынылсын.",
        "Календарно-тематические планы признать соответствующими типовым учебным программам "
        "и рекомендовать к утверждению директором.",
    ),
    (
        "decision.summative.plan",
        D,
        "summative",
        "Жиынтық бағалау нәтижелері төмен оқушылармен жеке жұмыс жоспары құрылсын.",
        "Составить план индивидуальной работы с учащимися, показавшими низкие результаты "
        "суммативного оценивания.",
    ),
    (
        "decision.summative.criteria",
        D,
        "summative",
        "Бағалау критерийлері мен дескрипторларды құрастыруға ерекше назар аударылсын.",
        "Обратить особое внимание на составление критериев оценивания и дескрипторов.",
    ),
    (
        "decision.open_lesson",
        D,
        "open_lesson",
        "Ашық сабақ жоғары әдістемелік деңгейде өтті деп бағалансын, "
        "тәжірибесі мектеп педагогтеріне таратуға ұсынылсын.",
        "Открытый урок считать проведённым на высоком методическом уровне, "
        "опыт рекомендовать к распространению среди педагогов школы.",
    ),
    (
        "decision.leader",
        D,
        "leader",
        "Әдістемелік бірлестік жетекшісі болып ____________________ сайлансын.",
        "Избрать руководителем методического объединения ____________________.",
    ),
    (
        "decision.self_education",
        D,
        "self_education",
        "Педагогтердің өздігінен білім алу тақырыптары бекітілсін.",
        "Утвердить темы самообразования педагогов.",
    ),
    (
        "decision.olympiad",
        D,
        "olympiad",
        "Олимпиаданың мектепішілік кезеңі өткізіліп, жеңімпаздары аудандық кезеңге ұсынылсын.",
        "Провести школьный этап олимпиады, победителей рекомендовать на районный этап.",
    ),
)


@dataclass(frozen=True)
class WordingRow:
    id: int
    kind: str
    topic: str
    code: str | None
    text_kk: str
    text_ru: str

    def text(self, lang: str) -> str:
        """The wording in ``lang``, or in the other language when that one is empty."""
        if lang == "ru":
            return self.text_ru or self.text_kk
        return self.text_kk or self.text_ru


@dataclass
class WordingInput:
    kind: str = WordingKind.AGENDA.value
    topic: str = WordingTopic.OTHER.value
    text_kk: str = ""
    text_ru: str = ""


def seed_wording(session: Session) -> int:
    """Add the seeded entries that are missing; returns how many were added."""
    column = Wording.__table__.c.code  # plain SQL at start: no mapper configured (services/teachers.py)
    known = set(session.scalars(select(column).where(column.is_not(None))))
    added = 0
    for position, (code, kind, topic, kk, ru) in enumerate(SEED_WORDING, start=1):
        if code not in known:
            session.add(Wording(code=code, kind=kind, topic=topic, text_kk=kk, text_ru=ru, position=position))
            added += 1
    session.flush()
    return added


def list_wording(session: Session, kind: str | None = None, topic: str | None = None) -> list[WordingRow]:
    """Visible entries, seeded ones first in their order, then the user's own."""
    query = select(Wording).where(Wording.hidden.is_(False))
    if kind is not None:
        query = query.where(Wording.kind == kind)
    if topic is not None:
        query = query.where(Wording.topic == topic)
    query = query.order_by(Wording.position, Wording.id)
    return [WordingRow(w.id, w.kind, w.topic, w.code, w.text_kk, w.text_ru) for w in session.scalars(query)]


def save_wording(session: Session, data: WordingInput, wording_id: int | None = None) -> int:
    """Add or edit an entry; at least one of the two languages is required."""
    check_enum(data.kind, WordingKind, "kind")
    check_enum(data.topic, WordingTopic, "topic")
    kk = clean_multiline(data.text_kk).replace("\n", " ")
    ru = clean_multiline(data.text_ru).replace("\n", " ")
    limited(kk, "text_kk", MAX_WORDING)
    limited(ru, "text_ru", MAX_WORDING)
    if not kk and not ru:
        raise DomainError(_("Write the wording in Kazakh or in Russian."), field="text_kk")
    entry = get_or_fail(session, Wording, wording_id, _("The wording was not found.")) if wording_id else None
    if entry is None:
        last = session.scalar(select(func.max(Wording.position))) or 0
        entry = Wording(code=None, position=last + 1, hidden=False)
        session.add(entry)
    entry.kind, entry.topic, entry.text_kk, entry.text_ru = data.kind, data.topic, kk, ru
    session.flush()
    return entry.id


def delete_wording(session: Session, wording_id: int) -> None:
    """Remove an entry from the library: the user's own are deleted, seeded
    ones hidden (so seeding does not bring them back)."""
    entry = get_or_fail(session, Wording, wording_id, _("The wording was not found."))
    if entry.code:
        entry.hidden = True
    else:
        session.delete(entry)
    session.flush()
