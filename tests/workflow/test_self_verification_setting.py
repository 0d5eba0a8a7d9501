"""Sign-out reads the lab's self-verification setting inside its own transaction: off (the default),
the person who entered the results is refused; on, allowed; the change is audited and applies at once
to a SignOutService that was created before it (another workstation)."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import text
from support.backends import make_entry
from support.lab import PASSWORDS, Lab, open_lab

from her2desk.domain.records import SignOutState
from her2desk.domain.workflow import SignOutPolicy, WorkflowError
from her2desk.services.lab_settings_service import LabSettingsService
from her2desk.services.signout_service import SignOutService

SELF = "you entered these results; another pathologist must sign them out"


def _entered_by_pia(lab: Lab, accession: str = "S26-00001"):
    return lab.cases(lab.path).save(make_entry(accession), None)


def test_with_the_setting_off_the_enterer_is_refused(lab: Lab) -> None:
    stored = _entered_by_pia(lab)
    with pytest.raises(WorkflowError, match=SELF):
        lab.signout.sign_out(lab.path, "S26-00001", PASSWORDS["pia"], stored.version)
    done = lab.signout.sign_out(lab.path2, "S26-00001", PASSWORDS["paul"], stored.version)
    assert done.state is SignOutState.SIGNED_OUT


def test_turning_the_setting_on_applies_at_once_to_an_existing_service(lab: Lab) -> None:
    other_workstation = SignOutService(lab.database)  # created before the change
    stored = _entered_by_pia(lab)
    with pytest.raises(WorkflowError, match=SELF):
        other_workstation.sign_out(lab.path, "S26-00001", PASSWORDS["pia"], stored.version)

    LabSettingsService(lab.database).update(lab.admin, "allow_self_verification", "true")
    event = lab.events("setting")[-1]
    assert event.who == "ada"
    assert json.loads(event.new) == {"name": "allow_self_verification", "value": "true"}

    done = other_workstation.sign_out(lab.path, "S26-00001", PASSWORDS["pia"], stored.version)
    assert done.state is SignOutState.SIGNED_OUT

    LabSettingsService(lab.database).update(lab.admin, "allow_self_verification", "false")
    second = _entered_by_pia(lab, "S26-00002")
    with pytest.raises(WorkflowError, match=SELF):
        other_workstation.sign_out(lab.path, "S26-00002", PASSWORDS["pia"], second.version)
    assert [json.loads(e.new)["value"] for e in lab.events("setting")] == ["true", "false"]


def test_an_unreadable_stored_setting_means_the_cautious_default(lab: Lab) -> None:
    with lab.database.write_engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO lab_setting (name, value, changed_at, changed_by) "
                "VALUES ('allow_self_verification', 'sometimes', '2026-11-24 22:00:00', 'by-hand')"
            )
        )
    stored = _entered_by_pia(lab)
    with pytest.raises(WorkflowError, match=SELF):
        lab.signout.sign_out(lab.path, "S26-00001", PASSWORDS["pia"], stored.version)


def test_an_explicit_policy_overrides_the_lab_setting(db_url: str) -> None:
    lab = open_lab(db_url, SignOutPolicy(allow_self_verification=False))
    try:
        LabSettingsService(lab.database).update(lab.admin, "allow_self_verification", "true")
        stored = _entered_by_pia(lab)
        with pytest.raises(WorkflowError, match=SELF):
            lab.signout.sign_out(lab.path, "S26-00001", PASSWORDS["pia"], stored.version)
        allowing = SignOutService(lab.database, SignOutPolicy(allow_self_verification=True))
        LabSettingsService(lab.database).update(lab.admin, "allow_self_verification", "false")
        done = allowing.sign_out(lab.path, "S26-00001", PASSWORDS["pia"], stored.version)
        assert done.state is SignOutState.SIGNED_OUT
    finally:
        lab.database.close()
