"""The command line: the same services as the window, without one.

Each area registers its sub-commands in its own module; ``COMMAND_MODULES``
lists them. Every command exits 0 on success, 1 when a check fails, 2 for
wrong input (one clear sentence on stderr, never a traceback).
"""

from __future__ import annotations

import argparse
import importlib
import logging
import re
import sys
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager, nullcontext
from typing import TYPE_CHECKING, Any

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
    "metodesk.cli.growth",
    "metodesk.cli.council",
    "metodesk.cli.district",
    "metodesk.cli.copy",
    "metodesk.cli.documents",
)

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


class CommandError(Exception):
    """A sentence for the user and an exit code; raised by command handlers."""

    def __init__(self, message: str, code: int = EXIT_USAGE) -> None:
        super().__init__(message)
        self.code = code


# The largest number a command takes (an id, a meeting's number, a count of
# years): far beyond any record, far inside what SQLite and Python's dates hold.
MAX_NUMBER = 2**31 - 1

_log = logging.getLogger(__name__)


def whole_number(text: str) -> int:
    """An argument given as a whole number (``type=int`` in every parser
    means this): refused with a sentence when it is not one, or too large."""
    try:
        value = int(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("“{value}” is not a whole number.").format(value=_shown(text))
        ) from None
    if not -MAX_NUMBER <= value <= MAX_NUMBER:
        raise argparse.ArgumentTypeError(
            _("{value} is far larger than any number metodesk keeps.").format(value=_shown(text))
        )
    return value


def positive_number(text: str) -> int:
    """An id or a count: a whole number from 1 to ``MAX_NUMBER``."""
    try:
        value = int(text.strip())
    except ValueError:
        value = 0
    if not 1 <= value <= MAX_NUMBER:
        raise argparse.ArgumentTypeError(
            _("{value} is not a whole number above zero.").format(value=_shown(text))
        ) if value < 1 else argparse.ArgumentTypeError(
            _("{value} is far larger than any number metodesk keeps.").format(value=_shown(text))
        )
    return value


def _shown(text: str, limit: int = 40) -> str:
    """An argument as it may appear in a sentence: short, no control characters."""
    cleaned = "".join(ch if ch.isprintable() else "\ufffd" for ch in text[: limit + 1])
    return cleaned if len(cleaned) <= limit else cleaned[: limit - 1] + "…"


def _safe_output() -> None:
    """Whatever an argument or a record holds (a lone surrogate from a file
    name that is not UTF-8), printing it never fails: it is escaped."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            try:
                reconfigure(errors="backslashreplace")
            except (ValueError, OSError):
                pass


def _early_options(argv: Sequence[str]) -> None:
    """--data-dir and --lang before the parser runs, so its own errors come
    in the user's language (the saved one lives in the data folder)."""
    values: dict[str, str] = {}
    rest = list(argv)
    while rest:
        token = rest.pop(0)
        name, has_value, value = token.partition("=")
        if name not in ("--data-dir", "--lang", "--database"):
            break
        if not has_value:
            if not rest:
                break
            value = rest.pop(0)
        values[name] = value
    if values.get("--data-dir", "").strip():
        try:
            paths.set_data_dir(values["--data-dir"])
        except (OSError, ValueError):
            pass
    choice = values.get("--lang")
    try:
        set_language(config.resolve_language(choice if choice in ("kk", "ru", "en") else None))
    except (OSError, ValueError):
        pass


_UNKNOWN = re.compile(r"^unrecognized arguments: (?P<what>.*)$", re.S)
_REQUIRED = re.compile(r"^the following arguments are required: (?P<what>.*)$", re.S)
_CHOICE = re.compile(r"^argument (?P<arg>[^:]+): invalid choice: (?P<value>.*?) \(choose from (?P<choices>.*)\)$", re.S)
_ONE_VALUE = re.compile(r"^argument (?P<arg>[^:]+): expected one argument$", re.S)
_INVALID = re.compile(r"^argument (?P<arg>[^:]+): invalid \S+ value: (?P<value>.*)$", re.S)
_TOGETHER = re.compile(r"^argument (?P<arg>[^:]+): not allowed with argument (?P<other>.*)$", re.S)
_AMBIGUOUS = re.compile(r"^ambiguous option: (?P<arg>\S+)", re.S)
_ARGUMENT = re.compile(r"^argument (?P<arg>[^:]+): (?P<problem>.*)$", re.S)


def usage_sentence(prog: str, message: str) -> str:
    """One sentence in the user's language for an error argparse found
    (an unknown option, a missing argument, a wrong choice or number)."""
    help_hint = _("See “{prog} --help”.").format(prog=prog)
    found = _UNKNOWN.match(message)
    if found:
        return _("“{what}” is not an option or argument metodesk knows here. {hint}").format(
            what=_shown(found["what"]), hint=help_hint
        )
    found = _REQUIRED.match(message)
    if found:
        return _("This command needs {what}. {hint}").format(what=_shown(found["what"], 80), hint=help_hint)
    found = _CHOICE.match(message)
    if found:
        return _("{value} is not one of {choices} for {arg}. {hint}").format(
            value=_shown(found["value"]), choices=_shown(found["choices"], 200), arg=found["arg"], hint=help_hint
        )
    found = _ONE_VALUE.match(message)
    if found:
        return _("{arg} needs a value after it. {hint}").format(arg=found["arg"], hint=help_hint)
    found = _INVALID.match(message)
    if found:
        return _("{value} is not a valid value for {arg}. {hint}").format(
            value=_shown(found["value"]), arg=found["arg"], hint=help_hint
        )
    found = _TOGETHER.match(message)
    if found:
        return _("{arg} cannot be given together with {other}. {hint}").format(
            arg=found["arg"], other=found["other"], hint=help_hint
        )
    found = _AMBIGUOUS.match(message)
    if found:
        return _("“{arg}” could mean more than one option; write it in full. {hint}").format(
            arg=_shown(found["arg"]), hint=help_hint
        )
    found = _ARGUMENT.match(message)
    if found:
        return _("{arg}: {problem} {hint}").format(arg=found["arg"], problem=found["problem"], hint=help_hint)
    return _("The command line is not right ({problem}). {hint}").format(problem=_shown(message, 120), hint=help_hint)


class _Parser(argparse.ArgumentParser):
    """argparse with metodesk's manners: a number argument is range-checked,
    and every mistake is one sentence in the user's language with exit 2."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.register("type", int, whole_number)

    def error(self, message: str) -> None:  # type: ignore[override]
        print(f"metodesk: {usage_sentence(self.prog, message)}", file=sys.stderr)
        raise SystemExit(EXIT_USAGE)

    def parse_args(self, args: Sequence[str] | None = None, namespace: Any = None) -> Any:  # type: ignore[override]
        argv = sys.argv[1:] if args is None else list(args)
        _safe_output()
        _early_options(argv)
        parsed = super().parse_args(argv, namespace)
        data_dir = getattr(parsed, "data_dir", None)
        if data_dir is not None and not data_dir.strip():
            self.error_sentence(
                _("--data-dir needs a folder; it was given an empty one (leave --data-dir out for the usual folder).")
            )
        return parsed

    def error_sentence(self, sentence: str) -> None:
        print(f"metodesk: {sentence}", file=sys.stderr)
        raise SystemExit(EXIT_USAGE)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="metodesk", description="metodesk: the methodical office of a school.")
    parser.add_argument("--version", action="version", version=f"metodesk {__version__}")
    parser.add_argument("--data-dir", metavar="DIR", help="data folder (default: the per-user data folder)")
    parser.add_argument("--lang", choices=("kk", "ru", "en"), help="language of the interface")
    parser.add_argument(
        "--database",
        metavar="URL",
        help="a PostgreSQL server instead of the data folder's file, e.g. postgresql://user@host/district "
        "(default: METODESK_DATABASE_URL, else the data folder)",
    )
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
    from sqlalchemy.exc import OperationalError

    from metodesk.domain.errors import DomainError, StorageError

    _safe_output()
    if args.data_dir is not None:
        if not args.data_dir.strip():
            print(
                "metodesk: "
                + _("--data-dir needs a folder; it was given an empty one (leave --data-dir out for the usual folder)."),
                file=sys.stderr,
            )
            return EXIT_USAGE
        paths.set_data_dir(args.data_dir)
    set_language(config.resolve_language(args.lang))
    database = getattr(args, "database", None)
    paths.set_database_url(None)  # this command's own choice, or METODESK_DATABASE_URL, or the file
    if database is not None:
        from metodesk.storage.server import is_server_url

        if not is_server_url(database):
            print(
                "metodesk: "
                + _(
                    "--database needs a server address such as postgresql://user@host/district; "
                    "“{value}” is not one."
                ).format(value=_shown(database)),
                file=sys.stderr,
            )
            return EXIT_USAGE
        paths.set_database_url(database)
    handler: Callable[[argparse.Namespace], int] = args.handler
    try:
        return handler(args)
    except KeyboardInterrupt:
        print("metodesk: " + _("Stopped; nothing more was done."), file=sys.stderr)
        return EXIT_USAGE
    except CommandError as exc:
        print(f"metodesk: {exc}", file=sys.stderr)
        return exc.code
    except (DomainError, StorageError) as exc:
        print(f"metodesk: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        return EXIT_OK  # the reader (e.g. `head`) stopped listening; nothing to report
    except OSError as exc:
        from metodesk.files import FileWriteError

        if isinstance(exc, FileWriteError):  # its own sentence: the file and the reason, translated
            print(f"metodesk: {exc}", file=sys.stderr)
            return EXIT_USAGE
        print(
            "metodesk: "
            + _("Cannot write or read {path}: {reason}.").format(
                path=exc.filename or "", reason=exc.strerror or exc
            ),
            file=sys.stderr,
        )
        return EXIT_USAGE
    except OperationalError as exc:
        _log.warning("database busy or unreadable", exc_info=True)
        if "locked" in str(exc):
            sentence = _(
                "The database in {path} is busy with another metodesk command; try again when it has finished."
            )
        else:
            sentence = _("The database in {path} cannot be used: it is damaged or not a metodesk database.")
        print("metodesk: " + sentence.format(path=paths.data_dir()), file=sys.stderr)
        return EXIT_USAGE
    except Exception as exc:  # the last line of defence: a sentence, the details in the log
        _log.error("command failed", exc_info=True)
        print(
            "metodesk: "
            + _("The command could not be carried out ({reason}); nothing was changed.").format(
                reason=_shown(f"{type(exc).__name__}: {exc}", 160)
            ),
            file=sys.stderr,
        )
        return EXIT_USAGE


def on_server() -> bool:
    """True when the commands work on a PostgreSQL server (``--database``,
    ``METODESK_DATABASE_URL``) rather than the data folder's file."""
    return paths.database_url() is not None


def data_folder_lock() -> AbstractContextManager[Any]:
    """The data folder's lock for a command that must be alone on the SQLite
    file; on a server there is no file to guard (the server keeps its own
    locks), so a lock that holds nothing."""
    from metodesk.storage.lock import DataFolderLock

    return nullcontext() if on_server() else DataFolderLock(paths.data_dir())


def open_db(create: bool = True) -> Database:
    """The database in use, migrated, with the default seeds in place: the
    server named by ``--database`` / ``METODESK_DATABASE_URL``, else the data
    folder's file."""
    from metodesk.services.setup import prepare_database

    url = paths.database_url()
    if url is not None:
        return prepare_database(url)
    if create:
        paths.ensure_data_dir()
    elif not paths.database_path().exists():
        raise CommandError(_("There is no metodesk database in {path}.").format(path=paths.data_dir()))
    return prepare_database(paths.database_path())
