"""Unusable database addresses, and reading commands at a mistyped path, through the real `her2desk` entry.

Every command says in words why an address names no database it can use (never a traceback, never
the password), and a command that only reads leaves no new empty SQLite file behind at a wrong path.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from her2desk.cli import main
from her2desk.store.database import DatabaseError, DatabaseMissingError, open_database

PASSWORD = "s3cret-pw"
ADDRESSES = {
    "unknown-scheme": "foo://bar",
    "mysql": f"mysql://lab:{PASSWORD}@db.example/her2",
    "empty": "",
    "blank": "   ",
    "missing-driver": f"postgresql+psycopg2://lab:{PASSWORD}@db.example/her2",
    "bad-port": f"postgresql://lab:{PASSWORD}@db.example:port/her2",
}
HINT = "give an SQLite file path or a postgresql+psycopg:// URL"


def _commands(tmp_path: Path) -> dict[str, list[str]]:
    return {
        "users-list": ["users", "list"],
        "users-add": ["users", "add", "ada", "--role", "administrator"],
        "handout": ["handout", "S26-00001", "-o", str(tmp_path / "h.pdf")],
        "settings-show": ["settings", "show"],
        "settings-set": ["settings", "set", "lab_name", "Synthetic Lab"],
        "db-check": ["db", "check"],
        "db-upgrade": ["db", "upgrade"],
        "db-backup": ["db", "backup", str(tmp_path / "copy.sqlite3")],
        "export": ["export", "--format", "csv"],
    }


COMMAND_NAMES = list(_commands(Path("/")))


def _run(
    argv: list[str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> tuple[int, str]:
    monkeypatch.setattr(sys, "stdin", io.StringIO("admin-pass-1\nadmin-pass-1\n"))
    code = main(argv)
    captured = capsys.readouterr()
    return code, captured.out + captured.err


@pytest.mark.parametrize("command", COMMAND_NAMES)
@pytest.mark.parametrize("address", list(ADDRESSES.values()), ids=list(ADDRESSES))
def test_an_unusable_address_is_refused_in_words(
    address: str,
    command: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    code, output = _run(["--database", address, *_commands(tmp_path)[command]], capsys, monkeypatch)
    assert code in (1, 2), output
    if (command, address) == ("db-backup", ADDRESSES["missing-driver"]):
        assert "backup failed: pg_dump" in output  # pg_dump needs no Python driver; it says why it failed
    else:
        assert HINT in output
    assert "Traceback" not in output
    assert PASSWORD not in output
    assert sorted(p.name for p in tmp_path.iterdir()) == []  # nothing created (not even "   ")


@pytest.mark.parametrize("command", ["users-list", "handout", "settings-show", "export"])
def test_a_reading_command_does_not_create_a_database_at_a_mistyped_path(
    command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    typo = tmp_path / "lab.sqlite"  # the real one is lab.sqlite3
    code, output = _run(["--database", str(typo), *_commands(tmp_path)[command]], capsys, monkeypatch)
    assert code == 1, output
    assert f"{typo}" in output
    assert "no such file" in output
    assert "Traceback" not in output
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def test_a_reading_command_reads_an_existing_database(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The refusal above is about the missing file only: the same commands work on a real one."""
    path = tmp_path / "lab.sqlite3"
    open_database(str(path)).close()
    code, output = _run(["--database", str(path), "users", "list"], capsys, monkeypatch)
    assert code == 0, output
    assert "users add NAME --role administrator" in output
    code, output = _run(["--database", str(path), "settings", "show"], capsys, monkeypatch)
    assert code == 0, output
    assert "lab_name" in output


def test_a_writing_command_still_creates_a_new_database(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first administrator is added to a database that does not exist yet (the documented start)."""
    path = tmp_path / "new.sqlite3"
    code, output = _run(
        ["--database", str(path), "users", "add", "ada", "--role", "administrator"], capsys, monkeypatch
    )
    assert code == 0, output
    assert path.is_file()


def test_open_database_refuses_in_words(tmp_path: Path) -> None:
    with pytest.raises(DatabaseError, match="not a database address") as refused:
        open_database(f"mysql://lab:{PASSWORD}@db.example/her2")
    assert PASSWORD not in str(refused.value)
    assert "mysql://lab:***@db.example/her2" in str(refused.value)
    with pytest.raises(DatabaseError, match="address is empty"):
        open_database("")
    with pytest.raises(DatabaseMissingError, match="no such file"):
        open_database(str(tmp_path / "missing.sqlite3"), create=False)
    assert not (tmp_path / "missing.sqlite3").exists()


def test_a_blank_environment_address_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HER2DESK_DATABASE_URL", "  ")
    with pytest.raises(DatabaseError, match="HER2DESK_DATABASE_URL holds only spaces"):
        open_database()
    assert list(tmp_path.iterdir()) == []


def test_the_real_command_line_says_it_without_a_traceback(tmp_path: Path) -> None:
    """The installed entry point, as a person would type it (one process: the others run main())."""
    env = {**os.environ, "HER2DESK_DATABASE_URL": f"mysql://lab:{PASSWORD}@db.example/her2"}
    done = subprocess.run(
        [sys.executable, "-m", "her2desk", "users", "list"],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=120,
    )
    assert done.returncode == 1
    assert "mysql://lab:***@db.example/her2 is not a database address her2desk can use" in done.stderr
    assert "Traceback" not in done.stderr
    assert PASSWORD not in done.stderr + done.stdout


def test_the_desktop_program_says_it_too(tmp_path: Path) -> None:
    """`her2desk --database ADDRESS` (the GUI) reports the same words and exits 1 (no dialog when timing)."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-m", "her2desk", "--database", f"mysql://lab:{PASSWORD}@db.example/her2",
         "--quit-after-paint"],
        capture_output=True, text=True, env=env, cwd=tmp_path, timeout=120,
    )  # fmt: skip
    assert done.returncode == 1, done.stderr
    assert "mysql://lab:***@db.example/her2 is not a database address her2desk can use" in done.stderr
    assert "Traceback" not in done.stderr
    assert PASSWORD not in done.stderr + done.stdout
