"""The small ways the database commands used to hurt: a parallel upgrade died with FileExistsError (its
backup name had only the second in it, and the backup was taken before the lock), `db check` wrote a
schema into a 0-byte file it had not created, `export | head` ended in a BrokenPipeError traceback,
and `--database sqlite://` quietly used a database in memory (an import "succeeded" and was lost).
"""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from support.handout_cases import complete_entry

from her2desk.cli import main
from her2desk.services.case_service import open_case_service
from her2desk.store.database import DatabaseError, open_database
from her2desk.store.schema_status import HEAD_REVISION

DATA = Path(__file__).resolve().parent.parent / "data"
OLD = "schema-v6.sqlite3"


def _revision(db: Path) -> str:
    with sqlite3.connect(db) as connection:
        return connection.execute("SELECT version_num FROM alembic_version").fetchone()[0]


def _old_database(folder: Path) -> tuple[Path, str]:
    db = folder / OLD
    shutil.copy(DATA / OLD, db)
    return db, _revision(db)


def test_an_upgrade_backup_takes_a_free_name_and_never_replaces_a_file(tmp_path: Path) -> None:
    """Another upgrade already backed up this file at this very second (and the next ones)."""
    db, revision = _old_database(tmp_path)
    now = datetime.now()
    taken = []
    for seconds in range(-2, 60):
        stamp = (now + timedelta(seconds=seconds)).strftime("%Y%m%d-%H%M%S")
        path = tmp_path / f"{OLD}.before-upgrade-from-{revision}-{stamp}.bak"
        path.write_bytes(b"another upgrade's backup")
        taken.append(path)
    assert main(["--database", str(db), "db", "upgrade"]) == 0
    assert _revision(db) == HEAD_REVISION
    assert all(path.read_bytes() == b"another upgrade's backup" for path in taken)
    [backup] = set(tmp_path.glob(f"{OLD}.before-upgrade-from-{revision}-*.bak")) - set(taken)
    assert _revision(backup) == revision


def test_two_upgrades_at_once_both_succeed_and_back_up_once(tmp_path: Path) -> None:
    """Both programs find the old version; the first to hold the lock backs up and upgrades, the second
    finds it done. (Before: both backed up before taking the lock, under the same name within a second.)"""
    db, revision = _old_database(tmp_path)
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another writer holds the lock while both programs start
    try:
        processes = [
            subprocess.Popen(
                [sys.executable, "-m", "her2desk", "--database", str(db), "db", "upgrade"],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for _ in range(2)
        ]
        time.sleep(4)  # both have read the old version and wait for the lock (busy timeout: 10 s)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    for process in processes:
        out, err = process.communicate(timeout=120)
        assert process.returncode == 0, err
        assert "Traceback" not in err
        assert f"schema version {HEAD_REVISION}" in out
    assert len(list(tmp_path.glob(f"{OLD}.before-upgrade-from-{revision}-*.bak"))) == 1
    assert _revision(db) == HEAD_REVISION


def test_check_never_writes_into_an_empty_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "empty.sqlite3"
    empty.touch()
    assert main(["--database", str(empty), "db", "check"]) == 1
    assert "empty" in capsys.readouterr().err
    assert empty.stat().st_size == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty.sqlite3"]  # no -wal, no -shm either


@pytest.mark.postgres
def test_check_never_creates_tables_in_an_empty_server_database(
    postgres_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from sqlalchemy import create_engine, inspect

    assert main(["--database", postgres_url, "db", "check"]) == 1
    assert "is empty" in capsys.readouterr().err
    engine = create_engine(postgres_url)
    try:
        with engine.connect() as connection:
            assert inspect(connection).get_table_names() == []
    finally:
        engine.dispose()


def test_export_into_a_reader_that_stopped_ends_quietly(tmp_path: Path) -> None:
    """`her2desk export --format csv | head -1`: the reader closes the pipe before the export writes."""
    db = tmp_path / "cases.sqlite3"
    with open_case_service(str(db), "tester") as service:
        service.save(complete_entry(), None)
    process = subprocess.Popen(
        [sys.executable, "-m", "her2desk", "--database", str(db), "export", "--format", "csv"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None
    assert process.stderr is not None
    process.stdout.close()  # the reader went away (head has read its line)
    err = process.stderr.read().decode()
    process.wait(timeout=60)
    assert "Traceback" not in err
    assert "BrokenPipeError" not in err
    assert err == ""
    assert process.returncode == 141  # 128 + SIGPIPE, as a shell reports it


@pytest.mark.parametrize("address", ["sqlite://", "sqlite:///:memory:"])
def test_a_database_in_memory_is_refused_in_words(
    address: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    csv_file = tmp_path / "cases.csv"
    with open_case_service(str(tmp_path / "source.sqlite3"), "tester") as service:
        service.save(complete_entry(), None)
    assert (
        main(
            ["--database", str(tmp_path / "source.sqlite3"), "export", "--format", "csv", "-o", str(csv_file)]
        )
        == 0
    )
    capsys.readouterr()
    assert main(["--database", address, "import", str(csv_file)]) == 2
    err = capsys.readouterr().err
    assert "in memory" in err
    assert "imported" not in err
    with pytest.raises(DatabaseError, match="in memory"):
        open_database(address)
