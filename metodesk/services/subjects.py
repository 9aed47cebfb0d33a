"""School subjects, seeded from docs/domain/glossary.md, 'School subjects', and edited by the user."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from metodesk.domain.errors import DomainError
from metodesk.i18n import _
from metodesk.services.common import get_or_fail, required
from metodesk.storage.models import Association, OlympiadResult, Subject, teacher_subject

SEED_SUBJECTS: tuple[tuple[str, str], ...] = (
    ("Қазақ тілі", "Казахский язык"),
    ("Қазақ әдебиеті", "Казахская литература"),
    ("Орыс тілі", "Русский язык"),
    ("Орыс әдебиеті", "Русская литература"),
    ("Ағылшын тілі", "Английский язык"),
    ("Сауат ашу", "Обучение грамоте"),
    ("Әдебиеттік оқу", "Литературное чтение"),
    ("Математика", "Математика"),
    ("Алгебра", "Алгебра"),
    ("Геометрия", "Геометрия"),
    ("Алгебра және анализ бастамалары", "Алгебра и начала анализа"),
    ("Информатика", "Информатика"),
    ("Цифрлық сауаттылық", "Цифровая грамотность"),
    ("Дүниетану", "Познание мира"),
    ("Жаратылыстану", "Естествознание"),
    ("Физика", "Физика"),
    ("Химия", "Химия"),
    ("Биология", "Биология"),
    ("География", "География"),
    ("Қазақстан тарихы", "История Казахстана"),
    ("Дүниежүзі тарихы", "Всемирная история"),
    ("Құқық негіздері", "Основы права"),
    ("Өзін-өзі тану", "Самопознание"),
    ("Музыка", "Музыка"),
    ("Бейнелеу өнері", "Изобразительное искусство"),
    ("Еңбекке баулу", "Трудовое обучение"),
    ("Көркем еңбек", "Художественный труд"),
    ("Графика және жобалау", "Графика и проектирование"),
    ("Дене шынықтыру", "Физическая культура"),
    (
        "Алғашқы әскери және технологиялық дайындық (АӘТД)",
        "Начальная военная и технологическая подготовка (НВТП)",
    ),
    ("Жаһандық құзыреттілік", "Глобальные компетенции"),
)


@dataclass(frozen=True)
class SubjectRow:
    id: int
    name_kk: str
    name_ru: str
    archived: bool

    def name(self, lang: str) -> str:
        return self.name_ru if lang == "ru" else self.name_kk


def list_subjects(session: Session, include_archived: bool = False) -> list[SubjectRow]:
    query = select(Subject).order_by(Subject.id)
    if not include_archived:
        query = query.where(Subject.archived.is_(False))
    return [SubjectRow(s.id, s.name_kk, s.name_ru, s.archived) for s in session.scalars(query)]


def seed_subjects(session: Session) -> int:
    """Add the glossary's subjects when the table is empty; returns how many were added."""
    # the table's own column: plain SQL, no mapper configured at start (services/teachers.py)
    if session.scalar(select(func.count(Subject.__table__.c.id))):
        return 0
    session.add_all(Subject(name_kk=kk, name_ru=ru) for kk, ru in SEED_SUBJECTS)
    session.flush()
    return len(SEED_SUBJECTS)


def save_subject(session: Session, name_kk: str, name_ru: str, subject_id: int | None = None) -> int:
    kk = required(name_kk, "name_kk", _("Enter the subject's name in Kazakh."))
    ru = required(name_ru, "name_ru", _("Enter the subject's name in Russian."))
    for other in session.scalars(select(Subject).where(Subject.id != (subject_id or 0))):
        if other.name_kk.casefold() == kk.casefold() or other.name_ru.casefold() == ru.casefold():
            raise DomainError(_("This subject is already in the list."), field="name_kk")
    subject = (
        get_or_fail(session, Subject, subject_id, _("The subject was not found.")) if subject_id else None
    )
    if subject is None:
        subject = Subject()
        session.add(subject)
    subject.name_kk, subject.name_ru = kk, ru
    session.flush()
    return subject.id


def set_archived(session: Session, subject_id: int, archived: bool) -> None:
    subject = get_or_fail(session, Subject, subject_id, _("The subject was not found."))
    subject.archived = archived
    session.flush()


def delete_subject(session: Session, subject_id: int) -> bool:
    """Delete a subject nothing refers to; otherwise archive it. True when deleted."""
    subject = get_or_fail(session, Subject, subject_id, _("The subject was not found."))
    used = (
        session.scalar(
            select(teacher_subject.c.teacher_id).where(teacher_subject.c.subject_id == subject_id).limit(1)
        )
        or session.scalar(select(Association.id).where(Association.subject_id == subject_id).limit(1))
        or session.scalar(select(OlympiadResult.id).where(OlympiadResult.subject_id == subject_id).limit(1))
    )
    if used:
        subject.archived = True
        session.flush()
        return False
    session.delete(subject)
    session.flush()
    return True
