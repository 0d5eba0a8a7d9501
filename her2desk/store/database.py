"""Open a her2desk database: resolve the URL, create it on first use, refuse or upgrade other versions.

The start-up path of a current database is one SELECT (no Alembic import, no integrity scan of a
large file). A fresh database is `create_all` + stamp head in one transaction; an older one is
quick-checked, backed up with SQLite's backup API and upgraded in one transaction.
"""

from __future__ import annotations

import itertools
import logging
import os
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sqlalchemy import Connection, Engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, OperationalError
from sqlalchemy.exc import DatabaseError as SQLAlchemyDatabaseError
from sqlalchemy.orm import Session, sessionmaker

from her2desk.files import create_private_file, private_folder
from her2desk.store import (
    audit,  # noqa: F401  (registers the audit hooks and triggers)
    case_name_keys,  # noqa: F401  (registers the name-key triggers)
)
from her2desk.store.backup import backup_sqlite, integrity_problems
from her2desk.store.begin_modes import writer
from her2desk.store.driver import driver_connection
from her2desk.store.engine import make_engine
from her2desk.store.revision_ids import DEMO_KEY
from her2desk.store.schema import AppMetadata, Base
from her2desk.store.schema_status import (
    HEAD_REVISION,
    SCHEMA_MARKER_KEY,
    SCHEMA_MARKER_VALUE,
    SchemaState,
    read_schema_status,
)
from her2desk.store.throttle import KEY_NAME as THROTTLE_KEY_NAME
from her2desk.store.throttle import new_key
from her2desk.store.urls import ADDRESS_HINT, ENV_VAR, default_database_path, redact, resolve_url, sqlite_path

log = logging.getLogger(__name__)
SCHEMA_LOCK_KEY = 0x48455232  # "HER2": advisory lock id for schema creation and upgrades
SUPPORTED_BACKENDS = ("sqlite", "postgresql")
IN_MEMORY_REFUSAL = (
    "sqlite:// without a file name is a database in memory, which is lost when the command ends "
    "(an import would be thrown away, an export would be empty)"
)


class DatabaseError(Exception):
    """The database cannot be used as it is; the message says why and what to do."""


class DatabaseTooNewError(DatabaseError):
    pass


class DatabaseOutdatedError(DatabaseError):
    pass


class DatabaseMissingError(DatabaseError):
    """`open_database(..., create=False)` found no SQLite file at the path."""


@dataclass
class Database:
    """An open database: the engine plus session factories for reading and for writing."""

    url: str
    engine: Engine
    reader: sessionmaker[Session] = field(init=False)
    writer: sessionmaker[Session] = field(init=False)
    write_engine: Engine = field(init=False)

    def __post_init__(self) -> None:
        self.write_engine = writer(self.engine)
        self.reader = sessionmaker(self.engine, expire_on_commit=False)
        self.writer = sessionmaker(self.write_engine, expire_on_commit=False)

    @property
    def path(self) -> Path | None:
        return sqlite_path(self.url)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def revision(self) -> str | None:
        with self.engine.connect() as connection:
            return read_schema_status(connection).revision

    def is_demo(self) -> bool:
        with self.reader() as session:
            return session.get(AppMetadata, DEMO_KEY) is not None

    def close(self) -> None:
        self.engine.dispose()


def usable_url(url: str | None) -> str:
    """The resolved URL of `url`, or DatabaseError saying in words why it names no usable database.

    An empty address is refused rather than taken as "the default" (None means the default); an
    unknown scheme ("foo://", "mysql://", "postgress://") would otherwise surface as SQLAlchemy's
    "Can't load plugin" or a missing-driver traceback. Passwords never appear in the message.
    """
    if url is not None and not url.strip():
        raise DatabaseError(f"The database address is empty; {ADDRESS_HINT}.")
    if url is None and (os.environ.get(ENV_VAR) or "x").isspace():  # unset or "" means the default
        raise DatabaseError(f"${ENV_VAR} holds only spaces; {ADDRESS_HINT}, or unset it.")
    resolved = resolve_url(url)
    try:
        backend = make_url(resolved).get_backend_name()
    except (ArgumentError, ValueError):
        backend = ""
    if backend not in SUPPORTED_BACKENDS:
        raise DatabaseError(f"{redact(resolved)} is not a database address her2desk can use; {ADDRESS_HINT}.")
    if backend == "sqlite" and sqlite_path(resolved) is None:
        raise DatabaseError(f"{IN_MEMORY_REFUSAL}; {ADDRESS_HINT}.")
    return resolved


def _engine_for(resolved: str, lean: bool) -> Engine:
    try:
        return make_engine(resolved, lean=lean)
    except ImportError as error:  # e.g. postgresql+psycopg2:// without that driver installed
        raise DatabaseError(
            f"{redact(resolved)} needs the database driver {error.name or 'named in it'}, which is not "
            f"installed; {ADDRESS_HINT}."
        ) from error
    except (ArgumentError, ValueError) as error:  # an unknown driver, a port that is not a number, ...
        raise DatabaseError(
            f"{redact(resolved)} is not a database address her2desk can use ({type(error).__name__}); "
            f"{ADDRESS_HINT}."
        ) from error


def open_database(
    url: str | None = None,
    *,
    upgrade: bool = True,
    lean: bool = False,
    create: bool = True,
    initialise: bool = True,
) -> Database:
    """Open (creating or upgrading as needed) the database at `url`; see the module docstring.
    `lean`: the desktop program's memory-lean SQLite connections (see `engine.make_engine`).
    `create=False`: a command that only reads refuses an SQLite file that does not exist, instead
    of leaving a new empty database at a mistyped path (DatabaseMissingError). An existing but empty
    database (a new PostgreSQL database, a 0-byte file) still gets the schema either way, unless
    `initialise=False` (`db check`): then an empty database is refused and nothing is written into
    it (for an SQLite file not even opened: SQLite would write a header into a 0-byte file).
    A new SQLite file is created with mode 0600 (`her2desk.files`), its -wal and -shm files follow.
    Every unusable address is a DatabaseError whose message says why, in words."""
    resolved = usable_url(url)
    path = sqlite_path(resolved)
    if path is not None:
        _prepare_sqlite_file(path, create=create, initialise=initialise)
    engine = _engine_for(resolved, lean)
    try:
        try:
            with engine.connect() as connection:
                status = read_schema_status(connection)
        except OperationalError as error:  # not reachable: server down, no permission, bad path
            raise DatabaseError(f"The database {redact(resolved)} cannot be opened: {error.orig}") from error
        except SQLAlchemyDatabaseError as error:
            raise DatabaseError(
                f"The database {redact(resolved)} cannot be read ({error.orig}); nothing was changed. "
                "Restore it from a backup (see docs/storage.md)."
            ) from error
        if status.state is SchemaState.CURRENT:
            return Database(resolved, engine)
        if status.state is SchemaState.EMPTY and not initialise:
            raise DatabaseError(f"The database {redact(resolved)} is empty; {EMPTY_UNTOUCHED}.")
        if status.state is SchemaState.EMPTY:
            _create_schema(engine, resolved)
        elif status.state is SchemaState.NEWER:
            raise DatabaseTooNewError(
                f"The database {redact(resolved)} has schema version {status.revision}, newer than this "
                f"program (which knows up to {HEAD_REVISION}). Install the newer her2desk that wrote it; "
                "this program will not change it."
            )
        elif status.state is SchemaState.FOREIGN:
            raise DatabaseError(f"{redact(resolved)} is not a her2desk database; nothing was changed.")
        elif upgrade:
            upgrade_database(engine, resolved, status.revision)
        else:
            raise DatabaseOutdatedError(
                f"The database {redact(resolved)} has schema version {status.revision}; "
                "run `her2desk db upgrade` first."
            )
        return Database(resolved, engine)
    except BaseException:
        engine.dispose()
        raise


EMPTY_UNTOUCHED = "it holds no her2desk database and nothing was written into it"


def _prepare_sqlite_file(path: Path, *, create: bool, initialise: bool) -> None:
    """Before SQLite opens `path`: refuse what must not be created or written, create a new file 0600.

    her2desk's own data folder (the default file's folder) is made private (0700) on the way.
    """
    if path.parent == default_database_path().parent:
        private_folder(path.parent)
    if path.exists():
        if not initialise and path.is_file() and path.stat().st_size == 0:
            raise DatabaseError(f"The database {path} is an empty file (0 bytes); {EMPTY_UNTOUCHED}.")
        return
    if not create:
        raise DatabaseMissingError(
            f"The database {path} cannot be opened: there is no such file; nothing was created. "
            "Check the path given with --database (or $HER2DESK_DATABASE_URL)."
        )
    try:
        create_private_file(path)
    except OSError as error:
        raise DatabaseError(f"The database {path} cannot be opened: {error.strerror or error}") from error


def _serialise_schema_changes(connection: Connection) -> None:
    """Two workstations starting at once must not both create or upgrade the schema.

    SQLite: the writer's BEGIN IMMEDIATE already serialises them. PostgreSQL: a transaction-scoped
    advisory lock does; the second waits, then finds the work done.
    """
    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": SCHEMA_LOCK_KEY})


def _create_schema(engine: Engine, url: str) -> None:
    with writer(engine).begin() as connection:
        _serialise_schema_changes(connection)
        if read_schema_status(connection).state is not SchemaState.EMPTY:
            return  # another process created it while we waited for the write lock
        _refuse_unless_owner(connection, url, "create its tables")
        Base.metadata.create_all(connection)
        connection.execute(
            AppMetadata.__table__.insert().values(key=SCHEMA_MARKER_KEY, value=SCHEMA_MARKER_VALUE)
        )
        connection.execute(AppMetadata.__table__.insert().values(key=THROTTLE_KEY_NAME, value=new_key()))
        connection.execute(
            text(
                "CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL, "
                "CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num))"
            )
        )
        connection.execute(
            text("INSERT INTO alembic_version (version_num) VALUES (:v)"), {"v": HEAD_REVISION}
        )


def _refuse_unless_owner(connection: Connection, url: str, what: str) -> None:
    """PostgreSQL: only the owner of the tables may change the schema; the application role the
    workstations use (`roles.py`) may not, and is told so in words rather than "permission denied"."""
    if connection.dialect.name != "postgresql":
        return
    from her2desk.store.roles import acts_as_owner, current_user, table_owner

    if acts_as_owner(connection):
        return
    owner = table_owner(connection)
    owner_text = f"the owner of its tables, {owner}," if owner else "a role that may create tables in it"
    need = f"an upgrade to schema version {HEAD_REVISION}" if owner else "its tables created"
    raise DatabaseError(
        f"The database {redact(url)} needs {need}, and only {owner_text} may {what}; "
        f"{current_user(connection)} may not (the application role the workstations use cannot change "
        "the schema, see docs/storage.md). Nothing was changed. Run `her2desk db upgrade --database URL` "
        "with the owner's address."
    )


def backup_before_upgrade(path: Path, revision: str | None) -> Path:
    """Back the file up beside itself under a name no other backup has (another upgrade at the same
    second gets `-2`, `-3`...; an existing file is never replaced); returns the backup's path."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    for number in itertools.count(1):
        suffix = "" if number == 1 else f"-{number}"
        candidate = path.with_name(f"{path.name}.before-upgrade-from-{revision}-{stamp}{suffix}.bak")
        try:
            backup_sqlite(path, candidate)
        except FileExistsError:
            continue
        return candidate
    raise AssertionError("unreachable")


def upgrade_database(engine: Engine, url: str, revision: str | None) -> Path | None:
    """Quick-check, back up (SQLite) and migrate to head in one transaction; returns the backup path.

    Everything happens under the schema lock (SQLite: the writer's BEGIN IMMEDIATE; PostgreSQL: the
    advisory lock), and the schema version is read again once the lock is held: of two programs
    upgrading at once, the second finds the work done and neither backs up nor migrates again.
    On PostgreSQL the application role recorded by `her2desk db roles` is granted its privileges
    again afterwards (in the same transaction), so tables the new revision adds are covered.
    """
    from her2desk.store import migrate  # Alembic is imported only here
    from her2desk.store.roles import regrant_after_upgrade

    backup: Path | None = None
    path = sqlite_path(url)
    with writer(engine).connect() as connection:
        if engine.dialect.name == "sqlite":
            driver_connection(connection).execute("PRAGMA foreign_keys=OFF")
        try:
            with connection.begin():
                _serialise_schema_changes(connection)
                status = read_schema_status(connection)
                if status.state is not SchemaState.OLDER:
                    return None  # another program upgraded it while this one waited for the lock
                _refuse_unless_owner(connection, url, "upgrade it")
                if path is not None:
                    backup = _checked_backup(engine, path, status.revision)
                migrate.upgrade(connection)
                if engine.dialect.name == "sqlite":
                    bad = list(connection.exec_driver_sql("PRAGMA foreign_key_check"))
                    if bad:
                        raise DatabaseError(f"upgrade broke foreign keys: {bad[:3]}")
                else:
                    regrant_after_upgrade(connection)
        finally:
            if engine.dialect.name == "sqlite":
                driver_connection(connection).execute("PRAGMA foreign_keys=ON")
    return backup


def _checked_backup(engine: Engine, path: Path, revision: str | None) -> Path:
    """Quick check, then the backup, both read through other connections while this one holds the
    write lock (readers are never blocked in WAL mode, and nobody can write meanwhile)."""
    problems = integrity_problems(engine, quick=True)
    if problems:
        raise DatabaseError(
            f"The database {path} failed its quick check ({problems[0]}); it was not upgraded. "
            "Restore it from a backup."
        )
    backup = backup_before_upgrade(path, revision)
    log.info("backed up the database to %s before upgrading it", backup)
    return backup
