"""Storage errors that every caller reports in words; importable without SQLAlchemy (the command
line's entry point catches them without slowing every command's start-up)."""

from __future__ import annotations


class DatabaseBusyError(Exception):
    """Another connection held the database's write lock (SQLite "database is locked") or a row this
    needs (PostgreSQL lock timeout) for longer than the wait allowed. Nothing was changed by the
    statement that waited; the message says so, and what to do, in words."""
