"""Audit viewer benchmark (not a test): what each viewer action costs on a large audit table.

Builds a database with 200,000 audit rows (real cases with their own audit rows, then synthetic
workflow events spread over a year, 25 users, the usual actions), and times, median of `--repeats`:
the first page, a page deep in the trail, the count + first page of each filter the viewer offers,
one case's trail, the filter lists, and the CSV export of everything.

Baseline, measured in the same run on the same engine: a raw `SELECT count(*) FROM audit WHERE who =
...` (one pass over the whole table, no index; the floor for any whole-database filter that has no
index of its own). Each figure is printed with its ratio to that baseline and against a target of
100 ms for an action a person waits for.

    python bench/bench_audit.py                      # SQLite file in a temporary folder
    python bench/bench_audit.py --url postgresql+psycopg://postgres@127.0.0.1:45053/EMPTY_DB
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path

from sqlalchemy import insert, text

from her2desk.domain.audit_query import AuditQuery
from her2desk.services.audit_service import AuditService
from her2desk.services.case_service import CaseService
from her2desk.store.audit import to_json
from her2desk.store.database import Database, open_database
from her2desk.store.schema import AuditRow

TARGET_MS = 100.0
USERS = [f"user{i:02d}" for i in range(24)] + ["(not signed in)"]
ACTIONS = (
    ["update"] * 40 + ["insert"] * 25 + ["login"] * 15 + ["sign-out"] * 8 + ["handout"] * 6
    + ["adjudicate"] * 3 + ["amend"] * 2 + ["login-failed"]
)  # fmt: skip
START = datetime(2025, 1, 1)
SPAN = timedelta(days=365)


def _real_cases(database: Database, count: int) -> list[str]:
    """A few hundred real cases (their saves write real audit rows)."""
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
    from support.backends import make_entry

    service = CaseService(database, "bench")
    accessions = [f"A25-{i:05d}" for i in range(count)]
    service.import_cases([make_entry(a, mrn=f"BENCH{i:05d}") for i, a in enumerate(accessions)])
    return accessions


def seed(database: Database, rows: int, cases: int) -> list[str]:
    accessions = _real_cases(database, cases)
    with database.engine.connect() as connection:
        existing = connection.execute(text("SELECT count(*) FROM audit")).scalar_one()
    rng = random.Random(5)
    todo = rows - existing
    batch: list[dict[str, object]] = []
    with database.write_engine.begin() as connection:
        for i in range(todo):
            action = rng.choice(ACTIONS)
            at = START + SPAN * (i / todo) + timedelta(seconds=rng.randint(0, 30))
            is_login = action.startswith("login")
            case_id = None if is_login else rng.randint(1, 20_000)  # most cases are not stored here
            batch.append(
                {
                    "at": at,
                    "who": "(not signed in)" if action == "login-failed" else rng.choice(USERS[:-1]),
                    "action": action,
                    "table_name": "app_user" if is_login else "her2_case",
                    "record": "" if is_login else str(case_id),
                    "case_id": case_id,
                    "patient_id": None,
                    "old": None if is_login else to_json({"version": 3, "block": "A1"}),
                    "new": to_json({"version": 4, "block": "A2", "username": "x"}),
                }
            )
            if len(batch) == 10_000:
                connection.execute(insert(AuditRow.__table__), batch)
                batch.clear()
        if batch:
            connection.execute(insert(AuditRow.__table__), batch)
    return accessions


def _timed(fn: Callable[[], object], repeats: int) -> float:
    samples = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rows", type=int, default=200_000, help="audit rows (default 200,000)")
    parser.add_argument("--cases", type=int, default=300, help="real cases (default 300)")
    parser.add_argument("--repeats", type=int, default=9, help="repetitions per figure (default 9)")
    parser.add_argument(
        "--url", help="an EMPTY database to fill (PostgreSQL); default: a temporary SQLite file"
    )
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="her2desk-bench-audit-") as tmp:
        url = args.url or str(Path(tmp) / "audit.sqlite3")
        database = open_database(url)
        started = time.perf_counter()
        accessions = seed(database, args.rows, args.cases)
        audit = AuditService(database)
        total = audit.count(AuditQuery())
        print(f"{database.dialect}: {total:,} audit rows seeded in {time.perf_counter() - started:.1f} s")
        if database.dialect == "postgresql":  # fresh statistics, as autovacuum would have them
            with database.write_engine.begin() as connection:
                connection.exec_driver_sql("ANALYZE")
        with database.engine.connect() as connection:

            def raw_scan() -> None:
                connection.execute(text("SELECT count(*) FROM audit WHERE who = :w"), {"w": "user07"}).one()

            def raw_page() -> None:
                connection.execute(text("SELECT * FROM audit ORDER BY id DESC LIMIT 100")).all()

            baseline = _timed(raw_scan, args.repeats)
            raw_first = _timed(raw_page, args.repeats)
        print(f"baseline: raw SELECT count(*) ... WHERE who = ? (full scan)  {baseline:8.2f} ms")
        print(f"for information: raw first page by primary key              {raw_first:8.2f} ms\n")

        middle = (START + SPAN / 2).date()
        case = accessions[len(accessions) // 2]
        early = date(2025, 1, 2)
        combined = AuditQuery(
            who="user07", action="sign-out", date_from=date(2025, 6, 1), date_to=date(2025, 6, 30)
        )

        def both(query: AuditQuery) -> Callable[[], object]:
            return lambda: (audit.count(query), audit.page(query, 0, 100))

        figures = [
            ("first page, no filter (count + 100 rows)", both(AuditQuery())),
            ("page at offset 100,000", lambda: audit.page(AuditQuery(), 100_000, 100)),
            ("user filter (count + page)", both(AuditQuery(who="user07"))),
            ("action filter, common: update", both(AuditQuery(action="update"))),
            ("action filter, rare: login-failed", both(AuditQuery(action="login-failed"))),
            ("one local day mid-year (count + page)", both(AuditQuery(date_from=middle, date_to=middle))),
            ("one day long ago (count + page)", both(AuditQuery(date_from=early, date_to=early))),
            ("user + action + month", both(combined)),
            ("text filter 'A2' (count + page)", both(AuditQuery(text="a2"))),
            ("one case's trail (accession)", both(AuditQuery(accession=case))),
            ("filter lists: users() + actions()", lambda: (audit.users(), audit.actions())),
        ]  # fmt: skip
        print(f"{'viewer action':46s} {'median':>10s} {'ratio':>8s}  target <= {TARGET_MS:.0f} ms")
        for name, fn in figures:
            ms = _timed(fn, args.repeats)
            verdict = "ok" if ms <= TARGET_MS else "OVER"
            print(f"{name:46s} {ms:8.2f} ms {ms / baseline:7.2f}x  {verdict}")

        target = Path(tmp) / "audit.csv"
        start = time.perf_counter()
        exported = audit.export_csv(AuditQuery(), target)
        seconds = time.perf_counter() - start
        print(
            f"\nexport of every row to CSV: {exported:,} rows in {seconds:.2f} s "
            f"({exported / seconds:,.0f} rows/s, {target.stat().st_size / 1e6:.1f} MB)"
        )
        database.close()


if __name__ == "__main__":
    main()
