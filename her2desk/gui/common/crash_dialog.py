"""An unexpected error in the desktop program: written to the log, told in plain words, and survived.

`install_exception_hooks(app)` (called by `gui.app.run`; it lives in `gui.common.crash_hooks`, which
imports this module only when an error happens) replaces `sys.excepthook`, which PySide6 calls for an
exception raised in a slot, a timer or an event handler, and `threading.excepthook`, for a worker
thread's. Such an error is a defect: the program keeps running (Qt goes on with the next
event), and the person sees the "Something went wrong" dialog: what happened (the exception's type and
message), where the log file is, Copy details and Close. One dialog at a time: while one is open, further
errors are logged only, so a failing paint cannot bury the screen in dialogs. A worker thread's error
is logged in that thread and the dialog is shown by the GUI thread (a queued signal).

Where the exception's message goes (it may quote the patient on screen: a ValueError naming the value
it refused, a database error quoting a row):

* the log file: never. It gets the type and every traceback frame, the message replaced by its length
  (`her2desk.app_logging`), for her2desk's own error classes too, since several quote an accession
  number. The log is a file support asks for; it must hold no patient data.
* the dialog: yes. It is on the workstation's screen, where the patient's record is shown anyway, and
  the message is what tells the person what went wrong.
* the clipboard (Copy details): yes, with the full traceback and the version, since the person copies
  it on purpose to give it to support; the dialog says that the details may name the patient.

Tests call `report_crash` (or raise in a slot with the hooks installed) and get the dialog shown
non-modally; nothing here runs a modal loop.
"""

from __future__ import annotations

import logging
import sys
import traceback
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from her2desk import app_logging
from her2desk.gui.common.translation import QT_TRANSLATE_NOOP, translate

__all__ = ["CrashDetails", "CrashDialog", "report_crash", "show_crash"]

log = logging.getLogger(__name__)

# English, marked for pyside6-lupdate; shown through translate("CrashDialog", ...). The copied details
# stay English: they are for the support contact and the log.
TITLE = QT_TRANSLATE_NOOP("CrashDialog", "her2desk — Something went wrong")
HEADING = QT_TRANSLATE_NOOP("CrashDialog", "Something went wrong")
EXPLANATION = QT_TRANSLATE_NOOP(
    "CrashDialog",
    "her2desk ran into a problem it did not expect. What you saved before is stored; you can close this "
    "message and go on working. Check the case you were working on before you save it. If it happens "
    "again, tell your support contact and give them the details (Copy details).",
)
PRIVACY_NOTE = QT_TRANSLATE_NOOP(
    "CrashDialog",
    "The copied details may name the patient of the open case: paste them only where that is allowed.",
)


@dataclass(frozen=True)
class CrashDetails:
    """What the dialog shows and Copy details copies (the message included: see the module)."""

    kind: str
    message: str
    traceback: str
    version: str
    log_path: Path | None

    @property
    def what_happened(self) -> str:
        return f"{self.kind}: {self.message}" if self.message else self.kind

    def copy_text(self) -> str:
        where = str(self.log_path) if self.log_path is not None else "(no log file could be written)"
        return (
            f"her2desk {self.version}: unexpected error\n"
            f"{self.what_happened}\n"
            f"Log file: {where}\n\n"
            f"{self.traceback}"
        )


def details_of(error: BaseException) -> CrashDetails:
    import her2desk

    return CrashDetails(
        kind=type(error).__name__,
        message=str(error),
        traceback="".join(traceback.format_exception(error)).rstrip("\n"),
        version=str(her2desk.__version__),
        log_path=app_logging.current_path(),
    )


class CrashDialog(QDialog):
    """The dialog itself: non-modal, deleted when closed."""

    def __init__(self, details: CrashDetails, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.details = details
        self.setWindowTitle(translate("CrashDialog", TITLE))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        layout = QVBoxLayout(self)
        heading = QLabel(translate("CrashDialog", HEADING))
        font = heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.25)
        heading.setFont(font)
        layout.addWidget(heading)
        layout.addWidget(self._label(translate("CrashDialog", EXPLANATION), "Explanation"))
        happened = translate("CrashDialog", "What happened: {what}").format(what=details.what_happened)
        layout.addWidget(self._label(happened, "What happened"))
        where = (
            translate("CrashDialog", "The details were written to the log file {path}").format(
                path=details.log_path
            )
            if details.log_path is not None
            else translate("CrashDialog", "No log file could be written.")
        )
        layout.addWidget(self._label(where, "Log file"))
        layout.addWidget(self._label(translate("CrashDialog", PRIVACY_NOTE), "About the details"))
        layout.addStretch(1)  # any height to spare goes above the buttons, not between the lines
        buttons = QDialogButtonBox()
        self.copy_button = QPushButton(translate("CrashDialog", "&Copy details"))
        self.copy_button.setAccessibleName("Copy details")
        self.copy_button.clicked.connect(self.copy_details)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setAccessibleName("Close")
        close.setDefault(True)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(560, self.sizeHint().height())

    def _label(self, text: str, name: str) -> QLabel:
        label = QLabel(text)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)  # a message is never read as markup
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.setAccessibleName(name)
        return label

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details.copy_text())
        self.copy_button.setText(translate("CrashDialog", "Copied"))


_open: list[CrashDialog] = []  # the dialog shown now, if any (also keeps it from being collected)


def log_crash(error: BaseException, where: str = "the desktop program") -> None:
    """The log's record of the error: its type and frames, the message withheld (`app_logging`)."""
    log.error("unexpected error in %s (%s)", where, type(error).__name__, exc_info=error)


def show_crash(error: BaseException) -> CrashDialog | None:
    """Show the dialog for `error` (GUI thread); the one already open instead, if there is one."""
    if _open:
        return _open[0]
    try:
        dialog = CrashDialog(details_of(error), QApplication.activeWindow())
        dialog.finished.connect(lambda _code: _open.remove(dialog) if dialog in _open else None)
        _open.append(dialog)
        dialog.show()
        dialog.raise_()
        return dialog
    except Exception:  # the dialog itself failed: the log has the error, stderr says so
        print("her2desk: unexpected error; the details are in the log file", file=sys.stderr)
        return None


def report_crash(error: BaseException) -> CrashDialog | None:
    """An unexpected error in the GUI thread: log it and show the dialog."""
    log_crash(error)
    return show_crash(error)
