"""Password guessing against the services, as a script would do it (no GUI, no waiting politely).

Each attack here succeeded against the program before the throttle: 60 wrong passwords then the right
one accepted, unlimited e-signature attempts, passwords of spaces or NULs, a password typed into the
user-name field kept in the audit trail. Each test fails on that program and passes on this one.
"""

from __future__ import annotations

import json
import threading
from datetime import datetime, timedelta

import pytest
from sqlalchemy import select, text
from support.backends import make_entry
from support.lab import PASSWORDS, Lab

from her2desk.domain.case import IshDetails
from her2desk.domain.vocabulary import Status
from her2desk.domain.workflow import Role, WorkflowError
from her2desk.services import auth_service
from her2desk.services.auth_service import AuthenticationError, UserInputError
from her2desk.services.lab_settings_service import LabSettingsService
from her2desk.store.audit import utc_now
from her2desk.store.schema import AuditRow

WRONG = "wrong-password-9"
REASON = "recount of the ISH slide by a second observer"
REFUSED = r"at least 10 characters|only spaces or invisible"


class PatientClock:
    """The clock of a guesser who waits out every delay: each reading is an hour after the last."""

    def __init__(self) -> None:
        self.now = utc_now()

    def __call__(self) -> datetime:
        self.now += timedelta(hours=1)
        return self.now


@pytest.fixture
def checks(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every password actually checked with argon2 (the stored hash's owner is not needed: a count)."""
    seen: list[str] = []
    original = auth_service.password_matches

    def counting(stored_hash: str | None, password: str) -> bool:
        seen.append(password)
        return original(stored_hash, password)

    monkeypatch.setattr(auth_service, "password_matches", counting)
    return seen


def _patient(lab: Lab) -> PatientClock:
    clock = PatientClock()
    lab.auth.clock = clock
    lab.signout.auth.clock = clock
    return clock


def _actions(lab: Lab, *actions: str) -> list[str]:
    return [e.action for e in lab.events(*actions)]


def _attempt(lab: Lab, name: str, password: str) -> str:
    """'ok', or the refusal's message."""
    try:
        lab.auth.login(name, password)
    except AuthenticationError as refused:
        return str(refused)
    return "ok"


# -- item 1: many wrong passwords, then the right one ---------------------------------------------


def test_sixty_quick_wrong_passwords_check_only_two_and_the_right_one_is_refused(
    lab: Lab, checks: list[str]
) -> None:
    """The attack as reported: 60 wrong passwords in a few seconds, then the right one. Only the
    first two are checked at all; the rest, and the right one, are refused unchecked (too soon).
    The clock stands still, as it nearly does for a script: a slow machine must not let the 2 s pass."""
    moment = utc_now()
    lab.auth.clock = lambda: moment
    outcomes = [_attempt(lab, "tom", f"{WRONG}-{i}") for i in range(60)]
    assert outcomes[:1] == ["the user name or the password is not correct"]
    assert outcomes[1].startswith("the user name or the password is not correct; wait 2 s")
    assert all(o.startswith("too many wrong passwords in a row: wait") for o in outcomes[2:])
    with pytest.raises(AuthenticationError, match="too many wrong passwords") as refused:
        lab.auth.login("tom", PASSWORDS["tom"])
    assert refused.value.wait_seconds >= 1
    assert len(checks) == 2
    assert _actions(lab, "login-failed", "login-refused") == ["login-failed"] * 2 + ["login-refused"] * 59
    assert len(_actions(lab, "login")) == 4  # only the fixture's own sign-ins


def test_a_guesser_who_waits_is_locked_after_five_and_only_an_administrator_unlocks(
    lab: Lab, checks: list[str]
) -> None:
    _patient(lab)
    outcomes = [_attempt(lab, "tom", f"{WRONG}-{i}") for i in range(60)]
    assert outcomes[3] == "the user name or the password is not correct"
    assert outcomes[4].endswith("this account is locked after too many wrong passwords in a row; "
                                "an administrator must unlock it")  # fmt: skip
    assert all(o.startswith("this account is locked") for o in outcomes[5:])
    with pytest.raises(AuthenticationError, match="locked") as refused:
        lab.auth.login("tom", PASSWORDS["tom"])
    assert refused.value.locked
    assert len(checks) == 5  # the 55 later ones and the right one never reached argon2
    locked = lab.events("account-locked")
    assert [(e.who, e.record) for e in locked] == [("(not signed in)", str(lab.tech.user_id))]
    assert json.loads(locked[0].new) == {"username": "tom", "failures": 5, "after": "sign-in"}
    assert _actions(lab, "login-refused") == ["login-refused"] * 56

    assert lab.auth.unlock(lab.admin, lab.tech.user_id) is True
    assert lab.auth.login("tom", PASSWORDS["tom"]).actor == lab.tech
    [unlocked] = lab.events("account-unlocked")
    assert (unlocked.who, unlocked.record) == ("ada", str(lab.tech.user_id))
    assert json.loads(unlocked.old) == {"username": "tom", "failures": 5, "locked": True}
    assert lab.auth.unlock(lab.admin, lab.tech.user_id) is False  # nothing left to forget
    assert len(lab.events("account-unlocked")) == 1


def test_a_right_password_before_the_limit_starts_the_count_again(lab: Lab) -> None:
    _patient(lab)
    for _round in range(3):
        assert [_attempt(lab, "tom", WRONG) for _ in range(4)][-1] == (
            "the user name or the password is not correct"
        )
        assert _attempt(lab, "tom", PASSWORDS["tom"]) == "ok"
    assert lab.auth.lock_states() == {}


def test_only_an_administrator_unlocks(lab: Lab) -> None:
    _patient(lab)
    for _ in range(5):
        _attempt(lab, "tom", WRONG)
    with pytest.raises(WorkflowError, match="may not manage users"):
        lab.auth.unlock(lab.path, lab.tech.user_id)
    with pytest.raises(WorkflowError, match="an administrator who can sign in exists"):
        lab.auth.unlock(None, lab.tech.user_id, local_administrator="cli:root")
    assert lab.auth.lock_states()[lab.tech.user_id].locked


def test_a_new_password_from_an_administrator_also_unlocks(lab: Lab) -> None:
    _patient(lab)
    for _ in range(5):
        _attempt(lab, "pia", WRONG)
    lab.auth.set_password(lab.admin, lab.path.user_id, "a-new-pass-1")
    assert lab.auth.login("pia", "a-new-pass-1").actor == lab.path
    assert _actions(lab, "password", "account-unlocked") == ["password", "account-unlocked"]


def test_attempts_at_the_same_moment_cannot_pass_the_limit(lab: Lab, checks: list[str]) -> None:
    """Twenty connections guessing at once (no wait configured): exactly five passwords are checked."""
    LabSettingsService(lab.database).update(lab.admin, "failure_delay_seconds", "0")
    start = threading.Barrier(20)
    outcomes: list[str] = []

    def guess(i: int) -> None:
        start.wait(timeout=30)
        outcomes.append(_attempt(lab, "tom", f"{WRONG}-{i}"))

    threads = [threading.Thread(target=guess, args=(i,)) for i in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert len(outcomes) == 20
    assert len(checks) == 5
    assert sum(o.startswith("this account is locked") for o in outcomes) == 15
    assert lab.auth.lock_states()[lab.tech.user_id].locked
    with pytest.raises(AuthenticationError, match="locked"):
        lab.auth.login("tom", PASSWORDS["tom"])


def test_every_throttle_row_is_locked_before_the_audit_chain_head(
    lab: Lab, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One lock order in every transaction that touches both: the throttle row, then the chain head.
    The opposite order in one path (audit the failure, then count it) deadlocked two guessers on
    PostgreSQL; the threads above catch that only sometimes, this catches it every time."""
    from her2desk.store import chain, throttle

    order: list[tuple[object, str]] = []  # (the transaction's connection, what it locked)

    def spy(module: object, name: str, kind: str, when: object = None) -> None:
        original = getattr(module, name)

        def wrapped(connection: object, *args: object, **kwargs: object) -> object:
            if when is None or kwargs.get("for_update"):
                order.append((connection, kind))
            return original(connection, *args, **kwargs)

        monkeypatch.setattr(module, name, wrapped)

    spy(throttle, "_insert_ignoring_duplicates", "throttle")
    spy(throttle, "read_state", "throttle", when="for_update")
    spy(throttle, "_write", "throttle")
    spy(chain, "_head", "chain")

    _patient(lab)
    stored = lab.cases(lab.tech).save(make_entry(), None)
    for _ in range(6):
        _attempt(lab, "tom", WRONG)  # failures, the lock, refusals
        _attempt(lab, "nobody-here", WRONG)
    for _ in range(6):
        with pytest.raises(WorkflowError):
            lab.signout.sign_out(lab.path, stored.entry.accession, WRONG, stored.version)
    lab.auth.unlock(lab.admin, lab.tech.user_id)
    lab.auth.set_password(lab.admin, lab.path.user_id, "a-new-pass-1")
    assert _attempt(lab, "pia", "a-new-pass-1") == "ok"

    transactions: dict[int, list[str]] = {}
    keep = []  # the connections stay alive, so no id is reused
    for connection, kind in order:
        keep.append(connection)
        transactions.setdefault(id(connection), []).append(kind)
    mixed = [kinds for kinds in transactions.values() if {"throttle", "chain"} <= set(kinds)]
    assert len(mixed) >= 4  # the lock, the refusals, the signature's lock, unlock, password
    late = [k for k in mixed if "throttle" in k[k.index("chain") :]]
    assert late == [], f"a throttle row locked after the chain head: {late}"


def test_the_lab_chooses_how_many_wrong_passwords_lock(lab: Lab) -> None:
    _patient(lab)
    LabSettingsService(lab.database).update(lab.admin, "lockout_after_failures", "3")
    outcomes = [_attempt(lab, "pia", WRONG) for _ in range(3)]
    assert outcomes[1] == "the user name or the password is not correct"
    assert outcomes[2].endswith("an administrator must unlock it")


# -- unknown names behave exactly like real ones ----------------------------------------------------


def test_an_unknown_name_is_slowed_and_locked_exactly_like_a_real_one(lab: Lab, checks: list[str]) -> None:
    """Same messages at every step, same number of argon2 checks: nothing tells a guesser which
    names exist. (Quick attempts: the waits must match too.)"""
    real = [_attempt(lab, "tom", WRONG) for _ in range(4)]
    real_checks = len(checks)
    unknown = [_attempt(lab, "nobody-here", WRONG) for _ in range(4)]
    assert [o.split(": wait")[0] for o in unknown] == [o.split(": wait")[0] for o in real]
    assert len(checks) == 2 * real_checks == 4
    _patient(lab)
    real = [_attempt(lab, "paul", WRONG) for _ in range(7)]
    unknown = [_attempt(lab, "zed-no-such", WRONG) for _ in range(7)]
    assert unknown == real
    assert real[-1].startswith("this account is locked")


# -- item 2: the electronic signature -------------------------------------------------------------


def test_wrong_signature_passwords_lock_the_account_and_the_right_one_is_then_refused(
    lab: Lab, checks: list[str]
) -> None:
    _patient(lab)
    stored = lab.cases(lab.tech).save(make_entry(), None)
    reasons = []
    for _ in range(5):
        with pytest.raises(WorkflowError) as refused:
            lab.signout.sign_out(lab.path, stored.entry.accession, WRONG, stored.version)
        reasons.append(refused.value.reasons)
    assert reasons[0] == ["the password is not correct; the result was not signed out"]
    assert reasons[4][-1].startswith("your account: this account is locked")
    with pytest.raises(WorkflowError, match="locked"):
        lab.signout.sign_out(lab.path, stored.entry.accession, PASSWORDS["pia"], stored.version)
    assert len(checks) == 5
    assert lab.signout.signatures(stored.entry.accession) == []
    assert _actions(lab, "signature-failed", "account-locked", "sign-out-refused") == (
        ["signature-failed"] * 4 + ["account-locked", "signature-failed", "sign-out-refused"]
    )
    [locked] = lab.events("account-locked")
    assert locked.who == "pia"
    assert json.loads(locked.new)["after"] == "signature"
    with pytest.raises(AuthenticationError, match="locked"):  # one count: signing in is locked too
        lab.auth.login("pia", PASSWORDS["pia"])


def test_quick_signature_attempts_must_wait(lab: Lab, checks: list[str]) -> None:
    stored = lab.cases(lab.tech).save(make_entry(), None)
    moment = utc_now()  # the clock stands still: a slow machine must not let the wait pass
    lab.signout.auth.clock = lambda: moment
    for _ in range(2):
        with pytest.raises(WorkflowError, match="password is not correct"):
            lab.signout.sign_out(lab.path, stored.entry.accession, WRONG, stored.version)
    with pytest.raises(WorkflowError, match="too many wrong passwords in a row: wait"):
        lab.signout.sign_out(lab.path, stored.entry.accession, PASSWORDS["pia"], stored.version)
    assert len(checks) == 2
    refused = lab.events("sign-out-refused")[-1]
    assert "too many wrong passwords" in json.loads(refused.new)["reasons"][0]


def test_sign_in_and_signature_share_one_count(lab: Lab) -> None:
    _patient(lab)
    stored = lab.cases(lab.tech).save(make_entry(), None)
    for _ in range(3):
        _attempt(lab, "pia", WRONG)
    for _ in range(2):
        with pytest.raises(WorkflowError):
            lab.signout.sign_out(lab.path, stored.entry.accession, WRONG, stored.version)
    assert lab.auth.lock_states()[lab.path.user_id].locked


def test_a_right_signature_resets_the_count(lab: Lab) -> None:
    _patient(lab)
    stored = lab.cases(lab.tech).save(make_entry(), None)
    for _ in range(4):
        _attempt(lab, "pia", WRONG)
    done = lab.signout.sign_out(lab.path, stored.entry.accession, PASSWORDS["pia"], stored.version)
    assert done.version == stored.version + 1
    assert lab.path.user_id not in lab.auth.lock_states()


def test_adjudication_and_amendment_signatures_count_too(lab: Lab) -> None:
    """Every electronic signature is the same password: each wrong one counts towards the lock."""
    _patient(lab)
    stored = lab.cases(lab.tech).save(make_entry(ish=IshDetails()), None)  # IHC 2+ alone: equivocal
    accession = stored.entry.accession
    for _ in range(3):
        with pytest.raises(WorkflowError, match="the adjudication was not recorded"):
            lab.signout.adjudicate(
                lab.path, accession, Status.NEGATIVE, REASON, stored.version, password=WRONG
            )
    for _ in range(2):
        with pytest.raises(WorkflowError, match="the case was not amended") as refused:
            lab.signout.amend(lab.path, accession, REASON, stored.version, password=WRONG)
    assert refused.value.reasons[-1].startswith("your account: this account is locked")
    with pytest.raises(WorkflowError, match="must unlock it; the adjudication was not recorded"):
        lab.signout.adjudicate(
            lab.path, accession, Status.NEGATIVE, REASON, stored.version, password=PASSWORDS["pia"]
        )
    assert len(lab.events("signature-failed")) == 5
    amend_refusals = [json.loads(e.new)["reasons"] for e in lab.events("amend-refused")]
    assert amend_refusals  # the case is not signed out, so amending is refused for that too
    assert not any("password is not correct" in r for reasons in amend_refusals for r in reasons)


def test_a_form_to_correct_anyway_spends_no_password_attempt(lab: Lab, checks: list[str]) -> None:
    """A reason too short, or no password typed at all, is refused before any password is checked: a
    pathologist correcting the form is not made to wait (or locked) for it."""
    stored = lab.cases(lab.tech).save(make_entry(ish=IshDetails()), None)  # equivocal
    accession = stored.entry.accession
    for _ in range(3):
        with pytest.raises(WorkflowError, match="needs a reason of at least 10 characters"):
            lab.signout.adjudicate(
                lab.path, accession, Status.POSITIVE, "short", stored.version, password=WRONG
            )
        with pytest.raises(WorkflowError, match="type your password to sign; the adjudication was not"):
            lab.signout.adjudicate(lab.path, accession, Status.POSITIVE, REASON, stored.version, password="")
    assert checks == []
    assert lab.events("signature-failed") == []
    assert len(lab.events("adjudicate-refused")) == 6  # each refusal is still audited
    done = lab.signout.adjudicate(
        lab.path, accession, Status.POSITIVE, REASON, stored.version, password=PASSWORDS["pia"]
    )
    assert done.version == stored.version + 1


# -- item 3: what counts as a password ----------------------------------------------------------------


@pytest.mark.parametrize(
    "password",
    [
        " " * 8,
        "\0" * 8,
        " " * 12,
        "\0" * 12,
        "\t \n\r\x0b\x0c  \u00a0\u2003",  # every kind of space, ten of them
        "\u200b" * 10,  # zero-width spaces: invisible
        "abcdefghi",  # nine characters
    ],
    ids=["8 spaces", "8 NULs", "12 spaces", "12 NULs", "mixed spaces", "zero-width", "9 chars"],
)
def test_blank_or_short_passwords_are_refused_everywhere(lab: Lab, password: str) -> None:
    with pytest.raises(UserInputError, match=REFUSED):
        lab.auth.create_user("eve", password, Role.TECHNOLOGIST, by=lab.admin)
    with pytest.raises(UserInputError, match=REFUSED):
        lab.auth.set_password(lab.admin, lab.tech.user_id, password)
    assert "eve" not in {u.username for u in lab.auth.users()}
    assert lab.auth.login("tom", PASSWORDS["tom"]).actor == lab.tech


@pytest.mark.parametrize("password", ["abcdefghij", " pass phrase ", "pässwörd-ü", "\0" * 9 + "x"])
def test_ten_characters_with_something_visible_are_enough(lab: Lab, password: str) -> None:
    eve = lab.auth.create_user("eve", password, Role.TECHNOLOGIST, by=lab.admin)
    assert lab.auth.login("eve", password).actor == eve


def test_an_older_short_password_still_signs_in(lab: Lab) -> None:
    """The rule is for new passwords; an account made under the old one is not locked out by it."""
    from sqlalchemy import update

    from her2desk.store.schema import User

    with lab.database.write_engine.begin() as connection:
        connection.execute(
            update(User)
            .where(User.id == lab.tech.user_id)
            .values(password_hash=auth_service.hash_password("8-chars!"))
        )
    assert lab.auth.login("tom", "8-chars!").actor == lab.tech


# -- item 4: a password typed into the user-name field ------------------------------------------


def _everything_stored(lab: Lab) -> str:
    with lab.database.engine.connect() as connection:
        parts = [
            json.dumps([list(map(str, r)) for r in connection.execute(select(AuditRow.__table__)).all()]),
            json.dumps(
                [list(map(str, r)) for r in connection.execute(text("SELECT * FROM sign_in_throttle"))]
            ),
            json.dumps([list(map(str, r)) for r in connection.execute(text("SELECT * FROM app_metadata"))]),
        ]
    return "\n".join(parts)


def test_a_password_typed_as_the_user_name_never_reaches_the_database(lab: Lab) -> None:
    _patient(lab)
    secret = PASSWORDS["pia"]
    for password in ("", secret, WRONG, WRONG, WRONG, WRONG):  # the sixth is refused: locked
        _attempt(lab, secret, password)
    stored = _everything_stored(lab)
    assert secret not in stored
    assert secret.casefold() not in stored.casefold()
    failed = lab.events("login-failed", "account-locked", "login-refused")
    assert {json.loads(e.new)["username"] for e in failed} == {"(unknown user)"}
    assert {e.who for e in failed} == {"(not signed in)"}
    assert {e.record for e in failed} == {""}
