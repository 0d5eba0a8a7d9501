"""The audit viewer's reads against real databases: filters by user, action, local-day edges, one
case's trail (with its patient's rows), paging, counts, and the export iterator."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from support.backends import make_entry
from support.lab import PASSWORDS, Lab

from her2desk.domain.audit_query import AuditQuery, AuditQueryError, action_label
from her2desk.services.audit_service import AuditService
from her2desk.services.auth_service import ANONYMOUS, AuthenticationError
from her2desk.store.audit import record_event

BERLIN_WINTER = timezone(timedelta(hours=1))


def _workflow(lab: Lab) -> None:
    """Sign-ins (one failed), two cases entered, one signed out, amended and its handout printed."""
    lab.auth.login("pia", PASSWORDS["pia"])
    with pytest.raises(AuthenticationError):
        lab.auth.login("pia", "wrong password")
    first = lab.cases(lab.tech).save(make_entry("S26-00001", mrn="DEMO000001"), None)
    lab.cases(lab.tech).save(make_entry("S26-00002", mrn="DEMO000002"), None)
    done = lab.signout.sign_out(lab.path, "S26-00001", PASSWORDS["pia"], first.version)
    lab.signout.record_handout(lab.path, "S26-00001", "en", "ab" * 32, "rules-1")
    lab.signout.amend(
        lab.path, "S26-00001", "recount by a second observer", done.version, password=PASSWORDS["pia"]
    )


def _at(lab: Lab, when: datetime, who: str = "zoe", action: str = "probe", record: str = "") -> None:
    """An audit row at an exact (naive UTC) time, as a workflow event would write it."""
    with lab.database.write_engine.begin() as connection:
        record_event(connection, at=when, who=who, action=action, table="app_user", record=record)


def test_filters_by_user_and_action(lab: Lab) -> None:
    _workflow(lab)
    audit = AuditService(lab.database)
    total = audit.count(AuditQuery())
    assert total == lab.audit_count()

    by_pia = audit.page(AuditQuery(who="pia"), 0, 100)
    assert by_pia
    assert {r.who for r in by_pia} == {"pia"}
    assert audit.count(AuditQuery(who="pia")) == len(by_pia)
    assert {"login", "sign-out", "handout", "amend"} <= {r.action for r in by_pia}

    failed = audit.page(AuditQuery(action="login-failed"), 0, 100)
    assert [(r.who, r.new, r.accession) for r in failed] == [(ANONYMOUS, {"username": "pia"}, None)]
    assert failed[0].action_label == "Failed sign-in" == action_label("login-failed")

    both = audit.page(AuditQuery(who="pia", action="sign-out"), 0, 100)
    assert [(r.action, r.accession) for r in both] == [("sign-out", "S26-00001")]
    assert audit.count(AuditQuery(who="nobody")) == 0


def test_distinct_users_and_actions_for_the_filter_lists(lab: Lab) -> None:
    _workflow(lab)
    audit = AuditService(lab.database)
    assert {"ada", "tom", "pia", ANONYMOUS} <= set(audit.users())
    assert audit.users() == sorted(audit.users())
    assert {"insert", "login", "login-failed", "sign-out", "handout", "amend"} <= set(audit.actions())
    assert len(audit.actions()) == len(set(audit.actions()))


def test_one_case_includes_its_patients_rows_and_nothing_of_other_cases(lab: Lab) -> None:
    _workflow(lab)
    audit = AuditService(lab.database)
    rows = audit.page(AuditQuery(accession="S26-00001"), 0, 1000)
    assert rows
    assert audit.count(AuditQuery(accession=" S26-00001 ")) == len(rows)
    assert {r.accession for r in rows if r.table != "patient"} == {"S26-00001"}
    patient_rows = [r for r in rows if r.table == "patient"]
    assert [r.new["mrn"] for r in patient_rows if r.new and "mrn" in r.new] == ["DEMO000001"]
    assert {"sign-out", "handout", "amend"} <= {r.action for r in rows}
    assert not any(r.accession == "S26-00002" for r in rows)
    assert audit.count(AuditQuery(accession="S26-99999")) == 0
    assert audit.page(AuditQuery(accession="S26-99999"), 0, 10) == []


def test_local_day_edges_are_inclusive_and_end_at_the_next_local_midnight(lab: Lab) -> None:
    # Local (UTC+1) 2026-01-10 00:00:00 and 23:59:59.999 are on the 10th; local 00:00 on the 11th is not.
    _at(lab, datetime(2026, 1, 9, 22, 59, 59, 999000), record="before")
    _at(lab, datetime(2026, 1, 9, 23, 0, 0), record="first")
    _at(lab, datetime(2026, 1, 10, 22, 59, 59, 999000), record="last")
    _at(lab, datetime(2026, 1, 10, 23, 0, 0), record="after")
    local = AuditService(lab.database, zone=BERLIN_WINTER)
    day = date(2026, 1, 10)
    assert [r.record for r in local.page(AuditQuery(who="zoe", date_from=day, date_to=day), 0, 10)] == [
        "last",
        "first",
    ]
    assert [r.record for r in local.page(AuditQuery(who="zoe", date_from=day), 0, 10)] == [
        "after",
        "last",
        "first",
    ]
    assert [r.record for r in local.page(AuditQuery(who="zoe", date_to=day), 0, 10)] == [
        "last",
        "first",
        "before",
    ]
    utc = AuditService(lab.database, zone=UTC)
    assert [r.record for r in utc.page(AuditQuery(who="zoe", date_from=day, date_to=day), 0, 10)] == [
        "after",
        "last",
    ]
    assert local.count(AuditQuery(who="zoe", date_from=day, date_to=day)) == 2


def test_a_reversed_date_range_is_refused_with_the_fields_named() -> None:
    with pytest.raises(AuditQueryError, match=r"date from .* is after date to"):
        AuditQuery(date_from=date(2026, 2, 1), date_to=date(2026, 1, 31))


def test_pages_are_newest_first_stable_and_cover_every_row_once(lab: Lab) -> None:
    start = datetime(2026, 3, 1, 12, 0, 0)
    for i in range(25):
        # Two rows share each time: the order must still be total (by the database's own sequence).
        _at(lab, start + timedelta(minutes=i // 2), who="pager", record=f"r{i:02d}")
    audit = AuditService(lab.database)
    query = AuditQuery(who="pager")
    assert audit.count(query) == 25
    pages = [audit.page(query, offset, 10) for offset in (0, 10, 20)]
    assert [len(p) for p in pages] == [10, 10, 5]
    records = [r.record for page in pages for r in page]
    assert records == [f"r{i:02d}" for i in reversed(range(25))]
    ids = [r.id for page in pages for r in page]
    assert ids == sorted(ids, reverse=True)
    assert audit.page(query, 0, 10) == pages[0]  # same page twice: same rows
    assert audit.page(query, 25, 10) == []
    assert [r.record for r in audit.iter_all(query, batch=4)] == records


def test_text_filter_matches_values_ignoring_case_and_wildcards(lab: Lab) -> None:
    _at(lab, datetime(2026, 3, 1), who="t", record="100%_done")
    _at(lab, datetime(2026, 3, 1), who="t", record="100 done")
    audit = AuditService(lab.database)
    assert [r.record for r in audit.page(AuditQuery(who="t", text="%_D"), 0, 10)] == ["100%_done"]
    _workflow(lab)
    rows = audit.page(AuditQuery(text="RECOUNT BY A SECOND"), 0, 10)
    assert [r.action for r in rows] == ["amend"]


def test_bad_paging_arguments_are_refused(lab: Lab) -> None:
    audit = AuditService(lab.database)
    with pytest.raises(ValueError, match="limit must be 1 to 1000"):
        audit.page(AuditQuery(), 0, 0)
    with pytest.raises(ValueError, match="offset must be 0 or more"):
        audit.page(AuditQuery(), -1, 10)


def test_export_writes_the_filtered_rows(lab: Lab, tmp_path: Path) -> None:
    _workflow(lab)
    audit = AuditService(lab.database)
    target = tmp_path / "audit.csv"
    count = audit.export_csv(AuditQuery(accession="S26-00001"), target)
    assert count == audit.count(AuditQuery(accession="S26-00001"))
    lines = target.read_text(encoding="utf-8").splitlines()
    assert len(lines) == count + 1
    assert not (tmp_path / "audit.csv.part").exists()
