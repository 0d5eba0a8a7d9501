"""A refused sign-out, adjudication or amendment changes nothing but is itself audited: who, which case,
and the reasons, in a transaction of its own."""

from __future__ import annotations

import json

import pytest
from support.backends import make_entry
from support.lab import PASSWORDS, Lab

from her2desk.domain.audit_query import action_label
from her2desk.domain.case import IshDetails
from her2desk.domain.records import SignOutState
from her2desk.domain.vocabulary import Status
from her2desk.domain.workflow import WorkflowError

REASON = "recount of the ISH slide by a second observer"


def _reasons(row) -> list[str]:
    return json.loads(row.new)["reasons"]


def test_a_self_verification_refusal_is_audited_with_its_reason(lab: Lab) -> None:
    stored = lab.cases(lab.path).save(make_entry(), None)
    with pytest.raises(WorkflowError, match="you entered these results"):
        lab.signout.sign_out(lab.path, "S26-00001", PASSWORDS["pia"], stored.version)
    [row] = lab.events("sign-out-refused")
    assert (row.who, row.table_name, row.case_id, row.record) == ("pia", "her2_case", stored.case_id,
                                                                  str(stored.case_id))  # fmt: skip
    assert _reasons(row) == ["you entered these results; another pathologist must sign them out"]
    assert lab.events("signature-failed") == []
    assert lab.cases(None).load("S26-00001").signout_state is SignOutState.ENTERED


def test_an_incomplete_interpretation_and_a_wrong_password_leave_both_rows(lab: Lab) -> None:
    stored = lab.cases(lab.tech).save(make_entry(ish=IshDetails()), None)
    with pytest.raises(WorkflowError):
        lab.signout.sign_out(lab.path, "S26-00001", "not-her-password", stored.version)
    [failed] = lab.events("signature-failed")
    [refused] = lab.events("sign-out-refused")
    assert failed.who == refused.who == "pia"
    [reason] = _reasons(refused)
    assert "equivocal, not final" in reason  # the password reason is the signature-failed row's


def test_a_role_refusal_of_each_action_is_audited(lab: Lab) -> None:
    stored = lab.cases(lab.tech).save(make_entry(ish=IshDetails()), None)
    with pytest.raises(WorkflowError, match="may not sign out"):
        lab.signout.sign_out(lab.tech, "S26-00001", PASSWORDS["tom"], stored.version)
    with pytest.raises(WorkflowError, match="may not adjudicate"):
        lab.signout.adjudicate(
            lab.tech, "S26-00001", Status.NEGATIVE, REASON, stored.version, password=PASSWORDS["tom"]
        )
    with pytest.raises(WorkflowError, match="may not amend"):
        lab.signout.amend(lab.tech, "S26-00001", REASON, stored.version, password=PASSWORDS["tom"])
    rows = lab.events("sign-out-refused", "adjudicate-refused", "amend-refused")
    assert [(r.who, r.action, r.case_id) for r in rows] == [
        ("tom", "sign-out-refused", stored.case_id),
        ("tom", "adjudicate-refused", stored.case_id),
        ("tom", "amend-refused", stored.case_id),
    ]
    assert "a technologist may not amend" in _reasons(rows[2])
    assert lab.cases(None).load("S26-00001").version == stored.version  # nothing else changed


def test_a_short_adjudication_reason_is_audited_as_refused(lab: Lab) -> None:
    stored = lab.cases(lab.tech).save(make_entry(ish=IshDetails()), None)
    with pytest.raises(WorkflowError, match="needs a reason"):
        lab.signout.adjudicate(
            lab.path, "S26-00001", Status.NEGATIVE, "short", stored.version, password=PASSWORDS["pia"]
        )
    [row] = lab.events("adjudicate-refused")
    assert row.who == "pia"
    assert "needs a reason" in _reasons(row)[0]


def test_the_new_actions_have_readable_labels() -> None:
    assert action_label("sign-out-refused") == "Sign-out refused"
    assert action_label("adjudicate-refused") == "Adjudication refused"
    assert action_label("amend-refused") == "Amendment refused"
