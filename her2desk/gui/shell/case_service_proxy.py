"""A stand-in for the `CaseService` while it opens on a background thread after the first paint.

Why: opening the service imports SQLAlchemy (about half a second). When the first page could be read
without it (`store.first_page`), the window is built and painted with that page first; this object is
handed to the window as its service and opens the real one once `start` is called (after the first
paint, so the import does not compete with it for the interpreter). Worker threads that need the
service (the worklist count, later pages) wait for it, and start it themselves if nobody has within
`START_AT_LATEST_S` of the event loop's first turn (a window that is never painted must not leave them
waiting for ever). That deadline counts from the event loop, not from the worker's own wait: the
worklist asks for its count while the window is still being built, and on a busy machine building
and painting it can take longer than the deadline; an open started then (SQLAlchemy's import) would
compete with the paint for the interpreter. Without any event loop they start it after
`START_ANYWAY_S`. A call on the GUI thread (opening a case, saving) starts the open at once if need be
and waits for it: a short wait, only in the first moment after start-up.
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QObject, QTimer, Signal

from her2desk.gui.common.workers import call_on_gui_thread, prepare_gui_thread_delivery

if TYPE_CHECKING:
    from her2desk.services.case_service import CaseService

START_AT_LATEST_S = 0.3  # after the event loop's first turn
START_ANYWAY_S = 5.0  # after a worker began to wait, should no event loop run at all


class _Relay(QObject):
    """Lives on the GUI thread; `finished` is emitted there once the opening thread has reported."""

    finished = Signal(object)  # None when the service is open, else the exception


class _Opening:
    """The open's state, shared with its thread: plain Python only, so the thread may drop it last."""

    def __init__(self, open_service: Callable[[], CaseService], relay: _Relay) -> None:
        self.open_service = open_service
        self.relay = weakref.ref(relay)  # never a strong reference to a Qt object from the thread
        self.started = threading.Event()
        self.loop_running = threading.Event()  # the GUI's event loop has turned once (or the open began)
        self.ready = threading.Event()
        self.lock = threading.Lock()
        self.thread: threading.Thread | None = None
        self.service: CaseService | None = None
        self.error: Exception | None = None

    def report(self) -> None:
        """On the GUI thread: say the open has ended, if the proxy (and its relay) still exist."""
        relay = self.relay()
        if relay is not None and shiboken6.isValid(relay):
            relay.finished.emit(self.error)


def _open(opening: _Opening) -> None:
    try:
        opening.service = opening.open_service()
    except Exception as error:  # handed to whoever waits, and to the GUI through `finished`
        opening.error = error
    finally:
        opening.ready.set()
        call_on_gui_thread(opening.report)


class PendingService:
    """Delegates every attribute to the service once it is open; see the module docstring."""

    def __init__(self, open_service: Callable[[], CaseService]) -> None:
        prepare_gui_thread_delivery()
        self.relay = _Relay()
        self._opening = _Opening(open_service, self.relay)
        # Runs at the event loop's first turn: the window is built by then, and its paint comes next.
        QTimer.singleShot(0, self.relay, self._opening.loop_running.set)

    @property
    def finished(self) -> Any:
        """Signal(object): None once the service is open, or the exception that stopped it."""
        return self.relay.finished

    def start(self) -> None:
        """Begin opening the service on its own thread (idempotent)."""
        opening = self._opening
        with opening.lock:
            if opening.thread is None:
                thread = threading.Thread(target=_open, args=(opening,), name="her2desk-open", daemon=True)
                opening.thread = thread
                thread.start()
                opening.started.set()
                opening.loop_running.set()

    def is_open(self) -> bool:
        return self._opening.ready.is_set() and self._opening.service is not None

    def wait(self) -> CaseService:
        """The open service; blocks until it is (see the module docstring for who starts the open)."""
        opening = self._opening
        on_gui_thread = threading.current_thread() is threading.main_thread()
        if (
            on_gui_thread
            or not opening.loop_running.wait(START_ANYWAY_S)
            or not opening.started.wait(START_AT_LATEST_S)
        ):
            self.start()
        opening.ready.wait()
        if opening.error is not None:
            raise RuntimeError(f"the database could not be opened: {opening.error}") from opening.error
        assert opening.service is not None
        return opening.service

    def close(self) -> None:
        opening = self._opening
        if opening.thread is None:
            return
        opening.ready.wait()
        if opening.service is not None:
            opening.service.close()

    def __getattr__(self, name: str) -> Any:  # only for names not defined above: the service's own
        if name.startswith("_"):
            raise AttributeError(name)
        return getattr(self.wait(), name)
