"""The idle lock: after the lab's idle time without keyboard or mouse input, hide the window's contents
and ask the signed-in user's password again.

Why: a workstation left signed in shows patient data to whoever walks past and lets them act in the
signed-in person's name. The lock hides every view (tabs, docks, menus, status bar and the program's
other non-modal windows: no patient data stays visible, no menu shortcut works) but destroys
nothing: unsaved entries in the case form are there again after unlocking. Unlocking goes through
`AuthService.login` with the signed-in user's name, so every attempt is audited like a sign-in.
"Switch user" lets someone else sign in instead (the locked user's unsaved entries are discarded
only after an explicit yes).

The idle time is the lab setting `idle_lock_minutes`. The settings dialog promises that a change applies
at once to every workstation, so the setting is read again once a minute (`RECHECK_MS`; a read costs
about 0.6 ms, and it is never done on the input path), when this window's own settings dialog saves
(`reread_interval`) and at each unlock. A shorter time counts from the last input, not from the change:
a workstation idle for longer than the new time locks at once. Tests inject a tiny interval. While a
modal dialog is open the lock waits for it to close (the dialog is the person's current work; hiding
it would cancel it).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QElapsedTimer, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from her2desk.gui.common.fields import ERROR_STYLE
from her2desk.gui.common.labels import role_label
from her2desk.gui.common.translation import QT_TRANSLATE_NOOP, translate
from her2desk.gui.shell.host import FeatureHost
from her2desk.gui.shell.login_dialog import LOGIN_FAILED_TEXT, refusal

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMenuBar, QStackedWidget, QStatusBar, QTabWidget

    from her2desk.domain.workflow import Actor
    from her2desk.services.auth_service import AuthenticationError

DEFAULT_IDLE_MINUTES = 10  # as domain.lab_settings.LabSettings.idle_lock_minutes
RECHECK_MS = 60_000  # how often the lab setting is read again (see the module docstring)
WRONG_PASSWORD_TEXT = QT_TRANSLATE_NOOP("IdleLock", "The password is not correct")
ACTIVITY = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
    }
)


class LockableWindow(FeatureHost, Protocol):
    """The window the idle lock hides and gives back: what any feature may use of it, plus its page
    stack (where the lock screen goes), its tabs and bars (hidden while locked) and its session (ended
    when it locks, renewed or handed to someone else when it unlocks). `MainWindow` implements it; the
    lock is typed against it so that it need not import the window that creates it."""

    pages: QStackedWidget
    tabs: QTabWidget

    def menuBar(self) -> QMenuBar: ...  # noqa: N802  (Qt's name)

    def statusBar(self) -> QStatusBar: ...  # noqa: N802  (Qt's name)

    def end_session(self, reason: str) -> None: ...

    def renew_session(self, actor: Actor) -> None: ...

    def switch_user(self, *, discard_unsaved: bool = False) -> bool: ...


def confirm_discard(parent: QWidget, text: str) -> bool:
    """Switching user from the lock screen would drop the locked user's unsaved entries: ask first."""
    answer = QMessageBox.question(
        parent,
        translate("IdleLock", "Discard unsaved changes?"),
        text,
        QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    return answer == QMessageBox.StandardButton.Discard


def idle_minutes(window: FeatureHost) -> int:
    """The lab's idle time; the cautious default when the settings cannot be read (yet)."""
    try:
        return int(window.lab_settings().idle_lock_minutes)
    except Exception:  # settings service missing or database unreachable: lock, never fail open
        return DEFAULT_IDLE_MINUTES


def _other_window(widget: QWidget, main: QWidget) -> bool:
    """Another window of the program that may show data (a viewer, a preview): hidden while locked."""
    kind = widget.windowType()
    return widget is not main and kind not in (Qt.WindowType.Popup, Qt.WindowType.ToolTip)


class LockScreen(QWidget):
    """What the locked window shows: who is signed in, a password field, Unlock and Switch user."""

    unlock_requested = Signal(str)
    switch_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Locked screen")
        self.title = QLabel()
        self.title.setAccessibleName("Locked")
        self.title.setWordWrap(True)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.password = QLineEdit()
        self.password.setAccessibleName("Unlock password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setMaximumWidth(320)
        self.message = QLabel()
        self.message.setAccessibleName("Unlock message")
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setVisible(False)
        self.unlock_button = QPushButton(translate("IdleLock", "&Unlock"))
        self.unlock_button.setAccessibleName("Unlock")
        self.unlock_button.setDefault(True)
        self.switch_button = QPushButton(translate("IdleLock", "S&witch user…"))
        self.switch_button.setAccessibleName("Switch user")
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.unlock_button)
        buttons.addWidget(self.switch_button)
        buttons.addStretch(1)
        field = QHBoxLayout()
        field.addStretch(1)
        field.addWidget(self.password)
        field.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.title)
        layout.addLayout(field)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        layout.addStretch(2)
        self.unlock_button.clicked.connect(lambda: self.unlock_requested.emit(self.password.text()))
        self.password.returnPressed.connect(self.unlock_button.click)
        self.switch_button.clicked.connect(self.switch_requested)

    def prepare(self, actor: Actor) -> None:
        self.title.setText(
            translate(
                "IdleLock",
                "<h2>her2desk is locked</h2><p>Signed in as <b>{user}</b> ({role}). "
                "Type your password to continue, or switch user.</p>",
            ).format(user=actor.username, role=role_label(actor.role))
        )
        self.password.clear()
        self.say("")
        self.password.setFocus()

    def say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))


class IdleLock(QObject):
    """Watches the application's input and locks `window` after `interval_ms` without any."""

    def __init__(self, window: LockableWindow, interval_ms: int | None = None) -> None:
        super().__init__(window.widget())
        self.window = window
        self.fixed_interval_ms = interval_ms  # tests; None: the lab setting
        self.locked = False
        self.failures = 0
        self._hidden: list[QWidget] = []
        self.screen = LockScreen()
        window.pages.addWidget(self.screen)
        self.screen.unlock_requested.connect(self.try_unlock)
        self.screen.switch_requested.connect(self.switch_user)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.lock)
        self.current_ms = 0  # the idle time in force (the timer's own interval may be a remainder)
        self.idle_since = QElapsedTimer()  # time since the last input
        self._arm()
        self.recheck_timer = QTimer(self)
        self.recheck_timer.setInterval(RECHECK_MS)
        self.recheck_timer.timeout.connect(self.reread_interval)
        if interval_ms is None:  # a fixed (test) interval never changes
            self.recheck_timer.start()
        app = QApplication.instance()
        assert app is not None
        app.installEventFilter(self)

    def interval_ms(self) -> int:
        if self.fixed_interval_ms is not None:
            return self.fixed_interval_ms
        return idle_minutes(self.window) * 60_000

    def _arm(self) -> None:
        self.current_ms = self.interval_ms()
        self.idle_since.start()
        self.timer.start(self.current_ms)

    def reread_interval(self) -> None:
        """Take a changed lab idle time into use now, counting from the last input (not from now)."""
        if self.locked or self.fixed_interval_ms is not None:
            return  # locked: the unlock reads it again
        wanted = self.interval_ms()
        if wanted == self.current_ms:
            return
        self.current_ms = wanted
        idle = self.idle_since.elapsed() if self.idle_since.isValid() else 0
        self.timer.start(max(0, wanted - idle))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if not self.locked and event.type() in ACTIVITY:
            self.idle_since.start()
            self.timer.start(self.current_ms)  # input restarts the count
        return False

    def stop(self) -> None:
        """No more locking (the window is closing)."""
        self.timer.stop()
        self.recheck_timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    # -- locking ---------------------------------------------------------------------------------

    def lock(self) -> None:
        window = self.window
        if self.locked or window.actor is None:
            return
        if QApplication.activeModalWidget() is not None:
            self.timer.start(self.current_ms)  # see the module docstring: wait for the dialog to close
            return
        self.locked = True
        bars: list[QWidget] = [window.menuBar(), window.statusBar()]
        bars += window.widget().findChildren(QToolBar) + window.widget().findChildren(QDockWidget)
        bars += [w for w in QApplication.topLevelWidgets() if _other_window(w, window.widget())]
        self._hidden = [w for w in bars if w.isVisible()]
        for widget in self._hidden:
            widget.hide()
        window.pages.setCurrentWidget(self.screen)
        window.tabs.hide()  # not only behind the lock screen: out of the accessibility tree too
        self.failures = 0
        self.screen.prepare(window.actor)
        self.screen.unlock_button.setEnabled(True)
        window.end_session("locked")  # nothing more is done in their name until the password is given

    def unlock(self) -> None:
        window = self.window
        self.locked = False
        window.tabs.show()
        window.pages.setCurrentWidget(window.tabs)
        for widget in self._hidden:
            widget.show()
        self._hidden = []
        self.screen.password.clear()  # no password left behind in a hidden field
        self._arm()

    def try_unlock(self, password: str) -> bool:
        """The signed-in user's password (audited by `AuthService.login`); True when unlocked."""
        from her2desk.services.auth_service import AuthenticationError
        from her2desk.services.bundle import Services

        actor = self.window.actor
        if not self.locked or actor is None or not self.screen.unlock_button.isEnabled():
            return False
        try:
            session = Services.of(self.window.service).auth.login(actor.username, password)
        except AuthenticationError as refused:
            self._failed(refused)
            return False
        except Exception as error:  # database unreachable: stay locked, say why
            self.screen.say(
                translate(
                    "IdleLock",
                    "The database could not be reached, so the password cannot be checked: {reason}",
                ).format(reason=error)
            )
            return False
        if session.actor.user_id != actor.user_id:  # the account was replaced under the same name
            self._failed(AuthenticationError())
            return False
        self.window.renew_session(session.actor)
        self.unlock()
        return True

    def _failed(self, error: AuthenticationError) -> None:
        self.failures += 1
        self.screen.password.clear()
        text, delay = refusal(error, self.failures)
        text = text.replace(  # the name is not typed here
            translate("SignIn", LOGIN_FAILED_TEXT), translate("IdleLock", WRONG_PASSWORD_TEXT)
        )
        if delay:
            self.screen.unlock_button.setEnabled(False)
            QTimer.singleShot(delay, lambda: self.screen.unlock_button.setEnabled(True))
        self.screen.say(text)

    def switch_user(self) -> bool:
        """Someone else signs in from the lock screen; True when they did (the window unlocks)."""
        window = self.window
        if not self.locked:
            return False
        if window.has_unsaved_changes():
            who = (
                window.actor.username
                if window.actor is not None
                else translate("IdleLock", "The signed-in user")
            )
            if not confirm_discard(
                self.screen,
                translate(
                    "IdleLock",
                    "{user} has unsaved changes in the case form. Switching user discards them. "
                    "Switch anyway?",
                ).format(user=who),
            ):
                return False
        if not window.switch_user(discard_unsaved=True):
            return False
        self.unlock()
        return True
