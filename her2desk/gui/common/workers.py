"""Run slow work (database queries, PDF rendering) on worker threads and hand the result back on the
GUI thread.

Only plain data crosses threads: the callable returns dataclasses (never ORM objects) and its result
is delivered on the GUI thread, so callbacks may touch widgets.

Why plain Python threads and not a QThreadPool with a QRunnable and a QObject per task: a worker that
emits a signal on a QObject which the GUI thread deletes once the result has arrived races the
object's destructor against the end of the emission, and a QRunnable's Python wrapper is freed in the
worker thread, dropping its references (the work's closure, and with it models and widgets) there.
Either crashes the process now and then, at a random later moment. So here:

- the workers touch one Qt object only, the process-wide `_Dispatcher`, created on the GUI thread and
  never deleted; they emit its argument-less signal to say "results are waiting";
- a job (its callable and its callbacks) belongs to the runner's table until the GUI thread has handled
  its result, and a worker lets go of its own references before it reports: nothing a job refers to is
  ever freed in a worker thread;
- a runner deleted by Qt (its window closed) forgets the jobs not yet started, and the results of the
  ones running are dropped on the GUI thread when they arrive.
"""

from __future__ import annotations

import heapq
import queue
import threading
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal

_T = TypeVar("_T")

IDLE_EXIT_S = 2.0  # an idle worker thread ends after this long; the next job starts another


@dataclass(eq=False)
class _Job:
    work: Callable[[], object]
    on_success: Callable[[Any], None]
    on_failure: Callable[[Any], None]
    outcome: tuple[bool, object] | None = None  # (succeeded, value or exception), set by the worker


class _Board:
    """What a runner shares with its worker threads: plain Python only (workers never see the runner)."""

    def __init__(self, owner: TaskRunner, threads: int) -> None:
        self.owner = weakref.ref(owner)
        self.max_threads = max(1, threads)
        self.lock = threading.Lock()
        self.has_work = threading.Condition(self.lock)
        self.all_done = threading.Condition(self.lock)
        self.queue: list[tuple[int, int]] = []  # a heap of (-sequence, token): newest first
        self.jobs: dict[int, _Job] = {}  # every job not yet handed back on the GUI thread
        self.threads = 0
        self.idle = 0
        self.unfinished = 0  # queued or running
        self.closed = False
        self.sequence = 0

    # -- GUI thread ---------------------------------------------------------------------------------

    def submit(self, job: _Job) -> None:
        with self.lock:
            if self.closed:
                return
            self.sequence += 1
            token = self.sequence
            self.jobs[token] = job
            heapq.heappush(self.queue, (-token, token))
            self.unfinished += 1
            if self.idle:
                self.has_work.notify()
                return
            if self.threads >= self.max_threads:
                return
            self.threads += 1
        threading.Thread(target=_work_loop, args=(self,), name="her2desk-worker", daemon=True).start()

    def close(self) -> None:
        """Forget the jobs not started (on the GUI thread); running ones finish and are dropped."""
        with self.lock:
            self.closed = True
            dropped = [self.jobs.pop(token) for _, token in self.queue]
            self.unfinished -= len(self.queue)
            self.queue.clear()
            self.has_work.notify_all()
            self.all_done.notify_all()
        dropped.clear()

    def deliver(self, token: int) -> None:
        """Hand a finished job's result to its callback (GUI thread), unless the runner is gone."""
        job = self.jobs.pop(token, None)
        runner = self.owner()
        gone = self.closed or runner is None or not shiboken6.isValid(runner)
        if job is None or job.outcome is None or gone:
            return
        succeeded, value = job.outcome
        (job.on_success if succeeded else job.on_failure)(value)

    def wait(self, msecs: int) -> bool:
        with self.lock:
            return self.all_done.wait_for(lambda: self.unfinished <= 0, timeout=msecs / 1000)


def _work_loop(board: _Board) -> None:
    """A worker thread: take the newest job, run it, report it; end when idle for IDLE_EXIT_S."""
    while True:
        with board.lock:
            while not board.queue and not board.closed:
                board.idle += 1
                woken = board.has_work.wait(IDLE_EXIT_S)
                board.idle -= 1
                if not woken and not board.queue:
                    break
            if not board.queue:  # closed, or idle too long
                board.threads -= 1
                return
            _, token = heapq.heappop(board.queue)
            job = board.jobs[token]
        _run(job)
        del job  # the table still holds it: this is never the last reference
        with board.lock:
            board.unfinished -= 1
            if board.unfinished <= 0:
                board.all_done.notify_all()
        call_on_gui_thread(partial(board.deliver, token))


def _run(job: _Job) -> None:
    try:
        job.outcome = (True, job.work())
    except Exception as error:  # reported to the GUI thread, never lost in a worker
        job.outcome = (False, error)


class _Dispatcher(QObject):
    """Lives on the GUI thread for the life of the process; workers only post to it."""

    results_waiting = Signal()

    def __init__(self) -> None:
        super().__init__()
        self._waiting: queue.SimpleQueue[Callable[[], None]] = queue.SimpleQueue()
        self.results_waiting.connect(self._deliver_all, Qt.ConnectionType.QueuedConnection)

    def post(self, deliver: Callable[[], None]) -> None:
        self._waiting.put(deliver)
        self.results_waiting.emit()

    def _deliver_all(self) -> None:
        while True:
            try:
                deliver = self._waiting.get_nowait()
            except queue.Empty:
                return
            try:
                deliver()
            except BaseException:
                self.results_waiting.emit()  # the rest still arrive, on the next pass of the loop
                raise


_DISPATCHER: _Dispatcher | None = None


def prepare_gui_thread_delivery() -> None:
    """Make the dispatcher; call on the GUI thread before any thread may `call_on_gui_thread`."""
    global _DISPATCHER
    if _DISPATCHER is None:
        _DISPATCHER = _Dispatcher()


def call_on_gui_thread(deliver: Callable[[], None]) -> None:
    """From any thread: run `deliver` soon on the GUI thread's event loop.

    `deliver` must hold no Qt object, nor anything that holds one, except through a weak reference:
    the posting thread's last reference to it may be the last of all.
    """
    assert _DISPATCHER is not None, "prepare_gui_thread_delivery() runs on the GUI thread first"
    _DISPATCHER.post(deliver)


class TaskRunner(QObject):
    """A few private worker threads; `submit` returns at once, callbacks run later on the GUI thread."""

    def __init__(self, threads: int = 2, parent: QObject | None = None) -> None:
        super().__init__(parent)
        prepare_gui_thread_delivery()
        self._board = _Board(self, threads)
        self.destroyed.connect(self._board.close)

    def submit(
        self,
        work: Callable[[], _T],
        on_success: Callable[[_T], None],
        on_failure: Callable[[Exception], None] | None = None,
    ) -> None:
        """Run `work` on a worker; newer requests run before older queued ones (the view moved on)."""
        self._board.submit(_Job(work, on_success, on_failure or _reraise))

    def busy(self) -> bool:
        """Whether any submitted work has not yet been handed back on the GUI thread."""
        return bool(self._board.jobs)

    def wait(self, msecs: int = 30_000) -> bool:
        """Block until queued work has run (shutdown and tests); callbacks still arrive via the loop."""
        return self._board.wait(msecs)

    def close(self) -> None:
        """Drop work not yet started and every late result (the window is going away)."""
        self._board.close()


def _reraise(error: object) -> None:
    if isinstance(error, BaseException):
        raise error
