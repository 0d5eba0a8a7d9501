"""Synthetic cases for the handout tests, and ways to read a PDF back as text.

Interpretations come two ways: from the real engine (`engine_case`) for realistic combinations, and
built directly (`synthetic`) so that every status x descriptor x site is covered even where the
engine needs elaborate input to reach it.
"""

from __future__ import annotations

import io
import subprocess
from dataclasses import replace
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from pypdf import PdfReader

from her2desk.domain import interpret
from her2desk.domain.case import CaseEntry, IhcDetails, IshDetails, PatientDetails, SpecimenDetails
from her2desk.domain.inputs import IshCount
from her2desk.domain.interpretation import Interpretation
from her2desk.domain.reported_result import Adjudication, ReportedResult
from her2desk.domain.vocabulary import (
    ClinicalSetting,
    Descriptor,
    IhcScore,
    IshMethod,
    IshProbe,
    Laterality,
    NextStep,
    Procedure,
    Site,
    Status,
)
from her2desk.handout import HandoutRequest, LabContact

NAMES = ["Zoë Ångström-Łukasiewicz", "Nguyễn Thị Hồng", "Ольга Петрова", "王芳", "O'Brien; DROP TABLE"]

# One site of each wording group, plus the others for the exhaustive content checks.
GROUP_SITES = {"breast": Site.BREAST, "gastro": Site.STOMACH, "other": Site.PANCREAS}

# (status, descriptor) pairs a handout can be asked for; the label names the test case.
OUTCOMES = {
    "positive": (Status.POSITIVE, None),
    "negative": (Status.NEGATIVE, None),
    "negative-null": (Status.NEGATIVE, Descriptor.NULL),
    "negative-low": (Status.NEGATIVE, Descriptor.LOW),
    "negative-ultralow": (Status.NEGATIVE, Descriptor.ULTRALOW),
    "equivocal": (Status.EQUIVOCAL, None),
    "pending": (Status.PENDING, None),
    "adjudication": (Status.ADJUDICATION, None),
    "indeterminate": (Status.INDETERMINATE, None),
}

NEXT_STEP = {
    Status.EQUIVOCAL: NextStep.REFLEX_ISH,
    Status.PENDING: NextStep.RECOUNT,
    Status.ADJUDICATION: NextStep.ADJUDICATE,
    Status.INDETERMINATE: NextStep.NEW_SPECIMEN,
}

# The bold result line, written out here (not read from the texts) so a changed text fails a test.
EXPECTED_LINES = {
    ("en", "positive"): "Your result: HER2-positive",
    ("en", "negative"): "Your result: HER2-negative",
    ("en", "negative-null"): "Your result: HER2-negative",
    ("en", "negative-low"): "Your result: HER2-negative, HER2-low",
    ("en", "negative-ultralow"): "Your result: HER2-negative, HER2-ultralow",
    ("en", "equivocal"): "Your result is not final yet",
    ("en", "pending"): "Your result is not final yet",
    ("en", "adjudication"): "Your result is not final yet",
    ("en", "indeterminate"): "Your HER2 result could not be determined",
    ("es", "positive"): "Su resultado: HER2 positivo",
    ("es", "negative"): "Su resultado: HER2 negativo",
    ("es", "negative-null"): "Su resultado: HER2 negativo",
    ("es", "negative-low"): "Su resultado: HER2 negativo, HER2 bajo (HER2-low)",
    ("es", "negative-ultralow"): "Su resultado: HER2 negativo, HER2 ultrabajo (HER2-ultralow)",
    ("es", "equivocal"): "Su resultado todavía no es definitivo",
    ("es", "pending"): "Su resultado todavía no es definitivo",
    ("es", "adjudication"): "Su resultado todavía no es definitivo",
    ("es", "indeterminate"): "No se pudo determinar su resultado de HER2",
}

LAB = LabContact("Northside Demo Pathology", "phone 555-0100")


def make_entry(
    site: Site | None = Site.BREAST,
    *,
    family: str = "Testpatient",
    given: str = "Demo",
    accession: str = "S26-01234",
    ihc: IhcScore | None = IhcScore.THREE_PLUS,
    stained_pct: Decimal | None = None,
    ish: IshDetails | None = None,
    procedure: Procedure | None = Procedure.CORE_NEEDLE_BIOPSY,
    laterality: Laterality | None = None,
    setting: ClinicalSetting = ClinicalSetting.PRIMARY,
    collected_on: date | None = date(2026, 3, 4),
) -> CaseEntry:
    if laterality is None and site is Site.BREAST:
        laterality = Laterality.LEFT
    return CaseEntry(
        accession=accession,
        patient=PatientDetails(
            mrn="DEMO000042", family_name=family, given_name=given, birth_date=date(1961, 2, 3)
        ),
        specimen=SpecimenDetails(
            procedure=procedure, site=site, laterality=laterality, setting=setting, collected_on=collected_on
        ),
        ihc=IhcDetails(score=ihc, stained_pct=stained_pct),
        ish=ish or IshDetails(),
    )


def dual_ish(her2: str, cep17: str) -> IshDetails:
    return IshDetails(
        probe=IshProbe.DUAL,
        method=IshMethod.FISH,
        first=IshCount(her2=Decimal(her2), cep17=Decimal(cep17), cells=20),
    )


def synthetic(status: Status | None, descriptor: Descriptor | None = None) -> Interpretation:
    return Interpretation(
        status=status,
        next_step=NEXT_STEP.get(status, NextStep.NONE) if status else NextStep.NONE,
        guideline="synthetic guideline",
        descriptor=descriptor,
    )


ADJUDICATION = Adjudication(
    Status.POSITIVE, "Blinded recount in another group; decided on review", "pia", datetime(2026, 3, 9, 10, 0)
)


def reported_as(
    status: Status | None,
    descriptor: Descriptor | None = None,
    *,
    preliminary: bool = False,
    adjudicated: bool = False,
) -> ReportedResult:
    """A reported result as the store gives it: signed out unless preliminary; an adjudicated one was
    left open by the engine (adjudication) and decided by a pathologist."""
    return ReportedResult(
        status=status,
        descriptor=descriptor,
        engine_status=Status.ADJUDICATION if adjudicated else status,
        engine_descriptor=None if adjudicated else descriptor,
        adjudication=replace(ADJUDICATION, status=status) if adjudicated and status else None,
        signed_out=not preliminary,
    )


def unadjudicated(interpretation: Interpretation, *, preliminary: bool = False) -> ReportedResult:
    """The engine's result as reported when nobody adjudicated it."""
    return reported_as(interpretation.status, interpretation.descriptor, preliminary=preliminary)


def request_for(
    outcome: str,
    site: Site | None = Site.BREAST,
    language: str = "en",
    *,
    preliminary: bool | None = None,
    adjudicated: bool = False,
    **changes: object,
) -> HandoutRequest:
    """The request for one outcome of OUTCOMES as the reported result; `adjudicated`: a pathologist
    decided it where the engine left it to them (the engine's own status is then ADJUDICATION).

    `preliminary` None: as the workflow has it, a final status signed out and an open one
    (equivocal, pending, adjudication) not, since sign-out refuses an open result.
    """
    status, descriptor = OUTCOMES[outcome]
    if preliminary is None:
        preliminary = status is None or not status.is_final
    entry = changes.pop("entry", None) or make_entry(site)
    settings: dict[str, object] = {"lab": LAB, "printed_on": date(2026, 3, 10), **changes}
    engine = synthetic(Status.ADJUDICATION) if adjudicated else synthetic(status, descriptor)
    return HandoutRequest(
        entry=entry,  # type: ignore[arg-type]
        interpretation=engine,
        language=language,
        reported=reported_as(status, descriptor, preliminary=preliminary, adjudicated=adjudicated),
        **settings,  # type: ignore[arg-type]
    )


def engine_request(
    entry: CaseEntry, language: str = "en", *, preliminary: bool | None = None, **changes: object
) -> HandoutRequest:
    """The engine's result, not adjudicated; `preliminary` None: signed out only if it is final."""
    interpretation = interpret(entry.test_input())
    if preliminary is None:
        preliminary = interpretation.status is None or not interpretation.status.is_final
    return HandoutRequest(
        entry=entry,
        interpretation=interpretation,
        language=language,
        lab=LAB,
        printed_on=date(2026, 3, 10),
        reported=unadjudicated(interpretation, preliminary=preliminary),
        **changes,  # type: ignore[arg-type]
    )


def flat(text: str) -> str:
    """Whitespace collapsed: lines wrap wherever the layout chooses."""
    return " ".join(text.split())


def pypdf_text(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    return flat(" ".join(page.extract_text() or "" for page in reader.pages))


def pdftotext_text(pdf: bytes) -> str:
    """Poppler's reading of the file: an independent PDF parser."""
    done = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", "-", "-"], input=pdf, capture_output=True, check=True
    )
    return flat(done.stdout.decode("utf-8"))


def complete_entry(
    accession: str = "S26-07001", family: str = "Ångström-Łukasiewicz", given: str = "Zoë"
) -> CaseEntry:
    """A case that passes every check for saving (synthetic data only)."""
    from her2desk.domain.case_checks import check_case
    from her2desk.domain.vocabulary import AssayType, Fixative

    entry = CaseEntry(
        accession=accession,
        patient=PatientDetails(
            mrn="DEMO007001", family_name=family, given_name=given, birth_date=date(1961, 2, 3)
        ),
        specimen=SpecimenDetails(
            procedure=Procedure.CORE_NEEDLE_BIOPSY,
            site=Site.BREAST,
            laterality=Laterality.RIGHT,
            collected_on=date(2025, 3, 4),
            block="A1",
            fixative=Fixative.NBF,
            cold_ischaemia_minutes=20,
            fixation_hours=Decimal("24"),
        ),
        ihc=IhcDetails(
            clone="4B5",
            assay_type=AssayType.FDA_APPROVED,
            controls_acceptable=True,
            score=IhcScore.THREE_PLUS,
            stained_pct=Decimal("80"),
        ),
    )
    problems = check_case(entry).errors
    assert not problems, problems
    return entry


def pdf_fonts(pdf: bytes) -> list[tuple[str, bool]]:
    """(font name, embedded) for every font poppler's `pdffonts` lists in the file."""
    done = subprocess.run(["pdffonts", "-"], input=pdf, capture_output=True, check=False)
    if done.returncode != 0:  # older poppler reads no standard input: go through a file
        import tempfile

        with tempfile.NamedTemporaryFile(suffix=".pdf") as file:
            file.write(pdf)
            file.flush()
            done = subprocess.run(["pdffonts", file.name], capture_output=True, check=True)
    rows = done.stdout.decode("utf-8").splitlines()[2:]  # after the heading and its rule
    # Columns: name, type (may hold a space: "Type 1"), encoding, emb, sub, uni, object, generation.
    return [(row.split()[0], row.split()[-5] == "yes") for row in rows if row.strip()]


def database_with_one_case(folder: Path) -> str:
    """A SQLite file in `folder` holding `complete_entry()`, saved with no accounts (the commands then
    need no sign-in); its path."""
    from her2desk.services.case_service import open_case_service

    url = str(folder / "cases.sqlite3")
    with open_case_service(url, "tester") as service:
        service.save(complete_entry(), None)
    return url
