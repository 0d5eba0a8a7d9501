"""An unexpected error in the desktop program (`gui.common.crash_dialog`): logged without its message,
shown in the "Something went wrong" dialog with the log file's path and Copy details, and survived."""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QLabel

from her2desk import __version__, app_logging
from her2desk.gui.common import crash_dialog, crash_hooks
from her2desk.gui.common.crash_dialog import CrashDialog

PATIENT = "Zyxwortha-Crashtest"


@pytest.fixture
def log_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qapp) -> Iterator[Path]:
    """The log set up as the program does, and the hooks installed; both undone afterwards."""
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    path = app_logging.configure("debug", directory=tmp_path / "logs")
    assert path is not None
    crash_hooks.install_exception_hooks(qapp)
    yield path
    for dialog in list(crash_dialog._open):
        dialog.close()
    app_logging.shutdown()


def shown_dialog() -> CrashDialog | None:
    found = [w for w in QApplication.topLevelWidgets() if isinstance(w, CrashDialog) and w.isVisible()]
    return found[0] if found else None


def label(dialog: CrashDialog, name: str) -> str:
    [widget] = [w for w in dialog.findChildren(QLabel) if w.accessibleName() == name]
    return widget.text()


@pytest.mark.qt_no_exception_capture
def test_an_error_in_a_slot_shows_the_dialog_logs_it_and_the_program_goes_on(log_file: Path, qtbot) -> None:
    ran_after: list[bool] = []

    def failing_slot() -> None:
        raise ValueError(f"cannot read the birth date of {PATIENT}")

    QTimer.singleShot(0, failing_slot)
    QTimer.singleShot(20, lambda: ran_after.append(True))
    qtbot.waitUntil(lambda: shown_dialog() is not None, timeout=5000)
    dialog = shown_dialog()
    assert dialog is not None
    assert not dialog.isModal()
    assert dialog.windowTitle() == "her2desk — Something went wrong"
    assert (
        label(dialog, "What happened")
        == f"What happened: ValueError: cannot read the birth date of {PATIENT}"
    )
    assert str(log_file) in label(dialog, "Log file")
    qtbot.waitUntil(lambda: ran_after == [True])  # the event loop went on with the next event

    QGuiApplication.clipboard().clear()
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    copied = QGuiApplication.clipboard().text()
    assert copied.startswith(f"her2desk {__version__}: unexpected error\n")
    assert f"ValueError: cannot read the birth date of {PATIENT}" in copied
    assert "Traceback (most recent call last):" in copied
    assert "in failing_slot" in copied
    assert f"Log file: {log_file}" in copied

    logged = log_file.read_text(encoding="utf-8")
    assert (
        "ERROR   her2desk.gui.common.crash_dialog: unexpected error in the desktop program (ValueError)"
        in logged
    )
    assert "in failing_slot" in logged
    assert "builtins.ValueError: <message withheld:" in logged
    assert PATIENT not in logged  # the message stays on the screen, out of the file


@pytest.mark.qt_no_exception_capture
def test_one_dialog_at_a_time_every_error_logged(log_file: Path, qtbot) -> None:
    def fail(number: int) -> None:
        raise RuntimeError(f"failure {number}")

    for number in range(3):
        QTimer.singleShot(0, lambda n=number: fail(n))
    qtbot.waitUntil(lambda: log_file.read_text(encoding="utf-8").count("(RuntimeError)") == 3)
    dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, CrashDialog) and w.isVisible()]
    assert len(dialogs) == 1
    assert label(dialogs[0], "What happened") == "What happened: RuntimeError: failure 0"
    dialogs[0].close()
    qtbot.waitUntil(lambda: not crash_dialog._open)
    QTimer.singleShot(0, lambda: fail(4))  # once closed, the next error gets its own dialog
    qtbot.waitUntil(lambda: shown_dialog() is not None)
    dialog = shown_dialog()
    assert dialog is not None
    assert label(dialog, "What happened") == "What happened: RuntimeError: failure 4"


def test_a_worker_threads_error_is_shown_by_the_gui_thread(
    log_file: Path, qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown_in: list[threading.Thread] = []
    real_show = crash_dialog.show_crash

    def watched_show(error: BaseException) -> CrashDialog | None:
        shown_in.append(threading.current_thread())
        return real_show(error)

    monkeypatch.setattr(crash_dialog, "show_crash", watched_show)

    def work() -> None:
        raise OSError("the scanner went away")

    worker = threading.Thread(target=work, name="her2desk-test-worker")
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: shown_dialog() is not None, timeout=5000)
    assert shown_in == [threading.main_thread()]
    dialog = shown_dialog()
    assert dialog is not None
    assert label(dialog, "What happened") == "What happened: OSError: the scanner went away"
    assert "unexpected error in thread her2desk-test-worker (OSError)" in log_file.read_text(encoding="utf-8")


def test_the_dialog_without_a_log_file_says_so(qtbot, qapp) -> None:
    app_logging.shutdown()
    try:
        raise KeyError("x")
    except KeyError as error:
        dialog = crash_dialog.report_crash(error)
    assert dialog is not None
    assert label(dialog, "Log file") == "No log file could be written."
    assert "Log file: (no log file could be written)" in dialog.details.copy_text()
    dialog.close()
