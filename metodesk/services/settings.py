"""Choices kept with the data: the print language, whether first start is done."""

from __future__ import annotations

from sqlalchemy.orm import Session

from metodesk.storage.models import Setting

PRINT_LANGUAGE = "print_language"


def get(session: Session, key: str, default: str = "") -> str:
    row = session.get(Setting, key)
    return row.value if row is not None else default


def put(session: Session, key: str, value: str) -> None:
    row = session.get(Setting, key)
    if row is None:
        session.add(Setting(key=key, value=value))
    else:
        row.value = value


def print_language(session: Session, fallback: str = "kk") -> str:
    value = get(session, PRINT_LANGUAGE, fallback)
    return value if value in ("kk", "ru") else fallback
