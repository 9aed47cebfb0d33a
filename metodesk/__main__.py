"""argv → the window or a command; nothing else."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if "--smoke" in argv:
        # Hidden: the frozen program's self-check (open, fill, export, quit).
        from metodesk.smoke import run_smoke

        return run_smoke()
    from metodesk.cli import build_parser, run_command

    args = build_parser().parse_args(argv)
    if getattr(args, "command", None):
        return run_command(args)
    from metodesk.app import run_app

    return run_app(args)


if __name__ == "__main__":
    sys.exit(main())
