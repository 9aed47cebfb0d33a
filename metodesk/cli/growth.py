"""Professional-growth commands: list the year's methodical events, the
generalised experience and the pupils' olympiad results, one per line (the
portfolio and the course-needs plan are exported from the documents registry).

    metodesk list events [--year 2025-2026]
    metodesk list experience [--year 2025-2026]
    metodesk list olympiads [--year 2025-2026]
"""

from __future__ import annotations

import argparse
import functools
from typing import TYPE_CHECKING

from metodesk.cli import EXIT_OK, open_db
from metodesk.i18n import language

if TYPE_CHECKING:
    from metodesk.cli import Subcommands

WHAT = {
    "events": "methodical events: id, dates, form, level, title, participants",
    "experience": "generalised experience: id, year, level, approved on, topic, teachers",
    "olympiads": "pupils' olympiad results: id, year, level, result, pupil, grade, subject, teacher",
}


def register(commands: Subcommands, listing: Subcommands, exporting: Subcommands) -> None:
    for name, help_text in WHAT.items():
        parser = listing.add_parser(name, help=help_text)
        parser.add_argument("--year", metavar="YEAR", help="academic year, e.g. 2025-2026 (default: every year)")
        parser.set_defaults(handler=functools.partial(cmd_list, name))


def cmd_list(what: str, args: argparse.Namespace) -> int:
    from metodesk.services import growth_lines

    db = open_db(create=False)
    try:
        with db.reading() as session:
            if what == "events":
                lines = growth_lines.event_lines(session, args.year)
            elif what == "experience":
                lines = growth_lines.experience_lines(session, args.year)
            else:
                lines = growth_lines.olympiad_lines(session, args.year, language())
    finally:
        db.close()
    for line in lines:
        print(line)
    return EXIT_OK
