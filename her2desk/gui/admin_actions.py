"""(being written) menu actions of one feature; see `gui.features`."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from her2desk.gui.main_window import MainWindow


def install(window: MainWindow) -> None:
    """Add this feature's actions to the window's menus."""
