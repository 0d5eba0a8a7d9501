"""Sign-in benchmark (not a test): what the throttle costs a sign-in, and how long it holds the write lock.

Measured in one run on the same database, interleaved so every row sees the same disk and CPU:

* baseline: the sign-in as it was before the throttle, inlined here: one write transaction that
  reads the user, checks the password with argon2 inside it, writes the audit row and commits;
* argon2 alone: one `password_matches` of the same password (the cost no sign-in can avoid);
* `AuthService.login` with the right password, with a wrong one, and with a name that is no account
  (these two must cost the same: the time must not tell whether a name exists).

For each: the median time of a whole sign-in and the median time the write lock was held (from
BEGIN to COMMIT of every write transaction it ran). The throttle adds a second short transaction;
the lock is no longer held while argon2 runs.

    python bench/bench_sign_in.py                 # SQLite in a temporary folder, 40 rounds
    python bench/bench_sign_in.py --rounds 100 --database postgresql+psycopg://...
"""

from __future__ import annotations

import argparse
import contextlib
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import event, select

from her2desk.domain.workflow import Role
from her2desk.services import auth_service
from her2desk.services.auth_service import ANONYMOUS, AuthenticationError, AuthService
from her2desk.services.lab_settings_service import LabSettingsService
from her2desk.store.audit import record_event, utc_now
from her2desk.store.begin_modes import BEGIN_OPTION
from her2desk.store.database import Database, open_database
from her2desk.store.schema import User

PASSWORD = "bench-pass-123"


class LockClock:
    """Adds up the time between BEGIN and COMMIT/ROLLBACK of write transactions."""

    def __init__(self, database: Database) -> None:
        self.held = 0.0
        self._started: dict[int, float] = {}
        self.postgres = database.dialect == "postgresql"
        engine = database.engine
        event.listen(engine, "begin", self._begin)
        event.listen(engine, "commit", self._end)
        event.listen(engine, "rollback", self._end)

    def _begin(self, connection: Any) -> None:
        if self.postgres or connection.get_execution_options().get(BEGIN_OPTION) == "IMMEDIATE":
            self._started[id(connection)] = time.perf_counter()

    def _end(self, connection: Any) -> None:
        started = self._started.pop(id(connection), None)
        if started is not None:
            self.held += time.perf_counter() - started


def old_sign_in(database: Database, username: str, password: str) -> bool:
    """The sign-in before the throttle (argon2 inside the write transaction), for the baseline."""
    with database.write_engine.begin() as connection:
        row = connection.execute(
            select(User.id, User.username, User.active, User.password_hash).where(User.username == username)
        ).one_or_none()
        usable = row is not None and bool(row.active)
        ok = auth_service.password_matches(row.password_hash if usable else None, password) and usable
        record_event(
            connection,
            at=utc_now(),
            who=row.username if ok and row is not None else ANONYMOUS,
            action="login" if ok else "login-failed",
            table="app_user",
            record=str(row.id) if ok and row is not None else "",
            new={"username": username},
        )
    return ok


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rounds", type=int, default=40, help="sign-ins of each kind (default 40)")
    parser.add_argument("--database", help="an empty PostgreSQL database URL (default: SQLite, temporary)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="her2desk-bench-") as tmp:
        database = open_database(args.database or str(Path(tmp) / "sign-in.sqlite3"))
        try:
            run(database, args.rounds)
        finally:
            database.close()


def run(database: Database, rounds: int) -> None:
    auth = AuthService(database)
    admin = auth.create_user("bench-admin", PASSWORD, Role.ADMINISTRATOR)
    auth.create_user("bench-tech", PASSWORD, Role.TECHNOLOGIST, by=admin)
    # Wrong passwords are timed too: no wait and a high limit, so every attempt is really checked.
    LabSettingsService(database).update_many(
        admin, {"failure_delay_seconds": "0", "lockout_after_failures": "20"}
    )
    with database.engine.connect() as connection:
        stored = connection.execute(
            select(User.password_hash).where(User.username == "bench-tech")
        ).scalar_one()
    clock = LockClock(database)

    names = (f"nobody-{i}" for i in range(10**9))  # a new unknown name each time: no lock builds up

    def refused(name: Callable[[], str]) -> Callable[[], None]:
        def attempt() -> None:
            with contextlib.suppress(AuthenticationError):
                auth.login(name(), "not-the-password")

        return attempt

    # Each round signs bench-tech in with the right password after its wrong one: the count restarts.
    kinds: dict[str, Callable[[], object]] = {
        "baseline: before the throttle (argon2 inside the transaction)": lambda: old_sign_in(
            database, "bench-tech", PASSWORD
        ),
        "argon2 alone (password_matches)": lambda: auth_service.password_matches(stored, PASSWORD),
        "login, wrong password": refused(lambda: "bench-tech"),
        "login, right password": lambda: auth.login("bench-tech", PASSWORD),
        "login, name that is no account": refused(lambda: next(names)),
    }
    times: dict[str, list[float]] = {k: [] for k in kinds}
    held: dict[str, list[float]] = {k: [] for k in kinds}
    for kind in kinds.values():  # warm-up
        kind()
    for _ in range(rounds):
        for name, kind in kinds.items():
            before_held = clock.held
            start = time.perf_counter()
            kind()
            times[name].append(time.perf_counter() - start)
            held[name].append(clock.held - before_held)
    backend = database.dialect
    print(f"== sign-in on {backend}, {rounds} rounds, medians ==")
    base = statistics.median(times[next(iter(kinds))])
    print(f"{'':66} {'sign-in':>10} {'ratio':>7} {'write lock held':>16}")
    for name in kinds:
        median = statistics.median(times[name])
        lock = statistics.median(held[name])
        print(f"{name:66} {median * 1000:8.1f} ms {median / base:6.2f}x {lock * 1000:13.1f} ms")


if __name__ == "__main__":
    main()
