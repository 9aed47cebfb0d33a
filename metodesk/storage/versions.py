"""No lost update: a save over someone else's newer change is refused.

Every record carries ``version`` (SQLAlchemy's ``version_id_col``, see
``base.Record``): an UPDATE or DELETE of a record says ``WHERE version = <the
one read>``, so when another methodist saved the record in between, no row
matches and SQLAlchemy raises ``StaleDataError``. The session's flushes note
which records they change (``before_flush`` below), so the refusal can name who
changed the record and when, read afresh. A service that got a record's
version from a screen opened minutes ago checks it with ``expect_version``.
"""

from __future__ import annotations

import datetime as dt
import getpass
from typing import Any

from sqlalchemy import Engine, event, select
from sqlalchemy.orm import Session, sessionmaker

from metodesk.domain.errors import StorageError
from metodesk.i18n import _
from metodesk.storage.base import AUTHOR_MAX, Record

# session.info keys: who saves, and the records the flushes changed (table, id, version read).
AUTHOR = "metodesk_author"
TOUCHED = "metodesk_touched"


class ChangedMeanwhile(StorageError):
    """Someone else saved (or deleted) the record after it was read here: the
    change was not saved; reloading shows theirs."""

    def __init__(self, message: str, table: str = "", record_id: int | None = None) -> None:
        super().__init__(message)
        self.table = table
        self.record_id = record_id


def os_author() -> str:
    """Who saves on this computer: the system login (a SQLite file is one person's)."""
    try:
        return getpass.getuser()[:AUTHOR_MAX]
    except (OSError, KeyError, ImportError):
        return ""


def _when(stamp: dt.datetime | None) -> str:
    """A stored UTC time as the user's local date and time."""
    if stamp is None:
        return "?"
    from metodesk.i18n.dates import short_date

    local = stamp.replace(tzinfo=dt.timezone.utc).astimezone()
    return f"{short_date(local.date())} {local:%H:%M}"


def changed_meanwhile(who: str, when: dt.datetime | None, table: str = "", record_id: int | None = None) -> ChangedMeanwhile:
    """The refusal naming who changed the record and when."""
    if who:
        message = _(
            "{who} changed this record at {when}, after you opened it; your change was not saved. "
            "Reload to see their version, then make your change again."
        ).format(who=who, when=_when(when))
    else:
        message = _(
            "Someone else changed this record at {when}, after you opened it; your change was not saved. "
            "Reload to see their version, then make your change again."
        ).format(when=_when(when))
    return ChangedMeanwhile(message, table, record_id)


def deleted_meanwhile(table: str = "", record_id: int | None = None) -> ChangedMeanwhile:
    return ChangedMeanwhile(
        _("Someone else deleted this record after you opened it; your change was not saved. Reload the list."),
        table,
        record_id,
    )


def expect_version(record: Record, version: int | None) -> None:
    """Refuse to change ``record`` when it is no longer at ``version`` (the one a
    screen showed); None means the caller did not say, and nothing is checked."""
    if version is not None and record.version != version:
        table = type(record).__table__.name  # type: ignore[attr-defined]
        raise changed_meanwhile(record.updated_by, record.updated_at, table, record.id)


def _before_flush(session: Session, _context: Any, _instances: Any) -> None:
    """Stamp who saves the new and changed records, and note which records this
    flush changes with the version they were read at."""
    author = session.info.get(AUTHOR, "")
    touched: list[tuple[str, int, int]] = session.info.setdefault(TOUCHED, [])
    for obj in session.new:
        if isinstance(obj, Record):
            obj.updated_by = author
    for obj in session.dirty:
        if isinstance(obj, Record) and session.is_modified(obj, include_collections=False):
            touched.append((type(obj).__table__.name, obj.id, obj.version))  # type: ignore[attr-defined]
            obj.updated_by = author
    for obj in session.deleted:
        if isinstance(obj, Record):
            touched.append((type(obj).__table__.name, obj.id, obj.version))  # type: ignore[attr-defined]


def install(sessions: sessionmaker[Session], author: str) -> None:
    """Sessions from ``sessions`` stamp ``author`` on what they save and note what
    they change, for ``refusal``."""
    sessions.kw.setdefault("info", {})[AUTHOR] = author[:AUTHOR_MAX]
    event.listen(sessions, "before_flush", _before_flush)


def refusal(engine: Engine, session: Session) -> ChangedMeanwhile:
    """After a StaleDataError: which of the records the session changed was
    saved or deleted by someone else meanwhile, read afresh on a connection of
    its own, as one sentence."""
    from metodesk.storage.base import Base

    touched: list[tuple[str, int, int]] = session.info.get(TOUCHED, [])
    with engine.connect() as conn:
        for table_name, record_id, version in reversed(touched):
            table = Base.metadata.tables[table_name]
            row = conn.execute(
                select(table.c.version, table.c.updated_by, table.c.updated_at).where(table.c.id == record_id)
            ).first()
            if row is None:
                return deleted_meanwhile(table_name, record_id)
            if row.version != version:
                return changed_meanwhile(row.updated_by, row.updated_at, table_name, record_id)
    return changed_meanwhile("", None)
