"""Meeting commands: list an association's meetings (the protocol and the
attendance sheet are exported by cli/documents.py, from the registry).

    metodesk list meetings --association ID [--year 2025-2026]
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from metodesk.cli import EXIT_OK, open_db, positive_number
from metodesk.i18n.dates import short_date

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from metodesk.cli import Subcommands


def _positive(value: str) -> int:
    """An id or a number: a whole number from 1 to ``MAX_NUMBER`` (an id of
    2**63 would overflow SQLite's integer), or a sentence."""
    return positive_number(value)


def _meeting_arguments(parser: argparse.ArgumentParser, with_number: bool) -> None:
    parser.add_argument("--association", type=_positive, required=True, metavar="ID", help="association id")
    if with_number:
        parser.add_argument("--number", type=_positive, required=True, metavar="N", help="protocol number")
    parser.add_argument(
        "--year", metavar="YEAR", help="academic year, e.g. 2025-2026 (default: the association's)"
    )


def register(commands: Subcommands, listing: Subcommands, exporting: Subcommands) -> None:
    meetings = listing.add_parser("meetings", help="number, date and id of an association's meetings")
    _meeting_arguments(meetings, with_number=False)
    meetings.set_defaults(handler=cmd_list_meetings)


def _year_id(session: Session, name: str | None) -> int | None:
    from metodesk.services import years

    return years.year_by_name(session, name).id if name else None


def cmd_list_meetings(args: argparse.Namespace) -> int:
    from metodesk.services import meetings

    db = open_db(create=False)
    try:
        with db.reading() as session:
            rows = meetings.list_meetings(session, args.association, _year_id(session, args.year))
    finally:
        db.close()
    for row in rows:
        print(f"{row.number}\t{short_date(row.date)}\t{row.id}")
    return EXIT_OK

