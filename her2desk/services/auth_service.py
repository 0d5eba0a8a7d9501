"""Users, passwords and signing in (issue 5).

Passwords are hashed with argon2id (argon2-cffi's defaults). A failed sign-in says the same thing and
leaves the same audit row whether or not the user name exists: an unknown or inactive name is checked
against a dummy hash, so the time taken does not tell either. The signed-in user is a
`workflow.Actor`; every service re-reads its role from the database by user id before acting.

The first user of an empty database must be an administrator and needs nobody's permission (the
command line names its operator for the audit trail); after that, every act needs a signed-in
session: `login` hands out a session token (kept hashed in `app_session`), every service proves it
(`store.users.current_actor`), and signing out, the idle lock, a password reset or deactivation end
it. No caller can claim to be an administrator once accounts exist.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import Connection, func, insert, select, update

from her2desk.domain.workflow import Action, Actor, Role, WorkflowError, role_allows
from her2desk.store.audit import record_event, utc_now
from her2desk.store.database import Database
from her2desk.store.schema import User
from her2desk.store.sessions import end_session, end_user_sessions, start_session
from her2desk.store.users import ACCOUNT_UNUSABLE, current_actor, has_users

LOGIN_FAILED = "the user name or the password is not correct"
NOT_YOURSELF = "you cannot deactivate your own account; another administrator must do it"
LAST_ADMINISTRATOR = "this is the last active administrator; make another administrator first"
MIN_PASSWORD_CHARS = 8
USERNAME_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$")
ANONYMOUS = "(not signed in)"

_hasher = PasswordHasher()


@functools.cache
def _dummy_hash() -> str:
    return _hasher.hash("her2desk: no such user")


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def password_matches(stored_hash: str | None, password: str) -> bool:
    """Constant-time check (argon2's own comparison); a missing hash still costs one verification."""
    try:
        return _hasher.verify(stored_hash or _dummy_hash(), password) and stored_hash is not None
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


class AuthenticationError(Exception):
    """Sign-in refused. The message never says whether the user name exists."""

    def __init__(self) -> None:
        super().__init__(LOGIN_FAILED)


class UserInputError(ValueError):
    """A new user's name, role or password is not acceptable; the message says why."""


@dataclass(frozen=True)
class UserInfo:
    user_id: int
    username: str
    display_name: str
    role: Role
    active: bool
    created_at: datetime | None


@dataclass(frozen=True)
class SignedInSession:
    """The signed-in user and when they signed in (the GUI's idle lock re-asks the password)."""

    actor: Actor
    signed_in_at: datetime


def check_new_user(username: str, password: str, role: str) -> Role:
    if not USERNAME_PATTERN.match(username):
        raise UserInputError(
            "a user name is 1-64 letters, digits or . _ @ - and starts with a letter or digit"
        )
    try:
        parsed = Role(role)
    except ValueError:
        raise UserInputError(f"role must be one of: {', '.join(r.value for r in Role)}") from None
    check_password(password)
    return parsed


def check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD_CHARS:
        raise UserInputError(f"a password needs at least {MIN_PASSWORD_CHARS} characters")


class AuthService:
    def __init__(self, database: Database) -> None:
        self.database = database

    def has_users(self) -> bool:
        with self.database.engine.connect() as connection:
            return bool(connection.execute(select(func.count()).select_from(User)).scalar_one())

    def create_user(
        self,
        username: str,
        password: str,
        role: Role | str,
        display_name: str | None = None,
        *,
        by: Actor | None = None,
        local_administrator: str | None = None,
    ) -> Actor:
        """Add a user. `by` is the signed-in administrator (role re-read from the database); without
        one, only the first user of an empty database (an administrator) may be created —
        `local_administrator` then names the command-line operator for the audit trail. Once any user
        exists, only a signed-in administrator adds users, whatever the caller claims."""
        parsed = check_new_user(username, password, str(role))
        password_hash = hash_password(password)
        now = utc_now()
        with self.database.write_engine.begin() as connection:
            count = connection.execute(select(func.count()).select_from(User)).scalar_one()
            if count == 0:
                if parsed is not Role.ADMINISTRATOR:
                    raise UserInputError("the first user must be an administrator")
                who = by.username if by else (local_administrator or ANONYMOUS)
            elif by is not None:
                current = current_actor(connection, by)
                reasons = role_allows(current, Action.MANAGE_USERS)
                if reasons:
                    raise WorkflowError(reasons)
                who = current.username
            else:  # a trusted-operator claim counts only on an empty database (checked above)
                raise WorkflowError(["only a signed-in administrator may add users"])
            taken = connection.execute(select(User.id).where(User.username == username)).first()
            if taken is not None:
                raise UserInputError(f"there is already a user named {username}")
            values = {
                "username": username,
                "display_name": display_name or username,
                "role": parsed.value,
                "password_hash": password_hash,
                "active": True,
                "created_at": now,
            }
            user_id = int(connection.execute(insert(User).values(values).returning(User.id)).scalar_one())
            shown = {k: v for k, v in values.items() if k != "password_hash"}
            record_event(
                connection,
                at=now,
                who=who,
                action="insert",
                table="app_user",
                record=str(user_id),
                new={"id": user_id, **shown, "password_hash": "<set>"},
            )
        return Actor(user_id=user_id, username=username, role=parsed)

    def _administrator(
        self, connection: Connection, by: Actor | None, local_administrator: str | None
    ) -> tuple[str, int | None]:
        """Who is managing users (name for the audit trail, user id or None for the local operator)."""
        if by is not None:
            current = current_actor(connection, by)
            reasons = role_allows(current, Action.MANAGE_USERS)
            if reasons:
                raise WorkflowError(reasons)
            return current.username, current.user_id
        if local_administrator is not None and not has_users(connection):
            return local_administrator, None  # a trusted-operator claim counts only on an empty database
        raise WorkflowError(["only an administrator may manage users, signed in as themselves"])

    @staticmethod
    def _target(connection: Connection, user_id: int) -> Any:
        statement = select(User.id, User.username, User.role, User.active).where(User.id == user_id)
        if connection.dialect.name == "postgresql":
            statement = statement.with_for_update()
        row = connection.execute(statement).one_or_none()
        if row is None:
            raise UserInputError(f"there is no user with id {user_id}")
        return row

    @staticmethod
    def _active_administrators(connection: Connection) -> list[int]:
        """Ids of the active administrators, locked on PostgreSQL so two administrators deactivating
        each other at once cannot both succeed and leave the lab with none."""
        statement = select(User.id).where(User.role == Role.ADMINISTRATOR.value, User.active.is_(True))
        if connection.dialect.name == "postgresql":
            statement = statement.with_for_update()
        return [int(i) for i in connection.execute(statement).scalars()]

    def set_active(
        self, by: Actor | None, user_id: int, active: bool, *, local_administrator: str | None = None
    ) -> UserInfo:
        """Deactivate (nobody can sign in as them, and their open sessions stop working at their next
        action) or reactivate a user. Administrators only; never yourself, never the last active
        administrator. Setting the flag it already has changes nothing."""
        now = utc_now()
        with self.database.write_engine.begin() as connection:
            administrators = self._active_administrators(connection)  # locked first, then who acts
            who, by_id = self._administrator(connection, by, local_administrator)
            row = self._target(connection, user_id)
            if bool(row.active) != active:
                if not active and row.id == by_id:
                    raise WorkflowError([NOT_YOURSELF])
                if not active and administrators == [row.id]:
                    raise WorkflowError([LAST_ADMINISTRATOR])
                connection.execute(update(User).where(User.id == row.id).values(active=active))
                if not active:
                    end_user_sessions(connection, row.id, now, "deactivated")
                record_event(
                    connection,
                    at=now,
                    who=who,
                    action="update",
                    table="app_user",
                    record=str(row.id),
                    old={"username": row.username, "active": bool(row.active)},
                    new={"username": row.username, "active": active},
                )
            return self._info(connection, user_id)

    def set_password(
        self, by: Actor | None, user_id: int, password: str, *, local_administrator: str | None = None
    ) -> None:
        """Reset a user's password (an administrator, or the local operator). The hash never reaches
        the audit trail; the audit row only says that it changed."""
        check_password(password)
        password_hash = hash_password(password)
        now = utc_now()
        with self.database.write_engine.begin() as connection:
            who, _by_id = self._administrator(connection, by, local_administrator)
            row = self._target(connection, user_id)
            connection.execute(update(User).where(User.id == row.id).values(password_hash=password_hash))
            end_user_sessions(connection, row.id, now, "password reset")
            record_event(
                connection,
                at=now,
                who=who,
                action="password",
                table="app_user",
                record=str(row.id),
                new={"username": row.username, "password_hash": "<changed>"},
            )

    @staticmethod
    def _info(connection: Connection, user_id: int) -> UserInfo:
        r = connection.execute(select(User.__table__).where(User.id == user_id)).one()
        return UserInfo(r.id, r.username, r.display_name, Role(r.role), bool(r.active), r.created_at)

    def login(self, username: str, password: str) -> SignedInSession:
        """Check the password; audit the attempt (successful or failed) in the same transaction."""
        now = utc_now()
        with self.database.write_engine.begin() as connection:
            row = connection.execute(
                select(User.id, User.username, User.role, User.active, User.password_hash).where(
                    User.username == username
                )
            ).one_or_none()
            usable = row is not None and bool(row.active)
            ok = password_matches(row.password_hash if usable else None, password) and usable
            if not ok:
                # Identical for unknown, inactive and known names: same who, record and details.
                record_event(
                    connection,
                    at=now,
                    who=ANONYMOUS,
                    action="login-failed",
                    table="app_user",
                    record="",
                    new={"username": username},
                )
            else:
                assert row is not None
                if _hasher.check_needs_rehash(row.password_hash):
                    connection.execute(
                        update(User).where(User.id == row.id).values(password_hash=hash_password(password))
                    )
                record_event(
                    connection,
                    at=now,
                    who=row.username,
                    action="login",
                    table="app_user",
                    record=str(row.id),
                    new={"username": row.username},
                )
                token = start_session(connection, int(row.id), now)
        if not ok:
            raise AuthenticationError()
        return SignedInSession(Actor(int(row.id), row.username, Role(row.role), session_token=token), now)

    def end_session(self, actor: Actor, reason: str = "signed out") -> None:
        """End `actor`'s session (signing out, switching user, the idle lock). Audited as `logout`;
        ending a session that has already ended changes nothing."""
        if not actor.session_token:
            return
        now = utc_now()
        with self.database.write_engine.begin() as connection:
            if end_session(connection, actor.session_token, now, reason):
                record_event(
                    connection,
                    at=now,
                    who=actor.username,
                    action="logout",
                    table="app_user",
                    record=str(actor.user_id),
                    new={"username": actor.username, "reason": reason},
                )

    def record_demo_sign_in(self, actor: Actor) -> Actor:
        """Sign the demo pathologist in without a password, audited as such; returns them with their
        session. Refused (WorkflowError) unless the database is a demo database: a real database never
        signs anyone in without a password."""
        if not self.database.is_demo():
            raise WorkflowError(["only a demo database signs in without a password"])
        now = utc_now()
        with self.database.write_engine.begin() as connection:
            row = connection.execute(
                select(User.id, User.username, User.role, User.active).where(User.id == actor.user_id)
            ).one_or_none()
            if row is None or not row.active:
                raise WorkflowError([ACCOUNT_UNUSABLE])
            current = Actor(int(row.id), row.username, Role(row.role))
            token = start_session(connection, current.user_id, now)
            record_event(
                connection,
                at=now,
                who=current.username,
                action="login",
                table="app_user",
                record=str(current.user_id),
                new={"username": current.username, "method": "demo (no password)"},
            )
        return Actor(current.user_id, current.username, current.role, session_token=token)

    def verify_password(self, connection: Connection, user_id: int, password: str) -> bool:
        stored = connection.execute(select(User.password_hash).where(User.id == user_id)).scalar_one_or_none()
        return password_matches(stored, password)

    def users(self) -> list[UserInfo]:
        with self.database.engine.connect() as connection:
            rows = connection.execute(select(User.__table__).order_by(User.username)).all()
        return [
            UserInfo(r.id, r.username, r.display_name, Role(r.role), bool(r.active), r.created_at)
            for r in rows
        ]
