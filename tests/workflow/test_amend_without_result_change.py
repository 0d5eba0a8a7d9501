"""An amendment that changes no result (block, clone, demographics) leaves the enterer as it was, so the
only pathologist of a lab may sign the corrected report out; a changed result still needs another."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest
from support.backends import make_entry
from support.lab import PASSWORDS, Lab

from her2desk.domain.records import SignOutState
from her2desk.domain.vocabulary import IhcScore
from her2desk.domain.workflow import WorkflowError

ACCESSION = "S26-00001"


def _signed_out_by_pia(lab: Lab) -> int:
    entry = make_entry(specimen=replace(make_entry().specimen, block="B1"))
    entered = lab.cases(lab.tech).save(entry, None)
    done = lab.signout.sign_out(lab.path, ACCESSION, PASSWORDS["pia"], entered.version)
    amended = lab.signout.amend(
        lab.path, ACCESSION, "block number was typed as B1, it is B2", done.version, password=PASSWORDS["pia"]
    )
    return amended.version


def test_amend_block_b1_to_b2_then_sign_out_as_the_only_pathologist(lab: Lab) -> None:
    version = _signed_out_by_pia(lab)
    stored = lab.cases(lab.path).load(ACCESSION)
    assert stored is not None
    corrected = stored.entry.with_changes(specimen=replace(stored.entry.specimen, block="B2"))
    saved = lab.cases(lab.path).save(corrected, version)
    assert saved.entered_by_user_id == lab.tech.user_id  # a block number is not a result
    done = lab.signout.sign_out(lab.path, ACCESSION, PASSWORDS["pia"], saved.version)
    assert done.state is SignOutState.SIGNED_OUT
    assert done.report_version == 2


@pytest.mark.parametrize(
    "change",
    [
        pytest.param(lambda e: e.with_changes(ihc=replace(e.ihc, clone="4B5 (PATHWAY)")), id="clone"),
        pytest.param(
            lambda e: e.with_changes(specimen=replace(e.specimen, fixation_hours=Decimal("30"))),
            id="fixation",
        ),
    ],
)
def test_other_corrections_without_a_result_change_keep_the_enterer(lab: Lab, change) -> None:
    version = _signed_out_by_pia(lab)
    stored = lab.cases(lab.path).load(ACCESSION)
    assert stored is not None
    saved = lab.cases(lab.path).save(change(stored.entry), version)
    assert saved.entered_by_user_id == lab.tech.user_id
    assert lab.signout.sign_out(lab.path, ACCESSION, PASSWORDS["pia"], saved.version).report_version == 2


def test_an_amended_result_needs_another_pathologist(lab: Lab) -> None:
    version = _signed_out_by_pia(lab)
    stored = lab.cases(lab.path).load(ACCESSION)
    assert stored is not None
    rescored = stored.entry.with_changes(ihc=replace(stored.entry.ihc, score=IhcScore.THREE_PLUS))
    saved = lab.cases(lab.path).save(rescored, version)
    assert saved.entered_by_user_id == lab.path.user_id
    with pytest.raises(WorkflowError, match="you entered these results"):
        lab.signout.sign_out(lab.path, ACCESSION, PASSWORDS["pia"], saved.version)
    assert lab.signout.sign_out(lab.path2, ACCESSION, PASSWORDS["paul"], saved.version).report_version == 2


def test_a_demographic_correction_keeps_the_enterer(lab: Lab) -> None:
    from her2desk.services.patient_service import PatientService

    version = _signed_out_by_pia(lab)
    stored = lab.cases(lab.path).load(ACCESSION)
    assert stored is not None
    patient = stored.entry.patient
    PatientService(lab.database).correct(
        lab.path, patient.mrn, replace(patient, given_name="Synthetic-Other"), "given name misspelt", patient
    )
    again = lab.cases(lab.path).load(ACCESSION)
    assert again is not None
    assert again.entered_by_user_id == lab.tech.user_id
    assert lab.signout.sign_out(lab.path, ACCESSION, PASSWORDS["pia"], again.version).report_version == 2
    del version
