"""Signed-in sessions: the proof behind every act.

A sign-in hands out a random token (256 bits from `secrets`); the database keeps only its SHA-256, so
reading the database does not let anyone act as a signed-in user, and the token never reaches the
audit trail or a log. A session ends when its user signs out or switches user, when the window locks
for idleness, when the user's password is reset or the account deactivated, and at the latest after
`SESSION_HOURS` (a working day; the idle lock asks for the password long before). The services check
the session inside their own transaction (`users.current_actor`), so a session ended on one
workstation stops working on every other at its next action.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta

from sqlalchemy import Connection, insert, update

from her2desk.store.schema import SessionRow

SESSION_HOURS = 12


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def start_session(connection: Connection, user_id: int, now: datetime, hours: float = SESSION_HOURS) -> str:
    """A new session for `user_id` in the caller's transaction; returns its token (shown once)."""
    token = secrets.token_urlsafe(32)
    connection.execute(
        insert(SessionRow.__table__).values(
            user_id=user_id,
            token_hash=token_hash(token),
            started_at=now,
            expires_at=now + timedelta(hours=hours),
        )
    )
    return token


def end_session(connection: Connection, token: str, now: datetime, reason: str) -> bool:
    """End the session of `token` (True if it was open)."""
    table = SessionRow.__table__
    done = connection.execute(
        update(table)
        .where(table.c.token_hash == token_hash(token), table.c.ended_at.is_(None))
        .values(ended_at=now, end_reason=reason)
    ).rowcount
    return bool(done)


def end_user_sessions(connection: Connection, user_id: int, now: datetime, reason: str) -> int:
    """End every open session of `user_id` (password reset, deactivation); how many were open."""
    table = SessionRow.__table__
    return int(
        connection.execute(
            update(table)
            .where(table.c.user_id == user_id, table.c.ended_at.is_(None))
            .values(ended_at=now, end_reason=reason)
        ).rowcount
    )
