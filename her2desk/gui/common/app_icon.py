"""The program's identity on the desktop: its window icon and the name of its .desktop entry.

The icon is the set of PNGs rendered from resources/icons/her2desk.svg (scripts/make-icons.py); PNGs
rather than the SVG so no SVG plugin has to be found at start-up, in a source tree or a frozen build.
The desktop file name lets a Wayland compositor or a task bar match the running window to
packaging/linux's entry, org.her2desk.Her2Desk.desktop (the reverse-DNS id the AppStream metadata names),
and show the same icon, which is installed under the icon name "her2desk".
"""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication, QIcon

from her2desk.handout.resources import ResourcesNotFoundError, resource_file

ICON_SIZES = (16, 32, 48, 64, 128, 256, 512)
DESKTOP_FILE_NAME = "org.her2desk.Her2Desk"  # packaging/linux/<this>.desktop


def application_icon() -> QIcon:
    """Every shipped size of the icon; an empty icon (Qt's default) if the files are missing."""
    icon = QIcon()
    for size in ICON_SIZES:
        try:
            icon.addFile(str(resource_file("icons", f"her2desk-{size}.png")))
        except ResourcesNotFoundError:
            continue  # an incomplete installation still starts, with the platform's default icon
    return icon


def set_application_identity() -> None:
    """The icon of every window and the .desktop entry's name: once the application exists, before its
    first window."""
    QGuiApplication.setWindowIcon(application_icon())
    QGuiApplication.setDesktopFileName(DESKTOP_FILE_NAME)
