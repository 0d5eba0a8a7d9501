"""Demo data: clearly synthetic, covers the vocabulary, passes the domain checks, refuses real data."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta

import pytest
from backends import make_entry
from sqlalchemy import select

from her2desk.domain.case_checks import check_case
from her2desk.domain.records import SignOutState, WorklistQuery
from her2desk.domain.vocabulary import IhcScore, Procedure, Site, Status
from her2desk.services.case_service import open_case_service
from her2desk.store.demo import FAMILY_PREFIXES, DemoRefusedError, seed_demo
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
    service = open_case_service(sqlite_url)
    try:
        assert service.worklist_count(WorklistQuery()) == 40
        stored = service.save(make_entry(), None)
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
    from her2desk.services.auth_service import AuthService
    from her2desk.store.demo import ensure_demo_accounts
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
