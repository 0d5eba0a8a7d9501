"""Consistent copies and integrity checks.

A live WAL database must never be copied file-by-file (the copy can miss committed pages still in the
-wal file); SQLite's online backup API copies a consistent snapshot while others keep working.
"""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

from sqlalchemy import Engine, text
from sqlalchemy.exc import DatabaseError as SQLAlchemyDatabaseError

from her2desk.files import private_temp


def backup_sqlite(source: Path, destination: Path) -> None:
    """Copy `source` to `destination` with the backup API; the copy is a self-contained database.

    The copy is written into a new private file beside the destination (`her2desk.files`: random
    name, created exclusively with mode 0600, so a link planted at a predictable name is never
    followed) and linked into place when complete; a failed or killed backup never leaves a file that
    looks like a good one, and the next run removes what a killed one left. An existing destination
    is refused, and folders are not created: a mistyped path is an error.
    """
    try:
        with private_temp(destination, overwrite=False) as temp:
            src = sqlite3.connect(source)
            try:
                dst = _unlocked(temp.path)
                try:
                    src.execute("PRAGMA busy_timeout=10000")
                    src.backup(dst)
                    dst.execute("PRAGMA journal_mode=DELETE")
                finally:
                    dst.close()
            finally:
                src.close()
    except sqlite3.Error as error:
        raise OSError(f"cannot write {destination}: {error}") from None
    except FileNotFoundError as error:
        raise OSError(str(error)) from None


def _unlocked(path: Path) -> sqlite3.Connection:
    """A connection to the new private copy that takes no file locks of its own (POSIX: the "unix-none"
    VFS, in exclusive locking mode so a WAL-mode copy needs no shared memory). Nobody else opens the
    file, and SQLite's locks must not meet the lock `her2desk.files` holds on it: on BSD and macOS
    flock and fcntl locks are one mechanism, and the copy would wait for itself."""
    if sys.platform == "win32":
        connection = sqlite3.connect(path)
    else:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?vfs=unix-none", uri=True)
    connection.execute("PRAGMA locking_mode=EXCLUSIVE")
    return connection


def backup_postgres(url: str, destination: Path) -> None:
    """pg_dump in its custom format (restore with pg_restore); refuses clearly if it is not installed.

    pg_dump writes to its standard output, which is a new private file beside the destination
    (as `backup_sqlite`), linked into place when pg_dump succeeds.
    """
    pg_dump = shutil.which("pg_dump")
    if pg_dump is None:
        raise RuntimeError(
            "pg_dump was not found on PATH; install the PostgreSQL client tools, or back up the "
            "server with the lab's PostgreSQL backup procedure"
        )
    libpq_url = url.replace("postgresql+psycopg://", "postgresql://", 1)
    try:
        with private_temp(destination, overwrite=False) as temp:
            result = subprocess.run(
                [pg_dump, "--format=custom", "--dbname", libpq_url],
                stdout=temp.fd,
                stderr=subprocess.PIPE,
                text=True,
                check=False,
            )
            if result.returncode != 0:
                raise RuntimeError(f"pg_dump failed: {result.stderr.strip()}")
    except FileNotFoundError as error:
        raise OSError(str(error)) from None


def integrity_problems(engine: Engine, quick: bool = False) -> list[str]:
    """Problems SQLite finds in the file (empty list = ok). PostgreSQL: checks the server answers."""
    try:
        with engine.connect() as connection:
            if engine.dialect.name != "sqlite":
                connection.execute(text("SELECT 1"))
                return []
            pragma = "quick_check" if quick else "integrity_check"
            results = [row[0] for row in connection.exec_driver_sql(f"PRAGMA {pragma}")]
            fk = [str(tuple(row)) for row in connection.exec_driver_sql("PRAGMA foreign_key_check")]
    except SQLAlchemyDatabaseError as error:  # damage bad enough that the check itself cannot run
        return [str(error.orig)]
    problems = [r for r in results if r != "ok"]
    problems.extend(f"foreign key violation {row}" for row in fk)
    return problems
