"""Least privilege on PostgreSQL: an owner role migrates, the workstations connect as an application role.

Why: the audit trail, the signatures, the signed-out report versions and the print log are the record a
lab must be able to trust. Triggers refuse UPDATE and DELETE on `audit`, but the owner of a table may
disable or drop its triggers, so a program that connects as the owner can rewrite history with one
SQL statement. Workstations therefore connect as an application role that

* can read every table and insert into every table the program writes;
* can update and delete only where the program does: the clinical working tables, users and lab
  settings (UPDATE; DELETE only on `ish_count`, the one table the program deletes from);
* can neither update nor delete (nor truncate) `audit`, `e_signature`, `case_version`, `rule_set` or
  `handout_print`. The program marks earlier handouts superseded when a case is amended, so the role
  may UPDATE the single column `handout_print.superseded` (a column privilege): every other column of
  a print record stays as written;
* owns nothing and is no member of the owner, so it cannot alter a table, disable or drop a trigger;
* gets no DELETE on `her2_case` or `patient` either: deleting a case would cascade (with the
  owner's rights) to its signatures, versions and prints.

`grant_application_role` sets this up and is idempotent (everything is revoked, then granted again);
`her2desk db roles` runs it, and every upgrade runs it again for the recorded role so tables a new
schema revision adds get their privileges. A table this module does not list gets SELECT and INSERT
only; a test fails until a new table is listed, so the decision is made deliberately.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, text

from her2desk.store.audit import record_event, utc_now
from her2desk.store.driver import driver_connection

READ = ("SELECT",)
APPEND = ("SELECT", "INSERT")
WORK = ("SELECT", "INSERT", "UPDATE")
WORK_AND_DELETE = ("SELECT", "INSERT", "UPDATE", "DELETE")

TABLE_PRIVILEGES: dict[str, tuple[str, ...]] = {
    # Written by migrations (and the demo seeder) only.
    "alembic_version": READ,
    "app_metadata": READ,
    # The record: inserted, never changed.
    "audit": APPEND,
    "e_signature": APPEND,
    "case_version": APPEND,
    "rule_set": APPEND,
    "handout_print": APPEND,  # plus UPDATE (superseded), COLUMN_UPDATES
    # Working tables.
    "app_user": WORK,
    "lab_setting": WORK,
    "patient": WORK,
    "her2_case": WORK,
    "specimen": WORK,
    "ihc_result": WORK,
    "ish_result": WORK,
    "interpretation": WORK,
    "ish_count": WORK_AND_DELETE,  # a recount that is taken back is deleted (case_writer)
    # Sessions: started (insert) and ended (update), never deleted, so sign-ins stay on record.
    "app_session": WORK,
    # The tamper-evidence chain's head and the case/patient seals move forward with every write; what
    # they commit to is anchored outside (`db digest`), so rewriting them is detected, not prevented.
    "chain_head": WORK,
    "record_seal": WORK,
    # Wrong passwords in a row per account (claimed, settled, unlocked: updated in place, never
    # deleted), and the notes long imports leave for workstations waiting on them (ended, not deleted).
    "sign_in_throttle": WORK,
    "write_notice": WORK,
    # Automatic accession numbers: each counter row moves forward in place (upsert), never deleted.
    "accession_counter": WORK,
}
COLUMN_UPDATES: dict[str, tuple[str, ...]] = {"handout_print": ("superseded",)}
UNLISTED = APPEND
APPLICATION_ROLE_KEY = "application_role"  # app_metadata: the role every upgrade grants to again


class RoleSetupError(Exception):
    """The application role cannot be set up as asked; the message says why and what to do."""


@dataclass(frozen=True)
class RoleSetup:
    role: str
    created: bool
    tables: int
    cautions: tuple[str, ...]  # what the server still allows that a DBA should close


def _quote(connection: Connection, name: str) -> str:
    return connection.dialect.identifier_preparer.quote_identifier(name)


def current_schema(connection: Connection) -> str:
    schema = connection.execute(text("SELECT current_schema()")).scalar_one_or_none()
    if schema is None:
        raise RoleSetupError("the connection has no current schema (check search_path)")
    return str(schema)


def table_owner(connection: Connection) -> str | None:
    """The role that owns her2desk's tables (the owner of `alembic_version`), or None before creation."""
    return connection.execute(
        text(
            "SELECT pg_get_userbyid(c.relowner) FROM pg_class c "
            "WHERE c.oid = to_regclass(quote_ident(current_schema()) || '.alembic_version')"
        )
    ).scalar_one_or_none()


def acts_as_owner(connection: Connection) -> bool:
    """Whether the connected role may change the schema: it owns the tables (or is a member of the
    owner, or a superuser). The application role is none of these."""
    owner = table_owner(connection)
    if owner is None:
        return bool(
            connection.execute(text("SELECT has_schema_privilege(current_schema(), 'CREATE')")).scalar()
        )
    statement = text("SELECT pg_has_role(current_user, :owner, 'USAGE')")
    return bool(connection.execute(statement, {"owner": owner}).scalar())


def current_user(connection: Connection) -> str:
    return str(connection.execute(text("SELECT current_user")).scalar_one())


def _role(connection: Connection, name: str) -> dict | None:
    row = connection.execute(
        text("SELECT rolsuper, rolcreaterole FROM pg_roles WHERE rolname = :name"), {"name": name}
    ).one_or_none()
    return None if row is None else dict(row._mapping)


def _refusals(connection: Connection, name: str, owner: str) -> list[str]:
    """Why `name` cannot serve as the application role (empty: it can)."""
    if name == owner or name == current_user(connection):
        return [f"{name} is the owner of the tables (or the role connected now); choose another name"]
    role = _role(connection, name)
    if role is None:
        return []
    problems = []
    if role["rolsuper"]:
        problems.append(f"{name} is a superuser, which may do anything; choose a role that is not")
    if role["rolcreaterole"]:
        problems.append(f"{name} may create roles (CREATEROLE), and so make itself the owner; remove that")
    if connection.execute(
        text("SELECT pg_has_role(:name, :owner, 'MEMBER')"), {"name": name, "owner": owner}
    ).scalar():
        problems.append(f"{name} is a member of the owner role {owner}, so it could alter or drop the tables")
    return problems


def _create_role(connection: Connection, name: str) -> None:
    try:
        with connection.begin_nested():
            connection.exec_driver_sql(
                f"CREATE ROLE {_quote(connection, name)} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE "
                "NOREPLICATION NOBYPASSRLS"
            )
    except Exception as error:  # insufficient privilege: the owner may not create roles
        raise RoleSetupError(
            f"the role {name} does not exist and {current_user(connection)} may not create it "
            f"({getattr(error, 'orig', error)}); ask the server's administrator to run "
            f"`createuser --pwprompt {name}` (or CREATE ROLE {name} LOGIN PASSWORD '...'), then run "
            "this command again"
        ) from None


def set_password(connection: Connection, name: str, password: str) -> None:
    """ALTER ROLE ... PASSWORD with the password already hashed by libpq (PQencryptPasswordConn, the
    server's own algorithm, as psql's password command does): the server, and its statement log, never see
    the password itself."""
    from psycopg import sql

    raw = driver_connection(connection)
    hashed = raw.pgconn.encrypt_password(password.encode(), name.encode()).decode()
    statement = sql.SQL("ALTER ROLE {} PASSWORD {}").format(sql.Identifier(name), sql.Literal(hashed))
    try:
        with connection.begin_nested(), raw.cursor() as cursor:
            cursor.execute(statement)
    except Exception as error:
        raise RoleSetupError(
            f"{current_user(connection)} may not set the password of {name} "
            f"({type(getattr(error, 'orig', error)).__name__}); ask the server's administrator to run "
            f"ALTER ROLE {name} PASSWORD '...'"
        ) from None


def grant_application_role(connection: Connection, name: str) -> int:
    """Give `name` exactly the privileges of the module docstring on every table of the current schema;
    returns how many tables. Runs in the caller's transaction, as the owner."""
    schema = current_schema(connection)
    role = _quote(connection, name)
    quoted_schema = _quote(connection, schema)
    tables = list(
        connection.execute(
            text("SELECT tablename FROM pg_tables WHERE schemaname = :schema ORDER BY tablename"),
            {"schema": schema},
        ).scalars()
    )
    database = _quote(connection, str(connection.execute(text("SELECT current_database()")).scalar_one()))
    statements = [
        f"REVOKE ALL ON ALL TABLES IN SCHEMA {quoted_schema} FROM {role}",
        f"REVOKE ALL ON ALL SEQUENCES IN SCHEMA {quoted_schema} FROM {role}",
        f"REVOKE ALL ON SCHEMA {quoted_schema} FROM {role}",
        f"GRANT CONNECT ON DATABASE {database} TO {role}",
        f"GRANT USAGE ON SCHEMA {quoted_schema} TO {role}",
    ]
    for table in tables:
        qualified = f"{quoted_schema}.{_quote(connection, table)}"
        columns = COLUMN_UPDATES.get(table, ())
        if columns:  # a table-level REVOKE leaves column privileges in place
            statements.append(f"REVOKE UPDATE ({', '.join(columns)}) ON {qualified} FROM {role}")
        privileges = TABLE_PRIVILEGES.get(table, UNLISTED)
        statements.append(f"GRANT {', '.join(privileges)} ON {qualified} TO {role}")
        if columns:
            statements.append(f"GRANT UPDATE ({', '.join(columns)}) ON {qualified} TO {role}")
    statements.append(f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {quoted_schema} TO {role}")
    for statement in statements:
        connection.exec_driver_sql(statement)
    return len(tables)


def _cautions(connection: Connection, name: str, schema: str) -> tuple[str, ...]:
    """What the role can still do that this module cannot take away from it (PUBLIC's privileges)."""
    cautions = []
    if connection.execute(
        text("SELECT has_schema_privilege(:name, :schema, 'CREATE')"), {"name": name, "schema": schema}
    ).scalar():
        cautions.append(
            f"{name} may still create tables in schema {schema} (PostgreSQL 14 and older grant that to "
            f"everyone); the server's administrator should run REVOKE CREATE ON SCHEMA {schema} FROM PUBLIC"
        )
    return tuple(cautions)


def record_application_role(connection: Connection, name: str) -> None:
    connection.execute(text("DELETE FROM app_metadata WHERE key = :key"), {"key": APPLICATION_ROLE_KEY})
    connection.execute(
        text("INSERT INTO app_metadata (key, value) VALUES (:key, :value)"),
        {"key": APPLICATION_ROLE_KEY, "value": name},
    )


def recorded_application_role(connection: Connection) -> str | None:
    return connection.execute(
        text("SELECT value FROM app_metadata WHERE key = :key"), {"key": APPLICATION_ROLE_KEY}
    ).scalar_one_or_none()


def setup_application_role(
    connection: Connection, name: str, password: str | None = None, *, who: str = "local"
) -> RoleSetup:
    """Create (if needed) and grant the application role `name`, as the owner, in one transaction.

    Refused (RoleSetupError) when the connected role is not the owner of the tables, or when `name` is
    the owner, a superuser, may create roles, or is a member of the owner. The role is recorded in
    `app_metadata`, so `her2desk db upgrade` grants it the privileges on tables a new revision adds,
    and the setup is an audit event ("db-roles", by `who`: the operating-system account).
    """
    if connection.dialect.name != "postgresql":
        raise RoleSetupError(
            "roles exist only on PostgreSQL; an SQLite file is protected by its file permissions "
            "(0600, see docs/storage.md)"
        )
    if not name or len(name) > 63:
        raise RoleSetupError("--app-role must be a role name of 1 to 63 characters")
    owner = table_owner(connection)
    if owner is None:
        raise RoleSetupError("the database has no her2desk tables yet; run `her2desk db upgrade` first")
    if not acts_as_owner(connection):
        raise RoleSetupError(
            f"{current_user(connection)} is not the owner of the tables ({owner}); connect as {owner} "
            "(--database with the owner's address)"
        )
    problems = _refusals(connection, name, owner)
    if problems:
        raise RoleSetupError("; ".join(problems))
    created = _role(connection, name) is None
    if created:
        _create_role(connection, name)
    if password is not None:
        set_password(connection, name, password)
    tables = grant_application_role(connection, name)
    record_application_role(connection, name)
    record_event(
        connection,
        at=utc_now(),
        who=who,
        action="db-roles",
        table="app_metadata",
        record=APPLICATION_ROLE_KEY,
        new={"role": name, "created": created, "password_set": password is not None, "tables": tables},
    )
    return RoleSetup(name, created, tables, _cautions(connection, name, current_schema(connection)))


def regrant_after_upgrade(connection: Connection) -> str | None:
    """After a migration (as the owner): grant the recorded application role again, so new tables get
    their privileges; returns the role's name, or None when none is recorded or it no longer exists."""
    name = recorded_application_role(connection)
    if name is None or _role(connection, name) is None:
        return None
    grant_application_role(connection, name)
    return name
