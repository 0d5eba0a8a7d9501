"""The two ways of answering a text search give the same rows in the same order: the index-driven
plan (every match looked up and sorted) and the walk of the order index (each case tested on its own
row, the patient joined only when MRNs can match), for every ordering, both directions, first pages
and keyset pages. Only the speed may differ (`store.queries.plan_text_search` chooses)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import func, select

from her2desk.domain.records import WorklistOrder, WorklistQuery
from her2desk.store import queries
from her2desk.store.database import Database, open_database
from her2desk.store.schema import Case, Patient

TEXTS = ("testp", "tes", "demo", "dem", "beisp", "o'de", "d2", "0072", "72", "synthetic-王", "zzz")


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    from her2desk.demo.seed import seed_demo

    opened = open_database(str(tmp_path_factory.mktemp("plans") / "plans.sqlite3"))
    seed_demo(opened, 900)
    yield opened
    opened.close()


def _ids(connection: Any, statement: Any, params: dict[str, Any]) -> list[int]:
    return list(connection.execute(statement, params).scalars())


@pytest.mark.parametrize("text", TEXTS)
def test_the_walk_and_the_index_driven_plan_agree(database: Database, text: str) -> None:
    params = queries.search_params(text)
    with database.reader() as session:
        connection = session.connection()
        cases = connection.execute(select(func.max(Case.id))).scalar_one()
        patients = connection.execute(select(func.max(Patient.id))).scalar_one()
        branches = queries.plan_text_search(connection, text, cases, patients).branches
        plans = (
            queries.TextPlan(broad=False, branches=branches),
            queries.TextPlan(broad=True, branches=branches),
            queries.TextPlan(broad=True),  # every kind tested, patient joined: the walk as it was
        )
        for order in WorklistOrder:
            for descending in (True, False):
                query = WorklistQuery(text=text, order_by=order, descending=descending)
                firsts = [
                    _ids(connection, queries.page_ids_statement(query, 0, 60, plan=plan), params)
                    for plan in plans
                ]
                assert firsts[0] == firsts[1] == firsts[2], (order, descending)
                if len(firsts[0]) < 12:
                    continue
                anchor = connection.execute(queries.anchor_statement(query, firsts[0][9])).one()
                following = [
                    queries.keyset_page_ids(connection, query, tuple(anchor), 20, plan) for plan in plans
                ]
                assert following[0] == following[1] == following[2] == firsts[0][10:30], (order, descending)
        if branches:
            assert firsts[0], "a text with matches finds them"
