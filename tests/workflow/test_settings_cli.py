"""`her2desk settings show|set` on a real SQLite file: every setting listed, changes audited under the
operating-system account while the database has no users (then by the `--as` administrator), unknown
names and bad values refused with exit 2 and nothing changed."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import text

from her2desk.cli import main
from her2desk.domain.lab_settings import SETTING_LABELS, SETTING_NAMES
from her2desk.domain.rule_settings import DEFAULT_RULES_VERSION, RULE_SETTING_LABELS, RULE_SETTING_NAMES
from her2desk.services.auth_service import AuthService
from her2desk.services.lab_settings_service import LabSettingsService
from her2desk.store.database import open_database


def _settings_audit(db: str) -> list[tuple[str, str, str]]:
    database = open_database(db)
    try:
        with database.engine.connect() as connection:
            rows = connection.execute(
                text("SELECT who, record, new FROM audit WHERE action = 'setting' ORDER BY id")
            ).all()
        return [(who, record, json.loads(new)["value"]) for who, record, new in rows]
    finally:
        database.close()


def test_show_lists_every_setting_with_its_value_and_label(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "lab.sqlite3")
    open_database(db).close()  # `settings show` only reads: it creates no database
    assert main(["settings", "show", "--database", db]) == 0
    lines = capsys.readouterr().out.splitlines()
    names = [*SETTING_NAMES, *RULE_SETTING_NAMES, "rules_version"]
    assert [line.split("\t")[0] for line in lines] == names  # workflow, rules, comments, then the version
    assert "allow_self_verification\tfalse\tAllow self-verification" in lines
    assert "idle_lock_minutes\t10\tIdle lock (minutes)" in lines
    labels = {**SETTING_LABELS, **RULE_SETTING_LABELS}
    assert all(line.split("\t")[2] == labels[line.split("\t")[0]] for line in lines[:-1])
    assert lines[-1].startswith(f"rules_version\t{DEFAULT_RULES_VERSION}\tRules version")


def test_set_changes_the_setting_for_every_workstation_and_is_audited(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "lab.sqlite3")
    assert main(["settings", "set", "allow_self_verification", "yes", "--database", db]) == 0
    assert capsys.readouterr().out.strip() == "allow_self_verification: 'false' -> 'true'"
    assert main(["settings", "set", "lab_contact", "Call 555-0100, Monday to Friday", "--database", db]) == 0
    assert main(["settings", "set", "lab_contact", "Call 555-0100, Monday to Friday", "--database", db]) == 0
    assert "already" in capsys.readouterr().out.splitlines()[-1]
    database = open_database(db)
    try:
        settings = LabSettingsService(database).load()
    finally:
        database.close()
    assert settings.allow_self_verification is True
    assert settings.lab_contact == "Call 555-0100, Monday to Friday"
    audit = _settings_audit(db)
    assert [(record, value) for _who, record, value in audit] == [
        ("allow_self_verification", "true"),
        ("lab_contact", "Call 555-0100, Monday to Friday"),
    ]
    assert all(who.startswith("cli:") for who, _record, _value in audit)
    assert main(["settings", "show", "--database", db]) == 0
    assert "allow_self_verification\ttrue\tAllow self-verification" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("colour", "red", "unknown setting 'colour'; settings are: lab_name, lab_contact"),
        ("idle_lock_minutes", "0", "idle_lock_minutes: '0' is not allowed; use a whole number from 1 to 240"),
        ("allow_preliminary_handouts", "perhaps", "allow_preliminary_handouts: 'perhaps' is not allowed"),
        ("handout_language", "de", "handout_language: 'de' is not allowed; use one of en, es"),
    ],
)
def test_set_refuses_an_unknown_name_or_a_bad_value_with_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, value: str, message: str
) -> None:
    db = tmp_path / "lab.sqlite3"
    assert main(["settings", "set", name, value, "--database", str(db)]) == 2
    err = capsys.readouterr().err
    assert message in err
    assert err.strip().endswith("nothing was changed")
    assert not db.exists()  # refused before a database was opened or created


def test_an_unreadable_stored_value_is_shown_as_the_default_with_a_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "lab.sqlite3")
    database = open_database(db)
    try:
        with database.write_engine.begin() as connection:
            connection.execute(
                text(
                    "INSERT INTO lab_setting (name, value, changed_at, changed_by) "
                    "VALUES ('idle_lock_minutes', 'forever', '2026-11-24 22:00:00', 'by-hand')"
                )
            )
    finally:
        database.close()
    assert main(["settings", "show", "--database", db]) == 0
    captured = capsys.readouterr()
    assert "idle_lock_minutes\t10\tIdle lock (minutes)" in captured.out
    assert "warning: the stored value of idle_lock_minutes cannot be used" in captured.err


def test_the_real_command_exits_2_without_a_traceback(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "her2desk", "settings", "set", "idle_lock_minutes", "ten", "--database",
         str(tmp_path / "lab.sqlite3")],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 2
    assert "idle_lock_minutes: 'ten' is not allowed" in done.stderr
    assert "Traceback" not in done.stderr


def test_once_there_are_users_set_needs_an_administrators_password(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    db = str(tmp_path / "lab.sqlite3")
    database = open_database(db)
    try:
        AuthService(database).create_user("ada", "admin-pass-1", "administrator")
        ada = AuthService(database).login("ada", "admin-pass-1").actor
        AuthService(database).create_user("pia", "path-pass-1", "pathologist", by=ada)
    finally:
        database.close()
    change = ["settings", "set", "allow_self_verification", "true", "--database", db]
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    assert main(change) == 2
    assert "give --as NAME of an active administrator" in capsys.readouterr().err
    monkeypatch.setattr(sys, "stdin", io.StringIO("wrong-pass-1\n"))
    assert main([*change, "--as", "ada"]) == 2
    assert "the user name or the password is not correct; nothing was changed" in capsys.readouterr().err
    monkeypatch.setattr(sys, "stdin", io.StringIO("path-pass-1\n"))
    assert main([*change, "--as", "pia"]) == 2
    assert "pia is not an administrator" in capsys.readouterr().err
    assert _settings_audit(db) == []
    monkeypatch.setattr(sys, "stdin", io.StringIO("admin-pass-1\n"))
    assert main([*change, "--as", "ada"]) == 0
    assert capsys.readouterr().out.strip() == "allow_self_verification: 'false' -> 'true'"
    assert _settings_audit(db) == [("ada", "allow_self_verification", "true")]  # by the signed-in actor
