"""The `her2desk` command: one entry point for the GUI and every sub-command.

Sub-commands live in their own modules and register themselves here; `her2desk` with no sub-command
opens the desktop program. Exit status: 0 success, 1 a failed check or a database busy for too long
(one line saying so), 2 invalid input or usage.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from her2desk.cli import interpret_command
from her2desk.cli.parser import Her2deskParser

COMMAND_MODULES = [interpret_command]


def _optional_modules() -> list:
    """Commands whose layers may not be installed yet in a given build are registered when present."""
    import importlib

    found = []
    for name in (
        "her2desk.cli.data_commands",
        "her2desk.cli.gui_command",
        "her2desk.cli.handout_command",
        "her2desk.cli.report_command",
        "her2desk.cli.user_commands",
        "her2desk.cli.settings_commands",
    ):
        try:
            found.append(importlib.import_module(name))
        except ModuleNotFoundError as error:
            if error.name != name:
                raise
    return found


class _VersionAction(argparse.Action):
    """Like argparse's version action, but reads the version only when asked (start-up speed)."""

    def __call__(self, parser: argparse.ArgumentParser, *_: object) -> None:
        import her2desk

        print(f"her2desk {her2desk.__version__}")
        parser.exit()


def build_parser() -> argparse.ArgumentParser:
    # Every sub-command's parser is a Her2deskParser too (argparse uses the root parser's class):
    # an option given twice is refused rather than the last one silently kept.
    parser = Her2deskParser(
        prog="her2desk",
        description="Record, interpret, store and explain HER2 tumour-marker results.",
    )
    parser.add_argument("--version", action=_VersionAction, nargs=0, help="show the version and exit")
    parser.add_argument(
        "--database",
        metavar="URL",
        default=None,
        help="database to use: an SQLite file path or a postgresql+psycopg:// URL "
        "(default: $HER2DESK_DATABASE_URL, else the embedded SQLite file)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in [*COMMAND_MODULES, *_optional_modules()]:
        module.register(sub, parser)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    handler = getattr(args, "handler", None)
    if handler is None:
        default = getattr(parser, "default_handler", None)
        if default is None:
            parser.print_help()
            return 0
        handler = default
    try:
        status = int(handler(args) or 0)
        sys.stdout.flush()  # here, not at exit: a reader that went away is handled below
        return status
    except KeyboardInterrupt:
        print("her2desk: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return _reader_went_away()
    except Exception as error:
        from her2desk.store.errors import DatabaseBusyError  # no SQLAlchemy: start-up stays fast

        if isinstance(error, DatabaseBusyError):  # another workstation held the lock too long
            print(f"her2desk: {error}", file=sys.stderr)
            return 1
        raise


SIGPIPE_EXIT = 141  # 128 + SIGPIPE, what a shell reports for a writer whose reader stopped


def _reader_went_away() -> int:
    """`her2desk export --format csv | head`: the reader stopped early, which is not an error worth a
    traceback. Standard output is pointed at the null device so the interpreter's final flush of what
    is still buffered does not fail again; the exit status is the shell's for SIGPIPE."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # no real descriptor behind sys.stdout
        pass
    return SIGPIPE_EXIT
