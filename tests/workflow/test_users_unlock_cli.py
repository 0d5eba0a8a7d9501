"""`her2desk users unlock NAME`: an administrator lifts a lock; `users list` shows who is locked; when
every administrator is locked, the operator with the database in hand may unlock one (audited)."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest
from sqlalchemy import text

from her2desk.cli import main
from her2desk.services.auth_service import AuthenticationError, AuthService
from her2desk.services.lab_settings_service import LabSettingsService
from her2desk.store.database import open_database


def _main(argv: list[str], stdin: str, monkeypatch: pytest.MonkeyPatch) -> int:
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    return main(argv)


def _lab(tmp_path: Path, *locked: str) -> str:
    """Administrators ada and bea, a pathologist pia (no wait between attempts); `locked` are locked."""
    db = str(tmp_path / "lab.sqlite3")
    database = open_database(db)
    try:
        auth = AuthService(database)
        auth.create_user("ada", "admin-pass-1", "administrator")
        ada = auth.login("ada", "admin-pass-1").actor
        auth.create_user("bea", "admin-pass-2", "administrator", by=ada)
        auth.create_user("pia", "path-pass-1", "pathologist", by=ada)
        LabSettingsService(database).update(ada, "failure_delay_seconds", "0")
        for name in locked:
            for _ in range(5):
                with pytest.raises(AuthenticationError):
                    auth.login(name, "wrong-password")
    finally:
        database.close()
    return db


def _events(db: str, action: str) -> list[tuple[str, str]]:
    database = open_database(db)
    try:
        with database.engine.connect() as connection:
            rows = connection.execute(
                text("SELECT who, record FROM audit WHERE action = :a ORDER BY id"), {"a": action}
            ).all()
        return [tuple(r) for r in rows]
    finally:
        database.close()


def test_an_administrator_unlocks_a_user_and_the_list_shows_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    db = _lab(tmp_path, "pia")
    assert _main(["users", "list", "--database", db], "", monkeypatch) == 0
    assert "pia\tpathologist\tactive, locked\tpia" in capsys.readouterr().out.splitlines()
    assert (
        _main(["users", "unlock", "pia", "--as", "ada", "--database", db], "admin-pass-1\n", monkeypatch) == 0
    )
    assert capsys.readouterr().out.strip() == "pia is unlocked"
    assert _events(db, "account-unlocked") == [("ada", "3")]
    assert (
        _main(["users", "unlock", "pia", "--as", "ada", "--database", db], "admin-pass-1\n", monkeypatch) == 0
    )
    assert capsys.readouterr().out.strip() == "pia was not locked"
    assert _main(["users", "list", "--database", db], "", monkeypatch) == 0
    assert "pia\tpathologist\tactive\tpia" in capsys.readouterr().out.splitlines()


def test_without_credentials_nothing_is_unlocked_while_an_administrator_can_sign_in(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    db = _lab(tmp_path, "ada", "pia")  # bea can still sign in
    assert _main(["users", "unlock", "ada", "--database", db], "", monkeypatch) == 2
    assert "an administrator who can sign in exists" in capsys.readouterr().err
    assert _events(db, "account-unlocked") == []


def test_when_every_administrator_is_locked_the_operator_unlocks_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    db = _lab(tmp_path, "ada", "bea")
    code = _main(["users", "unlock", "ada", "--as", "ada", "--database", db], "admin-pass-1\n", monkeypatch)
    assert code == 2
    assert "--as ada: this account is locked" in capsys.readouterr().err
    assert _main(["users", "unlock", "ada", "--database", db], "", monkeypatch) == 0
    assert capsys.readouterr().out.strip() == "ada is unlocked"
    [(who, record)] = _events(db, "account-unlocked")
    assert who.startswith("cli:")
    assert record == "1"
    database = open_database(db)
    try:
        assert AuthService(database).login("ada", "admin-pass-1").actor.username == "ada"
    finally:
        database.close()


def test_without_credentials_only_a_locked_administrator_is_unlocked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The escape hatch reopens the lab to its administrators; it is no way round anyone else's lock."""
    db = _lab(tmp_path, "ada", "bea", "pia")
    assert _main(["users", "unlock", "pia", "--database", db], "", monkeypatch) == 2
    assert "only a locked administrator is unlocked" in capsys.readouterr().err
    assert _events(db, "account-unlocked") == []
    assert _main(["users", "unlock", "bea", "--database", db], "", monkeypatch) == 0
    capsys.readouterr()
    code = _main(["users", "unlock", "pia", "--as", "bea", "--database", db], "admin-pass-2\n", monkeypatch)
    assert code == 0
    assert capsys.readouterr().out.strip() == "pia is unlocked"
    assert [who.split(":")[0] for who, _record in _events(db, "account-unlocked")] == ["cli", "bea"]
