"""Run slow work (database queries) on a thread pool and hand the result back on the GUI thread.

Only plain data crosses threads: the callable returns dataclasses (never ORM objects) and the result
is delivered by a queued signal, so callbacks always run on the GUI thread and may touch widgets.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal

_T = TypeVar("_T")


class _Relay(QObject):
    """Lives on the GUI thread; its signals are emitted from a worker and delivered queued."""

    succeeded = Signal(object)
    failed = Signal(object)


class _Task(QRunnable):
    def __init__(self, work: Callable[[], object], relay: _Relay) -> None:
        super().__init__()
        self.work = work
        self.relay = relay

    def run(self) -> None:
        try:
            result = self.work()
        except Exception as error:  # reported to the GUI thread, never lost in a worker
            self.relay.failed.emit(error)
        else:
            self.relay.succeeded.emit(result)


class TaskRunner(QObject):
    """A small private thread pool; `submit` returns at once, callbacks run later on the GUI thread."""

    def __init__(self, threads: int = 2, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(threads)
        self._live: set[_Relay] = set()
        self._sequence = 0

    def submit(
        self,
        work: Callable[[], _T],
        on_success: Callable[[_T], None],
        on_failure: Callable[[Exception], None] | None = None,
    ) -> None:
        """Run `work` on the pool; newer requests run before older queued ones (the view moved on)."""
        relay = _Relay(self)  # deleted with the runner: late results for a closed window are dropped
        self._live.add(relay)

        # The relay's signals carry `object`: what `work` returned (for on_success) or what it raised.
        def finish(callback: Callable[[Any], None], value: object) -> None:
            self._live.discard(relay)
            relay.deleteLater()
            callback(value)

        relay.succeeded.connect(lambda value: finish(on_success, value), Qt.ConnectionType.QueuedConnection)
        relay.failed.connect(
            lambda error: finish(on_failure or _reraise, error), Qt.ConnectionType.QueuedConnection
        )
        self._sequence += 1
        self.pool.start(_Task(work, relay), self._sequence % 1_000_000_000)

    def busy(self) -> bool:
        return bool(self._live)

    def wait(self, msecs: int = 30_000) -> bool:
        """Block until queued work has run (shutdown and tests); callbacks still arrive via the loop."""
        return self.pool.waitForDone(msecs)


def _reraise(error: object) -> None:
    if isinstance(error, BaseException):
        raise error
