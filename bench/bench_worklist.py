"""Worklist benchmark (not a test): deep pages and short name searches on a large database, each
against the first page of the default worklist measured in the same run.

1. The last page: by keyset paging as the worklist model asks for it (counted from the end, or after
   the previous page's last case) and, for comparison, by OFFSET (what the model did before).
   Target: the whole scroll to the end (as `bench_gui_start.py` times it) <= 0.3 s; here the store's
   share, which should cost what the first page does.
2. A short family-name prefix search (first 3 and 4 letters), warm (repeated) and cold: the
   database file's pages dropped from the OS cache (posix_fadvise DONTNEED, this file only) and a
   new connection (empty SQLite cache) in the same program, whose statements are built already, as
   in a program that has been running; and, for comparison, in a service opened anew (which also
   builds and compiles its statements again: what the first search after starting costs).
                                                                                 target <= 5 ms

Run it on a demo database built once (a million cases take a while):
    her2desk demo --cases 1000000 --database /tmp/perf-1m.sqlite3
    PYTHONPATH=. python bench/bench_worklist.py --database /tmp/perf-1m.sqlite3
(PYTHONPATH=.: measure this checkout, not an installed her2desk.)
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from her2desk.domain.records import WorklistQuery
from her2desk.services.case_service import CaseService, open_case_service

PAGE = 200  # the worklist model's page size
SEARCH_TARGET_MS = 5.0


def _median_ms(fn: Callable[[], object], repeats: int) -> float:
    samples = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples) * 1000


def _drop_file_cache(path: Path) -> None:
    for file in path.parent.glob(path.name + "*"):
        with open(file, "rb") as handle:
            os.posix_fadvise(handle.fileno(), 0, 0, os.POSIX_FADV_DONTNEED)


def _cold_ms(
    path: Path, fn: Callable[[CaseService], object], repeats: int, running: CaseService | None = None
) -> float:
    """The median time of `fn` with the file's pages out of the OS cache and a new SQLite connection:
    on `running`'s engine (its pool emptied, its built statements kept), or on a service opened anew."""
    samples = []
    for _ in range(repeats):
        _drop_file_cache(path)
        if running is not None:
            running.database.engine.dispose()  # the next connection is new: an empty SQLite cache
            service = running
        else:
            service = open_case_service(str(path), "bench", lean=True)
        try:
            service.database.revision()  # connected: the time is the search's, not the connection's
            start = time.perf_counter()
            fn(service)
            samples.append(time.perf_counter() - start)
        finally:
            if running is None:
                service.close()
    return statistics.median(samples) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--database", type=Path, default=Path("/tmp/perf-1m.sqlite3"))
    parser.add_argument("--repeats", type=int, default=20)
    args = parser.parse_args()
    service = open_case_service(str(args.database), "bench", lean=True)  # the desktop program's profile
    query = WorklistQuery()
    total = service.worklist_count(query)
    last = (total - 1) // PAGE * PAGE
    before_last = service.worklist_page(query, last - PAGE, PAGE, total=total)
    first = _median_ms(lambda: service.worklist_page(query, 0, PAGE), args.repeats)
    print(f"== worklist pages on {total:,} cases, {PAGE} rows, median of {args.repeats} ==")
    print(f"first page (baseline)                        {first:8.2f} ms")
    for name, fn in (
        ("last page, counted from the end", lambda: service.worklist_page(query, last, PAGE, total=total)),
        (
            "last page, after the previous page",
            lambda: service.worklist_page(query, last, PAGE, after=before_last[-1].case_id),
        ),
        (
            "middle page, counted from the start (OFFSET)",
            lambda: service.worklist_page(query, total // 2, PAGE),
        ),
    ):
        ms = _median_ms(fn, args.repeats)
        print(f"{name:44s} {ms:8.2f} ms  ratio {ms / first:5.2f}x")
    offset_ms = _median_ms(lambda: service.worklist_page(query, last, PAGE), 3)
    print(f"{'last page by OFFSET (the old way)':44s} {offset_ms:8.2f} ms  ratio {offset_ms / first:5.2f}x")

    names = sorted({r.patient_name.split(",")[0] for r in service.worklist_page(query, 0, 50)})
    print(f"== family-name prefix search (first page of 50), target <= {SEARCH_TARGET_MS:.0f} ms ==")
    for letters in (3, 4):
        prefixes = [n[:letters].lower() for n in names]
        cycle = iter(prefixes * (args.repeats * 2))

        def search(svc: CaseService = service, texts: Iterator[str] = cycle) -> object:
            return svc.worklist_page(WorklistQuery(text=next(texts)), 0, 50)

        warm = _median_ms(search, args.repeats)
        cold = _cold_ms(args.database, lambda svc: search(svc), min(args.repeats, 7), running=service)
        started = _cold_ms(args.database, lambda svc: search(svc), min(args.repeats, 7))
        for kind, ms in (("warm", warm), ("cold", cold), ("cold, new program", started)):
            verdict = "OK" if ms <= SEARCH_TARGET_MS else "OVER"
            print(f"{letters} letters, {kind:17s} {ms:8.2f} ms  ratio to page 1 {ms / first:5.2f}x {verdict}")
    service.close()


if __name__ == "__main__":
    main()
