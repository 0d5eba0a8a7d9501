"""`her2desk handout ACCESSION -o FILE.pdf [--lang en|es] [--preliminary] [--large-print] [--paper P]`.

A stored case's patient handout.

The decisions are `services.handout_service`'s, the same as the desktop program's: a case not yet
signed out is refused unless --preliminary asks for a page marked PRELIMINARY — NOT FINAL *and* the
lab's setting allow_preliminary_handouts is on
(`her2desk settings set allow_preliminary_handouts true --as ADMINISTRATOR`).
The command line is a trusted local operator, but the issue says "where the lab's setting allows it",
and a lab that decided against preliminary pages must not get them through a side door. An amended case
prints "Corrected result" with the date of the amendment. The lab's name and contact line come from the
lab settings, in the handout's language where the lab set one (`lab_name_es` ...; else the default
language's, and a warning on standard error says so); $HER2DESK_LAB_NAME and $HER2DESK_LAB_CONTACT,
when set, replace them for this run. --large-print prints the body in 14 pt (up to two pages); the paper
is the lab setting paper_size (auto: this computer's locale) unless --paper names one. Every
handout written is recorded in the print log, in the name of the user who printed it: once the database
has user accounts, `--as NAME` and that user's password (asked, or the first line of standard input) are
needed before anything is made, as for every other act. Exit status: 0 written; 2 unknown accession, a
case not signed out (without --preliminary, or without the lab setting), no result, an unwritable file,
or no signed-in user where one is needed.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from her2desk.cli.printing import fail, run_printing

# Not the handout package: nothing heavy is imported before the command runs.
from her2desk.domain.handout_choices import LANGUAGES, PAPER_SIZES

if TYPE_CHECKING:
    from her2desk.domain.workflow import Actor
    from her2desk.services.handout_service import HandoutService

LAB_NAME_VARIABLE = "HER2DESK_LAB_NAME"
LAB_CONTACT_VARIABLE = "HER2DESK_LAB_CONTACT"


def register(sub: argparse._SubParsersAction, _root: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "handout",
        help="write the patient handout (PDF) of a stored case",
        description="Write the plain-language patient handout of one stored case as a PDF and record it "
        "in the print log. A case that is not signed out is refused; with --preliminary, and only where "
        "the lab setting allow_preliminary_handouts is on, it gets a page marked PRELIMINARY — NOT FINAL. "
        f"The lab's name and contact line come from the lab settings (${LAB_NAME_VARIABLE} and "
        f"${LAB_CONTACT_VARIABLE} replace them when set). Exit status 0 when written, 2 for an unknown "
        "accession, a case not signed out, a case without a result, a file that cannot be written, or a "
        "database with user accounts and no --as.",
    )
    p.add_argument("accession", metavar="ACCESSION", help="accession number of the stored case")
    p.add_argument("-o", "--output", metavar="FILE.pdf", required=True, help="PDF file to write")
    p.add_argument(
        "--lang",
        choices=LANGUAGES,
        default=None,
        help="language of the handout (default: the lab setting handout_language, as shipped: en)",
    )
    p.add_argument(
        "--preliminary",
        action="store_true",
        help="for a case not signed out yet: print a page marked PRELIMINARY — NOT FINAL on every page; "
        "needs the lab setting allow_preliminary_handouts (without it such a case is refused)",
    )
    p.add_argument(
        "--large-print",
        action="store_true",
        help="large print for readers with low vision: body text 14 pt, the same words, up to two pages",
    )
    p.add_argument(
        "--paper",
        choices=[size for size in PAPER_SIZES if size != "auto"],
        default=None,
        help="paper size (default: the lab setting paper_size; auto takes this computer's locale: "
        "letter in the US, Canada, Mexico, the Philippines ..., else a4)",
    )
    p.add_argument(
        "--as",
        dest="as_user",
        metavar="NAME",
        default=None,
        help="the user printing the handout, named in the print log (needed once the database has users; "
        "the password is asked, or read from the first line of standard input)",
    )
    p.set_defaults(handler=run)


def lab_from_environment() -> tuple[str | None, str | None]:
    """The lab name and contact line from the environment; None where unset (the lab settings apply)."""
    return os.environ.get(LAB_NAME_VARIABLE), os.environ.get(LAB_CONTACT_VARIABLE)


def _fail(message: str) -> int:
    return fail("handout", message)


def run(args: argparse.Namespace) -> int:
    return run_printing(
        args,
        "handout",
        "handout",
        lambda services, output, actor: _write(args, output, services.handouts, actor),
    )


def _write(args: argparse.Namespace, output: Path, handouts: HandoutService, actor: Actor | None) -> int:
    """Make, write and record the handout (the database is open and the printing user known)."""
    from her2desk.files import write_private_bytes
    from her2desk.services.bundle import Services
    from her2desk.services.handout_service import ALLOW_PRELIMINARY_COMMAND, HandoutRefused, Refusal
    from her2desk.services.signout_service import CaseNotFoundError

    lab_name, lab_contact = lab_from_environment()
    if args.lang is None:  # the lab's default language, as the desktop program's preview uses
        args.lang = Services(handouts.database).lab_settings.load().handout_language
    try:
        prepared = handouts.prepare(
            args.accession,
            args.lang,
            preliminary=args.preliminary,
            lab_name=lab_name,
            lab_contact=lab_contact,
            large_print=args.large_print,
            paper=args.paper,
        )
    except CaseNotFoundError as error:
        return _fail(f"{error}; nothing written")
    except HandoutRefused as refused:
        hint = ""
        if refused.refusal is Refusal.NOT_SIGNED_OUT:
            hint = (
                ". Use --preliminary to print a page marked PRELIMINARY — NOT FINAL"
                if refused.preliminary_allowed
                else ". A page marked PRELIMINARY — NOT FINAL (--preliminary) needs the lab setting "
                f"allow_preliminary_handouts, which is off (an administrator turns it on with "
                f"`{ALLOW_PRELIMINARY_COMMAND}`)"
            )
        return _fail(f"{'; '.join(refused.reasons)}{hint}; nothing written")
    for warning in prepared.warnings:
        print(f"her2desk handout: warning: {warning}", file=sys.stderr)
    try:  # private, complete or not at all, never through a planted link (her2desk.files)
        write_private_bytes(output, prepared.pdf)
    except OSError as error:
        return _fail(f"cannot write {output}: {error.strerror or error}")
    # Every handout that leaves the program is recorded (who, when, language, version, SHA-256).
    try:
        handouts.record(prepared, actor)
    except HandoutRefused as refused:  # the case changed while the file was written: take it back
        output.unlink(missing_ok=True)
        return _fail(f"{'; '.join(refused.reasons)}; nothing written")
    size = ", large print" if prepared.large_print else ""
    print(
        f"wrote {output} ({len(prepared.pdf):,} bytes, {args.lang}, {prepared.kind.value}, "
        f"{prepared.paper}{size}, sha256 {prepared.sha256})"
    )
    return 0
