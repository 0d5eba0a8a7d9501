"""Signing in: the login dialog, the first administrator of an empty database, and the start-up order.

Why here and not in `dialogs.py`: these are forms with their own state (failed attempts, messages
beside fields), not one-line questions. The entry points `run_login` and `run_first_administrator`
are module functions that callers use through this module (`login_dialog.run_login(...)`), so tests
replace them with an answer instead of a modal loop, and drive the dialog classes non-modally.

A failed sign-in says only "User name or password is not correct", whether or not the name exists.
The service enforces the wait after repeated wrong passwords and the lock (in the database, for
every workstation and script alike); this dialog only mirrors them: the Sign in button waits as long
as the service asks (or, after a few failures in this dialog, a short growing moment of its own) and
a locked account is said in words.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from her2desk.gui.common.domain_text import say_error
from her2desk.gui.common.fields import message_label, show_message
from her2desk.gui.common.translation import QT_TRANSLATE_NOOP, translate

if TYPE_CHECKING:
    from her2desk.domain.workflow import Actor
    from her2desk.services.auth_service import AuthenticationError, AuthService, SignedInSession

# English, marked for pyside6-lupdate; shown through translate("SignIn", ...).
LOGIN_FAILED_TEXT = QT_TRANSLATE_NOOP("SignIn", "User name or password is not correct")
LOCKED_TEXT = QT_TRANSLATE_NOOP(
    "SignIn",
    "This account is locked after too many wrong passwords in a row; an administrator must unlock it",
)
TOO_SOON_TEXT = QT_TRANSLATE_NOOP("SignIn", "Too many wrong passwords in a row")
SIGN_IN_TITLE = QT_TRANSLATE_NOOP("SignIn", "Sign in to her2desk")
QUIT_TEXT = QT_TRANSLATE_NOOP("SignIn", "Quit")
FREE_ATTEMPTS = 3  # failures before the button starts to wait
MAX_DELAY_MS = 30_000


def failure_delay_ms(failures: int) -> int:
    """How long Sign in stays disabled after `failures` failed attempts in a row: 0, then 1 s, 2 s, 4 s…"""
    if failures < FREE_ATTEMPTS:
        return 0
    return min(1000 * 2 ** (failures - FREE_ATTEMPTS), MAX_DELAY_MS)


def refusal(error: AuthenticationError, failures: int) -> tuple[str, int]:
    """What to show for a refused sign-in, and how long (ms) the button waits: the service's wait, or
    this window's own after `failures` failures in a row, whichever is longer."""
    from her2desk.services.auth_service import LOGIN_FAILED

    if error.locked:
        return translate("SignIn", LOCKED_TEXT), 0
    text = translate("SignIn", LOGIN_FAILED_TEXT if str(error).startswith(LOGIN_FAILED) else TOO_SOON_TEXT)
    delay = max(failure_delay_ms(failures), 1000 * error.wait_seconds)
    if delay:
        text = translate("SignIn", "{reason}. Try again in {seconds} s.").format(
            reason=text, seconds=max(1, -(-delay // 1000))
        )
    return text, delay


def _fit_height(dialog: QDialog) -> None:
    """Grow the dialog to the height its contents need at its width. Qt does not grow a window whose
    layout has word-wrapped labels (height-for-width) when messages appear: the fields under them were
    squeezed to a few pixels instead."""
    layout = dialog.layout()
    if layout is None:
        return
    layout.activate()
    needed = dialog.heightForWidth(dialog.width())
    if needed <= 0:
        needed = dialog.sizeHint().height()
    dialog.setMinimumHeight(needed)
    if dialog.height() < needed:
        dialog.resize(dialog.width(), needed)


class LoginDialog(QDialog):
    """User name and password. `session` holds the signed-in session after `accept()`. `title` and
    `cancel_text` are English marked for translation (the cancel button's accessible name stays English)."""

    def __init__(
        self,
        auth: AuthService,
        parent: QWidget | None = None,
        *,
        title: str = SIGN_IN_TITLE,
        intro: str = "",
        username: str = "",
        cancel_text: str = QUIT_TEXT,
    ) -> None:
        super().__init__(parent)
        self.auth = auth
        self.session: SignedInSession | None = None
        self.failures = 0
        self.setWindowTitle(translate("SignIn", title))
        self.setAccessibleName("Sign-in dialog")
        self.setMinimumWidth(380)
        self.username = QLineEdit(username)
        self.username.setAccessibleName("User name")
        self.password = QLineEdit()
        self.password.setAccessibleName("Password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = message_label("Sign in")
        self.sign_in_button = QPushButton(translate("SignIn", "&Sign in"))
        self.sign_in_button.setAccessibleName("Sign in")
        self.sign_in_button.setDefault(True)
        self.cancel_button = QPushButton(translate("SignIn", cancel_text))
        self.cancel_button.setAccessibleName(cancel_text.replace("&", ""))
        form = QFormLayout()
        form.addRow(translate("SignIn", "&User name:"), self.username)
        form.addRow(translate("SignIn", "&Password:"), self.password)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.sign_in_button)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        if intro:
            text = QLabel(intro)
            text.setWordWrap(True)
            text.setAccessibleName("Sign-in explanation")
            layout.addWidget(text)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.sign_in_button.clicked.connect(self.sign_in)
        self.cancel_button.clicked.connect(self.reject)
        (self.password if username else self.username).setFocus()

    def sign_in(self) -> bool:
        """Check the name and password; True (and `accept()`) when they are right."""
        from her2desk.services.auth_service import AuthenticationError

        if not self.sign_in_button.isEnabled():
            return False
        try:
            self.session = self.auth.login(self.username.text().strip(), self.password.text())
        except AuthenticationError as refused:
            self._failed(refused)
            return False
        except Exception as error:  # an unreachable or locked database: in words, never a traceback
            show_message(
                self.message,
                translate(
                    "SignIn", "The database could not be reached, so nobody can sign in now: {reason}"
                ).format(reason=error),
            )
            _fit_height(self)
            return False
        self.accept()
        return True

    def _failed(self, error: AuthenticationError) -> None:
        self.failures += 1
        self.password.clear()
        self.password.setFocus()
        text, delay = refusal(error, self.failures)
        if delay:
            self.sign_in_button.setEnabled(False)
            QTimer.singleShot(delay, lambda: self.sign_in_button.setEnabled(True))
        show_message(self.message, text)
        _fit_height(self)


FIRST_ADMIN_INTRO = QT_TRANSLATE_NOOP(
    "SignIn",
    "This database has no users yet. Create the first administrator: the person who manages the "
    "lab's accounts. After signing in, the administrator adds the technologist and pathologist "
    "accounts under Tools ▸ Users; an administrator account itself does not enter or sign out cases.",
)


class FirstAdministratorDialog(QDialog):
    """Creates the first user of an empty database (always an administrator) and signs them in with
    the password they have just typed twice (`AuthService.login`, audited as any sign-in): `session`
    after accept, and `actor`, the account. Should that sign-in fail (the database, say), the account
    still exists and `session` stays None: the ordinary sign-in asks for the password."""

    def __init__(self, auth: AuthService, parent: QWidget | None = None) -> None:
        from her2desk.services.auth_service import MIN_PASSWORD_CHARS

        super().__init__(parent)
        self.auth = auth
        self.actor: Actor | None = None
        self.session: SignedInSession | None = None
        self.setWindowTitle(translate("SignIn", "Create the first administrator"))
        self.setAccessibleName("Create the first administrator")
        intro = QLabel(translate("SignIn", FIRST_ADMIN_INTRO))
        intro.setWordWrap(True)
        intro.setAccessibleName("First administrator explanation")
        self.fields: dict[str, QLineEdit] = {}
        self.messages: dict[str, QLabel] = {}
        form = QFormLayout()
        for name, label, secret in (
            ("User name", translate("SignIn", "&User name:"), False),
            ("Display name", translate("SignIn", "&Display name:"), False),
            ("Password", translate("SignIn", "&Password:"), True),
            ("Repeat password", translate("SignIn", "&Repeat password:"), True),
        ):
            field = QLineEdit()
            field.setAccessibleName(name)
            if secret:
                field.setEchoMode(QLineEdit.EchoMode.Password)
            self.fields[name] = field
            self.messages[name] = message_label(name)
            column = QVBoxLayout()
            column.setSpacing(2)
            column.addWidget(field)
            column.addWidget(self.messages[name])
            caption = QLabel(label)
            caption.setBuddy(field)  # Alt+letter goes to the field
            form.addRow(caption, column)
        self.fields["Password"].setPlaceholderText(
            translate("SignIn", "at least {count} characters").format(count=MIN_PASSWORD_CHARS)
        )
        self.fields["Display name"].setPlaceholderText(
            translate("SignIn", "as shown in the program, e.g. Dr A. Example")
        )
        self.message = message_label("Create administrator")
        self.create_button = QPushButton(translate("SignIn", "&Create administrator"))
        self.create_button.setAccessibleName("Create administrator")
        self.create_button.setDefault(True)
        self.quit_button = QPushButton(translate("SignIn", QUIT_TEXT))
        self.quit_button.setAccessibleName("Quit")
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.create_button)
        buttons.addWidget(self.quit_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.create_button.clicked.connect(self.create_administrator)
        self.quit_button.clicked.connect(self.reject)
        self.fields["User name"].setFocus()

    def problems(self) -> dict[str, str]:
        """What is wrong with each field ('' when nothing), checked before anything is written."""
        from her2desk.services.auth_service import USERNAME_PATTERN, UserInputError, check_password

        username = self.fields["User name"].text().strip()
        password = self.fields["Password"].text()
        found = dict.fromkeys(self.fields, "")
        if not username:
            found["User name"] = translate("SignIn", "Type a user name.")
        elif not USERNAME_PATTERN.match(username):
            found["User name"] = translate(
                "SignIn", "A user name is 1-64 letters, digits or . _ @ - and starts with a letter or digit."
            )
        if len(self.fields["Display name"].text().strip()) > 200:
            found["Display name"] = translate("SignIn", "A display name has at most 200 characters.")
        try:
            check_password(password)
        except UserInputError as problem:
            found["Password"] = f"{str(problem)[:1].upper()}{str(problem)[1:]}."
        if self.fields["Repeat password"].text() != password:
            found["Repeat password"] = translate("SignIn", "The two passwords are not the same.")
        return found

    def create_administrator(self) -> bool:
        """Create the administrator if every field is right; True (and `accept()`) when created."""
        from her2desk.domain.workflow import Role, WorkflowError
        from her2desk.services.auth_service import UserInputError

        found = self.problems()
        for name, text in found.items():
            show_message(self.messages[name], text)
        show_message(self.message, "")
        _fit_height(self)
        first = next((name for name, text in found.items() if text), None)
        if first is not None:
            self.fields[first].setFocus()
            return False
        username = self.fields["User name"].text().strip()
        try:
            self.actor = self.auth.create_user(
                username,
                self.fields["Password"].text(),
                Role.ADMINISTRATOR,
                self.fields["Display name"].text().strip() or username,
            )
        except (UserInputError, WorkflowError) as refused:  # e.g. someone else created a user meanwhile
            show_message(
                self.message,
                translate("SignIn", "The administrator was not created: {reason}.").format(
                    reason=say_error(refused)
                ),
            )
            _fit_height(self)
            return False
        except Exception as error:  # database problem: in words
            show_message(
                self.message,
                translate(
                    "SignIn", "The database could not be written, nothing was created: {reason}"
                ).format(reason=error),
            )
            _fit_height(self)
            return False
        try:  # the password typed twice just now proves who this is: no second sign-in at once
            self.session = self.auth.login(username, self.fields["Password"].text())
        except Exception:  # created but not signed in: the ordinary sign-in follows (sign_in_at_start)
            self.session = None
        self.accept()
        return True


def run_login(
    auth: AuthService,
    parent: QWidget | None = None,
    *,
    title: str = SIGN_IN_TITLE,
    intro: str = "",
    username: str = "",
    cancel_text: str = QUIT_TEXT,
) -> SignedInSession | None:
    """Ask for a user name and password (modal); the session, or None when the person gives up."""
    dialog = LoginDialog(auth, parent, title=title, intro=intro, username=username, cancel_text=cancel_text)
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    dialog.exec()
    return dialog.session


def run_first_administrator(
    auth: AuthService, parent: QWidget | None = None
) -> SignedInSession | Actor | None:
    """Create the first administrator of an empty database (modal): their session, signed in with the
    password just typed; only the account (an Actor) if that sign-in failed; None when the person quits."""
    dialog = FirstAdministratorDialog(auth, parent)
    dialog.exec()
    return dialog.session or dialog.actor


def sign_in_at_start(auth: AuthService) -> SignedInSession | None:
    """The start of the program: on a database without users, the first administrator, who is then
    signed in already; otherwise (or if that sign-in failed) the login. None when the person quits."""
    from her2desk.services.auth_service import SignedInSession

    username = ""
    if not auth.has_users():
        created = run_first_administrator(auth)
        if created is None:
            return None
        if isinstance(created, SignedInSession):
            return created
        username = created.username
    return run_login(auth, username=username)
