"""Handlers imported on first use, so building the parser stays cheap.

`her2desk` parses its whole command line before it knows which command runs; importing every
command's implementation (SQLAlchemy, reportlab) at that point would slow down the GUI's cold start and
`her2desk interpret` for nothing.
"""

from __future__ import annotations

import argparse
import importlib
from collections.abc import Callable


def lazy_handler(module: str, name: str) -> Callable[[argparse.Namespace], int]:
    def run(args: argparse.Namespace) -> int:
        return getattr(importlib.import_module(module), name)(args)

    run.__qualname__ = run.__name__ = f"lazy:{module}.{name}"
    return run
