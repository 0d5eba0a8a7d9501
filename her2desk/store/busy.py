"""A busy database is reported in words, never as a driver's traceback.

SQLite lets one connection write at a time. A second writer waits: SQLite's busy handler retries the
lock for `engine.BUSY_TIMEOUT_MS` (PostgreSQL: a row lock waits up to the same `lock_timeout`). If the
lock is still held after that, the driver's "database is locked" (or PostgreSQL's lock-not-available)
becomes `DatabaseBusyError` with one sentence saying what happened and what to do; every statement,
BEGIN and COMMIT goes through the engine's `handle_error` hook, so no service has to catch it itself.

A long write that other workstations may have to wait for (a case import) announces itself first in
a short transaction of its own (`announced`): a `write_notice` row saying who is doing what since
when, ended afterwards. A workstation that gives up waiting names it ("tom is importing 40000 cases,
since 14:02 UTC"). A notice left open by a program that crashed is ignored after `STALE_AFTER`.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import timedelta
from typing import Any

from sqlalchemy import Engine, event, insert, select, update
from sqlalchemy.engine import ExceptionContext

from her2desk.store.audit import utc_now
from her2desk.store.begin_modes import reader
from her2desk.store.errors import DatabaseBusyError
from her2desk.store.schema import WriteNotice

log = logging.getLogger(__name__)

STALE_AFTER = timedelta(hours=6)
SQLITE_BUSY_CODES = (5, 6)  # SQLITE_BUSY, SQLITE_LOCKED (primary codes; extended ones add high bits)
POSTGRES_BUSY_STATES = ("55P03", "40P01")  # lock_not_available (lock_timeout), deadlock_detected
_explaining: ContextVar[bool] = ContextVar("her2desk_busy_explaining", default=False)

__all__ = ["DatabaseBusyError", "announced", "busy_message", "install"]


def is_busy(error: BaseException) -> bool:
    """A driver error that means "someone else holds the lock", on either backend."""
    code = getattr(error, "sqlite_errorcode", None)
    if isinstance(code, int):
        return code & 0xFF in SQLITE_BUSY_CODES
    if getattr(error, "sqlstate", None) in POSTGRES_BUSY_STATES:
        return True
    text = str(error).lower()
    return "database is locked" in text or "database table is locked" in text


def busy_message(announcements: list[str]) -> str:
    if announcements:
        return (
            f"the database is busy: {'; '.join(announcements)}. This workstation waited and gave up; "
            "nothing was changed by it. Try again when that has finished."
        )
    return (
        "the database is busy: another workstation is writing to it (an import?), and this one waited "
        "and gave up; nothing was changed by it. Try again in a moment."
    )


def _announcements(engine: Engine) -> list[str]:
    """What long writes have announced themselves (read without waiting for the write lock)."""
    if _explaining.get():
        return []
    token = _explaining.set(True)
    try:  # a plain read (the failing engine may be the writer's, whose BEGIN waits for the lock)
        with reader(engine).connect() as connection:
            since = utc_now() - STALE_AFTER
            rows = connection.execute(
                select(WriteNotice.what, WriteNotice.started_at)
                .where(WriteNotice.ended_at.is_(None), WriteNotice.started_at > since)
                .order_by(WriteNotice.id)
            ).all()
        return [f"{row.what}, since {row.started_at:%H:%M} UTC" for row in rows]
    except Exception:  # explaining must never hide the real problem
        log.debug("could not read who is writing", exc_info=True)
        return []
    finally:
        _explaining.reset(token)


def _translate(context: ExceptionContext) -> BaseException | None:
    if not is_busy(context.original_exception):
        return None
    engine = context.engine
    return DatabaseBusyError(busy_message(_announcements(engine) if engine is not None else []))


def install(engine: Engine) -> None:
    """Translate busy errors on every connection of `engine` (called by `engine.make_engine`)."""
    event.listen(engine, "handle_error", _translate, retval=True)


@contextmanager
def announced(write_engine: Engine, what: str) -> Iterator[None]:
    """Say "`what`" to any workstation that gives up waiting for the write lock while the block runs.
    The notice is committed before the block starts and ended after it, whatever happens."""
    table: Any = WriteNotice.__table__
    with write_engine.begin() as connection:
        notice = connection.execute(
            insert(table).values(what=what[:200], started_at=utc_now()).returning(table.c.id)
        ).scalar_one()
    try:
        yield
    finally:
        try:
            with write_engine.begin() as connection:
                connection.execute(update(table).where(table.c.id == notice).values(ended_at=utc_now()))
        except Exception:  # an open notice is ignored after STALE_AFTER anyway
            log.warning("could not end the write notice %s", notice, exc_info=True)
