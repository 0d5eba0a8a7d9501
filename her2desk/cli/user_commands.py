"""User commands: `her2desk users add|list|deactivate|activate|reset-password|unlock`.

Only the argument declarations live here; the work is in `user_handlers.py`, imported when a users
command runs, so SQLAlchemy and argon2 stay out of every other command's start-up. Exit status:
0 success, 1 an unusable database, 2 invalid input or refused credentials.

Once a database has a user, every changing command needs `--as NAME` of an active administrator and
that administrator's password (checked and audited as a sign-in): whoever can reach the database file
or server is not trusted by itself. Only the very first administrator of an empty database is added
without credentials, and `users unlock` accepts no credentials only when every active administrator
is locked (after too many wrong passwords), so a lab can always get back into its own accounts.
"""

from __future__ import annotations

import argparse
import sys

from her2desk.cli.lazy import lazy_handler

ROLES = ("technologist", "pathologist", "administrator")  # workflow.Role, without importing it

CREDENTIALS_HELP = (
    "Once the database has users, give --as NAME of an active administrator: their password is asked "
    "without echo, or, when standard input is not a terminal, read from its first line (for scripts)."
)


def _database_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--database",
        metavar="URL",
        default=argparse.SUPPRESS,
        help="SQLite file path or postgresql+psycopg:// URL (default: $HER2DESK_DATABASE_URL, "
        "else the embedded SQLite file)",
    )


def as_option(parser: argparse.ArgumentParser) -> None:
    """`--as NAME`: the administrator making the change (password on stdin's first line, or asked)."""
    parser.add_argument(
        "--as",
        dest="as_user",
        metavar="NAME",
        default=None,
        help="an active administrator making the change; their password is asked (or read from the "
        "first line of standard input)",
    )


def missing_action(parser: argparse.ArgumentParser) -> object:
    """Handler for `her2desk users` (or `settings`) alone: list the actions instead of only
    'the following arguments are required: ACTION'."""

    def run(_args: argparse.Namespace) -> int:
        print(f"{parser.prog}: choose an action", file=sys.stderr)
        parser.print_help(sys.stderr)
        return 2

    return run


def register(subparsers: argparse._SubParsersAction, root: argparse.ArgumentParser) -> None:
    users = subparsers.add_parser(
        "users",
        help="manage the people who may sign in",
        description="Manage the people who may sign in. " + CREDENTIALS_HELP,
    )
    users_sub = users.add_subparsers(dest="users_command", metavar="ACTION", title="actions")
    users.set_defaults(handler=missing_action(users))
    add = users_sub.add_parser(
        "add",
        help="add a user (the first user of a database must be an administrator)",
        description="Add a user. The first user of an empty database must be an administrator and "
        "needs no credentials. After that, --as NAME of an active administrator is required. "
        "Passwords are asked without echo; when standard input is not a terminal they are read from "
        "its lines instead (for scripts): with --as, line 1 is the administrator's password and lines "
        "2 and 3 the new user's password twice; without --as, lines 1 and 2 the new password twice.",
    )
    add.add_argument("name", metavar="NAME")
    add.add_argument("--role", required=True, choices=ROLES)
    add.add_argument("--display-name", metavar="TEXT", help="full name shown on signatures")
    as_option(add)
    _database_option(add)
    add.set_defaults(handler=lazy_handler("her2desk.cli.user_handlers", "run_users_add"))
    listing = users_sub.add_parser("list", help="list the users, their roles and whether they are active")
    _database_option(listing)
    listing.set_defaults(handler=lazy_handler("her2desk.cli.user_handlers", "run_users_list"))
    for action, text, handler in (
        ("deactivate", "stop a user from signing in (never yourself or the last administrator)",
         "run_users_deactivate"),
        ("activate", "let a deactivated user sign in again", "run_users_activate"),
    ):  # fmt: skip
        parser = users_sub.add_parser(
            action,
            help=text,
            description=f"{text[0].upper()}{text[1:]} (audited). Requires --as NAME of an active "
            "administrator; their password is asked without echo, or read from the first line of "
            "standard input when it is not a terminal.",
        )
        parser.add_argument("name", metavar="NAME")
        as_option(parser)
        _database_option(parser)
        parser.set_defaults(handler=lazy_handler("her2desk.cli.user_handlers", handler))
    reset = users_sub.add_parser(
        "reset-password",
        help="give a user a new password (audited, the password itself is not)",
        description="Give a user a new password. Requires --as NAME of an active administrator. "
        "Passwords are asked without echo; when standard input is not a terminal, line 1 is the "
        "administrator's password and lines 2 and 3 the new password twice.",
    )
    reset.add_argument("name", metavar="NAME")
    as_option(reset)
    _database_option(reset)
    reset.set_defaults(handler=lazy_handler("her2desk.cli.user_handlers", "run_users_reset_password"))
    unlock = users_sub.add_parser(
        "unlock",
        help="let a user locked after too many wrong passwords sign in again (audited)",
        description="Forget a user's wrong passwords and lift the lock they caused (audited). Requires "
        "--as NAME of an active administrator; their password is asked without echo, or read from the "
        "first line of standard input when it is not a terminal. Only when every active administrator "
        "is locked may it run without --as, to unlock an administrator; the audit trail then names "
        "the operating-system user who ran it.",
    )
    unlock.add_argument("name", metavar="NAME")
    as_option(unlock)
    _database_option(unlock)
    unlock.set_defaults(handler=lazy_handler("her2desk.cli.user_handlers", "run_users_unlock"))
