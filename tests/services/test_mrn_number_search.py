"""The worklist search finds an MRN typed as its number alone ("72" for "DEMO0000072"), exactly, on
SQLite and PostgreSQL, beside the prefix searches it leaves as they were."""

from __future__ import annotations

import pytest
from support.backends import make_entry

from her2desk.domain.records import WorklistOrder, WorklistQuery

MRNS = {
    "S26-A1": "DEMO0000072",
    "S26-A2": "MRN-00072",
    "S26-A3": "DEMO0000720",
    "S26-A4": "DEMO0000172",
    "S26-A5": "7200",
    "S26-A6": "DEMO0000000",
    "S26-A7": "NODIGITS",
}


@pytest.fixture
def numbered(service):
    for accession, mrn in MRNS.items():
        service.save(make_entry(accession=accession, mrn=mrn), None)
    return service


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("72", {"S26-A1", "S26-A2", "S26-A5"}),  # the number exactly, and "7200" by prefix
        (" 72 ", {"S26-A1", "S26-A2", "S26-A5"}),  # trimmed first
        ("0072", {"S26-A1", "S26-A2"}),  # leading zeros typed are dropped too
        ("720", {"S26-A3", "S26-A5"}),  # "7200" by prefix
        ("172", {"S26-A4"}),
        ("7", {"S26-A5"}),  # never a prefix of the number: only the MRN that starts with 7
        ("2", set()),  # nor its end
        ("0", {"S26-A6"}),  # the number 0
        ("72a", set()),  # not digits alone: prefix search only
        ("7 2", set()),
        ("DEMO0000", {"S26-A1", "S26-A3", "S26-A4", "S26-A6"}),  # an MRN prefix still works
        ("mrn-000", {"S26-A2"}),  # upper-cased, by prefix
        ("S26-A", set(MRNS)),  # accession prefixes as before
    ],
)
def test_digits_alone_find_the_mrn_of_that_number(numbered, text: str, expected: set[str]) -> None:
    rows = numbered.worklist_page(WorklistQuery(text=text), 0, 50)
    assert {r.accession for r in rows} == expected
    assert numbered.worklist_count(WorklistQuery(text=text)) == len(expected)


def test_number_matches_keep_the_worklist_order_and_paging(numbered) -> None:
    for accession, mrn in (("S26-B1", "B-072"), ("S26-B2", "C72"), ("S26-B3", "D0072")):
        numbered.save(make_entry(accession=accession, mrn=mrn), None)
    query = WorklistQuery(text="72", order_by=WorklistOrder.MRN, descending=False)
    rows = numbered.worklist_page(query, 0, 50)
    assert [r.mrn for r in rows] == ["7200", "B-072", "C72", "D0072", "DEMO0000072", "MRN-00072"]
    first = numbered.worklist_page(query, 0, 4)
    second = numbered.worklist_page(query, 4, 4, after=first[-1].case_id, total=6)
    assert [r.mrn for r in first + second] == [r.mrn for r in rows]


def test_a_new_patient_is_found_by_number_at_once(service) -> None:
    """The key is written with the patient row (no back-fill needed for patients saved later)."""
    service.save(make_entry(accession="S26-C1", mrn="HOSP-000941"), None)
    assert [r.accession for r in service.worklist_page(WorklistQuery(text="941"), 0, 50)] == ["S26-C1"]


def test_both_search_plans_find_the_number(service) -> None:
    """A broad search walks the order index testing each row; it tests the number too."""
    from her2desk.demo.seed import seed_demo
    from her2desk.store import queries

    seed_demo(service, 300, seed=5)
    with service.database.reader() as session:
        for text in ("72", "00072"):
            for order in (WorklistOrder.COLLECTED_ON, WorklistOrder.PATIENT):
                query = WorklistQuery(text=text, order_by=order)
                narrow, broad = (
                    session.execute(queries.page_statement(query, 0, 40, b)).all() for b in (False, True)
                )
                assert narrow == broad
                assert {row.mrn for row in narrow} == {"DEMO0000072"}
