"""Open-lesson commands: list lessons (the observation sheets, blank ones and
the schedule of open lessons are exported from the documents registry:
cli/documents.py, documents/lessons.py).

    metodesk list lessons [--teacher ID] [--association ID] [--year 2025-2026]
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from metodesk.cli import EXIT_OK, open_db
from metodesk.cli.meetings import _positive
from metodesk.i18n.dates import short_date

if TYPE_CHECKING:
    from metodesk.cli import Subcommands


def register(commands: Subcommands, listing: Subcommands, exporting: Subcommands) -> None:
    found = listing.add_parser(
        "lessons", help="open lessons: id, date, period, teacher, class, topic, status"
    )
    found.add_argument("--teacher", type=_positive, metavar="ID", help="only this teacher's lessons")
    found.add_argument("--association", type=_positive, metavar="ID", help="only this association's lessons")
    found.add_argument("--year", metavar="YEAR", help="academic year, e.g. 2025-2026 (default: every year)")
    found.set_defaults(handler=cmd_list_lessons)


def cmd_list_lessons(args: argparse.Namespace) -> int:
    from metodesk.domain.lesson_enums import LessonStatus
    from metodesk.services import lesson_views, years

    db = open_db(create=False)
    try:
        with db.reading() as session:
            year_id = years.year_by_name(session, args.year).id if args.year else None
            rows = lesson_views.list_lessons(
                session,
                lesson_views.LessonFilter(
                    year_id=year_id, teacher_id=args.teacher, association_id=args.association
                ),
            )
    finally:
        db.close()
    for row in rows:
        period = str(row.period) if row.period else "-"
        status = LessonStatus.label_for(row.status)
        print(
            f"{row.id}\t{short_date(row.date)}\t{period}\t{row.teacher_short}\t{row.class_name}\t{row.topic}\t{status}"
        )
    return EXIT_OK

