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
from metodesk.cli import EXIT_OK, CommandError, _Parser, open_db
from metodesk.i18n import _, ngettext

if TYPE_CHECKING:
    from metodesk.cli import Subcommands


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
    take.set_defaults(handler=cmd_import)


def _start_log() -> None:
    if paths.data_dir().is_dir():
        logs.setup_logging()


def cmd_export(args: argparse.Namespace) -> int:
    from metodesk.services import exchange_export
    from metodesk.services.exchange_report import count_lines

    db = open_db(create=False)
    try:
        _start_log()
        with db.reading() as session:
            result = exchange_export.export_package(
                session, args.year, Path(args.out).expanduser(), association_id=args.association
            )
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


def cmd_import(args: argparse.Namespace) -> int:
    from metodesk.services import exchange_import, exchange_package
    from metodesk.services.exchange_report import report_lines
    from metodesk.storage.lock import DataFolderLock

    package = exchange_package.read_package(Path(args.file).expanduser())  # before the database is touched
    if args.dry_run and not paths.database_path().exists():
        raise CommandError(_("There is no metodesk database in {path}.").format(path=paths.data_dir()))
    lock = DataFolderLock(paths.data_dir())
    lock.acquire()
    try:
        db = open_db()
        try:
            _start_log()
            if args.dry_run:
                report = exchange_import.preview(db, package)
            else:
                report = exchange_import.apply(db, package)
        finally:
            db.close()
    finally:
        lock.release()
    for line in report_lines(report):
        print(line)
    return EXIT_OK
