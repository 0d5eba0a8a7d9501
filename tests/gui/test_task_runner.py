"""The worker threads behind every slow read: results on the GUI thread, nothing freed in a worker."""

from __future__ import annotations

import gc
import threading
from typing import ClassVar

import pytest
import shiboken6

from her2desk.gui.common import workers
from her2desk.gui.common.workers import TaskRunner


class Tracked:
    """Records the thread that frees it: a Qt object freed in a worker thread crashes the process."""

    freed_in: ClassVar[list[str]] = []

    def __del__(self) -> None:
        Tracked.freed_in.append(threading.current_thread().name)


def test_results_and_failures_arrive_on_the_gui_thread(qtbot) -> None:
    runner = TaskRunner()
    seen: list[tuple[str, object]] = []

    def boom() -> int:
        raise ValueError("no such case")

    runner.submit(lambda: 6 * 7, lambda value: seen.append((threading.current_thread().name, value)))
    runner.submit(boom, lambda value: seen.append(("wrong", value)), lambda e: seen.append(("failed", e)))
    qtbot.waitUntil(lambda: len(seen) == 2 and not runner.busy())
    main = threading.main_thread().name
    assert (main, 42) in seen
    failure = next(value for name, value in seen if name == "failed")
    assert isinstance(failure, ValueError)
    assert str(failure) == "no such case"


def test_newer_requests_run_before_older_queued_ones(qtbot) -> None:
    runner = TaskRunner(threads=1)
    started = threading.Event()
    release = threading.Event()
    order: list[str] = []

    def first() -> str:
        started.set()
        release.wait(10)
        return "first"

    runner.submit(first, order.append)
    assert started.wait(10)
    for name in ("older", "middle", "newest"):
        runner.submit(lambda name=name: name, order.append)
    release.set()
    qtbot.waitUntil(lambda: len(order) == 4)
    assert order == ["first", "newest", "middle", "older"]


def test_nothing_a_job_refers_to_is_freed_in_a_worker_thread(qtbot) -> None:
    """The job's closure, its result and its exception (with the traceback's frames) are let go on the
    GUI thread, even when the runner is deleted while jobs are still queued or running."""
    Tracked.freed_in = []

    def submit_many(runner: TaskRunner, count: int) -> None:
        for i in range(count):
            tracked = Tracked()
            if i % 3 == 0:

                def fail(tracked: Tracked = tracked) -> None:
                    raise RuntimeError(str(id(tracked)))

                runner.submit(fail, lambda _value: None, lambda _error: None)
            else:
                runner.submit(lambda tracked=tracked: Tracked(), lambda _value: None)
            del tracked

    kept = TaskRunner(threads=2)
    submit_many(kept, 150)
    qtbot.waitUntil(lambda: not kept.busy(), timeout=10_000)

    dropped = TaskRunner(threads=2)
    submit_many(dropped, 150)
    shiboken6.delete(dropped)  # its window closed with work still queued and running
    del dropped
    # Closure, result and exception of each kept job, the closure of each dropped one; a failure's
    # traceback makes a cycle, which the GUI thread's collector frees (as `collector` does in the app).
    qtbot.waitUntil(lambda: gc.collect() >= 0 and len(Tracked.freed_in) >= 250 + 150, timeout=10_000)
    main = threading.main_thread().name
    assert set(Tracked.freed_in) == {main}


def test_a_deleted_runner_hands_back_nothing(qtbot) -> None:
    runner = TaskRunner(threads=1)
    release = threading.Event()
    delivered: list[object] = []
    runner.submit(lambda: release.wait(10), delivered.append)
    runner.submit(lambda: "queued", delivered.append)
    board = runner._board
    shiboken6.delete(runner)
    release.set()
    qtbot.waitUntil(lambda: not board.jobs, timeout=5_000)
    qtbot.wait(50)
    assert delivered == []


def test_idle_worker_threads_end(qtbot, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(workers, "IDLE_EXIT_S", 0.05)

    def worker_threads() -> int:
        return sum(1 for t in threading.enumerate() if t.name == "her2desk-worker")

    before = worker_threads()
    runner = TaskRunner(threads=2)
    done: list[int] = []
    for i in range(10):
        runner.submit(lambda i=i: i, done.append)
    qtbot.waitUntil(lambda: len(done) == 10)
    qtbot.waitUntil(lambda: worker_threads() <= before, timeout=5_000)
    assert sorted(done) == list(range(10))


def test_no_cyclic_collection_can_start_in_a_worker_while_a_gui_test_runs() -> None:
    """The autouse fixture that mirrors the program's collector is really in force (a fixture whose name
    starts with "_" is not exported by the conftest's star import, and would silently do nothing)."""
    assert not gc.isenabled()
