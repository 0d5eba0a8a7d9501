"""Gastroesophageal HER2 interpretation: CAP/ASCP/ASCO 2016 (Hofmann/Rüschoff criteria).

Decision table A2 of her2-reporting-rules.md. Biopsies are scored on a cluster of >= 5 cells at any
percentage, resections on >= 10% of cells; IHC 2+ goes to ISH; ISH is positive when the HER2/CEP17 ratio
is >= 2.0 irrespective of copy number. There are no ISH groups and no HER2-low descriptor here. The same
criteria score a site without a guideline of its own (pancreas, bladder, ovary, other) when they were
chosen for the case, with a warning and a guideline text that says so.
"""

from __future__ import annotations

from decimal import Decimal

from her2desk.domain.criteria import CRITERIA_LABELS, guideline_for, site_words
from her2desk.domain.engine_words import EQUIVOCAL, NEGATIVE, POSITIVE, near_threshold_warning, near_values
from her2desk.domain.guideline_settings import GuidelineSettings
from her2desk.domain.inputs import Her2TestInput
from her2desk.domain.interpretation import Interpretation, InterpretationBuilder
from her2desk.domain.ish_groups import RATIO_CUTOFF
from her2desk.domain.labels import plain_number
from her2desk.domain.numbers import format_decimal, ratio, round_half_up
from her2desk.domain.phrases import Phrase
from her2desk.domain.vocabulary import (
    IhcScore,
    IshProbe,
    NextStep,
    ScoringCriteria,
    ScoringSystem,
    Status,
)


def interpret_gastroesophageal(test: Her2TestInput, settings: GuidelineSettings) -> Interpretation:
    assert test.site is not None
    assert test.procedure is not None
    resection = test.procedure.is_resection
    system = ScoringSystem.GASTROESOPHAGEAL_RESECTION if resection else ScoringSystem.GASTROESOPHAGEAL_BIOPSY
    guideline = guideline_for(test.site, test.scoring_criteria)
    b = InterpretationBuilder(guideline=guideline, scoring_system=system)
    if not test.site.has_site_specific_guideline:
        where = site_words(test.site)
        b.step(
            Phrase(
                "Scoring criteria chosen for {site} (no site-specific guideline): {criteria}",
                site=where,
                criteria=CRITERIA_LABELS[ScoringCriteria.GASTROESOPHAGEAL],
            )
        )
        b.warn(
            Phrase(
                "No site-specific HER2 guideline exists for {site}; scored with the gastroesophageal "
                "criteria chosen for this case",
                site=where,
            )
        )
        b.comment(settings.comments.no_site_guideline)
    if test.has_recount_values:
        b.warn(Phrase("A second count is part of the breast algorithm only; it was not used"))
    _ihc_step(test, settings, b, resection)
    if test.ish is IshProbe.DUAL:
        return _with_ish(test, settings, b)
    ihc = test.ihc
    if ihc is IhcScore.THREE_PLUS:
        return b.finish(Status.POSITIVE)
    if ihc is IhcScore.TWO_PLUS:
        b.step(Phrase("IHC 2+ -> reflex ISH"))
        return b.finish(Status.EQUIVOCAL, NextStep.REFLEX_ISH)
    if ihc is IhcScore.INDETERMINATE:
        b.step(Phrase("No interpretable IHC or ISH: request a new specimen or repeat the test"))
        return b.finish(Status.INDETERMINATE, NextStep.NEW_SPECIMEN)
    return b.finish(Status.NEGATIVE)


# Hofmann/Rüschoff staining patterns [S*, rules §3.1]: (the staining, the category it gives).
_STAINING = {
    IhcScore.THREE_PLUS: (Phrase("strong complete, basolateral or lateral membranous staining"), POSITIVE),
    IhcScore.TWO_PLUS: (
        Phrase("weak to moderate complete, basolateral or lateral membranous staining"),
        EQUIVOCAL,
    ),
    IhcScore.ONE_PLUS: (Phrase("faint, barely perceptible membranous staining"), NEGATIVE),
}
# Biopsy IHC 0 as the guideline defines it (rules §3.1 and table A2).
BIOPSY_IHC_0 = Phrase("no reactivity, or no membranous reactivity in any tumour cell")


def resection_limits(settings: GuidelineSettings) -> tuple[str, str]:
    """What resection 1+/2+/3+ need and what IHC 0 allows, by the lab's reading of the 10% rule:
    (">= 10%", "< 10%") by default, ("> 10%", "<= 10%") with the exclusive setting."""
    limit = format_decimal(settings.gastroesophageal_resection_pct, 0)
    if settings.gastroesophageal_resection_pct_inclusive:
        return f">= {limit}%", f"< {limit}%"
    return f"> {limit}%", f"<= {limit}%"


def _ihc_step(
    test: Her2TestInput, settings: GuidelineSettings, b: InterpretationBuilder, resection: bool
) -> None:
    """The trail line of the IHC score, with the percentage (resection) or cluster size (biopsy)
    when one was typed; without one the score is taken as scored and the definition given as such."""
    ihc = test.ihc
    if ihc is None:
        return
    if ihc is IhcScore.INDETERMINATE:
        b.step(Phrase("IHC could not be scored (technical failure)"))
        return
    if resection:
        b.step(_resection_step(ihc, test.stained_pct, settings))
    else:
        b.step(_biopsy_step(ihc, test.cluster_cells, settings))


def _resection_step(ihc: IhcScore, pct: Decimal | None, settings: GuidelineSettings) -> Phrase:
    needs, zero_allows = resection_limits(settings)
    shown = None if pct is None else plain_number(pct)
    if ihc is IhcScore.ZERO:
        if pct is None:
            return Phrase(
                "IHC 0 as scored; no percentage entered (resection criteria; definition: no reactivity, "
                "or membranous reactivity in {allows} of tumour cells) -> negative",
                allows=zero_allows,
            )
        if pct == 0:
            return Phrase(
                "IHC 0: no membranous reactivity (0% of tumour cells; resection criteria) -> negative"
            )
        return Phrase(
            "IHC 0: membranous reactivity in {pct}% of tumour cells ({allows}; resection criteria) "
            "-> negative",
            pct=shown,
            allows=zero_allows,
        )
    staining, category = _STAINING[ihc]
    if pct is None:
        return Phrase(
            "IHC {score} as scored; no percentage entered (resection criteria; definition: {staining} "
            "in {needs} of tumour cells) -> {category}",
            score=ihc.value,
            staining=staining,
            needs=needs,
            category=category,
        )
    return Phrase(
        "IHC {score}: {staining} in {pct}% of tumour cells ({needs}; resection criteria) -> {category}",
        score=ihc.value,
        staining=staining,
        pct=shown,
        needs=needs,
        category=category,
    )


def _biopsy_step(ihc: IhcScore, cluster: int | None, settings: GuidelineSettings) -> Phrase:
    if ihc is IhcScore.ZERO:
        return Phrase("IHC 0: {definition} (biopsy criteria) -> negative", definition=BIOPSY_IHC_0)
    staining, category = _STAINING[ihc]
    need = settings.gastroesophageal_biopsy_cluster_cells
    if cluster is None:
        return Phrase(
            "IHC {score} as scored; no cluster size entered (biopsy criteria; definition: {staining} in "
            "a cluster of >= {need} tumour cells, irrespective of percentage) -> {category}",
            score=ihc.value,
            staining=staining,
            need=need,
            category=category,
        )
    return Phrase(
        "IHC {score}: {staining} in a cluster of {cluster} tumour cells (>= {need}, "
        "irrespective of percentage; biopsy criteria) -> {category}",
        score=ihc.value,
        staining=staining,
        cluster=plain_number(cluster),
        need=need,
        category=category,
    )


def _with_ish(test: Her2TestInput, settings: GuidelineSettings, b: InterpretationBuilder) -> Interpretation:
    assert test.her2 is not None
    assert test.cep17 is not None
    assert test.cells is not None
    r = ratio(test.her2, test.cep17)
    her2 = round_half_up(test.her2)
    b.ratio, b.her2_average = r, her2
    rs, hs = format_decimal(r), format_decimal(her2)
    amplified = r >= RATIO_CUTOFF
    if amplified:
        b.step(
            Phrase(
                "Dual-probe ISH, {cells} cells: ratio {ratio} >= 2.0 -> amplified (copy number not used; "
                "HER2 {her2})",
                cells=test.cells,
                ratio=rs,
                her2=hs,
            )
        )
    else:
        b.step(
            Phrase(
                "Dual-probe ISH, {cells} cells: ratio {ratio} < 2.0 -> not amplified (copy number not used; "
                "HER2 {her2})",
                cells=test.cells,
                ratio=rs,
                her2=hs,
            )
        )
    near_ratio = settings.near_ratio_low <= r <= settings.near_ratio_high
    near_copy = (
        settings.gastroesophageal_high_copy_adjudication
        and not amplified
        and abs(her2 - settings.gastroesophageal_high_copy_threshold) <= settings.near_copy_margin
    )
    near = near_values(rs if near_ratio else None, hs if near_copy else None)
    if near is not None:
        b.warn(near_threshold_warning(near))
    ihc = test.ihc
    high_copy = (
        settings.gastroesophageal_high_copy_adjudication
        and her2 >= settings.gastroesophageal_high_copy_threshold
    )
    if ihc is IhcScore.THREE_PLUS:
        if not amplified:
            b.warn(
                Phrase(
                    "Discordance: IHC 3+ with ISH ratio {ratio} < 2.0; pathologist review recommended",
                    ratio=rs,
                )
            )
        b.step(Phrase("IHC 3+ -> positive"))
        return b.finish(Status.POSITIVE)
    if ihc is not None and ihc.is_negative_score:
        if amplified:
            b.step(
                Phrase("IHC {score} with amplified ISH is discordant -> pathologist review", score=ihc.value)
            )
            b.warn(
                Phrase("Discordance: IHC {score} with ISH ratio {ratio} >= 2.0", score=ihc.value, ratio=rs)
            )
            return b.finish(Status.ADJUDICATION, NextStep.ADJUDICATE)
        b.step(Phrase("IHC {score} and ISH not amplified -> negative", score=ihc.value))
        return b.finish(Status.NEGATIVE)
    if ihc is None or ihc is IhcScore.INDETERMINATE:
        b.warn(Phrase("The guideline tests IHC first; this result rests on ISH alone"))
    if amplified:
        b.step(Phrase("ISH ratio >= 2.0 -> positive"))
        return b.finish(Status.POSITIVE)
    if high_copy:
        b.step(
            Phrase(
                "Ratio {ratio} < 2.0 with average HER2 {her2} >= {threshold} -> pathologist adjudication "
                "(not addressed by ToGA criteria)",
                ratio=rs,
                her2=hs,
                threshold=format_decimal(settings.gastroesophageal_high_copy_threshold, 1),
            )
        )
        return b.finish(Status.ADJUDICATION, NextStep.ADJUDICATE)
    b.step(Phrase("ISH ratio < 2.0 -> negative"))
    return b.finish(Status.NEGATIVE)
