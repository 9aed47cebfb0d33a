"""Mentoring commands: list the pairs, (the mentor's plan and the report are
exported from the documents registry: cli/documents.py).

    metodesk list mentoring [--year 2025-2026]
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from metodesk.cli import EXIT_OK, open_db

if TYPE_CHECKING:
    from metodesk.cli import Subcommands


def register(commands: Subcommands, listing: Subcommands, exporting: Subcommands) -> None:
    found = listing.add_parser(
        "mentoring", help="mentoring pairs: id, year, mentor, mentee, plan rows done, meetings logged"
    )
    found.add_argument("--year", metavar="YEAR", help="academic year, e.g. 2025-2026 (default: every year)")
    found.set_defaults(handler=cmd_list_mentoring)


def cmd_list_mentoring(args: argparse.Namespace) -> int:
    from metodesk.services import mentoring, years

    db = open_db(create=False)
    try:
        with db.reading() as session:
            year_id = years.year_by_name(session, args.year).id if args.year else None
            rows = mentoring.list_pairs(session, year_id)
    finally:
        db.close()
    for row in rows:
        print(
            f"{row.id}\t{row.year_name}\t{row.mentor_short}\t{row.mentee_short}"
            f"\t{row.done_count}/{row.activity_count}\t{row.entry_count}"
        )
    return EXIT_OK

