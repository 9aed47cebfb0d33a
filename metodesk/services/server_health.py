"""`metodesk check` on a PostgreSQL server: can we connect, is the schema ours
and current, and may this login read and write every table?

The server keeps its own integrity (no damaged pages to look for, foreign keys
always enforced), so what can go wrong is different from a SQLite file: the
server is out of reach, the database is at another schema version, or the login
was given too few rights. Nothing here writes.
"""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from metodesk.domain.errors import StorageError
from metodesk.i18n import _
from metodesk.services.health import HealthReport

# What metodesk does to each of its tables.
PRIVILEGES = ("SELECT", "INSERT", "UPDATE", "DELETE")


def check_server(url: str) -> HealthReport:
    """Read-only checks of the server database at ``url``."""
    from metodesk.storage import migrate, models, server
    from metodesk.storage.base import Base

    del models  # imported to register every table in Base.metadata
    report = HealthReport()
    try:
        engine = server.make_server_engine(url)
    except StorageError as exc:
        report.fail(str(exc))
        return report
    try:
        with engine.connect() as conn:
            version = conn.execute(text("SHOW server_version")).scalar() or "?"
            login = conn.execute(text("SELECT current_user")).scalar() or "?"
            database = conn.execute(text("SELECT current_database()")).scalar() or "?"
            report.lines.append(
                _("Connection: ok (PostgreSQL {version}, database {database}, login {login}).").format(
                    version=version, database=database, login=login
                )
            )
            tables = set(conn.execute(text("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")).scalars())
            revision = migrate.stored_revision(engine) if "alembic_version" in tables else None
            try:
                migrate.refuse_unknown(revision)
            except StorageError as exc:
                report.fail(str(exc))
                return report
            head = migrate.head_revision()
            if revision is None:
                report.fail(_("The database {database} holds no metodesk data yet.").format(database=database))
                return report
            if revision != head:
                report.fail(_("Schema version {current}, expected {head}.").format(current=revision, head=head))
            else:
                report.lines.append(_("Schema version {current}: current.").format(current=revision))
            missing: list[str] = []
            for table in sorted(Base.metadata.tables):
                if table not in tables:
                    missing.append(table)
                    continue
                lacking = [
                    privilege
                    for privilege in PRIVILEGES
                    if not conn.execute(
                        text("SELECT has_table_privilege(current_user, :table, :privilege)"),
                        {"table": f"public.{table}", "privilege": privilege},
                    ).scalar()
                ]
                if lacking:
                    missing.append(f"{table} ({', '.join(lacking)})")
            # A new record's id comes from its table's sequence: INSERT needs USAGE on it.
            missing += list(
                conn.execute(
                    text(
                        "SELECT sequencename FROM pg_sequences WHERE schemaname = 'public' "
                        "AND NOT has_sequence_privilege(current_user, 'public.' || sequencename, 'USAGE') "
                        "ORDER BY sequencename"
                    )
                ).scalars()
            )
            if missing:
                report.fail(
                    _("The login {login} may not read or change: {tables}.").format(
                        login=login, tables="; ".join(missing)[:500]
                    )
                )
            else:
                report.lines.append(_("Privileges: ok (every table may be read and changed)."))
    except DBAPIError as exc:
        report.fail(str(server.unreachable(url, exc)))
    finally:
        engine.dispose()
    return report
