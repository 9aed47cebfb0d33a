"""Open-lesson commands: list lessons, export a filled observation sheet, a
blank one (for a lesson, for every lesson of a date, or an empty form), and
the year's schedule of open lessons, as PDF.

    metodesk list lessons [--teacher ID] [--association ID] [--year 2025-2026]
    metodesk export observation --observation ID [--lang kk|ru] --out FILE.pdf
    metodesk export observation-blank [--lesson ID | --date YYYY-MM-DD [--association ID]]
                                      [--set ID] [--lang kk|ru] --out FILE.pdf
    metodesk export lessons --year 2025-2026 [--association ID | --organisation ID]
                            [--lang kk|ru] --out FILE.pdf

Without --lang a document is printed in the print language chosen in the settings.
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from metodesk.cli import EXIT_OK, CommandError, open_db
from metodesk.cli.meetings import _positive
from metodesk.i18n import _
from metodesk.i18n.dates import parse_short_date, short_date

if TYPE_CHECKING:
    from metodesk.cli import Subcommands


def _day(value: str) -> dt.date:
    try:
        parsed = parse_short_date(value)
    except ValueError:
        parsed = None
    if parsed is None:
        raise argparse.ArgumentTypeError(_("{value} is not a date like 2026-03-11.").format(value=value))
    return parsed


def _document_arguments(parser: argparse.ArgumentParser) -> None:
    # dest differs from the window's --lang: this one is the document's language.
    parser.add_argument("--lang", dest="print_lang", choices=("kk", "ru"), help="language of the document")
    parser.add_argument("--out", required=True, metavar="FILE.pdf", help="where to write the PDF")


def register(commands: Subcommands, listing: Subcommands, exporting: Subcommands) -> None:
    found = listing.add_parser(
        "lessons", help="open lessons: id, date, period, teacher, class, topic, status"
    )
    found.add_argument("--teacher", type=_positive, metavar="ID", help="only this teacher's lessons")
    found.add_argument("--association", type=_positive, metavar="ID", help="only this association's lessons")
    found.add_argument("--year", metavar="YEAR", help="academic year, e.g. 2025-2026 (default: every year)")
    found.set_defaults(handler=cmd_list_lessons)

    filled = exporting.add_parser("observation", help="a filled lesson observation sheet as PDF")
    filled.add_argument("--observation", type=_positive, required=True, metavar="ID", help="sheet id")
    _document_arguments(filled)
    filled.set_defaults(handler=cmd_export_observation)

    blank = exporting.add_parser(
        "observation-blank",
        help="a blank observation sheet for a lesson, for each lesson of a date, or empty",
    )
    which = blank.add_mutually_exclusive_group()
    which.add_argument("--lesson", type=_positive, metavar="ID", help="the lesson the sheet is for")
    which.add_argument(
        "--date", type=_day, metavar="YYYY-MM-DD", help="one sheet for every lesson of this day"
    )
    blank.add_argument(
        "--association", type=_positive, metavar="ID", help="with --date: this association only"
    )
    blank.add_argument("--set", type=_positive, metavar="ID", help="criteria set (default: the first in use)")
    _document_arguments(blank)
    blank.set_defaults(handler=cmd_export_blank)

    schedule = exporting.add_parser("lessons", help="the year's schedule of open lessons as PDF")
    schedule.add_argument("--year", required=True, metavar="YEAR", help="academic year, e.g. 2025-2026")
    schedule.add_argument(
        "--association", type=_positive, metavar="ID", help="one association (default: all)"
    )
    schedule.add_argument(
        "--organisation",
        type=_positive,
        metavar="ID",
        help="the associations of this organisation (default: ours)",
    )
    _document_arguments(schedule)
    schedule.set_defaults(handler=cmd_export_lessons)


def _out(args: argparse.Namespace) -> Path:
    from metodesk.cli.output import output_path

    return output_path(args.out)


def _write(out: Path, pdf: bytes) -> int:
    from metodesk.cli.output import write_output

    return write_output(out, pdf)


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


def cmd_export_observation(args: argparse.Namespace) -> int:
    from metodesk.services import lesson_print, settings

    out = _out(args)
    db = open_db(create=False)
    try:
        with db.reading() as session:
            data = lesson_print.sheet_for_observation(session, args.observation)
            lang = args.print_lang or settings.print_language(session)
    finally:
        db.close()
    from metodesk.reports import observation_sheet

    return _write(out, observation_sheet.build(data, lang))


def cmd_export_blank(args: argparse.Namespace) -> int:
    from metodesk.services import lesson_print, settings

    out = _out(args)
    if args.association is not None and args.date is None:
        raise CommandError(_("--association goes with --date: the lessons of one association that day."))
    db = open_db(create=False)
    try:
        with db.reading() as session:
            if args.date is not None:
                data = lesson_print.blank_sheets_for_date(session, args.date, args.set, args.association)
            else:
                data = [lesson_print.blank_sheet(session, args.lesson, args.set)]
            lang = args.print_lang or settings.print_language(session)
    finally:
        db.close()
    from metodesk.reports import observation_sheet

    return _write(out, observation_sheet.build(data, lang))


def cmd_export_lessons(args: argparse.Namespace) -> int:
    from metodesk.services import associations, lesson_print, lesson_views, settings, years

    out = _out(args)
    db = open_db(create=False)
    try:
        with db.reading() as session:
            year = years.year_by_name(session, args.year)
            if args.association is not None:
                # a wrong id gets one sentence naming it
                lesson_views.lessons_for_association_year(session, args.association)
                row = associations.get_detail(session, args.association).row
                if row.year_id != year.id:
                    raise CommandError(
                        _("The association {id} belongs to the year {year}, not {asked}.").format(
                            id=row.id, year=row.year_name, asked=year.name
                        )
                    )
            if args.association is not None and args.organisation is not None:
                raise CommandError(_("Give --association or --organisation, not both."))
            data = lesson_print.schedule_data(session, year.id, args.association, args.organisation)
            lang = args.print_lang or settings.print_language(session)
    finally:
        db.close()
    from metodesk.reports import lessons_schedule

    return _write(out, lessons_schedule.build(data, lang))
