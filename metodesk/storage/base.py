"""Declarative base: named constraints, integer id plus a travelling UUID, timestamps."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import DateTime, Integer, MetaData, String
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def new_uuid() -> str:
    return str(uuid.uuid4())


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


# The longest name kept as a record's last editor (a PostgreSQL login is at most 63 bytes).
AUTHOR_MAX = 100


class Record:
    """Columns every stored record has: a local id, a UUID that travels between
    schools, and the time of the last edit (newer edits win on exchange).

    Several methodists at once (issue 20): ``version`` counts the record's saves
    (SQLAlchemy's ``version_id_col``: an UPDATE or DELETE says ``WHERE version =
    the one read`` and a save over someone else's newer change finds no row, see
    ``storage/versions.py``); ``updated_by`` names who saved it last. Neither
    travels in an exchange package: they belong to this database."""

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), default=new_uuid, unique=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    updated_by: Mapped[str] = mapped_column(String(AUTHOR_MAX), default="", server_default="")

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:
        return {"version_id_col": cls.__table__.c.version}  # type: ignore[attr-defined]
