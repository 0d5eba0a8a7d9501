"""GUI test fixtures: throwaway settings, a real database file for every test, no modal dialogs.

Widgets are found the way a screen reader finds them, by accessible name, and driven with key clicks.
Loaded by conftest.py only when PySide6 is installed.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from her2desk.gui.common import (
    dialogs,
    translation,
)  # importing her2desk.gui guards against the PySide6 refcount defect
from her2desk.gui.shell.main_window import MainWindow
from her2desk.services.case_service import CaseService, open_case_service


@pytest.fixture(autouse=True)
def private_settings(tmp_path: Path, qapp) -> Iterator[Path]:
    """QSettings go to a temporary INI directory, never to the developer's real settings."""
    folder = tmp_path / "settings"
    folder.mkdir()
    QCoreApplication.setOrganizationName("her2desk-tests")
    QCoreApplication.setApplicationName("her2desk-tests")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    # The tests read the English words (and find widgets by their English accessible names): a Spanish
    # system locale must not change them. A test of another language installs it itself.
    translation.set_preferred_language(translation.ENGLISH)
    translation.install_translators(translation.ENGLISH)
    return folder


@pytest.fixture
def spanish() -> Iterator[None]:
    """The interface in Spanish for one test (chosen as a person would, then installed); English after."""
    translation.set_preferred_language(translation.SPANISH)
    assert translation.install_translators() == translation.SPANISH
    yield
    translation.install_translators(translation.ENGLISH)


@pytest.fixture(autouse=True)
def no_modal_dialogs(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """A modal dialog in a test would hang it: any question not answered by the test fails it."""
    asked: list[str] = []

    def unexpected(name: str):
        def fail(*_args: object, **_kwargs: object):
            asked.append(name)
            raise AssertionError(f"unexpected dialog: {name}")

        return fail

    for name in ("ask_unsaved", "ask_conflict", "show_error", "show_about", "show_shortcuts"):
        monkeypatch.setattr(dialogs, name, unexpected(name))
    return asked


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "her2desk-test.sqlite3"


@pytest.fixture(autouse=True)
def gc_only_in_the_gui_thread() -> Iterator[None]:
    """As the program does (`gui.common.collector`): no automatic collection while a GUI test runs,
    since one started by a worker thread would destroy a Qt object in that thread (a crash at a random
    later test); the garbage is collected here, in the GUI thread, before and after each test."""
    gc.collect()
    gc.disable()
    try:
        yield
    finally:
        gc.collect()
        gc.enable()


@pytest.fixture
def service(db_path: Path) -> Iterator[CaseService]:
    svc = open_case_service(str(db_path), user="tester")
    yield svc
    svc.close()


@pytest.fixture
def window(service: CaseService, qtbot, monkeypatch: pytest.MonkeyPatch) -> Iterator[MainWindow]:
    win = MainWindow(service, location=str(service.database.url))
    win.show()
    qtbot.waitExposed(win)
    qtbot.waitUntil(lambda: win.worklist_model.total is not None)
    yield win
    monkeypatch.setattr(dialogs, "ask_unsaved", lambda *_a: dialogs.UnsavedChoice.DISCARD)
    win.close()
    win.runner.wait()
    qapp_process_events()
    win.deleteLater()


def qapp_process_events() -> None:
    QCoreApplication.processEvents()


class Ui:
    """Drives real widgets as a person would: by their accessible names, with the keyboard."""

    def __init__(self, qtbot) -> None:
        self.qtbot = qtbot

    def find(self, root: QWidget, name: str) -> QWidget:
        found = [w for w in root.findChildren(QWidget) if w.accessibleName() == name]
        assert len(found) == 1, f"{len(found)} widgets are named {name!r}"
        return found[0]

    def shown(self, root: QWidget, name: str) -> bool:
        return self.find(root, name).isVisibleTo(root)

    def type(self, root: QWidget, name: str, text: str) -> None:
        widget = self.find(root, name)
        assert isinstance(widget, QLineEdit), f"{name!r} is not a text field"
        assert widget.isVisibleTo(root), f"{name!r} is hidden"
        widget.setFocus()
        widget.selectAll()
        if text:
            self.qtbot.keyClicks(widget, text)
        else:
            self.qtbot.keyClick(widget, Qt.Key.Key_Delete)
        assert widget.text() == text

    def choose(self, root: QWidget, name: str, text: str) -> None:
        """Pick an entry of a drop-down by typing its first letters, as on the keyboard."""
        widget = self.find(root, name)
        assert isinstance(widget, QComboBox), f"{name!r} is not a drop-down"
        assert widget.isVisibleTo(root), f"{name!r} is hidden"
        widget.setFocus()
        index = widget.findText(text)
        assert index >= 0, f"{name!r} has no entry {text!r}"
        # Keyboard search matches prefixes; step with the arrow keys to the exact entry.
        while widget.currentIndex() != index:
            key = Qt.Key.Key_Down if widget.currentIndex() < index else Qt.Key.Key_Up
            self.qtbot.keyClick(widget, key)
        assert widget.currentText() == text

    def text(self, root: QWidget, name: str) -> str:
        widget = self.find(root, name)
        if isinstance(widget, QComboBox):
            return widget.currentText()
        return widget.text()  # type: ignore[attr-defined]

    def leave(self, root: QWidget, name: str) -> None:
        """Leave a field with Tab, as a person does when done with it: its problems are shown then."""
        widget = self.find(root, name)
        widget.setFocus()
        self.qtbot.keyClick(widget, Qt.Key.Key_Tab)
        assert not widget.hasFocus(), f"{name!r} kept the focus"

    def enter(self, root: QWidget, name: str, text: str) -> None:
        """Type into a field and leave it (`type`, then `leave`)."""
        self.type(root, name, text)
        self.leave(root, name)

    def message(self, root: QWidget, name: str) -> str:
        """The message shown beside a field ('' when none is shown)."""
        label = self.find(root, f"{name} message")
        return label.text() if label.isVisibleTo(root) else ""


@pytest.fixture
def ui(qtbot) -> Ui:
    return Ui(qtbot)


# -- signed-in windows and dialogs driven without a modal loop --------------------------------------


def signed_in_window(service: CaseService, actor, qtbot) -> MainWindow:
    """A main window for `actor` on `service`'s database, shown and with its worklist counted."""
    window = MainWindow(CaseService(service.database, actor=actor), actor=actor)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.worklist_model.total is not None)
    return window


def close_window(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    """Close a window in a test: unsaved changes discarded, an idle lock opened first."""
    from her2desk.gui.shell import idle_lock

    monkeypatch.setattr(dialogs, "ask_unsaved", lambda *_a: dialogs.UnsavedChoice.DISCARD)
    monkeypatch.setattr(idle_lock, "confirm_discard", lambda *_a: True)
    if window.idle_lock is not None and window.idle_lock.locked:
        window.idle_lock.unlock()
    window.close()
    window.runner.wait()


def login_answer(qtbot, ui: Ui, username: str, password: str, calls: list[dict] | None = None):
    """A stand-in for `login_dialog.run_login`: the real dialog, shown non-modally, given the keyboard
    as a modal dialog would have it, filled in and submitted. `calls` collects the options it got."""
    from PySide6.QtWidgets import QApplication

    from her2desk.gui.shell.login_dialog import LoginDialog

    def run_login(auth, parent=None, **options):
        if calls is not None:
            calls.append(options)
        dialog = LoginDialog(auth, parent, **options)
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=2000)
        ui.type(dialog, "User name", username)
        ui.type(dialog, "Password", password)
        qtbot.mouseClick(ui.find(dialog, "Sign in"), Qt.MouseButton.LeftButton)
        return dialog.session

    return run_login


@pytest.fixture
def open_window(qtbot, monkeypatch: pytest.MonkeyPatch):
    """`open_window(lab, actor)`: a shown main window on `lab.database` for `actor` (None: the local
    user without sign-in); every window is closed, unsaved changes discarded, after the test."""
    windows: list[MainWindow] = []

    def make(lab, actor) -> MainWindow:
        service = CaseService(lab.database, actor=actor) if actor else CaseService(lab.database, "local")
        window = MainWindow(service, actor=actor)
        window.show()
        qtbot.waitExposed(window)
        qtbot.waitUntil(lambda: window.worklist_model.total is not None)
        windows.append(window)
        return window

    yield make
    monkeypatch.setattr(dialogs, "ask_unsaved", lambda *_a: dialogs.UnsavedChoice.DISCARD)
    for window in windows:
        window.close()
        window.runner.wait()
        window.deleteLater()


def dialog_queue(monkeypatch: pytest.MonkeyPatch, qtbot, module) -> list:
    """Replace `module.exec_dialog` (a feature's one modal seam) with a queue of functions that each
    drive one dialog, shown non-modally; a dialog nobody expected fails the test, and a dialog the
    driver leaves open is cancelled, as a person closing it would."""
    queue: list = []

    def run(dialog) -> int:
        assert queue, f"unexpected dialog: {dialog.windowTitle()}"
        dialog.show()
        qtbot.waitExposed(dialog)
        queue.pop(0)(dialog)
        if dialog.isVisible():
            dialog.reject()
        return dialog.result()

    monkeypatch.setattr(module, "exec_dialog", run)
    return queue


def new_signed_in_user(auth, name: str, password: str, *args: object, **kwargs: object):
    """Create a user and sign them in: the actor carries the session the services check."""
    auth.create_user(name, password, *args, **kwargs)
    return auth.login(name, password).actor
