"""Tools ▸ Lab settings…, Tools ▸ Users… and Tools ▸ Check the record… ; see `gui.shell.host`.

Lab settings open for everyone (read-only unless the signed-in user is an administrator); Users is
offered only to an administrator. Both are re-checked when the Tools menu opens, because the window's
user changes with File ▸ Switch user, and again by the services, which read the role from the database.
Check the record (administrators) runs `db check`'s tamper-evidence walk in the background and shows
its result: ok with the head digest, or the first broken link and the cases changed behind its back.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox

from her2desk.domain.workflow import Role
from her2desk.gui.common.translation import QT_TRANSLATE_NOOP, translate, whole_number

if TYPE_CHECKING:
    from her2desk.gui.shell.host import FeatureHost

# English, marked for pyside6-lupdate; shown through translate("Admin", ...).
USERS_FOR_ADMINISTRATORS = QT_TRANSLATE_NOOP(
    "Admin", "Only an administrator manages users; sign in as one (File ▸ Switch user)"
)


def _is_administrator(window: FeatureHost) -> bool:
    return window.actor is not None and window.actor.role is Role.ADMINISTRATOR


def open_lab_settings(window: FeatureHost) -> None:
    from her2desk.gui.admin import settings_dialog
    from her2desk.services.bundle import Services

    service = window.try_read(
        lambda: Services.of(window.service).lab_settings, "The lab settings could not be read"
    )
    if service is None:
        return
    # Built inside try_read: loading the settings may meet a database problem, shown in words.
    window.try_read(
        lambda: settings_dialog.show_lab_settings(
            service, window.actor, window.widget(), window.show_message
        ),
        "The lab settings could not be read",
    )
    window.lab_settings_changed()  # e.g. a new idle-lock time or changed rules: in use at once


def open_users(window: FeatureHost) -> None:
    if not _is_administrator(window) or window.actor is None:
        window.show_message(translate("Admin", USERS_FOR_ADMINISTRATORS))
        return
    from her2desk.gui.admin import users_dialog
    from her2desk.services.bundle import Services

    actor = window.actor
    window.try_read(
        lambda: users_dialog.show_users(
            Services.of(window.service).auth, actor, window.widget(), window.show_message
        ),
        "The users could not be read",
    )


CHECK_FOR_ADMINISTRATORS = QT_TRANSLATE_NOOP(
    "Admin", "Only an administrator checks the record; sign in as one (File ▸ Switch user)"
)


def record_check_text(check: object) -> str:
    """What the administrator reads: the verdict first, then the problems (first broken link first)."""
    problems = list(getattr(check, "problems", []))
    if not problems:
        return translate(
            "Admin", "The record is intact: {count} chained records verified.\nHead digest: {head}"
        ).format(count=whole_number(getattr(check, "rows", 0)), head=getattr(check, "head", None))
    more = getattr(check, "more", 0)
    tail = translate("Admin", "\n… and {count} more").format(count=more) if more else ""
    return (
        translate("Admin", "The record has been changed outside the program:")
        + "\n"
        + "\n".join(problems)
        + tail
    )


def check_record(window: FeatureHost) -> None:
    if not _is_administrator(window):
        window.show_message(translate("Admin", CHECK_FOR_ADMINISTRATORS))
        return
    from her2desk.services.bundle import Services

    record = Services.of(window.service).record
    window.show_message(translate("Admin", "Checking the record…"))
    window.runner.submit(
        lambda: record.check(),
        lambda check: _show_result(window, check),
        lambda error: window.show_message(
            translate("Admin", "The record could not be checked: {reason}").format(reason=error)
        ),
    )


def _show_result(window: FeatureHost, check: object) -> None:
    """A window-modal box (open(), not exec(): the window's own work goes on underneath)."""
    intact = not getattr(check, "problems", [])
    icon = QMessageBox.Icon.Information if intact else QMessageBox.Icon.Warning
    box = QMessageBox(
        icon, translate("Admin", "Check the record"), record_check_text(check), parent=window.widget()
    )
    box.setObjectName("record-check-result")
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)  # the digest can be copied
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    window.show_message(
        translate("Admin", "The record is intact")
        if intact
        else translate("Admin", "The record has been changed outside the program")
    )
    box.open()


def _refresh(window: FeatureHost, users: QAction, check: QAction | None = None) -> None:
    allowed = _is_administrator(window)
    users.setEnabled(allowed)
    users.setStatusTip(
        translate("Admin", "Add users, deactivate them, reset passwords")
        if allowed
        else translate("Admin", USERS_FOR_ADMINISTRATORS)
    )
    if check is not None:
        check.setEnabled(allowed)
        check.setStatusTip(
            translate("Admin", "Verify the tamper evidence of the whole record")
            if allowed
            else translate("Admin", CHECK_FOR_ADMINISTRATORS)
        )


def install(window: FeatureHost) -> None:
    """Add Tools ▸ Lab settings…, Tools ▸ Users… and Tools ▸ Check the record…."""
    tools = window.menus["tools"]
    settings = QAction(translate("Admin", "Lab &settings…"), window.widget())
    settings.setStatusTip(
        translate("Admin", "The lab's settings for every workstation (changed by an administrator)")
    )
    settings.triggered.connect(lambda: open_lab_settings(window))
    users = QAction(translate("Admin", "&Users…"), window.widget())
    users.triggered.connect(lambda: open_users(window))
    tools.addSeparator()
    check = QAction(translate("Admin", "&Check the record…"), window.widget())
    check.triggered.connect(lambda: check_record(window))
    tools.addAction(settings)
    tools.addAction(users)
    tools.addAction(check)
    tools.aboutToShow.connect(lambda: _refresh(window, users, check))
    _refresh(window, users, check)
