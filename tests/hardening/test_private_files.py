"""Files that hold patient data: private (0600) in a private folder (0700), written through a new
temporary file that cannot be a planted link, and nothing a killed run left lingers.

Each test is an attack (or an exposure) that worked before `her2desk.files`: the database, its WAL
and SHM files, backups, exports and handouts were created 0644 in a 0755 folder; the temporary
`NAME.part` was opened by name, so a symbolic link planted there sent patient data into (and over)
any file the link pointed at; a killed backup left its `.part` file behind for good.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import stat
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from support.handout_cases import complete_entry, request_for

from her2desk.cli import main
from her2desk.domain.audit_query import AuditRecord
from her2desk.exchange.csv_audit import write_audit_csv_file
from her2desk.handout.batch import write_handouts
from her2desk.services.case_service import open_case_service
from her2desk.services.lab_settings_service import LabSettingsService
from her2desk.store.database import open_database
from her2desk.store.urls import resolve_url

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX modes and symbolic links")
DATA = Path(__file__).resolve().parent.parent / "data"


@pytest.fixture(autouse=True)
def usual_umask() -> Iterator[None]:
    """The common default umask (022), under which the files used to come out world-readable."""
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)


def _mode(path: Path) -> int:
    return stat.S_IMODE(os.lstat(path).st_mode)


def _database(folder: Path) -> Path:
    """An SQLite database with one saved case and preliminary handouts allowed."""
    db = folder / "cases.sqlite3"
    with open_case_service(str(db), "tester") as service:
        service.save(complete_entry(), None)
        LabSettingsService(service.database).update(
            None, "allow_preliminary_handouts", "true", local_administrator="test"
        )
    return db


def _audit_record() -> AuditRecord:
    return AuditRecord(
        id=1,
        when=datetime(2026, 5, 6, 7, 8, 9, tzinfo=UTC),
        who="pia",
        action="amend",
        table="her2_case",
        record="1",
        accession="S26-07001",
        old_json=None,
        new_json=json.dumps({"report_version": 2}),
    )


def _export(db: Path, target: Path) -> None:
    assert main(["--database", str(db), "export", "--format", "csv", "-o", str(target)]) == 0


def _audit_export(_db: Path, target: Path) -> None:
    assert write_audit_csv_file(target, [_audit_record()]) == 1


def _handout(db: Path, target: Path) -> None:
    assert main(["--database", str(db), "handout", "S26-07001", "-o", str(target), "--preliminary"]) == 0


def _handout_batch(_db: Path, target: Path) -> None:
    [written] = write_handouts([(request_for("positive"), target)], workers=1)
    assert written.error is None


def _backup(db: Path, target: Path) -> None:
    assert main(["--database", str(db), "db", "backup", str(target)]) == 0


WRITERS: dict[str, Callable[[Path, Path], None]] = {
    "case export": _export,
    "audit export": _audit_export,
    "handout": _handout,
    "handout batch": _handout_batch,
    "backup": _backup,
}


@pytest.mark.parametrize("writer", WRITERS.values(), ids=WRITERS.keys())
def test_exports_handouts_and_backups_are_private(
    writer: Callable[[Path, Path], None], tmp_path: Path
) -> None:
    db = _database(tmp_path)
    target = tmp_path / "out" / "result.bin"
    target.parent.mkdir()
    writer(db, target)
    assert target.stat().st_size > 0
    assert _mode(target) == 0o600


def test_a_new_database_and_its_wal_and_shm_files_are_private(tmp_path: Path) -> None:
    db = tmp_path / "new.sqlite3"
    service = open_case_service(str(db), "tester")
    try:
        service.save(complete_entry(), None)
        for path in (db, Path(f"{db}-wal"), Path(f"{db}-shm")):
            assert path.exists(), path
            assert _mode(path) == 0o600, path
    finally:
        service.close()


def test_the_default_data_folder_is_private(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
    monkeypatch.delenv("HER2DESK_DATABASE_URL", raising=False)
    url = resolve_url(None)
    folder = tmp_path / "share" / "her2desk"
    assert url == f"sqlite:///{folder / 'her2desk.sqlite3'}"
    assert _mode(folder) == 0o700
    open_database(None).close()
    assert _mode(folder / "her2desk.sqlite3") == 0o600


def test_an_upgrade_backup_is_private(tmp_path: Path) -> None:
    db = tmp_path / "v6.sqlite3"
    shutil.copy(DATA / "schema-v6.sqlite3", db)
    open_database(str(db)).close()
    [backup] = tmp_path.glob("v6.sqlite3.before-upgrade-from-*.bak")
    assert _mode(backup) == 0o600


@pytest.mark.postgres
def test_a_pg_dump_backup_is_private(postgres_url: str, tmp_path: Path) -> None:
    if shutil.which("pg_dump") is None:
        pytest.skip("pg_dump is not installed")
    open_database(postgres_url).close()
    dump = tmp_path / "cases.dump"
    assert main(["--database", postgres_url, "db", "backup", str(dump)]) == 0
    assert dump.read_bytes()[:5] == b"PGDMP"
    assert _mode(dump) == 0o600


@pytest.mark.parametrize("writer", WRITERS.values(), ids=WRITERS.keys())
def test_a_link_planted_at_the_temporary_name_is_not_followed(
    writer: Callable[[Path, Path], None], tmp_path: Path
) -> None:
    """`ln -s victim out.pdf.part`: the victim (here an empty file the attacker could read) must
    receive nothing, and the result must be a plain file, not the attacker's link."""
    db = _database(tmp_path)
    outbox = tmp_path / "outbox"
    outbox.mkdir()
    victim = tmp_path / "victim"
    victim.touch()
    target = outbox / "result.bin"
    Path(f"{target}.part").symlink_to(victim)
    writer(db, target)
    assert victim.stat().st_size == 0
    assert not target.is_symlink()
    assert target.stat().st_size > 0


def _her2desk(*args: str, **kwargs: object) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "her2desk", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        **kwargs,
    )


def test_a_killed_backup_leaves_nothing_behind_after_the_next_run(tmp_path: Path) -> None:
    db = _database(tmp_path)
    backups = tmp_path / "backups"
    backups.mkdir()
    # Hold the database exclusively, so the backup waits inside its copy, with its file open.
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("PRAGMA locking_mode=EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    holder.execute("UPDATE app_metadata SET value = value")
    try:
        process = _her2desk("--database", str(db), "db", "backup", str(backups / "monday.sqlite3"))
        deadline = time.monotonic() + 60
        while not any(backups.iterdir()):
            assert process.poll() is None, process.communicate()
            assert time.monotonic() < deadline, "the backup never started writing"
            time.sleep(0.01)
        time.sleep(0.3)
        process.send_signal(signal.SIGKILL)
        process.communicate()
    finally:
        holder.execute("COMMIT")
        holder.close()
    assert list(backups.iterdir()) != []  # the killed run's temporary file is there
    assert not (backups / "monday.sqlite3").exists()  # and nothing looks like a finished backup
    assert main(["--database", str(db), "db", "backup", str(backups / "tuesday.sqlite3")]) == 0
    assert sorted(p.name for p in backups.iterdir()) == ["tuesday.sqlite3"]
