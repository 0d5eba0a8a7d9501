"""The export says which cases are signed out, by whom and when; the pre-analytic fields go both ways.

Sign-out and adjudication columns are export-only: a file can never sign a case out, so import accepts
them (an export can be imported again) and ignores their values, and accepts files without them.
"""

from __future__ import annotations

import csv
import io
from dataclasses import replace
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

from test_csv_import_export import GOOD, _import, _write

from her2desk.cli import main
from her2desk.domain.records import SignOutState
from her2desk.domain.vocabulary import Fixative, Status
from her2desk.exchange.csv_cases import (
    CASE_COLUMNS,
    EXPORT_COLUMNS,
    SIGNOUT_COLUMNS,
    case_row,
    numbered,
    parse_csv,
)
from her2desk.services.case_service import open_case_service

PRE_ANALYTIC = {
    "fixative": "10% neutral buffered formalin",
    "cold_ischaemia_minutes": "25",
    "fixation_hours": "30.5",
    "fragments": "4",
    "fragments_with_tumour": "3",
}
OLD_HEADER = [c for c in CASE_COLUMNS if c not in PRE_ANALYTIC]


def _export(url: str, capsys) -> list[dict[str, str]]:  # type: ignore[no-untyped-def]
    assert main(["--database", url, "export", "--format", "csv"]) == 0
    return list(csv.DictReader(io.StringIO(capsys.readouterr().out)))


def test_export_tells_signed_out_cases_from_the_others(db_url: str, capsys) -> None:  # type: ignore[no-untyped-def]
    from her2desk.demo.seed import seed_demo

    seed_demo(db_url, 60, seed=5)
    rows = _export(db_url, capsys)
    assert list(rows[0]) == list(EXPORT_COLUMNS)
    assert {"signed-out", "entered"} <= {r["signout_state"] for r in rows}
    service = open_case_service(db_url)
    try:
        for row in rows:
            stored = service.load(row["accession"])
            assert row["signout_state"] == stored.signout_state.value
            assert row["report_version"] == str(stored.report_version)
            assert row["signed_out_by"] == (stored.signed_out_by or "")
            if stored.signout_state is SignOutState.SIGNED_OUT:
                assert row["signed_out_by"]
                at = datetime.fromisoformat(row["signed_out_at"])
                assert abs(at - stored.signed_out_at).total_seconds() < 1  # type: ignore[operator]
            else:
                assert row["signout_state"] != "signed-out"
    finally:
        service.close()


def test_adjudication_columns_carry_the_adjudicated_status_and_reason(
    sqlite_url: str, tmp_path: Path, capsys
) -> None:  # type: ignore[no-untyped-def]
    _import(sqlite_url, _write(tmp_path / "in.csv", [GOOD]), capsys)
    service = open_case_service(sqlite_url)
    try:
        stored = service.load(GOOD["accession"])
    finally:
        service.close()
    signed = replace(
        stored,
        signout_state=SignOutState.SIGNED_OUT,
        report_version=2,
        signed_out_by="demo-pathologist",
        signed_out_at=datetime(2026, 3, 4, 9, 30, 5, tzinfo=UTC),
        adjudicated_status=Status.NEGATIVE,
        adjudication_reason="Second reader: ISH group 4, IHC 1+",
        reported_result=None,  # made by hand: the reported result follows from the fields above
    )
    row = dict(zip(EXPORT_COLUMNS, case_row(signed), strict=True))
    assert [row[c] for c in SIGNOUT_COLUMNS] == [
        "signed-out",
        "2",
        "demo-pathologist",
        "2026-03-04T09:30:05+00:00",
        "negative",
        "Second reader: ISH group 4, IHC 1+",
    ]
    # The reported result is the adjudicated one (an adjudicated breast negative with IHC 2+ is
    # HER2-low); the engine's own result stays beside it.
    assert (row["reported_status"], row["reported_descriptor"]) == ("negative", "HER2-low")
    assert (row["engine_status"], row["engine_descriptor"]) == ("positive", "")


def test_import_ignores_sign_out_columns_and_accepts_files_without_them(
    sqlite_url: str, tmp_path: Path, capsys
) -> None:  # type: ignore[no-untyped-def]
    claims = {
        "signout_state": "signed-out",
        "report_version": "7",
        "signed_out_by": "someone",
        "signed_out_at": "not even a time",
        "adjudicated_status": "negative",
        "adjudication_reason": "typed into a spreadsheet",
    }
    with_columns = _write(tmp_path / "with.csv", [{**GOOD, **claims}], list(EXPORT_COLUMNS))
    old = {k: v for k, v in GOOD.items() if k in OLD_HEADER}
    without = _write(tmp_path / "old.csv", [{**old, "accession": "S26-00002"}], OLD_HEADER)
    for path in (with_columns, without):
        code, _out, err = _import(sqlite_url, path, capsys)
        assert (code, err) == (0, "")
    service = open_case_service(sqlite_url)
    try:
        for accession in ("S26-00001", "S26-00002"):
            stored = service.load(accession)
            assert stored.signout_state is not SignOutState.SIGNED_OUT
            assert (stored.report_version, stored.signed_out_by, stored.signed_out_at) == (1, None, None)
            assert (stored.adjudicated_status, stored.adjudication_reason) == (None, None)
            assert stored.entry.specimen.fixative is None
    finally:
        service.close()


def test_pre_analytic_fields_round_trip(sqlite_url: str, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    code, _out, err = _import(sqlite_url, _write(tmp_path / "in.csv", [{**GOOD, **PRE_ANALYTIC}]), capsys)
    assert (code, err) == (0, "")
    service = open_case_service(sqlite_url)
    try:
        specimen = service.load(GOOD["accession"]).entry.specimen
    finally:
        service.close()
    assert specimen.fixative is Fixative.NBF
    assert specimen.cold_ischaemia_minutes == 25
    assert specimen.fixation_hours == Decimal("30.5")
    assert (specimen.fragments, specimen.fragments_with_tumour) == (4, 3)
    row = _export(sqlite_url, capsys)[0]
    # The store keeps hours to two places ("30.50"): the same number, and it reads back the same.
    assert {name: row[name] for name in PRE_ANALYTIC} == {**PRE_ANALYTIC, "fixation_hours": "30.50"}


def _problems(**cells: str) -> list[str]:
    stream = io.StringIO()
    writer = csv.DictWriter(stream, fieldnames=list(CASE_COLUMNS), lineterminator="\n")
    writer.writeheader()
    writer.writerow({**GOOD, **cells})
    stream.seek(0)
    return list(numbered(parse_csv(stream).problems))


def test_bad_pre_analytic_values_name_their_column_and_what_is_allowed() -> None:
    assert _problems(fixative="formalin") == [
        "row 2, column fixative: 'formalin' is not allowed; choose one of: "
        + ", ".join(f.value for f in Fixative)
    ]
    [minutes] = _problems(cold_ischaemia_minutes="twenty")
    assert minutes.startswith("row 2, column cold_ischaemia_minutes: ")
    assert "whole number" in minutes
    [hours] = _problems(fixation_hours="a day")
    assert hours.startswith("row 2, column fixation_hours: ")
    assert "not a number" in hours
    assert _problems(fixation_hours="-1") == ["row 2, column fixation_hours: must be 0 hours or more"]
    [fragments] = _problems(fragments="2", fragments_with_tumour="3")
    assert fragments.startswith("row 2, column fragments_with_tumour: ")
