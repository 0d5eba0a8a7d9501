"""Decision table A2 (gastric / GEJ / oesophageal adenocarcinoma, CAP/ASCP/ASCO 2016), and other sites.

Expected results are read from her2-reporting-rules.md §3 and table A2 and from issue 2: biopsies are
scored on a cluster of >= 5 cells at any percentage, resections on >= 10% of cells (configurable);
IHC 2+ goes to ISH; ISH is positive when the ratio is >= 2.0 irrespective of copy number; ratio < 2.0
with HER2 >= 6.0 goes to pathologist adjudication [K, configurable]; IHC 0/1+ with an amplified ISH is
discordant and goes to the pathologist [K]. No ISH groups and no HER2-low descriptors outside breast.
Pancreas, bladder, ovary and "other" are scored with the same criteria when they are chosen for the case,
with a warning.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest

from her2desk.domain import DEFAULT_SETTINGS, Her2TestInput, Interpretation, interpret
from her2desk.domain.vocabulary import (
    IhcScore,
    IshProbe,
    NextStep,
    Procedure,
    ScoringCriteria,
    ScoringSystem,
    Site,
    Status,
)

D = Decimal

GASTROESOPHAGEAL = [Site.STOMACH, Site.GASTROESOPHAGEAL_JUNCTION, Site.ESOPHAGUS]
OTHER_SITES = [Site.PANCREAS, Site.BLADDER, Site.OVARY, Site.OTHER]
ALL_NON_BREAST = GASTROESOPHAGEAL + OTHER_SITES
BIOPSIES = [p for p in Procedure if p is not Procedure.SURGICAL_RESECTION]

# Dual-probe counts, chosen by hand away from every threshold.
AMPLIFIED_LOW_COPY = (D("3.00"), D("1.20"))  # ratio 2.50 with HER2 3.00: positive irrespective of copy number
AMPLIFIED = (D("10.00"), D("2.00"))  # ratio 5.00
NOT_AMPLIFIED = (D("3.00"), D("2.00"))  # ratio 1.50, HER2 3.00
NOT_AMPLIFIED_HIGH_COPY = (D("7.00"), D("4.00"))  # ratio 1.75, HER2 7.00 >= 6.0
NOT_AMPLIFIED_MID_COPY = (D("5.00"), D("3.00"))  # ratio 1.67, HER2 5.00 (a breast "group 4")


def ge_test(
    ihc: IhcScore | None,
    *,
    site: Site = Site.STOMACH,
    procedure: Procedure = Procedure.ENDOSCOPIC_BIOPSY,
    ish: tuple[Decimal, Decimal] | None = None,
    stained_pct: Decimal | None = None,
    cluster_cells: int | None = None,
) -> Her2TestInput:
    counts: dict[str, object] = {}
    if ish is not None:
        counts = {"ish": IshProbe.DUAL, "her2": ish[0], "cep17": ish[1], "cells": 20}
    return Her2TestInput(
        site=site,
        procedure=procedure,
        ihc=ihc,
        stained_pct=stained_pct,
        cluster_cells=cluster_cells,
        **counts,  # type: ignore[arg-type]
    )


def biopsy(ihc: IhcScore, **kw: object) -> Her2TestInput:
    """A biopsy with the IHC pattern of its A2 row: no stained cell for 0, a cluster of 5 cells otherwise."""
    return ge_test(ihc, cluster_cells=0 if ihc is IhcScore.ZERO else 5, **kw)  # type: ignore[arg-type]


def resection(ihc: IhcScore, **kw: object) -> Her2TestInput:
    """A resection with its A2 pattern: 5% for 0 (< 10%), 10% (>= 10%) for 1+/2+/3+."""
    pct = D(5) if ihc is IhcScore.ZERO else D(10)
    return ge_test(ihc, procedure=Procedure.SURGICAL_RESECTION, stained_pct=pct, **kw)  # type: ignore[arg-type]


A2_ROWS = {
    # Specimen-specific IHC rows.
    "biopsy 0": (biopsy(IhcScore.ZERO), Status.NEGATIVE, NextStep.NONE),
    "biopsy 1+ (cluster of 5)": (biopsy(IhcScore.ONE_PLUS), Status.NEGATIVE, NextStep.NONE),
    "biopsy 2+ (cluster of 5)": (biopsy(IhcScore.TWO_PLUS), Status.EQUIVOCAL, NextStep.REFLEX_ISH),
    "biopsy 3+ (cluster of 5)": (biopsy(IhcScore.THREE_PLUS), Status.POSITIVE, NextStep.NONE),
    "resection 0 (5%)": (resection(IhcScore.ZERO), Status.NEGATIVE, NextStep.NONE),
    "resection 1+ (10%)": (resection(IhcScore.ONE_PLUS), Status.NEGATIVE, NextStep.NONE),
    "resection 2+ (10%)": (resection(IhcScore.TWO_PLUS), Status.EQUIVOCAL, NextStep.REFLEX_ISH),
    "resection 3+ (10%)": (resection(IhcScore.THREE_PLUS), Status.POSITIVE, NextStep.NONE),
    # "Either" rows: ISH after IHC 2+, and ISH done first on IHC 0/1+.
    **{
        f"{kind} 2+ ratio >= 2.0": (make(IhcScore.TWO_PLUS, ish=AMPLIFIED), Status.POSITIVE, NextStep.NONE)
        for kind, make in (("biopsy", biopsy), ("resection", resection))
    },
    **{
        f"{kind} 2+ ratio >= 2.0 with HER2 < 4.0": (
            make(IhcScore.TWO_PLUS, ish=AMPLIFIED_LOW_COPY),
            Status.POSITIVE,
            NextStep.NONE,
        )
        for kind, make in (("biopsy", biopsy), ("resection", resection))
    },
    **{
        f"{kind} 2+ ratio < 2.0": (make(IhcScore.TWO_PLUS, ish=NOT_AMPLIFIED), Status.NEGATIVE, NextStep.NONE)
        for kind, make in (("biopsy", biopsy), ("resection", resection))
    },
    **{
        f"{kind} 2+ ratio < 2.0 with HER2 in [4, 6)": (
            make(IhcScore.TWO_PLUS, ish=NOT_AMPLIFIED_MID_COPY),
            Status.NEGATIVE,
            NextStep.NONE,
        )
        for kind, make in (("biopsy", biopsy), ("resection", resection))
    },
    **{
        f"{kind} 2+ ratio < 2.0 with HER2 >= 6.0": (
            make(IhcScore.TWO_PLUS, ish=NOT_AMPLIFIED_HIGH_COPY),
            Status.ADJUDICATION,
            NextStep.ADJUDICATE,
        )
        for kind, make in (("biopsy", biopsy), ("resection", resection))
    },
    **{
        f"{kind} {ihc} with amplified ISH (discordant)": (
            make(ihc, ish=AMPLIFIED),
            Status.ADJUDICATION,
            NextStep.ADJUDICATE,
        )
        for kind, make in (("biopsy", biopsy), ("resection", resection))
        for ihc in (IhcScore.ZERO, IhcScore.ONE_PLUS)
    },
    **{
        f"{kind} {ihc} with ISH not amplified": (make(ihc, ish=NOT_AMPLIFIED), Status.NEGATIVE, NextStep.NONE)
        for kind, make in (("biopsy", biopsy), ("resection", resection))
        for ihc in (IhcScore.ZERO, IhcScore.ONE_PLUS)
    },
    # IHC 3+ is positive whatever the ISH shows (§3.2 "Final positive = IHC 3+, or ...").
    **{
        f"biopsy 3+ with ISH {name}": (
            biopsy(IhcScore.THREE_PLUS, ish=counts),
            Status.POSITIVE,
            NextStep.NONE,
        )
        for name, counts in (("amplified", AMPLIFIED), ("not amplified", NOT_AMPLIFIED))
    },
    "indeterminate IHC, no ISH": (
        ge_test(IhcScore.INDETERMINATE),
        Status.INDETERMINATE,
        NextStep.NEW_SPECIMEN,
    ),
}


def _check_no_breast_machinery(result: Interpretation) -> None:
    """Rules (c) 13: no ISH groups, no HER2-low/-ultralow/-null, no breast 2023 comment for these sites."""
    assert result.ish_group is None
    assert result.recount_group is None
    assert result.descriptor is None
    assert result.as_dict()["ish_group"] is None
    assert result.as_dict()["descriptor"] is None
    assert DEFAULT_SETTINGS.comments.her2_low_2023 not in result.comments
    assert not any("group" in line.lower() for line in result.trail), result.trail


@pytest.mark.parametrize("site", GASTROESOPHAGEAL)
@pytest.mark.parametrize(("test", "status", "next_step"), list(A2_ROWS.values()), ids=list(A2_ROWS))
def test_table_a2_row(test: Her2TestInput, status: Status, next_step: NextStep, site: Site) -> None:
    result = interpret(test.with_changes(site=site))
    assert result.errors == ()
    assert result.status is status
    assert result.next_step is next_step
    assert "CAP/ASCP/ASCO 2016" in result.guideline
    _check_no_breast_machinery(result)
    assert not [w for w in result.warnings if "site-specific" in w.lower()]
    if test.ish is not None:
        her2, cep17 = test.her2, test.cep17
        assert her2 is not None
        assert cep17 is not None
        assert result.ratio == (her2 / cep17).quantize(D("0.01"))  # all values above divide exactly


@pytest.mark.parametrize("site", OTHER_SITES)
@pytest.mark.parametrize(("test", "status", "next_step"), list(A2_ROWS.values()), ids=list(A2_ROWS))
def test_other_sites_are_scored_like_gastroesophageal_with_a_warning(
    test: Her2TestInput, status: Status, next_step: NextStep, site: Site
) -> None:
    result = interpret(test.with_changes(site=site, scoring_criteria=ScoringCriteria.GASTROESOPHAGEAL))
    assert result.errors == ()
    assert result.status is status
    assert result.next_step is next_step
    _check_no_breast_machinery(result)
    warnings = [w for w in result.warnings if "no site-specific" in w.lower()]
    assert warnings, result.warnings
    assert "no site-specific" in result.guideline.lower()


def test_ratio_decides_irrespective_of_copy_number() -> None:
    """§3.2: the same HER2 copy number is positive or negative only by the ratio."""
    high_ratio = interpret(biopsy(IhcScore.TWO_PLUS, ish=(D("3.00"), D("1.00"))))  # ratio 3.00, HER2 3
    low_ratio = interpret(biopsy(IhcScore.TWO_PLUS, ish=(D("3.00"), D("2.00"))))  # ratio 1.50, HER2 3
    assert high_ratio.status is Status.POSITIVE
    assert low_ratio.status is Status.NEGATIVE


@pytest.mark.parametrize("ihc", [IhcScore.ZERO, IhcScore.ONE_PLUS])
def test_ihc_0_or_1_plus_with_amplified_ish_warns_of_discordance(ihc: IhcScore) -> None:
    result = interpret(biopsy(ihc, ish=AMPLIFIED))
    assert result.status is Status.ADJUDICATION
    assert any("discordan" in w.lower() for w in result.warnings), result.warnings


@pytest.mark.parametrize("ihc", [None, IhcScore.INDETERMINATE])
@pytest.mark.parametrize(
    ("counts", "status"),
    [
        (AMPLIFIED, Status.POSITIVE),
        (NOT_AMPLIFIED, Status.NEGATIVE),
        (NOT_AMPLIFIED_HIGH_COPY, Status.ADJUDICATION),
    ],
)
def test_ish_without_ihc_is_called_on_the_ratio(
    ihc: IhcScore | None, counts: tuple[Decimal, Decimal], status: Status
) -> None:
    """ISH alone (IHC not done or failed) follows the same ISH rules as after IHC 2+."""
    result = interpret(ge_test(ihc, ish=counts))
    assert result.errors == ()
    assert result.status is status
    _check_no_breast_machinery(result)


@pytest.mark.parametrize("procedure", BIOPSIES)
def test_every_procedure_but_resection_uses_biopsy_criteria(procedure: Procedure) -> None:
    """Issue 2: surgical-resection uses resection criteria, every other procedure biopsy criteria."""
    # A cluster of 5 cells with no percentage is a valid biopsy 1+ ...
    scored = interpret(ge_test(IhcScore.ONE_PLUS, procedure=procedure, cluster_cells=5))
    assert scored.errors == ()
    assert scored.scoring_system is ScoringSystem.GASTROESOPHAGEAL_BIOPSY
    # ... and the cluster size, not the percentage, is what is checked against the score.
    too_small = interpret(ge_test(IhcScore.ONE_PLUS, procedure=procedure, cluster_cells=4))
    assert [e.field for e in too_small.errors] == ["cluster_cells"]
    low_pct = interpret(ge_test(IhcScore.ONE_PLUS, procedure=procedure, stained_pct=D(1)))
    assert low_pct.errors == ()
    assert low_pct.status is Status.NEGATIVE


def test_resection_uses_resection_criteria() -> None:
    result = interpret(resection(IhcScore.ONE_PLUS))
    assert result.scoring_system is ScoringSystem.GASTROESOPHAGEAL_RESECTION
    small = interpret(ge_test(IhcScore.ONE_PLUS, procedure=Procedure.SURGICAL_RESECTION, stained_pct=D(5)))
    assert [e.field for e in small.errors] == ["stained_pct"]
    # The cluster size is a biopsy criterion: a small cluster does not invalidate a resection score.
    cluster = interpret(ge_test(IhcScore.ONE_PLUS, procedure=Procedure.SURGICAL_RESECTION, cluster_cells=2))
    assert cluster.errors == ()


def test_breast_percentage_rule_is_not_applied_to_gastric_resections() -> None:
    """Rules (c) 14: a gastric resection 3+ at exactly 10% is valid (>= 10%); for breast it is not (> 10%)."""
    gastric = interpret(resection(IhcScore.THREE_PLUS))
    assert gastric.errors == ()
    assert gastric.status is Status.POSITIVE
    breast = interpret(
        Her2TestInput(
            site=Site.BREAST,
            procedure=Procedure.SURGICAL_RESECTION,
            ihc=IhcScore.THREE_PLUS,
            stained_pct=D(10),
        )
    )
    assert [e.field for e in breast.errors] == ["stained_pct"]


# --- configurable [K] rules ------------------------------------------------------------------------

STRICT_RESECTION = replace(DEFAULT_SETTINGS, gastroesophageal_resection_pct_inclusive=False)


@pytest.mark.parametrize("ihc", [IhcScore.ONE_PLUS, IhcScore.TWO_PLUS, IhcScore.THREE_PLUS])
def test_resection_threshold_at_exactly_10_percent_follows_the_setting(ihc: IhcScore) -> None:
    """§3.1: >= 10% by default, > 10% when the lab configures the stricter reading."""
    at_10 = ge_test(ihc, procedure=Procedure.SURGICAL_RESECTION, stained_pct=D(10))
    assert interpret(at_10).errors == ()
    strict = interpret(at_10, STRICT_RESECTION)
    assert [e.field for e in strict.errors] == ["stained_pct"]
    assert strict.status is None
    # Just above 10% is valid either way.
    above = at_10.with_changes(stained_pct=D("10.1"))
    assert interpret(above, STRICT_RESECTION).errors == ()


def test_resection_ihc_0_at_exactly_10_percent_follows_the_setting() -> None:
    at_10 = ge_test(IhcScore.ZERO, procedure=Procedure.SURGICAL_RESECTION, stained_pct=D(10))
    assert [e.field for e in interpret(at_10).errors] == ["stained_pct"]  # >= 10% is at least 1+
    strict = interpret(at_10, STRICT_RESECTION)
    assert strict.errors == ()
    assert strict.status is Status.NEGATIVE


def test_high_copy_adjudication_can_be_switched_off() -> None:
    """§3.2 [K]: with the flag off, ratio < 2.0 is simply negative (ToGA), whatever the copy number."""
    test = biopsy(IhcScore.TWO_PLUS, ish=NOT_AMPLIFIED_HIGH_COPY)
    assert interpret(test).status is Status.ADJUDICATION
    off = replace(DEFAULT_SETTINGS, gastroesophageal_high_copy_adjudication=False)
    result = interpret(test, off)
    assert result.status is Status.NEGATIVE
    assert result.next_step is NextStep.NONE


def test_high_copy_flag_never_overrides_an_amplified_ratio() -> None:
    result = interpret(biopsy(IhcScore.TWO_PLUS, ish=(D("12.00"), D("3.00"))))  # ratio 4.00, HER2 12
    assert result.status is Status.POSITIVE


def test_cluster_size_setting_is_used() -> None:
    six = replace(DEFAULT_SETTINGS, gastroesophageal_biopsy_cluster_cells=6)
    test = ge_test(IhcScore.ONE_PLUS, cluster_cells=5)
    assert interpret(test).errors == ()
    assert [e.field for e in interpret(test, six).errors] == ["cluster_cells"]


def test_no_site_guideline_comment_is_configurable() -> None:
    custom = replace(
        DEFAULT_SETTINGS, comments=replace(DEFAULT_SETTINGS.comments, no_site_guideline="<no guideline>")
    )
    other = interpret(
        biopsy(IhcScore.THREE_PLUS, site=Site.PANCREAS).with_changes(
            scoring_criteria=ScoringCriteria.GASTROESOPHAGEAL
        ),
        custom,
    )
    stomach = interpret(biopsy(IhcScore.THREE_PLUS, site=Site.STOMACH), custom)
    assert "<no guideline>" in other.comments
    assert "<no guideline>" not in stomach.comments
