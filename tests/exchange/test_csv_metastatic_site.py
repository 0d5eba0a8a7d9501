"""The CSV's metastatic_site column: codes in and out; free text from files exported before the list of
sites is read as a code when it is one in words, else as `other: <the text>`."""

from __future__ import annotations

import csv
import io
from datetime import date

from her2desk.domain.records import StoredCase
from her2desk.exchange.csv_cases import CASE_COLUMNS, EXPORT_COLUMNS, case_row, parse_csv

ROW = {
    "accession": "S26-00001",
    "mrn": "DEMO000001",
    "family_name": "Testpatient",
    "given_name": "Ada",
    "birth_date": "1960-05-06",
    "site": "breast",
    "procedure": "core-needle-biopsy",
    "laterality": "left",
    "setting": "metastatic",
    "ihc": "3+",
    "stained_pct": "90",
}


def _parse(*sites: str):
    stream = io.StringIO()
    writer = csv.DictWriter(stream, fieldnames=list(CASE_COLUMNS))
    writer.writeheader()
    for number, site in enumerate(sites):
        writer.writerow({**ROW, "accession": f"S26-0000{number}", "metastatic_site": site})
    stream.seek(0)
    return parse_csv(stream, today=date(2026, 1, 1))


def test_codes_are_imported_as_they_are() -> None:
    parsed = _parse("liver", "lymph-node", "skin-chest-wall", "other: adrenal gland")
    assert parsed.problems == []
    assert [e.specimen.metastatic_site for _, e in parsed.entries] == [
        "liver",
        "lymph-node",
        "skin-chest-wall",
        "other: adrenal gland",
    ]
    assert [p.column for p in _parse("other:").problems] == ["metastatic_site"]  # the code needs words


def test_free_text_of_an_old_export_is_read_as_a_code_or_other() -> None:
    parsed = _parse("Liver", "Lymph node", "adrenal gland")
    assert parsed.problems == []
    assert [e.specimen.metastatic_site for _, e in parsed.entries] == [
        "liver",
        "lymph-node",
        "other: adrenal gland",
    ]


def test_a_date_or_an_unspecified_other_is_refused_by_column() -> None:
    parsed = _parse("2024-03-15", "other:")
    assert parsed.entries == []
    messages = [str(p) for p in parsed.problems]
    assert messages[0].startswith("row 2, column metastatic_site: '2024-03-15' looks like a date")
    assert messages[1] == (
        "row 3, column metastatic_site: is required when the site is Other: say which site it is"
    )


def _exported(stored: StoredCase) -> str:
    return case_row(stored)[EXPORT_COLUMNS.index("metastatic_site")]


def test_export_writes_codes(tmp_path) -> None:
    from dataclasses import replace

    from support.backends import make_entry

    from her2desk.domain.vocabulary import ClinicalSetting
    from her2desk.services.case_service import open_case_service

    service = open_case_service(str(tmp_path / "lab.sqlite3"), user="tester")
    try:
        for accession, site in (("S26-00001", "lymph-node"), ("S26-00002", "other: adrenal gland")):
            entry = make_entry(accession)
            specimen = replace(entry.specimen, setting=ClinicalSetting.METASTATIC, metastatic_site=site)
            service.save(entry.with_changes(specimen=specimen), None)
        first, second = service.load("S26-00001"), service.load("S26-00002")
        assert first is not None
        assert second is not None
        assert _exported(first) == "lymph-node"
        assert _exported(second) == "other: adrenal gland"
        legacy = replace(second.entry.specimen, metastatic_site="adrenal")  # free text from before
        assert (
            _exported(replace(second, entry=second.entry.with_changes(specimen=legacy))) == "other: adrenal"
        )
    finally:
        service.close()
