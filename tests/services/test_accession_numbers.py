"""Automatic accession numbers: a new case saved without an accession while the lab set a pattern gets
the next number of the pattern's counter, drawn in the save's transaction (real databases, no mocks)."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest
from support.backends import make_entry
from support.lab import open_lab

from her2desk.domain.case import IshDetails
from her2desk.domain.inputs import IshCount
from her2desk.domain.records import CaseInvalidError
from her2desk.domain.vocabulary import IshMethod, IshProbe
from her2desk.domain.workflow import WorkflowError
from her2desk.services.case_service import CaseService, open_case_service
from her2desk.services.lab_settings_service import LabSettingsService
from her2desk.store.accession_counters import last_number
from her2desk.store.database import Database

PATTERN = "H{yy}-{seq:06}"
MAY_DAY = date(2026, 5, 1)


def _set_pattern(database: Database, raw: str = PATTERN) -> None:
    LabSettingsService(database).update(None, "accession_pattern", raw, local_administrator="admin")


def _on(service: CaseService, day: date) -> CaseService:
    service.today = lambda: day
    return service


def _new(service: CaseService, i: int) -> str:
    return service.save(make_entry(accession="", mrn=f"DEMO0007{i:02d}"), None).entry.accession


def test_new_cases_without_an_accession_are_numbered_in_order_and_audited(service: CaseService) -> None:
    _set_pattern(service.database)
    _on(service, MAY_DAY)
    stored = service.save(make_entry(accession="", mrn="DEMO000701"), None)
    assert stored.entry.accession == "H26-000001"
    assert service.load("H26-000001") is not None
    assert [_new(service, i) for i in (2, 3)] == ["H26-000002", "H26-000003"]
    inserted = [
        a for a in service.audit_for_case("H26-000002") if a.table == "her2_case" and a.action == "insert"
    ]
    assert [(a.new or {}).get("accession") for a in inserted] == ["H26-000002"]


def test_without_a_pattern_an_empty_accession_is_refused_as_before(service: CaseService) -> None:
    with pytest.raises(CaseInvalidError) as refused:
        service.save(make_entry(accession=""), None)
    assert [(p.field, p.message) for p in refused.value.problems if p.field == "accession"] == [
        ("accession", "required")
    ]
    _set_pattern(service.database)
    LabSettingsService(service.database).update(None, "accession_pattern", "", local_administrator="admin")
    with pytest.raises(CaseInvalidError, match="required"):
        service.save(make_entry(accession=""), None)


def test_the_counter_restarts_each_year_when_the_pattern_has_one(service: CaseService) -> None:
    _set_pattern(service.database)
    _on(service, date(2026, 12, 31))
    assert [_new(service, i) for i in (1, 2)] == ["H26-000001", "H26-000002"]
    _on(service, date(2027, 1, 1))
    assert [_new(service, i) for i in (3, 4)] == ["H27-000001", "H27-000002"]
    _on(service, date(2026, 12, 31))  # a workstation whose clock is behind: its own year's counter
    assert _new(service, 5) == "H26-000003"


def test_a_pattern_without_a_year_never_restarts(service: CaseService) -> None:
    _set_pattern(service.database, "HER-{seq:05}")
    _on(service, date(2026, 12, 31))
    assert _new(service, 1) == "HER-00001"
    _on(service, date(2027, 1, 1))
    assert _new(service, 2) == "HER-00002"


def test_a_typed_accession_wins_and_a_typed_number_is_never_drawn_again(service: CaseService) -> None:
    _set_pattern(service.database)
    _on(service, MAY_DAY)
    assert (
        service.save(make_entry(accession="S26-TYPED", mrn="DEMO000711"), None).entry.accession == "S26-TYPED"
    )
    with service.database.engine.connect() as connection:
        assert last_number(connection, "H26-") is None  # a typed accession draws nothing
    # Someone typed the next number by hand: the counter steps over it rather than collide.
    service.save(make_entry(accession="H26-000001", mrn="DEMO000712"), None)
    assert _new(service, 13) == "H26-000002"
    # An edit keeps its accession, pattern or not.
    stored = service.load("H26-000002")
    assert stored is not None
    again = service.save(
        replace(stored.entry, specimen=replace(stored.entry.specimen, block="B1")), stored.version
    )
    assert again.entry.accession == "H26-000002"


def test_a_rolled_back_save_leaves_no_number_behind_and_numbers_never_repeat(db_url: str) -> None:
    """A save that fails after drawing its number (here: one person entered both ISH counts, which the
    lab does not allow) rolls the draw back with everything else: no case, no audit row and no counter
    move, so the number was never seen. The next save gets it, once; nothing is ever numbered twice."""
    lab = open_lab(db_url)
    LabSettingsService(lab.database).update(lab.admin, "accession_pattern", PATTERN)
    tech = _on(lab.cases(lab.tech), MAY_DAY)
    audited = lab.audit_count()
    group_4 = IshCount(her2=Decimal("4.80"), cep17=Decimal("2.60"), cells=20)  # a recount is needed
    both_counts = make_entry(
        accession="", mrn="DEMO000721", ish=IshDetails(IshProbe.DUAL, IshMethod.FISH, group_4, group_4)
    )
    with pytest.raises(WorkflowError, match="second observer"):
        tech.save(both_counts, None)  # both counts by tom
    assert lab.audit_count() == audited
    with lab.database.engine.connect() as connection:
        assert last_number(connection, "H26-") is None
    one_count = make_entry(accession="", mrn="DEMO000722")
    one_count = replace(one_count, ish=replace(one_count.ish, second=None))
    first = tech.save(one_count, None).entry.accession
    second = tech.save(replace(one_count, patient=replace(one_count.patient, mrn="DEMO000723")), None)
    assert (first, second.entry.accession) == ("H26-000001", "H26-000002")
    for accession in (first, second.entry.accession):  # each saved and audited once, with its number
        inserts = [
            a for a in tech.audit_for_case(accession) if (a.table, a.action) == ("her2_case", "insert")
        ]
        assert [(a.new or {}).get("accession") for a in inserts] == [accession]
    lab.database.close()


def test_eight_workstations_saving_new_cases_at_once_get_distinct_consecutive_numbers(db_url: str) -> None:
    first = open_case_service(db_url, "ws0")
    _set_pattern(first.database)
    services = [first] + [open_case_service(db_url, f"ws{i}") for i in range(1, 8)]
    try:
        for svc in services:
            _on(svc, MAY_DAY)
        with ThreadPoolExecutor(max_workers=8) as pool:
            numbers = list(pool.map(lambda i: _new(services[i], i), range(8)))
        assert sorted(numbers) == [f"H26-{n:06d}" for n in range(1, 9)]
        assert _new(services[0], 9) == "H26-000009"
    finally:
        for svc in services:
            svc.close()
