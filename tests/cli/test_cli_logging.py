"""What every command writes to the log file, `--log-level`, and how an unexpected error ends a command:
one line on stderr naming the log, exit status 1, the traceback in the log. Expected problems keep
their own messages; a reader that goes away ends the command quietly."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from support.handout_cases import database_with_one_case

from her2desk import app_logging
from her2desk.cli import SIGPIPE_EXIT, command_name, data_handlers, main


@pytest.fixture
def log_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    folder = tmp_path / "logs"
    monkeypatch.setenv(app_logging.ENV_VAR, str(folder))
    yield folder
    app_logging.shutdown()


@pytest.fixture
def database(tmp_path: Path) -> str:
    return database_with_one_case(tmp_path)


def test_a_command_logs_its_start_and_end_and_closes_the_file(
    log_folder: Path, database: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--database", database, "db", "check"]) == 0
    logged = (log_folder / "her2desk.log").read_text(encoding="utf-8")
    assert "started: command 'db check', database sqlite, log level info" in logged
    assert "stopped: command 'db check', exit status 0" in logged
    assert app_logging.current_path() is None  # closed at the end of the command
    assert database not in logged  # a database is named by its kind, never its address


def test_the_log_level_is_a_global_option(log_folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = ["interpret", "--site", "breast", "--procedure", "core-needle-biopsy", "--ihc", "3+"]
    assert main(["--log-level", "warning", *args]) == 0
    assert (log_folder / "her2desk.log").read_text(encoding="utf-8") == ""  # its start is INFO
    assert main(["--log-level", "debug", *args]) == 0
    assert "log level debug" in (log_folder / "her2desk.log").read_text(encoding="utf-8")
    with pytest.raises(SystemExit) as refused:
        main(["--log-level", "chatty", *args])
    assert refused.value.code == 2
    assert "--log-level: invalid choice: 'chatty'" in capsys.readouterr().err


def test_a_postgresql_password_never_reaches_the_log() -> None:
    assert app_logging.database_kind("postgresql+psycopg://her2:s3cret@db.lab/her2desk") == "postgresql"
    assert app_logging.database_kind("postgres://her2:s3cret@db.lab/her2desk") == "postgresql"
    assert app_logging.database_kind("/srv/lab/cases.sqlite3") == "sqlite"
    assert app_logging.database_kind("sqlite:///srv/lab/cases.sqlite3") == "sqlite"


def test_the_command_name_includes_the_action(capsys: pytest.CaptureFixture[str]) -> None:
    from her2desk.cli import build_parser

    parser = build_parser()
    assert command_name(parser.parse_args(["db", "check"])) == "db check"
    assert command_name(parser.parse_args(["export", "--format", "csv"])) == "export"
    assert command_name(parser.parse_args(["--demo"])) == "gui"


def test_an_unexpected_error_prints_one_line_and_logs_the_traceback(
    log_folder: Path, database: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(_args: object) -> int:
        return int("not a number")  # a defect: ValueError

    monkeypatch.setattr(data_handlers, "run_export", broken)
    assert main(["--database", database, "export", "--format", "csv"]) == 1
    captured = capsys.readouterr()
    path = log_folder / "her2desk.log"
    assert captured.err == f"her2desk: unexpected error (ValueError). Details were written to {path}\n"
    assert captured.out == ""
    logged = path.read_text(encoding="utf-8")
    assert "ERROR   her2desk: unexpected error in command 'export'" in logged
    assert "Traceback (most recent call last):" in logged
    assert 'return int("not a number")' in logged  # the frame that failed
    assert "builtins.ValueError: <message withheld:" in logged
    assert "stopped: command 'export', exit status 1" in logged


def test_an_unexpected_error_without_a_log_file_says_so(
    tmp_path: Path, database: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    monkeypatch.setenv(app_logging.ENV_VAR, str(blocker))
    monkeypatch.setattr(data_handlers, "run_export", lambda _args: [][0])
    assert main(["--database", database, "export", "--format", "csv"]) == 1
    err = capsys.readouterr().err
    assert err == "her2desk: unexpected error (IndexError). No log file could be written\n"


def test_expected_problems_keep_their_own_messages(
    log_folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "missing.sqlite3"
    assert main(["--database", str(missing), "export", "--format", "csv"]) == 1
    err = capsys.readouterr().err
    assert "cannot be opened: there is no such file; nothing exported" in err
    assert "unexpected error" not in err
    assert "unexpected error" not in (log_folder / "her2desk.log").read_text(encoding="utf-8")


def test_export_into_a_reader_that_went_away_ends_quietly_and_logs_no_error(
    log_folder: Path, database: str
) -> None:
    """`her2desk export --format csv | head -1`, in a real process: exit status 141 (the shell's status
    for a writer stopped by SIGPIPE), nothing on stderr, no error in the log."""
    process = subprocess.Popen(
        [sys.executable, "-m", "her2desk", "--database", database, "export", "--format", "csv"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None
    assert process.stderr is not None
    process.stdout.close()  # the reader went away before the export wrote
    err = process.stderr.read().decode()
    process.stderr.close()
    assert process.wait(timeout=120) == SIGPIPE_EXIT == 141
    assert err == ""
    logged = (log_folder / "her2desk.log").read_text(encoding="utf-8")
    assert f"stopped: command 'export', exit status {SIGPIPE_EXIT}" in logged
    assert "ERROR" not in logged
