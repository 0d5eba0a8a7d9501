"""How a transaction begins on SQLite: DEFERRED (a reader) or IMMEDIATE (a writer, which takes the
write lock up front and so never fails half-way after reading a stale snapshot).

The mode is an execution option of the engine (`BEGIN_OPTION`), read by the BEGIN hook that
`engine.make_engine` installs on SQLite engines; PostgreSQL engines carry the option and ignore it.
Kept apart from `engine.py` so that `busy.py`, which `engine.py` installs, can ask for a plain read
without importing it.
"""

from __future__ import annotations

from sqlalchemy import Engine

BEGIN_OPTION = "her2desk_begin"


def writer(engine: Engine) -> Engine:
    """The same engine, but transactions start with BEGIN IMMEDIATE on SQLite (a no-op elsewhere)."""
    if engine.dialect.name == "sqlite":
        return engine.execution_options(**{BEGIN_OPTION: "IMMEDIATE"})
    return engine


def reader(engine: Engine) -> Engine:
    """The same engine, with transactions that start with a plain BEGIN (DEFERRED) on SQLite, even when
    `engine` is a writer's: a read that never waits for the write lock."""
    return engine.execution_options(**{BEGIN_OPTION: "DEFERRED"})
