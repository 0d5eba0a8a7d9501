"""Route every unexpected exception of the desktop program to the log and the crash dialog.

`install_exception_hooks(app)` (called by `gui.app.run` before any window is built) replaces
`sys.excepthook`, which PySide6 calls for an exception raised in a slot, a timer or an event handler,
and `threading.excepthook`, for a worker thread's; what happens then is `gui.common.crash_dialog`'s.
The hooks are here, apart from the dialog, so installing them costs nothing at start-up: the dialog
(its widgets, its texts, the translation machinery) is imported when an error actually happens.
"""

from __future__ import annotations

import sys
import threading
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal, Slot


class _ThreadErrors(QObject):
    """Carries a worker thread's exception to the GUI thread (a queued signal to this object, which
    lives there)."""

    raised = Signal(object)

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.raised.connect(self.show, Qt.ConnectionType.QueuedConnection)

    @Slot(object)
    def show(self, error: BaseException) -> None:
        from her2desk.gui.common import crash_dialog

        crash_dialog.show_crash(error)


def install_exception_hooks(app: QCoreApplication) -> None:
    """Route every unexpected exception of the desktop program to the log and the dialog."""
    carrier = _ThreadErrors(app)  # parented to the application: lives as long as it, in its thread

    def excepthook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        if isinstance(error, KeyboardInterrupt):
            sys.__excepthook__(kind, error, tb)
            return
        if error.__traceback__ is None:
            error = error.with_traceback(tb)
        from her2desk.gui.common import crash_dialog

        crash_dialog.report_crash(error)

    def thread_excepthook(args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None or isinstance(args.exc_value, SystemExit):
            return
        from her2desk.gui.common import crash_dialog

        name = args.thread.name if args.thread is not None else "a worker thread"
        crash_dialog.log_crash(args.exc_value, f"thread {name}")
        carrier.raised.emit(args.exc_value)

    sys.excepthook = excepthook
    threading.excepthook = thread_excepthook
