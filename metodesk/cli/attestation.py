"""Attestation commands: list the teachers with their attestation standing, and
write the perspective plan or the list of one year as PDF or XLSX.

    metodesk list attestation [--due 2025-2026] [--organisation ID]
    metodesk export attestation-plan --from 2025-2026 [--years 5] [--lang kk|ru] --out FILE.pdf|FILE.xlsx
    metodesk export attestation-list --year 2025-2026 [--lang kk|ru] --out FILE.pdf|FILE.xlsx

The documents are our organisation's (or ``--organisation ID``'s); without
--lang a document is written in the print language chosen in the settings.
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from metodesk.cli import EXIT_OK, open_db
from metodesk.cli.meetings import _positive
from metodesk.i18n import _, language
from metodesk.i18n.dates import short_date

if TYPE_CHECKING:
    from metodesk.cli import Subcommands
    from metodesk.services.attestation_views import AttestationRow

DEFAULT_YEARS = 5
OFFERED_YEARS = 5  # the window's "Documents from" list: last year and this one onwards, five in all


def _today() -> dt.date:
    """Today's date (a seam for tests)."""
    return dt.date.today()


def _years(value: str) -> int:
    from metodesk.services.attestation_print import MAX_PLAN_YEARS

    try:
        number = int(value)
    except ValueError:
        number = 0
    if not 1 <= number <= MAX_PLAN_YEARS:
        raise argparse.ArgumentTypeError(
            _("{value} is not a number of years from 1 to {limit}.").format(value=value, limit=MAX_PLAN_YEARS)
        )
    return number


def _document_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--organisation", type=_positive, metavar="ID", help="organisation id (default: ours)"
    )
    # dest differs from the window's --lang: this one is the document's language.
    parser.add_argument("--lang", dest="print_lang", choices=("kk", "ru"), help="language of the document")
    parser.add_argument(
        "--out", required=True, metavar="FILE.pdf|FILE.xlsx", help="where to write the PDF or the XLSX"
    )


def register(commands: Subcommands, listing: Subcommands, exporting: Subcommands) -> None:
    found = listing.add_parser(
        "attestation", help="teachers: category, awarded, valid until, due year, marks"
    )
    found.add_argument("--due", metavar="YEAR", help="only those due in this academic year, e.g. 2025-2026")
    found.add_argument("--organisation", type=_positive, metavar="ID", help="organisation id (default: ours)")
    found.set_defaults(handler=cmd_list_attestation)

    plan = exporting.add_parser("attestation-plan", help="the perspective attestation plan as PDF or XLSX")
    plan.add_argument(
        "--from", dest="first", required=True, metavar="YEAR", help="first year, e.g. 2025-2026"
    )
    plan.add_argument(
        "--years", type=_years, default=DEFAULT_YEARS, metavar="N", help="how many years (default: 5)"
    )
    _document_arguments(plan)
    plan.set_defaults(handler=cmd_export_plan)

    year_list = exporting.add_parser(
        "attestation-list", help="the list of one attestation year as PDF or XLSX"
    )
    year_list.add_argument("--year", required=True, metavar="YEAR", help="academic year, e.g. 2025-2026")
    _document_arguments(year_list)
    year_list.set_defaults(handler=cmd_export_list)


def _marks(row: AttestationRow) -> str:
    marks = []
    if row.overdue:
        marks.append(_("overdue"))
    if row.in_progress:
        marks.append(_("in progress"))
    if row.early_eligible:
        marks.append(_("early possible"))
    return ", ".join(marks)


def cmd_list_attestation(args: argparse.Namespace) -> int:
    from metodesk.domain.attestation import parse_year_name
    from metodesk.domain.enums import Category
    from metodesk.domain.text import sort_key
    from metodesk.services import attestation_views, organisations

    due = parse_year_name(args.due) if args.due else None
    today = _today()
    db = open_db(create=False)
    try:
        with db.reading() as session:
            org_id = args.organisation
            if org_id is None:
                ours = organisations.ours(session)
                org_id = ours.id if ours is not None else None
            else:
                organisations.get_organisation(session, org_id)
            rows = attestation_views.attestation_rows(session, today, org_id)
    finally:
        db.close()
    if due is not None:
        rows = attestation_views.due_in(rows, due)
    for row in sorted(rows, key=lambda r: sort_key(r.full_name, language())):
        category = (
            Category(row.category).label if row.category in {c.value for c in Category} else row.category
        )
        cells = (
            row.full_name,
            category,
            short_date(row.award_date),
            short_date(row.expiry),
            row.due_year_name,
            _marks(row),
        )
        print("\t".join(cells))
    return EXIT_OK


def _out_path(value: str) -> Path:
    from metodesk.cli.output import PDF_XLSX, output_path

    return output_path(value, PDF_XLSX)


def _known_year(session, start: int, today: dt.date) -> None:  # type: ignore[no-untyped-def]
    """Refuse a year neither the window offers (last year to four ahead) nor
    the database holds: a list for 1999-2000 would only be an empty page."""
    from metodesk.domain.attestation import attestation_year, year_name
    from metodesk.domain.errors import NotFound
    from metodesk.services import years

    current = attestation_year(today)
    if current - 1 <= start < current - 1 + OFFERED_YEARS:
        return
    name = year_name(start)
    if name not in {row.name for row in years.list_years(session)}:
        raise NotFound(_("There is no academic year {name}.").format(name=name), field="year")


def _write(args: argparse.Namespace, kind: str) -> int:
    from metodesk.domain.attestation import parse_year_name
    from metodesk.services import attestation_print, settings

    out = _out_path(args.out)
    first = parse_year_name(args.first if kind == "plan" else args.year)
    today = _today()
    db = open_db(create=False)
    try:
        with db.reading() as session:
            _known_year(session, first, today)
            if kind == "plan":
                data = attestation_print.plan_data(session, first, args.years, today, args.organisation)
            else:
                data = attestation_print.list_data(session, first, today, args.organisation)
            lang = args.print_lang or settings.print_language(session)
    finally:
        db.close()
    if out.suffix.lower() == ".xlsx":
        from metodesk.reports import attestation_xlsx as builder
    else:
        from metodesk.reports import attestation_plan as builder  # type: ignore[no-redef]
    content = builder.build_plan(data, lang) if kind == "plan" else builder.build_list(data, lang)
    from metodesk.cli.output import write_output

    return write_output(out, content)


def cmd_export_plan(args: argparse.Namespace) -> int:
    return _write(args, "plan")


def cmd_export_list(args: argparse.Namespace) -> int:
    return _write(args, "list")
