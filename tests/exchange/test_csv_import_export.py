"""`her2desk import` / `export` through the real CLI entry point against real databases."""

from __future__ import annotations

import csv
import io
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from her2desk.cli import main
from her2desk.exchange.csv_cases import CASE_COLUMNS, EXPORT_COLUMNS, SIGNOUT_COLUMNS, parse_csv
from her2desk.services.case_service import open_case_service
from her2desk.store.schema import AuditRow, Case

GOOD = {
    "accession": "S26-00001",
    "mrn": "DEMO000001",
    "family_name": "Testpatient",
    "given_name": "Ada",
    "birth_date": "1960-05-06",
    "sex": "female",
    "site": "breast",
    "procedure": "core-needle-biopsy",
    "laterality": "left",
    "collected_on": "2025-01-02",
    "ihc": "2+",
    "stained_pct": "40",
    "ish": "dual",
    "her2": "4.50",
    "cep17": "2.10",
    "cells": "20",
}


def _write(path: Path, rows: list[dict[str, str]], header: list[str] | None = None) -> Path:
    header = header or list(CASE_COLUMNS)
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.DictWriter(stream, fieldnames=header)
        writer.writeheader()
        writer.writerows(rows)
    return path


def _row(**changes: str) -> dict[str, str]:
    return {**GOOD, **changes}


def _cases(url: str) -> int:
    service = open_case_service(url)
    try:
        with service.database.reader() as session:
            return session.execute(select(func.count()).select_from(Case)).scalar_one()
    finally:
        service.close()


def _import(url: str, path: Path, capsys) -> tuple[int, str, str]:
    code = main(["--database", url, "import", str(path)])
    out, err = capsys.readouterr()
    return code, out, err


def test_valid_file_is_imported(db_url: str, tmp_path: Path, capsys) -> None:
    gastric = {"site": "stomach", "laterality": "", "procedure": "surgical-resection", "ihc": "3+"}
    no_ish = {"ish": "", "her2": "", "cep17": "", "cells": ""}
    rows = [_row(), _row(accession="S26-00002", mrn="DEMO000002", stained_pct="50", **gastric, **no_ish)]
    code, out, err = _import(db_url, _write(tmp_path / "in.csv", rows), capsys)
    assert (code, err) == (0, "")
    assert "imported 2" in out
    service = open_case_service(db_url)
    try:
        stored = service.load("S26-00001")
        assert stored.entry.ish.first.her2 == pytest.approx(4.5)
        assert stored.interpretation.status.value == "positive"
        assert service.load("S26-00002").interpretation.status.value == "positive"
    finally:
        service.close()


@pytest.mark.parametrize(
    ("changes", "column", "fragment"),
    [
        ({"site": "lung"}, "site", "not allowed"),
        ({"ihc": "2"}, "ihc", "not allowed"),
        ({"sex": "f"}, "sex", "not allowed"),
        ({"laterality": "middle"}, "laterality", "not allowed"),
        ({"cells": "-20"}, "cells", "at least 20"),
        ({"cells": "twenty"}, "cells", "whole number"),
        ({"her2": "4,5"}, "her2", "not a number"),
        ({"her2": "-1"}, "her2", "greater than 0"),
        ({"cep17": "0"}, "cep17", "greater than 0"),
        ({"cells": "10"}, "cells", "20"),
        ({"birth_date": "1960-13-01"}, "birth_date", "YYYY-MM-DD"),
        ({"birth_date": "06/05/1960"}, "birth_date", "YYYY-MM-DD"),
        ({"collected_on": (date.today() + timedelta(days=3)).isoformat()}, "collected_on", "future"),
        ({"family_name": "X" * 10_000}, "family_name", "at most 200"),
        ({"given_name": "Ada\x07"}, "given_name", "control"),
        ({"family_name": "Test\x00patient"}, "family_name", "control"),
        ({"mrn": "MRN 1; DROP"}, "mrn", "only letters"),
        ({"accession": ""}, "accession", "required"),
        ({"procedure": ""}, "procedure", "required"),
        ({"cep17": ""}, "cep17", "CEP17"),
    ],
)
def test_bad_value_is_reported_by_row_and_column_and_nothing_is_imported(
    db_url: str, tmp_path: Path, capsys, changes: dict[str, str], column: str, fragment: str
) -> None:
    rows = [_row(accession="S26-00009", mrn="DEMO000009"), _row(**changes)]
    code, out, err = _import(db_url, _write(tmp_path / "bad.csv", rows), capsys)
    assert code == 2
    assert "Traceback" not in err
    lines = [line for line in err.splitlines() if line.startswith("row ")]
    assert any(line.startswith(f"row 3, column {column}: ") and fragment in line for line in lines), err
    assert not any(line.startswith("row 2,") for line in lines)
    assert "nothing was imported" in err
    assert out == ""
    assert _cases(db_url) == 0


def test_every_problem_is_listed(db_url: str, tmp_path: Path, capsys) -> None:
    rows = [_row(site="lung", cells="x"), _row(accession="S26-00002", birth_date="soon")]
    code, _out, err = _import(db_url, _write(tmp_path / "bad.csv", rows), capsys)
    assert code == 2
    assert "row 2, column site:" in err
    assert "row 2, column cells:" in err
    assert "row 3, column birth_date:" in err


def test_unknown_and_missing_columns_are_errors(db_url: str, tmp_path: Path, capsys) -> None:
    header = [c for c in CASE_COLUMNS if c != "mrn"] + ["colour"]
    rows = [{k: v for k, v in _row(colour="red").items() if k != "mrn"}]
    code, _out, err = _import(db_url, _write(tmp_path / "bad.csv", rows, header), capsys)
    assert code == 2
    assert "row 1, column colour: unknown column" in err
    assert "row 1, column mrn: required column is missing" in err
    assert _cases(db_url) == 0


def test_duplicate_accessions_in_the_file_and_in_the_database(db_url: str, tmp_path: Path, capsys) -> None:
    assert _import(db_url, _write(tmp_path / "one.csv", [_row()]), capsys)[0] == 0
    rows = [_row(accession="S26-00005"), _row(accession="S26-00005"), _row()]
    code, _out, err = _import(db_url, _write(tmp_path / "dup.csv", rows), capsys)
    assert code == 2
    assert "row 3, column accession: S26-00005 is also on row 2" in err
    assert "row 4, column accession: S26-00001 is already stored" in err
    assert _cases(db_url) == 1


@pytest.mark.parametrize(
    "name",
    [
        "O'Brien-Testpatient",
        'Say "Hello" Testpatient',
        "Robert'); DROP TABLE her2_case;--",
        "Synthetic-王小明",
        "Тестова-Ёлка",
        "اختبار",
        "Demo, with comma",
        "Z" * 200,
    ],
)
def test_names_are_stored_exactly(db_url: str, tmp_path: Path, capsys, name: str) -> None:
    code, _out, err = _import(
        db_url, _write(tmp_path / "n.csv", [_row(family_name=name, given_name=name)]), capsys
    )
    assert code == 0, err
    service = open_case_service(db_url)
    try:
        patient = service.load("S26-00001").entry.patient
        assert patient.family_name == name
        assert patient.given_name == name
    finally:
        service.close()


def test_not_utf8_and_missing_file_are_usage_errors(sqlite_url: str, tmp_path: Path, capsys) -> None:
    latin = tmp_path / "latin1.csv"
    latin.write_bytes(",".join(CASE_COLUMNS).encode() + b"\nS1,M1,M\xfcller\n")
    assert _import(sqlite_url, latin, capsys)[0] == 2
    assert _import(sqlite_url, tmp_path / "missing.csv", capsys)[0] == 2


def test_row_with_wrong_number_of_cells(sqlite_url: str, tmp_path: Path, capsys) -> None:
    path = tmp_path / "short.csv"
    path.write_text(",".join(CASE_COLUMNS) + "\nS26-1,DEMO1\n", encoding="utf-8")
    code, _out, err = _import(sqlite_url, path, capsys)
    assert code == 2
    assert "row 2: has 2 cells but the header has" in err


def test_export_then_import_round_trips(db_url: str, tmp_path: Path, capsys) -> None:
    from her2desk.demo.seed import seed_demo

    seed_demo(db_url, 120, seed=3)
    export = tmp_path / "out.csv"
    assert main(["--database", db_url, "export", "--format", "csv", "-o", str(export)]) == 0
    capsys.readouterr()
    with export.open(encoding="utf-8", newline="") as stream:
        rows = list(csv.DictReader(stream))
    assert len(rows) == 120
    assert list(rows[0]) == list(EXPORT_COLUMNS)
    second = str(tmp_path / "second.sqlite3")
    code, _out, err = _import(second, export, capsys)
    assert code == 0, err
    again = tmp_path / "again.csv"
    assert main(["--database", second, "export", "--format", "csv", "-o", str(again)]) == 0
    with again.open(encoding="utf-8", newline="") as stream:
        rows_again = list(csv.DictReader(stream))
    # Everything but the sign-out columns comes back as it was (pre-analytic fields included); an
    # import never signs a case out, so those say "not signed out" in the second database.
    kept = [c for c in EXPORT_COLUMNS if c not in SIGNOUT_COLUMNS]
    assert [[r[c] for c in kept] for r in rows_again] == [[r[c] for c in kept] for r in rows]
    assert any(r["fixative"] and r["fixation_hours"] for r in rows)  # the demo fills them: a real check
    assert any(r["signout_state"] == "signed-out" for r in rows)
    assert {r["signout_state"] for r in rows_again} <= {"draft", "entered"}
    assert {r["signed_out_by"] for r in rows_again} == {""}


def test_export_to_standard_output(sqlite_url: str, tmp_path: Path, capsys) -> None:
    _import(sqlite_url, _write(tmp_path / "in.csv", [_row()]), capsys)
    assert main(["--database", sqlite_url, "export", "--format", "csv"]) == 0
    out = capsys.readouterr().out
    rows = list(csv.DictReader(io.StringIO(out)))
    assert rows[0]["accession"] == "S26-00001"
    assert rows[0]["reported_status"] == rows[0]["engine_status"] == "positive"
    assert rows[0]["ish_group"] == "1"
    assert rows[0]["ratio"] == "2.14"


def test_import_writes_audit_rows(sqlite_url: str, tmp_path: Path, capsys) -> None:
    _import(sqlite_url, _write(tmp_path / "in.csv", [_row()]), capsys)
    service = open_case_service(sqlite_url)
    try:
        with service.database.reader() as session:
            assert session.execute(select(func.count()).select_from(AuditRow)).scalar_one() > 0
    finally:
        service.close()


def test_parse_csv_reports_empty_file() -> None:
    parsed = parse_csv(io.StringIO(""))
    assert [str(p) for p in parsed.problems] == ["row 1: the file is empty; a header row is required"]


@pytest.mark.parametrize(
    ("payload", "fragment"),
    [
        ("S26-1,DEMO1," + "Y" * 200_000, "not valid CSV"),
        ('S26-1,DEMO1,"unterminated', ""),
    ],
)
def test_malformed_csv_is_a_row_problem_not_a_traceback(
    sqlite_url: str, tmp_path: Path, capsys, payload, fragment
):
    path = tmp_path / "broken.csv"
    path.write_text(",".join(CASE_COLUMNS) + "\n" + payload + "\n", encoding="utf-8")
    code, _out, err = _import(sqlite_url, path, capsys)
    assert code == 2
    assert "Traceback" not in err
    assert "row 2" in err
    assert fragment in err
    assert _cases(sqlite_url) == 0
