"""Logins on a district server: a school methodist sees only her organisation.

Migration 0013 made the roles ``metodesk_school`` and ``metodesk_district``,
the table ``district_login`` (login → organisation) and the row-level
security policies that read it. Here a login is created (or an existing one
given its place): a PostgreSQL role that can log in, a member of one of the two
roles, and for a school its organisation's line in ``district_login``. Only a
login that may create roles (the district's administrator) can do this.
"""

from __future__ import annotations

import re

from sqlalchemy import Engine, text
from sqlalchemy.exc import DBAPIError

from metodesk.domain.errors import DomainError, StorageError
from metodesk.i18n import _

SCHOOL_ROLE = "metodesk_school"
DISTRICT_ROLE = "metodesk_district"
# A login metodesk creates: lower-case Latin letters, digits and _, as PostgreSQL keeps names unquoted.
_LOGIN = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")
_RESERVED = re.compile(r"^(pg_|metodesk_)")


def check_login(login: str) -> str:
    """The login as it will be created, or a sentence saying what is wrong."""
    if not _LOGIN.match(login) or _RESERVED.match(login) or login in ("postgres", "public"):
        raise DomainError(
            _(
                "“{login}” cannot be a login: use up to 63 lower-case Latin letters, digits and _, "
                "starting with a letter (not pg_ or metodesk_)."
            ).format(login=login[:70])
        )
    return login


def add_login(engine: Engine, login: str, organisation_id: int | None, password: str | None = None) -> bool:
    """Create ``login`` (or take the existing role) as a school methodist of
    ``organisation_id``, or as a district methodist when it is None; a
    password, when given, is set on the server (never stored by metodesk).
    True when the role was new. One transaction: all of it or nothing."""
    check_login(login)
    from psycopg import sql

    try:
        with engine.begin() as conn:
            if conn.dialect.name != "postgresql":
                raise StorageError(_("Logins exist only on a database server; this database is a file."))
            if organisation_id is not None and conn.execute(
                text("SELECT 1 FROM organisation WHERE id = :id"), {"id": organisation_id}
            ).first() is None:
                raise DomainError(_("There is no organisation {id}.").format(id=organisation_id))
            raw = conn.connection.dbapi_connection
            assert raw is not None

            def run(statement: sql.Composable) -> None:
                conn.exec_driver_sql(statement.as_string(raw))  # type: ignore[arg-type]

            new = conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": login}).first() is None
            name = sql.Identifier(login)
            if new:
                run(sql.SQL("CREATE ROLE {} LOGIN").format(name))
            if password:
                run(sql.SQL("ALTER ROLE {} PASSWORD {}").format(name, sql.Literal(password)))
            school, district = sql.Identifier(SCHOOL_ROLE), sql.Identifier(DISTRICT_ROLE)
            if organisation_id is None:
                run(sql.SQL("REVOKE {} FROM {}").format(school, name))
                run(sql.SQL("GRANT {} TO {}").format(district, name))
                conn.execute(text("DELETE FROM district_login WHERE login = :l"), {"l": login})
            else:
                run(sql.SQL("REVOKE {} FROM {}").format(district, name))
                run(sql.SQL("GRANT {} TO {}").format(school, name))
                conn.execute(
                    text(
                        "INSERT INTO district_login (login, organisation_id) VALUES (:l, :o) "
                        "ON CONFLICT (login) DO UPDATE SET organisation_id = EXCLUDED.organisation_id"
                    ),
                    {"l": login, "o": organisation_id},
                )
    except DBAPIError as exc:
        details = str(exc.orig).strip().splitlines()
        raise StorageError(
            _("The server refused to create the login {login} ({details}).").format(
                login=login, details=(details[0] if details else type(exc).__name__)[:200]
            )
        ) from exc
    return new
