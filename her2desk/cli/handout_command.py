"""`her2desk handout ACCESSION -o FILE.pdf [--lang en|es] [--preliminary]`: a stored case's patient handout.

The case's sign-out state decides how the page is marked (rules, "Handout gating"): a case not yet
signed out is refused unless --preliminary asks for a page marked PRELIMINARY — NOT FINAL; an amended
case prints "Corrected result" with the date of the amendment. The lab's name and contact line come from
$HER2DESK_LAB_NAME and $HER2DESK_LAB_CONTACT. Exit status: 0 written; 2 unknown accession, a case not
signed out (without --preliminary), no result, or an unwritable file.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from her2desk.domain.records import SignOutState
from her2desk.handout.texts import LANGUAGES

if TYPE_CHECKING:
    from her2desk.handout import LabContact

LAB_NAME_VARIABLE = "HER2DESK_LAB_NAME"
LAB_CONTACT_VARIABLE = "HER2DESK_LAB_CONTACT"


def register(sub: argparse._SubParsersAction, _root: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "handout",
        help="write the patient handout (PDF) of a stored case",
        description="Write the plain-language patient handout of one stored case as a PDF. A case that "
        "is not signed out yet is marked PRELIMINARY — NOT FINAL on every page. The lab's name and "
        f"contact line come from ${LAB_NAME_VARIABLE} and ${LAB_CONTACT_VARIABLE}. Exit status 0 when "
        "written, 2 for an unknown accession, a case without a result, or a file that cannot be written.",
    )
    p.add_argument("accession", metavar="ACCESSION", help="accession number of the stored case")
    p.add_argument("-o", "--output", metavar="FILE.pdf", required=True, help="PDF file to write")
    p.add_argument("--lang", choices=LANGUAGES, default="en", help="language of the handout (default: en)")
    p.add_argument(
        "--preliminary",
        action="store_true",
        help="for a case not signed out yet: print a page marked PRELIMINARY — NOT FINAL on every page "
        "(without this flag such a case is refused)",
    )
    p.set_defaults(handler=run)


def lab_from_environment() -> LabContact:
    from her2desk.handout import LabContact

    return LabContact(os.environ.get(LAB_NAME_VARIABLE, ""), os.environ.get(LAB_CONTACT_VARIABLE, ""))


def _fail(message: str) -> int:
    print(f"her2desk handout: {message}", file=sys.stderr)
    return 2


def run(args: argparse.Namespace) -> int:
    # Imported here: reportlab and the storage layer (SQLAlchemy) load only when a handout is made.
    from her2desk.handout import HandoutRefusedError, HandoutRequest, render_handout
    from her2desk.services.case_service import open_case_service
    from her2desk.services.signout_service import SignOutService

    output = Path(args.output)
    if not output.parent.is_dir():
        return _fail(f"cannot write {output}: folder {output.parent} does not exist")
    with open_case_service(getattr(args, "database", None)) as service:
        stored = service.load(args.accession)
        if stored is None:
            return _fail(f"no case with accession '{args.accession}' in this database; nothing written")
        signed_out = stored.signout_state is SignOutState.SIGNED_OUT
        if not signed_out and not args.preliminary:
            return _fail(
                f"case {args.accession} is not signed out ({stored.signout_state.value}); only a signed-out "
                "result goes to the patient. Use --preliminary to print a page marked PRELIMINARY — NOT "
                "FINAL; nothing written"
            )
        signout = SignOutService(service.database)
        versions = signout.case_versions(args.accession)
        current = versions[-1]
        corrected_on = (
            current.signed_out_at.astimezone().date()
            if signed_out and current.report_version > 1 and current.signed_out_at is not None
            else None
        )
        try:
            request = HandoutRequest.for_stored_case(stored, args.lang, lab_from_environment(), corrected_on)
            pdf = render_handout(request)
        except HandoutRefusedError as error:
            return _fail(f"case {args.accession}: {error}; nothing written")
        partial = output.with_name(output.name + ".part")
        try:
            partial.write_bytes(pdf)
            partial.replace(output)  # never leave a half-written handout under the real name
        except OSError as error:
            partial.unlink(missing_ok=True)
            return _fail(f"cannot write {output}: {error.strerror or error}")
        digest = hashlib.sha256(pdf).hexdigest()
        # Every handout that leaves the program is recorded (who, when, language, version, SHA-256).
        signout.record_handout(
            None, args.accession, args.lang, digest, stored.interpretation.rules_version,
            preliminary=request.preliminary,
        )  # fmt: skip
    state = "corrected" if corrected_on else "final" if signed_out else "preliminary, not final"
    print(f"wrote {output} ({len(pdf):,} bytes, {args.lang}, {state}, sha256 {digest})")
    return 0
