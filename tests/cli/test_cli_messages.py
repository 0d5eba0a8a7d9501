"""Wrong input on purpose (a new user's session): the commands answer in words, with the option or
column the user typed, never a traceback, an internal field key or a number in scientific notation."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from her2desk.cli import main

BREAST = ["interpret", "--site", "breast", "--procedure", "core-needle-biopsy"]
INTERNAL_KEYS = ("stained_pct", "cluster_cells", "recount_her2", "recount_cep17", "recount_cells")


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def test_text_warnings_name_the_option(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["interpret", "--site", "stomach", "--procedure", "endoscopic-biopsy", "--ihc", "2+"]
    code, out, _err = _run([*argv, "--stained-pct", "30", "--cluster-cells", "5"], capsys)
    assert code == 0
    assert "  - --stained-pct: biopsies are scored on a cluster" in out
    assert not any(key in out for key in INTERNAL_KEYS), out


def test_json_warnings_name_the_option_too(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _err = _run([*BREAST, "--ihc", "2+", "--stained-pct", "5", "--json"], capsys)
    assert code == 0
    warnings = json.loads(out)["warnings"]
    assert any(w.startswith("--stained-pct: IHC 2+ with staining in 5%") for w in warnings), warnings


def test_no_warning_about_a_value_that_could_not_be_read(capsys: pytest.CaptureFixture[str]) -> None:
    # IHC 0 without a percentage is a warning; with an unreadable one, only the error is said.
    code, out, _err = _run([*BREAST, "--ihc", "0", "--stained-pct", "abc", "--json"], capsys)
    data = json.loads(out)
    assert code == 2
    assert [e["field"] for e in data["errors"]] == ["stained_pct"]
    assert data["warnings"] == []


@pytest.mark.parametrize(
    ("option", "value", "expected"),
    [
        ("--her2", "1e308", "--her2: average HER2 signals per cell must be at most 100, not 100000000000..."),
        ("--cep17", "1e-7", "--cep17: give at most 6 decimal places, not 0.0000001"),
        ("--cells", "9" * 30, "--cells: must be at most 100,000 cells, not 999999999999... (30 digits)"),
    ],
)
def test_absurd_numbers_are_echoed_in_plain_digits(
    option: str, value: str, expected: str, capsys: pytest.CaptureFixture[str]
) -> None:
    counts = {"--her2": "5.5", "--cep17": "3.0", "--cells": "20", option: value}
    argv = [*BREAST, "--ihc", "2+", "--ish", "dual", *[x for pair in counts.items() for x in pair]]
    code, _out, err = _run(argv, capsys)
    assert code == 2
    assert expected in err, err
    assert not re.search(r"\dE[+-]?\d", err), err
    assert "polysomy" not in err


@pytest.mark.parametrize(
    ("database", "fragment"),
    [
        ("foo://bar", "foo://bar is not a database her2desk can use"),
        ("mysql://someone:secret@db/x", "mysql://someone:***@db/x is not a database her2desk can use"),
        ("", "--database is empty"),
    ],
)
@pytest.mark.parametrize(
    "command", [["export", "--format", "csv"], ["db", "check"], ["import", "cases.csv"], ["db", "upgrade"]]
)
def test_an_unusable_database_address_is_said_in_words(
    database: str, fragment: str, command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = _run(["--database", database, *command], capsys)
    assert code == 2
    assert fragment in err, err
    assert "secret" not in err
    assert "plugin" not in err
    assert "Traceback" not in err
    assert out == ""


def test_import_reports_every_problem_of_a_row_in_plain_words(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "cases.csv"
    path.write_text(
        "accession,mrn,family_name,given_name,birth_date,site,procedure,laterality,ihc,stained_pct,"
        "ish,her2,cep17,cells\n"
        "S1,M1,Testpatient,Ada,1960-01-01,breast,core-needle-biopsy,left,2+,1e308,dual,abc,0,19\n",
        encoding="utf-8",
    )
    code, out, err = _run(["--database", str(tmp_path / "db.sqlite3"), "import", str(path)], capsys)
    assert code == 2
    lines = err.splitlines()
    assert lines[:4] == [
        "row 2, column stained_pct: must be a percentage from 0 to 100, not 100000000000... "
        "(309 digits before the decimal point)",
        "row 2, column her2: 'abc' is not a number; use digits with a decimal point, e.g. 2.15",
        "row 2, column cep17: average CEP17 signals per cell must be greater than 0, not 0",
        "row 2, column cells: at least 20 cells must be counted for a reportable count, not 19",
    ], err
    assert "nothing was imported" in err
    assert out == ""


def test_an_mrn_stored_for_another_patient_is_a_row_problem(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    header = "accession,mrn,family_name,given_name,birth_date,sex,site,procedure,laterality,ihc,stained_pct\n"
    case = "breast,core-needle-biopsy,left,3+,80\n"
    database = str(tmp_path / "db.sqlite3")
    first = tmp_path / "first.csv"
    first.write_text(header + "S1,M1,Testpatient,Ada,1960-01-01,," + case, encoding="utf-8")
    assert _run(["--database", database, "import", str(first)], capsys)[0] == 0
    second = tmp_path / "second.csv"
    second.write_text(
        header
        + "S2,M2,Otherpatient,Bea,1970-01-01,female,"
        + case
        + "S3,M1,Testpatient,Eve,1961-01-01,female,"
        + case,
        encoding="utf-8",
    )
    code, out, err = _run(["--database", database, "import", str(second)], capsys)
    assert code == 2
    assert err.splitlines()[0] == (
        "row 3, column mrn: MRN M1 is already stored with a different given_name, birth_date; "
        "check the MRN, or give the stored patient's details"
    ), err
    assert len(err.splitlines()) == 2, err
    assert "Ada" not in err  # the stored details are not shown
    assert "patient.mrn" not in err
    assert out == ""
    third = tmp_path / "third.csv"  # sex was never recorded: filling it in is not a conflict
    third.write_text(header + "S4,M1,Testpatient,Ada,1960-01-01,female," + case, encoding="utf-8")
    assert _run(["--database", database, "import", str(third)], capsys)[0] == 0


def test_export_from_a_mistyped_database_path_creates_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    typo = tmp_path / "cases-typo.sqlite3"
    code, out, err = _run(["--database", str(typo), "export", "--format", "csv"], capsys)
    assert code == 1
    assert f"the database {typo} cannot be opened: there is no such file" in err
    assert out == ""
    assert not typo.exists()
