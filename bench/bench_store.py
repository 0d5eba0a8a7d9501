"""Storage benchmark (not a test): prints figures, the baselines they are compared with, and the ratios.

1. Saving one case through CaseService (validation + interpretation + audit rows + COMMIT with
   synchronous=FULL) against a bare `sqlite3` INSERT + COMMIT of one row with the same pragmas, both
   measured in this run on the same disk. Target: median ratio <= 2.5.
2. With a large database: find a case by accession, by MRN and by family-name prefix, and the first
   worklist page (50 newest). Target: <= 5 ms each. Prints the database file size.

Quick run (20,000 cases, ~10 s):
    python bench/bench_store.py
Full size (1,000,000 cases; seeding takes a few minutes), keeping the database for later runs:
    python bench/bench_store.py --cases 1000000 --keep /tmp/her2desk-1m.sqlite3
    python bench/bench_store.py --database /tmp/her2desk-1m.sqlite3
"""

from __future__ import annotations

import argparse
import itertools
import random
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

from argon2 import PasswordHasher
from sqlalchemy import func, select

from her2desk.demo.seed import seed_demo
from her2desk.domain.case import CaseEntry, IhcDetails, IshDetails, PatientDetails, SpecimenDetails
from her2desk.domain.identifiers import mrn_number_key
from her2desk.domain.inputs import IshCount
from her2desk.domain.records import WorklistQuery
from her2desk.domain.vocabulary import IhcScore, IshMethod, IshProbe, Laterality, Procedure, Sex, Site
from her2desk.domain.workflow import Role
from her2desk.services.auth_service import AuthService
from her2desk.services.case_service import CaseService, open_case_service
from her2desk.store.engine import SQLITE_PRAGMAS
from her2desk.store.schema import Case, Patient

SAVE_TARGET_RATIO = 2.5
QUERY_TARGET_MS = 5.0


def _entry(i: int) -> CaseEntry:
    return CaseEntry(
        accession=f"B26-{i:07d}",
        patient=PatientDetails(
            f"BENCH{i % 997:05d}", "Testpatient-Bench", "Ada", date(1960, 1, 2), Sex.FEMALE
        ),
        specimen=SpecimenDetails(
            procedure=Procedure.CORE_NEEDLE_BIOPSY,
            site=Site.BREAST,
            laterality=Laterality.LEFT,
            collected_on=date(2025, 5, 6),
            block="A1",
        ),
        ihc=IhcDetails(clone="4B5", score=IhcScore.TWO_PLUS, stained_pct=Decimal(30)),
        ish=IshDetails(
            probe=IshProbe.DUAL, method=IshMethod.FISH, first=IshCount(Decimal("4.80"), Decimal("2.10"), 20)
        ),
    )


def _verdict(figure: float, target: float) -> str:
    return "OK" if figure <= target else "OVER"


def _median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


class BareInsert:
    """The baseline: one row, INSERT + COMMIT, plain sqlite3, the same pragmas as her2desk's connections."""

    def __init__(self, path: Path) -> None:
        self.connection = sqlite3.connect(path, isolation_level=None)
        for pragma in SQLITE_PRAGMAS:
            self.connection.execute(pragma)
        self.connection.execute(
            "CREATE TABLE t (id INTEGER PRIMARY KEY, accession TEXT UNIQUE, payload TEXT)"
        )
        self.count = 0

    def __call__(self) -> None:
        self.count += 1
        self.connection.execute("BEGIN")
        self.connection.execute(
            "INSERT INTO t (accession, payload) VALUES (?, ?)", (f"B{self.count}", "x" * 200)
        )
        self.connection.execute("COMMIT")


def bench_saves(folder: Path, n: int) -> tuple[list[float], list[float], list[float]]:
    """Bare inserts, new-case saves and saves of a change, interleaved so all see the same disk state."""
    bare = BareInsert(folder / "bare.sqlite3")
    opened = open_case_service(str(folder / "service.sqlite3"), "bench")
    # A lab's database has accounts, so every save proves a signed-in session (as the program does).
    auth = AuthService(opened.database)
    auth.create_user("bench-admin", "bench-password-1", Role.ADMINISTRATOR, local_administrator="bench")
    admin = auth.login("bench-admin", "bench-password-1").actor
    auth.create_user("bench-tech", "bench-password-1", Role.TECHNOLOGIST, by=admin)
    tech = auth.login("bench-tech", "bench-password-1").actor
    service = CaseService(opened.database, actor=tech)
    entries = [_entry(i) for i in range(n + 5)]
    for entry in entries[:5]:  # warm-up: first-use costs (statement caches, imports)
        service.save(entry, None)
        bare()
    stored = service.load(entries[0].accession)
    baseline, new, updates = [], [], []
    for i, entry in enumerate(entries[5:]):
        start = time.perf_counter()
        bare()
        baseline.append(time.perf_counter() - start)
        start = time.perf_counter()
        service.save(entry, None)
        new.append(time.perf_counter() - start)
        changed = stored.entry.with_changes(specimen=replace(stored.entry.specimen, block=f"B{i}"))
        start = time.perf_counter()
        stored = service.save(changed, stored.version)
        updates.append(time.perf_counter() - start)
    service.close()
    bare.connection.close()
    return baseline, new, updates


def bench_sign_in(folder: Path, n: int) -> tuple[list[float], list[float]]:
    """Sign-ins (password check, session, audit row) against the bare argon2id verification they
    contain, interleaved."""
    hasher = PasswordHasher()
    stored_hash = hasher.hash("bench-password-1")
    service = open_case_service(str(folder / "signin.sqlite3"), "bench")
    auth = AuthService(service.database)
    auth.create_user("bench-admin", "bench-password-1", Role.ADMINISTRATOR, local_administrator="bench")
    bare, sign_ins = [], []
    for _ in range(n):
        start = time.perf_counter()
        hasher.verify(stored_hash, "bench-password-1")
        bare.append(time.perf_counter() - start)
        start = time.perf_counter()
        auth.login("bench-admin", "bench-password-1")
        sign_ins.append(time.perf_counter() - start)
    service.close()
    return bare, sign_ins


def _timed(fn: Callable[[], object], repeats: int) -> float:
    samples = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return _median_ms(samples)


def bench_queries(service: CaseService, repeats: int) -> list[tuple[str, float]]:
    rng = random.Random(1)
    with service.database.reader() as session:
        top = session.execute(select(func.max(Case.id))).scalar_one()
        ids = [rng.randint(1, top) for _ in range(repeats)]
        rows = session.execute(
            select(Case.accession, Patient.mrn, Patient.family_name)
            .join(Patient, Case.patient_id == Patient.id)
            .where(Case.id.in_(ids))
        ).all()
    keys = itertools.cycle(rows)

    def each(make: Callable[[tuple[str, str, str]], Callable[[], object]]) -> Callable[[], object]:
        return lambda: make(next(keys))()

    first_page = WorklistQuery()
    figures = [
        ("load(accession)", _timed(each(lambda k: lambda: service.load(k[0])), repeats)),
        (
            "worklist search: accession",
            _timed(each(lambda k: lambda: service.worklist_page(WorklistQuery(text=k[0]), 0, 50)), repeats),
        ),
        (
            "worklist search: MRN",
            _timed(each(lambda k: lambda: service.worklist_page(WorklistQuery(text=k[1]), 0, 50)), repeats),
        ),
        (
            "worklist search: MRN number (digits)",
            _timed(
                each(
                    lambda k: (
                        lambda: service.worklist_page(WorklistQuery(text=mrn_number_key(k[1]) or k[1]), 0, 50)
                    )
                ),
                repeats,
            ),
        ),
        (
            "worklist search: whole family name",
            _timed(
                each(lambda k: lambda: service.worklist_page(WorklistQuery(text=k[2].lower()), 0, 50)),
                repeats,
            ),
        ),
        (
            "worklist search: family name less 2 chars",
            _timed(
                each(lambda k: lambda: service.worklist_page(WorklistQuery(text=k[2][:-2].lower()), 0, 50)),
                repeats,
            ),
        ),
        (
            "worklist search: first 4 chars of name",
            _timed(
                each(lambda k: lambda: service.worklist_page(WorklistQuery(text=k[2][:4]), 0, 50)), repeats
            ),
        ),
        (
            "first worklist page (50 newest)",
            _timed(lambda: service.worklist_page(first_page, 0, 50), repeats),
        ),
        ("patient_history(MRN)", _timed(each(lambda k: lambda: service.patient_history(k[1])), repeats)),
    ]
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--saves", type=int, default=300, help="saves to time (default 300)")
    parser.add_argument(
        "--cases", type=int, default=20_000, help="size of the query database (default 20,000)"
    )
    parser.add_argument(
        "--database",
        help="use this existing (demo) database for the query part: a path or a postgresql+psycopg:// URL",
    )
    parser.add_argument("--keep", help="create the query database here and keep it")
    parser.add_argument("--repeats", type=int, default=50, help="repetitions per query (default 50)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="her2desk-bench-") as tmp:
        folder = Path(tmp)
        print(f"== save one case (SQLite, synchronous=FULL), {args.saves} saves each ==")
        baseline, saves, updates = bench_saves(folder, args.saves)
        bare = _median_ms(baseline)
        save, update = _median_ms(saves), _median_ms(updates)
        ratio = save / bare
        print(f"bare sqlite3 INSERT+COMMIT (baseline): median {bare:7.3f} ms")
        print(f"CaseService.save, new case:           median {save:7.3f} ms  (p90 "
              f"{statistics.quantiles(saves, n=10)[-1] * 1000:.3f} ms)")  # fmt: skip
        print(f"ratio: {ratio:.2f}x  (target <= {SAVE_TARGET_RATIO}x) {_verdict(ratio, SAVE_TARGET_RATIO)}")
        print(f"CaseService.save, change to a case:   median {update:7.3f} ms")
        verdict = _verdict(update / bare, SAVE_TARGET_RATIO)
        print(f"ratio: {update / bare:.2f}x  (target <= {SAVE_TARGET_RATIO}x) {verdict}")
        print("== sign in (argon2id check, new session, audit row), 20 sign-ins ==")
        argon, sign_ins = bench_sign_in(folder, 20)
        print(f"bare argon2id verify (baseline):      median {_median_ms(argon):7.3f} ms")
        print(f"AuthService.login:                    median {_median_ms(sign_ins):7.3f} ms  "
              f"ratio {_median_ms(sign_ins) / _median_ms(argon):.2f}x")  # fmt: skip

        url = args.database
        path: Path | None = None
        if url and "://" not in url:
            path = Path(url)
        elif not url:
            path = Path(args.keep) if args.keep else folder / "query.sqlite3"
            if not path.exists():
                print(f"\nseeding {args.cases:,} demo cases into {path} ...")
                start = time.perf_counter()
                seed_demo(str(path), args.cases)
                print(f"seeded in {time.perf_counter() - start:.1f} s")
        service = open_case_service(str(path) if path else url, "bench")
        try:
            count = service.worklist_count(WorklistQuery())
            print(f"\n== queries on {count:,} cases, median of {args.repeats} ==")
            for name, ms in bench_queries(service, args.repeats):
                verdict = _verdict(ms, QUERY_TARGET_MS)
                print(f"{name:40s} {ms:8.3f} ms  (target <= {QUERY_TARGET_MS:.0f} ms) {verdict}")
            count_ms = _timed(lambda: service.worklist_count(WorklistQuery()), 3)
            print(f"{'worklist_count (all, for information)':40s} {count_ms:8.3f} ms")
        finally:
            service.close()
        if path is None:
            print("(database size: SELECT pg_size_pretty(pg_database_size(current_database())))")
            return
        size = sum(p.stat().st_size for p in path.parent.glob(path.name + "*") if p.suffix != ".bak")
        print(f"database file size: {size / 1e6:,.1f} MB ({size / max(count, 1):,.0f} bytes per case)")


if __name__ == "__main__":
    main()
