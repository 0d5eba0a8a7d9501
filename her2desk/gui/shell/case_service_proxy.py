"""A stand-in for the `CaseService` while it opens on a background thread after the first paint.

Why: opening the service imports SQLAlchemy (about half a second). When the first page could be read
without it (`store.first_page`), the window is built and painted with that page first; this object is
handed to the window as its service and opens the real one once `start` is called (after the first
paint, so the import does not compete with it for the interpreter). Worker threads that need the
service (the worklist count, later pages) wait for it, and start it themselves if nobody has within
`START_AT_LATEST_S` (a window that is never painted must not leave them waiting for ever); a call
on the GUI thread (opening a case, saving) starts the open at once if need be and waits for it: a
short wait, only in the first moment after start-up.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:
    from her2desk.services.case_service import CaseService

START_AT_LATEST_S = 0.3


class _Relay(QObject):
    """Lives on the GUI thread; `finished` is emitted by the opening thread and delivered queued."""

    finished = Signal(object)  # None when the service is open, else the exception


class PendingService:
    """Delegates every attribute to the service once it is open; see the module docstring."""

    def __init__(self, open_service: Callable[[], CaseService]) -> None:
        self._open_service = open_service
        self._started = threading.Event()
        self._ready = threading.Event()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._service: CaseService | None = None
        self._error: Exception | None = None
        self.relay = _Relay()

    @property
    def finished(self) -> Any:
        """Signal(object): None once the service is open, or the exception that stopped it."""
        return self.relay.finished

    def start(self) -> None:
        """Begin opening the service on its own thread (idempotent)."""
        with self._lock:
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="her2desk-open", daemon=True)
                self._thread.start()
                self._started.set()

    def _run(self) -> None:
        try:
            self._service = self._open_service()
        except Exception as error:  # handed to whoever waits, and to the GUI through `finished`
            self._error = error
        finally:
            self._ready.set()
            self.relay.finished.emit(self._error)

    def is_open(self) -> bool:
        return self._ready.is_set() and self._service is not None

    def wait(self) -> CaseService:
        """The open service; blocks until it is (see the module docstring for who starts the open)."""
        on_gui_thread = threading.current_thread() is threading.main_thread()
        if on_gui_thread or not self._started.wait(START_AT_LATEST_S):
            self.start()
        self._ready.wait()
        if self._error is not None:
            raise RuntimeError(f"the database could not be opened: {self._error}") from self._error
        assert self._service is not None
        return self._service

    def close(self) -> None:
        if self._thread is None:
            return
        self._ready.wait()
        if self._service is not None:
            self._service.close()

    def __getattr__(self, name: str) -> Any:  # only for names not defined above: the service's own
        if name.startswith("_"):
            raise AttributeError(name)
        return getattr(self.wait(), name)
