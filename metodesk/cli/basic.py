"""The foundation's commands: demo, check, list teachers, associations, years."""

from __future__ import annotations

import argparse
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

from metodesk import paths
from metodesk.cli import EXIT_FAILED, EXIT_OK, CommandError, data_folder_lock, open_db
from metodesk.i18n import _, language

if TYPE_CHECKING:
    from metodesk.cli import Subcommands

_DISTRICT_SCRIPT = Path(__file__).resolve().parents[2] / "bench" / "district.py"


def register(commands: Subcommands, listing: Subcommands, exporting: Subcommands) -> None:
    demo = commands.add_parser("demo", help="fill the data folder with the demo school")
    if _DISTRICT_SCRIPT.exists():  # a source checkout, not the frozen program
        demo.add_argument(
            "--district",
            action="store_true",
            help="add a district of 150 organisations and ten years (bench/district.py)",
        )
    demo.set_defaults(handler=cmd_demo)

    check = commands.add_parser("check", help="verify the database (integrity, schema version)")
    check.set_defaults(handler=cmd_check)

    teachers = listing.add_parser("teachers", help="id and name of every teacher")
    teachers.add_argument("--archived", action="store_true", help="include archived teachers")
    teachers.set_defaults(handler=cmd_list_teachers)

    associations = listing.add_parser("associations", help="id and name of every association")
    associations.add_argument("--year", help="academic year, e.g. 2025-2026")
    associations.set_defaults(handler=cmd_list_associations)

    year_list = listing.add_parser("years", help="the academic years with their terms; * marks the current one")
    year_list.set_defaults(handler=cmd_list_years)


def _district_builder() -> ModuleType:
    """bench/district.py of the source checkout, loaded as a module."""
    import importlib.util
    import sys

    spec = importlib.util.spec_from_file_location("metodesk_bench_district", _DISTRICT_SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def cmd_demo(args: argparse.Namespace) -> int:
    """Fill the data folder, holding its lock: a second ``demo``, an import or
    the window on the same folder meanwhile gets a sentence, not a clash. On a
    server there is no folder to hold: the server keeps its own locks."""
    with data_folder_lock():
        return _fill_demo(args)


def _fill_demo(args: argparse.Namespace) -> int:
    from metodesk.services import demo

    if getattr(args, "district", False):
        builder = _district_builder()
        db = open_db()
        try:
            with db.transaction() as session:
                counts = builder.build_district(session, progress=builder.print_progress)
        finally:
            db.close()
        print(_("The demo school is ready in {path}.").format(path=_where()))
        print(
            _(
                "{orgs} organisations, {teachers} teachers, {assocs} associations, {meetings} meetings."
            ).format(
                orgs=counts.get("organisation", 0),
                teachers=counts.get("teacher", 0),
                assocs=counts.get("association", 0),
                meetings=counts.get("meeting", 0),
            )
        )
        return EXIT_OK

    db = open_db()
    try:
        with db.transaction() as session:
            summary = demo.fill_demo(session)
    finally:
        db.close()
    print(_("The demo school is ready in {path}.").format(path=_where()))
    print(summary)
    return EXIT_OK


def _where() -> str:
    """Where the commands' database is, as it may be shown."""
    url = paths.database_url()
    if url is None:
        return str(paths.data_dir())
    from metodesk.storage.server import shown

    return shown(url)


def cmd_check(args: argparse.Namespace) -> int:
    from metodesk.services.health import HealthReport, check_database

    report: HealthReport
    url = paths.database_url()
    if url is not None:
        from metodesk.services.server_health import check_server

        report = check_server(url)
    else:
        report = check_database(paths.database_path())
    for line in report.lines:
        print(line)
    return EXIT_OK if report.ok else EXIT_FAILED


def cmd_list_teachers(args: argparse.Namespace) -> int:
    from metodesk.services import teachers

    db = open_db(create=False)
    try:
        with db.reading() as session:
            rows = teachers.list_teachers(session, include_archived=args.archived)
    finally:
        db.close()
    from metodesk.domain.text import sort_key

    for row in sorted(rows, key=lambda r: sort_key(r.full_name, language())):
        print(f"{row.id}\t{row.full_name}")
    return EXIT_OK


def cmd_list_associations(args: argparse.Namespace) -> int:
    from metodesk.services import associations, years

    db = open_db(create=False)
    try:
        with db.reading() as session:
            year_id = years.year_by_name(session, args.year).id if args.year else None
            rows = associations.list_associations(session, year_id)
    finally:
        db.close()
    lang = language()
    for row in rows:
        print(f"{row.id}\t{row.name(lang)}")
    return EXIT_OK


def cmd_list_years(args: argparse.Namespace) -> int:
    """Each year (oldest first) with its dates, the current one marked, and
    its terms indented under it."""
    from metodesk.domain.enums import TermKind
    from metodesk.i18n.dates import short_date
    from metodesk.services import years

    db = open_db(create=False)
    try:
        with db.reading() as session:
            rows = years.list_years(session)
    finally:
        db.close()
    for year in reversed(rows):
        mark = "*" if year.is_current else " "
        current = "\t" + _("current") if year.is_current else ""
        print(f"{mark} {year.name}\t{short_date(year.start_date)} – {short_date(year.end_date)}{current}")
        for term in year.terms:
            kind = TermKind(term.kind).label if term.kind in {k.value for k in TermKind} else term.kind
            print(f"    {term.number}\t{kind}\t{short_date(term.start_date)} – {short_date(term.end_date)}")
    return EXIT_OK


__all__ = ["register", "CommandError"]
