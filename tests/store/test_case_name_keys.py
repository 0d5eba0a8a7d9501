"""Every case's copy of its patient's family-name key is kept by the database's triggers, whoever writes:
a new case, a case given another patient, a corrected name, a hand edit; the revision that added it
fills it for stored cases; `db check` reports a stale copy and a missing trigger. SQLite and PostgreSQL.
"""

from __future__ import annotations

import threading
from dataclasses import replace

import pytest
from sqlalchemy import text
from support.backends import make_entry
from support.lab import Lab

from her2desk.domain.records import WorklistQuery
from her2desk.services.case_service import CaseService
from her2desk.services.patient_service import PatientService
from her2desk.store import migrate, queries
from her2desk.store.case_name_keys import (
    drop_case_name_key_triggers,
    missing_name_key_triggers,
    stale_case_name_keys,
)
from her2desk.store.database import Database, open_database
from her2desk.store.mapping import name_key
from her2desk.store.verify import verify_record

MRN = "MRN20001"
REASON = "family name misspelt at registration"


def _copies(database: Database) -> dict[str, tuple[str | None, str]]:
    """accession -> (the case's copy, its patient's key)."""
    with database.engine.connect() as connection:
        rows = connection.execute(
            text(
                "SELECT her2_case.accession, her2_case.family_name_key, patient.family_name_key "
                "FROM her2_case JOIN patient ON patient.id = her2_case.patient_id"
            )
        ).all()
    return {accession: (copy, key) for accession, copy, key in rows}


def _named(accession: str, mrn: str, family: str) -> object:
    entry = make_entry(accession, mrn=mrn)
    return replace(entry, patient=replace(entry.patient, family_name=family))


def test_a_new_case_carries_its_patients_key(lab: Lab) -> None:
    lab.cases(lab.tech).save(_named("S26-K1", MRN, "Testpatient-Ågren"), None)
    assert _copies(lab.database) == {"S26-K1": ("testpatient-agren", "testpatient-agren")}
    assert name_key("Testpatient-Ågren") == "testpatient-agren"


def test_a_corrected_name_reaches_every_case_of_the_patient(lab: Lab) -> None:
    cases = lab.cases(lab.tech)
    for accession in ("S26-K2", "S26-K3"):
        cases.save(_named(accession, MRN, "Exmaple"), None)
    cases.save(_named("S26-K4", "MRN20002", "Other"), None)
    patients = PatientService(lab.database)
    stored = patients.load(MRN)
    patients.correct(lab.tech, MRN, replace(stored, family_name="Example"), REASON, expected=stored)
    copies = _copies(lab.database)
    assert copies["S26-K2"] == copies["S26-K3"] == ("example", "example")
    assert copies["S26-K4"] == ("other", "other")


def test_a_broad_search_finds_the_new_name_and_not_the_old(lab: Lab, monkeypatch: pytest.MonkeyPatch) -> None:
    """Enough patients of one name for the search to walk the newest-first index (`TextPlan.broad`,
    its threshold lowered to this small database) and test each case's copy of the name."""
    cases = lab.cases(lab.tech)
    for i in range(12):
        cases.save(_named(f"S26-B{i:02d}", f"MRN3{i:04d}", "Exmaple"), None)
    cases.save(_named("S26-B99", "MRN39999", "Another"), None)
    monkeypatch.setattr(queries, "broad_threshold", lambda total: 5)
    with lab.database.reader() as session:
        assert queries.is_broad(session.connection(), "exm")
    service = CaseService(lab.database, "local")
    assert len(service.worklist_page(WorklistQuery(text="exm"), 0, 50)) == 12
    patients = PatientService(lab.database)
    for i in (0, 1, 2):
        stored = patients.load(f"MRN3{i:04d}")
        fixed = replace(stored, family_name="Example")
        patients.correct(lab.tech, f"MRN3{i:04d}", fixed, REASON, expected=stored)
    with lab.database.reader() as session:
        assert queries.is_broad(session.connection(), "exm")
    still = {r.accession for r in service.worklist_page(WorklistQuery(text="exm"), 0, 50)}
    assert still == {f"S26-B{i:02d}" for i in range(3, 12)}
    renamed = {r.accession for r in service.worklist_page(WorklistQuery(text="exa"), 0, 50)}
    assert renamed == {"S26-B00", "S26-B01", "S26-B02"}


def test_a_case_given_another_patient_takes_that_patients_key(lab: Lab) -> None:
    cases = lab.cases(lab.tech)
    cases.save(_named("S26-K5", "MRN20003", "Firstpatient"), None)
    cases.save(_named("S26-K6", "MRN20004", "Secondpatient"), None)
    stored = cases.load("S26-K5")
    assert stored is not None
    moved = stored.entry.with_changes(patient=_named("x", "MRN20004", "Secondpatient").patient)
    cases.save(moved, stored.version)
    assert _copies(lab.database)["S26-K5"] == ("secondpatient", "secondpatient")


def test_a_copy_changed_by_hand_is_put_back(db_url: str) -> None:
    database = open_database(db_url)
    try:
        CaseService(database).save(_named("S26-K7", MRN, "Handedit"), None)
        with database.write_engine.begin() as connection:
            connection.execute(text("UPDATE her2_case SET family_name_key = 'someone-else'"))
        assert _copies(database)["S26-K7"] == ("handedit", "handedit")
    finally:
        database.close()


def test_db_check_reports_a_missing_trigger_and_a_stale_copy(db_url: str) -> None:
    database = open_database(db_url)
    try:
        CaseService(database).save(_named("S26-K8", MRN, "Stale"), None)
        assert verify_record(database.engine).problems == []
        with database.write_engine.begin() as connection:
            drop_case_name_key_triggers(connection)
            connection.execute(text("UPDATE her2_case SET family_name_key = 'someone-else'"))
            assert stale_case_name_keys(connection) == ["S26-K8"]
        problems = verify_record(database.engine).problems
        assert any("S26-K8" in p and "search key" in p for p in problems)
        assert sum("search key protection missing" in p for p in problems) >= 2
        # Only the derived copy differs: the case's seal (its clinical rows) still holds.
        assert not any("audited write" in p for p in problems)
    finally:
        database.close()


def test_revision_0014_fills_the_copies_of_stored_cases(db_url: str) -> None:
    """Down to 0013 (no copy, no triggers) with cases stored, then up: every case has its patient's
    key, no audit row is written, and every seal still holds."""
    database = open_database(db_url)
    try:
        service = CaseService(database)
        service.save(_named("S26-K9", MRN, "Upgraded"), None)
        service.save(_named("S26-K10", "MRN20005", "Älter"), None)
        with database.write_engine.begin() as connection:
            migrate.downgrade(connection, "0013")
            audit_before = connection.execute(text("SELECT count(*) FROM audit")).scalar_one()
            migrate.upgrade(connection)
            assert connection.execute(text("SELECT count(*) FROM audit")).scalar_one() == audit_before
        assert _copies(database) == {
            "S26-K9": ("upgraded", "upgraded"),
            "S26-K10": ("alter", "alter"),
        }
        assert verify_record(database.engine).problems == []
        # ... and the triggers are back: they put a copy changed by hand back.
        with database.write_engine.begin() as connection:
            assert missing_name_key_triggers(connection) == []
            connection.execute(text("UPDATE her2_case SET family_name_key = NULL"))
        assert _copies(database)["S26-K9"] == ("upgraded", "upgraded")
    finally:
        database.close()


def test_a_case_stored_while_its_patient_is_renamed_gets_the_new_key(postgres_url: str) -> None:
    """PostgreSQL, two workstations: a name correction holds the patient; a new case of that patient
    saved meanwhile waits for it (the trigger reads the patient FOR SHARE) and gets the corrected
    key. A plain read would get the old key, which the correction's update of the patient's cases
    could not reach (the new case was not yet committed): the case would hide from the new name."""
    database = open_database(postgres_url)
    try:
        CaseService(database).save(_named("S26-R1", MRN, "Oldname"), None)
        renaming = database.write_engine.connect()
        transaction = renaming.begin()
        renaming.execute(text("SELECT id FROM patient WHERE mrn = :mrn FOR UPDATE"), {"mrn": MRN})
        renaming.execute(
            text("UPDATE patient SET family_name = 'Newname', family_name_key = 'newname' WHERE mrn = :mrn"),
            {"mrn": MRN},
        )
        failures: list[BaseException] = []

        def save_meanwhile() -> None:
            try:
                CaseService(database).save(_named("S26-R2", MRN, "Oldname"), None)
            except BaseException as error:  # reported by the test, not lost in the thread
                failures.append(error)

        saving = threading.Thread(target=save_meanwhile)
        saving.start()
        saving.join(0.5)
        assert saving.is_alive()  # waiting for the correction
        transaction.commit()
        renaming.close()
        saving.join(20)
        assert not saving.is_alive()
        assert failures == []
        copies = _copies(database)
        assert copies["S26-R1"] == copies["S26-R2"] == ("newname", "newname")
    finally:
        database.close()
