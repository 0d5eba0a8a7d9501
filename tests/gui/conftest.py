"""GUI tests run offscreen; without PySide6 installed (the headless CI job) they are not collected."""

from __future__ import annotations

import importlib.util
import os

if not os.environ.get("QT_QPA_PLATFORM"):
    os.environ["QT_QPA_PLATFORM"] = "offscreen"  # before any Qt import; never a real display


def _qt_installed() -> bool:
    try:
        return importlib.util.find_spec("PySide6") is not None
    except ImportError:
        return False


if not _qt_installed():
    collect_ignore_glob = ["*.py"]
else:
    from support.qt_fixtures import *  # noqa: F403
