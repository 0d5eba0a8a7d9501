"""Nobody without a password acts as anyone: every privileged call proves a signed-in session.

Each test is an attack that succeeded before sessions existed (a script handing the services a bare
user id, a trusted-operator claim, the demo accounts planted in a real database, an anonymous save);
each now fails, changes nothing, and never records the victim's name as the actor.
"""

from __future__ import annotations

import io
import sys
from dataclasses import replace
from datetime import timedelta

import pytest
from sqlalchemy import select, update
from support.backends import make_entry
from support.lab import PASSWORDS, Lab

from her2desk.cli import main
from her2desk.domain.case import IhcDetails, IshDetails
from her2desk.domain.vocabulary import IhcScore, Status
from her2desk.domain.workflow import Actor, Role, WorkflowError
from her2desk.services.case_service import CaseService
from her2desk.services.lab_settings_service import LabSettingsService
from her2desk.store.audit import utc_now
from her2desk.store.schema import AuditRow, Case, SessionRow
from her2desk.store.sessions import token_hash

NOT_SIGNED_IN = "not signed in"
REASON = "recount reviewed by a second pathologist"


def _bare(actor: Actor) -> Actor:
    """What a script could build from a user id it read from the database: no session."""
    return Actor(actor.user_id, actor.username, actor.role)


def _equivocal(lab: Lab) -> int:
    entry = make_entry(ihc=replace(make_entry().ihc, score=IhcScore.TWO_PLUS), ish=IshDetails())
    return lab.cases(lab.tech).save(entry, None).version


def _whos(lab: Lab) -> list[str]:
    with lab.database.reader() as session:
        return list(session.scalars(select(AuditRow.who)))


def test_a_bare_user_id_cannot_adjudicate_amend_sign_out_or_save(lab: Lab) -> None:
    version = _equivocal(lab)
    victim = _bare(lab.path)
    with pytest.raises(WorkflowError, match=NOT_SIGNED_IN):
        lab.signout.adjudicate(victim, "S26-00001", Status.POSITIVE, REASON, version, password="guess-1234")
    with pytest.raises(WorkflowError, match=NOT_SIGNED_IN):
        lab.signout.sign_out(victim, "S26-00001", "guess-1234", version)
    with pytest.raises(WorkflowError, match=NOT_SIGNED_IN):
        CaseService(lab.database, actor=victim).save(make_entry(accession="S26-00002"), None)
    stored = lab.cases(lab.path).load("S26-00001")
    assert stored is not None
    assert stored.adjudicated_status is None
    assert stored.version == version
    # The refusals are audited, but not in the victim's name.
    refused = [w for w in _whos(lab) if "claiming user id" in w]
    assert refused
    assert all(w.startswith("(not signed in)") for w in refused)
    assert "pia" not in _whos(lab)[-len(refused) :]


def test_a_bare_administrator_id_cannot_change_settings_or_add_a_pathologist(lab: Lab) -> None:
    admin = _bare(lab.admin)
    with pytest.raises(WorkflowError, match=NOT_SIGNED_IN):
        LabSettingsService(lab.database).update(admin, "allow_self_verification", "true")
    with pytest.raises(WorkflowError, match=NOT_SIGNED_IN):
        lab.auth.create_user("mallory", "mallory-pass-1", Role.PATHOLOGIST, by=admin)
    assert LabSettingsService(lab.database).load().allow_self_verification is False
    assert "mallory" not in {u.username for u in lab.auth.users()}


def test_a_trusted_operator_claim_counts_for_nothing_once_accounts_exist(lab: Lab) -> None:
    for attempt in (
        lambda: lab.auth.set_password(None, lab.path.user_id, "new-pass-1234", local_administrator="x"),
        lambda: lab.auth.set_active(None, lab.path.user_id, False, local_administrator="x"),
        lambda: lab.auth.create_user("eve", "eve-pass-1234", Role.ADMINISTRATOR, local_administrator="x"),
        lambda: LabSettingsService(lab.database).update(
            None, "idle_lock_minutes", "200", local_administrator="x"
        ),
    ):
        with pytest.raises(WorkflowError):
            attempt()
    assert lab.auth.login("pia", PASSWORDS["pia"])  # her password is unchanged, her account active


def test_no_anonymous_save_import_or_handout_record_once_accounts_exist(lab: Lab) -> None:
    local = CaseService(lab.database, "local")
    with pytest.raises(WorkflowError, match="signed-in user"):
        local.save(make_entry(), None)
    with pytest.raises(WorkflowError, match="signed-in user"):
        local.import_cases([make_entry(accession="S26-00003")])
    assert local.load("S26-00001") is None


def test_a_session_ends_with_sign_out_deactivation_password_reset_and_time(lab: Lab) -> None:
    entry = make_entry(ihc=IhcDetails(clone="4B5", score=IhcScore.THREE_PLUS, stained_pct=None))
    stored = lab.cases(lab.tech).save(entry, None)
    # Signed out (or switched user): the old token stops working.
    lab.auth.end_session(lab.tech)
    with pytest.raises(WorkflowError, match=NOT_SIGNED_IN):
        lab.cases(lab.tech).save(stored.entry, stored.version)
    # Deactivated: every session of the account ends.
    tom = lab.auth.login("tom", PASSWORDS["tom"]).actor
    lab.auth.set_active(lab.admin, tom.user_id, False)
    with pytest.raises(WorkflowError):
        lab.cases(tom).save(stored.entry, stored.version)
    # A password reset ends the user's sessions.
    lab.auth.set_password(lab.admin, lab.path2.user_id, "paul-new-pass-1")
    with pytest.raises(WorkflowError, match=NOT_SIGNED_IN):
        lab.signout.sign_out(lab.path2, "S26-00001", "paul-new-pass-1", stored.version)
    # Expired: a session older than its expiry is refused.
    with lab.database.write_engine.begin() as connection:
        connection.execute(
            update(SessionRow)
            .where(SessionRow.token_hash == token_hash(lab.path.session_token or ""))
            .values(expires_at=(utc_now() - timedelta(minutes=1)).replace(tzinfo=None))
        )
    with pytest.raises(WorkflowError, match=NOT_SIGNED_IN):
        lab.signout.sign_out(lab.path, "S26-00001", PASSWORDS["pia"], stored.version)


def test_the_token_is_stored_only_as_a_hash_and_never_shown(lab: Lab) -> None:
    token = lab.path.session_token
    assert token
    assert token not in repr(lab.path)
    with lab.database.reader() as session:
        hashes = set(session.scalars(select(SessionRow.token_hash)))
        audit = " ".join(f"{r.old} {r.new} {r.who}" for r in session.scalars(select(AuditRow)))
    assert token_hash(token) in hashes
    assert token not in hashes
    assert token not in audit


def test_a_stolen_session_of_another_user_does_not_act_for_the_victim(lab: Lab) -> None:
    """A technologist's own token, put beside a pathologist's user id, is not the pathologist's session."""
    version = _equivocal(lab)
    mixed = Actor(lab.path.user_id, "pia", Role.PATHOLOGIST, session_token=lab.tech.session_token)
    with pytest.raises(WorkflowError, match=NOT_SIGNED_IN):
        lab.signout.adjudicate(
            mixed, "S26-00001", Status.POSITIVE, REASON, version, password=PASSWORDS["tom"]
        )


# -- the command line ---------------------------------------------------------------------------


def _main(argv: list[str], stdin: str, monkeypatch: pytest.MonkeyPatch) -> int:
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    return main(argv)


def test_import_needs_as_and_records_who_entered_the_cases(
    lab: Lab, tmp_path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from her2desk.exchange.csv_cases import write_csv

    source = CaseService(lab.database, actor=lab.tech)
    source.save(make_entry(accession="S26-00050"), None)
    exported = tmp_path / "cases.csv"
    with exported.open("w", encoding="utf-8", newline="") as stream:
        write_csv(stream, source.iter_cases())
    text = exported.read_text(encoding="utf-8").replace("S26-00050", "S26-00051")
    exported.write_text(text, encoding="utf-8")
    url = str(lab.database.url)
    assert _main(["import", str(exported), "--database", url], "", monkeypatch) == 2
    assert "give --as NAME" in capsys.readouterr().err
    assert (
        _main(["import", str(exported), "--database", url, "--as", "tom"], "wrong-pass-1\n", monkeypatch) == 2
    )
    assert "not correct" in capsys.readouterr().err
    assert (
        _main(["import", str(exported), "--database", url, "--as", "tom"], "tech-pass-1\n", monkeypatch) == 0
    )
    with lab.database.reader() as session:
        enterer = session.execute(
            select(Case.entered_by_user_id).where(Case.accession == "S26-00051")
        ).scalar()
    assert enterer == lab.tech.user_id  # so the four-eyes rule applies to imported cases too


def test_demo_refuses_a_real_database_with_accounts_but_no_cases(
    lab: Lab, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    url = str(lab.database.url)
    assert _main(["demo", "--database", url, "--cases", "5"], "", monkeypatch) != 0
    assert "not a demo database" in capsys.readouterr().err
    assert "demo-pathologist" not in {u.username for u in lab.auth.users()}


def test_a_save_records_the_name_its_session_proves_never_one_set_on_the_service(lab: Lab) -> None:
    """A script holding the technologist's own session cannot put a pathologist's name on its writes:
    not by setting the service's user, nor by a forged name beside its real user id and token."""
    cases = lab.cases(lab.tech)
    with pytest.raises(AttributeError):
        cases.user = "pia"  # type: ignore[misc]  # the attack: a read-only property refuses it
    forged = replace(lab.tech, username="pia", role=Role.PATHOLOGIST)
    spoofing = CaseService(lab.database, actor=forged)
    saved = spoofing.save(make_entry(accession="S26-00003"), None)
    changed = saved.entry.with_changes(ihc=replace(saved.entry.ihc, stained_pct=saved.entry.ihc.stained_pct))
    spoofing.save(replace(changed, specimen=replace(changed.specimen, block="B7")), saved.version)
    stored = lab.cases(lab.path).load("S26-00003")
    assert stored is not None
    assert (stored.created_by, stored.updated_by) == ("tom", "tom")
    assert saved.created_by == "tom"
    with lab.database.reader() as session:
        whos = list(session.scalars(select(AuditRow.who).where(AuditRow.case_id == stored.case_id)))
    assert len(whos) >= 2  # the new case's rows and the change
    assert set(whos) == {"tom"}
