"""Synthetic cases for the report tests (real engine results), and ways to read a PDF back.

Sites: breast, a stomach endoscopic biopsy and a gastroesophageal-junction resection. Statuses:
positive, negative (breast also HER2-low, -ultralow and -null), and a result the guideline leaves to
the pathologist (ADJUDICATION) adjudicated positive or negative. Each can be an original or an
amended report version.
"""

from __future__ import annotations

import io
import subprocess
import tempfile
from datetime import UTC, date, datetime
from decimal import Decimal

from pypdf import PdfReader

from her2desk.domain import interpret
from her2desk.domain.case import CaseEntry, IhcDetails, IshDetails, PatientDetails, SpecimenDetails
from her2desk.domain.inputs import IshCount
from her2desk.domain.reported_result import Adjudication, report
from her2desk.domain.vocabulary import (
    AssayType,
    Fixative,
    IhcScore,
    IshMethod,
    IshProbe,
    Laterality,
    Procedure,
    Site,
    Status,
)
from her2desk.report import ReportRequest, Signature

SITES = {
    "breast": (Site.BREAST, Procedure.CORE_NEEDLE_BIOPSY),
    "stomach-biopsy": (Site.STOMACH, Procedure.ENDOSCOPIC_BIOPSY),
    "gej-resection": (Site.GASTROESOPHAGEAL_JUNCTION, Procedure.SURGICAL_RESECTION),
}
STATUSES = (
    "positive",
    "negative",
    "negative-low",
    "negative-ultralow",
    "negative-null",
    "equivocal",
    "adjudicated-positive",
    "adjudicated-negative",
)
SIGNED = datetime(2026, 3, 9, 14, 30, tzinfo=UTC)
AMENDED = datetime(2026, 3, 12, 9, 15, tzinfo=UTC)
AMENDMENT_REASON = "Block number corrected from A2 to A1 after review of the slide labels"


def count(her2: str, cep17: str, cells: int = 20) -> IshCount:
    return IshCount(her2=Decimal(her2), cep17=Decimal(cep17), cells=cells)


def entry_for(site_key: str, status: str, *, family: str = "Testpatient", given: str = "Demo") -> CaseEntry:
    """A case of `site_key` whose engine result is `status` (adjudicated ones: the engine's ADJUDICATION)."""
    site, procedure = SITES[site_key]
    breast = site is Site.BREAST
    resection = procedure.is_resection
    ihc = IhcDetails(clone="4B5", assay_type=AssayType.FDA_APPROVED, controls_acceptable=True)
    ish = IshDetails()
    pct = None
    cluster = None
    if status == "positive":
        score, pct, cluster = IhcScore.THREE_PLUS, Decimal(80), 40
    elif status in ("negative", "negative-low"):
        score, pct, cluster = IhcScore.ONE_PLUS, Decimal(30), 20
    elif status == "negative-ultralow":
        score, pct = IhcScore.ZERO, Decimal(5)
    elif status == "negative-null":
        score, pct = IhcScore.ZERO, Decimal(0)
    elif status in ("adjudicated-positive", "adjudicated-negative", "equivocal"):
        score, pct, cluster = IhcScore.TWO_PLUS, Decimal(40), 12
        if status != "equivocal":
            if breast:  # group 4, blinded recount in group 1: the guideline leaves it to adjudication
                ish = IshDetails(IshProbe.DUAL, IshMethod.FISH, count("4.50", "3.00"), count("6.00", "2.50"))
            else:  # ratio < 2.0 with average HER2 >= 6.0: flagged for adjudication
                ish = IshDetails(IshProbe.DUAL, IshMethod.FISH, count("7.00", "4.00"))
    else:
        raise ValueError(status)
    ihc = IhcDetails(
        clone="4B5",
        assay_type=AssayType.FDA_APPROVED,
        controls_acceptable=True,
        score=score,
        stained_pct=pct if (breast or resection) else None,
        cluster_cells=cluster if not (breast or resection) else None,
    )
    return CaseEntry(
        accession=f"S26-R{list(SITES).index(site_key)}{STATUSES.index(status):02d}",
        patient=PatientDetails(
            mrn="DEMO000077", family_name=family, given_name=given, birth_date=date(1958, 7, 1)
        ),
        specimen=SpecimenDetails(
            procedure=procedure,
            site=site,
            laterality=Laterality.LEFT if breast else None,
            collected_on=date(2026, 3, 2),
            block="A1",
            fixative=Fixative.NBF,
            cold_ischaemia_minutes=25,
            fixation_hours=Decimal(24),
            fragments=6 if procedure is Procedure.ENDOSCOPIC_BIOPSY else None,
            fragments_with_tumour=4 if procedure is Procedure.ENDOSCOPIC_BIOPSY else None,
        ),
        ihc=ihc,
        ish=ish,
    )


def request_for(
    site_key: str, status: str, *, amended: bool = False, preliminary: bool = False, **changes: object
) -> ReportRequest:
    entry = changes.pop("entry", None) or entry_for(site_key, status)
    interpretation = interpret(entry.test_input())
    adjudication = None
    if status.startswith("adjudicated-"):
        assert interpretation.status is Status.ADJUDICATION, interpretation.summary()
        final = Status.POSITIVE if status == "adjudicated-positive" else Status.NEGATIVE
        adjudication = Adjudication(final, "Reviewed both counts with the IHC slide", "pia", SIGNED)
    reported = report(
        interpretation,
        site=entry.specimen.site,
        ihc=entry.ihc.score,
        stained_pct=entry.ihc.stained_pct,
        adjudication=adjudication,
        signed_out=not preliminary,
        scoring_criteria=entry.specimen.scoring_criteria,
    )
    signatures: list[Signature] = []
    if adjudication:
        signatures.append(Signature("Dr Pia Path", "pia", SIGNED, "adjudicated"))
    if amended:
        signatures.append(Signature("Dr Paul Path", "paul", AMENDED, "amended"))
    if not preliminary:
        signatures.append(Signature("Dr Pia Path", "pia", SIGNED if not amended else AMENDED, "signed out"))
    settings: dict[str, object] = {
        "lab_name": "Northside Demo Pathology",
        "signatures": tuple(signatures),
        "record_digest": "sha256:" + "ab" * 32,
        "record_position": 42,
        "first_count_by": "tom" if entry.ish.first else None,
        "recount_by": "paul" if entry.ish.second else None,
    }
    if amended:
        settings |= {
            "report_version": 2,
            "amendment_reason": AMENDMENT_REASON,
            "amended_by": "paul",
            "amended_at": AMENDED,
        }
    settings |= changes
    return ReportRequest(entry, interpretation, reported=reported, **settings)  # type: ignore[arg-type]


def flat(text: str) -> str:
    return " ".join(text.split())


def pypdf_pages(pdf: bytes) -> list[str]:
    return [flat(page.extract_text() or "") for page in PdfReader(io.BytesIO(pdf)).pages]


def pdftotext_pages(pdf: bytes) -> list[str]:
    """Poppler's reading, page by page (form feed between pages)."""
    done = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", "-", "-"], input=pdf, capture_output=True, check=True
    )
    return [flat(page) for page in done.stdout.decode("utf-8").split("\f") if page.strip()]


def pdf_fonts(pdf: bytes) -> list[tuple[str, bool]]:
    """(font name, embedded) for every font poppler's `pdffonts` lists."""
    with tempfile.NamedTemporaryFile(suffix=".pdf") as file:
        file.write(pdf)
        file.flush()
        done = subprocess.run(["pdffonts", file.name], capture_output=True, check=True)
    rows = done.stdout.decode("utf-8").splitlines()[2:]
    return [(row.split()[0], row.split()[-5] == "yes") for row in rows if row.strip()]
