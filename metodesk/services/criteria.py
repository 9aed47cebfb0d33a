"""Criteria sets for observation sheets: ordered criteria in Kazakh and Russian
with a score scale. Sets differ between schools (docs/domain/order-253.md, 'Observation criteria'), so
one default set is seeded and the user copies and edits sets freely.

Sheets copy the wording and scale when they are filled (``observations``), so
nothing done to a set here ever changes a filled sheet.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from metodesk.domain.errors import DomainError
from metodesk.domain.lesson_enums import SCALE_HIGHEST, SCALE_LOWEST, scale_ok
from metodesk.domain.text import clean, clean_multiline
from metodesk.i18n import _
from metodesk.services.common import get_or_fail, limited
from metodesk.storage.models import CriteriaSet, Criterion, Observation

DEFAULT_CODE = "default"
MAX_CRITERIA = 60
MAX_CRITERION = 1000
MAX_LEGEND = 500

# The default set (docs/domain/order-253.md, 'Observation criteria': seen in Kazakh schools), scored 0-2.
DEFAULT_NAME = ("Сабақты бақылаудың негізгі критерийлері", "Основные критерии наблюдения урока")
DEFAULT_LEGEND = (
    "0 – байқалмады; 1 – ішінара байқалды; 2 – толық байқалды",
    "0 – не проявлено; 1 – проявлено частично; 2 – проявлено в полной мере",
)
DEFAULT_CRITERIA: tuple[tuple[str, str], ...] = (
    ("Сабақтың ұйымдастырылуы", "Организация урока"),
    ("Мақсат қою: оқу мақсаттары мен сабақ мақсаттарының нақтылығы", "Целеполагание: чёткость целей обучения и целей урока"),
    ("Оқу бағдарламасына және оқушылардың жас ерекшеліктеріне сәйкестігі", "Соответствие учебной программе и возрастным особенностям учащихся"),
    ("Жаңа материалды түсіндіру әдістемесі", "Методика объяснения нового материала"),
    ("Мазмұнның ғылыми дұрыстығы", "Научная достоверность содержания"),
    ("Пәнаралық байланыс", "Межпредметные связи"),
    ("Оқушылардың белсенділігі мен сабаққа тартылуы", "Активность и вовлечённость учащихся"),
    ("Оқушылардың өзіндік жұмысын ұйымдастыру", "Организация самостоятельной работы учащихся"),
    ("Саралап оқыту", "Дифференциация обучения"),
    ("Бағалау критерийлері мен дескрипторлар", "Критерии оценивания и дескрипторы"),
    ("Қалыптастырушы бағалау", "Формативное оценивание"),
    ("Кері байланыс", "Обратная связь"),
    ("АКТ мен көрнекіліктерді қолдану", "Использование ИКТ и наглядности"),
    ("Уақытты тиімді пайдалану", "Рациональное использование времени"),
    ("Рефлексия", "Рефлексия"),
    ("Дарынды және үлгерімі төмен оқушылармен жұмыс", "Работа с одарёнными и слабоуспевающими учащимися"),
)  # fmt: skip


@dataclass(frozen=True)
class CriterionRow:
    id: int
    position: int
    text_kk: str
    text_ru: str

    def text(self, lang: str) -> str:
        """The wording in ``lang``, or the other language's when it has none."""
        first, other = (self.text_ru, self.text_kk) if lang == "ru" else (self.text_kk, self.text_ru)
        return first or other


@dataclass(frozen=True)
class CriteriaSetRow:
    id: int
    code: str | None
    name_kk: str
    name_ru: str
    scale_min: int
    scale_max: int
    legend_kk: str
    legend_ru: str
    archived: bool
    criteria: tuple[CriterionRow, ...]
    sheet_count: int

    def name(self, lang: str) -> str:
        return (self.name_ru or self.name_kk) if lang == "ru" else (self.name_kk or self.name_ru)

    @property
    def scale(self) -> tuple[int, ...]:
        return tuple(range(self.scale_min, self.scale_max + 1))


@dataclass
class CriterionInput:
    """A criterion as the editor holds it; ``id`` is None for a new one."""

    text_kk: str = ""
    text_ru: str = ""
    id: int | None = None


@dataclass
class CriteriaSetInput:
    name_kk: str = ""
    name_ru: str = ""
    scale_min: int = 0
    scale_max: int = 2
    legend_kk: str = ""
    legend_ru: str = ""
    criteria: list[CriterionInput] = field(default_factory=list)


def _row(s: CriteriaSet, sheets: int) -> CriteriaSetRow:
    return CriteriaSetRow(
        id=s.id,
        code=s.code,
        name_kk=s.name_kk,
        name_ru=s.name_ru,
        scale_min=s.scale_min,
        scale_max=s.scale_max,
        legend_kk=s.legend_kk,
        legend_ru=s.legend_ru,
        archived=s.archived,
        criteria=tuple(
            CriterionRow(c.id, c.position, c.text_kk, c.text_ru)
            for c in sorted(s.criteria, key=lambda c: c.position)
        ),
        sheet_count=sheets,
    )


def _sheet_counts(session: Session) -> dict[int, int]:
    query = select(Observation.criteria_set_id, func.count(Observation.id)).group_by(
        Observation.criteria_set_id
    )
    return {set_id: n for set_id, n in session.execute(query) if set_id is not None}


def list_sets(session: Session, include_archived: bool = False) -> list[CriteriaSetRow]:
    """The criteria sets, the seeded one first, then in the order they were made."""
    query = select(CriteriaSet).options(selectinload(CriteriaSet.criteria))
    if not include_archived:
        query = query.where(CriteriaSet.archived.is_(False))
    counts = _sheet_counts(session)
    sets = sorted(session.scalars(query), key=lambda s: (s.code != DEFAULT_CODE, s.id))
    return [_row(s, counts.get(s.id, 0)) for s in sets]


def get_set(session: Session, set_id: int) -> CriteriaSetRow:
    found = get_or_fail(
        session, CriteriaSet, set_id, _("There is no criteria set with id {id}.").format(id=set_id)
    )
    return _row(found, _sheet_counts(session).get(set_id, 0))


def default_set_id(session: Session) -> int | None:
    """The set a new sheet starts with: the seeded one, else the first in use."""
    rows = list_sets(session)
    return rows[0].id if rows else None


def _validate(data: CriteriaSetInput) -> tuple[str, str, list[tuple[int | None, str, str]]]:
    name_kk, name_ru = clean(data.name_kk), clean(data.name_ru)
    if not name_kk and not name_ru:
        raise DomainError(_("Enter the name of the criteria set."), field="name_kk")
    limited(name_kk, "name_kk")
    limited(name_ru, "name_ru")
    if not scale_ok(data.scale_min, data.scale_max):
        raise DomainError(
            _("The scale runs from a lower to a higher whole number between {low} and {high}.").format(
                low=SCALE_LOWEST, high=SCALE_HIGHEST
            ),
            field="scale_max",
        )
    limited(data.legend_kk, "legend_kk", MAX_LEGEND)
    limited(data.legend_ru, "legend_ru", MAX_LEGEND)
    criteria = []
    for number, item in enumerate(data.criteria, start=1):
        text_kk, text_ru = clean_multiline(item.text_kk), clean_multiline(item.text_ru)
        if not text_kk and not text_ru:
            continue  # an empty row of the editor
        if max(len(text_kk), len(text_ru)) > MAX_CRITERION:
            raise DomainError(
                _("Criterion {number} is too long: at most {limit} characters.").format(
                    number=number, limit=MAX_CRITERION
                ),
                field="criteria",
            )
        criteria.append((item.id, text_kk, text_ru))
    if not criteria:
        raise DomainError(_("A criteria set needs at least one criterion."), field="criteria")
    if len(criteria) > MAX_CRITERIA:
        raise DomainError(
            _("A criteria set holds at most {limit} criteria.").format(limit=MAX_CRITERIA), field="criteria"
        )
    return name_kk, name_ru, criteria


def save_set(session: Session, data: CriteriaSetInput, set_id: int | None = None) -> int:
    """Create a set or edit one: its names, scale, legend and criteria in the
    given order. Criteria keep their ids when the input names them; the rest
    are new, and those no longer listed are removed. Filled sheets keep their
    own copies, so they do not change."""
    name_kk, name_ru, criteria = _validate(data)
    if set_id is None:
        record = CriteriaSet()
        session.add(record)
    else:
        record = get_or_fail(
            session, CriteriaSet, set_id, _("There is no criteria set with id {id}.").format(id=set_id)
        )
    record.name_kk, record.name_ru = name_kk, name_ru
    record.scale_min, record.scale_max = data.scale_min, data.scale_max
    record.legend_kk, record.legend_ru = clean(data.legend_kk), clean(data.legend_ru)
    existing = {c.id: c for c in record.criteria}
    kept: list[Criterion] = []
    for position, (criterion_id, text_kk, text_ru) in enumerate(criteria, start=1):
        criterion = existing.pop(criterion_id, None) if criterion_id is not None else None
        if criterion is None:
            criterion = Criterion()
        criterion.position, criterion.text_kk, criterion.text_ru = position, text_kk, text_ru
        kept.append(criterion)
    record.criteria = kept  # the ones left in ``existing`` are deleted as orphans
    session.flush()
    return record.id


def copy_set(session: Session, set_id: int, name_kk: str = "", name_ru: str = "") -> int:
    """A new set with the same scale, legend and criteria, to edit without
    touching the original; named "(copy)" unless names are given."""
    source = get_set(session, set_id)

    def copied(given: str, original: str) -> str:
        if given or not original:
            return given
        return _("{name} (copy)").format(name=original)

    data = CriteriaSetInput(
        name_kk=copied(name_kk, source.name_kk),
        name_ru=copied(name_ru, source.name_ru),
        scale_min=source.scale_min,
        scale_max=source.scale_max,
        legend_kk=source.legend_kk,
        legend_ru=source.legend_ru,
        criteria=[CriterionInput(c.text_kk, c.text_ru) for c in source.criteria],
    )
    return save_set(session, data)


def set_archived(session: Session, set_id: int, archived: bool) -> None:
    """Hide a set from new sheets (or bring it back); sheets keep their copies."""
    record = get_or_fail(
        session, CriteriaSet, set_id, _("There is no criteria set with id {id}.").format(id=set_id)
    )
    if archived and len(list_sets(session)) <= 1 and not record.archived:
        raise DomainError(_("Keep at least one criteria set for new observation sheets."))
    record.archived = archived
    session.flush()


def remove_set(session: Session, set_id: int) -> bool:
    """Delete a set nobody used; archive one that filled sheets or seeding refer
    to (the seeded set would otherwise come back). True when deleted."""
    row = get_set(session, set_id)
    if row.sheet_count or row.code is not None:
        set_archived(session, set_id, True)
        return False
    if len(list_sets(session)) <= 1 and not row.archived:
        raise DomainError(_("Keep at least one criteria set for new observation sheets."))
    session.delete(session.get(CriteriaSet, set_id))
    session.flush()
    return True


def seed_criteria(session: Session) -> int:
    """Add the default set when it has never been seeded; returns 1 or 0."""
    sets = CriteriaSet.__table__.c  # plain SQL at start: no mapper configured (services/teachers.py)
    if session.scalar(select(sets.id).where(sets.code == DEFAULT_CODE)) is not None:
        return 0
    set_id = save_set(
        session,
        CriteriaSetInput(
            name_kk=DEFAULT_NAME[0],
            name_ru=DEFAULT_NAME[1],
            scale_min=0,
            scale_max=2,
            legend_kk=DEFAULT_LEGEND[0],
            legend_ru=DEFAULT_LEGEND[1],
            criteria=[CriterionInput(kk, ru) for kk, ru in DEFAULT_CRITERIA],
        ),
    )
    session.get(CriteriaSet, set_id).code = DEFAULT_CODE  # type: ignore[union-attr]
    session.flush()
    return 1
