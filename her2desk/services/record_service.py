"""The record's tamper evidence for the program's other parts: the head digest a signed report or a
handout prints (the lab's outside anchor), and the full check administrators run (`store.verify`).

`head_digest` is one indexed read of one row: cheap enough to call while printing. The digest read
just after a sign-out commits to that sign-out (its signature and report version are in the chain
before it); a later digest commits to everything before it as well.
"""

from __future__ import annotations

from her2desk.store.database import Database
from her2desk.store.verify import HeadDigest, RecordCheck, parse_digest, verify_record
from her2desk.store.verify import head_digest as _read_head

__all__ = ["HeadDigest", "RecordCheck", "RecordService", "check_record", "head_digest", "parse_digest"]


def head_digest(database: Database) -> HeadDigest | None:
    """The chain's head now (`str()` gives "sha256:<hex> at record position N"; `.text` the digest
    alone); None only if the head row was removed, which `check_record` reports."""
    with database.engine.connect() as connection:
        return _read_head(connection)


def check_record(database: Database, digest: str | None = None) -> RecordCheck:
    """Verify the chain, its head and every case's seal; with `digest` (as written down or printed:
    "sha256:<hex>") also that the record still holds what it committed to. Reads the whole record:
    run it off the GUI thread. ValueError names the digest if it is not one."""
    return verify_record(database.engine, parse_digest(digest) if digest is not None else None)


class RecordService:
    """The two functions above for one database (what `Services.record` hands out)."""

    def __init__(self, database: Database) -> None:
        self.database = database

    def head_digest(self) -> HeadDigest | None:
        return head_digest(self.database)

    def check(self, digest: str | None = None) -> RecordCheck:
        return check_record(self.database, digest)
