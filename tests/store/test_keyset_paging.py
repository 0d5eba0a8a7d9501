"""Keyset paging: a page read from its neighbour's boundary case (after it or before it) or counted from
the end holds exactly the rows the same page read by OFFSET holds, on SQLite and PostgreSQL.

The data is made hard on purpose: long runs of ties on every sort key (one collection date for most
cases, a few statuses, a few sites), NULL keys (no date, no site, no reported status) which sort as
the smallest value, and filters that leave gaps. A page boundary inside a run of ties, or at the edge
between NULL and non-NULL keys, is where a wrong keyset condition repeats or drops rows.
"""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select, update

from her2desk.demo.seed import seed_demo
from her2desk.domain.identifiers import mrn_number_key
from her2desk.domain.records import SignOutState, WorklistOrder, WorklistQuery
from her2desk.domain.vocabulary import Site, Status
from her2desk.services.case_service import CaseService
from her2desk.store.schema import Case, Patient, Specimen

CASES = 157
PAGE = 3  # small pages: many boundaries, several inside each run of ties


@pytest.fixture
def tied(service: CaseService) -> CaseService:
    seed_demo(service, CASES, seed=3)
    with service.database.writer() as session, session.begin():
        session.execute(update(Specimen).values(collected_on=date(2025, 6, 1)))
        session.execute(update(Specimen).where(Specimen.case_id % 7 == 0).values(collected_on=None))
        session.execute(
            update(Specimen).where(Specimen.case_id % 11 == 0).values(collected_on=date(2025, 1, 2))
        )
        session.execute(update(Specimen).where(Specimen.case_id % 5 == 0).values(site=None))
        session.execute(update(Case).where(Case.id % 3 == 0).values(reported_status=None))
        session.execute(update(Case).where(Case.id % 4 == 0).values(reported_status=Status.POSITIVE))
    return service


QUERIES = [
    WorklistQuery(),
    WorklistQuery(descending=False),
    *(WorklistQuery(order_by=o, descending=d) for o in WorklistOrder for d in (True, False)),
    WorklistQuery(needs_action=True),
    WorklistQuery(status=Status.POSITIVE, order_by=WorklistOrder.SITE),
    WorklistQuery(site=Site.BREAST, order_by=WorklistOrder.STATUS, descending=False),
    WorklistQuery(awaiting_signout=True, order_by=WorklistOrder.PATIENT),
    WorklistQuery(signout_state=SignOutState.ENTERED, order_by=WorklistOrder.UPDATED_AT, descending=False),
    WorklistQuery(text="demo", order_by=WorklistOrder.MRN),
]


def _ids(rows) -> list[int]:
    return [r.case_id for r in rows]


@pytest.mark.parametrize("query", QUERIES, ids=[str(i) for i in range(len(QUERIES))])
def test_pages_by_keyset_and_from_the_end_match_pages_by_offset(tied: CaseService, query) -> None:
    total = tied.worklist_count(query)
    everything = _ids(tied.worklist_page(query, 0, 1000))
    assert len(everything) == total > 2 * PAGE  # the filter leaves several pages
    assert len(set(everything)) == total
    pages = (total + PAGE - 1) // PAGE
    # Forwards, each page after the previous page's last row: the whole list, nothing twice or missing.
    forwards: list[int] = _ids(tied.worklist_page(query, 0, PAGE))
    while len(forwards) < total:
        page = tied.worklist_page(query, len(forwards), PAGE, after=forwards[-1], total=total)
        assert page, "a keyset page stopped before the end"
        forwards += _ids(page)
    assert forwards == everything
    # Backwards from the end: the last page counted from the end, each earlier one before its successor.
    last = (pages - 1) * PAGE
    backwards = _ids(tied.worklist_page(query, last, PAGE, total=total))
    assert backwards == everything[last:]
    for number in range(pages - 2, -1, -1):
        page = _ids(tied.worklist_page(query, number * PAGE, PAGE, before=backwards[0], total=total))
        assert page == everything[number * PAGE : (number + 1) * PAGE]
        backwards = page + backwards
    assert backwards == everything
    # Any page counted from the nearer end is the page counted from the start.
    for number in range(pages):
        assert (
            _ids(tied.worklist_page(query, number * PAGE, PAGE, total=total))
            == everything[number * PAGE : (number + 1) * PAGE]
        )


def test_a_vanished_anchor_falls_back_to_the_offset(tied: CaseService) -> None:
    query = WorklistQuery()
    expected = _ids(tied.worklist_page(query, PAGE, PAGE))
    assert _ids(tied.worklist_page(query, PAGE, PAGE, after=10**9)) == expected
    assert _ids(tied.worklist_page(query, PAGE, PAGE, before=10**9)) == expected


def test_a_page_past_the_end_is_empty(tied: CaseService) -> None:
    total = tied.worklist_count(WorklistQuery())
    assert tied.worklist_page(WorklistQuery(), total, PAGE, total=total) == []
    assert tied.worklist_page(WorklistQuery(), total + 5 * PAGE, PAGE, total=total) == []


def _letters(number: int) -> str:
    return "".join(chr(ord("A") + int(d)) for d in str(number))


@pytest.fixture
def numbered(tied: CaseService) -> CaseService:
    """Every third patient's MRN holds the number 72 alone ("BC-0072", "BD72", ...: letters keep them
    unique), so a search for "72" matches a third of the cases, spread over every tie and NULL."""
    with tied.database.writer() as session, session.begin():
        for (pid,) in session.execute(select(Patient.id).where(Patient.id % 3 == 0)).all():
            mrn = f"{_letters(pid)}-{'0' * (pid % 4)}72"
            session.execute(
                update(Patient).where(Patient.id == pid).values(mrn=mrn, mrn_number_key=mrn_number_key(mrn))
            )
    return tied


NUMBER_QUERIES = [
    WorklistQuery(text="72"),
    WorklistQuery(text="0072", order_by=WorklistOrder.MRN, descending=False),
    WorklistQuery(text="72", order_by=WorklistOrder.PATIENT),
    WorklistQuery(text="72", order_by=WorklistOrder.STATUS, descending=False),
]


@pytest.mark.parametrize("query", NUMBER_QUERIES, ids=[str(i) for i in range(len(NUMBER_QUERIES))])
def test_a_search_by_mrn_number_pages_by_keyset_as_by_offset(numbered: CaseService, query) -> None:
    test_pages_by_keyset_and_from_the_end_match_pages_by_offset(numbered, query)
