"""Exchange packages between a school and the district cabinet, offline.

    metodesk exchange export --year 2025-2026 [--association ID] --out FILE|FOLDER
    metodesk exchange import FILE [--dry-run]

The import checks the whole package before it touches the database, then
merges it in one transaction; ``--dry-run`` prints the same report and keeps
nothing.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from metodesk import logs, paths
from metodesk.cli import EXIT_OK, _Parser, data_folder_lock, on_server, open_db
from metodesk.i18n import ngettext

if TYPE_CHECKING:
    from metodesk.cli import Subcommands
    from metodesk.services.exchange_import import ImportReport
    from metodesk.services.exchange_package import Package
    from metodesk.services.progress import ProgressCallback


def register(commands: Subcommands, listing: Subcommands, exporting: Subcommands) -> None:
    exchange = commands.add_parser("exchange", help="packages for the district (or from it), by flash drive")
    actions = exchange.add_subparsers(dest="action", metavar="ACTION", required=True, parser_class=_Parser)

    out = actions.add_parser("export", help="write a year's (or one association's) records to a package")
    out.add_argument("--year", required=True, help="academic year, e.g. 2025-2026")
    out.add_argument(
        "--association", type=int, metavar="ID", help="only this association (see list associations)"
    )
    out.add_argument(
        "--out", required=True, metavar="FILE", help="the package file, or a folder to put it in"
    )
    out.set_defaults(handler=cmd_export)

    take = actions.add_parser("import", help="merge a package into the database (newer edits win)")
    take.add_argument("file", metavar="FILE", help="the package")
    take.add_argument("--dry-run", action="store_true", help="only say what would be added and changed")
    take.add_argument(
        "--skip-invalid",
        action="store_true",
        help="import without the records that have a wrong value (they are listed) instead of refusing",
    )
    take.set_defaults(handler=cmd_import)


def _start_log() -> None:
    if paths.data_dir().is_dir():
        logs.setup_logging()


def cmd_export(args: argparse.Namespace) -> int:
    from metodesk.cli.output import ZIP, output_path
    from metodesk.services import exchange_export
    from metodesk.services.exchange_report import count_lines

    out = Path(args.out).expanduser()
    if not out.is_dir():  # a folder gets a dated name (checked like a file before anything is read)
        out = output_path(args.out, ZIP)
    db = open_db(create=False)
    try:
        _start_log()
        with db.reading() as session:
            result = exchange_export.export_package(session, args.year, out, association_id=args.association)
    finally:
        db.close()
    print(
        ngettext(
            "The package {path} holds {count} record:",
            "The package {path} holds {count} records:",
            result.total,
        ).format(path=result.path, count=result.total)
    )
    for line in count_lines(result.counts):
        print(f"  {line}")
    return EXIT_OK


def _terminal_progress() -> ProgressCallback | None:
    """A progress line on a terminal (a district's year takes seconds, not
    an instant); nothing when the output goes to a file or a pipe."""
    import sys

    stream = sys.stderr
    if stream is None or not stream.isatty():
        return None

    def show(done: int, total: int, text: str) -> None:
        stream.write(f"\r[{done}/{total}] {text}"[:100].ljust(100))
        stream.flush()

    return show


def _end_progress(progress: ProgressCallback | None) -> None:
    import sys

    if progress is not None:
        sys.stderr.write("\r" + " " * 100 + "\r")
        sys.stderr.flush()


def _preview_on_a_new_database(package: Package) -> ImportReport:
    """A dry run where there is no database yet says what the import would do
    there: it merges into a new, seeded database in a temporary folder, which
    is then removed (the data folder stays as it was)."""
    import tempfile

    from metodesk.services import exchange_import
    from metodesk.services.setup import prepare_database

    with tempfile.TemporaryDirectory(prefix="metodesk-preview-") as folder:
        db = prepare_database(Path(folder) / "metodesk.sqlite3")
        try:
            return exchange_import.preview(db, package)
        finally:
            db.close()


def cmd_import(args: argparse.Namespace) -> int:
    from metodesk.services import exchange_import, exchange_package
    from metodesk.services.exchange_report import report_lines
    # before the database is touched
    package = exchange_package.read_package(Path(args.file).expanduser(), skip_invalid=args.skip_invalid)
    if args.dry_run and not on_server() and not paths.database_path().exists():
        report = _preview_on_a_new_database(package)
        for line in report_lines(report):
            print(line)
        return EXIT_OK
    with data_folder_lock():
        db = open_db()
        try:
            _start_log()
            progress = _terminal_progress()
            if args.dry_run:
                report = exchange_import.preview(db, package, progress)
            else:
                report = exchange_import.apply(db, package, progress)
            _end_progress(progress)
        finally:
            db.close()
    for line in report_lines(report):
        print(line)
    return EXIT_OK
