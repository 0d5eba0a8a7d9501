"""Demo data: clearly synthetic, covers the vocabulary, passes the domain checks, refuses real data."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta

import pytest
from sqlalchemy import func, select
from support.backends import make_entry

from her2desk.demo.seed import (
    COLLECTION_LAG_DAYS,
    DEMO_SPAN_DAYS,
    FAMILY_PREFIXES,
    DemoRefusedError,
    seed_demo,
)
from her2desk.domain.case_checks import check_case
from her2desk.domain.records import SignOutState, WorklistQuery
from her2desk.domain.vocabulary import IhcScore, Procedure, Site, Status
from her2desk.services.case_service import open_case_service
from her2desk.store.schema import Case


def test_demo_cases_cover_the_vocabulary_and_pass_the_case_checks(db_url: str) -> None:
    service = open_case_service(db_url)
    try:
        assert seed_demo(service, 3000, seed=1) == 3000
        assert service.is_demo()
        assert service.worklist_count(WorklistQuery()) == 3000
        with service.database.reader() as session:
            ids = list(session.scalars(select(Case.id)))
        cases = [service.load_by_id(i) for i in ids]
        sites, procedures, scores, groups, statuses, states = (Counter() for _ in range(6))
        recounts = 0
        oldest = date.today()
        for case in cases:
            e, r = case.entry, case.interpretation
            assert check_case(e).errors == (), e.accession
            if case.signout_state in (SignOutState.SIGNED_OUT, SignOutState.AMENDED):
                assert r.status in (Status.POSITIVE, Status.NEGATIVE, Status.INDETERMINATE), e.accession
            if e.specimen.site is Site.BREAST:
                assert e.specimen.procedure is not Procedure.ENDOSCOPIC_BIOPSY, e.accession
                assert e.specimen.fragments is None, e.accession
            assert e.patient.mrn.startswith("DEMO")
            assert e.patient.family_name.startswith(FAMILY_PREFIXES)
            sites[e.specimen.site] += 1
            procedures[e.specimen.procedure] += 1
            scores[e.ihc.score] += 1
            groups[r.ish_group] += 1
            statuses[r.status] += 1
            states[case.signout_state] += 1
            recounts += e.ish.second is not None
            oldest = min(oldest, e.specimen.collected_on)
        assert set(sites) == set(Site)
        assert set(procedures) == set(Procedure)
        assert set(scores) == set(IhcScore)
        assert {1, 2, 3, 4, 5} <= set(groups)
        assert set(statuses) == set(Status)
        assert set(states) == set(SignOutState)
        assert recounts > 0
        assert oldest < date.today() - timedelta(days=2 * 365)
        assert any(not c.entry.patient.family_name.isascii() for c in cases)
        # As in a lab, cases arrive in about the order their specimens were taken: no case was collected
        # more than the lag (plus a day of rounding) before one accessioned ahead of it.
        latest = date.today() - timedelta(days=DEMO_SPAN_DAYS + COLLECTION_LAG_DAYS)
        for case in sorted(cases, key=lambda c: c.case_id):
            collected = case.entry.specimen.collected_on
            assert collected >= latest - timedelta(days=COLLECTION_LAG_DAYS + 1), case.entry.accession
            latest = max(latest, collected)
        assert latest >= date.today() - timedelta(days=COLLECTION_LAG_DAYS)
        assert oldest <= date.today() - timedelta(days=DEMO_SPAN_DAYS - 10)
    finally:
        service.close()


def test_same_seed_same_cases(tmp_path) -> None:
    first, second = str(tmp_path / "a.sqlite3"), str(tmp_path / "b.sqlite3")
    seed_demo(first, 50, seed=7)
    seed_demo(second, 50, seed=7)
    a, b = open_case_service(first), open_case_service(second)
    try:
        assert a.load_by_id(17).entry == b.load_by_id(17).entry
    finally:
        a.close()
        b.close()


def test_demo_refuses_a_database_with_real_cases(db_url: str) -> None:
    service = open_case_service(db_url)
    try:
        service.save(make_entry(), None)
        with pytest.raises(DemoRefusedError):
            seed_demo(service, 10)
        assert not service.is_demo()
        assert service.worklist_count(WorklistQuery()) == 1
    finally:
        service.close()


def test_demo_database_can_be_extended_and_saved_to(sqlite_url: str) -> None:
    seed_demo(sqlite_url, 20)
    seed_demo(sqlite_url, 20, seed=2)
    from her2desk.services.auth_service import AuthService
    from her2desk.services.case_service import CaseService
    from her2desk.store.demo_accounts import DEMO_PASSWORD, DEMO_TECHNOLOGIST

    service = open_case_service(sqlite_url)
    try:
        assert service.worklist_count(WorklistQuery()) == 40
        # The demo has accounts, so saving needs a signed-in demo user, as in the program.
        tech = AuthService(service.database).login(DEMO_TECHNOLOGIST.username, DEMO_PASSWORD).actor
        stored = CaseService(service.database, actor=tech).save(make_entry(), None)
        assert stored.case_id == 41
    finally:
        service.close()


def test_demo_accounts_sign_in_with_the_documented_password_and_enter_every_case(db_url: str) -> None:
    from her2desk.domain.workflow import Role
    from her2desk.services.auth_service import AuthService
    from her2desk.store.demo_accounts import DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_TECHNOLOGIST

    service = open_case_service(db_url)
    try:
        seed_demo(service, 40)
        seed_demo(service, 10, seed=3)  # extending adds no second set of accounts
        auth = AuthService(service.database)
        users = {u.username: u for u in auth.users()}
        assert {(a.username, a.role) for a in DEMO_ACCOUNTS} == {(u.username, u.role) for u in users.values()}
        assert sorted(u.role for u in users.values()).count(Role.PATHOLOGIST) == 2
        for account in DEMO_ACCOUNTS:
            assert auth.login(account.username, DEMO_PASSWORD).actor.role is account.role
        with service.database.reader() as session:
            entered = set(session.scalars(select(Case.entered_by_user_id)))
        assert entered == {users[DEMO_TECHNOLOGIST.username].user_id}
    finally:
        service.close()


def test_demo_accounts_are_added_to_an_older_demo_database_and_never_to_a_real_one(db_url: str) -> None:
    from her2desk.demo.seed import ensure_demo_accounts
    from her2desk.services.auth_service import AuthService
    from her2desk.store.demo_accounts import DEMO_ACCOUNTS

    service = open_case_service(db_url)
    try:
        with pytest.raises(DemoRefusedError):
            ensure_demo_accounts(service.database)  # not a demo database
        assert not AuthService(service.database).has_users()
        seed_demo(service, 5)
        ensure_demo_accounts(service.database)  # idempotent
        assert len(AuthService(service.database).users()) == len(DEMO_ACCOUNTS)
    finally:
        service.close()


# -- sign-out records: demo cases look as the sign-out workflow leaves them ---------------------------


def _cases(service) -> list[Case]:
    with service.database.reader() as session:
        return list(session.scalars(select(Case).order_by(Case.id)).unique())


def test_signed_out_demo_cases_have_signer_time_signature_and_the_snapshot_a_sign_out_writes(db_url) -> None:
    from her2desk.services.auth_service import AuthService
    from her2desk.services.signout_service import SIGNATURE_MEANING, SignOutService
    from her2desk.store.audit import utc_now
    from her2desk.store.demo_accounts import DEMO_PATHOLOGIST_2
    from her2desk.store.queries import local_day_bounds
    from her2desk.store.signout_rows import case_snapshot as snapshot

    service = open_case_service(db_url)
    try:
        seed_demo(service, 400)
        workflow = SignOutService(service.database)
        signer = {u.username: u for u in AuthService(service.database).users()}[DEMO_PATHOLOGIST_2.username]
        today_start, today_end = local_day_bounds(date.today())
        now = utc_now()
        signed = [c for c in _cases(service) if c.signout_state == SignOutState.SIGNED_OUT.value]
        assert len(signed) > 200
        with service.database.reader() as session:
            for row in signed:
                case = session.get(Case, row.id)
                assert case.signed_out_by_user_id == signer.user_id, case.accession
                assert case.created_at <= case.signed_out_at <= now, case.accession
                assert (case.version, case.report_version, case.updated_by) == (2, 1, signer.username)
                (signature,) = workflow.signatures(case.accession)
                assert signature[:3] == (1, signer.username, signer.display_name)
                assert signature[3].replace(tzinfo=None) == case.signed_out_at
                assert signature[4] == SIGNATURE_MEANING
                (version,) = workflow.case_versions(case.accession)
                assert (version.report_version, version.state) == (1, SignOutState.SIGNED_OUT)
                assert version.signed_out_by == signer.username
                assert version.signed_out_at.replace(tzinfo=None) == case.signed_out_at
                assert version.amendment_reason is None
                # The stored snapshot is exactly what SignOutService builds from the stored case.
                assert version.snapshot == snapshot(case), case.accession
        times = [c.signed_out_at for c in signed]
        today = [t for t in times if today_start <= t < today_end]
        assert 0 < len(today) < len(signed) / 4
        assert min(times) < now - timedelta(weeks=4)  # spread over the past weeks, not all today
        assert service.worklist_count(WorklistQuery(signed_out_on=date.today())) == len(today)
        assert service.load_by_id(signed[0].id).signed_out_by == DEMO_PATHOLOGIST_2.username
    finally:
        service.close()


def test_amended_demo_cases_keep_their_signed_out_version_and_a_pathologist_can_carry_on(db_url) -> None:
    from her2desk.services.auth_service import AuthService
    from her2desk.services.signout_service import SignOutService
    from her2desk.store.demo_accounts import DEMO_PASSWORD, DEMO_PATHOLOGIST, DEMO_PATHOLOGIST_2

    service = open_case_service(db_url)
    try:
        seed_demo(service, 400)
        workflow = SignOutService(service.database)
        amended = [c for c in _cases(service) if c.signout_state == SignOutState.AMENDED.value]
        entered = [c for c in _cases(service) if c.signout_state == SignOutState.ENTERED.value]
        assert amended
        assert entered
        for case in amended:
            stored = service.load_by_id(case.id)
            assert stored.report_version == 2
            assert stored.amendment_reason
            assert stored.amended_by == DEMO_PATHOLOGIST_2.username
            assert stored.signed_out_by is None
            assert stored.signed_out_at is None
            first, second = workflow.case_versions(case.accession)
            assert (first.report_version, first.state) == (1, SignOutState.SIGNED_OUT)
            assert first.snapshot["state"] == SignOutState.SIGNED_OUT.value
            assert first.snapshot["report_version"] == 1
            assert first.signed_out_by == DEMO_PATHOLOGIST_2.username
            assert first.signed_out_at <= stored.amended_at
            assert (second.report_version, second.state) == (2, SignOutState.AMENDED)
            assert second.amendment_reason == stored.amendment_reason
            assert [s[0] for s in workflow.signatures(case.accession)] == [1]
        # The first demo pathologist carries the workflow on: signs out an amended and an entered case.
        actor = AuthService(service.database).login(DEMO_PATHOLOGIST.username, DEMO_PASSWORD).actor
        final = [c for c in entered if service.load_by_id(c.id).interpretation.status.is_final]
        for case in (amended[0], final[0]):
            version = service.load_by_id(case.id).version
            workflow.sign_out(actor, case.accession, DEMO_PASSWORD, version)
        versions = workflow.case_versions(amended[0].accession)
        assert [(v.report_version, v.signed_out_by) for v in versions] == [
            (1, DEMO_PATHOLOGIST_2.username),
            (2, DEMO_PATHOLOGIST.username),
        ]
        assert versions[1].amendment_reason
    finally:
        service.close()


def _audit_counts(service) -> Counter:
    from her2desk.store.schema import AuditRow

    with service.database.reader() as session:
        rows = session.execute(select(AuditRow.action, AuditRow.table_name, AuditRow.who)).all()
    return Counter((r.action, r.table_name, r.who) for r in rows)


def test_small_demos_get_the_audit_rows_of_each_entry_sign_out_and_amendment(db_url) -> None:
    from her2desk.store.demo_accounts import DEMO_PATHOLOGIST_2, DEMO_TECHNOLOGIST

    service = open_case_service(db_url)
    try:
        seed_demo(service, 300)
        states = Counter(c.signout_state for c in _cases(service))
        counts = _audit_counts(service)
        signer, technologist = DEMO_PATHOLOGIST_2.username, DEMO_TECHNOLOGIST.username
        assert counts["insert", "her2_case", technologist] == 300
        assert counts["insert", "patient", technologist] > 0
        signed = states[SignOutState.SIGNED_OUT.value] + states[SignOutState.AMENDED.value]
        assert counts["sign-out", "her2_case", signer] == signed > 0
        assert counts["amend", "her2_case", signer] == states[SignOutState.AMENDED.value] > 0
    finally:
        service.close()


def test_large_demos_keep_one_summary_audit_row(sqlite_url: str, monkeypatch) -> None:
    from her2desk.demo import seed as demo

    monkeypatch.setattr(demo, "AUDIT_EACH_CASE_UP_TO", 50)
    service = open_case_service(sqlite_url)
    try:
        seed_demo(service, 60)
        counts = _audit_counts(service)
        assert sum(n for (action, table, _who), n in counts.items() if table in ("her2_case", "patient")) == 1
        assert counts["insert", "her2_case", demo.DEMO_USER] == 1
        # ... but the sign-out records themselves are complete.
        signed = [c for c in _cases(service) if c.signout_state == SignOutState.SIGNED_OUT.value]
        with service.database.reader() as session:
            from her2desk.store.schema import CaseVersionRow, ElectronicSignature

            assert session.scalar(select(func.count()).select_from(ElectronicSignature)) >= len(signed) > 0
            assert session.scalar(select(func.count()).select_from(CaseVersionRow)) >= len(signed)
    finally:
        service.close()
