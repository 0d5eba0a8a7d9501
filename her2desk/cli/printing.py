"""What `her2desk handout` and `her2desk report` share: open the database read-only, sign in the user
who prints, write, and end that user's session.

Both commands leave a document (a PDF) and a line in the print log in the name of the person who made
it; once the database has user accounts that person is `--as NAME` with their password, as for every
other act. Only the document itself (what is made, how it is refused, what the success line says)
differs, and each command passes that in as `write`.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from her2desk.domain.workflow import Actor
    from her2desk.services.bundle import Services
    from her2desk.store.database import Database

# write(services, output, actor) -> exit status; the database is open and the printing user known.
Write = Callable[["Services", Path, "Actor | None"], int]


def fail(command: str, message: str) -> int:
    """A refusal or usage problem: one line on standard error, exit status 2."""
    print(f"her2desk {command}: {message}", file=sys.stderr)
    return 2


def run_printing(args: argparse.Namespace, command: str, document: str, write: Write) -> int:
    """Check the output folder, open the database (never creating one), sign in the printing user, then
    `write`; the session ends whatever happens."""
    # Imported here: the storage layer (SQLAlchemy) loads only when a document is made.
    from her2desk.services.bundle import Services
    from her2desk.store.database import DatabaseError, open_database

    output = Path(args.output)
    if not output.parent.is_dir():
        return fail(command, f"cannot write {output}: folder {output.parent} does not exist")
    try:  # only reads the case: a mistyped path must not become a new, empty database
        database = open_database(getattr(args, "database", None), create=False)
    except DatabaseError as error:
        print(f"her2desk {command}: {error}", file=sys.stderr)
        return 1
    services = Services(database)
    with services.cases as service:
        try:
            actor = printing_user(service.database, args.as_user, document)
        except PermissionError as refused:
            return fail(command, f"{refused}; nothing written")
        try:
            return write(services, output, actor)
        finally:
            if actor is not None:
                services.auth.end_session(actor)


def printing_user(database: Database, as_user: str | None, document: str) -> Actor | None:
    """Who prints: `--as NAME` signed in with their password (audited like any sign-in), or None, the
    local user, only while the database has no accounts. PermissionError says why not."""
    from her2desk.cli.user_handlers import Answers
    from her2desk.services.auth_service import AuthenticationError
    from her2desk.services.bundle import Services

    auth = Services(database).auth
    if as_user is None:
        if auth.has_users():
            raise PermissionError(
                f"this database has user accounts: give --as NAME of the user printing the {document} "
                "(the password is asked, or read from the first line of standard input)"
            )
        return None
    password = Answers().next(f"Password for {as_user}: ")
    if password is None:
        raise PermissionError(f"give the password of {as_user} (the first line of standard input)")
    try:
        return auth.login(as_user, password).actor
    except AuthenticationError as refused:
        raise PermissionError(f"--as {as_user}: {refused}") from None
