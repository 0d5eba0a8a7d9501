"""The driver's own connection under a SQLAlchemy one, typed for what it is: the driver's, not the DB-API's.

The store takes it for the fast paths and extensions the DB-API types do not describe: raw cursors (a
case save without SQLAlchemy's per-statement bookkeeping), psycopg's named (server-side) cursors,
sqlite3's `execute` for pragmas, libpq's password hashing.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection


def driver_connection(connection: Connection) -> Any:
    """The sqlite3 or psycopg connection under `connection`, in its transaction."""
    raw = connection.connection.dbapi_connection
    assert raw is not None, "an open Connection always has its driver connection"
    return raw
