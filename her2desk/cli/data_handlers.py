"""What the data commands do (`her2desk import`, `export`, `demo`, `db check|digest|backup|upgrade|roles`).

Loaded only when one of them runs, so `her2desk` and `her2desk interpret` start without SQLAlchemy;
the argument declarations are in `data_commands.py`.

Exit status as for every her2desk command: 0 success, 1 a failed check or an unusable database,
2 invalid input or usage. Messages never contain patient data beyond what the user's own file holds.
"""

from __future__ import annotations

import argparse
import functools
import getpass
import io
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path

from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError

from her2desk.domain.case import CaseEntry, PatientDetails
from her2desk.domain.records import CaseInvalidError
from her2desk.domain.vocabulary import Sex
from her2desk.domain.workflow import WorkflowError
from her2desk.exchange.csv_cases import FIELD_TO_COLUMN, CsvProblem, numbered, parse_csv, write_csv
from her2desk.files import private_text
from her2desk.services.bundle import Services
from her2desk.services.case_service import CaseService
from her2desk.store.database import IN_MEMORY_REFUSAL, DatabaseError, open_database
from her2desk.store.urls import redact, resolve_url, sqlite_path

# A stored MRN must come with these details (the store's rule; sex may fill in an unknown one).
IDENTITY_COLUMNS = ("family_name", "given_name", "birth_date", "sex")


def _err(message: str) -> None:
    print(f"her2desk: {message}", file=sys.stderr)


def _reported(handler: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
    """A database that fails mid-command (server gone, disk full, lock timeout) is reported in one
    line with exit status 1, never as a traceback."""

    @functools.wraps(handler)
    def run(args: argparse.Namespace) -> int:
        unusable = _unusable_database(args)
        if unusable:
            _err(unusable)
            return 2
        try:
            return handler(args)
        except SQLAlchemyError as error:
            _err(f"database error: {getattr(error, 'orig', None) or error}")
            return 1

    return run


def _unusable_database(args: argparse.Namespace) -> str | None:
    """Why --database cannot name a database at all (a typo such as 'postgress://...'), or None.

    Said in words before anything is opened (SQLAlchemy says "Can't load plugin: sqlalchemy.dialects:foo").
    """
    given = getattr(args, "database", None)
    if given is not None and not given.strip():
        return "--database is empty; give an SQLite file path or a postgresql+psycopg:// URL"
    url = resolve_url(given)
    try:
        backend = make_url(url).get_backend_name()
    except (ArgumentError, ValueError):  # ValueError: a port that is not a number
        backend = ""
    if backend not in ("sqlite", "postgresql"):
        return (
            f"{redact(url)} is not a database her2desk can use; give an SQLite file path "
            "or a postgresql+psycopg:// URL"
        )
    if backend == "sqlite" and sqlite_path(url) is None:
        return f"{IN_MEMORY_REFUSAL}; give an SQLite file path or a postgresql+psycopg:// URL"
    return None


def _existing_url(args: argparse.Namespace) -> str | None:
    """The resolved URL, or None (after saying so) when an SQLite file does not exist."""
    url = resolve_url(getattr(args, "database", None))
    path = sqlite_path(url)
    if path is not None and not path.exists():
        _err(f"there is no database at {path}")
        return None
    return url


def _service(args: argparse.Namespace) -> CaseService:
    return Services(open_database(getattr(args, "database", None)), user=_user()).cases


def _user() -> str:
    """Command-line changes are attributed to the operating-system account until sign-in exists."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "local"


# -- import / export -----------------------------------------------------------------------------


class _RefusedError(Exception):
    """The command may not act (no sign-in where one is needed, a wrong password, a role)."""


def _signed_in(service: CaseService, as_user: str | None) -> CaseService:
    """The service acting for `--as NAME` (signed in with their password, audited like any sign-in),
    or the local one for a database without accounts. Once a database has accounts nothing is
    imported anonymously."""
    from her2desk.cli.user_handlers import Answers
    from her2desk.domain.workflow import Action, role_refusals
    from her2desk.services.auth_service import AuthenticationError

    auth = Services.of(service).auth
    if as_user is None:
        if auth.has_users():
            raise _RefusedError(
                "this database has user accounts: give --as NAME of the technologist or pathologist "
                "entering the cases (their password is asked, or read from the first line of standard input)"
            )
        return service
    password = Answers().next(f"Password for {as_user}: ")
    if password is None:
        raise _RefusedError(f"give the password of {as_user} (the first line of standard input)")
    try:
        actor = auth.login(as_user, password).actor
    except AuthenticationError as refused:
        raise _RefusedError(f"--as {as_user}: {refused}") from None
    reasons = role_refusals(actor, Action.EDIT)
    if reasons:
        auth.end_session(actor, "refused")
        raise _RefusedError(f"--as {as_user}: {reasons[0]}")
    return Services.of(service).for_actor(actor).cases


def _run_import(args: argparse.Namespace) -> int:
    path = Path(args.file)
    try:
        with path.open(encoding="utf-8-sig", newline="") as stream:
            text = stream.read()  # read before the database opens: a missing file creates nothing
    except FileNotFoundError:
        _err(f"{path}: no such file")
        return 2
    except UnicodeDecodeError as error:
        _err(f"{path}: not UTF-8 text (byte {error.start}); save the file as UTF-8 CSV")
        return 2
    except OSError as error:
        _err(f"{path}: {error.strerror}")
        return 2
    try:
        service = _service(args)
    except DatabaseError as error:
        _err(str(error))
        return 1
    try:
        service = _signed_in(service, getattr(args, "as_user", None))
    except _RefusedError as refused:
        service.close()
        _err(f"{refused}; nothing was imported")
        return 2
    with service:
        # Checked with the lab's rule settings, as the store will check them again on saving.
        rules = Services.of(service).rule_settings.load()
        service.settings = rules
        parsed = parse_csv(io.StringIO(text, newline=""), date.today(), rules)
        problems = list(parsed.problems)
        stored = service.existing_accessions(e.accession for _, e in parsed.entries)
        problems.extend(
            CsvProblem(row, "accession", f"{entry.accession} is already stored")
            for row, entry in parsed.entries
            if entry.accession in stored
        )
        problems.extend(_stored_patient_problems(service, parsed.entries))
        if problems:
            for line in numbered(problems):
                print(line, file=sys.stderr)
            _err(f"{len(problems)} problem(s); nothing was imported")
            return 2
        try:
            count = service.import_cases([entry for _, entry in parsed.entries])
        except WorkflowError as refused:  # e.g. a blinded recount typed by the same person
            _err(f"{'; '.join(refused.reasons)}; nothing was imported")
            return 2
        except CaseInvalidError as error:  # e.g. another workstation stored one of them meanwhile
            for problem in error.problems:
                column = FIELD_TO_COLUMN.get(getattr(problem, "field", ""), "")
                print(f"column {column}: {problem.message}" if column else str(problem), file=sys.stderr)
            _err("nothing was imported")
            return 2
    print(f"imported {count} case(s)")
    return 0


def _stored_patient_problems(service: CaseService, entries: list[tuple[int, CaseEntry]]) -> list[CsvProblem]:
    """Rows whose MRN is stored with other patient details (the store refuses them, see case_writer).

    Checked here so each is reported by row, like every other problem; the message names the columns
    that differ but not the stored details (no patient data beyond what the user's file holds).
    """
    problems: list[CsvProblem] = []
    known: dict[str, PatientDetails | None] = {}
    for row, entry in entries:
        mrn = entry.patient.mrn
        if mrn not in known:
            known[mrn] = service.find_patient(mrn)
        stored = known[mrn]
        if stored is None:
            continue
        differing = [
            column
            for column in IDENTITY_COLUMNS
            if getattr(stored, column) not in (None, "", Sex.UNKNOWN)
            and getattr(stored, column) != getattr(entry.patient, column)
        ]
        if differing:
            problems.append(
                CsvProblem(
                    row,
                    "mrn",
                    f"MRN {mrn} is already stored with a different {', '.join(differing)}; check the MRN, "
                    "or give the stored patient's details",
                )
            )
    return problems


def _run_export(args: argparse.Namespace) -> int:
    # A mistyped SQLite path must not become a new, empty database and a "successful" empty export.
    missing = sqlite_path(resolve_url(getattr(args, "database", None)))
    if missing is not None and not missing.exists():
        _err(f"the database {missing} cannot be opened: there is no such file; nothing exported")
        return 1
    try:
        service = _service(args)
    except DatabaseError as error:
        _err(str(error))
        return 1
    with service:
        if args.output:
            # Written into a new private file beside the target and renamed when complete
            # (her2desk.files): a failed export leaves no truncated file that looks like a good one.
            output = Path(args.output)
            try:
                with private_text(output) as stream:
                    count = write_csv(stream, service.iter_cases())
            except OSError as error:
                _err(f"cannot write {output}: {error.strerror or error}; nothing exported")
                return 2
        else:
            count = write_csv(sys.stdout, service.iter_cases())
    if args.output:
        print(f"exported {count} case(s) to {args.output}", file=sys.stderr)
    return 0


# -- demo ----------------------------------------------------------------------------------------


def _run_demo(args: argparse.Namespace) -> int:
    from her2desk.demo.seed import DemoRefusedError, seed_demo

    if args.cases < 1:
        _err("--cases must be at least 1")
        return 2
    try:
        database = open_database(getattr(args, "database", None))
    except DatabaseError as error:
        _err(str(error))
        return 1
    try:
        step = max(args.cases // 10, 5000)

        def progress(done: int, total: int) -> None:
            if done % step < 5000 or done == total:
                print(f"  {done:,}/{total:,} cases", file=sys.stderr)

        added = seed_demo(database, args.cases, seed=args.seed, progress=progress)
    except DemoRefusedError as error:
        _err(str(error))
        return 2
    finally:
        database.close()
    print(f"added {added:,} synthetic demo cases to {redact(database.url)}")
    return 0


# -- db ------------------------------------------------------------------------------------------


def _run_db_check(args: argparse.Namespace) -> int:
    """File integrity, the audit triggers, then the tamper evidence (`store.verify`): the chain, its
    head and the seals; with --digest also that the record still holds what the digest committed to."""
    from her2desk.store.audit import missing_audit_triggers
    from her2desk.store.backup import integrity_problems
    from her2desk.store.verify import parse_digest, verify_record

    try:
        digest = parse_digest(args.digest) if args.digest is not None else None
    except ValueError as error:
        _err(f"--digest: {error}")
        return 2
    url = _existing_url(args)
    if url is None:
        return 1
    try:  # never writes into what it opens: an empty database (a 0-byte file) is refused as it is
        database = open_database(url, upgrade=False, create=False, initialise=False)
    except Exception as error:  # a damaged file can fail anywhere; report it, never a traceback
        _err(f"the database cannot be opened: {error}")
        return 1
    try:
        problems = integrity_problems(database.engine)
        with database.engine.connect() as connection:
            problems += [
                f"audit protection missing: trigger {name} (restore it with the program's migration)"
                for name in missing_audit_triggers(connection)
            ]
        check = verify_record(database.engine, digest) if not problems else None
    except Exception as error:
        _err(f"integrity check failed: {error}")
        return 1
    finally:
        database.close()
    if check is not None:
        problems += check.problems
        if check.more:
            problems.append(f"... and {check.more} more problem(s) of the record")
    if problems:
        for problem in problems[:50]:
            print(problem, file=sys.stderr)
        _err(f"{redact(url)}: {len(problems)} problem(s) found")
        return 1
    assert check is not None
    print(f"{redact(url)}: ok ({check.rows:,} chained records verified; head {check.head})")
    if check.digest_position is not None:
        print(f"digest sha256:{digest} found at record position {check.digest_position}: the record "
              "still holds what it committed to")  # fmt: skip
    return 0


def _run_db_digest(args: argparse.Namespace) -> int:
    """Print the head digest (`store.verify.HeadDigest`), for the lab to write down or print."""
    from her2desk.store.verify import head_digest

    url = _existing_url(args)
    if url is None:
        return 1
    try:
        database = open_database(url, upgrade=False)
    except DatabaseError as error:
        _err(str(error))
        return 1
    try:
        with database.engine.connect() as connection:
            head = head_digest(connection)
    finally:
        database.close()
    if head is None:
        _err(f"{redact(url)}: the chain head is missing; run `her2desk db check`")
        return 1
    print(head)
    return 0


def _run_db_backup(args: argparse.Namespace) -> int:
    from her2desk.store.backup import backup_postgres, backup_sqlite

    url = _existing_url(args)
    if url is None:
        return 1
    destination = Path(args.path).expanduser().resolve()
    source = sqlite_path(url)
    try:
        if source is not None:
            backup_sqlite(source, destination)
        else:
            backup_postgres(url, destination)
    except FileExistsError as error:
        _err(str(error))
        return 2
    except (RuntimeError, OSError) as error:
        _err(f"backup failed: {error}")
        return 1
    print(f"backed up {redact(url)} to {destination}")
    return 0


def _run_db_upgrade(args: argparse.Namespace) -> int:
    url = _existing_url(args)
    if url is None:
        return 1
    try:
        database = open_database(url, upgrade=True)
    except DatabaseError as error:
        _err(str(error))
        return 1
    try:
        print(f"{redact(url)}: schema version {database.revision()} (current)")
    finally:
        database.close()
    return 0


def _run_db_roles(args: argparse.Namespace) -> int:
    from her2desk.cli.user_handlers import Answers
    from her2desk.store.roles import RoleSetupError, setup_application_role

    url = resolve_url(getattr(args, "database", None))
    if sqlite_path(url) is not None:
        _err(
            "roles exist only on PostgreSQL; an SQLite file is protected by its file permissions "
            "(0600, see docs/storage.md). Give the owner's postgresql+psycopg:// address with --database"
        )
        return 2
    password = None
    if args.password:
        answers = Answers()
        password = answers.next(f"Password for {args.app_role}: ")
        again = answers.next(f"Password for {args.app_role} again: ") if password is not None else None
        if password is None or again is None:
            _err("give the password twice (two lines on standard input); nothing was changed")
            return 2
        if password != again:
            _err("the two passwords differ; nothing was changed")
            return 2
    try:
        database = open_database(url, upgrade=False)
    except DatabaseError as error:
        _err(str(error))
        return 1
    try:
        with database.write_engine.begin() as connection:
            setup = setup_application_role(connection, args.app_role, password, who=_user())
    except RoleSetupError as error:
        _err(f"{error}; nothing was changed")
        return 2
    finally:
        database.close()
    owner = make_url(url)  # the workstations' address: the owner's, with the application role and no password
    workstation_url = URL.create(
        owner.drivername, setup.role, None, owner.host, owner.port, owner.database, owner.query
    )
    print(
        f"{'created' if setup.created else 'updated'} the application role {setup.role} on "
        f"{setup.tables} tables: it reads everything and inserts records, and cannot update or delete "
        "audit rows, signatures, report versions or the print log (only a print's superseded mark), "
        "nor alter a table or disable a trigger"
    )
    print(f"workstations connect as: {workstation_url.render_as_string(hide_password=False)}")
    for caution in setup.cautions:
        _err(f"caution: {caution}")
    return 0


run_import = _reported(_run_import)
run_export = _reported(_run_export)
run_demo = _reported(_run_demo)
run_db_check = _reported(_run_db_check)
run_db_digest = _reported(_run_db_digest)
run_db_backup = _reported(_run_db_backup)
run_db_upgrade = _reported(_run_db_upgrade)
run_db_roles = _reported(_run_db_roles)
