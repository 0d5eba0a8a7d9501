"""Consistent copies and integrity checks.

A live WAL database must never be copied file-by-file (the copy can miss committed pages still in the
-wal file); SQLite's online backup API copies a consistent snapshot while others keep working.
"""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
from pathlib import Path

from sqlalchemy import Engine, text
from sqlalchemy.exc import DatabaseError as SQLAlchemyDatabaseError


def backup_sqlite(source: Path, destination: Path) -> None:
    """Copy `source` to `destination` with the backup API; the copy is a self-contained database.

    The copy is written under a temporary name and renamed when complete, so a failed backup never
    leaves a file that looks like a good one. Folders are not created: a mistyped path is an error.
    """
    if destination.exists():
        raise FileExistsError(f"{destination} already exists; choose a new file name")
    if not destination.parent.is_dir():
        raise OSError(f"folder {destination.parent} does not exist")
    partial = destination.with_name(destination.name + ".part")
    try:
        src = sqlite3.connect(source)
        try:
            dst = sqlite3.connect(partial)
            try:
                src.execute("PRAGMA busy_timeout=10000")
                src.backup(dst)
                dst.execute("PRAGMA journal_mode=DELETE")
            finally:
                dst.close()
        finally:
            src.close()
        partial.replace(destination)
    except sqlite3.Error as error:
        partial.unlink(missing_ok=True)
        raise OSError(f"cannot write {destination}: {error}") from None
    except OSError:
        partial.unlink(missing_ok=True)
        raise


def backup_postgres(url: str, destination: Path) -> None:
    """pg_dump in its custom format (restore with pg_restore); refuses clearly if it is not installed."""
    pg_dump = shutil.which("pg_dump")
    if pg_dump is None:
        raise RuntimeError(
            "pg_dump was not found on PATH; install the PostgreSQL client tools, or back up the "
            "server with the lab's PostgreSQL backup procedure"
        )
    if destination.exists():
        raise FileExistsError(f"{destination} already exists; choose a new file name")
    libpq_url = url.replace("postgresql+psycopg://", "postgresql://", 1)
    result = subprocess.run(
        [pg_dump, "--format=custom", "--file", str(destination), "--dbname", libpq_url],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        destination.unlink(missing_ok=True)  # pg_dump leaves an empty file, which would block a retry
        raise RuntimeError(f"pg_dump failed: {result.stderr.strip()}")


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
