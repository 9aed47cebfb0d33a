"""Plan commands: list the annual plans with their progress, export one as PDF
or Word.

    metodesk list plans [--year 2025-2026]
    metodesk export plan --association ID [--year 2025-2026] [--lang kk|ru] --out FILE.pdf|FILE.docx

The format follows the file's extension. ``--year`` asks for the plan of the
association's counterpart in that year (associations belong to one year).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from metodesk.cli import EXIT_OK, open_db
from metodesk.cli.meetings import _positive, _year_id
from metodesk.i18n import _, language

if TYPE_CHECKING:
    from metodesk.cli import Subcommands


def register(commands: Subcommands, listing: Subcommands, exporting: Subcommands) -> None:
    plans = listing.add_parser("plans", help="id, association, status and progress of the annual plans")
    plans.add_argument("--year", metavar="YEAR", help="academic year, e.g. 2025-2026 (default: all)")
    plans.set_defaults(handler=cmd_list_plans)
    plan = exporting.add_parser("plan", help="an association's annual plan as PDF or Word (DOCX)")
    plan.add_argument("--association", type=_positive, required=True, metavar="ID", help="association id")
    plan.add_argument(
        "--year", metavar="YEAR", help="academic year, e.g. 2025-2026 (default: the association's)"
    )
    # dest differs from the window's --lang: this one is the document's language.
    plan.add_argument("--lang", dest="print_lang", choices=("kk", "ru"), help="language of the document")
    plan.add_argument("--out", required=True, metavar="FILE", help="where to write: a .pdf or .docx file")
    plan.add_argument(
        "--for-approval",
        action="store_true",
        help="print it for approval: without the column of what was done",
    )
    plan.set_defaults(handler=cmd_export_plan)


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


def _output(value: str) -> tuple[Path, str]:
    from metodesk.cli.output import PDF_DOCX, output_path

    out = output_path(value, PDF_DOCX)
    return out, out.suffix.lower()


def cmd_export_plan(args: argparse.Namespace) -> int:
    from metodesk.domain.errors import NotFound
    from metodesk.services import plan_copy, plan_rows, plans, settings
    from metodesk.storage.models import AcademicYear

    out, suffix = _output(args.out)
    db = open_db(create=False)
    try:
        with db.reading() as session:
            association_id = args.association
            plans.find_plan(session, association_id)  # a sentence for a wrong id
            year_id = _year_id(session, args.year)
            if year_id is not None:
                found = plan_copy.counterpart(session, association_id, year_id)
                if found is None:
                    year = session.get(AcademicYear, year_id)
                    raise NotFound(
                        _("The association {id} has no counterpart in {year}.").format(
                            id=association_id, year=year.name if year else args.year
                        )
                    )
                association_id = found.id
            plan_id = plans.find_plan(session, association_id)
            if plan_id is None:
                raise NotFound(_("The association {id} has no annual plan yet.").format(id=association_id))
            data = plan_rows.plan_data(session, plan_id)
            if args.for_approval:
                data = data.for_approval()
            lang = args.print_lang or settings.print_language(session)
    finally:
        db.close()
    if suffix == ".pdf":
        from metodesk.reports import plan_pdf

        content = plan_pdf.build(data, lang)
    else:
        from metodesk.reports import plan_docx

        content = plan_docx.build(data, lang)
    from metodesk.cli.output import write_output

    return write_output(out, content)
