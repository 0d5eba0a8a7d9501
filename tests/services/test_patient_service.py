"""Correcting a stored patient's details (typo in the name): every case of the patient, one audit row,
reason and role checked, optimistic check, the signed-out rule. SQLite and PostgreSQL, real users."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import select
from support.backends import make_entry
from support.lab import PASSWORDS, Lab

from her2desk.domain.case import PatientDetails
from her2desk.domain.records import CaseInvalidError
from her2desk.domain.vocabulary import Sex
from her2desk.domain.workflow import WorkflowError
from her2desk.services.patient_service import AUDIT_ACTION, PatientChangedError, PatientService
from her2desk.store.schema import Patient

REASON = "family name misspelt at registration"
MRN = "MRN10003"


def _typo(accession: str) -> object:
    entry = make_entry(accession, mrn=MRN)
    return replace(entry, patient=replace(entry.patient, family_name="Exmaple", given_name="Carol"))


def _two_cases(lab: Lab) -> PatientDetails:
    for accession in ("S26-000103", "S26-000104"):
        lab.cases(lab.tech).save(_typo(accession), None)
    return PatientService(lab.database).load(MRN)


def _name_on(lab: Lab, accession: str) -> str:
    return lab.cases(lab.tech).load(accession).entry.patient.family_name


def test_correct_renames_every_case_with_one_audit_row(lab: Lab) -> None:
    stored = _two_cases(lab)
    assert stored.family_name == "Exmaple"
    before = lab.audit_count()
    fixed = replace(stored, family_name="Example", sex=Sex.FEMALE)
    done = PatientService(lab.database).correct(lab.tech, MRN, fixed, REASON, expected=stored)
    assert done.accessions == ("S26-000103", "S26-000104")
    assert done.handouts_superseded == 0
    assert _name_on(lab, "S26-000103") == _name_on(lab, "S26-000104") == "Example"
    assert lab.audit_count() == before + 1
    (row,) = lab.events(AUDIT_ACTION)
    assert (row.who, row.table_name, row.case_id) == ("tom", "patient", None)
    assert json.loads(row.old)["family_name"] == "Exmaple"
    new = json.loads(row.new)
    assert (new["family_name"], new["reason"], new["cases"]) == (
        "Example",
        REASON,
        ["S26-000103", "S26-000104"],
    )
    with lab.database.reader() as session:
        patient = session.scalars(select(Patient).where(Patient.mrn == MRN)).one()
        assert (patient.family_name_key, patient.updated_by) == ("example", "tom")
    # The case form now saves with the corrected name (the tester's scenario, end to end in the service).
    entry = lab.cases(lab.tech).load("S26-000103")
    lab.cases(lab.tech).save(replace(entry.entry, specimen=replace(entry.entry.specimen, block="B1")),
                             entry.version)  # fmt: skip


@pytest.mark.parametrize("reason", ["", "   typo   "])
def test_reason_is_required(lab: Lab, reason: str) -> None:
    stored = _two_cases(lab)
    with pytest.raises(WorkflowError, match="needs a reason of at least 10 characters"):
        PatientService(lab.database).correct(
            lab.tech, MRN, replace(stored, family_name="Example"), reason, expected=stored
        )
    assert _name_on(lab, "S26-000103") == "Exmaple"
    assert lab.events(AUDIT_ACTION) == []


def test_conflict_when_corrected_meanwhile(lab: Lab) -> None:
    stored = _two_cases(lab)
    service = PatientService(lab.database)
    service.correct(lab.path, MRN, replace(stored, family_name="Example"), REASON, expected=stored)
    with pytest.raises(PatientChangedError, match="changed by pia meanwhile") as refused:
        service.correct(lab.tech, MRN, replace(stored, family_name="Exampel"), REASON, expected=stored)
    assert refused.value.stored.family_name == "Example"
    assert _name_on(lab, "S26-000103") == "Example"
    assert len(lab.events(AUDIT_ACTION)) == 1


def test_invalid_details_are_refused_by_field(lab: Lab) -> None:
    stored = _two_cases(lab)
    bad = replace(stored, family_name=" ", birth_date=date(2025, 6, 1))  # after the collection date
    with pytest.raises(CaseInvalidError) as refused:
        PatientService(lab.database).correct(lab.tech, MRN, bad, REASON, expected=stored)
    fields = {p.field: p.message for p in refused.value.problems}
    assert fields["patient.family_name"] == "required"
    assert "after the collection date of case S26-000103" in fields["patient.birth_date"]
    with pytest.raises(CaseInvalidError, match="MRN cannot be changed"):
        PatientService(lab.database).correct(
            lab.tech, MRN, replace(stored, mrn="MRN99999"), REASON, expected=stored
        )
    assert lab.events(AUDIT_ACTION) == []


def test_administrator_may_not_correct(lab: Lab) -> None:
    stored = _two_cases(lab)
    with pytest.raises(WorkflowError, match="administrator may not edit"):
        PatientService(lab.database).correct(
            lab.admin, MRN, replace(stored, family_name="Example"), REASON, expected=stored
        )
    assert _name_on(lab, "S26-000103") == "Exmaple"


def _signed_out_with_handout(lab: Lab) -> PatientDetails:
    stored = _two_cases(lab)
    version = lab.cases(lab.tech).load("S26-000103").version
    lab.signout.sign_out(lab.path, "S26-000103", PASSWORDS["pia"], version)
    lab.signout.record_handout(lab.path, "S26-000103", "en", "ab" * 32, "rules-1")
    lab.signout.record_handout(lab.tech, "S26-000104", "en", "cd" * 32, "rules-1", preliminary=True)
    return stored


def test_signed_out_case_needs_a_pathologist(lab: Lab) -> None:
    stored = _signed_out_with_handout(lab)
    fixed = replace(stored, family_name="Example")
    with pytest.raises(WorkflowError, match="case S26-000103 is signed out; only a pathologist"):
        PatientService(lab.database).correct(lab.tech, MRN, fixed, REASON, expected=stored)
    assert _name_on(lab, "S26-000103") == "Exmaple"
    assert not any(h.superseded for h in lab.signout.handouts("S26-000103"))


def test_pathologist_correction_supersedes_the_handouts(lab: Lab) -> None:
    stored = _signed_out_with_handout(lab)
    fixed = replace(stored, family_name="Example")
    done = PatientService(lab.database).correct(lab.path, MRN, fixed, REASON, expected=stored)
    assert (done.signed_out, done.handouts_superseded) == (("S26-000103",), 2)
    assert [h.superseded for h in lab.signout.handouts("S26-000103")] == [True]
    assert [h.superseded for h in lab.signout.handouts("S26-000104")] == [True]
    new = json.loads(lab.events(AUDIT_ACTION)[0].new)
    assert (new["signed_out_cases"], new["handouts_superseded"]) == (["S26-000103"], 2)
    # The signed-out version keeps the name as signed; the case shows the corrected one.
    (signed,) = lab.signout.case_versions("S26-000103")
    assert signed.snapshot["patient"]["family_name"] == "Exmaple"
    assert _name_on(lab, "S26-000103") == "Example"


def test_nothing_to_correct(lab: Lab) -> None:
    stored = _two_cases(lab)
    with pytest.raises(WorkflowError, match="nothing to correct"):
        PatientService(lab.database).correct(lab.tech, MRN, stored, REASON, expected=stored)
