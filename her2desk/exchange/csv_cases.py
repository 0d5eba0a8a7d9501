"""Cases as CSV: the import/export format of `her2desk import` and `her2desk export`.

Parsing uses the domain's own parsers and whole-case checks, so a CSV cell is judged exactly like
the same value typed on the command line or in the form, and every problem names its row (the header
is row 1, as a spreadsheet shows it) and its column. Nothing here touches the database.

The export carries the reported result (`reported_status`, `reported_descriptor`: the pathologist's
adjudicated status when there is one, else the engine's; `domain.reported_result`) beside the
engine's own (`engine_status`, `engine_descriptor`), under names no reader can mistake: a downstream
program that took the old `status` column took the engine's ADJUDICATION for a case reported positive.
Every column is documented in docs/storage.md ("Import and export").
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum
from typing import IO, TypeVar

from her2desk.domain.case import CaseEntry, IhcDetails, IshDetails, PatientDetails, SpecimenDetails
from her2desk.domain.case_checks import check_case
from her2desk.domain.guideline_settings import DEFAULT_SETTINGS, GuidelineSettings
from her2desk.domain.inputs import INPUT_FIELDS, IshCount
from her2desk.domain.metastatic_site import exported_value, from_free_text
from her2desk.domain.numbers import format_decimal
from her2desk.domain.parsing import (
    in_codes,
    parse_decimal,
    parse_enum,
    parse_integer,
    parse_test_input,
    shown,
)
from her2desk.domain.problems import Problem
from her2desk.domain.records import StoredCase
from her2desk.domain.vocabulary import ClinicalSetting, Fixative, Laterality, ScoringCriteria, Sex, Site
from her2desk.exchange.spreadsheet import defuse, restore

E = TypeVar("E", bound=StrEnum)

CASE_COLUMNS: tuple[str, ...] = (
    "accession", "mrn", "family_name", "given_name", "birth_date", "sex", "site", "procedure",
    "laterality", "setting", "metastatic_site", "collected_on", "block", "ihc_clone", "ihc",
    "stained_pct", "cluster_cells", "ish", "her2", "cep17", "cells", "recount_her2", "recount_cep17",
    "recount_cells", "fixative", "cold_ischaemia_minutes", "fixation_hours", "fragments",
    "fragments_with_tumour", "scoring_criteria",
)  # fmt: skip
# Export-only: the engine recomputes every result on import, and only the workflow adjudicates.
# The reported result first, then the engine's own status, descriptor, numbers and next step.
RESULT_COLUMNS: tuple[str, ...] = (
    "reported_status", "reported_descriptor", "engine_status", "engine_descriptor", "ish_group", "ratio",
    "next_step",
)  # fmt: skip
# Export-only, like the result columns: sign-out is a workflow with its own checks and audit, so a file
# can never sign a case out. Import accepts a file with or without them and ignores their values.
SIGNOUT_COLUMNS: tuple[str, ...] = (
    "signout_state", "report_version", "signed_out_by", "signed_out_at", "adjudicated_status",
    "adjudication_reason",
)  # fmt: skip
EXPORT_ONLY_COLUMNS = RESULT_COLUMNS + SIGNOUT_COLUMNS
EXPORT_COLUMNS = CASE_COLUMNS + EXPORT_ONLY_COLUMNS
# The engine's status and descriptor as files exported before the reported result named them. Still
# accepted on import (so those files import) and, like every export-only column, ignored; never written.
FORMER_EXPORT_ONLY_COLUMNS: tuple[str, ...] = ("status", "descriptor")
IMPORT_COLUMNS = frozenset(EXPORT_COLUMNS + FORMER_EXPORT_ONLY_COLUMNS)
TEST_COLUMNS = frozenset(INPUT_FIELDS)
REQUIRED_COLUMNS = ("accession", "mrn", "family_name", "given_name", "birth_date", "site", "procedure")

# check_case's field names -> CSV columns (the engine's own fields already have the column's name).
FIELD_TO_COLUMN = {
    "accession": "accession",
    "patient.mrn": "mrn",
    "patient.family_name": "family_name",
    "patient.given_name": "given_name",
    "patient.birth_date": "birth_date",
    "patient.sex": "sex",
    "specimen.site": "site",
    "specimen.procedure": "procedure",
    "specimen.laterality": "laterality",
    "specimen.setting": "setting",
    "specimen.metastatic_site": "metastatic_site",
    "specimen.metastatic_site_other": "metastatic_site",
    "specimen.collected_on": "collected_on",
    "specimen.block": "block",
    "ihc.clone": "ihc_clone",
    "ihc.score": "ihc",
    "specimen.fixative": "fixative",
    "specimen.cold_ischaemia_minutes": "cold_ischaemia_minutes",
    "specimen.fixation_hours": "fixation_hours",
    "specimen.fragments": "fragments",
    "specimen.fragments_with_tumour": "fragments_with_tumour",
    "specimen.scoring_criteria": "scoring_criteria",
}


@dataclass(frozen=True)
class CsvProblem:
    row: int
    column: str
    message: str

    def __str__(self) -> str:
        if self.column:
            return f"row {self.row}, column {self.column}: {self.message}"
        return f"row {self.row}: {self.message}"


@dataclass(frozen=True)
class ParsedFile:
    entries: list[tuple[int, CaseEntry]]
    problems: list[CsvProblem]


def _parse_date(text: str, column: str) -> date | Problem:
    value = text.strip()
    try:
        if len(value) != 10:
            raise ValueError
        return date.fromisoformat(value)
    except ValueError:
        return Problem(column, f"{shown(text)} is not a date; use YYYY-MM-DD, e.g. 2025-03-04")


def _optional_enum(enum_type: type[E], text: str, column: str, problems: list[Problem]) -> E | None:
    if not text.strip():
        return None
    parsed = parse_enum(enum_type, text, column)
    if isinstance(parsed, Problem):
        problems.append(parsed)
        return None
    return parsed


def _optional_date(text: str, column: str, problems: list[Problem]) -> date | None:
    if not text.strip():
        return None
    parsed = _parse_date(text, column)
    if isinstance(parsed, Problem):
        problems.append(parsed)
        return None
    return parsed


def _optional_integer(text: str, column: str, problems: list[Problem]) -> int | None:
    if not text.strip():
        return None
    parsed = parse_integer(text, column)
    if isinstance(parsed, Problem):
        problems.append(parsed)
        return None
    return parsed


def _optional_decimal(text: str, column: str, problems: list[Problem]) -> Decimal | None:
    if not text.strip():
        return None
    parsed = parse_decimal(text, column)
    if isinstance(parsed, Problem):
        problems.append(parsed)
        return None
    return parsed


def _text(value: str) -> str | None:
    return value if value.strip() else None


def _count(her2: Decimal | None, cep17: Decimal | None, cells: int | None) -> IshCount | None:
    """A partial count is kept as it is (like the form does), so the checks still see the values that
    could be read; `Her2TestInput.first_count` would drop the whole count when one value is missing."""
    if her2 is None and cep17 is None and cells is None:
        return None
    return IshCount(her2, cep17, cells)


def _criteria(
    raw: dict[str, str], site: Site | None, parsed: ScoringCriteria | None
) -> ScoringCriteria | None:
    """The criteria chosen for a site without a guideline. A file written before the column existed
    (no `scoring_criteria` column at all) scored such sites with the gastroesophageal criteria, the
    only ones there were, so its rows keep them, as the schema upgrade did for stored cases; a file
    that has the column must choose."""
    if "scoring_criteria" not in raw and site is not None and not site.has_site_specific_guideline:
        return ScoringCriteria.GASTROESOPHAGEAL
    return parsed  # read (and any problem reported) with the rest of the test input


def parse_row(
    raw: dict[str, str], today: date, settings: GuidelineSettings = DEFAULT_SETTINGS
) -> tuple[CaseEntry, list[Problem]]:
    """One CSV row -> a case and its problems, each named by CSV column."""
    problems: list[Problem] = []
    cell = {name: restore(raw.get(name) or "") for name in CASE_COLUMNS}  # exchange.spreadsheet
    for name in REQUIRED_COLUMNS:
        if not cell[name].strip():
            problems.append(Problem(name, "is required"))
    test, test_problems = parse_test_input(cell)
    problems.extend(test_problems)
    setting = _optional_enum(ClinicalSetting, cell["setting"], "setting", problems)
    entry = CaseEntry(
        accession=cell["accession"],
        patient=PatientDetails(
            mrn=cell["mrn"],
            family_name=cell["family_name"],
            given_name=cell["given_name"],
            birth_date=_optional_date(cell["birth_date"], "birth_date", problems),
            sex=_optional_enum(Sex, cell["sex"], "sex", problems),
        ),
        specimen=SpecimenDetails(
            procedure=test.procedure,
            site=test.site,
            laterality=_optional_enum(Laterality, cell["laterality"], "laterality", problems),
            setting=setting or ClinicalSetting.PRIMARY,
            # A code, `other: <words>`, or free text from a file exported before the list of sites.
            metastatic_site=from_free_text(site) if (site := _text(cell["metastatic_site"])) else None,
            collected_on=_optional_date(cell["collected_on"], "collected_on", problems),
            block=_text(cell["block"]),
            fixative=_optional_enum(Fixative, cell["fixative"], "fixative", problems),
            cold_ischaemia_minutes=_optional_integer(
                cell["cold_ischaemia_minutes"], "cold_ischaemia_minutes", problems
            ),
            fixation_hours=_optional_decimal(cell["fixation_hours"], "fixation_hours", problems),
            fragments=_optional_integer(cell["fragments"], "fragments", problems),
            fragments_with_tumour=_optional_integer(
                cell["fragments_with_tumour"], "fragments_with_tumour", problems
            ),
            # Only meaningful for a site without a guideline of its own; check_case judges that.
            scoring_criteria=_criteria(raw, test.site, test.scoring_criteria),
        ),
        ihc=IhcDetails(
            clone=_text(cell["ihc_clone"]),
            score=test.ihc,
            stained_pct=test.stained_pct,
            cluster_cells=test.cluster_cells,
        ),
        ish=IshDetails(
            probe=test.ish,
            first=_count(test.her2, test.cep17, test.cells),
            second=_count(test.recount_her2, test.recount_cep17, test.recount_cells),
        ),
    )
    # A value that could not be read reaches the checks as "not given"; what they say about that
    # column only restates the parser's message, but what they say about every other column stands
    # (her2=abc does not make cep17=0 or cells=19 acceptable), as in the form and on the command line.
    bad_columns = {p.field for p in problems}
    for problem in check_case(entry, today, settings).errors:
        column = FIELD_TO_COLUMN.get(problem.field, problem.field)
        if column not in bad_columns:
            problems.append(Problem(column, problem.message))
    return entry, problems


def _records(reader: Iterator[list[str]], problems: list[CsvProblem]) -> Iterator[tuple[int, list[str]]]:
    """Data rows numbered as a spreadsheet shows them; malformed CSV ends the file with a problem."""
    row_number = 1
    while True:
        row_number += 1
        try:
            values = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            problems.append(
                CsvProblem(row_number, "", f"not valid CSV ({error}); the rest of the file was not read")
            )
            return
        yield row_number, values


def parse_csv(
    stream: IO[str], today: date | None = None, settings: GuidelineSettings = DEFAULT_SETTINGS
) -> ParsedFile:
    """Parse a whole file; all-or-nothing is the caller's job, every problem is reported here. Rows are
    checked with `settings`: the lab's rule settings of the database the file goes into."""
    today = today or date.today()
    reader = csv.reader(stream)
    problems: list[CsvProblem] = []
    entries: list[tuple[int, CaseEntry]] = []
    try:
        header = next(reader)
    except StopIteration:
        return ParsedFile([], [CsvProblem(1, "", "the file is empty; a header row is required")])
    except csv.Error as error:
        return ParsedFile([], [CsvProblem(1, "", f"not valid CSV ({error})")])
    for name in header:
        if name not in IMPORT_COLUMNS:
            problems.append(
                CsvProblem(1, name, f"unknown column; the columns are: {', '.join(EXPORT_COLUMNS)}")
            )
    for name in sorted({n for n in header if header.count(n) > 1}):
        problems.append(CsvProblem(1, name, "column appears more than once"))
    for name in REQUIRED_COLUMNS:
        if name not in header:
            problems.append(CsvProblem(1, name, "required column is missing"))
    if problems:
        return ParsedFile([], problems)
    seen_accessions: dict[str, int] = {}
    seen_patients: dict[str, tuple[int, PatientDetails]] = {}
    for row_number, values in _records(reader, problems):
        if not any(v.strip() for v in values):
            continue
        if len(values) != len(header):
            problems.append(
                CsvProblem(row_number, "", f"has {len(values)} cells but the header has {len(header)}")
            )
            continue
        entry, row_problems = parse_row(dict(zip(header, values, strict=True)), today, settings)
        # Allowed values are named as they are written in a CSV cell, by their codes.
        problems.extend(CsvProblem(row_number, p.field, in_codes(p).message) for p in row_problems)
        accession = entry.accession
        if accession in seen_accessions:
            problems.append(
                CsvProblem(
                    row_number, "accession", f"{accession} is also on row {seen_accessions[accession]}"
                )
            )
        elif accession:
            seen_accessions[accession] = row_number
        previous = seen_patients.get(entry.patient.mrn)
        if previous and previous[1] != entry.patient:
            problems.append(
                CsvProblem(
                    row_number,
                    "mrn",
                    f"{entry.patient.mrn} has different patient details on row {previous[0]}",
                )
            )
        elif entry.patient.mrn:
            seen_patients[entry.patient.mrn] = (row_number, entry.patient)
        if not row_problems:
            entries.append((row_number, entry))
    return ParsedFile(entries, problems)


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, StrEnum):
        return value.value
    if isinstance(value, datetime):
        # With its offset when the store gives one, so a reader knows which clock it is.
        return value.isoformat(timespec="seconds")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def case_row(case: StoredCase) -> list[str]:
    """One case as a CSV row in EXPORT_COLUMNS order; the result columns read `case.reported`."""
    e, r, reported = case.entry, case.interpretation, case.reported
    first, second = e.ish.first, e.ish.second
    values: list[object] = [
        e.accession, e.patient.mrn, e.patient.family_name, e.patient.given_name, e.patient.birth_date,
        e.patient.sex, e.specimen.site, e.specimen.procedure, e.specimen.laterality, e.specimen.setting,
        exported_value(e.specimen.metastatic_site), e.specimen.collected_on, e.specimen.block, e.ihc.clone,
        e.ihc.score,
        e.ihc.stained_pct, e.ihc.cluster_cells, e.ish.probe,
        first.her2 if first else None, first.cep17 if first else None, first.cells if first else None,
        second.her2 if second else None, second.cep17 if second else None, second.cells if second else None,
        e.specimen.fixative, e.specimen.cold_ischaemia_minutes,
        format_decimal(e.specimen.fixation_hours) if e.specimen.fixation_hours is not None else None,
        e.specimen.fragments, e.specimen.fragments_with_tumour, e.specimen.scoring_criteria,
        reported.status, reported.descriptor, r.status, r.descriptor, r.ish_group,
        format_decimal(r.ratio) if r.ratio is not None else None, r.next_step,
        case.signout_state, case.report_version, case.signed_out_by, case.signed_out_at,
        case.adjudicated_status, case.adjudication_reason,
    ]  # fmt: skip
    return [defuse(_cell(v)) for v in values]  # no cell a spreadsheet would run (exchange.spreadsheet)


def write_csv(stream: IO[str], cases: Iterable[StoredCase]) -> int:
    """Write the header and one row per case as they come (the iterable may stream from the store)."""
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(EXPORT_COLUMNS)
    count = 0
    for case in cases:
        writer.writerow(case_row(case))
        count += 1
    return count


_COLUMN_ORDER = {name: index for index, name in enumerate(EXPORT_COLUMNS)}


def numbered(problems: Iterable[CsvProblem]) -> Iterator[str]:
    """Row by row, and within a row in the file's column order (a whole-row problem first)."""

    def position(problem: CsvProblem) -> tuple[int, int]:
        column = -1 if not problem.column else _COLUMN_ORDER.get(problem.column, len(_COLUMN_ORDER))
        return problem.row, column

    for problem in sorted(problems, key=position):
        yield str(problem)
