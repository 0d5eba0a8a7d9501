"""`her2desk users add|list` as a user runs them (a subprocess, password on standard input)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import text

from her2desk.services.auth_service import AuthService
from her2desk.store.database import open_database
from her2desk.store.versioning import HEAD_REVISION

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
        stdin="path-pass-1\npath-pass-1\n",
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
        assert all(w.startswith("cli:") for w in who)
    finally:
        database.close()


@pytest.mark.parametrize(
    ("args", "stdin", "message"),
    [
        (("pia", "--role", "pathologist"), "path-pass-1\npath-pass-1\n", "must be an administrator"),
        (("ada", "--role", "administrator"), "admin-pass-1\nother-pass-1\n", "passwords differ"),
        (("ada", "--role", "administrator"), "admin-pass-1\n", "password twice"),
        (("ada", "--role", "administrator"), "short\nshort\n", "at least 8"),
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
    again = _her2desk("users", "add", "ada", "--role", "pathologist", "--database", db,
                      stdin="path-pass-1\npath-pass-1\n")  # fmt: skip
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
        auth.create_user("ada", "admin-pass-1", "administrator")
        auth.login("ada", "admin-pass-1")
        with database.engine.connect() as connection:
            actions = connection.execute(text("SELECT action FROM audit ORDER BY id")).scalars().all()
            old_rows = connection.execute(text("SELECT count(*) FROM her2_case")).scalar_one()
            versions = connection.execute(text("SELECT report_version FROM her2_case")).scalars().all()
        assert actions[-1] == "login"
        assert old_rows == (6 if saved.name == "schema-v5.sqlite3" else 2)  # v5 adds four cases
        assert versions == [1] * old_rows
    finally:
        database.close()
