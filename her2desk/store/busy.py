"""A busy database is reported in words, never as a driver's traceback.

SQLite lets one connection write at a time. A second writer waits: SQLite's busy handler retries the
lock for `engine.BUSY_TIMEOUT_MS` (PostgreSQL: a row lock waits up to the same `lock_timeout`). If the
lock is still held after that, the driver's "database is locked" (or PostgreSQL's lock-not-available)
becomes `DatabaseBusyError` with one sentence saying what happened and what to do; every statement,
BEGIN and COMMIT goes through the engine's `handle_error` hook, so no service has to catch it itself.

A long write that other workstations may have to wait for (a case import) announces itself first in
a short transaction of its own (`announced`): a row in `app_metadata` saying who is doing what since
when, removed afterwards. A workstation that gives up waiting names it ("tom is importing 40000
cases, since 14:02 UTC"). An announcement left behind by a program that crashed is ignored after
`STALE_AFTER`.
"""

from __future__ import annotations

import json
import logging
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Engine, delete, event, insert, select
from sqlalchemy.engine import ExceptionContext

from her2desk.store.audit import utc_now
from her2desk.store.errors import DatabaseBusyError
from her2desk.store.schema import AppMetadata

log = logging.getLogger(__name__)

ANNOUNCEMENT_PREFIX = "writing:"
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
    from her2desk.store.engine import BEGIN_OPTION  # engine.py imports this module

    token = _explaining.set(True)
    try:  # a plain read (the failing engine may be the writer's, whose BEGIN waits for the lock)
        with engine.execution_options(**{BEGIN_OPTION: "DEFERRED"}).connect() as connection:
            rows = connection.execute(
                select(AppMetadata.value).where(AppMetadata.key.startswith(ANNOUNCEMENT_PREFIX))
            ).scalars()
            found = []
            now = utc_now()
            for value in rows:
                note = json.loads(value)
                since = datetime.fromisoformat(note["since"])
                if now - since < STALE_AFTER:
                    found.append(f"{note['what']}, since {since:%H:%M} UTC")
            return found
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
    The announcement is committed before the block starts and removed after it, whatever happens."""
    key = f"{ANNOUNCEMENT_PREFIX}{uuid.uuid4().hex[:16]}"
    value = json.dumps({"what": what[:120], "since": utc_now().isoformat()})
    table: Any = AppMetadata.__table__
    with write_engine.begin() as connection:
        connection.execute(insert(table).values(key=key, value=value))
    try:
        yield
    finally:
        try:
            with write_engine.begin() as connection:
                connection.execute(delete(table).where(table.c.key == key))
        except Exception:  # a stale note is ignored after STALE_AFTER anyway
            log.warning("could not remove the note %s from the database", key, exc_info=True)
