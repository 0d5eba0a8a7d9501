"""Both sides of every threshold (her2-reporting-rules.md §1.2, §1.3, §1.4, §1.5, §3.1, §3.2 and (c)).

* Breast IHC: 1+, 2+ and 3+ need strictly > 10%; 0 is <= 10% (10.0 vs 10.1).
* Gastroesophageal resection: >= 10% (9.9 vs 10.0); biopsy: a cluster of >= 5 cells (4 vs 5).
* Ratio >= 2.0, copy number >= 4.0 and >= 6.0, inclusive on the >= side, decided on values rounded
  half-up to 2 decimals (the report never prints 2.00 beside a "< 2.0" call).
* At least 20 cells per count; CEP17 must be > 0.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

import pytest

from her2desk.domain import Her2TestInput, Interpretation, interpret
from her2desk.domain.vocabulary import Descriptor, IhcScore, IshProbe, NextStep, Procedure, Site, Status

D = Decimal


def breast(ihc: IhcScore | None = None, **kw: object) -> Her2TestInput:
    return Her2TestInput(site=Site.BREAST, procedure=Procedure.CORE_NEEDLE_BIOPSY, ihc=ihc, **kw)  # type: ignore[arg-type]


def dual(her2: str, cep17: str, cells: int = 20) -> dict[str, object]:
    return {"ish": IshProbe.DUAL, "her2": D(her2), "cep17": D(cep17), "cells": cells}


def fields_of(result: Interpretation) -> list[str]:
    return [e.field for e in result.errors]


# --- breast IHC: strictly greater than 10% -------------------------------------------------------


@pytest.mark.parametrize(
    ("ihc", "pct", "valid"),
    [
        (IhcScore.ZERO, "10.0", True),  # exactly 10% faint incomplete staining is 0 (ultralow)
        (IhcScore.ZERO, "10.1", False),  # more than 10% is 1+
        (IhcScore.ONE_PLUS, "10.0", False),  # 1+ needs > 10%
        (IhcScore.ONE_PLUS, "10.1", True),
        (IhcScore.TWO_PLUS, "10.0", True),  # allowed, with a warning (unusual pattern, Fig 1 note)
        (IhcScore.TWO_PLUS, "10.1", True),
        (IhcScore.THREE_PLUS, "10.0", False),  # 10% intense complete staining is not 3+
        (IhcScore.THREE_PLUS, "10.1", True),
    ],
)
def test_breast_10_percent_threshold(ihc: IhcScore, pct: str, valid: bool) -> None:
    result = interpret(breast(ihc, stained_pct=D(pct)))
    if valid:
        assert result.errors == ()
        assert result.status is not None
    else:
        assert fields_of(result) == ["stained_pct"]
        assert result.status is None


def test_breast_2_plus_at_10_percent_warns_and_above_does_not() -> None:
    at_10 = interpret(breast(IhcScore.TWO_PLUS, stained_pct=D("10.0")))
    above = interpret(breast(IhcScore.TWO_PLUS, stained_pct=D("10.1")))
    assert at_10.status is above.status is Status.EQUIVOCAL
    assert [w for w in at_10.warnings if "stained_pct" in w]
    assert not [w for w in above.warnings if "stained_pct" in w]


def test_breast_ihc_0_descriptor_on_both_sides_of_zero() -> None:
    assert interpret(breast(IhcScore.ZERO, stained_pct=D(0))).descriptor is Descriptor.NULL
    assert interpret(breast(IhcScore.ZERO, stained_pct=D("0.1"))).descriptor is Descriptor.ULTRALOW
    assert interpret(breast(IhcScore.ZERO, stained_pct=D("10.0"))).descriptor is Descriptor.ULTRALOW


# --- gastroesophageal resection >= 10% and biopsy cluster >= 5 -------------------------------------


@pytest.mark.parametrize(
    ("ihc", "pct", "valid"),
    [
        (IhcScore.ZERO, "9.9", True),
        (IhcScore.ZERO, "10.0", False),
        *[(ihc, "9.9", False) for ihc in (IhcScore.ONE_PLUS, IhcScore.TWO_PLUS, IhcScore.THREE_PLUS)],
        *[(ihc, "10.0", True) for ihc in (IhcScore.ONE_PLUS, IhcScore.TWO_PLUS, IhcScore.THREE_PLUS)],
    ],
)
def test_gastroesophageal_resection_10_percent_threshold(ihc: IhcScore, pct: str, valid: bool) -> None:
    test = Her2TestInput(
        site=Site.STOMACH, procedure=Procedure.SURGICAL_RESECTION, ihc=ihc, stained_pct=D(pct)
    )
    result = interpret(test)
    assert (result.errors == ()) is valid
    if not valid:
        assert fields_of(result) == ["stained_pct"]


@pytest.mark.parametrize(
    ("ihc", "cluster", "valid"),
    [
        (IhcScore.ZERO, 4, True),
        (IhcScore.ZERO, 5, False),  # a stained cluster of >= 5 cells scores at least 1+
        *[(ihc, 4, False) for ihc in (IhcScore.ONE_PLUS, IhcScore.TWO_PLUS, IhcScore.THREE_PLUS)],
        *[(ihc, 5, True) for ihc in (IhcScore.ONE_PLUS, IhcScore.TWO_PLUS, IhcScore.THREE_PLUS)],
    ],
)
def test_gastroesophageal_biopsy_cluster_of_5_cells(ihc: IhcScore, cluster: int, valid: bool) -> None:
    test = Her2TestInput(
        site=Site.ESOPHAGUS, procedure=Procedure.ENDOSCOPIC_BIOPSY, ihc=ihc, cluster_cells=cluster
    )
    result = interpret(test)
    assert (result.errors == ()) is valid
    if not valid:
        assert fields_of(result) == ["cluster_cells"]


# --- ratio 2.0, rounded half-up to 2 decimals ------------------------------------------------------


@pytest.mark.parametrize(
    ("her2", "cep17", "ratio", "group"),
    [
        # The worked example of rules (c) "Rounding": 3.95/1.98 = 1.99495 -> 1.99 -> group 5 ...
        ("3.95", "1.98", "1.99", 5),
        # ... and 3.96/1.98 = 2.00 exactly -> group 2.
        ("3.96", "1.98", "2.00", 2),
        # Half-up at the threshold: 3.99/2.00 = 1.995 -> 2.00 (>= 2.0); as a float 1.995 rounds to 1.99.
        ("3.99", "2.00", "2.00", 2),
        ("3.98", "2.00", "1.99", 5),
        ("7.98", "4.00", "2.00", 1),  # 1.995 -> 2.00 with HER2 >= 4.0
        ("7.97", "4.00", "1.99", 3),  # 1.9925 -> 1.99 with HER2 >= 6.0
        ("4.975", "2.50", "1.99", 4),  # 1.99 with HER2 4.975 -> 4.98 in [4, 6)
        ("4.9875", "2.50", "2.00", 1),  # 1.995 -> 2.00
        # Half-up, not half-even, away from the threshold: 2.125 -> 2.13 and 1.985 -> 1.99.
        ("4.25", "2.00", "2.13", 1),
        ("3.97", "2.00", "1.99", 5),
    ],
)
def test_breast_ratio_threshold_on_the_rounded_ratio(her2: str, cep17: str, ratio: str, group: int) -> None:
    result = interpret(breast(IhcScore.ONE_PLUS, **dual(her2, cep17)))
    assert result.ratio == D(ratio)
    assert result.ish_group == group
    assert result.as_dict()["ratio"] == float(ratio)
    # The trail never prints 2.00 beside "< 2.0" (nor 1.99 beside ">= 2.0").
    line = next(t for t in result.trail if f"Group {group}" in t)
    assert f"ratio {ratio}" in line
    assert ("< 2.0" in line) is (D(ratio) < 2)


@pytest.mark.parametrize(
    ("her2", "cep17", "status"),
    [
        ("3.95", "1.98", Status.NEGATIVE),  # ratio 1.99
        ("3.96", "1.98", Status.POSITIVE),  # ratio 2.00
        ("3.99", "2.00", Status.POSITIVE),  # 1.995 -> 2.00
        ("3.98", "2.00", Status.NEGATIVE),  # 1.99
    ],
)
def test_gastroesophageal_ratio_threshold(her2: str, cep17: str, status: Status) -> None:
    test = Her2TestInput(
        site=Site.GASTROESOPHAGEAL_JUNCTION,
        procedure=Procedure.SURGICAL_RESECTION,
        ihc=IhcScore.TWO_PLUS,
        **dual(her2, cep17),  # type: ignore[arg-type]
    )
    assert interpret(test).status is status


# --- copy number 4.0 and 6.0 ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("her2", "cep17", "group"),
    [
        # ratio >= 2.0: copy number 4.0 splits group 2 from group 1.
        ("3.99", "1.50", 2),
        ("4.00", "1.50", 1),
        ("3.994", "1.50", 2),  # 3.994 -> 3.99
        ("3.995", "1.50", 1),  # 3.995 -> 4.00
        # ratio < 2.0: 4.0 splits group 5 from group 4, 6.0 splits group 4 from group 3.
        ("3.99", "3.00", 5),
        ("4.00", "3.00", 4),
        ("3.9949", "3.00", 5),
        ("3.995", "3.00", 4),
        ("5.99", "4.00", 4),
        ("6.00", "4.00", 3),
        ("5.994", "4.00", 4),
        ("5.995", "4.00", 3),
    ],
)
def test_breast_copy_number_thresholds(her2: str, cep17: str, group: int) -> None:
    result = interpret(breast(IhcScore.ONE_PLUS, **dual(her2, cep17)))
    assert result.errors == ()
    assert result.ish_group == group
    assert result.her2_average == D(her2).quantize(D("0.01"), rounding=ROUND_HALF_UP)


@pytest.mark.parametrize(
    ("her2", "ihc", "status", "next_step"),
    [
        ("3.99", IhcScore.TWO_PLUS, Status.NEGATIVE, NextStep.NONE),
        ("3.994", IhcScore.TWO_PLUS, Status.NEGATIVE, NextStep.NONE),
        ("3.995", IhcScore.TWO_PLUS, Status.PENDING, NextStep.DUAL_PROBE_ISH),  # 4.00
        ("4.00", IhcScore.TWO_PLUS, Status.PENDING, NextStep.DUAL_PROBE_ISH),
        ("5.99", IhcScore.TWO_PLUS, Status.PENDING, NextStep.DUAL_PROBE_ISH),
        ("5.994", IhcScore.TWO_PLUS, Status.PENDING, NextStep.DUAL_PROBE_ISH),
        ("5.995", IhcScore.TWO_PLUS, Status.POSITIVE, NextStep.NONE),  # 6.00
        ("6.00", IhcScore.TWO_PLUS, Status.POSITIVE, NextStep.NONE),
        ("3.99", IhcScore.ONE_PLUS, Status.NEGATIVE, NextStep.NONE),
        ("4.00", IhcScore.ONE_PLUS, Status.NEGATIVE, NextStep.NONE),
        ("5.99", IhcScore.ONE_PLUS, Status.NEGATIVE, NextStep.NONE),
        ("6.00", IhcScore.ONE_PLUS, Status.POSITIVE, NextStep.NONE),
    ],
)
def test_single_probe_thresholds(her2: str, ihc: IhcScore, status: Status, next_step: NextStep) -> None:
    result = interpret(breast(ihc, ish=IshProbe.SINGLE, her2=D(her2), cells=20))
    assert result.errors == ()
    assert (result.status, result.next_step) == (status, next_step)
    assert result.ratio is None


@pytest.mark.parametrize(
    ("her2", "status"),
    [
        ("5.99", Status.NEGATIVE),
        ("5.994", Status.NEGATIVE),
        ("5.995", Status.ADJUDICATION),  # 6.00
        ("6.00", Status.ADJUDICATION),
    ],
)
def test_gastroesophageal_high_copy_threshold(her2: str, status: Status) -> None:
    test = Her2TestInput(
        site=Site.STOMACH,
        procedure=Procedure.ENDOSCOPIC_BIOPSY,
        ihc=IhcScore.TWO_PLUS,
        **dual(her2, "4.00"),  # type: ignore[arg-type]  # ratio 1.50
    )
    assert interpret(test).status is status


# --- near-threshold banner (rules (c) "Rounding": ratio 1.80-2.20, copy number within 0.2 of 4/6) ---


def _near(result: Interpretation) -> bool:
    return any("near" in w.lower() and "threshold" in w.lower() for w in result.warnings)


@pytest.mark.parametrize(
    ("her2", "cep17", "near"),
    [
        ("2.69", "1.50", False),  # ratio 1.79 (HER2 2.69 is far from 4.0)
        ("2.70", "1.50", True),  # ratio 1.80
        ("3.30", "1.50", True),  # ratio 2.20
        ("3.32", "1.50", False),  # ratio 2.21
        ("3.79", "3.00", False),  # ratio 1.26, HER2 3.79
        ("3.80", "3.00", True),  # HER2 3.80 = 4.0 - 0.2
        ("4.20", "3.00", True),  # HER2 4.20 = 4.0 + 0.2
        ("4.21", "3.00", False),
        ("5.79", "3.90", False),  # ratio 1.48, HER2 5.79
        ("5.80", "3.90", True),
        ("6.20", "3.90", True),
        ("6.21", "3.90", False),
    ],
)
def test_near_threshold_banner(her2: str, cep17: str, near: bool) -> None:
    result = interpret(breast(IhcScore.ONE_PLUS, **dual(her2, cep17)))
    assert result.errors == ()
    assert _near(result) is near, result.warnings


# --- cells counted and CEP17 ---------------------------------------------------------------------


@pytest.mark.parametrize(("cells", "valid"), [(19, False), (20, True)])
def test_first_count_needs_20_cells(cells: int, valid: bool) -> None:
    result = interpret(breast(IhcScore.TWO_PLUS, **dual("10.00", "2.00", cells=cells)))
    assert (result.errors == ()) is valid
    if not valid:
        assert fields_of(result) == ["cells"]
        assert "20" in result.errors[0].message


@pytest.mark.parametrize(("cells", "valid"), [(19, False), (20, True)])
def test_recount_needs_20_cells(cells: int, valid: bool) -> None:
    test = breast(
        IhcScore.TWO_PLUS,
        **dual("5.00", "3.00"),
        recount_her2=D("5.10"),
        recount_cep17=D("3.00"),
        recount_cells=cells,
    )
    result = interpret(test)
    assert (result.errors == ()) is valid
    if valid:
        assert result.status is Status.NEGATIVE  # group 4 confirmed with IHC 2+
    else:
        assert fields_of(result) == ["recount_cells"]
        assert "20" in result.errors[0].message


@pytest.mark.parametrize("site", [Site.BREAST, Site.STOMACH])
def test_cep17_zero_is_an_error(site: Site) -> None:
    test = Her2TestInput(
        site=site, procedure=Procedure.SURGICAL_RESECTION, ihc=IhcScore.TWO_PLUS
    ).with_changes(**dual("4.00", "0"))
    result = interpret(test)
    assert fields_of(result) == ["cep17"]
    assert result.status is None
    assert result.ratio is None


def test_recount_cep17_zero_is_an_error() -> None:
    test = breast(
        IhcScore.TWO_PLUS, **dual("5.00", "3.00"), recount_her2=D("5"), recount_cep17=D(0), recount_cells=20
    )
    assert fields_of(interpret(test)) == ["recount_cep17"]


@pytest.mark.parametrize(("cep17", "valid"), [("0.01", True), ("0", False), ("0.00", False)])
def test_smallest_cep17(cep17: str, valid: bool) -> None:
    result = interpret(breast(IhcScore.ONE_PLUS, **dual("1.00", cep17)))
    assert (result.errors == ()) is valid
