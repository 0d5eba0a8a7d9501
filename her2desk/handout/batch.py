"""Many handouts to files in one go (printing the handouts of several selected cases).

reportlab is pure Python and single-threaded, so a batch is spread over worker processes; each worker
registers the fonts once and then renders its share. Every file is written under a temporary name and
renamed when complete, so a crash never leaves a half-written handout under the real name. The
SHA-256 of each file is returned for the print log (who, when, language, version, SHA-256).
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from her2desk.files import write_private_bytes
from her2desk.handout.fonts import register_fonts
from her2desk.handout.render import render_handout
from her2desk.handout.request import HandoutRequest


@dataclass(frozen=True)
class WrittenHandout:
    path: Path
    sha256: str | None  # None when it failed
    error: str | None = None


def write_one(job: tuple[HandoutRequest, Path]) -> WrittenHandout:
    """Render one handout and write it atomically; an error is reported, not raised."""
    request, path = job
    try:
        pdf = render_handout(request)
        write_private_bytes(path, pdf)  # 0600, exclusive temporary file, renamed when complete
    except Exception as error:  # one bad case must not stop a batch of hundreds
        return WrittenHandout(path, None, f"{type(error).__name__}: {error}")
    return WrittenHandout(path, hashlib.sha256(pdf).hexdigest())


def _context() -> multiprocessing.context.BaseContext:
    """forkserver where there is one (Linux, macOS): workers fork from a clean single-threaded server
    that has already imported reportlab, so they start fast and safely from a threaded GUI; else spawn.
    """
    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["her2desk.handout.batch"])
        return context
    return multiprocessing.get_context("spawn")


# Starting worker processes costs about as much as rendering ~100 handouts in a warm process (a
# forkserver, importing reportlab, registering four fonts, filling the caches once per worker), so
# smaller batches stay in this process and each worker gets at least this many handouts.
IN_PROCESS_BELOW = 100
PER_WORKER_AT_LEAST = 50
MAX_WORKERS = 8


def usable_cpus() -> int:
    """CPUs this process may run on (a container or taskset may allow fewer than the machine has)."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def default_workers(total: int | None = None) -> int:
    """Processes for a batch of `total` handouts: 1 (this process) for a small batch, else one per
    usable CPU, at most MAX_WORKERS, and no more than keeps each busy with PER_WORKER_AT_LEAST."""
    cpus = min(usable_cpus(), MAX_WORKERS)
    if total is None:
        return cpus
    if total < IN_PROCESS_BELOW:
        return 1
    return max(1, min(cpus, total // PER_WORKER_AT_LEAST))


def write_handouts(
    jobs: Sequence[tuple[HandoutRequest, Path]],
    workers: int | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> list[WrittenHandout]:
    """Write every (request, path) job; results in job order. `progress(done, total)` after each file.

    `workers=None` chooses (default_workers); `workers=1` renders in this process (no pool), as does any
    batch smaller than two handouts per worker. Worker processes come from a forkserver (or spawn),
    never a plain fork, which is unsafe from a program that already runs threads (the GUI); a program
    that freezes her2desk must call multiprocessing.freeze_support() first (her2desk/__main__.py does).
    """
    total = len(jobs)
    workers = workers or default_workers(total)
    results: list[WrittenHandout] = []
    if workers == 1 or total < 2 * workers:
        for job in jobs:
            results.append(write_one(job))
            if progress:
                progress(len(results), total)
        return results
    chunk = max(1, min(32, total // (workers * 4)))
    with ProcessPoolExecutor(max_workers=workers, mp_context=_context(), initializer=register_fonts) as pool:
        for result in pool.map(write_one, jobs, chunksize=chunk):
            results.append(result)
            if progress:
                progress(len(results), total)
    return results
