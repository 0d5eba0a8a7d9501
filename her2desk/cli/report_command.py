"""`her2desk report ACCESSION -o FILE.pdf [--preliminary] [--as NAME]`: a stored case's synoptic report.

The decisions are `services.report_service`'s, as the handout's are `handout_service`'s: a case not
signed out is refused unless --preliminary asks for pages marked PRELIMINARY — NOT FINAL *and* the
lab's setting allow_preliminary_handouts is on; an amended version prints "Amended report" and the
reason. Every report written is recorded in the print log in the name of the user who printed it:
once the database has user accounts, `--as NAME` and that user's password (asked, or the first line
of standard input) are needed before anything is made. Exit status: 0 written; 1 the database cannot
be opened; 2 unknown accession, a case not signed out, no result, an unwritable file, or no signed-in
user where one is needed.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from her2desk.cli.printing import fail, run_printing

if TYPE_CHECKING:
    from her2desk.domain.workflow import Actor
    from her2desk.services.report_service import ReportService


def register(sub: argparse._SubParsersAction, _root: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "report",
        help="write the synoptic HER2 report (PDF) of a stored case for the chart",
        description="Write the signed synoptic HER2 report of one stored case (its current report "
        "version) as a PDF and record it in the print log. A case that is not signed out is refused; with "
        "--preliminary, and only where the lab setting allow_preliminary_handouts is on, it gets pages "
        "marked PRELIMINARY — NOT FINAL. Exit status 0 when written, 1 when the database cannot be "
        "opened, 2 for an unknown accession, a case not signed out, a case without a result, a file that "
        "cannot be written, or a database with user accounts and no --as.",
    )
    p.add_argument("accession", metavar="ACCESSION", help="accession number of the stored case")
    p.add_argument("-o", "--output", metavar="FILE.pdf", required=True, help="PDF file to write")
    p.add_argument(
        "--preliminary",
        action="store_true",
        help="for a case not signed out yet: pages marked PRELIMINARY — NOT FINAL; needs the lab setting "
        "allow_preliminary_handouts (without it such a case is refused)",
    )
    p.add_argument(
        "--as",
        dest="as_user",
        metavar="NAME",
        default=None,
        help="the user printing the report, named in the print log (needed once the database has users; "
        "the password is asked, or read from the first line of standard input)",
    )
    p.set_defaults(handler=run)


def _fail(message: str) -> int:
    return fail("report", message)


def run(args: argparse.Namespace) -> int:
    return run_printing(
        args,
        "report",
        "report",
        lambda services, output, actor: _write(args, output, services.reports, actor),
    )


def _write(args: argparse.Namespace, output: Path, reports: ReportService, actor: Actor | None) -> int:
    from her2desk.files import write_private_bytes
    from her2desk.services.report_service import ALLOW_PRELIMINARY_COMMAND, Refusal, ReportRefused
    from her2desk.services.signout_service import CaseNotFoundError

    try:
        prepared = reports.prepare(args.accession, preliminary=args.preliminary)
    except CaseNotFoundError as error:
        return _fail(f"{error}; nothing written")
    except ReportRefused as refused:
        hint = ""
        if refused.refusal is Refusal.NOT_SIGNED_OUT:
            hint = (
                ". Use --preliminary to print pages marked PRELIMINARY — NOT FINAL"
                if refused.preliminary_allowed
                else ". Pages marked PRELIMINARY — NOT FINAL (--preliminary) need the lab setting "
                f"allow_preliminary_handouts, which is off (an administrator turns it on with "
                f"`{ALLOW_PRELIMINARY_COMMAND}`)"
            )
        return _fail(f"{'; '.join(refused.reasons)}{hint}; nothing written")
    try:
        write_private_bytes(output, prepared.pdf)
    except OSError as error:
        return _fail(f"cannot write {output}: {error.strerror or error}")
    try:
        reports.record(prepared, actor)
    except ReportRefused as refused:  # the case changed while the file was written: take it back
        output.unlink(missing_ok=True)
        return _fail(f"{'; '.join(refused.reasons)}; nothing written")
    print(
        f"wrote {output} ({len(prepared.pdf):,} bytes, report version {prepared.report_version}, "
        f"{prepared.kind}, sha256 {prepared.sha256})"
    )
    return 0
