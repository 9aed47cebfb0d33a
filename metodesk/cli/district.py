"""The district server's commands: ``metodesk district add-user``."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from metodesk.cli import EXIT_OK, CommandError, _Parser, on_server, open_db, positive_number
from metodesk.i18n import _

if TYPE_CHECKING:
    from metodesk.cli import Subcommands


def register(commands: Subcommands, listing: Subcommands, exporting: Subcommands) -> None:
    district = commands.add_parser("district", help="logins on a district server (PostgreSQL)")
    actions = district.add_subparsers(dest="action", metavar="ACTION", required=True, parser_class=_Parser)
    add = actions.add_parser(
        "add-user", help="create a login that sees and changes only one organisation's records"
    )
    target = add.add_mutually_exclusive_group(required=True)
    target.add_argument("--organisation", type=positive_number, metavar="ID", help="the school the login belongs to")
    target.add_argument("--district", action="store_true", help="a district methodist, who sees every school")
    add.add_argument("--login", required=True, metavar="NAME", help="the PostgreSQL login to create")
    add.add_argument(
        "--password-stdin", action="store_true", help="read the login's password from the first line of stdin"
    )
    add.set_defaults(handler=cmd_add_user)


def cmd_add_user(args: argparse.Namespace) -> int:
    from metodesk.storage.district import add_login, check_login

    if not on_server():
        raise CommandError(
            _("Logins exist only on a database server: give one with --database postgresql://…")
        )
    check_login(args.login)
    password = None
    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
        if not password:
            raise CommandError(_("The first line of stdin was empty; no password was given."))
    db = open_db()
    try:
        new = add_login(db.engine, args.login, None if args.district else args.organisation, password)
    finally:
        db.close()
    if args.district:
        message = _("The login {login} is a district methodist: it sees every school.")
    else:
        message = _("The login {login} sees and changes only organisation {id}.")
    print(message.format(login=args.login, id=args.organisation))
    if new and password is None:
        print(
            _("It has no password yet: set one on the server (in psql: \\password {login}).").format(
                login=args.login
            )
        )
    return EXIT_OK
