"""A text search runs a statement prepared once per shape of text (`store.queries.prepared_*`) with
that text's own values, and its plan is chosen from counts of patients. Every text must still get
exactly the rows a statement built for it alone gives: same matches, same order, same pages."""

from __future__ import annotations

from dataclasses import replace

import pytest

from her2desk.domain.records import WorklistOrder, WorklistQuery
from her2desk.store import queries

# Texts of every shape: lower and upper case (one or two looked-up forms), digits (the MRN number),
# accents and other scripts (the folded name key), an apostrophe, and the last code point (no successor:
# an inclusive upper bound). Several share a shape, so they share one prepared statement.
TEXTS = (
    "testpatient", "exemple", "beispiel-m", "demo-ang", "demo-å", "DEMO-ÅNG", "o'demo", "δοκ", "тест",
    "synthetic-王", "D2", "d2", "DEMO00001", "demo00001", "72", "00072", "zzz", "a\U0010ffff", "S",
)  # fmt: skip
ORDERS = (WorklistOrder.COLLECTED_ON, WorklistOrder.PATIENT, WorklistOrder.ACCESSION, WorklistOrder.MRN)


@pytest.fixture
def seeded(service):
    from her2desk.demo.seed import seed_demo

    seed_demo(service, 400, seed=7)
    return service


def _reference(service, query: WorklistQuery, offset: int, limit: int) -> list[int]:
    """The page from a statement built for this text alone (values in the statement), match-driven."""
    with service.database.reader() as session:
        rows = session.execute(queries.page_statement(query, offset, limit, broad=False)).all()
    return [row.id for row in rows]


def test_every_text_gets_the_rows_of_its_own_statement(seeded) -> None:
    for _ in range(2):  # the second round runs on statements prepared by other texts of the same shape
        for text in TEXTS:
            for order in ORDERS:
                query = WorklistQuery(text=text, order_by=order)
                for offset in (0, 10):
                    got = [r.case_id for r in seeded.worklist_page(query, offset, 40)]
                    assert got == _reference(seeded, query, offset, 40), (text, order, offset)


def test_name_prefixes_of_one_shape_in_a_row_each_find_their_own_patients(seeded) -> None:
    """Same shape, different values: a stale value would show the previous text's patients."""
    for text in ("exe", "tes", "bei", "syn", "exe"):
        rows = seeded.worklist_page(WorklistQuery(text=text), 0, 50)
        assert rows
        assert all(r.patient_name.lower().startswith(text) for r in rows), text


def test_a_page_counted_from_the_end_matches_the_page_by_offset(seeded) -> None:
    query = WorklistQuery(text="testpatient")
    total = seeded.worklist_count(query)
    assert total > 30
    last = seeded.worklist_page(query, total - 20, 20, total=total)
    assert [r.case_id for r in last] == _reference(seeded, query, total - 20, 20)


def test_one_statement_serves_every_text_of_a_shape() -> None:
    first, first_params = queries.prepared_page(WorklistQuery(text="exe"), 0, 50)
    second, second_params = queries.prepared_page(WorklistQuery(text="tes"), 0, 50)
    assert first is second
    assert (first_params["name_lo"], second_params["name_lo"]) == ("exe", "tes")
    other_shape, _ = queries.prepared_page(WorklistQuery(text="72"), 0, 50)  # digits: also the number
    assert other_shape is not first


@pytest.mark.parametrize(
    ("cases", "patients", "expected"),
    [(600, 200, 10), (600, 180, 9), (600, 220, 11), (600, 600, 30), (600, 700, 30), (600, None, 30)],
)
def test_patient_cap_is_the_patients_holding_the_threshold_of_cases(cases, patients, expected) -> None:
    assert queries.patient_cap(30, cases, patients) == expected


def test_the_plan_counts_patients_on_both_sides_of_the_cap(service, monkeypatch) -> None:
    """Ten patients named Alpha-… with three cases each: broad when ten patients hold the threshold's
    cases, match-driven when it takes eleven."""
    from support.backends import make_entry

    for i in range(10):
        for j in range(3):
            entry = make_entry(accession=f"S26-{i}{j}", mrn=f"HOSP{i:03d}")
            patient = replace(entry.patient, family_name=f"Alpha-{i}")
            service.save(entry.with_changes(patient=patient), None)
    monkeypatch.setattr(queries, "broad_threshold", lambda total: 30)
    with service.database.reader() as session:
        assert queries.plan_text_search(session, "alpha", 60, 20).broad  # cap: 10 patients
        assert not queries.plan_text_search(session, "alpha", 60, 22).broad  # cap: 11 patients
        assert not queries.plan_text_search(session, "alpha-1", 60, 20).broad
    rows = service.worklist_page(WorklistQuery(text="alpha"), 0, 50)
    assert len(rows) == 30


def test_the_broad_walk_finds_exactly_what_the_match_driven_plan_finds(seeded) -> None:
    """The walk tests each row with the columns hidden from the planner (`+column` on SQLite); the
    match-driven plan looks the same prefixes up in the indexes. Same rows, same order, every shape."""
    with seeded.database.reader() as session:
        for text in TEXTS:
            for order in ORDERS:
                query = WorklistQuery(text=text, order_by=order)
                narrow, broad = (
                    [r.id for r in session.execute(queries.page_statement(query, 5, 40, b)).all()]
                    for b in (False, True)
                )
                assert narrow == broad, (text, order)


def test_worklist_rows_carry_the_stored_values_as_enum_members(seeded) -> None:
    """The page reads enum columns as text and maps them itself; every field must still be the very
    member (or None) the ORM's own conversion gives, for every case, recounts and unscored ones too."""
    from sqlalchemy import select

    from her2desk.domain.records import SignOutState
    from her2desk.store.schema import Case, IhcResult, InterpretationRow, Specimen

    rows = seeded.worklist_page(WorklistQuery(), 0, 400)
    assert len(rows) == 400
    statement = (
        select(
            Case.id, Specimen.site, Specimen.procedure, IhcResult.score, InterpretationRow.status,
            InterpretationRow.next_step, InterpretationRow.ish_group, Case.reported_status,
            Case.reported_descriptor, Case.signout_state,
        )
        .join(Specimen, Specimen.case_id == Case.id)
        .join(InterpretationRow, InterpretationRow.case_id == Case.id)
        .outerjoin(IhcResult, IhcResult.case_id == Case.id)
    )  # fmt: skip
    with seeded.database.reader() as session:
        stored = {r.id: r for r in session.execute(statement)}
    recounts = 0
    for row in rows:
        orm = stored[row.case_id]
        expected = (
            orm.site,
            orm.procedure,
            orm.score,
            orm.reported_status,
            orm.reported_descriptor,
            orm.status,
        )
        got = (row.site, row.procedure, row.ihc, row.status, row.descriptor, row.engine_status)
        assert all(g is e for g, e in zip(got, expected, strict=True)), (row, orm)
        assert row.signout_state is SignOutState(orm.signout_state)
        recounts += orm.next_step.value == "recount"
        assert row.ish_group == (None if orm.next_step.value == "recount" else orm.ish_group)
    assert recounts
    assert any(r.descriptor for r in rows)


def test_a_row_without_optional_values_reads_them_as_none() -> None:
    from datetime import UTC, datetime

    from her2desk.domain.records import SignOutState

    stored = (7, "S26-1", "Demo", "", "D7", None, None, None, None, 3, "recount", None, None, None,
              "entered", datetime(2026, 1, 2, 3, 4), 0)  # fmt: skip
    row = queries.worklist_row(stored)
    assert row.adjudicated is False
    assert (row.site, row.procedure, row.ihc, row.status, row.descriptor, row.engine_status) == (None,) * 6
    assert (row.patient_name, row.ish_group, row.signout_state) == ("Demo", None, SignOutState.ENTERED)
    assert row.updated_at == datetime(2026, 1, 2, 3, 4, tzinfo=UTC)
