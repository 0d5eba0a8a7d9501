"""Bad output paths for export and backup: a clear message and an exit status, never a traceback,
and never a half-written file that looks like a good one."""

from __future__ import annotations

from pathlib import Path

import pytest

from her2desk.cli import main
from her2desk.demo.seed import seed_demo


@pytest.fixture
def database(tmp_path: Path) -> str:
    url = str(tmp_path / "cases.sqlite3")
    seed_demo(url, 5)
    return url


@pytest.mark.parametrize("target", ["missing-folder/x.csv", "."])
def test_export_to_an_unwritable_path(
    database: str, tmp_path: Path, target: str, capsys: pytest.CaptureFixture[str]
) -> None:
    output = tmp_path / target
    assert main(["--database", database, "export", "--format", "csv", "-o", str(output)]) == 2
    err = capsys.readouterr().err
    assert "cannot write" in err
    assert "Traceback" not in err
    assert not list(tmp_path.rglob("*.part"))


def test_export_writes_the_file_whole(database: str, tmp_path: Path) -> None:
    output = tmp_path / "cases.csv"
    assert main(["--database", database, "export", "--format", "csv", "-o", str(output)]) == 0
    assert len(output.read_text(encoding="utf-8").splitlines()) == 6
    assert not list(tmp_path.rglob("*.part"))


@pytest.mark.parametrize("target", ["missing-folder/b.sqlite3", "/proc/b.sqlite3"])
def test_backup_to_an_unwritable_path(
    database: str, tmp_path: Path, target: str, capsys: pytest.CaptureFixture[str]
) -> None:
    destination = Path(target) if target.startswith("/") else tmp_path / target
    assert main(["--database", database, "db", "backup", str(destination)]) == 1
    err = capsys.readouterr().err
    assert "backup failed" in err
    assert not destination.parent.exists() or not destination.exists()
    assert not (tmp_path / "missing-folder").exists()  # no folder is created behind the user's back
