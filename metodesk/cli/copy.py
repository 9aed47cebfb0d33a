"""``metodesk copy --to URL | --from URL``: a whole database between the data
folder's file and a PostgreSQL server (``storage/copy.py``)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from metodesk import paths
from metodesk.cli import EXIT_OK, CommandError
from metodesk.i18n import _, ngettext

if TYPE_CHECKING:
    from metodesk.cli import Subcommands


def register(commands: Subcommands, listing: Subcommands, exporting: Subcommands) -> None:
    copy = commands.add_parser(
        "copy", help="copy the whole database from the data folder's file to a server, or back"
    )
    way = copy.add_mutually_exclusive_group(required=True)
    way.add_argument("--to", metavar="URL", help="a new, empty server database to copy this file into")
    way.add_argument("--from", dest="source", metavar="URL", help="a server database to copy into a new file here")
    copy.set_defaults(handler=cmd_copy)


def _server_url(url: str) -> str:
    """``url`` when it names a server; otherwise a sentence saying what one looks like."""
    from metodesk.storage.server import engine_url

    engine_url(url)
    return url


def cmd_copy(args: argparse.Namespace) -> int:
    from metodesk.storage.lock import DataFolderLock

    with DataFolderLock(paths.data_dir()):
        if args.to is not None:
            return _to_server(_server_url(args.to))
        return _from_server(_server_url(args.source))


def _report(total: int, where: str) -> None:
    print(
        ngettext("{count} record was copied into {where}.", "{count} records were copied into {where}.", total).format(
            count=total, where=where
        )
    )


def _to_server(url: str) -> int:
    from metodesk.services.setup import prepare_database
    from metodesk.storage import copy
    from metodesk.storage.server import open_server, shown

    path = paths.database_path()
    if not path.exists():
        raise CommandError(_("There is no metodesk database in {path}.").format(path=paths.data_dir()))
    source = prepare_database(path)
    try:
        target = open_server(url)
        try:
            counts = copy.copy_all(source.engine, target.engine)
        finally:
            target.close()
    finally:
        source.close()
    _report(sum(counts.values()), shown(url))
    return EXIT_OK


def _from_server(url: str) -> int:
    from metodesk.storage import copy
    from metodesk.storage.database import open_database
    from metodesk.storage.server import open_server

    path = paths.database_path()
    if path.exists():
        raise CommandError(
            _("{path} already holds a database; copy into a new data folder (--data-dir).").format(path=path)
        )
    source = open_server(url)
    try:
        paths.ensure_data_dir()
        target = open_database(path)
        try:
            counts = copy.copy_all(source.engine, target.engine)
        except BaseException:
            target.close()
            for leftover in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
                leftover.unlink(missing_ok=True)  # the file this command made, empty: nothing of anyone's
            raise
        target.close()
    finally:
        source.close()
    _report(sum(counts.values()), str(path))
    return EXIT_OK
