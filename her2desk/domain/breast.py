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
from her2desk.domain.engine_words import EQUIVOCAL, NEGATIVE, POSITIVE, near_threshold_warning, near_values
from her2desk.domain.guideline_settings import GuidelineSettings
from her2desk.domain.inputs import Her2TestInput
from her2desk.domain.interpretation import Interpretation, InterpretationBuilder
from her2desk.domain.ish_groups import COPY_HIGH, COPY_LOW, read_dual_probe
from her2desk.domain.labels import plain_number
from her2desk.domain.numbers import format_decimal, round_half_up
from her2desk.domain.phrases import Phrase
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
    IhcScore.THREE_PLUS: (Phrase("complete, intense membrane staining in > 10% of tumour cells"), POSITIVE),
    IhcScore.TWO_PLUS: (
        Phrase("weak to moderate complete membrane staining in > 10% of tumour cells"),
        EQUIVOCAL,
    ),
    IhcScore.ONE_PLUS: (Phrase("faint, incomplete membrane staining in > 10% of tumour cells"), NEGATIVE),
    IhcScore.ZERO: (
        Phrase("no staining, or faint, incomplete membrane staining in <= 10% of tumour cells"),
        NEGATIVE,
    ),
}
# With a percentage typed, the trail shows it: (the staining, the side of 10% the score needs).
_IHC_MEASURED = {
    IhcScore.THREE_PLUS: (Phrase("complete, intense membrane staining"), "> 10%"),
    IhcScore.TWO_PLUS: (Phrase("weak to moderate complete membrane staining"), "> 10%"),
    IhcScore.ONE_PLUS: (Phrase("faint, incomplete membrane staining"), "> 10%"),
    IhcScore.ZERO: (Phrase("faint, incomplete membrane staining"), "<= 10%"),
}
# Scores whose negative result can be told HER2-low from HER2-0 (rules §2.1-2.2).
_SCORED = (IhcScore.ZERO, IhcScore.ONE_PLUS, IhcScore.TWO_PLUS)


def _ihc_trail(ihc: IhcScore, pct: Decimal | None) -> Phrase:
    """The trail line of the IHC score: the percentage when one was typed, never one nobody entered.

    Without a percentage the score is taken as scored, and the guideline's definition is given as the
    definition. A typed 2+ at <= 10% is the unusual pattern of the Fig 1 note (intense staining in
    <= 10% of cells), which the guideline scores 2+.
    """
    if ihc is IhcScore.INDETERMINATE:
        return Phrase("IHC could not be scored (technical failure)")
    definition, category = _IHC_DEFINITION[ihc]
    if pct is None:
        return Phrase(
            "IHC {score} as scored; no percentage entered (definition: {definition}) -> {category}",
            score=ihc.value,
            definition=definition,
            category=category,
        )
    shown = plain_number(pct)
    if ihc is IhcScore.TWO_PLUS and pct <= Decimal(10):
        return Phrase(
            "IHC 2+: an unusual pattern (staining in {pct}% of tumour cells, <= 10%), which the "
            "guideline scores 2+ -> equivocal",
            pct=shown,
        )
    if ihc is IhcScore.ZERO and pct == 0:
        return Phrase("IHC 0: no membrane staining (0% of tumour cells) -> negative")
    staining, needed = _IHC_MEASURED[ihc]
    return Phrase(
        "IHC {score}: {staining} in {pct}% of tumour cells ({needed}) -> {category}",
        score=ihc.value,
        staining=staining,
        pct=shown,
        needed=needed,
        category=category,
    )


def interpret_breast(test: Her2TestInput, settings: GuidelineSettings) -> Interpretation:
    assert test.site is not None
    b = InterpretationBuilder(
        guideline=guideline_for(test.site, test.scoring_criteria), scoring_system=ScoringSystem.BREAST
    )
    if test.site is not Site.BREAST:
        where = site_words(test.site)
        b.step(
            Phrase(
                "Scoring criteria chosen for {site} (no site-specific guideline): {criteria}",
                site=where,
                criteria=CRITERIA_LABELS[ScoringCriteria.BREAST],
            )
        )
        b.warn(
            Phrase(
                "No site-specific HER2 guideline exists for {site}; scored with the breast criteria chosen "
                "for this case, whose ISH groups and HER2-low/-ultralow descriptors were defined for breast "
                "cancer",
                site=where,
            )
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
                Phrase(
                    "No HER2-low/-ultralow/-null descriptor: they describe breast cancer and are not given "
                    "for {site} (the lab has not enabled them for sites without a guideline)",
                    site=where,
                )
            )
        return None
    descriptor = _descriptor(test, settings, b)
    if descriptor is not None:
        b.warn(
            Phrase(
                "{descriptor} describes breast cancer; it is given for {site} only because the lab "
                "enabled descriptors for sites without a guideline",
                descriptor=descriptor.value,
                site=where,
            )
        )
    return descriptor


def _descriptor(
    test: Her2TestInput, settings: GuidelineSettings, b: InterpretationBuilder
) -> Descriptor | None:
    if test.ihc in (IhcScore.ONE_PLUS, IhcScore.TWO_PLUS):
        if not settings.report_her2_low:
            return None
        b.step(Phrase("Descriptor HER2-low: negative with IHC {score}", score=str(test.ihc)))
        return Descriptor.LOW
    if test.ihc is IhcScore.ZERO:
        pct = test.stained_pct
        if pct is None:
            b.warn(
                Phrase(
                    "stained_pct: give the % of cells with faint incomplete staining (0 if none) to tell "
                    "HER2-null from HER2-ultralow"
                )
            )
            return None
        if pct == 0:
            b.step(Phrase("Descriptor HER2-null: IHC 0 with no membrane staining"))
            return Descriptor.NULL
        if not settings.report_her2_ultralow:
            return None
        b.step(
            Phrase(
                "Descriptor HER2-ultralow: IHC 0 with faint, incomplete staining in {pct}% (> 0% and <= 10%)",
                pct=plain_number(pct),
            )
        )
        return Descriptor.ULTRALOW
    return None


def _ihc_only(test: Her2TestInput, settings: GuidelineSettings, b: InterpretationBuilder) -> Interpretation:
    if test.has_recount_values:
        b.warn(Phrase("A second count was entered without ISH; it was not used"))
    ihc = test.ihc
    if ihc is IhcScore.THREE_PLUS:
        return b.finish(Status.POSITIVE)
    if ihc is IhcScore.TWO_PLUS:
        b.step(
            Phrase(
                "IHC 2+ must be followed by reflex ISH on the same specimen (or a new test on a new specimen)"
            )
        )
        return b.finish(Status.EQUIVOCAL, NextStep.REFLEX_ISH)
    if ihc is IhcScore.INDETERMINATE:
        b.step(Phrase("No interpretable IHC or ISH: request a new specimen or repeat the test"))
        return b.finish(Status.INDETERMINATE, NextStep.NEW_SPECIMEN)
    return _negative(test, settings, b)


def _near_threshold(
    ratio: Decimal | None,
    her2: Decimal,
    settings: GuidelineSettings,
    b: InterpretationBuilder,
    recount: bool = False,
) -> None:
    margin = settings.near_copy_margin
    near_ratio = ratio is not None and settings.near_ratio_low <= ratio <= settings.near_ratio_high
    near_copy = any(abs(her2 - cut) <= margin for cut in (COPY_LOW, COPY_HIGH))
    what = near_values(
        format_decimal(ratio) if near_ratio else None, format_decimal(her2) if near_copy else None
    )
    if what is None:
        return
    if recount:
        b.warn(
            Phrase(
                "Blinded recount near a threshold ({what}): small counting differences could change the call",
                what=what,
            )
        )
    else:
        b.warn(near_threshold_warning(what))


def _dual_probe(test: Her2TestInput, settings: GuidelineSettings, b: InterpretationBuilder) -> Interpretation:
    assert test.her2 is not None
    assert test.cep17 is not None
    assert test.cells is not None
    first = read_dual_probe(test.her2, test.cep17)
    b.ish_group, b.ratio, b.her2_average = first.group, first.ratio, first.her2
    b.step(Phrase("Dual-probe ISH, {cells} cells: {reading}", cells=test.cells, reading=first.explanation))
    _near_threshold(first.ratio, first.her2, settings, b)
    ihc = test.ihc
    group = first.group

    if group in (1, 5) and test.has_recount_values:
        b.warn(
            Phrase(
                "A second count is only needed for groups 2-4 with IHC 2+; group {group} needs none, "
                "so it was not used",
                group=group,
            )
        )
    if group == 1:
        b.step(Phrase("Group 1 -> ISH positive"))
        return b.finish(Status.POSITIVE)
    if group == 5:
        if ihc is IhcScore.THREE_PLUS:
            b.step(Phrase("IHC 3+ -> positive, although ISH is group 5 (negative)"))
            if settings.flag_breast_ihc3_group5_discordance:
                b.warn(Phrase("Discordance: IHC 3+ with ISH group 5; pathologist review recommended"))
            return b.finish(Status.POSITIVE)
        b.step(Phrase("Group 5 -> ISH negative"))
        return _negative(test, settings, b)

    # Groups 2-4: concurrent IHC decides (Figs 4-6).
    comment = settings.comments.for_group(group)
    if ihc is None or ihc is IhcScore.INDETERMINATE:
        b.step(
            Phrase(
                "Group {group} needs IHC on the same tissue, reviewed together with the ISH slide",
                group=group,
            )
        )
        if test.has_recount_values:
            b.warn(Phrase("A second count was entered before concurrent IHC; it will be used once IHC is 2+"))
        return b.finish(Status.PENDING, NextStep.CONCURRENT_IHC)
    if ihc is IhcScore.THREE_PLUS:
        b.step(Phrase("Group {group} with concurrent IHC 3+ -> positive", group=group))
        if test.has_recount_values:
            b.warn(Phrase("A second count is only needed with IHC 2+; it was not used"))
        return b.finish(Status.POSITIVE)
    if ihc.is_negative_score:
        b.step(
            Phrase(
                "Group {group} with concurrent IHC {score} -> negative with the group {group} comment",
                group=group,
                score=ihc.value,
            )
        )
        if test.has_recount_values:
            b.warn(Phrase("A second count is only needed with IHC 2+; it was not used"))
        b.comment(comment)
        return _negative(test, settings, b)

    # IHC 2+: a blinded second observer recounts at least 20 cells.
    recount = test.recount
    if recount is None:
        b.step(
            Phrase(
                "Group {group} with IHC 2+ -> a second observer, blinded to the first result, recounts "
                "at least 20 cells in the IHC 2+ area",
                group=group,
            )
        )
        return b.finish(Status.PENDING, NextStep.RECOUNT)
    assert recount.her2 is not None  # `recount` is only given for a complete count
    assert recount.cep17 is not None
    second = read_dual_probe(recount.her2, recount.cep17)
    b.recount_group, b.recount_ratio = second.group, second.ratio
    _near_threshold(second.ratio, second.her2, settings, b, recount=True)
    b.step(
        Phrase("Blinded recount, {cells} cells: {reading}", cells=recount.cells, reading=second.explanation)
    )
    if second.group != group:
        b.step(
            Phrase(
                "Recount gives group {recount_group}, not group {group} -> adjudicate per internal "
                "procedure; the software does not derive a result",
                recount_group=second.group,
                group=group,
            )
        )
        return b.finish(Status.ADJUDICATION, NextStep.ADJUDICATE)
    if group == 3:
        b.step(Phrase("Recount confirms group 3 with IHC 2+ -> positive"))
        return b.finish(Status.POSITIVE)
    b.step(
        Phrase(
            "Recount confirms group {group} with IHC 2+ -> negative with the group {group} comment",
            group=group,
        )
    )
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
        b.warn(Phrase("A second count is not part of the single-probe algorithm; it was not used"))
    ihc = test.ihc
    if her2 >= COPY_HIGH:
        b.step(
            Phrase(
                "Single-probe ISH, {cells} cells: HER2 {her2} >= 6.0 -> ISH positive",
                cells=test.cells,
                her2=shown,
            )
        )
        b.comment(settings.comments.single_probe_ihc_review)
        if ihc is not None and ihc.is_negative_score:
            b.warn(
                Phrase(
                    "Discordance: IHC {score} with single-probe HER2 {her2} >= 6.0; pathologist review "
                    "recommended (consider dual-probe ISH)",
                    score=ihc.value,
                    her2=shown,
                )
            )
        return b.finish(Status.POSITIVE)
    if her2 < COPY_LOW:
        b.step(
            Phrase(
                "Single-probe ISH, {cells} cells: HER2 {her2} < 4.0 -> ISH negative",
                cells=test.cells,
                her2=shown,
            )
        )
        if ihc is IhcScore.THREE_PLUS:
            b.step(Phrase("IHC 3+ -> positive, although single-probe ISH is negative"))
            b.warn(Phrase("Discordance: IHC 3+ with single-probe HER2 < 4.0; pathologist review recommended"))
            return b.finish(Status.POSITIVE)
        return _negative(test, settings, b)
    b.step(
        Phrase(
            "Single-probe ISH, {cells} cells: HER2 {her2} in [4.0, 6.0) -> decided by concurrent IHC",
            cells=test.cells,
            her2=shown,
        )
    )
    if ihc is IhcScore.THREE_PLUS:
        b.step(Phrase("Concurrent IHC 3+ -> positive"))
        return b.finish(Status.POSITIVE)
    if ihc is IhcScore.TWO_PLUS:
        b.step(Phrase("Concurrent IHC 2+ -> perform dual-probe ISH for the final result"))
        return b.finish(Status.PENDING, NextStep.DUAL_PROBE_ISH)
    if ihc is not None and ihc.is_negative_score:
        b.step(Phrase("Concurrent IHC {score} -> negative", score=ihc.value))
        return _negative(test, settings, b)
    if ihc is IhcScore.INDETERMINATE:
        b.step(Phrase("Concurrent IHC could not be scored -> perform dual-probe ISH on the same tissue"))
        return b.finish(Status.PENDING, NextStep.DUAL_PROBE_ISH)
    b.step(Phrase("No concurrent IHC -> perform IHC (and/or dual-probe ISH) on sections of the same tissue"))
    return b.finish(Status.PENDING, NextStep.CONCURRENT_IHC)
