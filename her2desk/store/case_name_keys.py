"""Each case carries its patient's family-name search key, kept true by the database itself.

A short family-name prefix ("tes") can match an eighth of a large worklist; the search then walks the
newest-first index and tests each case until a page is full (`queries.text_matches_row`). With the
key on the case row that test reads the case alone, instead of looking up the patient of every case
it passes: a third of the time of such a search, warm, and more cold.

`her2_case.family_name_key` is a copy of `patient.family_name_key`, so it is kept by triggers, not by
the program's writers: whatever writes a case (the case writer, the demo seeder, an import, a SQL
prompt) or renames a patient (a correction), the copy follows in the same statement, and the audit
trail records what people changed, never this copy. (The case writer also puts the key in a new
case's INSERT, which spares SQLite updating the row it has just written; the trigger checks it.)
It is derived data like an index: not part of a case's seal (`seals.UNSEALED`), never shown, and
`db check` reports a case whose copy differs from its patient's (`stale_case_name_keys`).

SQLite has no BEFORE trigger that can change the new row, so there the copy is set right after the
insert or update that needs it (the row's page is already being written). PostgreSQL sets it in the
new row before it is written.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, event, text

from her2desk.store.schema import Case

_PATIENT_KEY = "(SELECT family_name_key FROM patient WHERE id = NEW.patient_id)"
SQLITE_TRIGGERS = (
    # A new case, or a case given another patient (or its copy set by hand): copy the patient's key.
    "CREATE TRIGGER trg_case_name_key_insert AFTER INSERT ON her2_case "
    f"WHEN NEW.family_name_key IS NOT {_PATIENT_KEY} BEGIN "
    f"UPDATE her2_case SET family_name_key = {_PATIENT_KEY} WHERE id = NEW.id; END",
    "CREATE TRIGGER trg_case_name_key_update AFTER UPDATE OF patient_id, family_name_key ON her2_case "
    f"WHEN NEW.family_name_key IS NOT {_PATIENT_KEY} BEGIN "
    f"UPDATE her2_case SET family_name_key = {_PATIENT_KEY} WHERE id = NEW.id; END",
    # A renamed patient: every case of theirs.
    "CREATE TRIGGER trg_patient_name_key AFTER UPDATE OF family_name_key ON patient "
    "WHEN NEW.family_name_key IS NOT OLD.family_name_key BEGIN "
    "UPDATE her2_case SET family_name_key = NEW.family_name_key WHERE patient_id = NEW.id; END",
)
SQLITE_TRIGGER_NAMES = ("trg_case_name_key_insert", "trg_case_name_key_update", "trg_patient_name_key")
# PostgreSQL. A new case, or a case given another patient, reads the patient's key FOR SHARE: a name
# correction in progress holds the patient FOR UPDATE, so the read waits for it and gets the corrected
# key (a plain read would get the old key, and the correction's own update of the patient's cases
# cannot see a case not yet committed). Any other save of a case keeps its patient and reads the key
# without a lock, so it never waits on the patient. The functions name their schema
# (`search_path`, set when they are created), so a temporary table called "patient" cannot stand in
# for the real one.
_POSTGRES_CASE_FUNCTION = (
    "CREATE OR REPLACE FUNCTION her2desk_case_name_key() RETURNS trigger LANGUAGE plpgsql "
    "SET search_path = {schema}, pg_temp AS $$ BEGIN "
    "IF TG_OP = 'INSERT' OR NEW.patient_id IS DISTINCT FROM OLD.patient_id THEN "
    "NEW.family_name_key := (SELECT family_name_key FROM patient WHERE id = NEW.patient_id FOR SHARE); "
    f"ELSE NEW.family_name_key := {_PATIENT_KEY}; END IF; RETURN NEW; END $$"
)
_POSTGRES_PATIENT_FUNCTION = (
    "CREATE OR REPLACE FUNCTION her2desk_patient_name_key() RETURNS trigger LANGUAGE plpgsql "
    "SET search_path = {schema}, pg_temp AS $$ BEGIN "
    "UPDATE her2_case SET family_name_key = NEW.family_name_key WHERE patient_id = NEW.id; "
    "RETURN NULL; END $$"
)
POSTGRES_TRIGGERS = (
    _POSTGRES_CASE_FUNCTION,
    "CREATE TRIGGER trg_case_name_key BEFORE INSERT OR UPDATE OF patient_id, family_name_key "
    "ON her2_case FOR EACH ROW EXECUTE FUNCTION her2desk_case_name_key()",
    _POSTGRES_PATIENT_FUNCTION,
    "CREATE TRIGGER trg_patient_name_key AFTER UPDATE OF family_name_key ON patient FOR EACH ROW "
    "WHEN (OLD.family_name_key IS DISTINCT FROM NEW.family_name_key) "
    "EXECUTE FUNCTION her2desk_patient_name_key()",
)
POSTGRES_TRIGGER_TABLES = (("trg_case_name_key", "her2_case"), ("trg_patient_name_key", "patient"))
POSTGRES_DROP = (
    "DROP TRIGGER IF EXISTS trg_case_name_key ON her2_case",
    "DROP TRIGGER IF EXISTS trg_patient_name_key ON patient",
    "DROP FUNCTION IF EXISTS her2desk_case_name_key()",
    "DROP FUNCTION IF EXISTS her2desk_patient_name_key()",
)
FILL_SQLITE = (
    "UPDATE her2_case SET family_name_key = "
    "(SELECT family_name_key FROM patient WHERE patient.id = her2_case.patient_id)"
)
FILL_POSTGRES = (
    "UPDATE her2_case SET family_name_key = patient.family_name_key FROM patient "
    "WHERE patient.id = her2_case.patient_id"
)


def create_case_name_key_triggers(connection: Connection) -> None:
    """Create the triggers that keep every case's copy of its patient's key. Used by `create_all`
    and by the revision that added the copy."""
    if connection.dialect.name == "sqlite":
        for statement in SQLITE_TRIGGERS:
            connection.exec_driver_sql(statement)
        return
    schema = connection.execute(text("SELECT quote_ident(current_schema())")).scalar_one()
    for statement in POSTGRES_TRIGGERS:
        connection.exec_driver_sql(statement.replace("{schema}", str(schema)))


def drop_case_name_key_triggers(connection: Connection) -> None:
    if connection.dialect.name == "sqlite":
        for name in SQLITE_TRIGGER_NAMES:
            connection.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}")
    else:
        for statement in POSTGRES_DROP:
            connection.exec_driver_sql(statement)


def fill_case_name_keys(connection: Connection) -> None:
    """Copy every patient's key onto their cases (one statement; no audit rows: derived data)."""
    connection.exec_driver_sql(FILL_SQLITE if connection.dialect.name == "sqlite" else FILL_POSTGRES)


def missing_name_key_triggers(connection: Connection) -> list[str]:
    """Names of the triggers that keep the copies which are missing or disabled (someone removed or
    switched them off by hand)."""
    if connection.dialect.name == "sqlite":  # SQLite cannot disable a trigger, only drop it
        sql = "SELECT name FROM sqlite_master WHERE type = 'trigger'"
        present = {row[0] for row in connection.exec_driver_sql(sql)}
        return [name for name in SQLITE_TRIGGER_NAMES if name not in present]
    missing = []
    for name, table in POSTGRES_TRIGGER_TABLES:  # on this table, and enabled
        found = connection.execute(
            text(
                "SELECT count(*) FROM pg_trigger WHERE tgname = :name "
                "AND tgrelid = to_regclass(:table) AND tgenabled <> 'D'"
            ),
            {"name": name, "table": table},
        ).scalar_one()
        if not found:
            missing.append(name)
    return missing


def stale_case_name_keys(connection: Connection, limit: int = 20) -> list[str]:
    """Accessions of cases whose copy of the name key differs from their patient's (at most `limit`):
    a trigger dropped or a row changed by hand. Empty when every copy is true."""
    rows = connection.execute(
        text(
            "SELECT her2_case.accession FROM her2_case JOIN patient ON patient.id = her2_case.patient_id "
            "WHERE her2_case.family_name_key IS NULL "
            "OR her2_case.family_name_key <> patient.family_name_key "
            "ORDER BY her2_case.accession LIMIT :limit"
        ),
        {"limit": limit},
    )
    return [str(accession) for accession in rows.scalars()]


@event.listens_for(Case.__table__, "after_create")
def _after_case_table_created(_table: Any, connection: Connection, **_kw: Any) -> None:
    # The patient table is created first (the case row refers to it), so both triggers have their table.
    create_case_name_key_triggers(connection)
