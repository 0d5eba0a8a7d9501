"""Tools ▸ Lab settings… and Tools ▸ Users…, driven through the real menus and widgets on a real database:
an administrator edits and saves (status bar says so, audit rows written), a bad value is shown beside
its field and not saved, everyone else sees the settings read-only and cannot open Users; users are
added (password typed twice), deactivated, reactivated and given a new password."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QPushButton, QTableWidget
from sqlalchemy import select
from support.qt_fixtures import new_signed_in_user

from her2desk.domain.workflow import Actor, Role
from her2desk.gui.admin import settings_dialog, users_dialog
from her2desk.gui.admin.settings_dialog import SettingsDialog
from her2desk.gui.admin.users_dialog import UsersDialog
from her2desk.gui.common import dialogs
from her2desk.gui.shell.main_window import MainWindow
from her2desk.services.auth_service import AuthenticationError, AuthService
from her2desk.services.lab_settings_service import LabSettingsService
from her2desk.store.schema import AuditRow

PASSWORDS = {"ada": "admin-pass-1", "tom": "tech-pass-1", "pia": "path-pass-1"}


@pytest.fixture
def people(service) -> dict[str, Actor]:
    auth = AuthService(service.database)
    auth.create_user("ada", PASSWORDS["ada"], Role.ADMINISTRATOR, "Ada Admin")
    admin = auth.login("ada", PASSWORDS["ada"]).actor
    return {
        "ada": admin,
        "tom": new_signed_in_user(auth, "tom", PASSWORDS["tom"], Role.TECHNOLOGIST, "Tom Tech", by=admin),
        "pia": new_signed_in_user(auth, "pia", PASSWORDS["pia"], Role.PATHOLOGIST, "Dr Pia Path", by=admin),
    }


@pytest.fixture
def open_window(
    service, qtbot, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Callable[[Actor | None], MainWindow]]:
    """A main window for a given user; the admin dialogs open non-modally (their `run_modal` seam)."""
    built: list[MainWindow] = []
    monkeypatch.setattr(settings_dialog, "run_modal", lambda dialog: dialog.show())
    monkeypatch.setattr(users_dialog, "run_modal", lambda dialog: dialog.show())

    def build(actor: Actor | None) -> MainWindow:
        win = MainWindow(service, location=str(service.database.url), actor=actor)
        win.show()
        qtbot.waitExposed(win)
        qtbot.waitUntil(lambda: win.worklist_model.total is not None)
        built.append(win)
        return win

    yield build
    monkeypatch.setattr(dialogs, "ask_unsaved", lambda *_a: dialogs.UnsavedChoice.DISCARD)
    for win in built:
        win.close()
        win.runner.wait()
        QCoreApplication.processEvents()
        win.deleteLater()


def _menu_action(window: MainWindow, text: str):
    found = [a for a in window.menus["tools"].actions() if a.text().replace("&", "") == text]
    assert len(found) == 1, f"tools menu has {len(found)} actions {text!r}"
    return found[0]


def _open_settings(window: MainWindow, qtbot) -> SettingsDialog:
    _menu_action(window, "Lab settings…").trigger()
    found = [d for d in window.findChildren(SettingsDialog) if d.isVisible()]
    assert len(found) == 1
    qtbot.waitExposed(found[0])
    return found[0]


def _open_users(window: MainWindow, qtbot) -> UsersDialog:
    window.menus["tools"].aboutToShow.emit()
    action = _menu_action(window, "Users…")
    assert action.isEnabled()
    action.trigger()
    found = [d for d in window.findChildren(UsersDialog) if d.isVisible()]
    assert len(found) == 1
    qtbot.waitExposed(found[0])
    return found[0]


def _audit(service, action: str) -> list[AuditRow]:
    with service.database.reader() as session:
        return list(session.scalars(select(AuditRow).where(AuditRow.action == action).order_by(AuditRow.id)))


def _click(qtbot, root, ui, name: str) -> None:
    button = ui.find(root, name)
    assert isinstance(button, QPushButton | QCheckBox)
    assert button.isVisibleTo(root), f"{name!r} is hidden"
    assert button.isEnabled(), f"{name!r} is disabled"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


# -- lab settings --------------------------------------------------------------------------------


def test_an_administrator_changes_settings_and_the_status_bar_says_so(
    open_window, people, service, qtbot, ui
) -> None:
    window = open_window(people["ada"])
    dialog = _open_settings(window, qtbot)
    for label in (
        "Lab name",
        "Lab contact line",
        "Allow self-verification",
        "Allow preliminary handouts",
        "Idle lock (minutes)",
        "Default handout language",
    ):
        assert ui.find(dialog, label).isEnabled(), label
    assert ui.text(dialog, "Idle lock (minutes)") == "10"
    ui.type(dialog, "Lab name", "Synthetic Pathology Lab")
    ui.type(dialog, "Idle lock (minutes)", "25")
    _click(qtbot, dialog, ui, "Allow self-verification")
    ui.choose(dialog, "Default handout language", "es")
    _click(qtbot, dialog, ui, "Save lab settings")

    assert not dialog.isVisible()
    message = window.statusBar().currentMessage()
    assert message.startswith("Lab settings saved: ")
    assert "Lab name" in message
    assert "Allow self-verification" in message
    assert "Idle lock (minutes)" in message
    stored = LabSettingsService(service.database).load()
    assert stored.lab_name == "Synthetic Pathology Lab"
    assert stored.idle_lock_minutes == 25
    assert stored.allow_self_verification is True
    assert stored.handout_language == "es"
    assert stored.lab_contact == ""
    events = _audit(service, "setting")
    assert {e.record for e in events} == {
        "lab_name",
        "idle_lock_minutes",
        "allow_self_verification",
        "handout_language",
    }
    assert {e.who for e in events} == {"ada"}
    assert window.lab_settings() == stored  # the window's own accessor sees the change at once

    again = _open_settings(window, qtbot)  # reopened: shows what is stored
    assert ui.text(again, "Lab name") == "Synthetic Pathology Lab"
    checkbox = ui.find(again, "Allow self-verification")
    assert isinstance(checkbox, QCheckBox)
    assert checkbox.isChecked()


def test_the_handout_paper_and_the_spanish_lab_lines_are_set_in_the_dialog(
    open_window, people, service, qtbot, ui
) -> None:
    window = open_window(people["ada"])
    dialog = _open_settings(window, qtbot)
    paper = ui.find(dialog, "Handout paper size")
    assert [paper.itemText(i) for i in range(paper.count())] == ["auto", "a4", "letter"]
    assert paper.currentText() == "auto"
    assert "locale" in paper.toolTip()
    assert "the preview warns" in ui.find(dialog, "Lab name on Spanish handouts").toolTip()
    ui.choose(dialog, "Handout paper size", "letter")
    ui.type(dialog, "Lab name on Spanish handouts", "Patologia Sintetica del Oeste")  # keyClicks: ASCII
    _click(qtbot, dialog, ui, "Save lab settings")
    assert not dialog.isVisible()
    stored = LabSettingsService(service.database).load()
    assert stored.paper_size == "letter"
    assert stored.lab_name_es == "Patologia Sintetica del Oeste"
    assert {e.record for e in _audit(service, "setting")} == {"paper_size", "lab_name_es"}
    again = _open_settings(window, qtbot)
    assert ui.find(again, "Handout paper size").currentText() == "letter"


def test_a_bad_value_is_shown_beside_its_field_and_nothing_is_saved(
    open_window, people, service, qtbot, ui
) -> None:
    window = open_window(people["ada"])
    dialog = _open_settings(window, qtbot)
    ui.type(dialog, "Lab name", "Synthetic Lab")
    ui.type(dialog, "Idle lock (minutes)", "0")
    ui.type(dialog, "Lab contact line", "x" * 201)
    _click(qtbot, dialog, ui, "Save lab settings")

    assert dialog.isVisible()
    assert ui.message(dialog, "Idle lock (minutes)") == "'0' is not allowed; use a whole number from 1 to 240"
    assert ui.message(dialog, "Lab contact line") == "at most 200 characters on one line"
    assert ui.message(dialog, "Lab name") == ""
    assert ui.message(dialog, "Lab settings").startswith("Nothing was saved")
    assert LabSettingsService(service.database).load().lab_name == ""  # not even the good field
    assert _audit(service, "setting") == []
    assert not window.statusBar().currentMessage().startswith("Lab settings saved")

    ui.type(dialog, "Idle lock (minutes)", "30")
    ui.type(dialog, "Lab contact line", "Call 555-0100")
    _click(qtbot, dialog, ui, "Save lab settings")
    assert not dialog.isVisible()
    stored = LabSettingsService(service.database).load()
    assert (stored.lab_name, stored.idle_lock_minutes, stored.lab_contact) == (
        "Synthetic Lab",
        30,
        "Call 555-0100",
    )


def test_the_accession_pattern_is_checked_beside_its_field_and_then_saved(
    open_window, people, service, qtbot, ui
) -> None:
    window = open_window(people["ada"])
    dialog = _open_settings(window, qtbot)
    assert ui.text(dialog, "Automatic accession numbers") == ""  # off by default
    assert "{seq:06}" in ui.find(dialog, "Automatic accession numbers").toolTip()
    ui.type(dialog, "Automatic accession numbers", "H{yy}-{month}")
    _click(qtbot, dialog, ui, "Save lab settings")
    assert dialog.isVisible()
    assert ui.message(dialog, "Automatic accession numbers").startswith(
        "'H{yy}-{month}' cannot be used: {month} is not a placeholder; allowed are {yy}, {yyyy}"
    )
    assert _audit(service, "setting") == []
    ui.type(dialog, "Automatic accession numbers", "H{yy}-{seq:06}")
    _click(qtbot, dialog, ui, "Save lab settings")
    assert not dialog.isVisible()
    assert LabSettingsService(service.database).load().accession_pattern == "H{yy}-{seq:06}"
    assert {e.record for e in _audit(service, "setting")} == {"accession_pattern"}


@pytest.mark.parametrize("who", ["tom", "pia", None])
def test_everyone_else_sees_the_settings_read_only(open_window, people, service, qtbot, ui, who) -> None:
    LabSettingsService(service.database).update(people["ada"], "lab_name", "Synthetic Lab")
    window = open_window(people[who] if who else None)
    dialog = _open_settings(window, qtbot)
    assert ui.text(dialog, "Lab name") == "Synthetic Lab"
    for name in ("Lab name", "Allow self-verification", "Idle lock (minutes)", "Default handout language"):
        widget = ui.find(dialog, name)
        assert isinstance(widget, QLineEdit | QCheckBox | QComboBox)
        assert not widget.isEnabled(), f"{name} is editable for {who}"
    assert not ui.find(dialog, "Save lab settings").isVisibleTo(dialog)
    assert "read-only" in ui.find(dialog, "Lab settings note").text()
    assert dialog.save() is False
    assert len(_audit(service, "setting")) == 1


def test_an_administrator_demoted_meanwhile_is_refused_in_the_dialog(
    open_window, people, service, qtbot, ui
) -> None:
    window = open_window(people["ada"])
    dialog = _open_settings(window, qtbot)
    AuthService(service.database).create_user("bea", "admin-pass-2", Role.ADMINISTRATOR, by=people["ada"])
    other_admin = AuthService(service.database).login("bea", "admin-pass-2").actor
    AuthService(service.database).set_active(other_admin, people["ada"].user_id, False)
    ui.type(dialog, "Lab name", "Synthetic Lab")
    _click(qtbot, dialog, ui, "Save lab settings")
    assert dialog.isVisible()
    assert "not active" in ui.message(dialog, "Lab settings")
    assert LabSettingsService(service.database).load().lab_name == ""


def test_an_unreadable_stored_value_is_shown_as_a_problem(open_window, people, service, qtbot, ui) -> None:
    from sqlalchemy import text

    with service.database.write_engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO lab_setting (name, value, changed_at, changed_by) "
                "VALUES ('idle_lock_minutes', 'forever', '2026-11-24 22:00:00', 'by-hand')"
            )
        )
    window = open_window(people["ada"])
    dialog = _open_settings(window, qtbot)
    assert ui.text(dialog, "Idle lock (minutes)") == "10"
    problems = ui.find(dialog, "Lab settings problems")
    assert problems.isVisibleTo(dialog)
    assert "idle_lock_minutes" in problems.text()


# -- users ----------------------------------------------------------------------------------------


def _table(ui, dialog) -> list[list[str]]:
    table = ui.find(dialog, "User list")
    assert isinstance(table, QTableWidget)
    return [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())]


def _select(dialog: UsersDialog, username: str) -> None:
    user = next(u for u in dialog.users if u.username == username)
    dialog.select_user(user.user_id)
    assert dialog.selected() == user


@pytest.mark.parametrize("who", ["tom", "pia", None])
def test_users_is_for_administrators_only(open_window, people, service, qtbot, who) -> None:
    window = open_window(people[who] if who else None)
    window.menus["tools"].aboutToShow.emit()
    action = _menu_action(window, "Users…")
    assert not action.isEnabled()
    from her2desk.gui.admin.admin_actions import open_users

    open_users(window)  # even if reached some other way
    assert not [d for d in window.findChildren(UsersDialog) if d.isVisible()]
    assert "Only an administrator manages users" in window.statusBar().currentMessage()


def test_the_user_list_shows_roles_and_the_active_flag(open_window, people, qtbot, ui) -> None:
    dialog = _open_users(open_window(people["ada"]), qtbot)
    assert _table(ui, dialog) == [
        ["ada", "Ada Admin", "administrator", "yes", ""],
        ["pia", "Dr Pia Path", "pathologist", "yes", ""],
        ["tom", "Tom Tech", "technologist", "yes", ""],
    ]


def test_an_administrator_adds_a_user_with_the_password_typed_twice(
    open_window, people, service, qtbot, ui
) -> None:
    window = open_window(people["ada"])
    dialog = _open_users(window, qtbot)
    ui.type(dialog, "New user name", "paul")
    ui.type(dialog, "New display name", "Dr Paul Path")
    ui.choose(dialog, "New role", "pathologist")
    ui.type(dialog, "New password", "path-pass-2")
    ui.type(dialog, "Repeat new password", "path-pass-3")
    _click(qtbot, dialog, ui, "Add user")
    assert ui.message(dialog, "Repeat new password") == "the two passwords differ"
    assert len(_table(ui, dialog)) == 3

    ui.type(dialog, "Repeat new password", "path-pass-2")
    _click(qtbot, dialog, ui, "Add user")
    assert ui.message(dialog, "Repeat new password") == ""
    assert ["paul", "Dr Paul Path", "pathologist", "yes", ""] in _table(ui, dialog)
    assert window.statusBar().currentMessage() == "User paul (pathologist) added"
    assert ui.text(dialog, "New password") == ""
    session = AuthService(service.database).login("paul", "path-pass-2")
    assert session.actor.role is Role.PATHOLOGIST
    inserted = [e for e in _audit(service, "insert") if e.table_name == "app_user"]
    assert inserted[-1].who == "ada"


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("New user name", "not a name", "1-64 letters, digits"),
        ("New user name", "tom", "there is already a user named tom"),
        ("New password", "short", "at least 10 characters"),
    ],
)
def test_a_bad_new_user_is_refused_beside_its_field(
    open_window, people, service, qtbot, ui, field: str, value: str, message: str
) -> None:
    dialog = _open_users(open_window(people["ada"]), qtbot)
    ui.type(dialog, "New user name", "paul")
    ui.type(dialog, "New password", "path-pass-2")
    ui.type(dialog, "Repeat new password", "path-pass-2")
    ui.type(dialog, field, value)
    if field == "New password":
        ui.type(dialog, "Repeat new password", value)
    _click(qtbot, dialog, ui, "Add user")
    assert message in ui.message(dialog, field)
    assert len(AuthService(service.database).users()) == 3


def test_deactivate_and_reactivate_a_user(open_window, people, service, qtbot, ui) -> None:
    window = open_window(people["ada"])
    dialog = _open_users(window, qtbot)
    _select(dialog, "tom")
    assert ui.find(dialog, "Deactivate or reactivate user").text().replace("&", "") == "Deactivate"
    _click(qtbot, dialog, ui, "Deactivate or reactivate user")
    assert ["tom", "Tom Tech", "technologist", "no", ""] in _table(ui, dialog)
    assert window.statusBar().currentMessage() == "User tom deactivated"
    with pytest.raises(AuthenticationError):
        AuthService(service.database).login("tom", PASSWORDS["tom"])
    assert dialog.selected() is not None
    assert dialog.selected().username == "tom"
    assert ui.find(dialog, "Deactivate or reactivate user").text().replace("&", "") == "Reactivate"
    _click(qtbot, dialog, ui, "Deactivate or reactivate user")
    # The refused sign-in of the inactive account counts, as for any name (the Sign-in column).
    assert ["tom", "Tom Tech", "technologist", "yes", "1 wrong password"] in _table(ui, dialog)
    assert AuthService(service.database).login("tom", PASSWORDS["tom"]).actor.username == "tom"
    changes = [json.loads(e.new)["active"] for e in _audit(service, "update") if e.table_name == "app_user"]
    assert changes == [False, True]


def test_an_administrator_sees_a_locked_account_and_unlocks_it(
    open_window, people, service, qtbot, ui
) -> None:
    LabSettingsService(service.database).update(people["ada"], "failure_delay_seconds", "0")
    auth = AuthService(service.database)
    for _ in range(5):
        with pytest.raises(AuthenticationError):
            auth.login("tom", "wrong-password")
    with pytest.raises(AuthenticationError):
        auth.login("pia", "wrong-password")
    window = open_window(people["ada"])
    dialog = _open_users(window, qtbot)
    assert ["tom", "Tom Tech", "technologist", "yes", "locked"] in _table(ui, dialog)
    assert ["pia", "Dr Pia Path", "pathologist", "yes", "1 wrong password"] in _table(ui, dialog)
    _select(dialog, "ada")
    assert not ui.find(dialog, "Unlock user").isEnabled()  # nothing to unlock
    _select(dialog, "tom")
    assert ui.find(dialog, "Unlock user").isEnabled()
    _click(qtbot, dialog, ui, "Unlock user")
    assert window.statusBar().currentMessage() == "User tom unlocked"
    assert ["tom", "Tom Tech", "technologist", "yes", ""] in _table(ui, dialog)
    assert not ui.find(dialog, "Unlock user").isEnabled()
    assert auth.login("tom", PASSWORDS["tom"]).actor == people["tom"]
    [unlocked] = _audit(service, "account-unlocked")
    assert (unlocked.who, unlocked.record) == ("ada", str(people["tom"].user_id))


def test_an_administrator_cannot_deactivate_themselves(open_window, people, service, qtbot, ui) -> None:
    dialog = _open_users(open_window(people["ada"]), qtbot)
    _select(dialog, "ada")
    _click(qtbot, dialog, ui, "Deactivate or reactivate user")
    assert ui.message(dialog, "Users").startswith("Not done: you cannot deactivate your own account")
    assert ["ada", "Ada Admin", "administrator", "yes", ""] in _table(ui, dialog)


def test_reset_a_password(open_window, people, service, qtbot, ui) -> None:
    window = open_window(people["ada"])
    dialog = _open_users(window, qtbot)
    _select(dialog, "pia")
    ui.type(dialog, "Reset password", "new-pia-pass-1")
    ui.type(dialog, "Repeat reset password", "new-pia-pass-2")
    _click(qtbot, dialog, ui, "Set password")
    assert ui.message(dialog, "Repeat reset password") == "the two passwords differ"
    assert AuthService(service.database).login("pia", PASSWORDS["pia"])

    ui.type(dialog, "Reset password", "short")
    ui.type(dialog, "Repeat reset password", "short")
    _click(qtbot, dialog, ui, "Set password")
    assert "at least 10 characters" in ui.message(dialog, "Reset password")

    ui.type(dialog, "Reset password", "new-pia-pass-1")
    ui.type(dialog, "Repeat reset password", "new-pia-pass-1")
    _click(qtbot, dialog, ui, "Set password")
    assert window.statusBar().currentMessage() == "Password of pia reset"
    assert ui.text(dialog, "Reset password") == ""
    with pytest.raises(AuthenticationError):
        AuthService(service.database).login("pia", PASSWORDS["pia"])
    assert AuthService(service.database).login("pia", "new-pia-pass-1").actor.username == "pia"
    assert [e.who for e in _audit(service, "password")] == ["ada"]


def test_the_add_form_labels_are_shortcuts_to_their_fields(open_window, people, qtbot, ui) -> None:
    """'&' in a label is an Alt shortcut to its field, never shown literally (a QLabel with a buddy)."""
    from PySide6.QtWidgets import QLabel

    dialog = _open_users(open_window(people["ada"]), qtbot)
    buddies = {label.text(): label.buddy() for label in dialog.findChildren(QLabel) if "&" in label.text()}
    assert all(buddy is not None for buddy in buddies.values()), [t for t, b in buddies.items() if b is None]
    for text, field in [
        ("&User name:", "New user name"),
        ("Display &name:", "New display name"),
        ("&Role:", "New role"),
        ("Pass&word:", "New password"),
        ("Repea&t:", "Repeat new password"),
        ("New pa&ssword:", "Reset password"),
        ("Rep&eat:", "Repeat reset password"),
    ]:
        assert buddies[text] is ui.find(dialog, field), text


def test_enter_in_the_repeat_field_adds_the_user_once(open_window, people, service, qtbot, ui) -> None:
    window = open_window(people["ada"])
    dialog = _open_users(window, qtbot)
    ui.type(dialog, "New user name", "paul")
    ui.type(dialog, "New password", "path-pass-2")
    ui.type(dialog, "Repeat new password", "path-pass-2")
    repeat = ui.find(dialog, "Repeat new password")
    repeat.setFocus()
    qtbot.keyClick(repeat, Qt.Key.Key_Return)
    assert dialog.isVisible()  # Enter did not close the dialog
    assert ["paul", "paul", "technologist", "yes", ""] in _table(ui, dialog)
    assert window.statusBar().currentMessage() == "User paul (technologist) added"
    assert ui.message(dialog, "New user name") == ""  # not added a second time ("already a user")
    assert [e.who for e in _audit(service, "insert") if e.table_name == "app_user"][3:] == ["ada"]


def test_messages_under_the_new_user_fields_do_not_squeeze_them(open_window, people, qtbot, ui) -> None:
    dialog = _open_users(open_window(people["ada"]), qtbot)
    names = ("New user name", "New display name", "New password", "Repeat new password")
    heights = {name: ui.find(dialog, name).height() for name in names}
    assert all(ui.find(dialog, name).sizeHint().height() <= height for name, height in heights.items())
    ui.type(dialog, "New user name", "not a name")
    ui.type(dialog, "New display name", "x" * 201)
    ui.type(dialog, "New password", "short")
    _click(qtbot, dialog, ui, "Add user")
    QCoreApplication.processEvents()
    assert "at least 10 characters" in ui.message(dialog, "New password")
    assert {name: ui.find(dialog, name).height() for name in names} == heights


def test_enter_in_the_reset_repeat_field_sets_the_password(open_window, people, service, qtbot, ui) -> None:
    window = open_window(people["ada"])
    dialog = _open_users(window, qtbot)
    _select(dialog, "pia")
    ui.type(dialog, "Reset password", "new-pia-pass-1")
    ui.type(dialog, "Repeat reset password", "new-pia-pass-1")
    repeat = ui.find(dialog, "Repeat reset password")
    repeat.setFocus()
    qtbot.keyClick(repeat, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert window.statusBar().currentMessage() == "Password of pia reset"
    assert ["pia", "Dr Pia Path", "pathologist", "yes", ""] in _table(ui, dialog)  # not deactivated by Enter
    assert AuthService(service.database).login("pia", "new-pia-pass-1").actor.username == "pia"
