"""CaseService against real databases: round trip, validation, optimistic locking, audit, worklist."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import func, select, text
from support.backends import make_entry

from her2desk.domain.case import IhcDetails, IshDetails, PatientDetails
from her2desk.domain.records import (
    CaseConflictError,
    CaseInvalidError,
    SignOutState,
    WorklistOrder,
    WorklistQuery,
)
from her2desk.domain.vocabulary import IhcScore, Sex, Site, Status
from her2desk.services.case_service import open_case_service
from her2desk.store.schema import AuditRow, Case


def _count(service, model) -> int:
    with service.database.reader() as session:
        return session.execute(select(func.count()).select_from(model)).scalar_one()


def test_save_and_load_round_trip_every_field(service) -> None:
    entry = make_entry()
    stored = service.save(entry, None)
    assert stored.entry == entry
    assert stored.version == 1
    assert stored.created_by == stored.updated_by == "tester"
    assert stored.signout_state is SignOutState.ENTERED
    loaded = service.load(entry.accession)
    assert loaded == stored
    assert loaded.entry.ish.first.her2 == Decimal("4.50")
    assert str(loaded.entry.ish.first.her2) == "4.50"
    assert loaded.interpretation.status is Status.POSITIVE
    assert loaded.interpretation.ish_group == 1
    assert loaded.interpretation.trail == stored.interpretation.trail
    assert loaded.interpretation.guideline.startswith("ASCO/CAP")
    assert service.load_by_id(stored.case_id) == stored
    assert service.load("NOPE") is None


@pytest.mark.parametrize(
    "family",
    [
        "Synthetic-王",
        'O\'Testpatient "Quoted"',
        "Robert'); DROP TABLE patient;--",
        "Тестова-Δοκιμή-اختبار",
        "Demo 🧪 Emoji",
    ],
)
def test_names_are_stored_exactly(service, family: str) -> None:
    entry = make_entry(patient=replace(make_entry().patient, family_name=family, given_name=family[::-1]))
    service.save(entry, None)
    loaded = service.load(entry.accession)
    assert loaded.entry.patient.family_name == family
    assert loaded.entry.patient.given_name == family[::-1]
    assert _count(service, Case) == 1


def test_invalid_case_is_refused_and_nothing_written(service) -> None:
    entry = make_entry(ihc=IhcDetails(score=IhcScore.TWO_PLUS), ish=IshDetails())
    bad = entry.with_changes(patient=replace(entry.patient, birth_date=date(2999, 1, 1)))
    with pytest.raises(CaseInvalidError) as info:
        service.save(bad, None)
    assert any(p.field == "patient.birth_date" for p in info.value.problems)
    assert _count(service, Case) == 0
    assert _count(service, AuditRow) == 0


def test_duplicate_accession_for_a_new_case_is_an_accession_problem(service) -> None:
    service.save(make_entry(), None)
    with pytest.raises(CaseInvalidError) as info:
        service.save(make_entry(mrn="DEMO000002"), None)
    assert [p.field for p in info.value.problems] == ["accession"]
    assert _count(service, Case) == 1


def test_stale_save_is_a_conflict_naming_who_and_when_and_writes_nothing(db_url) -> None:
    alice = open_case_service(db_url, "alice")
    bob = open_case_service(db_url, "bob")
    try:
        first = alice.save(make_entry(), None)
        bobs = bob.save(first.entry.with_changes(ihc=replace(first.entry.ihc, clone="SP3")), first.version)
        assert bobs.version == 2
        audit_before = len(alice.audit_for_case(first.entry.accession))
        with pytest.raises(CaseConflictError) as info:
            alice.save(first.entry.with_changes(ihc=replace(first.entry.ihc, clone="CB11")), first.version)
        conflict = info.value
        assert conflict.changed_by == "bob"
        assert conflict.current_version == 2
        assert conflict.changed_at == bobs.updated_at
        assert "bob" in str(conflict)
        current = alice.load(first.entry.accession)
        assert current.entry.ihc.clone == "SP3"
        assert current.version == 2
        assert len(alice.audit_for_case(first.entry.accession)) == audit_before
    finally:
        alice.close()
        bob.close()


def test_update_of_missing_case_is_refused(service) -> None:
    with pytest.raises(CaseInvalidError):
        service.save(make_entry(), 1)


def test_audit_records_inserts_and_changes_with_old_and_new(service) -> None:
    stored = service.save(make_entry(), None)
    changed = stored.entry.with_changes(ihc=replace(stored.entry.ihc, score=IhcScore.THREE_PLUS))
    service.save(changed, stored.version)
    trail = service.audit_for_case(stored.entry.accession)
    tables = {(a.action, a.table) for a in trail}
    assert {("insert", "patient"), ("insert", "her2_case"), ("insert", "specimen")} <= tables
    assert ("insert", "ish_count") in tables
    ihc_update = [a for a in trail if a.action == "update" and a.table == "ihc_result"]
    assert ihc_update[0].old["score"] == "2+"
    assert ihc_update[0].new["score"] == "3+"
    assert all(a.who == "tester" for a in trail)


@pytest.mark.parametrize(
    ("change", "named"),
    [
        ({"family_name": "Testpatient-Neu"}, "family name"),
        ({"given_name": "Otto"}, "given name"),
        ({"birth_date": date(1980, 1, 1)}, "birth date"),
        ({"sex": Sex.MALE}, "sex"),
    ],
)
def test_an_existing_mrn_with_other_details_is_refused_and_changes_nothing(service, change, named) -> None:
    first = service.save(make_entry(), None)
    before = _count(service, AuditRow)
    other = replace(first.entry.patient, **change)
    with pytest.raises(CaseInvalidError) as refused:
        service.save(make_entry(accession="S26-00002", patient=other), None)
    (problem,) = refused.value.problems
    assert problem.field == "patient.mrn"
    assert named in problem.message
    assert "Demo-Ångström" in problem.message  # says whose MRN it is
    assert service.find_patient(first.entry.patient.mrn) == first.entry.patient
    assert service.load("S26-00002") is None
    assert _count(service, AuditRow) == before
    # Editing the existing case itself cannot rename the patient either.
    with pytest.raises(CaseInvalidError):
        service.save(first.entry.with_changes(patient=other), first.version)
    assert service.load(first.entry.accession).entry.patient == first.entry.patient


def test_a_detail_never_recorded_may_be_filled_in_and_is_audited(service) -> None:
    unknown_sex = replace(make_entry().patient, sex=None)
    first = service.save(make_entry(patient=unknown_sex), None)
    service.save(make_entry(accession="S26-00002", patient=replace(unknown_sex, sex=Sex.FEMALE)), None)
    assert service.find_patient(first.entry.patient.mrn).sex is Sex.FEMALE
    updates = [a for a in service.audit_for_case(first.entry.accession) if a.table == "patient"]
    assert any(a.action == "update" and a.new.get("sex") == "female" for a in updates)


def test_removing_the_recount_deletes_its_row_and_audits_the_delete(service) -> None:
    stored = service.save(make_entry(), None)
    changed = stored.entry.with_changes(ish=replace(stored.entry.ish, second=None))
    again = service.save(changed, stored.version)
    assert again.entry.ish.second is None
    deletes = [a for a in service.audit_for_case(stored.entry.accession) if a.action == "delete"]
    assert deletes[0].table == "ish_count"
    assert deletes[0].old["her2"] == "4.40"


def test_failed_save_leaves_no_audit_row(service) -> None:
    service.save(make_entry(), None)
    before = _count(service, AuditRow)
    with pytest.raises(CaseInvalidError):
        service.save(make_entry(mrn="DEMO000099"), None)
    with pytest.raises(CaseConflictError):
        service.save(make_entry(), 7)
    assert _count(service, AuditRow) == before


def test_audit_table_refuses_update_and_delete(service) -> None:
    service.save(make_entry(), None)
    for statement in ("UPDATE audit SET who = 'mallory'", "DELETE FROM audit"):
        with pytest.raises(Exception, match="append-only"), service.database.engine.begin() as c:
            c.execute(text(statement))
    assert _count(service, AuditRow) > 0
    with service.database.reader() as session:
        assert set(session.scalars(select(AuditRow.who))) == {"tester"}


def _seed_worklist(service) -> None:
    specs = [
        ("S24-00001", "DEMO000001", "Testpatient", date(2024, 1, 10), Site.BREAST, IhcScore.THREE_PLUS),
        ("S25-00002", "DEMO000002", "testläufer", date(2025, 6, 1), Site.STOMACH, IhcScore.ZERO),
        ("S25-00003", "DEMO000003", "Demo-Ångström", date(2025, 2, 1), Site.BREAST, IhcScore.ONE_PLUS),
        ("S26-00004", "XDEMO00004", "Synthetic-王", date(2026, 1, 2), Site.BREAST, IhcScore.TWO_PLUS),
    ]
    for accession, mrn, family, collected, site, score in specs:
        base = make_entry(accession=accession, mrn=mrn)
        specimen = replace(base.specimen, collected_on=collected, site=site)
        if not site.is_breast:
            specimen = replace(specimen, laterality=None, procedure=specimen.procedure)
        ihc = replace(
            base.ihc, score=score, stained_pct=None if score is not IhcScore.TWO_PLUS else Decimal(35)
        )
        ish = base.ish if score is IhcScore.TWO_PLUS else IshDetails()
        patient = replace(base.patient, mrn=mrn, family_name=family)
        service.save(base.with_changes(patient=patient, specimen=specimen, ihc=ihc, ish=ish), None)


def test_worklist_pages_filters_and_orders(service) -> None:
    _seed_worklist(service)
    everything = WorklistQuery()
    assert service.worklist_count(everything) == 4
    page = service.worklist_page(everything, 0, 3)
    assert [r.accession for r in page] == ["S26-00004", "S25-00002", "S25-00003"]
    assert [r.accession for r in service.worklist_page(everything, 3, 3)] == ["S24-00001"]
    oldest = service.worklist_page(replace(everything, descending=False), 0, 1)
    assert oldest[0].accession == "S24-00001"
    by_accession = service.worklist_page(replace(everything, order_by=WorklistOrder.ACCESSION), 0, 10)
    assert [r.accession for r in by_accession] == ["S26-00004", "S25-00003", "S25-00002", "S24-00001"]
    assert service.worklist_count(WorklistQuery(site=Site.STOMACH)) == 1
    assert service.worklist_count(WorklistQuery(status=Status.POSITIVE)) == 2
    window = WorklistQuery(collected_from=date(2025, 1, 1), collected_to=date(2025, 12, 31))
    assert service.worklist_count(window) == 2
    row = service.worklist_page(WorklistQuery(text="S26"), 0, 10)[0]
    assert row.patient_name == "Synthetic-王, Synthetic-王"
    assert row.ihc is IhcScore.TWO_PLUS
    assert row.ish_group == 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("test", {"S24-00001", "S25-00002"}),
        ("TESTL", {"S25-00002"}),
        ("demo-å", {"S25-00003"}),
        ("DEMO-Å", {"S25-00003"}),
        ("synthetic-王", {"S26-00004"}),
        ("s25", {"S25-00002", "S25-00003"}),
        ("DEMO00000", {"S24-00001", "S25-00002", "S25-00003"}),
        ("xdemo", {"S26-00004"}),
        ("%", set()),
        ("_", set()),
        ("\U0010ffff", set()),
        ("'; DROP TABLE patient; --", set()),
    ],
)
def test_worklist_text_search_by_prefix(service, text: str, expected: set[str]) -> None:
    _seed_worklist(service)
    rows = service.worklist_page(WorklistQuery(text=text), 0, 50)
    assert {r.accession for r in rows} == expected
    assert service.worklist_count(WorklistQuery(text=text)) == len(expected)


def test_patient_history_is_oldest_first(service) -> None:
    for accession, collected in (("S26-3", date(2026, 1, 1)), ("S24-1", date(2024, 1, 1)), ("S25-2", None)):
        entry = make_entry(accession=accession)
        service.save(entry.with_changes(specimen=replace(entry.specimen, collected_on=collected)), None)
    history = service.patient_history("DEMO000001")
    assert [c.entry.accession for c in history] == ["S25-2", "S24-1", "S26-3"]
    assert service.patient_history("UNKNOWN") == []


def test_find_patient(service) -> None:
    service.save(make_entry(), None)
    assert service.find_patient("DEMO000001") == make_entry().patient
    assert service.find_patient("DEMO000404") is None
    assert isinstance(service.find_patient("DEMO000001"), PatientDetails)


def test_fresh_database_is_not_demo(service) -> None:
    assert service.is_demo() is False


def test_service_is_usable_from_worker_threads(db_url: str) -> None:
    """The GUI calls the service from a worker thread; results are plain data usable anywhere."""
    from concurrent.futures import ThreadPoolExecutor

    service = open_case_service(db_url, "worker")
    try:

        def work(i: int) -> tuple[str, int]:
            stored = service.save(make_entry(accession=f"S26-T{i:04d}", mrn=f"DEMO{i:06d}"), None)
            loaded = service.load(stored.entry.accession)
            return loaded.entry.accession, service.worklist_count(WorklistQuery())

        with ThreadPoolExecutor(max_workers=4) as pool:
            results = list(pool.map(work, range(24)))
        assert sorted(a for a, _ in results) == [f"S26-T{i:04d}" for i in range(24)]
        assert service.worklist_count(WorklistQuery()) == 24
    finally:
        service.close()


def test_check_database_reports_ok(service) -> None:
    service.save(make_entry(), None)
    assert service.check_database() == []
    assert service.check_database(quick=False) == []


def test_broad_and_narrow_search_plans_give_the_same_pages(service) -> None:
    """Both ways of answering a text search (match-driven, order-index walk) return the same rows."""
    from her2desk.demo.seed import seed_demo
    from her2desk.store import queries

    seed_demo(service, 600, seed=5)
    with service.database.reader() as session:
        for text in ("testpatient", "demo-å", "D2", "DEMO00001", "o'demo", "zzz"):
            for order in (WorklistOrder.COLLECTED_ON, WorklistOrder.PATIENT, WorklistOrder.ACCESSION):
                query = WorklistQuery(text=text, order_by=order)
                pages = [
                    session.execute(queries.page_statement(query, 10, 40, broad)).all()
                    for broad in (False, True)
                ]
                assert pages[0] == pages[1], (text, order)


def test_broad_searches_walk_the_index_but_accession_prefixes_never_do(service, monkeypatch) -> None:
    from her2desk.demo.seed import seed_demo
    from her2desk.store import queries

    seed_demo(service, 300, seed=5)
    monkeypatch.setattr(queries, "broad_threshold", lambda total: 20)
    with service.database.reader() as session:
        assert queries.is_broad(session, "testpatient")
        assert not queries.is_broad(session, "D2")  # accession prefixes follow the collection date
        assert not queries.is_broad(session, "testpatient-zzz")
    rows = service.worklist_page(WorklistQuery(text="testpatient"), 0, 50)
    assert rows
    assert all(r.patient_name.lower().startswith("testpatient") for r in rows)


def test_writes_through_the_orm_are_audited_too(service) -> None:
    """Saves use the driver-level writer; anything else written through a Session is audited by the
    flush hook, in the same transaction."""
    from her2desk.store.schema import Patient, User

    stored = service.save(make_entry(), None)
    with service.database.writer() as session, session.begin():
        session.info["user"] = "admin"
        session.add(User(username="pathologist1", display_name="Dr Test", role="pathologist"))
        patient = session.scalars(select(Patient)).one()
        patient.given_name = "Changed-Through-ORM"
    trail = service.audit_for_case(stored.entry.accession)
    change = [a for a in trail if a.who == "admin"]
    assert change[0].table == "patient"
    assert change[0].old == {"given_name": "Synthetic-王"}
    assert change[0].new == {"given_name": "Changed-Through-ORM"}
    with service.database.reader() as session:
        rows = session.scalars(select(AuditRow).where(AuditRow.table_name == "app_user")).all()
    assert [(r.action, r.who) for r in rows] == [("insert", "admin")]

    def add_then_fail() -> None:
        with service.database.writer() as session, session.begin():
            session.add(User(username="ghost", display_name="Nobody", role="none"))
            session.flush()
            raise RuntimeError("roll back")

    with pytest.raises(RuntimeError):
        add_then_fail()
    with service.database.reader() as session:
        assert session.scalars(select(AuditRow).where(AuditRow.who == "unknown")).all() == []


def test_update_returns_what_a_reload_shows_and_can_move_the_case_to_another_patient(service) -> None:
    stored = service.save(make_entry(), None)
    other = replace(stored.entry.patient, mrn="DEMO000777", family_name="Testpatient-Other")
    changed = stored.entry.with_changes(
        patient=other,
        specimen=replace(stored.entry.specimen, collected_on=None, block=None),
        ihc=replace(stored.entry.ihc, score=IhcScore.THREE_PLUS, stained_pct=Decimal("80.5")),
        ish=replace(stored.entry.ish, second=None, first=replace(stored.entry.ish.first, cells=40)),
    )
    again = service.save(changed, stored.version)
    assert again == service.load(stored.entry.accession)
    assert again.version == 2
    assert again.created_at == stored.created_at
    assert again.entry.patient.mrn == "DEMO000777"
    assert service.find_patient("DEMO000001") == stored.entry.patient
    assert [c.entry.accession for c in service.patient_history("DEMO000777")] == [stored.entry.accession]
    case_update = [a for a in service.audit_for_case(stored.entry.accession) if a.table == "her2_case"][-1]
    assert case_update.action == "update"
    assert case_update.old["version"] == 1
    assert case_update.new["version"] == 2
    assert case_update.new["patient_id"] != case_update.old["patient_id"]
    unchanged = service.save(again.entry, again.version)
    assert unchanged.version == 3


def test_simultaneous_new_cases_for_the_same_new_patient_and_accession(db_url: str) -> None:
    """Workstations racing to create the same patient both succeed (one patient row); racing to
    create the same accession: exactly one wins, the others get an accession problem."""
    from concurrent.futures import ThreadPoolExecutor

    services = [open_case_service(db_url, f"ws{i}") for i in range(6)]
    try:

        def same_patient(i: int) -> str:
            return services[i].save(make_entry(accession=f"S26-R{i}", mrn="DEMO000555"), None).entry.accession

        with ThreadPoolExecutor(max_workers=6) as pool:
            assert sorted(pool.map(same_patient, range(6))) == [f"S26-R{i}" for i in range(6)]
        with services[0].database.reader() as session:
            from her2desk.store.schema import Patient

            assert len(session.scalars(select(Patient).where(Patient.mrn == "DEMO000555")).all()) == 1

        def same_accession(i: int) -> str:
            try:
                services[i].save(make_entry(accession="S26-SAME", mrn=f"DEMO00090{i}"), None)
                return "saved"
            except CaseInvalidError as error:
                return "refused " + ",".join(p.field for p in error.problems)

        with ThreadPoolExecutor(max_workers=6) as pool:
            outcomes = sorted(pool.map(same_accession, range(6)))
        assert outcomes == ["refused accession"] * 5 + ["saved"]
    finally:
        for svc in services:
            svc.close()
