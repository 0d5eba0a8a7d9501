"""Tools ▸ Lab settings… and Tools ▸ Users… (issue 5); see `gui.features`.

Lab settings open for everyone (read-only unless the signed-in user is an administrator); Users is
offered only to an administrator. Both are re-checked when the Tools menu opens, because the window's
user changes with File ▸ Switch user, and again by the services, which read the role from the database.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction

from her2desk.domain.workflow import Role

if TYPE_CHECKING:
    from her2desk.gui.main_window import MainWindow

USERS_FOR_ADMINISTRATORS = "Only an administrator manages users; sign in as one (File ▸ Switch user)"


def _is_administrator(window: MainWindow) -> bool:
    return window.actor is not None and window.actor.role is Role.ADMINISTRATOR


def open_lab_settings(window: MainWindow) -> None:
    from her2desk.gui import settings_dialog
    from her2desk.services.lab_settings_service import LabSettingsService

    service = window._read(
        lambda: LabSettingsService(window.service.database), "The lab settings could not be read"
    )
    if service is None:
        return
    # Built inside _read: loading the settings may meet a database problem, shown in words.
    window._read(
        lambda: settings_dialog.show_lab_settings(service, window.actor, window, window.show_message),
        "The lab settings could not be read",
    )
    window.lab_settings_changed()  # e.g. a new idle-lock time: in use at once
    watch = getattr(window, "rule_watch", None)
    if watch is not None:
        watch.reread()  # changed rules: the open case is interpreted with them at once


def open_users(window: MainWindow) -> None:
    if not _is_administrator(window) or window.actor is None:
        window.show_message(USERS_FOR_ADMINISTRATORS)
        return
    from her2desk.gui import users_dialog
    from her2desk.services.auth_service import AuthService

    actor = window.actor
    window._read(
        lambda: users_dialog.show_users(
            AuthService(window.service.database), actor, window, window.show_message
        ),
        "The users could not be read",
    )


def _refresh(window: MainWindow, users: QAction) -> None:
    allowed = _is_administrator(window)
    users.setEnabled(allowed)
    users.setStatusTip("Add users, deactivate them, reset passwords" if allowed else USERS_FOR_ADMINISTRATORS)


def install(window: MainWindow) -> None:
    """Add Tools ▸ Lab settings… and Tools ▸ Users…."""
    tools = window.menus["tools"]
    settings = QAction("Lab &settings…", window)
    settings.setStatusTip("The lab's settings for every workstation (changed by an administrator)")
    settings.triggered.connect(lambda: open_lab_settings(window))
    users = QAction("&Users…", window)
    users.triggered.connect(lambda: open_users(window))
    tools.addSeparator()
    tools.addAction(settings)
    tools.addAction(users)
    tools.aboutToShow.connect(lambda: _refresh(window, users))
    _refresh(window, users)
