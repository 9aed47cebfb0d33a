"""The meeting editor's kept draft: what was typed into a meeting (general
fields, attendance, guests, the agenda with its speeches, decisions and
documents, the review marks) as JSON in the database's settings, one key per
meeting (or per association for a new one). It is written while the editor is
open, so closing the dialog or a crash loses nothing, and removed when the
meeting is saved or the changes are discarded.

The editor calls :func:`store` from its timer: one transaction of its own,
and a failure is a sentence for the log, never an interruption. No Qt here."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import types
import typing
from typing import Any

from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from metodesk.domain.errors import DomainError
from metodesk.services import settings
from metodesk.services.meeting_draft import (
    DraftAttendance,
    DraftGuest,
    DraftItem,
    MeetingDraft,
)
from metodesk.storage.database import Database
from metodesk.storage.models import Setting

FORMAT = 1
GENERAL_FIELDS = ("number", "date", "place", "status", "chair_id", "secretary_id")


def key_for(association_id: int, meeting_id: int | None) -> str:
    """The settings key of a meeting's draft ('new' for a meeting not saved yet)."""
    return f"meeting_draft/{association_id}/{meeting_id if meeting_id is not None else 'new'}"


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def encode(draft: MeetingDraft) -> str:
    """What the user entered in ``draft``, as JSON (stable, so equal drafts give equal text)."""
    data: dict[str, Any] = {"format": FORMAT}
    for name in GENERAL_FIELDS:
        data[name] = _plain(getattr(draft, name))
    data["attendance"] = [_plain(a) for a in draft.attendance]
    data["guests"] = [_plain(g) for g in draft.guests]
    data["items"] = [_plain(i) for i in draft.items]
    data["reviews"] = [[r.decision.id, r.done] for r in draft.reviews]
    data["next_key"] = draft._next_key
    return json.dumps(data, ensure_ascii=False, sort_keys=True)


def _decode(kind: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = typing.get_origin(kind)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(kind) if a is not type(None)]
        return _decode(options[0], value)
    if origin is list:
        (inner,) = typing.get_args(kind)
        return [_decode(inner, v) for v in value]
    if isinstance(kind, type) and dataclasses.is_dataclass(kind):  # a dataclass itself, not an instance
        hints = typing.get_type_hints(kind)
        known = {f.name for f in dataclasses.fields(kind)}
        return kind(**{k: _decode(hints[k], v) for k, v in value.items() if k in known})
    if kind is dt.date:
        return dt.date.fromisoformat(value)
    return value


def apply(draft: MeetingDraft, text: str) -> bool:
    """Put a kept draft's entries into ``draft`` (loaded fresh from the database,
    which supplies what the draft does not keep); False when ``text`` is unreadable."""
    try:
        data = json.loads(text)
        if data.get("format") != FORMAT:
            return False
        general = {name: data[name] for name in GENERAL_FIELDS}
        general["date"] = dt.date.fromisoformat(general["date"]) if general["date"] else None
        attendance = [_decode(DraftAttendance, a) for a in data["attendance"]]
        guests = [_decode(DraftGuest, g) for g in data["guests"]]
        items = [_decode(DraftItem, i) for i in data["items"]]
        done = {int(decision_id): bool(mark) for decision_id, mark in data["reviews"]}
        next_key = int(data["next_key"])
    except (ValueError, KeyError, TypeError, AttributeError):
        return False
    for name, value in general.items():
        setattr(draft, name, value)
    known = {a.teacher_id: a for a in attendance}
    for mark in draft.attendance:  # today's members, with the marks typed for them
        typed = known.get(mark.teacher_id)
        if typed is not None:
            mark.presence, mark.reason = typed.presence, typed.reason
    draft.guests, draft.items = guests, items
    for review in draft.reviews:
        if review.decision.id in done:
            review.done = done[review.decision.id]
    draft._next_key = min(next_key, draft._next_key)
    return True


def load(session: Session, key: str) -> str | None:
    text = settings.get(session, key)
    return text or None


def keep(session: Session, key: str, text: str) -> None:
    settings.put(session, key, text)


def drop(session: Session, key: str) -> None:
    row = session.get(Setting, key)
    if row is not None:
        session.delete(row)


def store(db: Database, key: str, text: str | None) -> str | None:
    """Keep ``text`` under ``key`` (drop the draft when ``text`` is None) in a
    transaction of its own. None when done; otherwise what went wrong, for the
    log: a draft not kept must not interrupt the typing."""
    try:
        with db.transaction() as session:
            if text is None:
                drop(session, key)
            else:
                keep(session, key, text)
    except (DomainError, SQLAlchemyError, OSError) as exc:
        return str(exc)
    return None
