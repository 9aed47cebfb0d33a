"""Backup commands: a copy of the database anywhere, restore from one, the list
of automatic backups.

    metodesk backup --out FILE|FOLDER
    metodesk restore FILE [--yes]
    metodesk list backups
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from metodesk import logs, paths
from metodesk.cli import EXIT_OK, CommandError, on_server
from metodesk.i18n import _

if TYPE_CHECKING:
    from metodesk.cli import Subcommands
    from metodesk.storage.backup import BackupSummary


def register(commands: Subcommands, listing: Subcommands, exporting: Subcommands) -> None:
    make = commands.add_parser("backup", help="copy the database to a file or a folder (e.g. a flash drive)")
    make.add_argument("--out", required=True, metavar="FILE", help="backup file, or a folder to put it in")
    make.set_defaults(handler=cmd_backup)

    restore = commands.add_parser("restore", help="replace the database with a backup (a copy is kept)")
    restore.add_argument("file", metavar="FILE", help="the backup to restore")
    restore.add_argument("--yes", action="store_true", help="restore without asking")
    restore.set_defaults(handler=cmd_restore)

    backups = listing.add_parser("backups", help="date, kind, schema and file of every automatic backup")
    backups.set_defaults(handler=cmd_list_backups)


def _start_log() -> None:
    """Log to the data folder's log, without creating a data folder that is not there."""
    if paths.data_dir().is_dir():
        logs.setup_logging()


def _print_summary(summary: BackupSummary) -> None:
    from metodesk.services.backups import summary_lines

    print(_("Backup {path}:").format(path=summary.path))
    for label, value in summary_lines(summary):
        print(f"  {label}: {value}")


def _not_on_a_server() -> None:
    """Backups and restores are of the SQLite file; a server's are pg_dump's."""
    if on_server():
        raise CommandError(
            _(
                "The database is on a server: its backups are made on the server with pg_dump "
                "(see “District server” in the README), not by metodesk."
            )
        )


def cmd_backup(args: argparse.Namespace) -> int:
    from metodesk.services import backups

    _not_on_a_server()

    _start_log()
    # "newdir/" names a folder, made when missing, not a file called "newdir".
    as_folder = args.out.endswith(("/", os.sep))
    made = backups.backup_to(paths.database_path(), Path(args.out).expanduser(), folder=as_folder)
    _print_summary(backups.inspect(made))
    return EXIT_OK


def _confirmed() -> bool:
    """Ask on a terminal; with no terminal to ask (a script, CI) refuse, so that
    nothing is replaced without a --yes someone wrote on purpose."""
    stdin = sys.stdin
    if stdin is None or stdin.closed or not stdin.isatty():
        raise CommandError(_("Nobody can be asked here; add --yes to restore without a question."))
    # TRANSLATORS: the answers accepted are "y", "yes" and their translations below.
    answer = input(_("Replace the current database with this backup? [y/N] "))
    # TRANSLATORS: a short "yes" a user types to confirm (like "y").
    short_yes = _("y")
    # TRANSLATORS: the word "yes" a user types to confirm.
    long_yes = _("yes")
    return answer.strip().casefold() in {"y", "yes", short_yes.casefold(), long_yes.casefold()}


def cmd_restore(args: argparse.Namespace) -> int:
    from metodesk.services import backups
    from metodesk.storage.lock import DataFolderLock

    _not_on_a_server()
    source = Path(args.file).expanduser()
    summary = backups.inspect(source)
    if summary.problem:
        raise CommandError(summary.problem)
    lock = DataFolderLock(paths.data_dir())
    lock.acquire()
    try:
        _start_log()
        _print_summary(summary)
        if not args.yes and not _confirmed():
            print(_("Nothing was restored."))
            return EXIT_OK
        result = backups.restore(source, paths.database_path())
    finally:
        lock.release()
    if result.damaged:
        print(_("The damaged database was kept as {path}.").format(path=result.kept))
    elif result.kept is not None:
        print(_("The previous database was kept as {path}.").format(path=result.kept))
    print(_("The backup from {date} is restored.").format(date=backups.made_at_text(summary)))
    return EXIT_OK


def cmd_list_backups(args: argparse.Namespace) -> int:
    from metodesk.services import backups

    _not_on_a_server()
    found = backups.list_backups(paths.database_path())
    if not found:
        print(
            _("There are no backups in {path} yet.").format(path=backups.backups_dir(paths.database_path()))
        )
        return EXIT_OK
    for summary in found:
        schema = summary.revision or "-"
        if summary.problem:
            schema = _("unusable")
        print(
            f"{backups.made_at_text(summary)}\t{backups.kind_label(summary.kind)}\t{schema}\t{summary.path}"
        )
    return EXIT_OK
