"""Menu actions that say why they are disabled (shared by the feature folders)."""

from __future__ import annotations

from PySide6.QtGui import QAction


def enable_with_reason(action: QAction, enabled: bool, why: str) -> None:
    """Enable `action`, or disable it with `why` as its tip and status tip (a greyed item that does not
    say why leaves the user guessing)."""
    action.setEnabled(enabled)
    action.setToolTip(action.text().replace("&", "").rstrip("…") if enabled else why)
    action.setStatusTip("" if enabled else why)
