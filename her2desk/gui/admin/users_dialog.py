"""Tools ▸ Users (administrators only): list the users, add one, deactivate or reactivate, reset a
password, unlock an account locked after too many wrong passwords (the Sign-in column shows which).

The dialog only mirrors the rules; `AuthService` enforces them (administrator role re-read from the
database, never yourself or the last active administrator, passwords of at least 10 characters) and
audits each change in the same transaction. Its refusals are shown in the dialog in words. Passwords
are typed twice and never shown. `run_modal` is the one place a modal loop starts, so tests replace it
and drive the dialog directly.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from her2desk.domain.workflow import Actor, Role
from her2desk.gui.common.domain_text import say_error
from her2desk.gui.common.fields import ERROR_STYLE, message_label, show_message
from her2desk.gui.common.labels import role_label
from her2desk.gui.common.translation import QT_TRANSLATE_NOOP, translate

if TYPE_CHECKING:
    from her2desk.services.auth_service import AuthService, LockState, UserInfo

# English, marked for pyside6-lupdate; shown through translate("Users", ...).
COLUMNS = (
    QT_TRANSLATE_NOOP("Users", "User name"),
    QT_TRANSLATE_NOOP("Users", "Display name"),
    QT_TRANSLATE_NOOP("Users", "Role"),
    QT_TRANSLATE_NOOP("Users", "Active"),
    QT_TRANSLATE_NOOP("Users", "Sign-in"),
)
PASSWORDS_DIFFER = QT_TRANSLATE_NOOP("Users", "the two passwords differ")


def run_modal(dialog: QDialog) -> int:
    return dialog.exec()


def _line(name: str, *, secret: bool = False) -> QLineEdit:
    field = QLineEdit()
    field.setAccessibleName(name)
    if secret:
        field.setEchoMode(QLineEdit.EchoMode.Password)
    return field


def _add_row(form: QFormLayout, text: str, field: QLineEdit, message: QLabel) -> None:
    """A form row whose field has its error message under it. The label is a QLabel with the field as
    its buddy: QFormLayout only does that itself for a widget, so for a field-and-message column its
    '&' would show literally instead of underlining the Alt shortcut."""
    label = QLabel(text)
    label.setBuddy(field)
    column = QVBoxLayout()
    column.setSpacing(2)
    column.addWidget(field)
    column.addWidget(message)
    form.addRow(label, column)


class UsersDialog(QDialog):
    """The user list and the administrator's actions on it. `on_done(text)` gets status-bar text."""

    def __init__(
        self,
        auth: AuthService,
        actor: Actor,
        parent: QWidget | None = None,
        on_done: Callable[[str], None] | None = None,
    ) -> None:
        from her2desk.services.auth_service import MIN_PASSWORD_CHARS

        super().__init__(parent)
        self.auth = auth
        self.actor = actor
        self.on_done = on_done
        self.users: list[UserInfo] = []
        self.locks: dict[int, LockState] = {}
        self.setWindowTitle(translate("Users", "Users"))
        self.setAccessibleName("Users")
        self.resize(640, 560)

        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setAccessibleName("User list")
        self.table.setHorizontalHeaderLabels([translate("Users", c) for c in COLUMNS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.message = message_label("Users")  # outcomes (plain) and refusals (red, "Not done: ...")

        self.active_button = QPushButton(translate("Users", "&Deactivate"))
        self.active_button.setAccessibleName("Deactivate or reactivate user")
        self.active_button.setEnabled(False)
        self.active_button.clicked.connect(self.toggle_active)
        self.unlock_button = QPushButton(translate("Users", "Un&lock"))
        self.unlock_button.setAccessibleName("Unlock user")
        self.unlock_button.setToolTip(
            translate("Users", "Forget the selected user's wrong passwords and lift their lock")
        )
        self.unlock_button.setEnabled(False)
        self.unlock_button.clicked.connect(self.unlock_selected)

        reset_box = QGroupBox(translate("Users", "Reset the selected user's password"))
        self.reset_password = _line("Reset password", secret=True)
        self.reset_password.setPlaceholderText(
            translate("Users", "at least {count} characters").format(count=MIN_PASSWORD_CHARS)
        )
        self.reset_repeat = _line("Repeat reset password", secret=True)
        self.reset_messages = {
            "password": message_label("Reset password"),
            "repeat": message_label("Repeat reset password"),
        }
        self.reset_button = QPushButton(translate("Users", "Set &password"))
        self.reset_button.setAccessibleName("Set password")
        self.reset_button.setEnabled(False)
        self.reset_button.clicked.connect(self.reset_selected_password)
        self.reset_repeat.returnPressed.connect(self.reset_selected_password)  # Enter sets it
        reset_form = QFormLayout(reset_box)
        _add_row(
            reset_form,
            translate("Users", "New pa&ssword:"),
            self.reset_password,
            self.reset_messages["password"],
        )
        _add_row(reset_form, translate("Users", "Rep&eat:"), self.reset_repeat, self.reset_messages["repeat"])
        reset_form.addRow("", self.reset_button)

        add_box = QGroupBox(translate("Users", "Add a user"))
        self.new_fields = {
            "username": _line("New user name"),
            "display_name": _line("New display name"),
            "password": _line("New password", secret=True),
            "repeat": _line("Repeat new password", secret=True),
        }
        self.new_fields["password"].setPlaceholderText(
            translate("Users", "at least {count} characters").format(count=MIN_PASSWORD_CHARS)
        )
        self.new_fields["display_name"].setPlaceholderText(
            translate("Users", "as shown on signatures, e.g. Dr A. Example")
        )
        self.new_role = QComboBox()
        self.new_role.setAccessibleName("New role")
        for role in Role:  # the role in words; its value is what the account stores
            self.new_role.addItem(role_label(role), role.value)
        self.new_messages = {
            key: message_label(field.accessibleName()) for key, field in self.new_fields.items()
        }
        self.add_button = QPushButton(translate("Users", "&Add user"))
        self.add_button.setAccessibleName("Add user")
        self.add_button.clicked.connect(self.add_user)
        self.new_fields["repeat"].returnPressed.connect(self.add_user)  # Enter in Repeat adds the user
        add_form = QFormLayout(add_box)
        _add_row(
            add_form,
            translate("Users", "&User name:"),
            self.new_fields["username"],
            self.new_messages["username"],
        )
        _add_row(
            add_form,
            translate("Users", "Display &name:"),
            self.new_fields["display_name"],
            self.new_messages["display_name"],
        )
        add_form.addRow(translate("Users", "&Role:"), self.new_role)
        _add_row(
            add_form,
            translate("Users", "Pass&word:"),
            self.new_fields["password"],
            self.new_messages["password"],
        )
        _add_row(
            add_form, translate("Users", "Repea&t:"), self.new_fields["repeat"], self.new_messages["repeat"]
        )
        add_form.addRow("", self.add_button)

        close = QPushButton(translate("Users", "&Close"))
        close.setAccessibleName("Close users")
        close.clicked.connect(self.accept)
        selected_row = QHBoxLayout()
        selected_row.addWidget(self.active_button)
        selected_row.addWidget(self.unlock_button)
        selected_row.addStretch(1)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(selected_row)
        layout.addWidget(reset_box)
        layout.addWidget(add_box)
        layout.addWidget(self.message)
        layout.addLayout(bottom)
        for button in self.findChildren(QPushButton):
            # A dialog presses its first "auto-default" button when Enter is not taken by a field: Enter in
            # Repeat would then also press Deactivate (on the user just added, who is selected). Enter
            # acts only through the fields' returnPressed; Space still presses a focused button.
            button.setAutoDefault(False)
        self.reload()

    # -- the list ------------------------------------------------------------------------------

    def reload(self, select_user_id: int | None = None) -> None:
        try:
            self.users = self.auth.users()
            self.locks = self.auth.lock_states()
        except Exception as error:  # an unreachable database: in words, never a traceback
            self.message.setStyleSheet(ERROR_STYLE)
            show_message(
                self.message,
                translate("Users", "Not done: the users could not be read: {reason}").format(reason=error),
            )
            return
        self.table.setRowCount(len(self.users))
        for row, user in enumerate(self.users):
            cells = (
                user.username, user.display_name, role_label(user.role),
                translate("Users", "yes") if user.active else translate("Users", "no"),
                _sign_in_text(self.locks.get(user.user_id)),
            )  # fmt: skip
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, user.user_id)
                self.table.setItem(row, column, item)
        if select_user_id is not None:
            self.select_user(select_user_id)
        self._selection_changed()

    def select_user(self, user_id: int) -> None:
        for row, user in enumerate(self.users):
            if user.user_id == user_id:
                self.table.selectRow(row)
                return

    def selected(self) -> UserInfo | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self.users):
            return None
        return self.users[rows[0].row()]

    def _selection_changed(self) -> None:
        user = self.selected()
        self.active_button.setEnabled(user is not None)
        self.unlock_button.setEnabled(user is not None and user.user_id in self.locks)
        self.reset_button.setEnabled(user is not None)
        self.active_button.setText(
            translate("Users", "&Reactivate")
            if user is not None and not user.active
            else translate("Users", "&Deactivate")
        )

    def _done(self, text: str, select_user_id: int | None) -> None:
        self.message.setStyleSheet("")
        show_message(self.message, text)
        self.reload(select_user_id)
        if self.on_done is not None:
            self.on_done(text)

    def _refused(self, error: Exception) -> None:
        from her2desk.domain.workflow import WorkflowError
        from her2desk.services.auth_service import UserInputError

        self.message.setStyleSheet(ERROR_STYLE)
        if isinstance(error, WorkflowError | UserInputError):
            show_message(
                self.message, translate("Users", "Not done: {reason}").format(reason=say_error(error))
            )
        else:  # an unreachable or locked database
            show_message(
                self.message,
                translate("Users", "Not done; the database could not be written: {reason}").format(
                    reason=error
                ),
            )

    # -- actions -------------------------------------------------------------------------------

    def toggle_active(self) -> bool:
        user = self.selected()
        if user is None:
            return False
        try:
            changed = self.auth.set_active(self.actor, user.user_id, not user.active)
        except Exception as error:
            self._refused(error)
            return False
        done = (
            translate("Users", "User {user} reactivated")
            if changed.active
            else translate("Users", "User {user} deactivated")
        )
        self._done(done.format(user=changed.username), changed.user_id)
        return True

    def unlock_selected(self) -> bool:
        user = self.selected()
        if user is None:
            return False
        try:
            changed = self.auth.unlock(self.actor, user.user_id)
        except Exception as error:
            self._refused(error)
            return False
        done = (
            translate("Users", "User {user} unlocked")
            if changed
            else translate("Users", "User {user} was not locked")
        )
        self._done(done.format(user=user.username), user.user_id)
        return True

    def reset_selected_password(self) -> bool:
        from her2desk.services.auth_service import check_password

        user = self.selected()
        if user is None:
            return False
        password, repeat = self.reset_password.text(), self.reset_repeat.text()
        problems = {"password": "", "repeat": ""}
        try:
            check_password(password)
        except ValueError as error:
            problems["password"] = say_error(error)
        if not problems["password"] and password != repeat:
            problems["repeat"] = translate("Users", PASSWORDS_DIFFER)
        for key, label in self.reset_messages.items():
            show_message(label, problems[key])
        if any(problems.values()):
            return False
        try:
            self.auth.set_password(self.actor, user.user_id, password)
        except Exception as error:
            self._refused(error)
            return False
        self.reset_password.clear()
        self.reset_repeat.clear()
        self._done(translate("Users", "Password of {user} reset").format(user=user.username), user.user_id)
        return True

    def add_user(self) -> bool:
        from her2desk.services.auth_service import USERNAME_PATTERN, check_password

        texts = {key: field.text() for key, field in self.new_fields.items()}
        username = texts["username"].strip()
        problems = dict.fromkeys(self.new_fields, "")
        if not USERNAME_PATTERN.match(username):
            problems["username"] = translate(
                "Users", "1-64 letters, digits or . _ @ - starting with a letter or digit"
            )
        elif any(u.username == username for u in self.users):
            problems["username"] = translate("Users", "there is already a user named {user}").format(
                user=username
            )
        if len(texts["display_name"].strip()) > 200:
            problems["display_name"] = translate("Users", "at most 200 characters")
        try:
            check_password(texts["password"])
        except ValueError as error:
            problems["password"] = say_error(error)
        if not problems["password"] and texts["password"] != texts["repeat"]:
            problems["repeat"] = translate("Users", PASSWORDS_DIFFER)
        for key, label in self.new_messages.items():
            show_message(label, problems[key])
        if any(problems.values()):
            return False
        role = str(self.new_role.currentData())
        try:
            added = self.auth.create_user(
                username, texts["password"], role, texts["display_name"].strip() or None, by=self.actor
            )
        except Exception as error:
            self._refused(error)
            return False
        for field in self.new_fields.values():
            field.clear()
        self._done(
            translate("Users", "User {user} ({role}) added").format(
                user=added.username, role=role_label(Role(role))
            ),
            added.user_id,
        )
        return True


def _sign_in_text(lock: LockState | None) -> str:
    """The Sign-in column: empty for an account with no wrong passwords counted."""
    if lock is None:
        return ""
    if lock.locked:
        return translate("Users", "locked")
    if lock.failures == 1:
        return translate("Users", "1 wrong password")
    return translate("Users", "{count} wrong passwords").format(count=lock.failures)


def show_users(
    auth: AuthService, actor: Actor, parent: QWidget | None, on_done: Callable[[str], None] | None
) -> UsersDialog:
    dialog = UsersDialog(auth, actor, parent, on_done)
    run_modal(dialog)
    return dialog
