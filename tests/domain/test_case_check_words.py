"""Every front end puts a field's name before its message (the form's label, the command line's option,
the CSV column), so a message that starts with the name again reads doubled: "Accession number:
Accession number is required". Values are named in the form's words, never by their codes."""

from __future__ import annotations

from datetime import date

import pytest

from her2desk.domain.case import CaseEntry, PatientDetails, SpecimenDetails
from her2desk.domain.case_checks import check_case
from her2desk.domain.labels import field_label
from her2desk.domain.parsing import in_codes
from her2desk.domain.vocabulary import Procedure, Site

TODAY = date(2026, 3, 1)


def messages(entry: CaseEntry) -> dict[str, str]:
    return {p.field: p.message for p in check_case(entry, today=TODAY).errors}


def test_an_empty_case_names_no_field_in_its_messages() -> None:
    found = messages(CaseEntry())
    assert found["accession"] == "required"
    assert found["patient.mrn"] == "required"
    assert found["patient.family_name"] == "required"
    assert found["patient.birth_date"] == "required (a second patient identifier)"
    for field, message in found.items():
        assert not message.lower().startswith(field_label(field).lower()), (field, message)


@pytest.mark.parametrize(
    ("patient", "field", "expected"),
    [
        (PatientDetails(mrn=" M1"), "patient.mrn", "must not start or end with spaces"),
        (PatientDetails(family_name="x" * 201), "patient.family_name", "must be at most 200 characters"),
        (PatientDetails(birth_date=date(2027, 1, 1)), "patient.birth_date", "2027-01-01 is in the future"),
    ],
)
def test_a_bad_value_is_described_without_the_field_name(
    patient: PatientDetails, field: str, expected: str
) -> None:
    message = messages(CaseEntry(patient=patient))[field]
    assert message.startswith(expected)


def test_collection_before_birth_names_both_dates() -> None:
    entry = CaseEntry(
        patient=PatientDetails(birth_date=date(1970, 5, 1)),
        specimen=SpecimenDetails(collected_on=date(1969, 1, 1)),
    )
    assert messages(entry)["specimen.collected_on"] == "1969-01-01 is before the birth date 1970-05-01"


def test_missing_site_and_procedure_list_the_forms_words_not_codes() -> None:
    found = messages(CaseEntry())
    assert "Gastroesophageal junction" in found["site"]
    assert "Fine needle aspiration" in found["procedure"]
    for code in [*Site, *Procedure]:
        if "-" in code.value:
            assert code.value not in found["site"] + found["procedure"]


def test_where_codes_are_typed_the_allowed_values_are_named_by_their_codes() -> None:
    """The command line and a CSV cell take codes (core-needle-biopsy): there the same message lists
    the codes, so what it says can be typed."""
    problem = next(p for p in check_case(CaseEntry(), today=TODAY).errors if p.field == "procedure")
    coded = in_codes(problem)
    assert coded.field == "procedure"
    assert coded.message == "required; choose one of: " + ", ".join(p.value for p in Procedure)
    other = next(p for p in check_case(CaseEntry(), today=TODAY).errors if p.field == "accession")
    assert in_codes(other) == other
