"""Every problem of every row is reported, even when one value of the row cannot be read (tester's report)."""

from __future__ import annotations

import csv
import io
from datetime import date

from her2desk.exchange.csv_cases import CASE_COLUMNS, numbered, parse_csv

TODAY = date(2026, 6, 1)
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


def _parse(*rows: dict[str, str]) -> list[str]:
    stream = io.StringIO()
    writer = csv.DictWriter(stream, fieldnames=list(CASE_COLUMNS))
    writer.writeheader()
    writer.writerows(rows)
    stream.seek(0)
    parsed = parse_csv(stream, TODAY)
    assert parsed.entries == [] or len(parsed.entries) < len(rows)
    return list(numbered(parsed.problems))


def test_an_unreadable_value_does_not_hide_the_rows_other_problems() -> None:
    lines = _parse({**GOOD, "her2": "abc", "cep17": "0", "cells": "19"})
    assert any(line.startswith("row 2, column her2: 'abc' is not a number") for line in lines), lines
    assert any(line.startswith("row 2, column cep17: ") and "greater than 0" in line for line in lines), lines
    assert any(line.startswith("row 2, column cells: ") and "at least 20" in line for line in lines), lines
    # The engine saw her2 as empty; that is not restated as a second, different message.
    assert len([line for line in lines if "column her2" in line]) == 1, lines


def test_every_row_keeps_all_its_problems() -> None:
    lines = _parse(
        {**GOOD, "ihc": "9+", "stained_pct": "500", "cells": "5"},
        {**GOOD, "accession": "S26-00002", "site": "lung", "laterality": "middle", "cep17": "-1"},
    )
    for expected in (
        "row 2, column ihc: '9+' is not allowed",
        "row 2, column stained_pct: must be a percentage from 0 to 100",
        "row 2, column cells: at least 20 cells",
        "row 3, column site: 'lung' is not allowed",
        "row 3, column laterality: 'middle' is not allowed",
        "row 3, column cep17: ",
    ):
        assert any(line.startswith(expected) for line in lines), (expected, lines)


def test_problems_are_listed_in_the_files_column_order() -> None:
    lines = _parse({**GOOD, "her2": "abc", "cep17": "0", "cells": "19"})
    columns = [line.split("column ")[1].split(":")[0] for line in lines]
    assert columns == ["her2", "cep17", "cells"], lines
