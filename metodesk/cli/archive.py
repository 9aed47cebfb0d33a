"""The association-year archive from the command line: every document of one
association's academic year in one PDF (``metodesk.documents.archive``).

    metodesk export archive --association ID [--year 2025-2026] [--lang kk|ru] --out FILE.pdf

``--year`` asks for the association's counterpart in that year (associations
belong to one year); without it, the association's own year. ``--lang`` is the
documents' language (default: the print language of Settings). A wrong id or
year, or an association with no document in the year, is one sentence and
exit code 2; the file is written whole or not at all.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from metodesk.cli import open_db, positive_number

if TYPE_CHECKING:
    from metodesk.cli import Subcommands


def register(commands: Subcommands, listing: Subcommands, exporting: Subcommands) -> None:
    archive = exporting.add_parser(
        "archive",
        help="every document of an association's year in one PDF: title page, contents, bookmarks, page numbers",
    )
    archive.add_argument("--association", type=positive_number, required=True, metavar="ID", help="association id")
    archive.add_argument(
        "--year", metavar="YEAR", help="academic year, e.g. 2025-2026 (default: the association's)"
    )
    # dest differs from the window's --lang: this one is the documents' language.
    archive.add_argument("--lang", dest="print_lang", choices=("kk", "ru"), help="language of the documents")
    archive.add_argument("--out", required=True, metavar="FILE.pdf", help="where to write the PDF")
    archive.set_defaults(handler=cmd_export_archive)


def cmd_export_archive(args: argparse.Namespace) -> int:
    from metodesk.cli.output import output_path, write_output
    from metodesk.documents.archive import association_year, build_archive
    from metodesk.services import settings, years

    out = output_path(args.out)
    db = open_db(create=False)
    try:
        with db.reading() as session:
            if args.year:
                year_id = years.year_by_name(session, args.year).id
            else:
                year_id = association_year(session, args.association)
            lang = args.print_lang or settings.print_language(session)
        content = build_archive(db, args.association, year_id, lang)
    finally:
        db.close()
    return write_output(out, content)
