"""`her2desk demo` and `her2desk db check|backup|upgrade` as separate processes, with their exit codes."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

from sqlalchemy import create_engine, text

from her2desk.store.schema_status import HEAD_REVISION

DATA = Path(__file__).resolve().parent.parent / "data"


def her2desk(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "her2desk", *args], capture_output=True, text=True, timeout=120, check=False
    )


def test_demo_then_check_then_backup(tmp_path: Path) -> None:
    db = tmp_path / "demo.sqlite3"
    result = her2desk("demo", "--cases", "200", "--database", str(db))
    assert result.returncode == 0, result.stderr
    assert "200" in result.stdout
    check = her2desk("--database", str(db), "db", "check")
    assert check.returncode == 0, check.stderr
    assert "ok" in check.stdout
    copy = tmp_path / "backup.sqlite3"
    backup = her2desk("db", "backup", str(copy), "--database", str(db))
    assert backup.returncode == 0, backup.stderr
    with sqlite3.connect(copy) as connection:
        assert connection.execute("SELECT count(*) FROM her2_case").fetchone()[0] == 200
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    again = her2desk("db", "backup", str(copy), "--database", str(db))
    assert again.returncode == 2
    assert "already exists" in again.stderr


def test_demo_refuses_real_data_with_exit_2(tmp_path: Path) -> None:
    db = tmp_path / "real.sqlite3"
    shutil.copy(DATA / "schema-v1.sqlite3", db)
    result = her2desk("demo", "--cases", "5", "--database", str(db))
    assert result.returncode == 2
    assert "real cases" in result.stderr


def test_check_finds_a_damaged_file(tmp_path: Path) -> None:
    db = tmp_path / "damaged.sqlite3"
    assert her2desk("demo", "--cases", "3000", "--database", str(db)).returncode == 0
    with sqlite3.connect(db) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        page_size = connection.execute("PRAGMA page_size").fetchone()[0]
        root = connection.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = 'ix_specimen_collected_on_case_id'"
        ).fetchone()[0]
    with db.open("r+b") as stream:  # scribble over one index page
        stream.seek((root - 1) * page_size + 8)
        stream.write(b"\x00\xff" * 200)
    result = her2desk("--database", str(db), "db", "check")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr


def test_check_of_a_missing_database_fails(tmp_path: Path) -> None:
    result = her2desk("--database", str(tmp_path / "nothing.sqlite3"), "db", "check")
    assert result.returncode == 1
    assert "no database" in result.stderr
    assert not (tmp_path / "nothing.sqlite3").exists()


def test_upgrade_command_upgrades_a_saved_version_1_file(tmp_path: Path) -> None:
    db = tmp_path / "v1.sqlite3"
    shutil.copy(DATA / "schema-v1.sqlite3", db)
    result = her2desk("--database", str(db), "db", "upgrade")
    assert result.returncode == 0, result.stderr
    engine = create_engine(f"sqlite:///{db}")
    with engine.connect() as connection:
        assert (
            connection.execute(text("SELECT version_num FROM alembic_version")).scalar_one() == HEAD_REVISION
        )
    engine.dispose()
    assert list(tmp_path.glob("v1.sqlite3.before-upgrade-from-0001-*.bak"))
    assert her2desk("--database", str(db), "db", "check").returncode == 0


def test_upgrade_refuses_a_newer_database_with_exit_1(tmp_path: Path) -> None:
    db = tmp_path / "new.sqlite3"
    shutil.copy(DATA / "schema-v1.sqlite3", db)
    with sqlite3.connect(db) as connection:
        connection.execute("UPDATE alembic_version SET version_num = 'ffff'")
    result = her2desk("--database", str(db), "db", "upgrade")
    assert result.returncode == 1
    assert "newer than this program" in result.stderr


def test_postgres_check_and_backup_with_pg_dump(postgres_url: str, tmp_path: Path) -> None:
    import shutil as sh

    if sh.which("pg_dump") is None:
        import pytest

        pytest.skip("pg_dump is not installed")
    assert her2desk("demo", "--cases", "50", "--database", postgres_url).returncode == 0
    check = her2desk("--database", postgres_url, "db", "check")
    assert check.returncode == 0, check.stderr
    dump = tmp_path / "cases.dump"
    result = her2desk("--database", postgres_url, "db", "backup", str(dump))
    assert result.returncode == 0, result.stderr
    assert dump.read_bytes()[:5] == b"PGDMP"


def test_unusable_databases_are_reported_in_one_line(tmp_path: Path) -> None:
    junk = tmp_path / "junk.sqlite3"
    junk.write_text("not a database at all " * 100, encoding="utf-8")
    cases = [
        (str(junk), "cannot be read"),
        (str(tmp_path / "missing-dir" / "x.sqlite3"), "cannot be opened"),
        ("postgresql+psycopg://nobody:secret@127.0.0.1:1/none", "cannot be opened"),
    ]
    for url, message in cases:
        result = her2desk("--database", url, "export", "--format", "csv")
        assert result.returncode == 1, url
        assert message in result.stderr
        assert "Traceback" not in result.stderr
        assert "secret" not in result.stderr
    assert junk.read_text(encoding="utf-8").startswith("not a database")


def test_check_notices_removed_audit_protection(tmp_path: Path) -> None:
    db = tmp_path / "tampered.sqlite3"
    shutil.copy(DATA / "schema-v1.sqlite3", db)
    assert her2desk("--database", str(db), "db", "upgrade").returncode == 0
    assert her2desk("--database", str(db), "db", "check").returncode == 0
    with sqlite3.connect(db) as connection:
        connection.execute("DROP TRIGGER trg_audit_no_delete")
    result = her2desk("--database", str(db), "db", "check")
    assert result.returncode == 1
    assert "trg_audit_no_delete" in result.stderr
