"""The log file (`her2desk.app_logging`): where it is, that it rotates, and that no patient data reaches
it, even at DEBUG level, with SQLAlchemy's statement logging switched on, and from an exception whose
message quotes the patient."""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from support.handout_cases import complete_entry
from support.lab import PASSWORDS, open_lab

from her2desk import __version__, app_logging
from her2desk.cli import main
from her2desk.services.auth_service import AuthenticationError

FAMILY = "Zyxwortha-Logtest"
GIVEN = "Quilliamina"
MRN = "LOGMRN0047110"
ACCESSION = "S26-07991"
BIRTH = "1958-11-29"


@pytest.fixture
def log_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    folder = tmp_path / "logs"
    monkeypatch.setenv(app_logging.ENV_VAR, str(folder))
    engine_logger = logging.getLogger("sqlalchemy.engine")
    level = engine_logger.level
    yield folder
    app_logging.shutdown()
    engine_logger.setLevel(level)  # the tests turn SQLAlchemy's statement logging on


def everything_logged(folder: Path) -> str:
    return "".join(path.read_text(encoding="utf-8") for path in sorted(folder.glob("her2desk.log*")))


def test_the_folder_is_the_environment_variable_else_the_user_log_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from platformdirs import user_log_dir

    monkeypatch.setenv(app_logging.ENV_VAR, str(tmp_path / "elsewhere"))
    assert app_logging.log_path() == tmp_path / "elsewhere" / "her2desk.log"
    monkeypatch.delenv(app_logging.ENV_VAR)
    assert app_logging.log_path() == Path(user_log_dir("her2desk", appauthor=False)) / "her2desk.log"


def test_the_file_rotates_at_its_size_keeping_the_older_files(log_folder: Path) -> None:
    path = app_logging.configure("info", max_bytes=2_000, backup_count=2)
    assert path == log_folder / "her2desk.log"
    logging.getLogger("her2desk.test").info("a short line")
    assert not (log_folder / "her2desk.log.1").exists()  # not before the size is reached
    for number in range(200):
        logging.getLogger("her2desk.test").info("line %d of a support session", number)
    assert (log_folder / "her2desk.log.1").exists()
    assert (log_folder / "her2desk.log.2").exists()
    assert not (log_folder / "her2desk.log.3").exists()  # backup_count older files, no more
    assert path.stat().st_size <= 2_000
    assert "line 199 of a support session" in path.read_text(encoding="utf-8")


def test_the_level_decides_what_is_written(log_folder: Path) -> None:
    app_logging.configure("warning")
    logging.getLogger("her2desk.test").info("an everyday event")
    logging.getLogger("her2desk.test").warning("a warning")
    app_logging.configure("debug")
    logging.getLogger("her2desk.test").debug("a detail")
    logged = everything_logged(log_folder)
    assert "an everyday event" not in logged
    assert "WARNING her2desk.test: a warning" in logged
    assert "DEBUG   her2desk.test: a detail" in logged


def test_a_deferred_file_gets_every_record_logged_before_it_opened(log_folder: Path) -> None:
    """The desktop program opens its file after the first paint; nothing logged before is lost, the
    level and the other libraries' filter apply as to the file, and the order is kept."""
    app_logging.configure_deferred("info")
    logging.getLogger("her2desk.test").info("before the paint")
    logging.getLogger("her2desk.test").debug("a detail below the level")
    logging.getLogger("sqlalchemy.engine").warning("a library's warning")
    logging.getLogger("otherlib").info("a library's everyday event")
    assert not (log_folder / "her2desk.log").exists()
    assert app_logging.open_deferred() == log_folder / "her2desk.log"
    logging.getLogger("her2desk.test").info("after the paint")
    logged = everything_logged(log_folder)
    assert "INFO    her2desk.test: before the paint" in logged
    order = [logged.index(text) for text in ("before the paint", "a library's warning", "after the paint")]
    assert order == sorted(order)
    assert "a detail below the level" not in logged
    assert "a library's everyday event" not in logged
    assert logged.count("before the paint") == 1
    assert app_logging.open_deferred() == log_folder / "her2desk.log"  # once open, it stays the one file


def test_a_deferred_file_opens_when_its_path_is_asked_for_or_at_shutdown(log_folder: Path) -> None:
    """A crash report names the log file: it must exist and hold the record by then. A program that
    ends before its first paint still leaves its records in the file."""
    app_logging.configure_deferred("info")
    logging.getLogger("her2desk.test").error("an error before the paint")
    assert app_logging.current_path() == log_folder / "her2desk.log"
    assert "an error before the paint" in everything_logged(log_folder)
    app_logging.configure_deferred("info")
    logging.getLogger("her2desk.test").info("quit at the sign-in")
    app_logging.shutdown()
    assert "quit at the sign-in" in everything_logged(log_folder)
    assert app_logging.current_path() is None


def test_a_folder_that_cannot_be_written_leaves_the_program_without_a_log(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    assert app_logging.configure("info", directory=blocker) is None
    assert app_logging.current_path() is None
    logging.getLogger("her2desk.test").error("nowhere to go, and no failure for it")


def test_an_exception_is_logged_with_its_frames_and_chain_but_never_its_message(log_folder: Path) -> None:
    app_logging.configure("debug")

    def look_up_patient() -> None:
        raise KeyError(MRN)

    def save_the_case() -> None:
        try:
            look_up_patient()
        except KeyError as missing:
            raise ValueError(f"no patient {FAMILY}, {GIVEN} ({MRN}) for {ACCESSION}") from missing

    try:
        save_the_case()
    except ValueError:
        logging.getLogger("her2desk.test").exception("saving failed")
    logged = everything_logged(log_folder)
    assert "saving failed" in logged
    assert "Traceback (most recent call last):" in logged
    assert "in look_up_patient" in logged  # the frames
    assert "in save_the_case" in logged
    assert "raise KeyError(MRN)" in logged  # the source line: program text
    assert "builtins.KeyError: <message withheld: 15 characters>" in logged
    assert "The above exception was the direct cause of the following exception" in logged
    assert "builtins.ValueError: <message withheld: " in logged
    for secret in (FAMILY, GIVEN, MRN, ACCESSION):
        assert secret not in logged


def test_sqlalchemy_statements_never_reach_the_file(log_folder: Path, tmp_path: Path) -> None:
    """echo=True (or the engine's logger at DEBUG) logs every statement with its parameters."""
    app_logging.configure("debug")
    engine = create_engine(f"sqlite:///{tmp_path / 'echo.sqlite3'}", echo="debug")
    logging.getLogger("sqlalchemy.engine").setLevel(logging.DEBUG)
    with engine.begin() as connection:
        connection.execute(text("create table patient (family_name text)"))
        connection.execute(text("insert into patient values (:name)"), {"name": FAMILY})
        assert connection.execute(text("select family_name from patient")).scalar_one() == FAMILY
    engine.dispose()
    logging.getLogger("her2desk.test").debug("the statements ran")
    logged = everything_logged(log_folder)
    assert "the statements ran" in logged  # the file is written at DEBUG, so the test can fail
    assert FAMILY not in logged
    assert "insert into patient" not in logged


def test_a_whole_session_at_debug_level_logs_no_patient_data(
    log_folder: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Sign in, save a synthetic patient's case, sign it out, print the handout and export on the
    command line, a wrong password, an unexpected error quoting the patient: the log names the
    version, the commands and the users, never the patient."""
    database = str(tmp_path / "lab.sqlite3")
    app_logging.configure("debug")
    logging.getLogger("sqlalchemy.engine").setLevel(logging.DEBUG)  # as if someone turned on echo
    lab = open_lab(database)
    base = complete_entry(ACCESSION, family=FAMILY, given=GIVEN)
    entry = replace(base, patient=replace(base.patient, mrn=MRN, birth_date=date(1958, 11, 29)))
    saved = lab.cases(lab.tech).save(entry, None)
    lab.signout.sign_out(lab.path, ACCESSION, PASSWORDS["pia"], saved.version)
    with pytest.raises(AuthenticationError):
        lab.auth.login("pia", "not-her-password")
    lab.database.close()

    common = ["--log-level", "debug", "--database", database]
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORDS["pia"] + "\n"))
    out = tmp_path / "handout.pdf"
    assert main([*common, "handout", ACCESSION, "-o", str(out), "--as", "pia"]) == 0
    assert out.stat().st_size > 0
    assert main([*common, "export", "--format", "csv"]) == 0
    assert MRN in capsys.readouterr().out  # the export itself has the patient, the log must not
    assert main([*common, "db", "check"]) == 0
    assert main([*common, "handout", "S26-00000", "-o", str(tmp_path / "none.pdf"), "--as", "pia"]) == 2

    def broken(_args: object) -> int:
        raise ValueError(f"{FAMILY}, {GIVEN} ({MRN}, born {BIRTH}) of {ACCESSION}")

    from her2desk.cli import data_handlers

    monkeypatch.setattr(data_handlers, "run_export", broken)
    assert main([*common, "export", "--format", "csv"]) == 1
    assert "unexpected error (ValueError)" in capsys.readouterr().err

    logged = everything_logged(log_folder)
    assert f"her2desk {__version__} started: command 'handout'" in logged
    assert "command 'db check'" in logged
    assert "signed in: pia" in logged
    assert "sign-in failed: pia" in logged
    assert "database sqlite" in logged
    assert "builtins.ValueError: <message withheld:" in logged
    for secret in (FAMILY, GIVEN, MRN, ACCESSION, BIRTH, "1958", database):
        assert secret not in logged, secret


def test_records_from_other_threads_while_the_deferred_file_opens_are_all_written(log_folder: Path) -> None:
    """Worker threads go on logging while the GUI thread opens the file (importing the rotating
    handler takes milliseconds): every record reaches the file."""
    import threading

    app_logging.configure_deferred("info")
    stop = threading.Event()
    sent: list[int] = []

    def worker() -> None:
        number = 0
        while not stop.is_set() or number < 50:
            logging.getLogger("her2desk.test").info("worker record %d", number)
            sent.append(number)
            number += 1

    thread = threading.Thread(target=worker)
    thread.start()
    while len(sent) < 20:
        pass
    app_logging.open_deferred()
    stop.set()
    thread.join()
    app_logging.shutdown()
    logged = everything_logged(log_folder)
    missing = [n for n in sent if f"worker record {n}\n" not in logged]
    assert missing == []


def test_the_rotation_is_the_standard_librarys(tmp_path: Path) -> None:
    """`RotatingFile` (on logging's own FileHandler, without importing logging.handlers) writes the
    same files, split at the same records, as logging.handlers.RotatingFileHandler."""
    from logging.handlers import RotatingFileHandler

    ours_folder, theirs_folder = tmp_path / "ours", tmp_path / "theirs"
    ours_folder.mkdir()
    theirs_folder.mkdir()
    ours = app_logging.RotatingFile(ours_folder / "x.log", 700, 3)
    theirs = RotatingFileHandler(theirs_folder / "x.log", maxBytes=700, backupCount=3, encoding="utf-8")
    for handler in (ours, theirs):
        handler.setFormatter(logging.Formatter("%(message)s"))
        for number in range(300):
            handler.handle(logging.makeLogRecord({"msg": f"record {number} " + "é" * (number % 7)}))
        handler.close()
    names = sorted(path.name for path in ours_folder.iterdir())
    assert names == ["x.log", "x.log.1", "x.log.2", "x.log.3"]
    assert names == sorted(path.name for path in theirs_folder.iterdir())
    for name in names:
        assert (ours_folder / name).read_bytes() == (theirs_folder / name).read_bytes()
