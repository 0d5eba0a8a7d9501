"""Data commands: `her2desk import`, `export`, `demo` and `db check|backup|upgrade|roles`.

Only the argument declarations live here; the work is in `data_handlers.py`, imported when a data
command actually runs. Exit status: 0 success, 1 a failed check or an unusable database, 2 invalid input.
"""

from __future__ import annotations

import argparse

from her2desk.cli.lazy import lazy_handler


def _database_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--database",
        metavar="URL",
        default=argparse.SUPPRESS,
        help="SQLite file path or postgresql+psycopg:// URL (default: $HER2DESK_DATABASE_URL, "
        "else the embedded SQLite file)",
    )


def register(subparsers: argparse._SubParsersAction, root: argparse.ArgumentParser) -> None:
    importer = subparsers.add_parser(
        "import",
        help="import cases from a CSV file (all-or-nothing)",
        description="Import cases from a UTF-8 CSV file with a header row. If any row has a problem, "
        "every problem is printed as 'row N, column C: message', nothing is imported and the exit "
        "status is 2. The header is row 1.",
    )
    importer.add_argument("file", metavar="FILE.csv")
    importer.add_argument(
        "--as",
        dest="as_user",
        metavar="NAME",
        default=None,
        help="the technologist or pathologist entering the cases (needed once the database has users; "
        "the password is asked, or read from the first line of standard input). The import records them "
        "as the enterer, so the lab's sign-out rules apply to imported cases too",
    )
    _database_option(importer)
    importer.set_defaults(handler=lazy_handler("her2desk.cli.data_handlers", "run_import"))

    exporter = subparsers.add_parser("export", help="export every case (CSV)")
    exporter.add_argument("--format", choices=["csv"], required=True)
    exporter.add_argument("-o", "--output", metavar="FILE", help="write here instead of standard output")
    _database_option(exporter)
    exporter.set_defaults(handler=lazy_handler("her2desk.cli.data_handlers", "run_export"))

    demo = subparsers.add_parser("demo", help="fill an empty database with synthetic demonstration cases")
    demo.add_argument("--cases", type=int, required=True, metavar="N")
    demo.add_argument("--seed", type=int, default=0, help="random seed (same seed, same cases)")
    _database_option(demo)
    demo.set_defaults(handler=lazy_handler("her2desk.cli.data_handlers", "run_demo"))

    db = subparsers.add_parser("db", help="database maintenance: check, digest, backup, upgrade, roles")
    db_sub = db.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    check = db_sub.add_parser(
        "check", help="full integrity check, tamper evidence included (exit 1 on a problem)"
    )
    check.add_argument(
        "--digest",
        metavar="D",
        help="a digest printed earlier by `db digest` (or on a report): prove the record still holds "
        "what it committed to",
    )
    _database_option(check)
    check.set_defaults(handler=lazy_handler("her2desk.cli.data_handlers", "run_db_check"))
    digest = db_sub.add_parser(
        "digest", help="print the record's head digest, to write down or print (anchors the record)"
    )
    _database_option(digest)
    digest.set_defaults(handler=lazy_handler("her2desk.cli.data_handlers", "run_db_digest"))
    backup = db_sub.add_parser("backup", help="consistent online copy (SQLite backup API / pg_dump)")
    backup.add_argument("path", metavar="PATH")
    _database_option(backup)
    backup.set_defaults(handler=lazy_handler("her2desk.cli.data_handlers", "run_db_backup"))
    upgrade = db_sub.add_parser("upgrade", help="upgrade the schema (backs up an SQLite file first)")
    _database_option(upgrade)
    upgrade.set_defaults(handler=lazy_handler("her2desk.cli.data_handlers", "run_db_upgrade"))
    roles = db_sub.add_parser(
        "roles",
        help="PostgreSQL: set up the application role the workstations connect as",
        description="Run as the owner of the tables (--database with the owner's address). Creates the "
        "application role if it does not exist (the owner needs CREATEROLE for that; otherwise the "
        "server's administrator creates it first) and gives it exactly what the program needs: it can "
        "read everything and insert records, but it can never update or delete audit rows, signatures, "
        "signed-out report versions or the print log, nor alter a table or disable a trigger. Run it "
        "again at any time; every `db upgrade` grants the recorded role its privileges on new tables. "
        "See docs/storage.md. Exit status 0 done, 1 an unusable database, 2 refused (the message says why).",
    )
    roles.add_argument("--app-role", required=True, metavar="NAME", help="the application role's name")
    roles.add_argument(
        "--password",
        action="store_true",
        help="set the application role's password: asked twice without echo, or the first two lines of "
        "standard input",
    )
    _database_option(roles)
    roles.set_defaults(handler=lazy_handler("her2desk.cli.data_handlers", "run_db_roles"))
