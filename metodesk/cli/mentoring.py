"""Mentoring commands: list the pairs, export a mentor's plan or the year's
report of a pair as PDF.

    metodesk list mentoring [--year 2025-2026]
    metodesk export mentoring-plan --pair ID [--lang kk|ru] --out FILE.pdf
    metodesk export mentoring-report --pair ID [--lang kk|ru] --out FILE.pdf

Without --lang a document is printed in the print language chosen in the settings.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from metodesk import files
from metodesk.cli import EXIT_OK, open_db
from metodesk.cli.meetings import _positive
from metodesk.i18n import _

if TYPE_CHECKING:
    from metodesk.cli import Subcommands

PLAN, REPORT = "plan", "report"


def register(commands: Subcommands, listing: Subcommands, exporting: Subcommands) -> None:
    found = listing.add_parser(
        "mentoring", help="mentoring pairs: id, year, mentor, mentee, plan rows done, meetings logged"
    )
    found.add_argument("--year", metavar="YEAR", help="academic year, e.g. 2025-2026 (default: every year)")
    found.set_defaults(handler=cmd_list_mentoring)
    for name, handler, help_text in (
        ("mentoring-plan", cmd_export_plan, "a mentor's plan of work with the mentee as PDF"),
        ("mentoring-report", cmd_export_report, "the year's report of a mentoring pair as PDF"),
    ):
        parser = exporting.add_parser(name, help=help_text)
        parser.add_argument("--pair", type=_positive, required=True, metavar="ID", help="mentoring pair id")
        # dest differs from the window's --lang: this one is the document's language.
        parser.add_argument(
            "--lang", dest="print_lang", choices=("kk", "ru"), help="language of the document"
        )
        parser.add_argument("--out", required=True, metavar="FILE.pdf", help="where to write the PDF")
        parser.set_defaults(handler=handler)


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


def export_mentoring(pair_id: int, document: str, lang: str | None, out: Path) -> Path:
    """Build the plan or the report of a pair and write it to ``out``."""
    from metodesk.cli.output import output_path
    from metodesk.services import mentoring_print, settings

    out = output_path(str(out))  # a folder, another ending or metodesk's own file: one sentence
    db = open_db(create=False)
    try:
        with db.reading() as session:
            data = mentoring_print.mentoring_data(session, pair_id)
            lang = lang or settings.print_language(session)
    finally:
        db.close()
    if document == PLAN:
        from metodesk.reports import mentoring_plan as builder
    else:
        from metodesk.reports import mentoring_report as builder  # type: ignore[no-redef]
    files.write_chosen(out, builder.build(data, lang))
    return out


def _export(args: argparse.Namespace, document: str) -> int:
    out = export_mentoring(args.pair, document, args.print_lang, Path(args.out).expanduser())
    print(_("Written: {path}").format(path=out))
    return EXIT_OK


def cmd_export_plan(args: argparse.Namespace) -> int:
    return _export(args, PLAN)


def cmd_export_report(args: argparse.Namespace) -> int:
    return _export(args, REPORT)
