"""What the users commands do (`her2desk users add|list`); loaded only when one of them runs."""

from __future__ import annotations

import argparse
import getpass
import sys

from sqlalchemy.exc import SQLAlchemyError

from her2desk.domain.workflow import WorkflowError
from her2desk.services.auth_service import AuthService, UserInputError, check_new_user
from her2desk.store.database import DatabaseError, open_database


def _err(message: str) -> None:
    print(f"her2desk: {message}", file=sys.stderr)


def _os_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "local"


def _read_password() -> str | None:
    """Twice without echo on a terminal; otherwise the first two lines of standard input."""
    if sys.stdin is not None and sys.stdin.isatty():
        first = getpass.getpass("Password: ")
        second = getpass.getpass("Password again: ")
    else:
        lines = sys.stdin.read().splitlines() if sys.stdin is not None else []
        if len(lines) < 2:
            _err("give the password twice (two lines on standard input)")
            return None
        first, second = lines[0], lines[1]
    if first != second:
        _err("the two passwords differ; no user was added")
        return None
    return first


def run_users_add(args: argparse.Namespace) -> int:
    password = _read_password()
    if password is None:
        return 2
    try:
        check_new_user(args.name, password, args.role)
    except UserInputError as problem:
        _err(f"{problem}; no user was added")
        return 2
    try:
        database = open_database(getattr(args, "database", None))
    except DatabaseError as error:
        _err(str(error))
        return 1
    try:
        actor = AuthService(database).create_user(
            args.name,
            password,
            args.role,
            args.display_name,
            local_administrator=f"cli:{_os_user()}",
        )
    except (UserInputError, WorkflowError) as problem:
        _err(f"{problem}; no user was added")
        return 2
    except SQLAlchemyError as error:
        _err(f"database error: {getattr(error, 'orig', None) or error}")
        return 1
    finally:
        database.close()
    print(f"added {actor.username} ({actor.role.value})")
    return 0


def run_users_list(args: argparse.Namespace) -> int:
    try:
        database = open_database(getattr(args, "database", None), create=False)  # a typo makes no file
    except DatabaseError as error:
        _err(str(error))
        return 1
    try:
        users = AuthService(database).users()
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
        print(f"{user.username}\t{user.role.value}\t{state}\t{user.display_name}")
    return 0
