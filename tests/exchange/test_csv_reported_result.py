"""The export names the reported result and the engine's apart; old files still import; scoring criteria.

A downstream reader of the old `status` column took the engine's ADJUDICATION for a case the lab
reported positive. The export now has `reported_status`/`reported_descriptor` beside
`engine_status`/`engine_descriptor`, and no `status` column at all. Every result column is export-only:
import recomputes the engine's result and never adjudicates, so their values are ignored, under the new
names and under the old ones (files exported before still import).
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from test_csv_import_export import GOOD, _import, _write

from her2desk.cli import main
from her2desk.domain.vocabulary import ScoringCriteria, Status
from her2desk.exchange.csv_cases import (
    CASE_COLUMNS,
    EXPORT_COLUMNS,
    FORMER_EXPORT_ONLY_COLUMNS,
    RESULT_COLUMNS,
    SIGNOUT_COLUMNS,
    numbered,
    parse_csv,
)
from her2desk.services.case_service import open_case_service

# The header `her2desk export` wrote before the reported result and the scoring criteria existed.
OLD_EXPORT_HEADER = [
    *[c for c in CASE_COLUMNS if c != "scoring_criteria"],
    *("status", "ish_group", "ratio", "descriptor", "next_step"),
    *SIGNOUT_COLUMNS,
]
OTHER_SITE = {"site": "pancreas", "laterality": "", "procedure": "surgical-resection", "ihc": "3+"}
NO_ISH = {"ish": "", "her2": "", "cep17": "", "cells": ""}


def _export(url: str, capsys) -> list[dict[str, str]]:  # type: ignore[no-untyped-def]
    assert main(["--database", url, "export", "--format", "csv"]) == 0
    return list(csv.DictReader(io.StringIO(capsys.readouterr().out)))


def test_the_export_header_names_whose_result_each_column_is() -> None:
    assert RESULT_COLUMNS[:4] == (
        "reported_status",
        "reported_descriptor",
        "engine_status",
        "engine_descriptor",
    )
    for former in FORMER_EXPORT_ONLY_COLUMNS:
        assert former not in EXPORT_COLUMNS  # nobody can take the engine's status for the reported one
    assert "scoring_criteria" in CASE_COLUMNS
    assert len(set(EXPORT_COLUMNS)) == len(EXPORT_COLUMNS)


def test_a_file_exported_before_imports_and_its_result_columns_are_ignored(
    sqlite_url: str, tmp_path: Path, capsys
) -> None:  # type: ignore[no-untyped-def]
    claims = {
        "status": "negative",  # the engine says positive (IHC 2+, group 1): the claim must not count
        "ish_group": "5",
        "ratio": "1.10",
        "descriptor": "HER2-low",
        "next_step": "adjudicate",
        "signout_state": "signed-out",
        "adjudicated_status": "negative",
        "adjudication_reason": "typed into a spreadsheet",
    }
    path = _write(tmp_path / "old-export.csv", [{**GOOD, **claims}], OLD_EXPORT_HEADER)
    code, out, err = _import(sqlite_url, path, capsys)
    assert (code, err) == (0, "")
    assert "imported 1" in out
    with open_case_service(sqlite_url) as service:
        stored = service.load(GOOD["accession"])
    assert stored is not None
    assert stored.interpretation.status is Status.POSITIVE
    assert stored.reported.status is Status.POSITIVE
    assert stored.adjudicated_status is None
    assert stored.entry.specimen.scoring_criteria is None
    [row] = _export(sqlite_url, capsys)
    assert list(row) == list(EXPORT_COLUMNS)
    assert (row["reported_status"], row["engine_status"], row["ish_group"]) == ("positive", "positive", "1")


def test_a_new_export_imports_and_its_reported_columns_are_ignored(
    sqlite_url: str, tmp_path: Path, capsys
) -> None:  # type: ignore[no-untyped-def]
    claims = {
        "reported_status": "negative",
        "reported_descriptor": "HER2-low",
        "engine_status": "adjudication",
        "engine_descriptor": "",
        "adjudicated_status": "negative",
    }
    path = _write(tmp_path / "new-export.csv", [{**GOOD, **claims}], list(EXPORT_COLUMNS))
    code, _out, err = _import(sqlite_url, path, capsys)
    assert (code, err) == (0, "")
    [row] = _export(sqlite_url, capsys)
    assert (row["reported_status"], row["reported_descriptor"]) == ("positive", "")
    assert (row["engine_status"], row["adjudicated_status"]) == ("positive", "")


def test_scoring_criteria_round_trip(sqlite_url: str, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    rows = [
        {**GOOD, **OTHER_SITE, **NO_ISH, "stained_pct": "50", "scoring_criteria": "gastroesophageal"},
        {
            **GOOD,
            **OTHER_SITE,
            **NO_ISH,
            "accession": "S26-00002",
            "stained_pct": "50",
            "scoring_criteria": "breast",
        },
        {**GOOD, "accession": "S26-00003"},  # breast: no criteria to choose
    ]
    code, _out, err = _import(sqlite_url, _write(tmp_path / "in.csv", rows), capsys)
    assert (code, err) == (0, "")
    with open_case_service(sqlite_url) as service:
        stored = {a: service.load(a) for a in ("S26-00001", "S26-00002", "S26-00003")}
    chosen = {a: s.entry.specimen.scoring_criteria for a, s in stored.items() if s is not None}
    assert chosen == {
        "S26-00001": ScoringCriteria.GASTROESOPHAGEAL,
        "S26-00002": ScoringCriteria.BREAST,
        "S26-00003": None,
    }
    exported = {r["accession"]: r["scoring_criteria"] for r in _export(sqlite_url, capsys)}
    assert exported == {"S26-00001": "gastroesophageal", "S26-00002": "breast", "S26-00003": ""}


def test_a_bad_scoring_criteria_names_its_column_and_what_is_allowed() -> None:
    stream = io.StringIO()
    writer = csv.DictWriter(stream, fieldnames=list(CASE_COLUMNS), lineterminator="\n")
    writer.writeheader()
    writer.writerow({**GOOD, **OTHER_SITE, **NO_ISH, "stained_pct": "50", "scoring_criteria": "gastric"})
    stream.seek(0)
    assert list(numbered(parse_csv(stream).problems)) == [
        "row 2, column scoring_criteria: 'gastric' is not allowed; choose one of: gastroesophageal, breast"
    ]


def test_an_unknown_column_is_still_refused() -> None:
    stream = io.StringIO(",".join([*CASE_COLUMNS, "reported"]) + "\n")
    problems = [str(p) for p in parse_csv(stream).problems]
    assert len(problems) == 1
    assert problems[0].startswith("row 1, column reported: unknown column; the columns are: accession,")


def test_every_column_is_documented() -> None:
    storage = (Path(__file__).resolve().parents[2] / "docs" / "storage.md").read_text(encoding="utf-8")
    section = storage[storage.index("## Import and export (CSV)") :]
    section = section[: section.index("\n## ", 1)]
    for column in (*EXPORT_COLUMNS, *FORMER_EXPORT_ONLY_COLUMNS):
        assert f"`{column}`" in section, column


def test_a_file_from_before_the_criteria_column_keeps_the_gastroesophageal_criteria() -> None:
    """Rows of sites without a guideline in a file written before `scoring_criteria` existed were scored
    with the gastroesophageal criteria (the only ones then); with the column, a choice is required."""
    from datetime import date

    from her2desk.domain.vocabulary import ScoringCriteria, Site
    from her2desk.exchange.csv_cases import CASE_COLUMNS, parse_row

    row = dict.fromkeys(CASE_COLUMNS, "")
    row.update(site="pancreas", procedure="core-needle-biopsy", ihc_score="3+")
    old = {k: v for k, v in row.items() if k != "scoring_criteria"}
    entry, _problems = parse_row(old, date(2026, 1, 1))
    assert entry.specimen.site is Site.PANCREAS
    assert entry.specimen.scoring_criteria is ScoringCriteria.GASTROESOPHAGEAL
    entry, _problems = parse_row(row, date(2026, 1, 1))
    assert entry.specimen.scoring_criteria is None  # a new file must say which
