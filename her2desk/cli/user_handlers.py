"""What the users commands do (`her2desk users add|list|deactivate|activate|reset-password|unlock`); loaded
only when one of them runs. Also the administrator check every changing admin command shares."""

from __future__ import annotations

import argparse
import getpass
import sys

from sqlalchemy.exc import SQLAlchemyError

from her2desk.domain.workflow import Actor, Role, WorkflowError
from her2desk.services.auth_service import AuthenticationError, UserInputError, check_new_user
from her2desk.services.bundle import Services
from her2desk.store.database import Database, DatabaseError, open_database


class CredentialsError(Exception):
    """No, wrong or insufficient administrator credentials; the message says which (exit 2)."""


def _err(message: str) -> None:
    print(f"her2desk: {message}", file=sys.stderr)


def _os_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "local"


class Answers:
    """Passwords in the order the command's --help documents: asked without echo on a terminal,
    otherwise the next line of standard input (read once, for scripts). None when a line is missing."""

    def __init__(self) -> None:
        self.tty = sys.stdin is not None and sys.stdin.isatty()
        self._lines: list[str] | None = None

    def next(self, prompt: str) -> str | None:
        if self.tty:
            return getpass.getpass(prompt)
        if self._lines is None:
            self._lines = sys.stdin.read().splitlines() if sys.stdin is not None else []
        return self._lines.pop(0) if self._lines else None


def read_administrator_password(args: argparse.Namespace, answers: Answers) -> str | None:
    """The --as administrator's password (first answer); None when --as was not given."""
    if args.as_user is None:
        return None
    password = answers.next(f"Password for {args.as_user}: ")
    if password is None:
        raise CredentialsError(f"give the password of {args.as_user} (the first line of standard input)")
    return password


def acting_administrator(database: Database, as_user: str | None, password: str | None) -> Actor | None:
    """The administrator making a change, signed in through AuthService.login (so the attempt is
    audited like any sign-in). None only while the database has no users at all: the first
    administrator is added by whoever can reach the database. Raises CredentialsError."""
    auth = Services(database).auth
    if as_user is None:
        if auth.has_users():
            raise CredentialsError(
                "this database has users: give --as NAME of an active administrator (their password "
                "is asked, or read from the first line of standard input)"
            )
        return None
    try:
        actor = auth.login(as_user, password or "").actor
    except AuthenticationError as refused:
        raise CredentialsError(f"--as {as_user}: {refused}") from None
    if actor.role is not Role.ADMINISTRATOR:
        raise CredentialsError(f"--as {as_user}: {as_user} is not an administrator")
    return actor


def _read_new_password(answers: Answers, with_admin: bool) -> str | None:
    """The new password twice; None (after saying why) when missing or different."""
    first = answers.next("New password: ")
    second = answers.next("New password again: ") if first is not None else None
    if first is None or second is None:
        where = "lines 2 and 3" if with_admin else "two lines"
        _err(f"give the password twice ({where} on standard input)")
        return None
    if first != second:
        _err("the two passwords differ; nothing was changed")
        return None
    return first


def _open(args: argparse.Namespace, *, create: bool = True) -> Database | None:
    try:
        return open_database(getattr(args, "database", None), create=create)
    except DatabaseError as error:
        _err(str(error))
        return None


def run_users_add(args: argparse.Namespace) -> int:
    answers = Answers()
    try:
        admin_password = read_administrator_password(args, answers)
    except CredentialsError as refused:
        _err(f"{refused}; no user was added")
        return 2
    password = _read_new_password(answers, args.as_user is not None)
    if password is None:
        return 2
    try:
        check_new_user(args.name, password, args.role)
    except UserInputError as problem:
        _err(f"{problem}; no user was added")
        return 2
    database = _open(args)
    if database is None:
        return 1
    try:
        by = acting_administrator(database, args.as_user, admin_password)
        actor = Services(database).auth.create_user(
            args.name,
            password,
            args.role,
            args.display_name,
            by=by,
            local_administrator=None if by else f"cli:{_os_user()}",
        )
    except (CredentialsError, UserInputError, WorkflowError) as problem:
        _err(f"{problem}; no user was added")
        return 2
    except SQLAlchemyError as error:
        _err(f"database error: {getattr(error, 'orig', None) or error}")
        return 1
    finally:
        database.close()
    print(f"added {actor.username} ({actor.role.value})")
    return 0


def _change_user(
    args: argparse.Namespace, *, new_password: bool, active: bool | None, unlock: bool = False
) -> int:
    """deactivate / activate / reset-password / unlock: an administrator's credentials (unlock
    without them only when every active administrator is locked; the service checks that)."""
    answers = Answers()
    if args.as_user is None and not unlock:
        _err("give --as NAME of an active administrator; nothing was changed")
        return 2
    try:
        admin_password = read_administrator_password(args, answers)
    except CredentialsError as refused:
        _err(f"{refused}; nothing was changed")
        return 2
    password = _read_new_password(answers, True) if new_password else None
    if new_password and password is None:
        return 2
    database = _open(args, create=False)
    if database is None:
        return 1
    try:
        auth = Services(database).auth
        by = acting_administrator(database, args.as_user, admin_password) if args.as_user else None
        target = next((u for u in auth.users() if u.username == args.name), None)
        if target is None:
            raise UserInputError(f"there is no user named {args.name}")
        if unlock:
            local = None if by else f"cli:{_os_user()}"
            changed = auth.unlock(by, target.user_id, local_administrator=local)
            done = f"{target.username} is unlocked" if changed else f"{target.username} was not locked"
        elif password is not None:
            auth.set_password(by, target.user_id, password)
            done = f"new password set for {target.username}"
        else:
            assert active is not None
            info = auth.set_active(by, target.user_id, active)
            done = f"{info.username} is {'active' if info.active else 'inactive'}"
    except (CredentialsError, UserInputError, WorkflowError) as problem:
        _err(f"{problem}; nothing was changed")
        return 2
    except SQLAlchemyError as error:
        _err(f"database error: {getattr(error, 'orig', None) or error}")
        return 1
    finally:
        database.close()
    print(done)
    return 0


def run_users_deactivate(args: argparse.Namespace) -> int:
    return _change_user(args, new_password=False, active=False)


def run_users_activate(args: argparse.Namespace) -> int:
    return _change_user(args, new_password=False, active=True)


def run_users_reset_password(args: argparse.Namespace) -> int:
    return _change_user(args, new_password=True, active=None)


def run_users_unlock(args: argparse.Namespace) -> int:
    return _change_user(args, new_password=False, active=None, unlock=True)


def run_users_list(args: argparse.Namespace) -> int:
    database = _open(args, create=False)  # a typo makes no file
    if database is None:
        return 1
    try:
        auth = Services(database).auth
        users = auth.users()
        locks = auth.lock_states()
    except SQLAlchemyError as error:
        _err(f"database error: {getattr(error, 'orig', None) or error}")
        return 1
    finally:
        database.close()
    if not users:
        print("no users yet; add the first administrator with: her2desk users add NAME --role administrator")
        return 0
    for user in users:
        state = "active" if user.active else "inactive"
        lock = locks.get(user.user_id)
        if lock is not None:
            state += ", locked" if lock.locked else f", {lock.failures} wrong password(s) in a row"
        print(f"{user.username}\t{user.role.value}\t{state}\t{user.display_name}")
    return 0
