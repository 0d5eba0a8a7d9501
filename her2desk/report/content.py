"""What the synoptic report says, decided before any PDF is drawn (tests read it without a PDF).

Element by element, the CAP breast biomarker template's HER2 items (rules §5): specimen, block,
fixative, cold ischaemia and fixation time, antibody clone and test type, controls, IHC score with the
percentage of stained cells, ISH probe and method, observers, cells counted, average signals, ratio
and group, then the reported result. For a gastroesophageal specimen the biopsy or resection criteria
and the fragments replace the breast-only items (ISH groups, HER2-low/ultralow). An element that does
not apply is left out; one that applies but was not recorded says "not recorded", because the CAP
template asks that a missing pre-analytic detail be reported rather than skipped.

The descriptor comments follow the reported descriptor: an adjudicated HER2-low negative gets the 2023
comment even though the engine (which left the call open) did not give it, and a comment about a
descriptor the reported result does not have is dropped.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from enum import Enum

from her2desk.domain.criteria import criteria_in_effect
from her2desk.domain.gastroesophageal import resection_limits
from her2desk.domain.inputs import IshCount
from her2desk.domain.labels import plain_number, readable_warnings
from her2desk.domain.metastatic_site import site_words
from her2desk.domain.numbers import format_decimal
from her2desk.domain.vocabulary import (
    AssayType,
    ClinicalSetting,
    Descriptor,
    IshProbe,
    NextStep,
    ScoringCriteria,
    Site,
    Status,
)
from her2desk.report.request import ReportRefusedError, ReportRequest

# Bump when the meaning of any report wording changes; printed beside the rules version.
TEMPLATE_VERSION = "synoptic-report-1"
TITLE = "HER2 (ERBB2) biomarker report"
PRELIMINARY_MARK = "PRELIMINARY — NOT FINAL"
NOT_RECORDED = "not recorded"

Rows = tuple[tuple[str, str], ...]
NEXT_STEPS = {
    NextStep.REFLEX_ISH: "Reflex ISH on the same specimen",
    NextStep.RECOUNT: "Blinded ISH recount by a second observer",
    NextStep.CONCURRENT_IHC: "Concurrent IHC on the same tissue",
    NextStep.DUAL_PROBE_ISH: "Dual-probe ISH",
    NextStep.ADJUDICATE: "Adjudication by the pathologist",
    NextStep.NEW_SPECIMEN: "Test a new specimen",
}


@dataclass(frozen=True)
class Block:
    """One section of the report: a heading, label/value rows, then paragraphs of text."""

    heading: str
    rows: Rows = ()
    paragraphs: tuple[str, ...] = ()


@dataclass(frozen=True)
class ReportContent:
    title: str
    lab_name: str
    kind_line: str  # "Final report", "Amended report — version 2", "PRELIMINARY — NOT FINAL"
    preliminary_mark: str | None  # on every page when the version is not signed out
    amended: bool
    patient_name: str
    identity: Rows  # patient identifiers and accession, on every page
    blocks: tuple[Block, ...]
    version_label: str  # "Report version 2 (amended)", on every page
    printed: str | None
    record_check: str | None

    def all_text(self) -> list[str]:
        texts = [self.title, self.lab_name, self.kind_line, self.version_label]
        texts += [t for pair in self.identity for t in pair]
        for block in self.blocks:
            texts.append(block.heading)
            texts += [t for pair in block.rows for t in pair]
            texts += list(block.paragraphs)
        texts += [t for t in (self.preliminary_mark, self.printed, self.record_check) if t]
        return texts


def words(value: Enum | str) -> str:
    """An enumeration's value as words: "core-needle-biopsy" -> "Core needle biopsy"."""
    text = str(value.value if isinstance(value, Enum) else value).replace("-", " ")
    return text[:1].upper() + text[1:]


def when(moment: datetime | None) -> str:
    """A time in the workstation's local zone, with the zone, to the minute."""
    if moment is None:
        return NOT_RECORDED
    local = moment.astimezone()
    return f"{local:%Y-%m-%d %H:%M} {local:%Z}".strip()


def day(value: date | None) -> str:
    return value.isoformat() if value is not None else NOT_RECORDED


def number(value: Decimal | int | None, places: int | None = None) -> str:
    if value is None:
        return NOT_RECORDED
    if places is not None and isinstance(value, Decimal):
        return format_decimal(value, places)
    return plain_number(value)


def build_report_content(request: ReportRequest) -> ReportContent:
    """The report's words for one case version; ReportRefusedError when the case has no result."""
    reported = request.reported
    if reported.status is None:
        raise ReportRefusedError("this case has input errors and no result: no report can be made")
    entry = request.entry
    patient = entry.patient
    if request.amended and not (request.amendment_reason or "").strip():
        raise ReportRefusedError(f"report version {request.report_version} is amended but has no reason")
    identity: Rows = (
        ("Patient", patient.display_name or NOT_RECORDED),
        ("MRN", patient.mrn or NOT_RECORDED),
        ("Birth date", day(patient.birth_date)),
        ("Accession", entry.accession or NOT_RECORDED),
    )
    if request.preliminary:
        kind = f"{PRELIMINARY_MARK}: this result is not signed out"
    elif request.amended:
        kind = f"Amended report — version {request.report_version}"
    else:
        kind = "Final report"
    version = f"Report version {request.report_version}" + (" (amended)" if request.amended else "")
    blocks = [
        *_amendment(request),
        _result(request),
        _specimen(request),
        *_ihc(request),
        *_ish(request),
        *_comments(request),
        *_notes(request),
        _method(request),
        _signatures(request),
    ]
    record_check = (
        f"Lab record check code: {request.record_digest} (record position {request.record_position})"
        if request.record_digest
        else None
    )
    return ReportContent(
        title=TITLE,
        lab_name=request.lab_name,
        kind_line=kind,
        preliminary_mark=PRELIMINARY_MARK if request.preliminary else None,
        amended=request.amended,
        patient_name=patient.display_name,
        identity=identity,
        blocks=tuple(blocks),
        version_label=version,
        printed=f"Printed {when(request.printed_at)}" if request.printed_at else None,
        record_check=record_check,
    )


def _amendment(request: ReportRequest) -> list[Block]:
    if not request.amended:
        return []
    rows: list[tuple[str, str]] = [("Amendment reason", (request.amendment_reason or "").strip())]
    if request.amended_by:
        rows.append(("Amended by", request.amended_by))
    if request.amended_at:
        rows.append(("Amended at", when(request.amended_at)))
    heading = (
        f"Amended report (version {request.report_version}; replaces version {request.report_version - 1})"
    )
    return [Block(heading, tuple(rows))]


def _is_breast_criteria(request: ReportRequest) -> bool:
    specimen = request.entry.specimen
    return criteria_in_effect(specimen.site, specimen.scoring_criteria) is ScoringCriteria.BREAST


def _result(request: ReportRequest) -> Block:
    reported = request.reported
    interpretation = request.interpretation
    assert reported.status is not None
    label = f"HER2 {reported.status.value.upper()}"
    if not reported.is_final:
        label += " — not final" if reported.status.is_final else " — not final, further work needed"
    rows: list[tuple[str, str]] = [("HER2 status (reported)", label)]
    if reported.status is Status.NEGATIVE and _is_breast_criteria(request):
        rows.append(
            ("HER2-low / ultralow descriptor", reported.descriptor.value if reported.descriptor else "none")
        )
    elif reported.descriptor is not None:
        rows.append(("Descriptor", reported.descriptor.value))
    if reported.differs_from_engine:
        engine = reported.engine_status.value.upper() if reported.engine_status else "NO RESULT"
        if reported.engine_descriptor:
            engine += f" ({reported.engine_descriptor.value})"
        rows.append(("Guideline (engine) result", engine))
    if reported.adjudication is not None:
        adjudication = reported.adjudication
        rows.append(("Adjudicated status", adjudication.status.value.upper()))
        rows.append(("Adjudication reason", adjudication.reason or NOT_RECORDED))
        by = adjudication.by or NOT_RECORDED
        rows.append(("Adjudicated by", f"{by}, {when(adjudication.at)}" if adjudication.at else by))
    if (
        interpretation.ish_group is not None
        and request.entry.ish.probe is IshProbe.DUAL
        and _is_breast_criteria(request)
    ):
        rows.append(("ISH group (ASCO/CAP 2018)", f"Group {interpretation.ish_group}"))
    if not reported.is_final and interpretation.next_step is not NextStep.NONE:
        rows.append(("Next step", NEXT_STEPS.get(interpretation.next_step, words(interpretation.next_step))))
    return Block("Result", tuple(rows))


def _specimen(request: ReportRequest) -> Block:
    specimen = request.entry.specimen
    site = words(specimen.site) if specimen.site else NOT_RECORDED
    if specimen.site is Site.BREAST:
        site += f", {specimen.laterality.value}" if specimen.laterality else ", laterality not recorded"
    rows: list[tuple[str, str]] = [
        ("Primary site", site),
        ("Specimen (procedure)", words(specimen.procedure) if specimen.procedure else NOT_RECORDED),
    ]
    setting = words(specimen.setting)
    if specimen.setting is not ClinicalSetting.PRIMARY and specimen.metastatic_site:
        setting += f" ({site_words(specimen.metastatic_site)})"  # "Metastatic (Other: adrenal gland)"
    rows += [
        ("Tumour tested", setting),
        ("Collection date", day(specimen.collected_on)),
        ("Block tested", specimen.block or NOT_RECORDED),
        ("Fixative", specimen.fixative.value if specimen.fixative else NOT_RECORDED),
        (
            "Cold ischaemia time",
            f"{plain_number(specimen.cold_ischaemia_minutes)} minutes"
            if specimen.cold_ischaemia_minutes is not None
            else f"{NOT_RECORDED} (cannot be determined)",
        ),
        (
            "Fixation time",
            f"{plain_number(specimen.fixation_hours)} hours"
            if specimen.fixation_hours is not None
            else f"{NOT_RECORDED} (cannot be determined)",
        ),
    ]
    rows += _criteria_rows(request)
    return Block("Specimen", tuple(rows))


def _gastro_criteria(request: ReportRequest) -> bool:
    specimen = request.entry.specimen
    return criteria_in_effect(specimen.site, specimen.scoring_criteria) is ScoringCriteria.GASTROESOPHAGEAL


def _criteria_rows(request: ReportRequest) -> list[tuple[str, str]]:
    specimen = request.entry.specimen
    settings = request.settings
    rows: list[tuple[str, str]] = []
    if _gastro_criteria(request):
        resection = specimen.procedure is not None and specimen.procedure.is_resection
        if resection:
            limit, _ = resection_limits(settings)
            criteria = (
                f"Resection criteria (CAP/ASCP/ASCO 2016): membranous staining in {limit} of tumour cells"
            )
        else:
            cells = settings.gastroesophageal_biopsy_cluster_cells
            criteria = (
                "Biopsy criteria (CAP/ASCP/ASCO 2016): membranous staining in a cluster of "
                f">= {cells} tumour cells, whatever the percentage"
            )
            rows.append(("Fragments", number(specimen.fragments)))
            rows.append(("Fragments with tumour", number(specimen.fragments_with_tumour)))
        rows.insert(0, ("Scoring criteria", criteria))
    elif specimen.site is not None and not specimen.site.has_site_specific_guideline:
        chosen = specimen.scoring_criteria.value if specimen.scoring_criteria else NOT_RECORDED
        rows.append(("Scoring criteria (chosen: no site guideline)", chosen))
    return rows


def _ihc(request: ReportRequest) -> list[Block]:
    ihc = request.entry.ihc
    if ihc.score is None and ihc.clone is None:
        return [Block("Immunohistochemistry (IHC)", (("IHC", "not performed"),))]
    controls = {True: "acceptable (stained as expected)", False: "not acceptable", None: NOT_RECORDED}
    assay = {
        AssayType.FDA_APPROVED: "FDA-approved / cleared",
        AssayType.LABORATORY_DEVELOPED: "laboratory-developed test",
        None: NOT_RECORDED,
    }
    rows: list[tuple[str, str]] = [
        ("Antibody clone", ihc.clone or NOT_RECORDED),
        ("Test type", assay[ihc.assay_type]),
        ("Controls", controls[ihc.controls_acceptable]),
        ("IHC score", f"{ihc.score.value}" if ihc.score else NOT_RECORDED),
    ]
    gastro_biopsy = _gastro_criteria(request) and not (
        request.entry.specimen.procedure is not None and request.entry.specimen.procedure.is_resection
    )
    if gastro_biopsy:
        if ihc.cluster_cells is not None:
            rows.append(("Largest stained cluster", f"{plain_number(ihc.cluster_cells)} tumour cells"))
    else:
        rows.append(
            (
                "Tumour cells with membrane staining",
                f"{number(ihc.stained_pct)}%" if ihc.stained_pct is not None else NOT_RECORDED,
            )
        )
    return [Block("Immunohistochemistry (IHC)", tuple(rows))]


def _count_rows(
    label: str, count: IshCount, ratio: Decimal | None, group: int | None, request: ReportRequest
) -> list[tuple[str, str]]:
    dual = request.entry.ish.probe is IshProbe.DUAL
    rows = [
        (f"{label}: cells counted", plain_number(count.cells) if count.cells is not None else "not recorded"),
        (f"{label}: average HER2 signals per cell", number(count.her2, 2)),
    ]
    if dual:
        rows.append((f"{label}: average CEP17 signals per cell", number(count.cep17, 2)))
        rows.append((f"{label}: HER2/CEP17 ratio", number(ratio, 2)))
    if group is not None and dual and _is_breast_criteria(request):
        rows.append((f"{label}: ISH group", f"Group {group}"))
    return rows


def _ish(request: ReportRequest) -> list[Block]:
    ish = request.entry.ish
    if ish.probe is None:
        return [Block("In situ hybridisation (ISH)", (("ISH", "not performed"),))]
    interpretation = request.interpretation
    probe = "dual-probe (HER2/CEP17)" if ish.probe is IshProbe.DUAL else "single-probe (HER2 only)"
    observers = [o for o in (ish.first, ish.second) if o is not None]
    rows: list[tuple[str, str]] = [
        ("Probe", probe),
        ("Method", ish.method.value if ish.method else NOT_RECORDED),
        ("Observers", str(len(observers)) if observers else "no count recorded"),
    ]
    paragraphs: list[str] = []
    if ish.first is not None:
        if request.first_count_by:
            rows.append(("First observer", request.first_count_by))
        rows += _count_rows("First count", ish.first, interpretation.ratio, interpretation.ish_group, request)
    if ish.second is not None:
        if request.recount_by:
            rows.append(("Second observer (blinded)", request.recount_by))
        rows += _count_rows(
            "Second count", ish.second, interpretation.recount_ratio, interpretation.recount_group, request
        )
        total = (ish.second.cells or 0) + ((ish.first.cells or 0) if ish.first else 0)
        rows.append(("Cells counted in all", plain_number(total)))
    if request.one_person_counted_both:
        paragraphs.append(
            "Both ISH counts were entered by the same person, as the lab's setting for a one-person lab "
            "allows; the second count is not an independent blinded observer's."
        )
    return [Block("In situ hybridisation (ISH)", tuple(rows), tuple(paragraphs))]


def _comments(request: ReportRequest) -> list[Block]:
    """The guideline comments, with the descriptor comments following the reported result.

    A result reported other than negative (adjudicated) drops the HER2-low/ultralow comments; an
    adjudicated negative that is HER2-low or -ultralow gets them although the engine left it open.
    """
    texts = request.settings.comments
    reported = request.reported
    descriptor_comments = (texts.her2_low_2023, texts.her2_ultralow)
    comments = list(request.interpretation.comments)
    if reported.status is not Status.NEGATIVE:
        comments = [c for c in comments if c not in descriptor_comments]
    elif _is_breast_criteria(request):
        wanted = []
        if (
            reported.descriptor in (Descriptor.LOW, Descriptor.ULTRALOW)
            and request.settings.report_2023_comment
        ):
            wanted.append(texts.her2_low_2023)
        if reported.descriptor is Descriptor.ULTRALOW:
            wanted.append(texts.her2_ultralow)
        comments += [c for c in wanted if c not in comments]
    if not comments:
        return []
    return [Block("Comments", (), tuple(comments))]


def _notes(request: ReportRequest) -> list[Block]:
    """Pre-analytic and technical warnings: an exception to the handling rules must be reported."""
    notes = readable_warnings(request.interpretation.warnings)
    if not notes:
        return []
    return [Block("Pre-analytic and technical notes", (), tuple(notes))]


def _method(request: ReportRequest) -> Block:
    interpretation = request.interpretation
    rows: list[tuple[str, str]] = [
        ("Guideline", interpretation.guideline or NOT_RECORDED),
        (
            "Scoring system",
            interpretation.scoring_system.value if interpretation.scoring_system else NOT_RECORDED,
        ),
        ("Rules version", interpretation.rules_version or NOT_RECORDED),
        ("Report template", TEMPLATE_VERSION),
    ]
    return Block("Guideline and rules", tuple(rows))


def _signatures(request: ReportRequest) -> Block:
    rows = tuple(
        (
            f"Electronically {s.meaning}" if s.meaning else "Electronically signed",
            f"{s.name} ({s.username}), {when(s.signed_at)}",
        )
        for s in request.signatures
    )
    paragraphs: tuple[str, ...] = ()
    if request.preliminary:
        paragraphs = ("Not signed out: this is not a final report and must not be used as one.",)
    elif not rows:
        paragraphs = ("No electronic signature is recorded for this report version.",)
    return Block("Electronic signatures", rows, paragraphs)
