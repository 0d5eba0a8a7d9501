"""`her2desk` with no sub-command opens the desktop program; `--demo` opens the demo database.

PySide6 is imported only inside the handler, so `her2desk interpret` and the other commands never
load Qt.
"""

from __future__ import annotations

import argparse
import os
import sys


def register(_sub: argparse._SubParsersAction | None, root: argparse.ArgumentParser) -> None:
    root.add_argument(
        "--demo",
        action="store_true",
        help="open the demo database of synthetic cases (created on first use in the user data "
        "directory unless --database names one); refuses a database of real cases",
    )
    root.add_argument(
        "--quit-after-paint",
        action="store_true",
        help="exit right after the first paint of the populated worklist, or of the sign-in dialog of a "
        "database that needs a sign-in (start-up benchmarks)",
    )
    # read back with getattr by her2desk.cli.main: the command when no sub-command is given
    root.default_handler = run  # type: ignore[attr-defined]


def run(args: argparse.Namespace) -> int:
    from her2desk.gui.app import run as run_gui

    quit_after_paint = bool(getattr(args, "quit_after_paint", False))
    code = run_gui(
        getattr(args, "database", None),
        demo=bool(getattr(args, "demo", False)),
        quit_after_paint=quit_after_paint,
    )
    if quit_after_paint:
        # Timed start-ups end at the first paint: leave without waiting for background reads
        # (the worklist count) to finish. Nothing is being written at this point, but the log file,
        # opened after the paint (or only now), gets what was logged so far.
        from her2desk import app_logging

        app_logging.shutdown()
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
    return code
