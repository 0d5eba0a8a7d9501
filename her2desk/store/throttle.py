"""The sign-in throttle's rows (`schema.SignInThrottle`): read, claim an attempt, settle it, unlock.

Every function runs in the caller's write transaction. On SQLite that transaction began with BEGIN
IMMEDIATE, so two attempts are serialised; on PostgreSQL the row is locked FOR UPDATE. Either way,
two attempts at the same moment cannot both take the last slot before a lock.

Lock order: a transaction that also audits locks its throttle row first and the audit chain head
(`chain.py`) after, never the other way round; two attempts taking them in opposite orders deadlock.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, select, update

from her2desk.domain.sign_in_throttle import (
    Decision,
    ThrottlePolicy,
    ThrottleState,
    Verdict,
    claimed,
    decide,
)
from her2desk.store.schema import AppMetadata, SignInThrottle

KEY_NAME = "sign_in_throttle_key"
USER_PREFIX = "user:"
UNKNOWN_PREFIX = "unknown:"
UNKNOWN_BUCKET_HEX = 4  # 16 bits: see `schema.SignInThrottle`

_table = SignInThrottle.__table__


def user_subject(user_id: int) -> str:
    return f"{USER_PREFIX}{user_id}"


def _insert_ignoring_duplicates(connection: Connection, table: Any, values: dict[str, Any]) -> None:
    from sqlalchemy.dialects import postgresql, sqlite  # here: the database module's import stays light

    dialect = postgresql if connection.dialect.name == "postgresql" else sqlite
    connection.execute(dialect.insert(table).values(**values).on_conflict_do_nothing())


def new_key() -> str:
    """The random key of a new database (written with the schema: the application role cannot)."""
    return secrets.token_hex(32)


def unknown_subject(connection: Connection, typed_name: str) -> str:
    """The group an unknown name counts in: a keyed 16-bit digest. A database without the key (made
    by `create_all` outside `open_database`) uses an empty one: the groups are then computable by
    anyone, which shows only how unknown names are grouped, never the names."""
    key = connection.execute(
        select(AppMetadata.value).where(AppMetadata.key == KEY_NAME)
    ).scalar_one_or_none()
    digest = hmac.new(bytes.fromhex(key or ""), typed_name.casefold().encode("utf-8"), hashlib.sha256)
    return f"{UNKNOWN_PREFIX}{digest.hexdigest()[:UNKNOWN_BUCKET_HEX]}"


def _state(row: Any) -> ThrottleState:
    if row is None:
        return ThrottleState()
    return ThrottleState(int(row.failures), row.not_before, row.locked_at)


def read_state(connection: Connection, subject: str, *, for_update: bool = False) -> ThrottleState:
    statement = select(_table.c.failures, _table.c.not_before, _table.c.locked_at).where(
        _table.c.subject == subject
    )
    if for_update and connection.dialect.name == "postgresql":
        statement = statement.with_for_update()
    return _state(connection.execute(statement).one_or_none())


def _write(connection: Connection, subject: str, state: ThrottleState) -> None:
    connection.execute(
        update(_table)
        .where(_table.c.subject == subject)
        .values(failures=state.failures, not_before=state.not_before, locked_at=state.locked_at)
    )


def claim(
    connection: Connection, subject: str, policy: ThrottlePolicy, now: datetime
) -> tuple[Decision, ThrottleState]:
    """May a password be checked now for `subject`? If so the attempt takes its slot (counted as a
    failure until `settle_success` resets it). Returns the decision and the state as it now is."""
    _insert_ignoring_duplicates(connection, _table, {"subject": subject, "failures": 0})
    state = read_state(connection, subject, for_update=True)
    decision = decide(state, policy, now)
    if decision.verdict is not Verdict.ALLOWED:
        return decision, state
    after = claimed(state, policy, now)
    _write(connection, subject, after)
    return decision, after


def settle_success(connection: Connection, subject: str) -> None:
    """The password was right: the count starts again from nothing."""
    _write(connection, subject, ThrottleState())


def settle_failure(connection: Connection, subject: str, policy: ThrottlePolicy, now: datetime) -> bool:
    """The password was wrong (already counted by `claim`): lock when the count has reached the limit.
    True when this failure locked the account (the caller audits it)."""
    state = read_state(connection, subject, for_update=True)
    if state.locked_at is not None or state.failures < policy.lock_after:
        return False
    _write(connection, subject, ThrottleState(state.failures, state.not_before, now))
    return True


def unlock(connection: Connection, subject: str) -> ThrottleState:
    """Forget the failures and the lock; returns the state before (all zero when there was none)."""
    before = read_state(connection, subject, for_update=True)
    if before != ThrottleState():
        _write(connection, subject, ThrottleState())
    return before


def user_states(connection: Connection) -> dict[int, ThrottleState]:
    """Every account's throttle state that is not the clean one, by user id."""
    rows = connection.execute(
        select(_table.c.subject, _table.c.failures, _table.c.not_before, _table.c.locked_at).where(
            _table.c.subject.startswith(USER_PREFIX)
        )
    ).all()
    return {int(r.subject.removeprefix(USER_PREFIX)): _state(r) for r in rows}
