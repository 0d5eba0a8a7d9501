"""A demo case's audit trail is written by the same code as a real one, so the two cannot drift apart:
the demo's `sign-out` and `amend` rows carry exactly the fields the sign-out service writes."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import select
from support.backends import make_entry
from support.lab import PASSWORDS, open_lab

from her2desk.demo.seed import seed_demo
from her2desk.services.case_service import open_case_service
from her2desk.store.database import Database
from her2desk.store.schema import AuditRow


def _payloads(database: Database, action: str) -> list[tuple[str, tuple[str, ...], tuple[str, ...]]]:
    """(table, keys of old, keys of new) of every `action` row."""
    with database.reader() as session:
        rows = session.scalars(select(AuditRow).where(AuditRow.action == action)).all()
        return [(r.table_name, _keys(r.old), _keys(r.new)) for r in rows]


def _keys(payload: str | None) -> tuple[str, ...]:
    return tuple(sorted(json.loads(payload or "{}")))


def test_demo_sign_out_and_amend_rows_have_the_fields_of_real_ones(tmp_path: Path) -> None:
    lab = open_lab(str(tmp_path / "real.sqlite3"))
    stored = lab.cases(lab.tech).save(make_entry("S26-00001"), None)
    signed = lab.signout.sign_out(lab.path, "S26-00001", PASSWORDS["pia"], stored.version)
    lab.signout.amend(
        lab.path, "S26-00001", "a corrected block number", signed.version, password=PASSWORDS["pia"]
    )
    [real_sign_out] = _payloads(lab.database, "sign-out")
    [real_amend] = _payloads(lab.database, "amend")
    lab.database.close()

    demo = open_case_service(str(tmp_path / "demo.sqlite3"))
    try:
        seed_demo(demo, 200, seed=3)
        demo_sign_outs = _payloads(demo.database, "sign-out")
        demo_amends = _payloads(demo.database, "amend")
    finally:
        demo.close()
    assert demo_sign_outs, "the demo signs cases out"
    assert demo_amends, "the demo amends cases"
    assert set(demo_sign_outs) == {real_sign_out}
    assert set(demo_amends) == {real_amend}
