"""Attestation commands: list the teachers with their attestation standing
(the perspective plan and the list of one year are exported from the
documents registry: cli/documents.py, documents/attestation.py).

    metodesk list attestation [--due 2025-2026] [--organisation ID]
"""

from __future__ import annotations

import argparse
import datetime as dt
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
    """Today's date (``METODESK_TODAY`` pins it, as for the exports)."""
    from metodesk.domain.academic_year import today

    return today()


def register(commands: Subcommands, listing: Subcommands, exporting: Subcommands) -> None:
    found = listing.add_parser(
        "attestation", help="teachers: category, awarded, valid until, due year, marks"
    )
    found.add_argument("--due", metavar="YEAR", help="only those due in this academic year, e.g. 2025-2026")
    found.add_argument("--organisation", type=_positive, metavar="ID", help="organisation id (default: ours)")
    found.set_defaults(handler=cmd_list_attestation)


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

