"""The sign-out state machine: every guard on its own, then whole paths."""

from __future__ import annotations

import pytest

from her2desk.domain import workflow as wf
from her2desk.domain.records import SignOutState
from her2desk.domain.vocabulary import IhcScore, Status

TECH = wf.Actor(1, "tina", wf.Role.TECHNOLOGIST)
PATH_A = wf.Actor(2, "paula", wf.Role.PATHOLOGIST)
PATH_B = wf.Actor(3, "peter", wf.Role.PATHOLOGIST)
ADMIN = wf.Actor(4, "adam", wf.Role.ADMINISTRATOR)
REASON = "Recount by second pathologist agreed"


def entered(
    status: Status | None = Status.NEGATIVE, by: int | None = TECH.user_id, **kw: object
) -> wf.CaseFacts:
    return wf.CaseFacts(SignOutState.ENTERED, by, status, **kw)  # type: ignore[arg-type]


# -- each guard in isolation ----------------------------------------------------------------------


@pytest.mark.parametrize(("actor", "allowed"), [(TECH, False), (PATH_A, True), (ADMIN, False)])
def test_role_guard_for_sign_out(actor: wf.Actor, allowed: bool) -> None:
    assert (wf.role_refusals(actor, wf.Action.SIGN_OUT) == []) is allowed


def test_only_administrators_manage_users() -> None:
    assert wf.role_refusals(ADMIN, wf.Action.MANAGE_USERS) == []
    assert wf.role_refusals(PATH_A, wf.Action.MANAGE_USERS)
    assert wf.role_refusals(TECH, wf.Action.MANAGE_USERS)


def test_self_verification_guard_compares_user_ids() -> None:
    policy = wf.SignOutPolicy()
    assert wf.not_self_verified(PATH_A, entered(by=PATH_A.user_id), policy)
    assert wf.not_self_verified(PATH_A, entered(by=TECH.user_id), policy) == []
    # Same user name, different person: only the id counts.
    namesake = wf.Actor(99, PATH_A.username, wf.Role.PATHOLOGIST)
    assert wf.not_self_verified(namesake, entered(by=PATH_A.user_id), policy) == []


def test_self_verification_allowed_by_setting_for_one_person_labs() -> None:
    policy = wf.SignOutPolicy(allow_self_verification=True)
    assert wf.not_self_verified(PATH_A, entered(by=PATH_A.user_id), policy) == []


@pytest.mark.parametrize("status", [Status.EQUIVOCAL, Status.PENDING, Status.ADJUDICATION, None])
def test_incomplete_interpretation_guard(status: Status | None) -> None:
    assert wf.interpretation_complete(entered(status))


@pytest.mark.parametrize("status", [Status.POSITIVE, Status.NEGATIVE, Status.INDETERMINATE])
def test_final_interpretation_passes(status: Status) -> None:
    assert wf.interpretation_complete(entered(status)) == []


def test_adjudicated_status_completes_an_open_interpretation() -> None:
    assert wf.interpretation_complete(entered(Status.ADJUDICATION, adjudicated_status=Status.POSITIVE)) == []


def test_wrong_password_guard() -> None:
    assert wf.signature_given(False)
    assert wf.signature_given(True) == []


def test_already_signed_out_guard() -> None:
    reasons = wf.transition_refusals(SignOutState.SIGNED_OUT, wf.Action.SIGN_OUT)
    assert reasons
    assert "read-only" in reasons[0]
    assert wf.transition_refusals(SignOutState.SIGNED_OUT, wf.Action.EDIT)


@pytest.mark.parametrize(("reason", "ok"), [("", False), ("   typo    ", False), (REASON, True)])
def test_reason_guard(reason: str, ok: bool) -> None:
    assert (wf.reason_given(reason, "an amendment") == []) is ok


def test_adjudication_cannot_call_ihc3_negative_or_touch_a_final_result() -> None:
    assert wf.adjudication_consistent(entered(Status.ADJUDICATION, ihc=IhcScore.THREE_PLUS), Status.NEGATIVE)
    assert wf.adjudication_consistent(entered(Status.POSITIVE), Status.NEGATIVE)
    assert wf.adjudication_consistent(entered(Status.ADJUDICATION), Status.PENDING)
    assert (
        wf.adjudication_consistent(entered(Status.ADJUDICATION, ihc=IhcScore.TWO_PLUS), Status.NEGATIVE) == []
    )


# -- whole actions --------------------------------------------------------------------------------


def test_technologist_cannot_sign_out_amend_or_adjudicate() -> None:
    with pytest.raises(wf.WorkflowError) as refused:
        wf.sign_out(TECH, entered(by=PATH_A.user_id), password_ok=True)
    assert any("technologist" in r for r in refused.value.reasons)
    signed = wf.CaseFacts(SignOutState.SIGNED_OUT, PATH_A.user_id, Status.NEGATIVE)
    with pytest.raises(wf.WorkflowError):
        wf.amend(TECH, signed, reason=REASON, password_ok=True)
    with pytest.raises(wf.WorkflowError):
        wf.adjudicate(
            TECH, entered(Status.ADJUDICATION), final=Status.NEGATIVE, reason=REASON, password_ok=True
        )


def test_sign_out_lists_every_reason_at_once() -> None:
    with pytest.raises(wf.WorkflowError) as refused:
        wf.sign_out(PATH_A, entered(Status.PENDING, by=PATH_A.user_id), password_ok=False)
    assert len(refused.value.reasons) == 3


def test_full_path_entered_signed_out_amended_signed_out() -> None:
    facts = wf.CaseFacts(SignOutState.DRAFT, TECH.user_id, Status.ADJUDICATION, ihc=IhcScore.TWO_PLUS)
    state = wf.submit(TECH, facts)
    assert state is SignOutState.ENTERED
    facts = wf.CaseFacts(state, TECH.user_id, Status.ADJUDICATION, ihc=IhcScore.TWO_PLUS)
    with pytest.raises(wf.WorkflowError):
        wf.sign_out(PATH_A, facts, password_ok=True)  # adjudication still open
    assert (
        wf.adjudicate(PATH_A, facts, final=Status.NEGATIVE, reason=REASON, password_ok=True)
        is SignOutState.ENTERED
    )
    facts = wf.CaseFacts(state, TECH.user_id, Status.ADJUDICATION, Status.NEGATIVE, IhcScore.TWO_PLUS)
    state = wf.sign_out(PATH_A, facts, password_ok=True)
    assert state is SignOutState.SIGNED_OUT
    with pytest.raises(wf.WorkflowError):
        wf.edit(PATH_A, wf.CaseFacts(state, TECH.user_id, Status.NEGATIVE))
    with pytest.raises(wf.WorkflowError):
        wf.amend(PATH_A, wf.CaseFacts(state, TECH.user_id, Status.NEGATIVE), reason="fix", password_ok=True)
    state = wf.amend(
        PATH_B, wf.CaseFacts(state, TECH.user_id, Status.NEGATIVE), reason=REASON, password_ok=True
    )
    assert state is SignOutState.AMENDED
    assert wf.edit(PATH_B, wf.CaseFacts(state, PATH_B.user_id, Status.POSITIVE)) is SignOutState.AMENDED
    # The amending pathologist changed the results, so the other pathologist signs out again.
    with pytest.raises(wf.WorkflowError):
        wf.sign_out(PATH_B, wf.CaseFacts(state, PATH_B.user_id, Status.POSITIVE), password_ok=True)
    again = wf.sign_out(PATH_A, wf.CaseFacts(state, PATH_B.user_id, Status.POSITIVE), password_ok=True)
    assert again is SignOutState.SIGNED_OUT


def test_every_transition_target_is_a_state_and_signed_out_is_reachable_only_by_sign_out() -> None:
    for (_, action), target in wf.TRANSITIONS.items():
        assert isinstance(target, SignOutState)
        if target is SignOutState.SIGNED_OUT:
            assert action is wf.Action.SIGN_OUT


def test_adjudication_and_amendment_are_signed_with_the_password() -> None:
    with pytest.raises(wf.WorkflowError, match="adjudication was not recorded"):
        wf.adjudicate(
            PATH_A, entered(Status.ADJUDICATION), final=Status.NEGATIVE, reason=REASON, password_ok=False
        )
    signed = wf.CaseFacts(SignOutState.SIGNED_OUT, TECH.user_id, Status.NEGATIVE)
    with pytest.raises(wf.WorkflowError, match="case was not amended"):
        wf.amend(PATH_A, signed, reason=REASON, password_ok=False)
    assert wf.amend(PATH_A, signed, reason=REASON, password_ok=True) is SignOutState.AMENDED
