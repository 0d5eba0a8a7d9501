"""The reported result: the one HER2 answer the laboratory reports for a case version.

The engine's interpretation says what the guideline makes of the numbers; where the guideline leaves
the call to the pathologist (a recount in another group, a discordant gastric result) the pathologist
adjudicates a final status with a reason. What the lab *reports* is the adjudicated status when there
is one, otherwise the engine's status, and everything that leaves the program or is read at a glance
(handout, report, worklist, filters, patient history, exports) must show that one answer. The engine's
own interpretation is never overwritten: it stays beside the reported result, so a reader can see both
("Guideline result: adjudication — reported: POSITIVE, adjudicated by Dr X").

The descriptor follows the reported status exactly as it would an engine result: an adjudicated
negative breast result with IHC 1+ or 2+ is HER2-low, with IHC 0 it is HER2-null or -ultralow by the
stained percentage; an adjudicated positive or indeterminate result has none. Outside the breast there
is none either, except on a site without a guideline of its own scored with the breast criteria where
the lab enables descriptors for such sites (`descriptors_on_other_sites`), as the engine does.

A result is *final* only once its case version is signed out: "not final yet" is said of a result that
is not signed out, never of a signed-out one, whatever its path to the status.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from her2desk.domain.criteria import criteria_in_effect
from her2desk.domain.guideline_settings import DEFAULT_SETTINGS, GuidelineSettings
from her2desk.domain.interpretation import Interpretation
from her2desk.domain.vocabulary import Descriptor, IhcScore, ScoringCriteria, Site, Status


@dataclass(frozen=True)
class Adjudication:
    """A pathologist's final status for a result the guideline leaves open, with the reason given."""

    status: Status
    reason: str = ""
    by: str | None = None  # the pathologist's user name
    at: datetime | None = None


def negative_descriptor(
    ihc: IhcScore | None, stained_pct: Decimal | None, settings: GuidelineSettings = DEFAULT_SETTINGS
) -> Descriptor | None:
    """The 2023 descriptor of a *negative* breast result, from its IHC score alone.

    IHC 1+ or 2+ (2+ is negative only with ISH not amplified): HER2-low. IHC 0: HER2-null with no
    membrane staining (0%), HER2-ultralow with faint incomplete staining in > 0% and <= 10% of cells;
    unknown when no percentage was given. The lab may turn each descriptor off.
    """
    if ihc in (IhcScore.ONE_PLUS, IhcScore.TWO_PLUS):
        return Descriptor.LOW if settings.report_her2_low else None
    if ihc is IhcScore.ZERO and stained_pct is not None:
        if stained_pct == 0:
            return Descriptor.NULL
        return Descriptor.ULTRALOW if settings.report_her2_ultralow else None
    return None


@dataclass(frozen=True)
class ReportedResult:
    """The answer the lab reports for one case version, beside the engine's own.

    `status` is None only when the engine found errors and nobody adjudicated: there is no result.
    """

    status: Status | None
    descriptor: Descriptor | None
    engine_status: Status | None
    engine_descriptor: Descriptor | None = None
    adjudication: Adjudication | None = None
    signed_out: bool = False

    @property
    def adjudicated(self) -> bool:
        return self.adjudication is not None

    @property
    def is_final(self) -> bool:
        """Signed out, and so final: the handout says the result, never "not final yet"."""
        return self.signed_out and self.status is not None and self.status.is_final

    @property
    def needs_action(self) -> bool:
        """Work is still open (equivocal, pending, adjudication); an adjudicated result needs none."""
        return self.status is not None and self.status.needs_action

    @property
    def differs_from_engine(self) -> bool:
        return self.status is not self.engine_status or self.descriptor is not self.engine_descriptor

    def label(self) -> str:
        """'POSITIVE', 'NEGATIVE (HER2-low)', 'ADJUDICATION', or 'NO RESULT' for a case with errors."""
        if self.status is None:
            return "NO RESULT"
        text = self.status.value.upper()
        return f"{text} ({self.descriptor.value})" if self.descriptor else text

    def beside_engine(self) -> str:
        """How the reported result relates to the engine's, for a pathologist's eyes; '' when they agree.

        e.g. "Guideline result: ADJUDICATION — reported: POSITIVE, adjudicated by Dr X (path1)".
        """
        if self.adjudication is None:
            return ""
        engine = self.engine_status.value.upper() if self.engine_status else "NO RESULT"
        by = f", adjudicated by {self.adjudication.by}" if self.adjudication.by else ", adjudicated"
        return f"Guideline result: {engine} — reported: {self.label()}{by}"


def reported_status(engine_status: Status | None, adjudicated_status: Status | None) -> Status | None:
    """The status the lab reports: the adjudicated one when there is one, else the engine's."""
    return adjudicated_status if adjudicated_status is not None else engine_status


def reported_descriptor(
    *,
    site: Site | None,
    ihc: IhcScore | None,
    stained_pct: Decimal | None,
    engine_status: Status | None,
    engine_descriptor: Descriptor | None,
    adjudicated_status: Status | None,
    scoring_criteria: ScoringCriteria | None,
    settings: GuidelineSettings = DEFAULT_SETTINGS,
) -> Descriptor | None:
    """The descriptor that goes with the reported status (see the module docstring).

    `scoring_criteria` is the specimen's (None: the site's own, or the default of a site without a
    guideline). It is required, never defaulted: an adjudicated negative of a site scored with the
    breast criteria takes its descriptor from the IHC exactly as the engine would have, and a caller
    that left the criteria out would silently drop it."""
    status = reported_status(engine_status, adjudicated_status)
    if status is not Status.NEGATIVE:
        return None
    if adjudicated_status is None or engine_status is Status.NEGATIVE:
        return engine_descriptor  # the engine already described this negative
    if site is not Site.BREAST:
        # HER2-low/-ultralow are breast descriptors (ASCO/CAP 2023); rules (c) item 13.
        breast_criteria = criteria_in_effect(site, scoring_criteria) is ScoringCriteria.BREAST
        if not (breast_criteria and settings.descriptors_on_other_sites):
            return None
    return negative_descriptor(ihc, stained_pct, settings)


def report(
    interpretation: Interpretation,
    *,
    site: Site | None,
    ihc: IhcScore | None,
    stained_pct: Decimal | None,
    scoring_criteria: ScoringCriteria | None,
    adjudication: Adjudication | None = None,
    signed_out: bool = False,
    settings: GuidelineSettings = DEFAULT_SETTINGS,
) -> ReportedResult:
    """The reported result of one case version from the engine's interpretation and any adjudication."""
    adjudicated = adjudication.status if adjudication is not None else None
    return ReportedResult(
        status=reported_status(interpretation.status, adjudicated),
        descriptor=reported_descriptor(
            site=site,
            ihc=ihc,
            stained_pct=stained_pct,
            engine_status=interpretation.status,
            engine_descriptor=interpretation.descriptor,
            adjudicated_status=adjudicated,
            settings=settings,
            scoring_criteria=scoring_criteria,
        ),
        engine_status=interpretation.status,
        engine_descriptor=interpretation.descriptor,
        adjudication=adjudication,
        signed_out=signed_out,
    )
