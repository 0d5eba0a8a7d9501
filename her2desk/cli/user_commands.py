"""User commands: `her2desk users add NAME --role ROLE` and `her2desk users list` (issue 5).

Only the argument declarations live here; the work is in `user_handlers.py`, imported when a users
command runs, so SQLAlchemy and argon2 stay out of every other command's start-up. Exit status:
0 success, 1 an unusable database, 2 invalid input.
"""

from __future__ import annotations

import argparse

from her2desk.cli.lazy import lazy_handler

ROLES = ("technologist", "pathologist", "administrator")  # workflow.Role, without importing it


def _database_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--database",
        metavar="URL",
        default=argparse.SUPPRESS,
        help="SQLite file path or postgresql+psycopg:// URL (default: $HER2DESK_DATABASE_URL, "
        "else the embedded SQLite file)",
    )


def register(subparsers: argparse._SubParsersAction, root: argparse.ArgumentParser) -> None:
    users = subparsers.add_parser("users", help="manage the people who may sign in")
    users_sub = users.add_subparsers(dest="users_command", metavar="ACTION", required=True)
    add = users_sub.add_parser(
        "add",
        help="add a user (the first user of a database must be an administrator)",
        description="Add a user. The password is asked twice without echo; when standard input is not "
        "a terminal, it is read from its first two lines instead (for scripts). Whoever can run this "
        "command on the database is trusted as its local administrator; the audit trail records the "
        "operating-system account.",
    )
    add.add_argument("name", metavar="NAME")
    add.add_argument("--role", required=True, choices=ROLES)
    add.add_argument("--display-name", metavar="TEXT", help="full name shown on signatures")
    _database_option(add)
    add.set_defaults(handler=lazy_handler("her2desk.cli.user_handlers", "run_users_add"))
    listing = users_sub.add_parser("list", help="list the users, their roles and whether they are active")
    _database_option(listing)
    listing.set_defaults(handler=lazy_handler("her2desk.cli.user_handlers", "run_users_list"))
