"""Users, passwords and signing in.

Passwords are hashed with argon2id (argon2-cffi's defaults). A failed sign-in says the same thing
whether or not the user name exists: an unknown or inactive name is checked against a dummy hash, so
the time taken does not tell either. The audit row of a failure names the account when the name is
one; a name that matches no account is recorded as "(unknown user)", never as typed (it may be a
password typed into the wrong field). The signed-in user is a `workflow.Actor`; every service
re-reads its role from the database by user id before acting.

Guessing is slowed and then stopped (`domain.sign_in_throttle`, the lab settings
`failure_delay_seconds` and `lockout_after_failures`), in the database so every workstation and every
script sees the same count; sign-in and the electronic signature share it. An unknown name is
throttled exactly like a real one (`store.throttle`), so the answers and their timing tell nothing
about which names exist. A password is never checked while the write lock is held: a short
transaction takes the attempt's slot, argon2 runs outside any transaction, and a second short one
records the outcome after checking that the account did not change meanwhile.

The first user of an empty database must be an administrator and needs nobody's permission (the
command line names its operator for the audit trail); after that, every act needs a signed-in
session: `login` hands out a session token (kept hashed in `app_session`), every service proves it
(`store.users.current_actor`), and signing out, the idle lock, a password reset or deactivation end
it. No caller can claim to be an administrator once accounts exist.
"""

from __future__ import annotations

import functools
import logging
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import Connection, func, insert, select, update

from her2desk.domain.phrases import Phrase
from her2desk.domain.sign_in_throttle import (
    LOCKED_MESSAGE,
    ThrottlePolicy,
    ThrottleState,
    Verdict,
    wait_message,
)
from her2desk.domain.workflow import (
    ACCOUNT_UNUSABLE,
    NOT_SIGNED_OUT,
    Action,
    Actor,
    Role,
    WorkflowError,
    role_refusals,
)
from her2desk.services.lab_settings_service import read_lab_settings
from her2desk.store import throttle
from her2desk.store.audit import record_event, utc_now
from her2desk.store.database import Database
from her2desk.store.schema import User
from her2desk.store.sessions import end_session, end_user_sessions, start_session
from her2desk.store.users import current_actor, has_users

# Sign-ins for support, by account name (staff) as the audit log has them; an unknown name is not repeated.
log = logging.getLogger(__name__)

LOGIN_FAILED = Phrase("the user name or the password is not correct")
NOT_YOURSELF = Phrase("you cannot deactivate your own account; another administrator must do it")
LAST_ADMINISTRATOR = Phrase("this is the last active administrator; make another administrator first")
MIN_PASSWORD_CHARS = 10
USERNAME_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$")
ANONYMOUS = "(not signed in)"
UNKNOWN_USER = "(unknown user)"  # stored instead of a typed name that matches no account
NO_ADMINISTRATOR_LOCKED = Phrase(
    "an administrator who can sign in exists: give --as NAME of an active administrator"
)

_hasher = PasswordHasher()


@functools.cache
def _dummy_hash() -> str:
    return _hasher.hash("her2desk: no such user")


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def password_matches(stored_hash: str | None, password: str) -> bool:
    """Constant-time check (argon2's own comparison); a missing hash still costs one verification."""
    try:
        _hasher.verify(stored_hash or _dummy_hash(), password)  # raises unless the password matches
        return stored_hash is not None
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


class AuthenticationError(Exception):
    """Sign-in refused. The message never says whether the user name exists. `wait_seconds`: the next
    attempt is refused until then; `locked`: every attempt is refused until an administrator unlocks."""

    def __init__(self, message: str = LOGIN_FAILED, *, wait_seconds: int = 0, locked: bool = False) -> None:
        super().__init__(message)
        self.wait_seconds = wait_seconds
        self.locked = locked


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
class LockState:
    """An account's wrong passwords in a row and whether it is locked (the Users list shows it)."""

    failures: int
    locked: bool


@dataclass(frozen=True)
class SignatureCheck:
    """An electronic signature's password, checked outside the write lock (`AuthService.check_signature`).
    The sign-out transaction accepts it only if the account still has `password_hash`."""

    user_id: int
    ok: bool
    password_hash: str | None
    notice: str | None = None  # after a wrong password: the wait before the next one, or the lock


@dataclass(frozen=True)
class _Attempt:
    """A sign-in attempt that has taken its slot: what the password is checked against."""

    subject: str
    user_id: int | None
    username: str | None
    role: str | None
    password_hash: str | None
    usable: bool

    @property
    def shown_name(self) -> str:
        return self.username if self.username is not None else UNKNOWN_USER


@dataclass(frozen=True)
class SignedInSession:
    """The signed-in user and when they signed in (the GUI's idle lock re-asks the password)."""

    actor: Actor
    signed_in_at: datetime


def check_new_user(username: str, password: str, role: str) -> Role:
    if not USERNAME_PATTERN.match(username):
        raise UserInputError(
            Phrase("a user name is 1-64 letters, digits or . _ @ - and starts with a letter or digit")
        )
    try:
        parsed = Role(role)
    except ValueError:
        raise UserInputError(
            Phrase("role must be one of: {roles}", roles=", ".join(r.value for r in Role))
        ) from None
    check_password(password)
    return parsed


def _blank(character: str) -> bool:
    return character.isspace() or unicodedata.category(character).startswith("C")


def check_password(password: str) -> None:
    """A new password: at least MIN_PASSWORD_CHARS characters, and not only spaces or invisible
    control characters (eight spaces or eight NULs were accepted once)."""
    if len(password) < MIN_PASSWORD_CHARS:
        raise UserInputError(Phrase("a password needs at least {count} characters", count=MIN_PASSWORD_CHARS))
    if all(_blank(c) for c in password):
        raise UserInputError(Phrase("a password cannot be only spaces or invisible control characters"))


def _wait_seconds(state: ThrottleState, now: datetime) -> int:
    if state.not_before is None or state.not_before <= now:
        return 0
    return max(1, int(-(-(state.not_before - now).total_seconds() // 1)))


def _next_attempt(wait: int) -> str:
    return Phrase("wait {seconds} s before the next attempt", seconds=wait)


def _your_account_locked() -> str:
    return Phrase("your account: {locked}", locked=LOCKED_MESSAGE)


def _policy(connection: Connection) -> ThrottlePolicy:
    return read_lab_settings(connection)[0].throttle_policy


class AuthService:
    def __init__(self, database: Database, clock: Callable[[], datetime] = utc_now) -> None:
        self.database = database
        self.clock = clock  # naive UTC; tests move it on instead of sleeping through the waits

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
                    raise UserInputError(Phrase("the first user must be an administrator"))
                who = by.username if by else (local_administrator or ANONYMOUS)
            elif by is not None:
                current = current_actor(connection, by)
                reasons = role_refusals(current, Action.MANAGE_USERS)
                if reasons:
                    raise WorkflowError(reasons)
                who = current.username
            else:  # a trusted-operator claim counts only on an empty database (checked above)
                raise WorkflowError([Phrase("only a signed-in administrator may add users")])
            taken = connection.execute(select(User.id).where(User.username == username)).first()
            if taken is not None:
                raise UserInputError(Phrase("there is already a user named {username}", username=username))
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
            reasons = role_refusals(current, Action.MANAGE_USERS)
            if reasons:
                raise WorkflowError(reasons)
            return current.username, current.user_id
        if local_administrator is not None and not has_users(connection):
            return local_administrator, None  # a trusted-operator claim counts only on an empty database
        raise WorkflowError([Phrase("only an administrator may manage users, signed in as themselves")])

    @staticmethod
    def _target(connection: Connection, user_id: int) -> Any:
        statement = select(User.id, User.username, User.role, User.active).where(User.id == user_id)
        if connection.dialect.name == "postgresql":
            statement = statement.with_for_update()
        row = connection.execute(statement).one_or_none()
        if row is None:
            raise UserInputError(Phrase("there is no user with id {user_id}", user_id=user_id))
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
        the audit trail; the audit row only says that it changed. The new password also unlocks the
        account (audited as `account-unlocked`): whoever forgot the old one should not stay locked."""
        check_password(password)
        password_hash = hash_password(password)
        now = utc_now()
        with self.database.write_engine.begin() as connection:
            who, _by_id = self._administrator(connection, by, local_administrator)
            row = self._target(connection, user_id)
            before = throttle.unlock(connection, throttle.user_subject(row.id))  # row, then chain
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
            self._record_unlock(connection, row, who, now, before)  # a new password starts a new count

    @staticmethod
    def _info(connection: Connection, user_id: int) -> UserInfo:
        r = connection.execute(select(User.__table__).where(User.id == user_id)).one()
        return UserInfo(r.id, r.username, r.display_name, Role(r.role), bool(r.active), r.created_at)

    def login(self, username: str, password: str) -> SignedInSession:
        """Check the password and audit the attempt. Refused (AuthenticationError, audited as
        `login-refused`) without checking the password while the account must wait or is locked.
        A wrong password is audited as `login-failed`, and the one that locks as `account-locked`."""
        attempt = self._claim_sign_in(username)
        ok = password_matches(attempt.password_hash if attempt.usable else None, password) and attempt.usable
        stale = ok and attempt.password_hash is not None and _hasher.check_needs_rehash(attempt.password_hash)
        return self._finish_sign_in(attempt, ok, hash_password(password) if stale else None)

    def _claim_sign_in(self, username: str) -> _Attempt:
        """Take the attempt's slot (a short write transaction; no password is checked here)."""
        now = self.clock()
        with self.database.write_engine.begin() as connection:
            row = connection.execute(
                select(User.id, User.username, User.role, User.active, User.password_hash).where(
                    User.username == username
                )
            ).one_or_none()
            if row is None:
                attempt = _Attempt(
                    throttle.unknown_subject(connection, username), None, None, None, None, False
                )
            else:
                attempt = _Attempt(
                    throttle.user_subject(row.id), int(row.id), row.username, row.role, row.password_hash,
                    bool(row.active),
                )  # fmt: skip
            decision, _state = throttle.claim(connection, attempt.subject, _policy(connection), now)
            if decision.verdict is Verdict.ALLOWED:
                return attempt
            locked = decision.verdict is Verdict.LOCKED
            record_event(
                connection,
                at=now,
                who=ANONYMOUS,
                action="login-refused",
                table="app_user",
                record=str(attempt.user_id or ""),
                new={"username": attempt.shown_name, "reason": "locked" if locked else "too soon"},
            )
        log.info("sign-in refused: %s (%s)", attempt.shown_name, "locked" if locked else "too soon")
        if locked:
            raise AuthenticationError(LOCKED_MESSAGE, locked=True)
        raise AuthenticationError(wait_message(decision.wait_seconds), wait_seconds=decision.wait_seconds)

    def _finish_sign_in(self, attempt: _Attempt, ok: bool, new_hash: str | None) -> SignedInSession:
        """Record the outcome; a password checked against a hash that has changed since counts as wrong.
        `new_hash`: the same password hashed with today's parameters (made before the transaction)."""
        now = self.clock()
        with self.database.write_engine.begin() as connection:
            row = None
            if attempt.user_id is not None:
                row = connection.execute(
                    select(User.username, User.role, User.active, User.password_hash).where(
                        User.id == attempt.user_id
                    )
                ).one_or_none()
            unchanged = row is not None and (row.username, row.password_hash, bool(row.active)) == (
                attempt.username, attempt.password_hash, True
            )  # fmt: skip
            if ok and unchanged:
                assert row is not None
                assert attempt.user_id is not None
                throttle.settle_success(connection, attempt.subject)
                if new_hash is not None:
                    connection.execute(
                        update(User).where(User.id == attempt.user_id).values(password_hash=new_hash)
                    )
                record_event(
                    connection,
                    at=now,
                    who=row.username,
                    action="login",
                    table="app_user",
                    record=str(attempt.user_id),
                    new={"username": row.username},
                )
                token = start_session(connection, attempt.user_id, now)
                actor = Actor(attempt.user_id, row.username, Role(row.role), session_token=token)
                log.info("signed in: %s (%s)", row.username, row.role)
                return SignedInSession(actor, now)
            record_failure = functools.partial(
                record_event,
                connection,
                at=now,
                who=ANONYMOUS,
                table="app_user",
                record=str(attempt.user_id or ""),
            )
            policy = _policy(connection)
            locked = throttle.settle_failure(connection, attempt.subject, policy, now)  # row, then chain
            state = throttle.read_state(connection, attempt.subject)
            record_failure(action="login-failed", new={"username": attempt.shown_name})
            if locked:
                new = {"username": attempt.shown_name, "failures": state.failures, "after": "sign-in"}
                record_failure(action="account-locked", new=new)
        log.info("sign-in failed: %s%s", attempt.shown_name, " (the account is now locked)" if locked else "")
        if state.locked(policy):
            raise AuthenticationError(Phrase.listing([LOGIN_FAILED, LOCKED_MESSAGE], "; "), locked=True)
        wait = _wait_seconds(state, now)
        if wait:
            raise AuthenticationError(
                Phrase.listing([LOGIN_FAILED, _next_attempt(wait)], "; "), wait_seconds=wait
            )
        raise AuthenticationError()

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
            raise WorkflowError([Phrase("only a demo database signs in without a password")])
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

    def check_signature(self, actor: Actor, password: str, not_done: str = NOT_SIGNED_OUT) -> SignatureCheck:
        """An electronic signature's password, checked like a sign-in (the same count of wrong
        passwords) but outside any write transaction. WorkflowError, without checking the password,
        when the session is not proven, the account is inactive, must wait or is locked (`not_done`
        says what did not happen). The wrong password itself is audited by the caller
        (`signature-failed`, on the case); the lock it causes, here."""
        if not password:  # nothing typed: nothing to check, so no attempt is spent
            raise WorkflowError([Phrase.listing([Phrase("type your password to sign"), not_done], "; ")])
        now = self.clock()
        user_id = actor.user_id
        subject = throttle.user_subject(user_id)
        with self.database.write_engine.begin() as connection:
            current = current_actor(connection, actor)
            stored = connection.execute(select(User.password_hash).where(User.id == user_id)).scalar_one()
            decision, _state = throttle.claim(connection, subject, _policy(connection), now)
        if decision.verdict is Verdict.LOCKED:
            raise WorkflowError([Phrase.listing([_your_account_locked(), not_done], "; ")])
        if decision.verdict is Verdict.WAIT:
            raise WorkflowError([Phrase.listing([wait_message(decision.wait_seconds), not_done], "; ")])
        ok = password_matches(stored, password)
        now = self.clock()
        with self.database.write_engine.begin() as connection:
            still = connection.execute(
                select(User.password_hash).where(User.id == user_id, User.active.is_(True))
            ).scalar_one_or_none()
            ok = ok and still == stored
            if ok:
                throttle.settle_success(connection, subject)
                return SignatureCheck(user_id, True, stored)
            policy = _policy(connection)
            if throttle.settle_failure(connection, subject, policy, now):
                state = throttle.read_state(connection, subject)
                record_event(
                    connection,
                    at=now,
                    who=current.username,
                    action="account-locked",
                    table="app_user",
                    record=str(user_id),
                    new={"username": current.username, "failures": state.failures, "after": "signature"},
                )
            state = throttle.read_state(connection, subject)
        if state.locked(policy):
            return SignatureCheck(user_id, False, stored, _your_account_locked())
        wait = _wait_seconds(state, now)
        return SignatureCheck(user_id, False, stored, _next_attempt(wait) if wait else None)

    @staticmethod
    def signature_still_valid(connection: Connection, check: SignatureCheck) -> bool:
        """Inside the signing transaction: the checked password was right and the account still has
        the hash it was checked against (no password reset or deactivation in between)."""
        stored = connection.execute(
            select(User.password_hash).where(User.id == check.user_id, User.active.is_(True))
        ).scalar_one_or_none()
        return check.ok and stored is not None and stored == check.password_hash

    def lock_states(self) -> dict[int, LockState]:
        """Accounts with wrong passwords counted, by user id (the others have none and are unlocked)."""
        with self.database.engine.connect() as connection:
            policy = _policy(connection)
            states = throttle.user_states(connection)
        return {
            user_id: LockState(state.failures, state.locked(policy))
            for user_id, state in states.items()
            if state.failures or state.locked_at is not None
        }

    def unlock(self, by: Actor | None, user_id: int, *, local_administrator: str | None = None) -> bool:
        """Forget a user's wrong passwords and lift their lock (audited `account-unlocked`). An
        administrator only; the command-line operator (`local_administrator`) only when every active
        administrator is locked, and then only an active administrator's lock, so a lab cannot lock
        itself out of its own accounts for good and the operator unlocks nobody else.
        False (nothing written) when there was nothing to forget."""
        now = self.clock()
        with self.database.write_engine.begin() as connection:
            if by is None and local_administrator is not None:
                policy = _policy(connection)
                states = throttle.user_states(connection)
                administrators = self._active_administrators(connection)
                if any(not states.get(a, ThrottleState()).locked(policy) for a in administrators):
                    raise WorkflowError([NO_ADMINISTRATOR_LOCKED])
                row = self._target(connection, user_id)
                if row.id not in administrators:  # the escape hatch reopens the lab, nothing more
                    raise WorkflowError(
                        [
                            Phrase(
                                "without --as only a locked administrator is unlocked; unlock one, sign "
                                "in as them and unlock {user} with --as",
                                user=row.username,
                            )
                        ]
                    )
                who = local_administrator  # the one claim that counts with accounts: see above
            else:
                who, _by_id = self._administrator(connection, by, None)
                row = self._target(connection, user_id)
            return self._forget_failures(connection, row, who, now)

    @staticmethod
    def _forget_failures(connection: Connection, row: Any, who: str, now: datetime) -> bool:
        before = throttle.unlock(connection, throttle.user_subject(row.id))
        return AuthService._record_unlock(connection, row, who, now, before)

    @staticmethod
    def _record_unlock(
        connection: Connection, row: Any, who: str, now: datetime, before: ThrottleState
    ) -> bool:
        """Audit `account-unlocked` when `throttle.unlock` forgot something (`before` is what it forgot)."""
        if before == ThrottleState():
            return False
        record_event(
            connection,
            at=now,
            who=who,
            action="account-unlocked",
            table="app_user",
            record=str(row.id),
            old={
                "username": row.username,
                "failures": before.failures,
                "locked": before.locked_at is not None,
            },
            new={"username": row.username, "failures": 0, "locked": False},
        )
        return True

    def users(self) -> list[UserInfo]:
        with self.database.engine.connect() as connection:
            rows = connection.execute(select(User.__table__).order_by(User.username)).all()
        return [
            UserInfo(r.id, r.username, r.display_name, Role(r.role), bool(r.active), r.created_at)
            for r in rows
        ]
