"""The methodical council and the attention list on the command line (issue 17),
one tab-separated line per record with the id first.

    metodesk list attention [--year 2025-2026]
    metodesk list council [--year 2025-2026]
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from metodesk.cli import EXIT_OK, CommandError, open_db
from metodesk.i18n import _
from metodesk.i18n.dates import short_date

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from metodesk.cli import Subcommands

YEAR_HELP = "academic year, e.g. 2025-2026 (default: the current one)"


def register(commands: Subcommands, listing: Subcommands, exporting: Subcommands) -> None:
    attention = listing.add_parser(
        "attention", help="what is late or missing in the year: id, record, area, date, sentence"
    )
    attention.add_argument("--year", metavar="YEAR", help=YEAR_HELP)
    attention.set_defaults(handler=cmd_list_attention)
    council = listing.add_parser("council", help="the methodical council's meetings: id, number, date, status")
    council.add_argument("--year", metavar="YEAR", help=YEAR_HELP)
    council.set_defaults(handler=cmd_list_council)


def _year_id(session: Session, name: str | None) -> int:
    """The year named on the command line, else the current one; a sentence when there is none."""
    from metodesk.services import years

    if name:
        return years.year_by_name(session, name).id
    current = years.current_year(session)
    if current is None:
        raise CommandError(_("The academic year was not found."))
    return current.id


def cmd_list_attention(args: argparse.Namespace) -> int:
    """Each item of the overview's attention list: the record's id and kind,
    the area, the date (empty when the item has none) and the sentence."""
    from metodesk.domain.academic_year import today
    from metodesk.services import attention

    db = open_db(create=False)
    try:
        with db.reading() as session:
            rows = attention.attention(session, _year_id(session, args.year), today())
    finally:
        db.close()
    for row in rows:
        day = short_date(row.date) if row.date is not None else ""
        print(f"{row.record_id}\t{row.record}\t{row.area_label}\t{day}\t{row.text}")
    return EXIT_OK


def cmd_list_council(args: argparse.Namespace) -> int:
    """The council's meetings of the year by number; none when the year has no council."""
    from metodesk.domain.meeting_enums import MeetingStatus
    from metodesk.services import council

    db = open_db(create=False)
    try:
        with db.reading() as session:
            rows = council.council_meetings(session, _year_id(session, args.year))
    finally:
        db.close()
    for row in rows:
        print(f"{row.id}\t{row.number}\t{short_date(row.date)}\t{MeetingStatus.label_for(row.status)}")
    return EXIT_OK
