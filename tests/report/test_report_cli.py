"""`her2desk report ACCESSION -o FILE.pdf [--preliminary] [--as NAME]` on a real SQLite database."""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

import pytest
from support.backends import make_entry
from support.lab import PASSWORDS, open_lab
from support.report_cases import pdftotext_pages

from her2desk.cli import main
from her2desk.services.report_service import ReportService


@pytest.fixture
def database(tmp_path: Path) -> str:
    url = str(tmp_path / "cases.sqlite3")
    lab = open_lab(url)
    try:
        lab.cases(lab.tech).save(make_entry("S26-00001"), None)
        lab.cases(lab.tech).save(make_entry("S26-00002"), None)
        stored = lab.cases(None).load("S26-00001")
        assert stored is not None
        lab.signout.sign_out(lab.path, "S26-00001", PASSWORDS["pia"], stored.version)
    finally:
        lab.database.close()
    return url


def _as(monkeypatch: pytest.MonkeyPatch, name: str, password: str) -> list[str]:
    monkeypatch.setattr("sys.stdin", io.StringIO(password + "\n"))
    return ["--as", name]


def test_a_signed_out_case_is_written_and_recorded_in_the_printers_name(
    database: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "report.pdf"
    args = ["--database", database, "report", "S26-00001", "-o", str(out)]
    assert main([*args, *_as(monkeypatch, "pia", PASSWORDS["pia"])]) == 0
    assert "report version 1, final, sha256" in capsys.readouterr().out
    text = " ".join(pdftotext_pages(out.read_bytes()))
    assert "Final report" in text
    assert "Electronically signed out Dr Pia Path (pia)" in text
    from her2desk.store.database import open_database

    db = open_database(database)
    try:
        (printed,) = ReportService(db).reports("S26-00001")
    finally:
        db.close()
    assert printed.printed_by == "pia"
    assert printed.sha256 == hashlib.sha256(out.read_bytes()).hexdigest()


def test_refusals_exit_2_in_words_and_write_nothing(
    database: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "report.pdf"
    base = ["--database", database, "report"]
    assert main([*base, "S26-00001", "-o", str(out)]) == 2
    assert (
        "this database has user accounts: give --as NAME of the user printing the report"
        in capsys.readouterr().err
    )
    assert main([*base, "S26-00002", "-o", str(out), *_as(monkeypatch, "pia", PASSWORDS["pia"])]) == 2
    err = capsys.readouterr().err
    assert "case S26-00002 is not signed out" in err
    assert "allow_preliminary_handouts, which is off" in err
    assert main([*base, "S26-99999", "-o", str(out), *_as(monkeypatch, "pia", PASSWORDS["pia"])]) == 2
    assert "no case with accession 'S26-99999'" in capsys.readouterr().err
    assert main([*base, "S26-00001", "-o", str(out), *_as(monkeypatch, "pia", "wrong-password")]) == 2
    assert (
        "--as pia: the user name or the password is not correct; nothing written" in capsys.readouterr().err
    )
    assert not out.exists()
