"""Users as the services see them: always re-read from the database inside the caller's transaction,
and only behind a proven session, so neither a role, an account's active flag nor an identity is ever
taken from the caller's word."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import Connection, bindparam, select

from her2desk.domain.workflow import Actor, Role, WorkflowError
from her2desk.store.schema import SessionRow, User
from her2desk.store.sessions import token_hash

ACCOUNT_UNUSABLE = "your account does not exist or is not active; sign in again"
NOT_SIGNED_IN = "you are not signed in (or your sign-in has ended); sign in again"


# Built once: every save proves its session with it, and building it cost more than running it.
_SESSION_OF_USER = (
    select(
        User.id,
        User.username,
        User.role,
        User.active,
        SessionRow.expires_at,
        SessionRow.ended_at,
        SessionRow.end_reason,
    )
    .join(SessionRow, SessionRow.user_id == User.id)
    .where(SessionRow.token_hash == bindparam("token_hash"), User.id == bindparam("user_id"))
)


def current_actor(connection: Connection, actor: Actor, now: datetime | None = None) -> Actor:
    """`actor` as the database holds them now, behind an open, unexpired session of theirs.

    WorkflowError when the actor carries no session token, the session is not theirs, has ended or
    expired, or the account is gone or inactive. The returned Actor keeps the session token.
    """
    if not actor.session_token:
        raise WorkflowError([NOT_SIGNED_IN])
    moment = (now or datetime.now(UTC)).replace(tzinfo=None)
    parameters = {"token_hash": token_hash(actor.session_token), "user_id": actor.user_id}
    row = connection.execute(_SESSION_OF_USER, parameters).one_or_none()
    if row is not None and (not row.active or row.end_reason == "deactivated"):
        raise WorkflowError([ACCOUNT_UNUSABLE])  # say why, rather than only "not signed in"
    if row is None or row.ended_at is not None or row.expires_at <= moment:
        raise WorkflowError([NOT_SIGNED_IN])
    try:
        role = Role(row.role)
    except ValueError:
        raise WorkflowError([ACCOUNT_UNUSABLE]) from None
    return Actor(int(row.id), row.username, role, session_token=actor.session_token)


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
