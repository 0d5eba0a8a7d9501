"""The worklist and search queries are answered from indexes (checked in SQLite's query plans)."""

from __future__ import annotations

from sqlalchemy.dialects import sqlite

from her2desk.domain.records import WorklistQuery
from her2desk.store import queries
from her2desk.store.database import open_database


def _plan(database, statement) -> str:
    compiled = statement.compile(dialect=sqlite.dialect(), compile_kwargs={"literal_binds": True})
    with database.engine.connect() as connection:
        rows = connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {compiled}").all()
    return "\n".join(str(r[-1]) for r in rows)


def test_text_search_uses_the_accession_mrn_and_family_name_indexes(sqlite_url: str) -> None:
    database = open_database(sqlite_url)
    try:
        plan = _plan(database, queries.page_statement(WorklistQuery(text="testp"), 0, 50))
        assert "INDEX sqlite_autoindex_her2_case_1 (accession>? AND accession<?)" in plan
        assert "INDEX sqlite_autoindex_patient_1 (mrn>? AND mrn<?)" in plan
        assert "INDEX ix_patient_family_name_key (family_name_key>? AND family_name_key<?)" in plan
        assert "SCAN her2_case" not in plan
        assert "SCAN patient" not in plan
    finally:
        database.close()


def test_digits_alone_also_look_up_the_mrn_number_index(sqlite_url: str) -> None:
    """Typed digits add one equality on the MRN number key's index; other text does not."""
    database = open_database(sqlite_url)
    try:
        plan = _plan(database, queries.page_statement(WorklistQuery(text="0072"), 0, 50))
        assert "INDEX ix_patient_mrn_number_key (mrn_number_key=?)" in plan
        assert "INDEX sqlite_autoindex_patient_1 (mrn>? AND mrn<?)" in plan
        assert "SCAN her2_case" not in plan
        assert "SCAN patient" not in plan
        other = _plan(database, queries.page_statement(WorklistQuery(text="72a"), 0, 50))
        assert "mrn_number_key" not in other
    finally:
        database.close()


def test_newest_first_page_walks_the_collection_date_index(sqlite_url: str) -> None:
    database = open_database(sqlite_url)
    try:
        plan = _plan(database, queries.page_ids_statement(WorklistQuery(), 0, 50))
        assert "ix_specimen_collected_on_case_id" in plan
        assert "TEMP B-TREE" not in plan
    finally:
        database.close()


def test_postgres_answers_the_prefix_searches_from_indexes(postgres_url: str) -> None:
    """The "C" collation on the search key is what lets PostgreSQL use a range scan for a prefix."""
    database = open_database(postgres_url)
    try:
        statement = queries.page_statement(WorklistQuery(text="testp"), 0, 50)
        from sqlalchemy.dialects import postgresql

        compiled = statement.compile(dialect=postgresql.dialect(), compile_kwargs={"literal_binds": True})
        with database.engine.connect() as connection:
            connection.exec_driver_sql("SET enable_seqscan = off")
            plan = "\n".join(r[0] for r in connection.exec_driver_sql(f"EXPLAIN {compiled}"))
        assert "ix_patient_family_name_key" in plan
        assert "uq_her2_case_accession" in plan
        assert "uq_patient_mrn" in plan
        assert "Seq Scan on patient" not in plan
        statement = queries.page_statement(WorklistQuery(text="72"), 0, 50)
        compiled = statement.compile(dialect=postgresql.dialect(), compile_kwargs={"literal_binds": True})
        with database.engine.connect() as connection:
            connection.exec_driver_sql("SET enable_seqscan = off")
            plan = "\n".join(r[0] for r in connection.exec_driver_sql(f"EXPLAIN {compiled}"))
        assert "ix_patient_mrn_number_key" in plan
        assert "Seq Scan on patient" not in plan
    finally:
        database.close()


def test_postgres_newest_first_page_needs_no_sort(postgres_url: str) -> None:
    from her2desk.demo.seed import seed_demo

    database = open_database(postgres_url)
    try:
        seed_demo(database, 3000)
        from sqlalchemy.dialects import postgresql

        for descending in (True, False):
            statement = queries.page_ids_statement(WorklistQuery(descending=descending), 0, 50)
            compiled = statement.compile(dialect=postgresql.dialect(), compile_kwargs={"literal_binds": True})
            with database.engine.connect() as connection:
                connection.exec_driver_sql("SET enable_seqscan = off")
                plan = "\n".join(r[0] for r in connection.exec_driver_sql(f"EXPLAIN {compiled}"))
            assert "ix_specimen_newest_first" in plan
            assert "Sort" not in plan.replace("Sort Key", "")
    finally:
        database.close()


def test_broad_search_walks_the_collection_date_index(sqlite_url: str) -> None:
    database = open_database(sqlite_url)
    try:
        from her2desk.demo.seed import seed_demo

        seed_demo(database, 2000)  # with ANALYZE statistics, as a real database has
        plan = _plan(database, queries.page_ids_statement(WorklistQuery(text="testp"), 0, 50, broad=True))
        assert "SCAN specimen USING COVERING INDEX ix_specimen_collected_on_case_id" in plan
        assert "TEMP B-TREE" not in plan
        assert "BLOOM FILTER" not in plan  # would read the whole patient table first
    finally:
        database.close()


def test_a_broad_name_search_reads_no_patient_row_while_walking(sqlite_url: str) -> None:
    """When no MRN matches (the probe's branches), the walk tests each case's own copy of its patient's
    name key: the patient table is not in the page-id query at all. With MRN matches it is joined."""
    database = open_database(sqlite_url)
    try:
        from her2desk.demo.seed import seed_demo

        seed_demo(database, 2000)
        by_name = queries.TextPlan(broad=True, branches=("name",))
        plan = _plan(database, queries.page_ids_statement(WorklistQuery(text="testp"), 0, 50, plan=by_name))
        assert "SCAN specimen USING COVERING INDEX ix_specimen_collected_on_case_id" in plan
        assert "patient" not in plan
        assert "TEMP B-TREE" not in plan
        assert "BLOOM FILTER" not in plan  # would read the whole case table first
        with_mrns = queries.TextPlan(broad=True, branches=("mrn", "name"))
        statement = queries.page_ids_statement(WorklistQuery(text="testp"), 0, 50, plan=with_mrns)
        assert "patient" in _plan(database, statement)
    finally:
        database.close()


def test_the_audit_viewers_filters_and_lists_use_their_indexes(sqlite_url: str) -> None:
    """Revision 0006: date, user and action filters (and the user and action lists) need no table scan."""
    from datetime import datetime

    from sqlalchemy import func, select

    from her2desk.store.schema import AuditRow

    audit = AuditRow.__table__
    count = select(func.count()).select_from(audit)
    database = open_database(sqlite_url)
    try:
        since = _plan(
            database, count.where(audit.c.at >= datetime(2026, 1, 1), audit.c.at < datetime(2026, 2, 1))
        )
        assert "ix_audit_at (at>? AND at<?)" in since
        assert "ix_audit_who (who=?)" in _plan(database, count.where(audit.c.who == "ada"))
        assert "ix_audit_action (action=?)" in _plan(database, count.where(audit.c.action == "signout"))
        for column, index in ((audit.c.who, "ix_audit_who"), (audit.c.action, "ix_audit_action")):
            listing = _plan(database, select(column).distinct().order_by(column))
            assert f"COVERING INDEX {index}" in listing
            assert "TEMP B-TREE" not in listing
    finally:
        database.close()


def test_the_search_probe_counts_patients_from_their_own_indexes(sqlite_url: str) -> None:
    """Choosing a search's plan reads the patient indexes alone for MRN and name matches: looking up
    each matching patient's cases was most of a cold search on a large file."""
    database = open_database(sqlite_url)
    try:
        plan = _plan(database, queries.probe_statement("testp", 500))
        assert "COVERING INDEX ix_patient_family_name_key (family_name_key>? AND family_name_key<?)" in plan
        assert "COVERING INDEX sqlite_autoindex_patient_1 (mrn>? AND mrn<?)" in plan
        assert "INDEX sqlite_autoindex_her2_case_1 (accession>? AND accession<?)" in plan
        assert "ix_her2_case_patient_id" not in plan
        assert "SCAN" not in plan.replace("SCAN CONSTANT ROW", "").replace("SCAN anon", "")
    finally:
        database.close()


def test_the_broad_walk_hides_columns_from_the_planner_without_building_strings() -> None:
    """SQLite: `+column` (a no-op operator) keeps the planner off the column's index for free; a
    concatenation built a new string per test and row. PostgreSQL has no unary plus for text and keeps
    `(column || '')`."""
    from sqlalchemy.dialects import postgresql

    statement = queries.page_ids_statement(WorklistQuery(text="testp"), 0, 50, broad=True)
    on_sqlite = str(statement.compile(dialect=sqlite.dialect()))
    assert "+her2_case.family_name_key >= ?" in on_sqlite
    assert "+her2_case.accession >= ?" in on_sqlite
    assert "||" not in on_sqlite
    on_postgres = str(statement.compile(dialect=postgresql.dialect()))
    assert "(her2_case.family_name_key || '') >=" in on_postgres


def test_the_probe_counts_patients_no_further_than_the_plan_compares(sqlite_url: str) -> None:
    """Cases by accession are counted up to the case threshold; patients by MRN and name only up to
    the patients the plan compares them with, so a broad name prefix walks a third of the index
    entries it did (on a database of three cases per patient)."""
    compiled = str(
        queries.probe_statement("testp", 5000, 1667).compile(
            dialect=sqlite.dialect(), compile_kwargs={"literal_binds": True}
        )
    )
    assert compiled.count("LIMIT 5000") == 1
    assert compiled.count("LIMIT 1667") == 2
    database = open_database(sqlite_url)
    try:
        from her2desk.demo.seed import seed_demo

        seed_demo(database, 300)
        with database.reader() as session:
            connection = session.connection()
            for text in ("testp", "demo", "s2", "zzz", "DEMO000"):
                wide = queries.probe_statement(text, 5000)
                narrow = queries.probe_statement(text, 5000, 7)
                params = queries.search_params(text)
                full = dict(zip(queries.BRANCHES, connection.execute(wide, params).one(), strict=True))
                capped = dict(zip(queries.BRANCHES, connection.execute(narrow, params).one(), strict=True))
                assert capped["accession"] == full["accession"]
                for branch in ("mrn", "name"):
                    assert capped[branch] == min(full[branch], 7)
    finally:
        database.close()
