"""`her2desk users add|list` as a user runs them (a subprocess, password on standard input)."""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import text

from her2desk.cli import main
from her2desk.services.auth_service import AuthService, password_matches
from her2desk.store.database import open_database
from her2desk.store.schema_status import HEAD_REVISION

DATA = Path(__file__).resolve().parent.parent / "data"


def _her2desk(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "her2desk", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_users_add_and_list(tmp_path: Path) -> None:
    db = str(tmp_path / "lab.sqlite3")
    first = _her2desk("users", "add", "ada", "--role", "administrator", "--database", db,
                      stdin="admin-pass-1\nadmin-pass-1\n")  # fmt: skip
    assert first.returncode == 0, first.stderr
    assert first.stdout.strip() == "added ada (administrator)"
    second = _her2desk(
        "users", "add", "pia", "--role", "pathologist", "--display-name", "Dr Pia Path", "--database", db,
        "--as", "ada", stdin="admin-pass-1\npath-pass-1\npath-pass-1\n",
    )  # fmt: skip
    assert second.returncode == 0, second.stderr
    listing = _her2desk("users", "list", "--database", db)
    assert listing.returncode == 0, listing.stderr
    assert listing.stdout.splitlines() == [
        "ada\tadministrator\tactive\tada",
        "pia\tpathologist\tactive\tDr Pia Path",
    ]
    database = open_database(db)
    try:
        assert AuthService(database).login("pia", "path-pass-1").actor.username == "pia"
        with database.engine.connect() as connection:
            who = (
                connection.execute(
                    text("SELECT who FROM audit WHERE table_name = 'app_user' AND action = 'insert'")
                )
                .scalars()
                .all()
            )
        assert len(who) == 2
        assert who[0].startswith("cli:")  # the first administrator of an empty database
        assert who[1] == "ada"  # after that, the administrator who signed in with --as
    finally:
        database.close()


@pytest.mark.parametrize(
    ("args", "stdin", "message"),
    [
        (("pia", "--role", "pathologist"), "path-pass-1\npath-pass-1\n", "must be an administrator"),
        (("ada", "--role", "administrator"), "admin-pass-1\nother-pass-1\n", "passwords differ"),
        (("ada", "--role", "administrator"), "admin-pass-1\n", "password twice"),
        (("ada", "--role", "administrator"), "short\nshort\n", "at least 10"),
        (("not a name", "--role", "administrator"), "admin-pass-1\nadmin-pass-1\n", "user name is"),
        (("ada", "--role", "chief"), "admin-pass-1\nadmin-pass-1\n", "invalid choice"),
    ],
)
def test_users_add_refuses_bad_input_with_exit_2(tmp_path: Path, args, stdin: str, message: str) -> None:
    db = str(tmp_path / "lab.sqlite3")
    done = _her2desk("users", "add", *args, "--database", db, stdin=stdin)
    assert done.returncode == 2
    assert message in done.stderr
    assert "Traceback" not in done.stderr


def test_users_add_refuses_a_duplicate_name(tmp_path: Path) -> None:
    db = str(tmp_path / "lab.sqlite3")
    assert _her2desk("users", "add", "ada", "--role", "administrator", "--database", db,
                     stdin="admin-pass-1\nadmin-pass-1\n").returncode == 0  # fmt: skip
    again = _her2desk("users", "add", "ada", "--role", "pathologist", "--database", db, "--as", "ada",
                      stdin="admin-pass-1\npath-pass-1\npath-pass-1\n")  # fmt: skip
    assert again.returncode == 2
    assert "already a user named ada" in again.stderr


def test_users_list_on_an_empty_database_says_how_to_start(tmp_path: Path) -> None:
    open_database(str(tmp_path / "lab.sqlite3")).close()  # `users list` creates no database (it only reads)
    done = _her2desk("users", "list", "--database", str(tmp_path / "lab.sqlite3"))
    assert done.returncode == 0
    assert "users add NAME --role administrator" in done.stdout


@pytest.mark.parametrize("saved", sorted(DATA.glob("schema-v*.sqlite3")), ids=lambda p: p.name)
def test_an_upgraded_database_keeps_its_audit_append_only(saved: Path, tmp_path: Path) -> None:
    """Revision 0004 rebuilds the SQLite audit table (wider action column): its triggers must survive."""
    copy = tmp_path / saved.name
    shutil.copy(saved, copy)
    database = open_database(str(copy))
    try:
        assert database.revision() == HEAD_REVISION
        with pytest.raises(Exception, match="append-only"), database.engine.begin() as connection:
            connection.execute(text("DELETE FROM audit"))
        with pytest.raises(Exception, match="append-only"), database.engine.begin() as connection:
            connection.execute(text("UPDATE audit SET who = 'x'"))
        auth = AuthService(database)
        if saved.name == "schema-v6.sqlite3":  # the v6 file has accounts already (its adjudications)
            auth.login("v6-admin", "v6-password-1")
        else:
            auth.create_user("ada", "admin-pass-1", "administrator")
            auth.login("ada", "admin-pass-1")
        with database.engine.connect() as connection:
            actions = connection.execute(text("SELECT action FROM audit ORDER BY id")).scalars().all()
            old_rows = connection.execute(text("SELECT count(*) FROM her2_case")).scalar_one()
            versions = connection.execute(text("SELECT report_version FROM her2_case")).scalars().all()
        assert actions[-1] == "login"
        # v5 adds four cases, v6 two adjudicated ones
        assert old_rows == {"schema-v5.sqlite3": 6, "schema-v6.sqlite3": 8}.get(saved.name, 2)
        assert versions == [1] * old_rows
    finally:
        database.close()


# --- Administrator credentials once the database has users (in-process: the same `main` the command runs) ---


def _main(argv: list[str], stdin: str, monkeypatch: pytest.MonkeyPatch) -> int:
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))  # not a terminal: passwords come line by line
    return main(argv)


def _lab(tmp_path: Path) -> str:
    """An administrator ada, a pathologist pia and an inactive technologist tom."""
    db = str(tmp_path / "lab.sqlite3")
    database = open_database(db)
    try:
        auth = AuthService(database)
        auth.create_user("ada", "admin-pass-1", "administrator")
        ada = auth.login("ada", "admin-pass-1").actor
        auth.create_user("pia", "path-pass-1", "pathologist", by=ada)
        auth.create_user("tom", "tech-pass-1", "technologist", by=ada)
        tom = auth.login("tom", "tech-pass-1").actor
        auth.set_active(ada, tom.user_id, False)
    finally:
        database.close()
    return db


def _state(db: str) -> tuple[list[tuple[str, str, bool]], list[tuple[str, str]], bool, bool]:
    """Users, audit rows other than sign-ins, and whether pia's and tom's old passwords still work."""
    database = open_database(db)
    try:
        auth = AuthService(database)
        users = [(u.username, u.role.value, u.active) for u in auth.users()]
        with database.engine.connect() as connection:
            audit = connection.execute(
                text(
                    "SELECT who, action FROM audit WHERE action NOT IN ('login', 'login-failed') ORDER BY id"
                )
            ).all()
            hashes = dict(connection.execute(text("SELECT username, password_hash FROM app_user")).all())
        return (
            users,
            [tuple(row) for row in audit],
            password_matches(hashes["pia"], "path-pass-1"),
            password_matches(hashes["tom"], "tech-pass-1"),
        )
    finally:
        database.close()


def _login_audit(db: str) -> list[tuple[str, str]]:
    database = open_database(db)
    try:
        with database.engine.connect() as connection:
            rows = connection.execute(
                text("SELECT who, action FROM audit WHERE action IN ('login', 'login-failed') ORDER BY id")
            ).all()
        return [tuple(row) for row in rows]
    finally:
        database.close()


CHANGES = {
    "add": (["users", "add", "mallory", "--role", "administrator"], ["evil-pass-1", "evil-pass-1"]),
    "settings": (["settings", "set", "allow_self_verification", "true"], []),
    "deactivate": (["users", "deactivate", "pia"], []),
    "activate": (["users", "activate", "tom"], []),
    "reset-password": (["users", "reset-password", "pia"], ["evil-pass-1", "evil-pass-1"]),
}
CREDENTIALS = {
    "none": ([], None, "give --as NAME of an active administrator"),
    "wrong-password": (
        ["--as", "ada"],
        "not-her-pass",
        "--as ada: the user name or the password is not correct",
    ),
    "not-an-administrator": (["--as", "pia"], "path-pass-1", "--as pia: pia is not an administrator"),
    "inactive": (["--as", "tom"], "tech-pass-1", "--as tom: the user name or the password is not correct"),
    "unknown": (["--as", "zed"], "admin-pass-1", "--as zed: the user name or the password is not correct"),
}


@pytest.mark.parametrize("credentials", list(CREDENTIALS))
@pytest.mark.parametrize("change", list(CHANGES))
def test_with_users_every_change_needs_an_administrators_password(
    change: str,
    credentials: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    db = _lab(tmp_path)
    before = _state(db)
    logins_before = _login_audit(db)
    argv, new_passwords = CHANGES[change]
    as_args, password, message = CREDENTIALS[credentials]
    lines = ([password] if password is not None else []) + new_passwords
    code = _main([*argv, *as_args, "--database", db], "".join(f"{line}\n" for line in lines), monkeypatch)
    err = capsys.readouterr().err
    assert code == 2, err
    assert message in err
    assert "Traceback" not in err
    assert _state(db) == before  # no user, setting, activation or password changed; no audit row of a change
    new_logins = _login_audit(db)[len(logins_before) :]
    if credentials == "none":
        assert new_logins == []
    elif credentials == "not-an-administrator":
        assert new_logins == [("pia", "login")]  # the password was right: audited as a sign-in
    else:
        assert [action for _who, action in new_logins] == ["login-failed"]


def test_an_administrator_adds_changes_and_resets_with_their_password(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    db = _lab(tmp_path)
    add = ["users", "add", "max", "--role", "administrator", "--as", "ada", "--database", db]
    assert _main(add, "admin-pass-1\nmax-pass-12\nmax-pass-12\n", monkeypatch) == 0
    assert (
        _main(["users", "deactivate", "pia", "--as", "max", "--database", db], "max-pass-12\n", monkeypatch)
        == 0
    )
    assert (
        _main(["users", "activate", "tom", "--as", "ada", "--database", db], "admin-pass-1\n", monkeypatch)
        == 0
    )
    reset = ["users", "reset-password", "tom", "--as", "ada", "--database", db]
    assert _main(reset, "admin-pass-1\nnew-tech-pass\nnew-tech-pass\n", monkeypatch) == 0
    assert capsys.readouterr().out.splitlines() == [
        "added max (administrator)",
        "pia is inactive",
        "tom is active",
        "new password set for tom",
    ]
    users, audit, pia_password, tom_password = _state(db)
    assert ("pia", "pathologist", False) in users
    assert ("tom", "technologist", True) in users
    assert pia_password  # untouched
    assert not tom_password  # reset
    assert audit[-4:] == [("ada", "insert"), ("max", "update"), ("ada", "update"), ("ada", "password")]
    assert _login_audit(db)[-4:] == [("ada", "login"), ("max", "login"), ("ada", "login"), ("ada", "login")]
    database = open_database(db)
    try:
        assert AuthService(database).login("tom", "new-tech-pass").actor.username == "tom"
    finally:
        database.close()


@pytest.mark.parametrize(
    ("argv", "stdin", "message"),
    [
        (["users", "deactivate", "ada"], "admin-pass-1\n", "you cannot deactivate your own account"),
        (["users", "activate", "nobody"], "admin-pass-1\n", "there is no user named nobody"),
        (["users", "reset-password", "pia"], "admin-pass-1\nnew-pass-123\n", "give the password twice"),
        (["users", "reset-password", "pia"], "admin-pass-1\nshort\nshort\n", "at least 10"),
        (["users", "add", "pia", "--role", "pathologist"], "admin-pass-1\n", "give the password twice"),
        (["users", "add", "pia", "--role", "pathologist"], "", "give the password of ada"),
    ],
)
def test_an_administrators_bad_request_is_refused_with_exit_2(
    argv: list[str],
    stdin: str,
    message: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    db = _lab(tmp_path)
    before = _state(db)
    assert _main([*argv, "--as", "ada", "--database", db], stdin, monkeypatch) == 2
    assert message in capsys.readouterr().err
    assert _state(db) == before


@pytest.mark.parametrize(
    ("command", "actions"),
    [
        ("users", ["add", "list", "deactivate", "activate", "reset-password", "unlock"]),
        ("settings", ["show", "set"]),
    ],
)
def test_a_command_without_an_action_lists_its_actions(
    command: str, actions: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([command]) == 2
    err = capsys.readouterr().err
    assert "choose an action" in err
    assert all(f"\n    {action} " in err or f"\n    {action}\n" in err for action in actions), err
