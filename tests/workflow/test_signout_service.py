"""The sign-out services against real databases: every guard enforced in the service, the audit rows
each action leaves, amendments with readable earlier versions and superseded handouts."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest
from sqlalchemy import update
from support.backends import make_entry
from support.lab import PASSWORDS, Lab, open_lab

from her2desk.domain.case import IshDetails
from her2desk.domain.inputs import IshCount
from her2desk.domain.records import CaseConflictError, SignOutState, WorklistQuery
from her2desk.domain.vocabulary import Descriptor, IhcScore, Procedure, ScoringCriteria, Site, Status
from her2desk.domain.workflow import Action, Actor, Role, SignOutPolicy, WorkflowError
from her2desk.services.auth_service import UserInputError
from her2desk.services.lab_settings_service import LabSettingsService
from her2desk.store.first_page import read_first_page
from her2desk.store.schema import User

EQUIVOCAL = {"ish": IshDetails()}  # IHC 2+ without ISH: the engine says equivocal
REASON = "recount of the ISH slide by a second observer"


def _enter(lab: Lab, actor: Actor | None, accession: str = "S26-00001", **changes: object):
    return lab.cases(actor).save(make_entry(accession, **changes), None)


def _state(lab: Lab, accession: str = "S26-00001"):
    stored = lab.cases(None).load(accession)
    assert stored is not None
    return stored


# -- each guard, enforced by the service ---------------------------------------------------------


def test_a_technologist_cannot_sign_out(lab: Lab) -> None:
    stored = _enter(lab, lab.tech)
    before = lab.audit_count()
    with pytest.raises(WorkflowError, match="a technologist may not sign out"):
        lab.signout.sign_out(lab.tech, "S26-00001", PASSWORDS["tom"], stored.version)
    assert _state(lab).signout_state is SignOutState.ENTERED
    assert lab.audit_count() == before + 1  # only the refusal itself (test_refusal_audit.py)
    assert [r.action for r in lab.events()][-1] == "sign-out-refused"


def test_the_role_is_read_from_the_database_not_from_the_callers_claim(lab: Lab) -> None:
    stored = _enter(lab, lab.tech)
    forged = Actor(
        user_id=lab.tech.user_id, username="tom", role=Role.PATHOLOGIST, session_token=lab.tech.session_token
    )
    with pytest.raises(WorkflowError, match="a technologist may not sign out"):
        lab.signout.sign_out(forged, "S26-00001", PASSWORDS["tom"], stored.version)
    # ... and a demoted pathologist loses the right at once, without signing in again.
    with lab.database.write_engine.begin() as connection:
        connection.execute(update(User).where(User.id == lab.path.user_id).values(role="technologist"))
    with pytest.raises(WorkflowError, match="may not sign out"):
        lab.signout.sign_out(lab.path, "S26-00001", PASSWORDS["pia"], stored.version)


def test_an_inactive_account_can_do_nothing(lab: Lab) -> None:
    stored = _enter(lab, lab.tech)
    with lab.database.write_engine.begin() as connection:
        connection.execute(update(User).where(User.id == lab.path.user_id).values(active=False))
    with pytest.raises(WorkflowError, match="not active"):
        lab.signout.sign_out(lab.path, "S26-00001", PASSWORDS["pia"], stored.version)
    with pytest.raises(WorkflowError, match="not active"):
        lab.cases(lab.path).save(stored.entry, stored.version)


def test_the_pathologist_who_entered_the_results_cannot_sign_them_out(lab: Lab) -> None:
    stored = _enter(lab, lab.path)
    with pytest.raises(WorkflowError, match="you entered these results"):
        lab.signout.sign_out(lab.path, "S26-00001", PASSWORDS["pia"], stored.version)
    done = lab.signout.sign_out(lab.path2, "S26-00001", PASSWORDS["paul"], stored.version)
    assert done.state is SignOutState.SIGNED_OUT


def test_a_one_person_lab_may_allow_self_verification(db_url: str) -> None:
    lab = open_lab(db_url, SignOutPolicy(allow_self_verification=True))
    try:
        stored = _enter(lab, lab.path)
        done = lab.signout.sign_out(lab.path, "S26-00001", PASSWORDS["pia"], stored.version)
        assert done.state is SignOutState.SIGNED_OUT
    finally:
        lab.database.close()


def test_an_incomplete_interpretation_cannot_be_signed_out_until_adjudicated(lab: Lab) -> None:
    stored = _enter(lab, lab.tech, **EQUIVOCAL)
    assert stored.interpretation.status is Status.EQUIVOCAL
    with pytest.raises(WorkflowError, match="equivocal, not final"):
        lab.signout.sign_out(lab.path, "S26-00001", PASSWORDS["pia"], stored.version)
    with pytest.raises(WorkflowError, match="needs a reason"):
        lab.signout.adjudicate(
            lab.path, "S26-00001", Status.NEGATIVE, "short", stored.version, password=PASSWORDS["pia"]
        )
    adjudicated = lab.signout.adjudicate(
        lab.path, "S26-00001", Status.NEGATIVE, REASON, stored.version, password=PASSWORDS["pia"]
    )
    assert adjudicated.version == stored.version + 1
    # The engine's own interpretation is untouched.
    assert _state(lab).interpretation.status is Status.EQUIVOCAL
    done = lab.signout.sign_out(lab.path, "S26-00001", PASSWORDS["pia"], adjudicated.version)
    assert done.state is SignOutState.SIGNED_OUT
    snapshot = lab.signout.case_versions("S26-00001")[0].snapshot
    assert snapshot["adjudicated_status"] == "negative"
    assert snapshot["interpretation"]["status"] == "equivocal"
    [event] = lab.events("adjudicate")
    assert (event.who, event.table_name) == ("pia", "her2_case")
    assert '"engine_status": "equivocal"' in (event.new or "")


def test_adjudication_cannot_contradict_a_final_interpretation(lab: Lab) -> None:
    stored = _enter(lab, lab.tech)
    with pytest.raises(WorkflowError, match="already final"):
        lab.signout.adjudicate(
            lab.path, "S26-00001", Status.NEGATIVE, REASON, stored.version, password=PASSWORDS["pia"]
        )


def test_a_wrong_password_does_not_sign_out(lab: Lab) -> None:
    stored = _enter(lab, lab.tech)
    before = lab.audit_count()
    with pytest.raises(WorkflowError, match="password is not correct"):
        lab.signout.sign_out(lab.path, "S26-00001", "not-her-password", stored.version)
    assert _state(lab).signout_state is SignOutState.ENTERED
    assert _state(lab).version == stored.version
    assert lab.signout.signatures("S26-00001") == []
    # Nothing changed; the failed signature itself is audited.
    assert lab.audit_count() == before + 1
    [failed] = lab.events("signature-failed")
    assert (failed.who, failed.table_name, failed.case_id, failed.new) == (
        "pia",
        "her2_case",
        stored.case_id,
        None,
    )


def test_a_signed_out_case_cannot_be_signed_out_again_or_edited(lab: Lab) -> None:
    stored = _enter(lab, lab.tech)
    done = lab.signout.sign_out(lab.path, "S26-00001", PASSWORDS["pia"], stored.version)
    before = lab.audit_count()
    with pytest.raises(WorkflowError, match="signed out and read-only"):
        lab.signout.sign_out(lab.path2, "S26-00001", PASSWORDS["paul"], done.version)
    changed = stored.entry.with_changes(ihc=replace(stored.entry.ihc, clone="SP3"))
    for actor in (lab.tech, lab.path):
        with pytest.raises(WorkflowError, match="signed out and read-only"):
            lab.cases(actor).save(changed, done.version)
    with pytest.raises(WorkflowError, match="signed-in user"):  # the local user may not save at all
        lab.cases(None).save(changed, done.version)
    with pytest.raises(WorkflowError, match="signed out and read-only"):
        lab.signout.adjudicate(
            lab.path, "S26-00001", Status.NEGATIVE, REASON, done.version, password=PASSWORDS["pia"]
        )
    assert _state(lab).entry.ihc.clone == "4B5"
    assert _state(lab).version == done.version
    # Nothing changed; only the two workflow refusals are audited (a refused save is not).
    assert [r.action for r in lab.events()][before:] == ["sign-out-refused", "adjudicate-refused"]


def test_a_stale_version_is_refused(lab: Lab) -> None:
    stored = _enter(lab, lab.tech)
    lab.cases(lab.tech).save(stored.entry.with_changes(ihc=replace(stored.entry.ihc, clone="SP3")), 1)
    with pytest.raises(CaseConflictError):
        lab.signout.sign_out(lab.path, "S26-00001", PASSWORDS["pia"], stored.version)
    assert _state(lab).signout_state is SignOutState.ENTERED


def test_an_administrator_manages_users_but_not_cases(lab: Lab) -> None:
    stored = _enter(lab, lab.tech)
    with pytest.raises(WorkflowError, match="an administrator may not edit"):
        lab.cases(lab.admin).save(stored.entry, stored.version)
    with pytest.raises(WorkflowError, match="an administrator may not sign out"):
        lab.signout.sign_out(lab.admin, "S26-00001", PASSWORDS["ada"], stored.version)


# -- a technologist's session, every privileged call ---------------------------------------------


def test_a_technologist_session_cannot_do_anything_privileged(lab: Lab) -> None:
    tech = lab.auth.login("tom", PASSWORDS["tom"]).actor
    entered = _enter(lab, tech, "S26-00001")
    equivocal = _enter(lab, tech, "S26-00002", mrn="DEMO000002", **EQUIVOCAL)
    signed = _enter(lab, tech, "S26-00003", mrn="DEMO000003")
    signed_version = lab.signout.sign_out(lab.path, "S26-00003", PASSWORDS["pia"], signed.version).version
    before = lab.audit_count()
    attempts = [
        lambda: lab.signout.sign_out(tech, "S26-00001", PASSWORDS["tom"], entered.version),
        lambda: lab.signout.adjudicate(
            tech, "S26-00002", Status.NEGATIVE, REASON, equivocal.version, password=PASSWORDS["tom"]
        ),
        lambda: lab.signout.amend(tech, "S26-00003", REASON, signed_version, password=PASSWORDS["tom"]),
        lambda: lab.auth.create_user("eve", "eve-pass-1", Role.PATHOLOGIST, by=tech),
        lambda: lab.auth.create_user("eve", "eve-pass-1", Role.ADMINISTRATOR, by=tech),
        lambda: lab.cases(tech).save(signed.entry, signed_version),
    ]
    for attempt in attempts:
        with pytest.raises(WorkflowError):
            attempt()
    # Nothing changed; the three refused workflow actions are audited as refusals.
    assert [r.action for r in lab.events()][before:] == [
        "sign-out-refused",
        "adjudicate-refused",
        "amend-refused",
    ]
    assert [u.username for u in lab.auth.users()] == ["ada", "paul", "pia", "tom"]
    assert _state(lab, "S26-00001").signout_state is SignOutState.ENTERED
    assert _state(lab, "S26-00003").signout_state is SignOutState.SIGNED_OUT
    # What a technologist may do: enter and edit unsigned cases, print a preliminary handout.
    lab.cases(tech).save(entered.entry.with_changes(ihc=replace(entered.entry.ihc, clone="SP3")), 1)
    lab.signout.record_handout(tech, "S26-00001", "en", "0" * 64, "rules-1", preliminary=True)


# -- the full path and its audit rows ------------------------------------------------------------


def test_entered_signed_out_amended_signed_out_leaves_exactly_these_audit_rows(lab: Lab) -> None:
    entered = _enter(lab, lab.tech)
    case_id = entered.case_id
    first = lab.signout.sign_out(lab.path, "S26-00001", PASSWORDS["pia"], entered.version)
    printed = lab.signout.record_handout(lab.path, "S26-00001", "en", "a" * 64, "rules-1")
    amended = lab.signout.amend(lab.path2, "S26-00001", REASON, first.version, password=PASSWORDS["paul"])
    corrected = entered.entry.with_changes(
        ihc=replace(entered.entry.ihc, score=IhcScore.THREE_PLUS), ish=IshDetails()
    )
    edited = lab.cases(lab.tech).save(corrected, amended.version)
    second = lab.signout.sign_out(lab.path, "S26-00001", PASSWORDS["pia"], edited.version)

    assert (first.version, first.report_version) == (2, 1)
    assert (amended.version, amended.report_version, amended.state) == (3, 2, SignOutState.AMENDED)
    assert (second.version, second.report_version, second.state) == (5, 2, SignOutState.SIGNED_OUT)
    assert printed.report_version == 1

    rows = [r for r in lab.events() if r.case_id == case_id and r.table_name == "her2_case"]
    assert [(r.who, r.action) for r in rows] == [
        ("tom", "insert"),
        ("pia", "sign-out"),
        ("pia", "handout"),
        ("paul", "amend"),
        ("tom", "update"),
        ("pia", "sign-out"),
    ]
    import json

    insert, sign1, handout, amend, update_row, sign2 = rows
    assert json.loads(insert.new)["entered_by_user_id"] == lab.tech.user_id
    assert json.loads(sign1.old) == {"signout_state": "entered", "version": 1}
    assert json.loads(sign1.new) == {
        "signout_state": "signed-out",
        "version": 2,
        "report_version": 1,
        "signed_out_by": "pia",
        "meaning": "signed out",
    }
    assert json.loads(handout.new) == {
        "report_version": 1,
        "language": "en",
        "rules_version": "rules-1",
        "sha256": "a" * 64,
        "preliminary": False,
    }
    assert json.loads(amend.old) == {"signout_state": "signed-out", "report_version": 1, "version": 2}
    assert json.loads(amend.new) == {
        "signout_state": "amended",
        "report_version": 2,
        "version": 3,
        "reason": REASON,
        "handouts_superseded": 1,
    }
    assert json.loads(update_row.new)["version"] == 4
    assert "entered_by_user_id" not in json.loads(update_row.new)  # tom entered them already
    assert json.loads(sign2.old) == {"signout_state": "amended", "version": 4}
    assert json.loads(sign2.new)["report_version"] == 2
    # The changed results themselves are audited too (by the case writer, as for any save).
    ihc_rows = [r for r in lab.events("update") if r.table_name == "ihc_result" and r.case_id == case_id]
    assert [(r.who, json.loads(r.new)) for r in ihc_rows] == [("tom", {"score": "3+"})]
    # Three electronic signatures: who, which report version, meaning (the amendment is signed too,
    # against the version it opens).
    signatures = lab.signout.signatures("S26-00001")
    assert [(s[0], s[1], s[2], s[4]) for s in signatures] == [
        (1, "pia", "Dr Pia Path", "signed out"),
        (2, "paul", "Dr Paul Path", "amended"),
        (2, "pia", "Dr Pia Path", "signed out"),
    ]


def test_an_amendment_keeps_the_earlier_version_readable_and_supersedes_its_handouts(lab: Lab) -> None:
    entered = _enter(lab, lab.tech)
    first = lab.signout.sign_out(lab.path, "S26-00001", PASSWORDS["pia"], entered.version)
    lab.signout.record_handout(lab.tech, "S26-00001", "en", "a" * 64, "rules-1")
    lab.signout.record_handout(lab.path2, "S26-00001", "es", "b" * 64, "rules-1")
    with pytest.raises(WorkflowError, match="needs a reason"):
        lab.signout.amend(lab.path, "S26-00001", "typo", first.version, password=PASSWORDS["pia"])
    amended = lab.signout.amend(lab.path, "S26-00001", REASON, first.version, password=PASSWORDS["pia"])
    assert [h.superseded for h in lab.signout.handouts("S26-00001")] == [True, True]
    # Not signed out again yet: only a preliminary handout.
    with pytest.raises(WorkflowError, match="not signed out"):
        lab.signout.record_handout(lab.tech, "S26-00001", "en", "c" * 64, "rules-1")
    corrected = entered.entry.with_changes(ihc=replace(entered.entry.ihc, clone="SP3"))
    edited = lab.cases(lab.tech).save(corrected, amended.version)
    lab.signout.sign_out(lab.path, "S26-00001", PASSWORDS["pia"], edited.version)
    lab.signout.record_handout(lab.tech, "S26-00001", "en", "d" * 64, "rules-1")

    v1, v2 = lab.signout.case_versions("S26-00001")
    assert (v1.report_version, v1.state, v1.amendment_reason, v1.signed_out_by) == (
        1,
        SignOutState.SIGNED_OUT,
        None,
        "pia",
    )
    assert v1.snapshot["ihc"]["clone"] == "4B5"
    assert v1.snapshot["interpretation"]["status"] == "positive"
    assert v1.snapshot["patient"]["mrn"] == "DEMO000001"
    assert (v2.report_version, v2.state, v2.amendment_reason) == (2, SignOutState.SIGNED_OUT, REASON)
    assert v2.snapshot["ihc"]["clone"] == "SP3"
    handouts = lab.signout.handouts("S26-00001")
    assert [(h.report_version, h.superseded) for h in handouts] == [(1, True), (1, True), (2, False)]
    assert [h.printed_by for h in handouts] == ["tom", "paul", "tom"]


def test_case_versions_of_a_case_never_signed_out_is_its_current_state(lab: Lab) -> None:
    _enter(lab, lab.tech)
    [current] = lab.signout.case_versions("S26-00001")
    assert (current.report_version, current.state, current.signed_out_by) == (1, SignOutState.ENTERED, None)
    assert current.snapshot["accession"] == "S26-00001"


def test_the_local_user_saves_nothing_once_accounts_exist(lab: Lab) -> None:
    with pytest.raises(WorkflowError, match="signed-in user"):
        _enter(lab, None)
    assert lab.cases(lab.tech).load("S26-00001") is None


# -- users -----------------------------------------------------------------------------------------


def test_the_first_user_must_be_an_administrator_and_later_ones_need_one(sqlite_url: str) -> None:
    from her2desk.services.auth_service import AuthService
    from her2desk.store.database import open_database

    database = open_database(sqlite_url)
    try:
        auth = AuthService(database)
        assert not auth.has_users()
        with pytest.raises(UserInputError, match="first user must be an administrator"):
            auth.create_user("pia", "path-pass-1", Role.PATHOLOGIST)
        with pytest.raises(UserInputError, match="at least 10"):
            auth.create_user("ada", "short", Role.ADMINISTRATOR)
        auth.create_user("ada", "admin-pass-1", Role.ADMINISTRATOR)
        admin = auth.login("ada", "admin-pass-1").actor
        with pytest.raises(WorkflowError, match="only a signed-in administrator"):
            auth.create_user("pia", "path-pass-1", Role.PATHOLOGIST)
        with pytest.raises(UserInputError, match="already a user named"):
            auth.create_user("ada", "admin-pass-2", Role.PATHOLOGIST, by=admin)
        auth.create_user("pia", "path-pass-1", Role.PATHOLOGIST, by=admin)
        assert [(u.username, u.role) for u in auth.users()] == [
            ("ada", Role.ADMINISTRATOR),
            ("pia", Role.PATHOLOGIST),
        ]
    finally:
        database.close()


def test_password_hashes_are_argon2id_and_never_reach_the_audit_trail(lab: Lab) -> None:
    with lab.database.reader() as session:
        hashes = [u.password_hash for u in session.query(User)]
    assert all(h.startswith("$argon2id$") for h in hashes)
    for row in lab.events():
        for text in (row.old or "", row.new or ""):
            assert "$argon2" not in text
            for password in PASSWORDS.values():
                assert password not in text


def test_logins_are_audited_and_a_failure_does_not_reveal_whether_the_name_exists(lab: Lab) -> None:
    already = len(lab.events("login", "login-failed"))  # the fixture's own sign-ins
    session = lab.auth.login("pia", PASSWORDS["pia"])
    assert session.actor == lab.path
    with lab.database.write_engine.begin() as connection:
        connection.execute(update(User).where(User.id == lab.path2.user_id).values(active=False))
    messages = []
    for name, password in (("tom", "wrong-pass"), ("nobody", "wrong-pass"), ("paul", PASSWORDS["paul"])):
        with pytest.raises(Exception) as raised:
            lab.auth.login(name, password)
        messages.append((type(raised.value), str(raised.value)))
    assert len(set(messages)) == 1
    assert messages[0][1] == "the user name or the password is not correct"
    rows = lab.events("login", "login-failed")[already:]
    # The trail names the account when the name is one, and never keeps a name that is not.
    assert [(r.who, r.action, r.table_name, r.record) for r in rows] == [
        ("pia", "login", "app_user", str(lab.path.user_id)),
        ("(not signed in)", "login-failed", "app_user", str(lab.tech.user_id)),
        ("(not signed in)", "login-failed", "app_user", ""),
        ("(not signed in)", "login-failed", "app_user", str(lab.path2.user_id)),
    ]
    assert [r.new for r in rows[1:]] == [
        '{"username": "tom"}',
        '{"username": "(unknown user)"}',
        '{"username": "paul"}',
    ]
    assert all(r.old is None and r.case_id is None and r.patient_id is None for r in rows)


def test_changed_results_void_an_earlier_adjudication(lab: Lab) -> None:
    stored = _enter(lab, lab.tech, **EQUIVOCAL)
    adjudicated = lab.signout.adjudicate(
        lab.path, "S26-00001", Status.NEGATIVE, REASON, stored.version, password=PASSWORDS["pia"]
    )
    changed = stored.entry.with_changes(ihc=replace(stored.entry.ihc, stained_pct=Decimal("45")))  # a result
    edited = lab.cases(lab.tech).save(changed, adjudicated.version)
    with pytest.raises(WorkflowError, match="equivocal, not final"):
        lab.signout.sign_out(lab.path, "S26-00001", PASSWORDS["pia"], edited.version)
    voided = [
        r for r in lab.events("update") if r.table_name == "her2_case" and '"adjudicated_status"' in r.old
    ]
    assert [(r.who, r.new) for r in voided] == [
        ("tom", '{"adjudicated_status": null, "adjudication_reason": null}')
    ]


# -- what would be refused whatever the password (read-only) ----------------------------------------


def test_standing_refusals_say_what_no_password_can_fix_and_write_nothing(lab: Lab) -> None:
    """Each reason the action itself gives whatever the password, asked without one: no audit row, no
    attempt counted, no change; the password-only reasons are not among them."""

    refusals = lab.signout.standing_refusals
    entered = _enter(lab, lab.tech)
    own = _enter(lab, lab.path, "S26-00002")
    equivocal = _enter(lab, lab.tech, "S26-00003", **EQUIVOCAL)
    before = lab.audit_count()
    assert refusals(lab.path, "S26-00001", Action.SIGN_OUT, entered.version) == []
    assert refusals(lab.tech, "S26-00001", Action.SIGN_OUT, entered.version) == [
        "a technologist may not sign out",
        "you entered these results; another pathologist must sign them out",  # as the action says
    ]
    assert refusals(lab.path, "S26-00002", Action.SIGN_OUT, own.version) == [
        "you entered these results; another pathologist must sign them out"
    ]
    assert refusals(lab.path2, "S26-00002", Action.SIGN_OUT, own.version) == []
    [not_final] = refusals(lab.path, "S26-00003", Action.SIGN_OUT, equivocal.version)
    assert "equivocal, not final" in not_final
    assert refusals(lab.path, "S26-00003", Action.ADJUDICATE, equivocal.version) == []
    assert refusals(lab.path, "S26-00001", Action.ADJUDICATE, entered.version) == [
        "the interpretation is already final (positive); nothing to adjudicate"
    ]
    [not_signed] = refusals(lab.path, "S26-00001", Action.AMEND, entered.version)
    assert "cannot be amend" in not_signed
    with pytest.raises(CaseConflictError):
        refusals(lab.path, "S26-00001", Action.SIGN_OUT, entered.version + 1)
    assert lab.audit_count() == before  # asked, never refused: nothing is recorded
    assert not any(state.failures for state in lab.auth.lock_states().values())
    # Signed out: a second sign-out and an adjudication are refused by the case; an amendment is not.
    done = lab.signout.sign_out(lab.path2, "S26-00001", PASSWORDS["paul"], entered.version)
    assert refusals(lab.path, "S26-00001", Action.SIGN_OUT, done.version) == [
        "the case is signed out and read-only; amend it (with a reason) to change it"
    ]
    assert refusals(lab.path, "S26-00001", Action.AMEND, done.version) == []
    # A demoted pathologist is told at once, and so is someone whose session has ended.
    with lab.database.write_engine.begin() as connection:
        connection.execute(update(User).where(User.id == lab.path.user_id).values(role="technologist"))
    assert refusals(lab.path, "S26-00001", Action.AMEND, done.version) == ["a technologist may not amend"]
    lab.auth.end_session(lab.path2)
    [ended] = refusals(lab.path2, "S26-00001", Action.AMEND, done.version)
    assert "sign in" in ended


# -- the reported result the adjudication stores ----------------------------------------------------


def test_an_adjudicated_negative_scored_with_breast_criteria_elsewhere_keeps_the_descriptor_it_reports(
    lab: Lab,
) -> None:
    """A site without a guideline scored with the breast criteria, the lab reporting HER2-low there too:
    the adjudicated negative stores the descriptor the domain gives it (as the engine would for the
    same IHC), and a later edit that changes no result leaves the reported answer exactly as it was."""
    LabSettingsService(lab.database).update_many(
        lab.admin, {"rules.report_her2_low": "true", "rules.descriptors_on_other_sites": "true"}
    )
    entry = make_entry()
    pancreas = replace(
        entry.specimen, site=Site.PANCREAS, laterality=None, scoring_criteria=ScoringCriteria.BREAST
    )
    first = IshCount(her2=Decimal("4.50"), cep17=Decimal("2.50"), cells=20)  # group 4
    entered = _enter(
        lab,
        lab.tech,
        specimen=pancreas,
        ihc=replace(entry.ihc, score=IhcScore.TWO_PLUS, stained_pct=Decimal(40)),
        ish=replace(entry.ish, first=first, second=None),
    )
    recount = IshCount(her2=Decimal("7.00"), cep17=Decimal("4.00"), cells=20)  # group 3: discordant
    counted = lab.cases(lab.path).save(
        entered.entry.with_changes(ish=replace(entered.entry.ish, second=recount)), entered.version
    )
    assert counted.interpretation.status is Status.ADJUDICATION
    adjudicated = lab.signout.adjudicate(
        lab.path, "S26-00001", Status.NEGATIVE, REASON, counted.version, password=PASSWORDS["pia"]
    )
    stored = _state(lab)
    assert (stored.reported.status, stored.reported.descriptor) == (Status.NEGATIVE, Descriptor.LOW)
    [event] = lab.events("adjudicate")
    assert event.new is not None
    assert f'"reported_descriptor": "{Descriptor.LOW.value}"' in event.new
    # A change to no result (the block) recomputes the same answer: nothing moves silently.
    edited = lab.cases(lab.tech).save(
        stored.entry.with_changes(specimen=replace(stored.entry.specimen, block="G7")), adjudicated.version
    )
    assert (edited.reported.status, edited.reported.descriptor) == (Status.NEGATIVE, Descriptor.LOW)
    assert edited.adjudicated_status is Status.NEGATIVE
    done = lab.signout.sign_out(lab.path2, "S26-00001", PASSWORDS["paul"], edited.version)
    assert done.state is SignOutState.SIGNED_OUT
    snapshot = lab.signout.case_versions("S26-00001")[0].snapshot
    assert snapshot["reported_status"] == "negative"
    assert snapshot["reported_descriptor"] == Descriptor.LOW.value


def test_an_adjudication_the_guideline_came_to_agree_with_still_shows_as_adjudicated(lab: Lab) -> None:
    """A stomach case the lab's rule sent to adjudication, adjudicated negative; the rule is then
    switched off and a change to no result re-derives the guideline's answer, now negative too. The
    adjudication still stands on the record, so the worklist says so, as the history, the banner and
    the report do (from the stored adjudication, not from the two statuses differing)."""
    settings = LabSettingsService(lab.database)
    settings.update(lab.admin, "rules.gastroesophageal_high_copy_adjudication", "true")
    entry = make_entry()
    stomach = replace(
        entry.specimen, site=Site.STOMACH, laterality=None, procedure=Procedure.ENDOSCOPIC_BIOPSY
    )
    high_copy = IshCount(her2=Decimal("7.00"), cep17=Decimal("4.50"), cells=20)
    entered = _enter(
        lab,
        lab.tech,
        specimen=stomach,
        ihc=replace(entry.ihc, score=IhcScore.TWO_PLUS, stained_pct=Decimal(40), cluster_cells=10),
        ish=replace(entry.ish, first=high_copy, second=None),
    )
    assert entered.interpretation.status is Status.ADJUDICATION
    adjudicated = lab.signout.adjudicate(
        lab.path, "S26-00001", Status.NEGATIVE, REASON, entered.version, password=PASSWORDS["pia"]
    )
    settings.update(lab.admin, "rules.gastroesophageal_high_copy_adjudication", "false")
    stored = _state(lab)
    edited = lab.cases(lab.tech).save(
        stored.entry.with_changes(specimen=replace(stored.entry.specimen, block="G7")), adjudicated.version
    )
    assert edited.interpretation.status is Status.NEGATIVE  # the guideline now agrees
    assert edited.adjudicated_status is Status.NEGATIVE  # and the adjudication stands
    [row] = lab.cases(lab.tech).worklist_page(WorklistQuery(), 0, 10)
    assert (row.status, row.engine_status, row.adjudicated) == (Status.NEGATIVE, Status.NEGATIVE, True)
    path = lab.database.path
    if path is not None:  # the desktop program's first page, read before the services start
        page = read_first_page(path, 10)
        assert page is not None
        assert page.rows == [row]
