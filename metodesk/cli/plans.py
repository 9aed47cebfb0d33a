"""Plan commands: list the annual plans with their progress (``export plan``
comes from the documents registry: cli/documents.py, documents/plans.py).

    metodesk list plans [--year 2025-2026]
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from metodesk.cli import EXIT_OK, open_db
from metodesk.cli.meetings import _year_id
from metodesk.i18n import _, language

if TYPE_CHECKING:
    from metodesk.cli import Subcommands


def register(commands: Subcommands, listing: Subcommands, exporting: Subcommands) -> None:
    plans = listing.add_parser("plans", help="id, association, status and progress of the annual plans")
    plans.add_argument("--year", metavar="YEAR", help="academic year, e.g. 2025-2026 (default: all)")
    plans.set_defaults(handler=cmd_list_plans)


def cmd_list_plans(args: argparse.Namespace) -> int:
    from metodesk.services import plans

    db = open_db(create=False)
    try:
        with db.reading() as session:
            rows = plans.list_plans(session, _year_id(session, args.year))
            lines = [
                f"{r.id}\t{r.association(language())}\t{r.status_label}\t"
                + _("{done} of {total} done ({percent} %)").format(
                    done=r.done_count, total=r.activity_count - r.cancelled_count, percent=r.percent
                )
                for r in rows
            ]
    finally:
        db.close()
    for line in lines:
        print(line)
    return EXIT_OK

