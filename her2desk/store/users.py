"""Users as the services see them: always re-read from the database by id, inside the caller's
transaction, so a role or an account's active flag is never taken from the caller's word."""

from __future__ import annotations

from sqlalchemy import Connection, select

from her2desk.domain.workflow import Actor, Role, WorkflowError
from her2desk.store.schema import User

ACCOUNT_UNUSABLE = "your account does not exist or is not active; sign in again"


def current_actor(connection: Connection, user_id: int) -> Actor:
    """The user `user_id` with the role the database holds now; WorkflowError if gone or inactive."""
    row = connection.execute(
        select(User.id, User.username, User.role, User.active).where(User.id == user_id)
    ).one_or_none()
    if row is None or not row.active:
        raise WorkflowError([ACCOUNT_UNUSABLE])
    try:
        role = Role(row.role)
    except ValueError:
        raise WorkflowError([ACCOUNT_UNUSABLE]) from None
    return Actor(user_id=int(row.id), username=row.username, role=role)
