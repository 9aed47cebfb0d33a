"""Meeting commands: list an association's meetings, export a protocol or a
blank attendance sheet as PDF.

    metodesk list meetings --association ID [--year 2025-2026]
    metodesk export protocol --association ID --number N [--year 2025-2026] [--lang kk|ru] --out FILE.pdf
    metodesk export attendance --association ID --number N [--year 2025-2026] [--lang kk|ru] --out FILE.pdf
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
    for name, handler, help_text in (
        ("protocol", cmd_export_protocol, "a meeting's protocol as PDF"),
        ("attendance", cmd_export_attendance, "a blank attendance sheet for a meeting as PDF"),
    ):
        parser = exporting.add_parser(name, help=help_text)
        _meeting_arguments(parser, with_number=True)
        # dest differs from the window's --lang: this one is the document's language.
        parser.add_argument(
            "--lang", dest="print_lang", choices=("kk", "ru"), help="language of the document"
        )
        parser.add_argument("--out", required=True, metavar="FILE.pdf", help="where to write the PDF")
        parser.set_defaults(handler=handler)


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


def _export(args: argparse.Namespace, document: str) -> int:
    from metodesk import reports
    from metodesk.cli.output import output_path, write_output
    from metodesk.services import meetings, protocol_rows, settings

    out = output_path(args.out)
    db = open_db(create=False)
    try:
        with db.reading() as session:
            row = meetings.find_meeting(session, args.association, args.number, _year_id(session, args.year))
            data = protocol_rows.protocol_data(session, row.id)
            lang = args.print_lang or settings.print_language(session)
    finally:
        db.close()
    build = reports.build_protocol if document == "protocol" else reports.build_attendance_sheet
    return write_output(out, build(data, lang))


def cmd_export_protocol(args: argparse.Namespace) -> int:
    return _export(args, "protocol")


def cmd_export_attendance(args: argparse.Namespace) -> int:
    return _export(args, "attendance")
