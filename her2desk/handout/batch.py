"""Many handouts to files in one go (printing the handouts of several selected cases).

reportlab is pure Python and single-threaded, so a batch is spread over worker processes; each worker
registers the fonts once and then renders its share. Every file is written under a temporary name and
renamed when complete, so a crash never leaves a half-written handout under the real name. The
SHA-256 of each file is returned for the print log (issue 4: who, when, language, version, SHA-256).
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

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
        partial = path.with_name(path.name + ".part")
        partial.write_bytes(pdf)
        partial.replace(path)
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


def default_workers() -> int:
    return max(1, min(os.cpu_count() or 1, 8))


def write_handouts(
    jobs: Sequence[tuple[HandoutRequest, Path]],
    workers: int | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> list[WrittenHandout]:
    """Write every (request, path) job; results in job order. `progress(done, total)` after each file.

    `workers=1` renders in this process (no pool). Worker processes come from a forkserver (or spawn),
    never a plain fork, which is unsafe from a program that already runs threads (the GUI).
    """
    workers = workers or default_workers()
    total = len(jobs)
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
