"""The command line: the same services as the window, without one.

Each area registers its sub-commands in its own module; ``COMMAND_MODULES``
lists them. Every command exits 0 on success, 1 when a check fails, 2 for
wrong input (one clear sentence on stderr, never a traceback).
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from metodesk import __version__, config, paths
from metodesk.i18n import _, set_language

if TYPE_CHECKING:
    from metodesk.storage.database import Database

    # What each command module's register() adds its sub-commands to.
    Subcommands = argparse._SubParsersAction[argparse.ArgumentParser]

COMMAND_MODULES = (
    "metodesk.cli.basic",
    "metodesk.cli.meetings",
    "metodesk.cli.backups",
    "metodesk.cli.exchange",
    "metodesk.cli.plans",
    "metodesk.cli.lessons",
    "metodesk.cli.mentoring",
    "metodesk.cli.attestation",
)

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


class CommandError(Exception):
    """A sentence for the user and an exit code; raised by command handlers."""

    def __init__(self, message: str, code: int = EXIT_USAGE) -> None:
        super().__init__(message)
        self.code = code


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        print(f"metodesk: {message}", file=sys.stderr)
        raise SystemExit(EXIT_USAGE)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="metodesk", description="metodesk: the methodical office of a school.")
    parser.add_argument("--version", action="version", version=f"metodesk {__version__}")
    parser.add_argument("--data-dir", metavar="DIR", help="data folder (default: the per-user data folder)")
    parser.add_argument("--lang", choices=("kk", "ru", "en"), help="language of the interface")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    listing = commands.add_parser("list", help="print records, one per line").add_subparsers(
        dest="what", metavar="WHAT", required=True, parser_class=_Parser
    )
    exporting = commands.add_parser("export", help="write a document").add_subparsers(
        dest="document", metavar="DOCUMENT", required=True, parser_class=_Parser
    )
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(commands, listing, exporting)
    return parser


def run_command(args: argparse.Namespace) -> int:
    """Run a parsed sub-command; turn the errors users cause into one sentence."""
    from metodesk.domain.errors import DomainError, StorageError

    if args.data_dir:
        paths.set_data_dir(args.data_dir)
    set_language(config.resolve_language(args.lang))
    handler: Callable[[argparse.Namespace], int] = args.handler
    try:
        return handler(args)
    except CommandError as exc:
        print(f"metodesk: {exc}", file=sys.stderr)
        return exc.code
    except (DomainError, StorageError) as exc:
        print(f"metodesk: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        return EXIT_OK  # the reader (e.g. `head`) stopped listening; nothing to report
    except OSError as exc:
        print(
            "metodesk: "
            + _("Cannot write or read {path}: {reason}.").format(
                path=exc.filename or "", reason=exc.strerror or exc
            ),
            file=sys.stderr,
        )
        return EXIT_USAGE


def open_db(create: bool = True) -> Database:
    """The data folder's database, migrated, with the default seeds in place."""
    from metodesk.services.setup import prepare_database

    if create:
        paths.ensure_data_dir()
    elif not paths.database_path().exists():
        raise CommandError(_("There is no metodesk database in {path}.").format(path=paths.data_dir()))
    return prepare_database(paths.database_path())
