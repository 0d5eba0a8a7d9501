"""Breast HER2 interpretation: ASCO/CAP 2018 focused update, affirmed unchanged in 2023.

Implements decision table A1 of her2-reporting-rules.md: IHC (Fig 1), single-probe ISH (Fig 2),
dual-probe ISH groups (Fig 3) and the concurrent-IHC workup of groups 2-4 (Figs 4-6). HER2-low,
-ultralow and -null are descriptors of a negative result, never statuses (2023 update).

The same criteria score a site without a guideline of its own when they were chosen for the case. The
result then says so (guideline text, trail, a warning and a report comment), and, because HER2-low,
-ultralow and -null describe breast cancer, it carries no descriptor unless the lab enables them for
such sites (`descriptors_on_other_sites`; rules §(c) item 13), and never the 2023 or ultralow comments,
which speak of breast-cancer treatment.
"""

from __future__ import annotations

from decimal import Decimal

from her2desk.domain.criteria import CRITERIA_LABELS, guideline_for, site_words
from her2desk.domain.guideline_settings import GuidelineSettings
from her2desk.domain.inputs import Her2TestInput
from her2desk.domain.interpretation import Interpretation, InterpretationBuilder
from her2desk.domain.ish_groups import COPY_HIGH, COPY_LOW, read_dual_probe
from her2desk.domain.labels import plain_number
from her2desk.domain.numbers import format_decimal, round_half_up
from her2desk.domain.vocabulary import (
    Descriptor,
    IhcScore,
    IshProbe,
    NextStep,
    ScoringCriteria,
    ScoringSystem,
    Site,
    Status,
)

# Fig 1's definitions [S]: (what the score means, the category it gives).
_IHC_DEFINITION = {
    IhcScore.THREE_PLUS: ("complete, intense membrane staining in > 10% of tumour cells", "positive"),
    IhcScore.TWO_PLUS: ("weak to moderate complete membrane staining in > 10% of tumour cells", "equivocal"),
    IhcScore.ONE_PLUS: ("faint, incomplete membrane staining in > 10% of tumour cells", "negative"),
    IhcScore.ZERO: (
        "no staining, or faint, incomplete membrane staining in <= 10% of tumour cells",
        "negative",
    ),
}
# With a percentage typed, the trail shows it: (the staining, the side of 10% the score needs).
_IHC_MEASURED = {
    IhcScore.THREE_PLUS: ("complete, intense membrane staining", "> 10%"),
    IhcScore.TWO_PLUS: ("weak to moderate complete membrane staining", "> 10%"),
    IhcScore.ONE_PLUS: ("faint, incomplete membrane staining", "> 10%"),
    IhcScore.ZERO: ("faint, incomplete membrane staining", "<= 10%"),
}
# Scores whose negative result can be told HER2-low from HER2-0 (rules §2.1-2.2).
_SCORED = (IhcScore.ZERO, IhcScore.ONE_PLUS, IhcScore.TWO_PLUS)


def _ihc_trail(ihc: IhcScore, pct: Decimal | None) -> str:
    """The trail line of the IHC score: the percentage when one was typed, never one nobody entered.

    Without a percentage the score is taken as scored, and the guideline's definition is given as the
    definition. A typed 2+ at <= 10% is the unusual pattern of the Fig 1 note (intense staining in
    <= 10% of cells), which the guideline scores 2+.
    """
    if ihc is IhcScore.INDETERMINATE:
        return "IHC could not be scored (technical failure)"
    definition, category = _IHC_DEFINITION[ihc]
    if pct is None:
        return f"IHC {ihc} as scored; no percentage entered (definition: {definition}) -> {category}"
    shown = f"{plain_number(pct)}%"
    if ihc is IhcScore.TWO_PLUS and pct <= Decimal(10):
        return (
            f"IHC 2+: an unusual pattern (staining in {shown} of tumour cells, <= 10%), which the "
            "guideline scores 2+ -> equivocal"
        )
    if ihc is IhcScore.ZERO and pct == 0:
        return "IHC 0: no membrane staining (0% of tumour cells) -> negative"
    staining, needed = _IHC_MEASURED[ihc]
    return f"IHC {ihc}: {staining} in {shown} of tumour cells ({needed}) -> {category}"


def interpret_breast(test: Her2TestInput, settings: GuidelineSettings) -> Interpretation:
    assert test.site is not None
    b = InterpretationBuilder(
        guideline=guideline_for(test.site, test.scoring_criteria), scoring_system=ScoringSystem.BREAST
    )
    if test.site is not Site.BREAST:
        where = site_words(test.site)
        b.step(
            f"Scoring criteria chosen for {where} (no site-specific guideline): "
            f"{CRITERIA_LABELS[ScoringCriteria.BREAST]}"
        )
        b.warn(
            f"No site-specific HER2 guideline exists for {where}; scored with the breast criteria chosen "
            "for this case, whose ISH groups and HER2-low/-ultralow descriptors were defined for breast "
            "cancer"
        )
        b.comment(settings.comments.no_site_guideline_breast)
    if test.ihc is not None:
        b.step(_ihc_trail(test.ihc, test.stained_pct))
    if test.ish is IshProbe.DUAL:
        result = _dual_probe(test, settings, b)
    elif test.ish is IshProbe.SINGLE:
        result = _single_probe(test, settings, b)
    else:
        result = _ihc_only(test, settings, b)
    return result


def _negative(test: Her2TestInput, settings: GuidelineSettings, b: InterpretationBuilder) -> Interpretation:
    """Every negative breast result: its descriptor (by the IHC score) and the 2023 comment.

    The 2023 comment (why IHC 0 vs 1+ matters) goes on every negative with a scored IHC, IHC 0
    included, as the 2023 update recommends; a negative without one (IHC indeterminate, or ISH alone)
    says instead that a scored IHC is needed to judge HER2-low. A lab may turn both off.
    """
    if test.site is not Site.BREAST:
        return b.finish(Status.NEGATIVE, NextStep.NONE, _other_site_descriptor(test, settings, b))
    descriptor = _descriptor(test, settings, b)
    if settings.report_2023_comment:
        scored = test.ihc in _SCORED
        b.comment(settings.comments.her2_low_2023 if scored else settings.comments.her2_low_needs_scored_ihc)
    if descriptor is Descriptor.ULTRALOW:
        b.comment(settings.comments.her2_ultralow)
    return b.finish(Status.NEGATIVE, NextStep.NONE, descriptor)


def _other_site_descriptor(
    test: Her2TestInput, settings: GuidelineSettings, b: InterpretationBuilder
) -> Descriptor | None:
    """A negative scored with the breast criteria on a site without a guideline of its own: no
    descriptor (they describe breast cancer) unless the lab enables them for such sites, and then
    with a warning that it was defined for breast cancer."""
    assert test.site is not None
    where = site_words(test.site)
    if not settings.descriptors_on_other_sites:
        if test.ihc in _SCORED:
            b.step(
                f"No HER2-low/-ultralow/-null descriptor: they describe breast cancer and are not given "
                f"for {where} (the lab has not enabled them for sites without a guideline)"
            )
        return None
    descriptor = _descriptor(test, settings, b)
    if descriptor is not None:
        b.warn(
            f"{descriptor.value} describes breast cancer; it is given for {where} only because the lab "
            "enabled descriptors for sites without a guideline"
        )
    return descriptor


def _descriptor(
    test: Her2TestInput, settings: GuidelineSettings, b: InterpretationBuilder
) -> Descriptor | None:
    if test.ihc in (IhcScore.ONE_PLUS, IhcScore.TWO_PLUS):
        if not settings.report_her2_low:
            return None
        b.step(f"Descriptor HER2-low: negative with IHC {test.ihc}")
        return Descriptor.LOW
    if test.ihc is IhcScore.ZERO:
        pct = test.stained_pct
        if pct is None:
            b.warn(
                "stained_pct: give the % of cells with faint incomplete staining (0 if none) to tell "
                "HER2-null from HER2-ultralow"
            )
            return None
        if pct == 0:
            b.step("Descriptor HER2-null: IHC 0 with no membrane staining")
            return Descriptor.NULL
        if not settings.report_her2_ultralow:
            return None
        b.step(
            f"Descriptor HER2-ultralow: IHC 0 with faint, incomplete staining in {plain_number(pct)}% "
            "(> 0% and <= 10%)"
        )
        return Descriptor.ULTRALOW
    return None


def _ihc_only(test: Her2TestInput, settings: GuidelineSettings, b: InterpretationBuilder) -> Interpretation:
    if test.has_recount_values:
        b.warn("A second count was entered without ISH; it was not used")
    ihc = test.ihc
    if ihc is IhcScore.THREE_PLUS:
        return b.finish(Status.POSITIVE)
    if ihc is IhcScore.TWO_PLUS:
        b.step("IHC 2+ must be followed by reflex ISH on the same specimen (or a new test on a new specimen)")
        return b.finish(Status.EQUIVOCAL, NextStep.REFLEX_ISH)
    if ihc is IhcScore.INDETERMINATE:
        b.step("No interpretable IHC or ISH: request a new specimen or repeat the test")
        return b.finish(Status.INDETERMINATE, NextStep.NEW_SPECIMEN)
    return _negative(test, settings, b)


def _near_threshold(
    ratio: Decimal | None,
    her2: Decimal,
    settings: GuidelineSettings,
    b: InterpretationBuilder,
    which: str = "Near a threshold",
) -> None:
    margin = settings.near_copy_margin
    near_ratio = ratio is not None and settings.near_ratio_low <= ratio <= settings.near_ratio_high
    near_copy = any(abs(her2 - cut) <= margin for cut in (COPY_LOW, COPY_HIGH))
    if near_ratio or near_copy:
        what = []
        if near_ratio:
            what.append(f"ratio {format_decimal(ratio)}")
        if near_copy:
            what.append(f"HER2 {format_decimal(her2)}")
        b.warn(f"{which} ({' and '.join(what)}): small counting differences could change the call")


def _dual_probe(test: Her2TestInput, settings: GuidelineSettings, b: InterpretationBuilder) -> Interpretation:
    assert test.her2 is not None
    assert test.cep17 is not None
    assert test.cells is not None
    first = read_dual_probe(test.her2, test.cep17)
    b.ish_group, b.ratio, b.her2_average = first.group, first.ratio, first.her2
    b.step(f"Dual-probe ISH, {test.cells} cells: {first.explanation}")
    _near_threshold(first.ratio, first.her2, settings, b)
    ihc = test.ihc
    group = first.group

    if group in (1, 5) and test.has_recount_values:
        b.warn(
            f"A second count is only needed for groups 2-4 with IHC 2+; group {group} needs none, "
            "so it was not used"
        )
    if group == 1:
        b.step("Group 1 -> ISH positive")
        return b.finish(Status.POSITIVE)
    if group == 5:
        if ihc is IhcScore.THREE_PLUS:
            b.step("IHC 3+ -> positive, although ISH is group 5 (negative)")
            if settings.flag_breast_ihc3_group5_discordance:
                b.warn("Discordance: IHC 3+ with ISH group 5; pathologist review recommended")
            return b.finish(Status.POSITIVE)
        b.step("Group 5 -> ISH negative")
        return _negative(test, settings, b)

    # Groups 2-4: concurrent IHC decides (Figs 4-6).
    comment = settings.comments.for_group(group)
    if ihc is None or ihc is IhcScore.INDETERMINATE:
        b.step(f"Group {group} needs IHC on the same tissue, reviewed together with the ISH slide")
        if test.has_recount_values:
            b.warn("A second count was entered before concurrent IHC; it will be used once IHC is 2+")
        return b.finish(Status.PENDING, NextStep.CONCURRENT_IHC)
    if ihc is IhcScore.THREE_PLUS:
        b.step(f"Group {group} with concurrent IHC 3+ -> positive")
        if test.has_recount_values:
            b.warn("A second count is only needed with IHC 2+; it was not used")
        return b.finish(Status.POSITIVE)
    if ihc.is_negative_score:
        b.step(f"Group {group} with concurrent IHC {ihc} -> negative with the group {group} comment")
        if test.has_recount_values:
            b.warn("A second count is only needed with IHC 2+; it was not used")
        b.comment(comment)
        return _negative(test, settings, b)

    # IHC 2+: a blinded second observer recounts at least 20 cells.
    recount = test.recount
    if recount is None:
        b.step(
            f"Group {group} with IHC 2+ -> a second observer, blinded to the first result, recounts "
            "at least 20 cells in the IHC 2+ area"
        )
        return b.finish(Status.PENDING, NextStep.RECOUNT)
    assert recount.her2 is not None  # `recount` is only given for a complete count
    assert recount.cep17 is not None
    second = read_dual_probe(recount.her2, recount.cep17)
    b.recount_group, b.recount_ratio = second.group, second.ratio
    _near_threshold(second.ratio, second.her2, settings, b, "Blinded recount near a threshold")
    b.step(f"Blinded recount, {recount.cells} cells: {second.explanation}")
    if second.group != group:
        b.step(
            f"Recount gives group {second.group}, not group {group} -> adjudicate per internal "
            "procedure; the software does not derive a result"
        )
        return b.finish(Status.ADJUDICATION, NextStep.ADJUDICATE)
    if group == 3:
        b.step("Recount confirms group 3 with IHC 2+ -> positive")
        return b.finish(Status.POSITIVE)
    b.step(f"Recount confirms group {group} with IHC 2+ -> negative with the group {group} comment")
    b.comment(comment)
    return _negative(test, settings, b)


def _single_probe(
    test: Her2TestInput, settings: GuidelineSettings, b: InterpretationBuilder
) -> Interpretation:
    assert test.her2 is not None
    assert test.cells is not None
    her2 = round_half_up(test.her2)
    b.her2_average = her2
    shown = format_decimal(her2)
    _near_threshold(None, her2, settings, b)
    if test.has_recount_values:
        b.warn("A second count is not part of the single-probe algorithm; it was not used")
    ihc = test.ihc
    if her2 >= COPY_HIGH:
        b.step(f"Single-probe ISH, {test.cells} cells: HER2 {shown} >= 6.0 -> ISH positive")
        b.comment(settings.comments.single_probe_ihc_review)
        if ihc is not None and ihc.is_negative_score:
            b.warn(
                f"Discordance: IHC {ihc} with single-probe HER2 {shown} >= 6.0; pathologist review "
                "recommended (consider dual-probe ISH)"
            )
        return b.finish(Status.POSITIVE)
    if her2 < COPY_LOW:
        b.step(f"Single-probe ISH, {test.cells} cells: HER2 {shown} < 4.0 -> ISH negative")
        if ihc is IhcScore.THREE_PLUS:
            b.step("IHC 3+ -> positive, although single-probe ISH is negative")
            b.warn("Discordance: IHC 3+ with single-probe HER2 < 4.0; pathologist review recommended")
            return b.finish(Status.POSITIVE)
        return _negative(test, settings, b)
    b.step(f"Single-probe ISH, {test.cells} cells: HER2 {shown} in [4.0, 6.0) -> decided by concurrent IHC")
    if ihc is IhcScore.THREE_PLUS:
        b.step("Concurrent IHC 3+ -> positive")
        return b.finish(Status.POSITIVE)
    if ihc is IhcScore.TWO_PLUS:
        b.step("Concurrent IHC 2+ -> perform dual-probe ISH for the final result")
        return b.finish(Status.PENDING, NextStep.DUAL_PROBE_ISH)
    if ihc is not None and ihc.is_negative_score:
        b.step(f"Concurrent IHC {ihc} -> negative")
        return _negative(test, settings, b)
    if ihc is IhcScore.INDETERMINATE:
        b.step("Concurrent IHC could not be scored -> perform dual-probe ISH on the same tissue")
        return b.finish(Status.PENDING, NextStep.DUAL_PROBE_ISH)
    b.step("No concurrent IHC -> perform IHC (and/or dual-probe ISH) on sections of the same tissue")
    return b.finish(Status.PENDING, NextStep.CONCURRENT_IHC)
