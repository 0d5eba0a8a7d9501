"""User administration in AuthService: deactivate/reactivate and reset a password, administrators only,
each change audited in its own transaction; nobody deactivates themselves or the last administrator."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select
from support.backends import make_entry
from support.lab import PASSWORDS, Lab

from her2desk.domain.workflow import Actor, Role, WorkflowError
from her2desk.services.auth_service import AuthenticationError, UserInputError
from her2desk.store.schema import User


def _active(lab: Lab, actor: Actor) -> bool:
    return {u.username: u.active for u in lab.auth.users()}[actor.username]


def test_an_administrator_deactivates_and_reactivates_a_user(lab: Lab) -> None:
    before = lab.audit_count()
    info = lab.auth.set_active(lab.admin, lab.tech.user_id, False)
    assert (info.username, info.active) == ("tom", False)
    assert not _active(lab, lab.tech)
    with pytest.raises(AuthenticationError):
        lab.auth.login("tom", PASSWORDS["tom"])
    # A session opened before the deactivation stops working at its next action.
    with pytest.raises(WorkflowError, match="not active"):
        lab.cases(lab.tech).save(make_entry("S26-00009"), None)
    event = lab.events("update")[-1]
    assert (event.who, event.table_name, event.record) == ("ada", "app_user", str(lab.tech.user_id))
    assert json.loads(event.old) == {"username": "tom", "active": True}
    assert json.loads(event.new) == {"username": "tom", "active": False}

    assert lab.auth.set_active(lab.admin, lab.tech.user_id, True).active is True
    assert lab.auth.login("tom", PASSWORDS["tom"]).actor.user_id == lab.tech.user_id
    actions = [e.action for e in lab.events()][before:]
    assert actions == ["update", "login-failed", "update", "login"]


def test_setting_the_flag_it_already_has_writes_nothing(lab: Lab) -> None:
    before = lab.audit_count()
    assert lab.auth.set_active(lab.admin, lab.path.user_id, True).active is True
    assert lab.audit_count() == before


def test_an_administrator_cannot_deactivate_themselves(lab: Lab) -> None:
    lab.auth.create_user("bea", "admin-pass-2", Role.ADMINISTRATOR, by=lab.admin)
    second = lab.auth.login("bea", "admin-pass-2").actor
    before = lab.audit_count()
    with pytest.raises(WorkflowError, match="cannot deactivate your own account"):
        lab.auth.set_active(lab.admin, lab.admin.user_id, False)
    assert _active(lab, lab.admin)
    assert lab.audit_count() == before
    # Another administrator may.
    assert lab.auth.set_active(second, lab.admin.user_id, False).active is False


def test_the_last_active_administrator_cannot_be_deactivated(lab: Lab) -> None:
    lab.auth.create_user("bea", "admin-pass-2", Role.ADMINISTRATOR, by=lab.admin)
    second = lab.auth.login("bea", "admin-pass-2").actor
    lab.auth.set_active(lab.admin, second.user_id, False)
    # Nobody else can: a trusted-operator claim counts for nothing once accounts exist, and the last
    # administrator cannot deactivate themselves.
    with pytest.raises(WorkflowError, match="only an administrator"):
        lab.auth.set_active(None, lab.admin.user_id, False, local_administrator="cli:root")
    with pytest.raises(WorkflowError):
        lab.auth.set_active(lab.admin, lab.admin.user_id, False)
    assert _active(lab, lab.admin)


@pytest.mark.parametrize("who", ["tech", "path"])
def test_only_an_administrator_manages_users(lab: Lab, who: str) -> None:
    actor = getattr(lab, who)
    forged = Actor(actor.user_id, actor.username, Role.ADMINISTRATOR, session_token=actor.session_token)
    before = lab.audit_count()
    with pytest.raises(WorkflowError, match="may not manage users"):
        lab.auth.set_active(forged, lab.path2.user_id, False)
    with pytest.raises(WorkflowError, match="may not manage users"):
        lab.auth.set_password(forged, lab.path2.user_id, "new-pass-123")
    with pytest.raises(WorkflowError, match="only an administrator"):
        lab.auth.set_active(None, lab.path2.user_id, False)
    assert _active(lab, lab.path2)
    assert lab.auth.login("paul", PASSWORDS["paul"])
    assert lab.audit_count() == before + 1  # only the login


def test_an_administrator_resets_a_password(lab: Lab) -> None:
    with lab.database.engine.connect() as connection:
        old_hash = connection.execute(select(User.password_hash).where(User.id == lab.path.user_id)).scalar()
    lab.auth.set_password(lab.admin, lab.path.user_id, "a-new-pass-1")
    with pytest.raises(AuthenticationError):
        lab.auth.login("pia", PASSWORDS["pia"])
    assert lab.auth.login("pia", "a-new-pass-1").actor.user_id == lab.path.user_id
    event = lab.events("password")[-1]
    assert (event.who, event.record) == ("ada", str(lab.path.user_id))
    assert json.loads(event.new) == {"username": "pia", "password_hash": "<changed>"}
    assert old_hash not in (event.old or "") + event.new
    assert "a-new-pass-1" not in event.new


def test_a_short_password_or_an_unknown_user_is_refused(lab: Lab) -> None:
    before = lab.audit_count()
    with pytest.raises(UserInputError, match="at least 10 characters"):
        lab.auth.set_password(lab.admin, lab.path.user_id, "short")
    with pytest.raises(UserInputError, match="no user with id 9999"):
        lab.auth.set_password(lab.admin, 9999, "long-enough-1")
    with pytest.raises(UserInputError, match="no user with id 9999"):
        lab.auth.set_active(lab.admin, 9999, False)
    assert lab.audit_count() == before
    assert lab.auth.login("pia", PASSWORDS["pia"])


def test_two_administrators_deactivating_each_other_at_once_leave_one_active(
    lab: Lab, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two workstations at the same moment. Each transaction pauses after its checks until the other
    has checked too (or 2 s have passed): without the locks both would pass and the lab would be
    left with no administrator; with them the second waits for the first and is then refused."""
    import contextlib
    import threading

    from her2desk.services.auth_service import AuthService

    lab.auth.create_user("bea", "admin-pass-2", Role.ADMINISTRATOR, by=lab.admin)
    second = lab.auth.login("bea", "admin-pass-2").actor
    start = threading.Barrier(2)
    both_checked = threading.Barrier(2)
    original = AuthService._administrator

    def administrator_then_pause(self, connection, by, local_administrator):
        result = original(self, connection, by, local_administrator)
        with contextlib.suppress(threading.BrokenBarrierError):  # the other one waits for our locks
            both_checked.wait(timeout=2)
        return result

    monkeypatch.setattr(AuthService, "_administrator", administrator_then_pause)
    outcomes: dict[str, object] = {}

    def deactivate(by: Actor, target: Actor) -> None:
        start.wait()
        try:
            outcomes[by.username] = lab.auth.set_active(by, target.user_id, False)
        except WorkflowError as error:
            outcomes[by.username] = error

    threads = [
        threading.Thread(target=deactivate, args=(lab.admin, second)),
        threading.Thread(target=deactivate, args=(second, lab.admin)),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert sorted(type(o).__name__ for o in outcomes.values()) == ["UserInfo", "WorkflowError"]
    active_admins = [u for u in lab.auth.users() if u.role is Role.ADMINISTRATOR and u.active]
    assert len(active_admins) == 1
