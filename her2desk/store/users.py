"""Users as the services see them: always re-read from the database inside the caller's transaction,
and only behind a proven session, so neither a role, an account's active flag nor an identity is ever
taken from the caller's word."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, select

from her2desk.domain.workflow import ACCOUNT_UNUSABLE, NOT_SIGNED_IN, Actor, Role, WorkflowError
from her2desk.store.driver import driver_connection
from her2desk.store.schema import User
from her2desk.store.sessions import token_hash

# Every save proves its session with this one statement, sent straight to the driver: through
# SQLAlchemy's execution machinery it cost about as much as the rest of the session check together.
_SESSION_OF_USER = (
    "SELECT app_user.id, app_user.username, app_user.role, app_user.active, app_session.expires_at, "
    "app_session.ended_at, app_session.end_reason FROM app_user "
    "JOIN app_session ON app_session.user_id = app_user.id "
    "WHERE app_session.token_hash = {mark} AND app_user.id = {mark}"
)


def _as_datetime(value: Any) -> datetime | None:
    """A stored timestamp as the driver returns it (SQLite: text in SQLAlchemy's format), as datetime."""
    if value is None or isinstance(value, datetime):
        return value
    return datetime.fromisoformat(str(value))


def current_actor(connection: Connection, actor: Actor, now: datetime | None = None) -> Actor:
    """`actor` as the database holds them now, behind an open, unexpired session of theirs.

    WorkflowError when the actor carries no session token, the session is not theirs, has ended or
    expired, or the account is gone or inactive. The returned Actor keeps the session token.
    """
    if not actor.session_token:
        raise WorkflowError([NOT_SIGNED_IN])
    moment = (now or datetime.now(UTC)).replace(tzinfo=None)
    mark = "?" if connection.dialect.name == "sqlite" else "%s"
    cursor = driver_connection(connection).cursor()
    try:
        cursor.execute(_SESSION_OF_USER.format(mark=mark), (token_hash(actor.session_token), actor.user_id))
        row = cursor.fetchone()
    finally:
        cursor.close()
    if row is not None:
        user_id, username, role_name, active, expires_at, ended_at, end_reason = row
        if not active or end_reason == "deactivated":
            raise WorkflowError([ACCOUNT_UNUSABLE])  # say why, rather than only "not signed in"
        expires = _as_datetime(expires_at)
    if row is None or ended_at is not None or expires is None or expires <= moment:
        raise WorkflowError([NOT_SIGNED_IN])
    try:
        role = Role(role_name)
    except ValueError:
        raise WorkflowError([ACCOUNT_UNUSABLE]) from None
    return Actor(int(user_id), username, role, session_token=actor.session_token)


def has_users(connection: Connection) -> bool:
    """Whether the database has any account: from then on nothing is done without a session."""
    return connection.execute(select(User.id).limit(1)).first() is not None


NO_ANONYMOUS = (
    "this database has user accounts, so nothing is changed without a signed-in user; sign in "
    "(on the command line: --as NAME and the password)"
)


def acting_user(connection: Connection, actor: Actor | None) -> Actor | None:
    """Who acts: `actor` behind a proven session, or None for the local user of a database that has
    no accounts yet (a single workstation before sign-in was set up). Once any account exists an
    anonymous act is refused (WorkflowError)."""
    if actor is not None:
        return current_actor(connection, actor)
    if has_users(connection):
        raise WorkflowError([NO_ANONYMOUS])
    return None
