"""Least privilege on a real PostgreSQL server: the owner migrates, the workstations' application role
runs the whole workflow and cannot rewrite or unprotect the record.

Before `her2desk db roles` every workstation connected as the owner of the tables, and the owner may
`ALTER TABLE audit DISABLE TRIGGER ALL` (or drop the trigger) and then rewrite the audit trail, the
signatures, the signed-out versions and the print log. Each test creates its own owner role, database
and application role inside the server named by HER2DESK_TEST_POSTGRES_URL (the throwaway server of
scripts/test.sh) and drops them afterwards; roles are given passwords, so a server that asks for
them works too.
"""

from __future__ import annotations

import io
import os
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError
from support.backends import POSTGRES_ENV, _postgres_admin_url, _replace_database, make_entry
from support.lab import PASSWORDS, open_lab

from her2desk.cli import main
from her2desk.domain.case import IshDetails
from her2desk.domain.vocabulary import IhcScore
from her2desk.services.auth_service import AuthenticationError
from her2desk.services.lab_settings_service import LabSettingsService
from her2desk.services.patient_service import PatientService
from her2desk.store.accession_counters import draw_number
from her2desk.store.case_name_keys import POSTGRES_DROP
from her2desk.store.database import DatabaseError, open_database
from her2desk.store.roles import APPEND, TABLE_PRIVILEGES
from her2desk.store.schema import Base

REASON = "recount of the ISH slide by a second observer"
APP_PASSWORD = "app-role-password-1"
OWNER_PASSWORD = "owner-role-password-1"


@dataclass
class Server:
    superuser: Engine  # connected to the test database as the server's superuser
    database: str
    owner: str
    app: str
    owner_url: str
    app_url: str
    more_roles: list[str] = field(default_factory=list)

    def as_owner(self, sql: str) -> None:
        engine = create_engine(self.owner_url)
        try:
            with engine.begin() as connection:
                connection.exec_driver_sql(sql)
        finally:
            engine.dispose()

    def version(self) -> str:
        with self.superuser.connect() as connection:
            return str(connection.execute(text("SELECT version_num FROM alembic_version")).scalar_one())


def _url_as(url: str, role: str, password: str | None) -> str:
    return make_url(url).set(username=role, password=password).render_as_string(hide_password=False)


@pytest.fixture
def server() -> Iterator[Server]:
    if not os.environ.get(POSTGRES_ENV):
        pytest.skip(f"{POSTGRES_ENV} is not set")
    admin_url = _postgres_admin_url()
    suffix = uuid.uuid4().hex[:10]
    owner, app, name = f"h2d_owner_{suffix}", f"h2d_app_{suffix}", f"h2d_roles_{suffix}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.exec_driver_sql(f"CREATE ROLE \"{owner}\" LOGIN CREATEROLE PASSWORD '{OWNER_PASSWORD}'")
        connection.exec_driver_sql(
            f'CREATE DATABASE "{name}" OWNER "{owner}" ENCODING \'UTF8\' TEMPLATE template0'
        )
    database_url = _replace_database(admin_url, name)
    superuser = create_engine(database_url, isolation_level="AUTOCOMMIT")
    found = Server(
        superuser,
        name,
        owner,
        app,
        _url_as(database_url, owner, OWNER_PASSWORD),
        _url_as(database_url, app, APP_PASSWORD),
    )
    try:
        yield found
    finally:
        superuser.dispose()
        with admin.connect() as connection:
            connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            for role in (*found.more_roles, app, owner):
                connection.exec_driver_sql(f'DROP ROLE IF EXISTS "{role}"')
        admin.dispose()


def _server_version(server: Server) -> int:
    with server.superuser.connect() as connection:
        return int(connection.execute(text("SHOW server_version_num")).scalar_one())


def _set_up(server: Server, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> str:
    """`her2desk db upgrade` and `her2desk db roles` as the owner; returns what `db roles` printed."""
    assert main(["--database", server.owner_url, "db", "upgrade"]) == 0
    monkeypatch.setattr("sys.stdin", io.StringIO(f"{APP_PASSWORD}\n{APP_PASSWORD}\n"))
    assert main(["--database", server.owner_url, "db", "roles", "--app-role", server.app, "--password"]) == 0
    return capsys.readouterr().out


def _workflow(url: str, tmp_path: Path) -> None:
    """Everything a lab does in a day, through the services: users, save, sign-out, handout record,
    amendment (which marks the handout superseded), correction, second sign-out, settings, patient."""
    lab = open_lab(url)
    try:
        entered = lab.cases(lab.tech).save(make_entry(), None)
        for name in ("nobody-here", "tom"):  # wrong passwords: counted (and an unknown name's group)
            with pytest.raises(AuthenticationError):
                lab.auth.login(name, "wrong-password")
        assert lab.auth.unlock(lab.admin, lab.tech.user_id)
        lab.cases(lab.tech).import_cases([make_entry("S26-00002")])  # leaves a write notice
        first = lab.signout.sign_out(lab.path, "S26-00001", PASSWORDS["pia"], entered.version)
        lab.signout.record_handout(lab.path, "S26-00001", "en", "a" * 64, "rules-1")
        amended = lab.signout.amend(lab.path2, "S26-00001", REASON, first.version, password=PASSWORDS["paul"])
        assert [h.superseded for h in lab.signout.handouts("S26-00001")] == [True]
        corrected = entered.entry.with_changes(
            ihc=replace(entered.entry.ihc, score=IhcScore.THREE_PLUS), ish=IshDetails()
        )
        edited = lab.cases(lab.tech).save(corrected, amended.version)
        lab.signout.sign_out(lab.path, "S26-00001", PASSWORDS["pia"], edited.version)
        lab.signout.record_handout(lab.tech, "S26-00001", "es", "b" * 64, "rules-1")
        LabSettingsService(lab.database).update(lab.admin, "allow_preliminary_handouts", "true")
        lab.auth.set_active(lab.admin, lab.path2.user_id, False)
        patient = PatientService(lab.database).load("DEMO000001")
        PatientService(lab.database).correct(
            lab.path,
            "DEMO000001",
            replace(patient, family_name="Demo-Corrected"),
            "typo in the name",
            patient,
        )
        assert lab.cases(None).load("S26-00001").entry.patient.family_name == "Demo-Corrected"
        assert [(h.report_version, h.superseded) for h in lab.signout.handouts("S26-00001")] == [
            (1, True),
            (2, True),  # superseded by the name correction
        ]
    finally:
        lab.database.close()
    assert main(["--database", url, "db", "check"]) == 0
    assert main(["--database", url, "export", "--format", "csv", "-o", str(tmp_path / "cases.csv")]) == 0


@pytest.mark.postgres
def test_the_application_role_runs_the_whole_workflow(
    server: Server, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    printed = _set_up(server, monkeypatch, capsys)
    assert "created the application role" in printed
    assert f"workstations connect as: postgresql+psycopg://{server.app}@" in printed
    assert OWNER_PASSWORD not in printed
    assert APP_PASSWORD not in printed
    with server.superuser.connect() as connection:  # the setup is in the audit trail
        [new] = connection.execute(text("SELECT new FROM audit WHERE action = 'db-roles'")).scalars()
    assert f'"role": "{server.app}"' in new
    assert '"password_set": true' in new
    _workflow(server.app_url, tmp_path)
    with server.superuser.connect() as connection:
        role = connection.execute(
            text("SELECT rolsuper, rolcreaterole, rolcreatedb FROM pg_roles WHERE rolname = :r"),
            {"r": server.app},
        ).one()
        assert tuple(role) == (False, False, False)
        stored = connection.execute(
            text("SELECT rolpassword FROM pg_authid WHERE rolname = :r"), {"r": server.app}
        ).scalar_one()
        assert stored.startswith(("SCRAM-SHA-256$", "md5"))  # set, and not as clear text
        owners = set(
            connection.execute(text("SELECT tableowner FROM pg_tables WHERE schemaname = 'public'")).scalars()
        )
        assert owners == {server.owner}


REFUSED = [
    "UPDATE audit SET who = 'someone else'",
    "DELETE FROM audit",
    "TRUNCATE audit",
    "ALTER TABLE audit DISABLE TRIGGER ALL",
    "ALTER TABLE audit DISABLE TRIGGER trg_audit_no_update_delete",
    "DROP TRIGGER trg_audit_no_update_delete ON audit",
    "DROP FUNCTION her2desk_audit_append_only() CASCADE",
    "DROP TABLE audit",
    "ALTER TABLE audit OWNER TO CURRENT_USER",
    "SET session_replication_role = replica",
    "UPDATE e_signature SET username = 'someone else'",
    "DELETE FROM e_signature",
    "UPDATE case_version SET snapshot = '{}'",
    "DELETE FROM case_version",
    "UPDATE handout_print SET sha256 = repeat('0', 64)",
    "DELETE FROM handout_print",
    "TRUNCATE handout_print",
    "DELETE FROM her2_case",  # would cascade to the signatures, versions and prints
    "DELETE FROM patient",
    "UPDATE alembic_version SET version_num = '0001'",
    "INSERT INTO app_metadata (key, value) VALUES ('schema', 'x')",
    # The triggers that keep each case's copy of its patient's name key (a name search reads it).
    "ALTER TABLE her2_case DISABLE TRIGGER trg_case_name_key",
    "ALTER TABLE patient DISABLE TRIGGER trg_patient_name_key",
    "DROP TRIGGER trg_case_name_key ON her2_case",
    "DROP FUNCTION her2desk_case_name_key() CASCADE",
    "CREATE OR REPLACE FUNCTION her2desk_case_name_key() RETURNS trigger LANGUAGE plpgsql "
    "AS $$ BEGIN RETURN NEW; END $$",
]


@pytest.mark.postgres
def test_the_application_role_cannot_rewrite_or_unprotect_the_record(
    server: Server, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _set_up(server, monkeypatch, capsys)
    _workflow(server.app_url, tmp_path)
    statements = list(REFUSED)
    if _server_version(server) >= 150000:  # older servers let PUBLIC create in schema public
        statements.append("CREATE TABLE public.shadow_audit (id integer)")

    def counts() -> dict[str, int]:
        with server.superuser.connect() as connection:
            return {
                table: int(connection.exec_driver_sql(f"SELECT count(*) FROM {table}").scalar_one())
                for table in ("audit", "e_signature", "case_version", "handout_print", "her2_case")
            }

    before = counts()
    engine = create_engine(server.app_url)
    allowed, unexpected = [], []
    try:
        for statement in statements:
            try:
                with engine.begin() as connection:
                    connection.exec_driver_sql(statement)
            except DBAPIError as error:
                message = str(error.orig)
                if "permission denied" not in message and "must be owner" not in message:
                    unexpected.append((statement, message))
            else:
                allowed.append(statement)
        with engine.begin() as connection:  # a GRANT by a non-owner grants nothing (only a warning)
            connection.exec_driver_sql("GRANT UPDATE, DELETE ON audit TO PUBLIC")
    finally:
        engine.dispose()
    assert allowed == []
    assert unexpected == []
    assert counts() == before
    with server.superuser.connect() as connection:
        enabled = connection.execute(
            text("SELECT tgname, tgenabled FROM pg_trigger WHERE tgrelid = 'audit'::regclass ORDER BY tgname")
        ).all()
    assert [tuple(row) for row in enabled] == [
        ("trg_audit_no_truncate", "O"),
        ("trg_audit_no_update_delete", "O"),
    ]


@pytest.mark.postgres
def test_a_temporary_table_cannot_stand_in_for_the_patients_behind_a_name_key(
    server: Server, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The application role may create temporary tables, which PostgreSQL searches first; the
    name-key triggers name their schema, so a temporary "patient" table cannot set a case's copy."""
    _set_up(server, monkeypatch, capsys)
    _workflow(server.app_url, tmp_path)
    engine = create_engine(server.app_url)
    try:
        with engine.begin() as connection:
            connection.exec_driver_sql(
                "CREATE TEMP TABLE patient AS SELECT id, 'someone-else'::text AS family_name_key "
                "FROM public.patient"
            )
            connection.exec_driver_sql("UPDATE her2_case SET family_name_key = 'someone-else'")
            connection.exec_driver_sql("UPDATE her2_case SET patient_id = patient_id")
    finally:
        engine.dispose()
    with server.superuser.connect() as connection:
        stale = connection.execute(
            text(
                "SELECT count(*) FROM her2_case JOIN patient ON patient.id = her2_case.patient_id "
                "WHERE her2_case.family_name_key IS DISTINCT FROM patient.family_name_key"
            )
        ).scalar_one()
        cases = connection.execute(text("SELECT count(*) FROM her2_case")).scalar_one()
    assert cases > 0
    assert stale == 0


@pytest.mark.postgres
def test_upgrades_refuse_the_application_role_and_grant_it_new_tables(
    server: Server, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _set_up(server, monkeypatch, capsys)
    # An older schema version (what 0010 to 0014 add taken away again), and a table a newer revision
    # might add.
    for statement in POSTGRES_DROP:  # 0014: the case's copy of the name key and its triggers
        server.as_owner(statement)
    server.as_owner("ALTER TABLE her2_case DROP COLUMN family_name_key")
    server.as_owner("ALTER TABLE patient DROP COLUMN mrn_number_key")  # its index goes with it
    server.as_owner("DROP TABLE accession_counter")
    server.as_owner("ALTER TABLE handout_print DROP COLUMN document")
    server.as_owner("DROP TABLE sign_in_throttle, write_notice")
    server.as_owner("DELETE FROM app_metadata WHERE key = 'sign_in_throttle_key'")
    server.as_owner("UPDATE alembic_version SET version_num = '0009'")
    server.as_owner("CREATE TABLE future_table (id serial PRIMARY KEY, note text)")
    with pytest.raises(DatabaseError, match=f"only the owner of its tables, {server.owner}") as refused:
        open_database(server.app_url)
    assert "db upgrade" in str(refused.value)
    assert APP_PASSWORD not in str(refused.value)
    assert main(["--database", server.app_url, "db", "upgrade"]) == 1
    assert f"{server.app} may not" in capsys.readouterr().err
    assert server.version() == "0009"  # nothing changed

    assert main(["--database", server.owner_url, "db", "upgrade"]) == 0
    assert server.version() != "0009"
    engine = create_engine(server.app_url)
    try:
        with engine.begin() as connection:  # the upgrade granted the recorded role the new table
            connection.exec_driver_sql("INSERT INTO future_table (note) VALUES ('kept')")
            assert connection.exec_driver_sql("SELECT note FROM future_table").scalar_one() == "kept"
            # ... and 0012's counters, which it moves forward in place (an upsert needs UPDATE).
            for expected in (1, 2):
                drawn = draw_number(connection, "H26-")
                assert drawn == expected
        with pytest.raises(DBAPIError, match="permission denied"), engine.begin() as connection:
            connection.exec_driver_sql("UPDATE future_table SET note = 'changed'")
    finally:
        engine.dispose()


@pytest.mark.postgres
def test_the_application_role_does_not_create_the_schema(server: Server) -> None:
    if _server_version(server) < 150000:
        pytest.skip("PostgreSQL 14 and older let every role create tables in schema public")
    with server.superuser.connect() as connection:
        connection.exec_driver_sql(f"CREATE ROLE \"{server.app}\" LOGIN PASSWORD '{APP_PASSWORD}'")
    with pytest.raises(DatabaseError, match="may create its tables"):
        open_database(server.app_url)
    with server.superuser.connect() as connection:
        tables = connection.execute(
            text("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")
        ).scalar()
    assert tables == 0


@pytest.mark.postgres
def test_db_roles_refuses_what_would_not_be_least_privilege(
    server: Server, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _set_up(server, monkeypatch, capsys)
    member = f"{server.app}_m"
    server.more_roles.append(member)
    with server.superuser.connect() as connection:
        connection.exec_driver_sql(f'CREATE ROLE "{member}" LOGIN IN ROLE "{server.owner}"')
        superuser = connection.execute(text("SELECT current_user")).scalar_one()
    cases = [
        (server.app_url, "another_app_role", "is not the owner of the tables"),
        (server.owner_url, server.owner, "is the owner of the tables"),
        (server.owner_url, superuser, "is a superuser"),
        (server.owner_url, member, f"is a member of the owner role {server.owner}"),
    ]
    for url, role, message in cases:
        assert main(["--database", url, "db", "roles", "--app-role", role]) == 2, role
        err = capsys.readouterr().err
        assert message in err, err
        assert "nothing was changed" in err


def test_db_roles_on_sqlite_says_what_protects_a_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "cases.sqlite3"
    assert main(["--database", str(db), "db", "roles", "--app-role", "her2desk_app"]) == 2
    assert "only on PostgreSQL" in capsys.readouterr().err
    assert not db.exists()


def test_every_table_has_its_privileges_decided() -> None:
    """A new table fails here until roles.TABLE_PRIVILEGES says what the application role may do."""
    assert set(TABLE_PRIVILEGES) == {*Base.metadata.tables, "alembic_version"}
    for table in ("audit", "e_signature", "case_version", "rule_set", "handout_print"):
        assert TABLE_PRIVILEGES[table] == APPEND, table
    assert {t for t, p in TABLE_PRIVILEGES.items() if "DELETE" in p} == {"ish_count"}
