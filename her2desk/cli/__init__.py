"""The `her2desk` command: one entry point for the GUI and every sub-command.

Sub-commands live in their own modules and register themselves here; `her2desk` with no sub-command
opens the desktop program. Exit status: 0 success, 1 a failed check or a database busy for too long
(one line saying so), 2 invalid input or usage.

Every command writes to the log file (`her2desk.app_logging`, level from `--log-level`): its start, its
end with the exit status, and an unexpected error's traceback. An unexpected error (one no handler turns
into a message: a defect, or something nobody foresaw) prints ONE line, "her2desk: unexpected error
(ValueError). Details were written to /path/her2desk.log", and exits 1; the expected problems (bad input,
an unusable database) keep their own messages and exit statuses, since their handlers print them and
return. A reader that goes away (`her2desk export --format csv | head -1`) ends the command quietly with
exit status 141, as a shell reports a writer stopped by SIGPIPE.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from typing import NoReturn

from her2desk import app_logging
from her2desk.app_logging import DEFAULT_LEVEL, LEVELS
from her2desk.cli.parser import Her2deskParser


def _command_modules() -> list:
    """Every sub-command's module; those whose layers may not be installed yet in a given build are
    registered when present."""
    import importlib

    from her2desk.cli import interpret_command

    found: list = [interpret_command]
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
    parser = _root_parser(Her2deskParser)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in _command_modules():
        module.register(sub, parser)
    return parser


def _root_parser(kind: type[Her2deskParser], *, whole: bool = True) -> Her2deskParser:
    """The options given before any sub-command (the desktop program's own are `gui_command`'s); not
    `whole`: without --help and abbreviations, for `_desktop_start`."""
    parser = kind(
        prog="her2desk",
        description="Record, interpret, store and explain HER2 tumour-marker results.",
        add_help=whole,
        allow_abbrev=whole,
    )
    parser.add_argument("--version", action=_VersionAction, nargs=0, help="show the version and exit")
    parser.add_argument(
        "--database",
        metavar="URL",
        default=None,
        help="database to use: an SQLite file path or a postgresql+psycopg:// URL "
        "(default: $HER2DESK_DATABASE_URL, else the embedded SQLite file)",
    )
    parser.add_argument(
        "--log-level",
        choices=list(LEVELS),
        default=DEFAULT_LEVEL,
        help="how much to write to the log file (default: %(default)s); the file is her2desk.log in the "
        "user log folder, or in $HER2DESK_LOG_DIR. It never holds patient data",
    )
    return parser


class _NotADesktopStartError(Exception):
    """The command line is not a plain start of the desktop program: the whole parser decides."""


class _DesktopStartParser(Her2deskParser):
    def error(self, message: str) -> NoReturn:
        raise _NotADesktopStartError(message)


def _desktop_start(argv: Sequence[str] | None) -> tuple[argparse.ArgumentParser, argparse.Namespace] | None:
    """The parser and arguments of a start of the desktop program (no sub-command, only the root's options,
    no help asked for), parsed by the root parser alone; None for anything else. Building every
    sub-command's parser costs ~20 ms of a start-up that uses none of them. Whatever the root parser
    alone does not accept (a sub-command, --help, a mistake) is parsed again by the whole parser, so
    help, errors and their exit status are the whole parser's."""
    from her2desk.cli import gui_command

    parser = _root_parser(_DesktopStartParser, whole=False)
    gui_command.register(None, parser)
    try:
        args, rest = parser.parse_known_args(argv)
    except (_NotADesktopStartError, argparse.ArgumentError):
        return None
    if rest:
        return None
    args.command = None  # as the whole parser says when no sub-command is given
    return parser, args


def main(argv: Sequence[str] | None = None) -> int:
    started = _desktop_start(argv)
    if started is not None:
        parser, args = started
    else:
        parser = build_parser()
        args = parser.parse_args(argv)
    handler = getattr(args, "handler", None)
    if handler is None:
        default = getattr(parser, "default_handler", None)
        if default is None:
            parser.print_help()
            return 0
        handler = default
    command = command_name(args)
    level = getattr(args, "log_level", DEFAULT_LEVEL)
    if command == "gui":
        app_logging.configure_deferred(level)  # the file opens after the first paint (gui.app.run)
    else:
        app_logging.configure(level)
    _log_start(command, args)
    status: int | None = None
    try:
        status = _run(handler, args, command)
        return status
    finally:
        _log_stop(command, status)
        app_logging.shutdown()


def _run(handler: Callable[[argparse.Namespace], int | None], args: argparse.Namespace, command: str) -> int:
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
        return unexpected_error(error, command)


def command_name(args: argparse.Namespace) -> str:
    """'export', 'db check', 'users add'...; 'gui' for the desktop program (no sub-command)."""
    command = getattr(args, "command", None)
    if command is None:
        return "gui"
    action = getattr(args, f"{command}_command", None)
    return f"{command} {action}" if action else str(command)


def unexpected_error(error: Exception, command: str) -> int:
    """One line on stderr naming the error's type and the log file; the traceback goes to the log
    (with the message withheld: `app_logging`). Exit status 1."""
    app_logging.log.error("unexpected error in command %r", command, exc_info=error)
    path = app_logging.current_path()
    where = f"Details were written to {path}" if path is not None else "No log file could be written"
    print(f"her2desk: unexpected error ({type(error).__name__}). {where}", file=sys.stderr)
    return 1


def _log_start(command: str, args: argparse.Namespace) -> None:
    # The desktop program's start-up is timed, and reading the version costs ~30 ms (importlib.metadata):
    # its version is written when it stops (and in a crash report), the other commands' at once.
    version = "" if command == "gui" else f" {_version()}"
    app_logging.log.info(
        "her2desk%s started: command %r, database %s, log level %s",
        version,
        command,
        app_logging.database_kind(getattr(args, "database", None)),
        getattr(args, "log_level", DEFAULT_LEVEL),
    )


def _log_stop(command: str, status: int | None) -> None:
    ended = "an exception" if status is None else f"exit status {status}"
    app_logging.log.info("her2desk %s stopped: command %r, %s", _version(), command, ended)


def _version() -> str:
    import her2desk

    return str(her2desk.__version__)


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
