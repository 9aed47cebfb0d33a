"""``metodesk export KIND …`` for every kind in the documents registry, and
``metodesk export year`` for all of a year's documents at once.

    metodesk export protocol --association ID --number N [--year 2025-2026] [--lang kk|ru] --out FILE.pdf|FILE.docx
    metodesk export plan --association ID [--year 2025-2026] [--for-approval] … --out FILE.pdf|FILE.docx
    metodesk export attestation-list --year 2025-2026 … --out FILE.pdf|FILE.docx|FILE.xlsx
    metodesk export year --year 2025-2026 [--association ID | --organisation ID] [--format pdf|docx]
                         [--lang kk|ru] --out FOLDER

Each kind's options come from the kind itself (``DocumentKind.options``); the
format is the ``--out`` file's ending, checked against the formats the kind
has before anything is read. Without --lang a document is written in the print
language chosen in the settings.
"""

from __future__ import annotations

import argparse
import functools
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from metodesk.cli import EXIT_OK, CommandError, open_db, positive_number
from metodesk.i18n import _, ngettext

if TYPE_CHECKING:
    from metodesk.cli import Subcommands
    from metodesk.documents.base import DocumentKind, Option


def _argument_type(option: Option) -> Callable[[str], Any] | None:
    """The argparse ``type`` of an option: its own parser, or the shared one of
    its kind; a ValueError's sentence becomes argparse's one-line error."""
    parse = option.parse
    if parse is None and option.kind == "id":
        return positive_number
    if parse is None:
        return None

    def checked(text: str) -> Any:
        try:
            return parse(text)
        except ValueError as exc:
            raise argparse.ArgumentTypeError(str(exc)) from exc

    return checked


def _add_options(parser: argparse.ArgumentParser, kind: DocumentKind[Any]) -> None:
    for option in kind.options:
        flag = "--" + option.name
        if option.kind == "flag":
            parser.add_argument(flag, dest=option.key, action="store_true", help=option.help)
            continue
        extra: dict[str, Any] = {}
        argument_type = _argument_type(option)
        if argument_type is not None:
            extra["type"] = argument_type
        parser.add_argument(
            flag,
            dest=option.key,
            required=option.required,
            default=option.default,
            metavar=option.metavar or None,
            help=option.help,
            **extra,
        )


def _language_argument(parser: argparse.ArgumentParser) -> None:
    # dest differs from the window's --lang: this one is the document's language.
    parser.add_argument("--lang", dest="print_lang", choices=("kk", "ru"), help="language of the document")


def register(commands: Subcommands, listing: Subcommands, exporting: Subcommands) -> None:
    from metodesk.documents.registry import KINDS

    for kind in KINDS:
        parser = exporting.add_parser(kind.key, help=kind.summary)
        _add_options(parser, kind)
        _language_argument(parser)
        endings = "|".join("FILE" + fmt.suffix for fmt in kind.formats)
        parser.add_argument("--out", required=True, metavar=endings, help="where to write the document")
        parser.set_defaults(handler=functools.partial(cmd_export_kind, kind.key))

    year = exporting.add_parser("year", help="every document of an academic year, one file each, into a folder")
    year.add_argument("--year", required=True, metavar="YEAR", help="academic year, e.g. 2025-2026")
    year.add_argument("--association", type=positive_number, metavar="ID", help="one association (default: all)")
    year.add_argument(
        "--organisation", type=positive_number, metavar="ID", help="one organisation of a district (default: all)"
    )
    year.add_argument(
        "--format", dest="file_format", choices=("pdf", "docx"), default="pdf", help="pdf (default) or docx"
    )
    _language_argument(year)
    year.add_argument("--out", required=True, metavar="FOLDER", help="the folder to write the documents to")
    year.set_defaults(handler=cmd_export_year)


def _suffixes(kind: DocumentKind[Any]) -> tuple[str, ...]:
    return tuple(fmt.suffix for fmt in kind.formats)


def cmd_export_kind(key: str, args: argparse.Namespace) -> int:
    """Read the document the options name, build it in the ``--out`` file's
    format and language, write it whole."""
    from metodesk.cli.output import output_path, write_output
    from metodesk.documents.base import Format
    from metodesk.documents.registry import kind as kind_for
    from metodesk.services import settings

    kind = kind_for(key)
    out = output_path(args.out, _suffixes(kind))
    fmt = Format.for_path(out) or Format.PDF
    request = {option.key: getattr(args, option.key) for option in kind.options}
    db = open_db(create=False)
    try:
        with db.reading() as session:
            data = kind.read(session, request)
            lang = args.print_lang or settings.print_language(session)
    finally:
        db.close()
    return write_output(out, kind.build(data, lang, fmt))


def _folder(value: str) -> Path:
    """``--out`` for the year's documents: a folder (made when missing), never
    a file or one of metodesk's own."""
    from metodesk.cli.output import check_output
    from metodesk.files import as_write_error

    folder = Path(value).expanduser()
    if folder.exists() and not folder.is_dir():
        raise CommandError(_("{path} is a file; give a folder for the documents.").format(path=folder))
    check_output(folder)
    if not folder.exists():
        try:
            folder.mkdir(parents=True)
        except OSError as exc:
            raise as_write_error(exc, folder) from exc
    return folder


def cmd_export_year(args: argparse.Namespace) -> int:
    from metodesk.documents import batch
    from metodesk.documents.base import Format
    from metodesk.services import associations, organisations, settings, years

    folder = _folder(args.out)
    fmt = Format(args.file_format)
    db = open_db(create=False)
    try:
        with db.reading() as session:
            year = years.year_by_name(session, args.year)
            if args.association is not None:
                row = associations.get_detail(session, args.association).row  # a sentence for a wrong id
                if row.year_id != year.id:
                    raise CommandError(
                        _("The association {id} belongs to the year {year}, not {asked}.").format(
                            id=row.id, year=row.year_name, asked=year.name
                        )
                    )
            if args.organisation is not None:
                if args.association is not None:
                    raise CommandError(_("Give --association or --organisation, not both."))
                organisations.get_organisation(session, args.organisation)  # a sentence for a wrong id
            lang = args.print_lang or settings.print_language(session)
            if not batch.documents(session, year.id, None, lang, fmt, args.association, args.organisation):
                raise CommandError(_("The year {year} has no documents to write.").format(year=year.name))
        result = batch.export_documents(
            db, year.id, lang, None, folder, fmt=fmt, association_id=args.association, organisation_id=args.organisation
        )
    finally:
        db.close()
    print(
        ngettext(
            "{count} document written to {folder}.", "{count} documents written to {folder}.", result.count
        ).format(count=result.count, folder=result.folder)
    )
    return EXIT_OK
