"""File → Back up on a server: the server's own backups are pg_dump's (the
README says how); what the window can write is a copy any metodesk can read,
the exchange package of every academic year, into one folder."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.orm import Session

from metodesk.services import exchange_export, years


def export_every_year(session: Session, folder: Path) -> list[Path]:
    """One exchange package per academic year (oldest first) in ``folder``,
    each under its dated name; the paths written."""
    written = []
    for year in reversed(years.list_years(session)):
        written.append(exchange_export.export_package(session, year.name, folder).path)
    return written
