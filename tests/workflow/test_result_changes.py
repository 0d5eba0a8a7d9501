"""Only a change to the results makes the saver the case's enterer (four-eyes rule), and the audit row
of the case says exactly what changed in `entered_by_user_id`, old value included."""

from __future__ import annotations

import json
from dataclasses import fields, replace
from decimal import Decimal

import pytest
from sqlalchemy import select
from support.backends import make_entry
from support.lab import PASSWORDS, Lab

from her2desk.domain.case import IhcDetails, IshDetails, PatientDetails
from her2desk.domain.records import SignOutState
from her2desk.domain.result_fields import ASSAY_DESCRIPTION_FIELDS, RESULT_FIELDS, changed_results
from her2desk.domain.vocabulary import IhcScore, Status
from her2desk.domain.workflow import WorkflowError
from her2desk.store.schema import Case

REASON = "recount of the ISH slide by a second observer"


def _enterer(lab: Lab, accession: str = "S26-00001") -> int | None:
    with lab.database.reader() as session:
        return session.execute(
            select(Case.entered_by_user_id).where(Case.accession == accession)
        ).scalar_one()


def _case_updates(lab: Lab, case_id: int) -> list[tuple[dict, dict]]:
    rows = [r for r in lab.events("update") if r.table_name == "her2_case" and r.case_id == case_id]
    return [(json.loads(r.old), json.loads(r.new)) for r in rows]


# -- the list itself ---------------------------------------------------------------------------------


def test_every_ihc_and_ish_field_is_a_result_and_pre_analytics_are_not() -> None:
    # A new IHC/ISH field must be decided on: this fails until it is listed (or the test is changed).
    for section, kind in (("ihc", IhcDetails), ("ish", IshDetails)):
        decided = set(RESULT_FIELDS[section]) | set(ASSAY_DESCRIPTION_FIELDS[section])
        assert decided == {f.name for f in fields(kind)}
        assert not set(RESULT_FIELDS[section]) & set(ASSAY_DESCRIPTION_FIELDS[section])
    assert set(RESULT_FIELDS["specimen"]) == {"site", "procedure", "scoring_criteria"}  # the engine reads
    assert "clone" not in RESULT_FIELDS["ihc"]  # correcting a clone's spelling is not a new result
    assert "patient" not in RESULT_FIELDS


def test_changed_results_names_only_result_fields() -> None:
    entry = make_entry()
    corrected = entry.with_changes(
        specimen=replace(entry.specimen, block="B7", fixation_hours=Decimal("5")),
        patient=replace(entry.patient, given_name="Other"),
    )
    assert changed_results(entry, corrected) == []
    rescored = entry.with_changes(ihc=replace(entry.ihc, score=IhcScore.THREE_PLUS))
    assert changed_results(entry, rescored) == ["ihc.score"]
    assert changed_results(entry, entry.with_changes(ish=replace(entry.ish, second=None))) == ["ish.second"]
    assert PatientDetails  # imported for the reader: patient fields are never results


# -- the store and the services ----------------------------------------------------------------------


def test_a_pathologist_correcting_the_block_may_still_sign_the_case_out(lab: Lab) -> None:
    entered = lab.cases(lab.tech).save(make_entry(), None)
    entry = entered.entry
    corrected = entry.with_changes(specimen=replace(entry.specimen, block="B7", fixation_hours=Decimal("30")))
    saved = lab.cases(lab.path).save(corrected, entered.version)
    assert _enterer(lab) == lab.tech.user_id
    done = lab.signout.sign_out(lab.path, "S26-00001", PASSWORDS["pia"], saved.version)
    assert done.state is SignOutState.SIGNED_OUT
    # The audit row of that save does not claim entered_by_user_id changed.
    old, new = _case_updates(lab, entered.case_id)[-1]
    assert "entered_by_user_id" not in new
    assert "entered_by_user_id" not in old


def test_a_pathologist_changing_a_result_becomes_the_enterer_old_one_audited(
    lab: Lab,
) -> None:
    entered = lab.cases(lab.tech).save(make_entry(), None)
    rescored = entered.entry.with_changes(ihc=replace(entered.entry.ihc, stained_pct=Decimal("40")))
    saved = lab.cases(lab.path).save(rescored, entered.version)
    assert _enterer(lab) == lab.path.user_id
    with pytest.raises(WorkflowError, match="you entered these results"):
        lab.signout.sign_out(lab.path, "S26-00001", PASSWORDS["pia"], saved.version)
    old, new = _case_updates(lab, entered.case_id)[-1]
    assert (old["entered_by_user_id"], new["entered_by_user_id"]) == (lab.tech.user_id, lab.path.user_id)


def test_changing_the_counts_alone_is_a_result_change(lab: Lab) -> None:
    entered = lab.cases(lab.tech).save(make_entry(), None)
    ish = entered.entry.ish
    recounted = entered.entry.with_changes(ish=replace(ish, second=replace(ish.second, cells=21)))
    lab.cases(lab.path).save(recounted, entered.version)
    assert _enterer(lab) == lab.path.user_id


def test_the_enterer_saving_again_is_not_listed_as_a_change(lab: Lab) -> None:
    entered = lab.cases(lab.tech).save(make_entry(), None)
    rescored = entered.entry.with_changes(ihc=replace(entered.entry.ihc, clone="SP3"))
    lab.cases(lab.tech).save(rescored, entered.version)
    old, new = _case_updates(lab, entered.case_id)[-1]
    assert "entered_by_user_id" not in new
    assert "entered_by_user_id" not in old
    assert set(new) == {"version", "updated_at", "updated_by"}


def test_a_correction_that_is_not_a_result_keeps_an_adjudication(lab: Lab) -> None:
    stored = lab.cases(lab.tech).save(make_entry(ish=IshDetails()), None)
    adjudicated = lab.signout.adjudicate(
        lab.path, "S26-00001", Status.NEGATIVE, REASON, stored.version, password=PASSWORDS["pia"]
    )
    moved = stored.entry.with_changes(specimen=replace(stored.entry.specimen, block="C1"))
    saved = lab.cases(lab.tech).save(moved, adjudicated.version)
    done = lab.signout.sign_out(lab.path, "S26-00001", PASSWORDS["pia"], saved.version)
    assert done.state is SignOutState.SIGNED_OUT
