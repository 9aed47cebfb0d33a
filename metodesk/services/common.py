"""Small helpers shared by the services: required fields, lookups, dates."""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import TypeVar

from sqlalchemy.orm import Session

from metodesk.domain.errors import DomainError, NotFound
from metodesk.domain.text import clean
from metodesk.i18n import _

T = TypeVar("T")

MAX_NAME = 200
MAX_TITLE = 300


def required(value: str | None, field: str, message: str, max_length: int = MAX_NAME) -> str:
    """A cleaned, non-empty text of sensible length, or a DomainError on ``field``."""
    text = clean(value)
    if not text:
        raise DomainError(message, field=field)
    return limited(text, field, max_length)


def limited(value: str | None, field: str, max_length: int = MAX_NAME) -> str:
    text = clean(value)
    if len(text) > max_length:
        raise DomainError(
            _("This text is too long: at most {limit} characters.").format(limit=max_length),
            field=field,
        )
    return text


def get_or_fail(session: Session, model: type[T], record_id: int, message: str) -> T:
    record = session.get(model, record_id)
    if record is None:
        raise NotFound(message)
    return record


def reasonable_date(value: dt.date | None, field: str) -> dt.date | None:
    """Refuse dates no school record can hold (before 1940 or after 2100)."""
    if value is None:
        return None
    if not (dt.date(1940, 1, 1) <= value <= dt.date(2100, 12, 31)):
        raise DomainError(_("This date is not possible here."), field=field)
    return value


def check_enum(value: str, enum_type: type[Enum], field: str) -> str:
    codes = {member.value for member in enum_type}
    if value not in codes:
        raise DomainError(_("Choose a value from the list."), field=field)
    return value
