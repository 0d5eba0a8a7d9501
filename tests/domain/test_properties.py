"""Property tests (hypothesis) for the guideline engine, the validation and the text parser.

The oracle functions below restate tables A1/A2 and the (c) rounding rule from her2-reporting-rules.md
in the shortest form the spec allows; they are written from the spec, not from the engine, and the
engine must agree with them on every generated input. A site without a guideline of its own is
scored by the criteria chosen for it (breast or gastroesophageal), so the oracles follow the criteria,
not the site; HER2-low/-ultralow/-null are given outside the breast only when the lab enables them.
"""

from __future__ import annotations

import json
from dataclasses import replace
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, Decimal
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from her2desk.domain import DEFAULT_SETTINGS, GuidelineSettings, Her2TestInput, Interpretation, interpret
from her2desk.domain.inputs import INPUT_FIELDS
from her2desk.domain.parsing import parse_test_input
from her2desk.domain.vocabulary import (
    Descriptor,
    IhcScore,
    IshProbe,
    NextStep,
    Procedure,
    ScoringCriteria,
    Site,
    Status,
)

D = Decimal
FAST = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])

CONTRACT_KEYS = {
    "status",
    "ish_group",
    "ratio",
    "descriptor",
    "next_step",
    "comments",
    "warnings",
    "trail",
    "errors",
    "guideline",
    "rules_version",  # added with the lab rule settings; every earlier key unchanged
}


def half_up(value: Decimal) -> Decimal:
    return value.quantize(D("0.01"), rounding=ROUND_HALF_UP)


# --- oracles written from the spec ----------------------------------------------------------------


def spec_group(her2: Decimal, cep17: Decimal) -> int:
    """§1.3 groups, on the ratio and copy number rounded half-up to 2 decimals ((c) "Rounding")."""
    ratio, copies = half_up(her2 / cep17), half_up(her2)
    if ratio >= 2:
        return 1 if copies >= 4 else 2
    if copies >= 6:
        return 3
    return 4 if copies >= 4 else 5


def spec_breast_status(t: Her2TestInput) -> Status:
    """Table A1."""
    ihc = t.ihc
    if t.ish is None:
        return {
            IhcScore.THREE_PLUS: Status.POSITIVE,
            IhcScore.TWO_PLUS: Status.EQUIVOCAL,
            IhcScore.ONE_PLUS: Status.NEGATIVE,
            IhcScore.ZERO: Status.NEGATIVE,
            IhcScore.INDETERMINATE: Status.INDETERMINATE,
        }[ihc]  # type: ignore[index]
    assert t.her2 is not None
    if t.ish is IshProbe.SINGLE:
        copies = half_up(t.her2)
        if copies >= 6 or ihc is IhcScore.THREE_PLUS:
            return Status.POSITIVE
        if copies < 4 or ihc in (IhcScore.ZERO, IhcScore.ONE_PLUS):
            return Status.NEGATIVE
        return Status.PENDING  # 2+ -> dual-probe ISH; no/failed IHC -> IHC and/or dual-probe ISH
    assert t.cep17 is not None
    group = spec_group(t.her2, t.cep17)
    if group == 1 or ihc is IhcScore.THREE_PLUS:
        return Status.POSITIVE
    if group == 5 or ihc in (IhcScore.ZERO, IhcScore.ONE_PLUS):
        return Status.NEGATIVE
    if ihc is not IhcScore.TWO_PLUS or t.recount_her2 is None:
        return Status.PENDING  # groups 2-4 waiting for concurrent IHC or for the blinded recount
    assert t.recount_cep17 is not None
    if spec_group(t.recount_her2, t.recount_cep17) != group:
        return Status.ADJUDICATION
    return Status.POSITIVE if group == 3 else Status.NEGATIVE


def spec_breast_descriptor(t: Her2TestInput, status: Status, s: GuidelineSettings) -> Descriptor | None:
    """§2.2/§2.3: descriptors of a negative result only, by the IHC score (and, for 0, the staining);
    (c) item 13: on another site scored with the breast criteria, only where the lab enables them."""
    if status is not Status.NEGATIVE:
        return None
    if t.site is not Site.BREAST and not s.descriptors_on_other_sites:
        return None
    if t.ihc in (IhcScore.ONE_PLUS, IhcScore.TWO_PLUS):
        return Descriptor.LOW if s.report_her2_low else None
    if t.ihc is IhcScore.ZERO and t.stained_pct is not None:
        if t.stained_pct == 0:
            return Descriptor.NULL
        return Descriptor.ULTRALOW if s.report_her2_ultralow else None
    return None


def spec_gastroesophageal_status(t: Her2TestInput, s: GuidelineSettings) -> Status:
    """Table A2 and §3.2 (gastroesophageal sites, and other sites scored with these criteria)."""
    ihc = t.ihc
    if ihc is IhcScore.THREE_PLUS:
        return Status.POSITIVE
    if t.ish is None:
        return {
            IhcScore.TWO_PLUS: Status.EQUIVOCAL,
            IhcScore.ONE_PLUS: Status.NEGATIVE,
            IhcScore.ZERO: Status.NEGATIVE,
            IhcScore.INDETERMINATE: Status.INDETERMINATE,
        }[ihc]  # type: ignore[index]
    assert t.her2 is not None
    assert t.cep17 is not None
    amplified = half_up(t.her2 / t.cep17) >= 2
    if ihc in (IhcScore.ZERO, IhcScore.ONE_PLUS):
        return Status.ADJUDICATION if amplified else Status.NEGATIVE  # discordant -> pathologist
    if amplified:
        return Status.POSITIVE
    if s.gastroesophageal_high_copy_adjudication and half_up(t.her2) >= 6:
        return Status.ADJUDICATION
    return Status.NEGATIVE


NEXT_STEPS = {
    # Issue 2: equivocal is IHC 2+ waiting for ISH; pending is any other case waiting for more work.
    Status.POSITIVE: {NextStep.NONE},
    Status.NEGATIVE: {NextStep.NONE},
    Status.EQUIVOCAL: {NextStep.REFLEX_ISH},
    Status.PENDING: {NextStep.RECOUNT, NextStep.CONCURRENT_IHC, NextStep.DUAL_PROBE_ISH},
    Status.ADJUDICATION: {NextStep.ADJUDICATE},
    Status.INDETERMINATE: {NextStep.NEW_SPECIMEN},
}


# --- strategies -------------------------------------------------------------------------------------


def pct(lo: str, hi: str) -> st.SearchStrategy[Decimal]:
    """Percentages as a person types them: whole numbers or one decimal."""
    whole = st.integers(
        int(D(lo).to_integral_value(rounding=ROUND_CEILING)),
        int(D(hi).to_integral_value(rounding=ROUND_FLOOR)),
    )
    return st.decimals(min_value=D(lo), max_value=D(hi), places=1) | whole.map(Decimal)


SIGNALS = st.decimals(min_value=D("0.01"), max_value=D("40"), places=2) | st.decimals(
    min_value=D("0.001"), max_value=D("12"), places=3
)
CEP17 = st.decimals(min_value=D("0.5"), max_value=D("8"), places=2)
CELLS = st.integers(20, 2000)
ANY_PCT = pct("0", "100")
ANY_CLUSTER = st.integers(0, 10_000)


def pct_for(breast: bool, procedure: Procedure, ihc: IhcScore | None) -> st.SearchStrategy[Decimal]:
    """A stained percentage consistent with the score (issue 2 and rules (c) 1-3) by the criteria."""
    if breast:
        if ihc is IhcScore.ZERO:
            return pct("0", "10")
        if ihc in (IhcScore.ONE_PLUS, IhcScore.THREE_PLUS):
            return pct("10.1", "100")
        if ihc is IhcScore.TWO_PLUS:
            return pct("0.1", "100")  # 2+ needs stained cells
        return ANY_PCT
    if procedure.is_resection and ihc is not None and ihc is not IhcScore.INDETERMINATE:
        return pct("0", "9.9") if ihc is IhcScore.ZERO else pct("10", "100")
    return ANY_PCT


def cluster_for(breast: bool, procedure: Procedure, ihc: IhcScore | None) -> st.SearchStrategy[int]:
    if breast or procedure.is_resection or ihc in (None, IhcScore.INDETERMINATE):
        return ANY_CLUSTER
    return st.integers(0, 4) if ihc is IhcScore.ZERO else st.integers(5, 10_000)


@st.composite
def valid_inputs(draw: st.DrawFn) -> Her2TestInput:
    site = draw(st.sampled_from(list(Site)))
    criteria = None if site.has_site_specific_guideline else draw(st.sampled_from(list(ScoringCriteria)))
    breast = site.is_breast or criteria is ScoringCriteria.BREAST
    procedure = draw(st.sampled_from(list(Procedure)))
    ihc = draw(st.none() | st.sampled_from(list(IhcScore)))
    probes: list[IshProbe | None] = [IshProbe.DUAL, IshProbe.SINGLE] if breast else [IshProbe.DUAL]
    if ihc is not None:
        probes.append(None)
    ish = draw(st.sampled_from(probes))
    values: dict[str, Any] = {
        "site": site,
        "scoring_criteria": criteria,
        "procedure": procedure,
        "ihc": ihc,
        "ish": ish,
        "stained_pct": draw(st.none() | pct_for(breast, procedure, ihc)),
        "cluster_cells": draw(st.none() | cluster_for(breast, procedure, ihc)),
    }
    if ish is not None:
        values.update(her2=draw(SIGNALS), cells=draw(CELLS))
        if ish is IshProbe.DUAL:
            values["cep17"] = draw(CEP17)
        if draw(st.booleans()):
            values.update(recount_her2=draw(SIGNALS), recount_cells=draw(CELLS))
            if ish is IshProbe.DUAL:
                values["recount_cep17"] = draw(CEP17)
    return Her2TestInput(**values)


SETTINGS = st.builds(
    lambda high_copy, low, ultralow, discordance, other_sites: replace(
        DEFAULT_SETTINGS,
        gastroesophageal_high_copy_adjudication=high_copy,
        report_her2_low=low,
        report_her2_ultralow=ultralow,
        flag_breast_ihc3_group5_discordance=discordance,
        descriptors_on_other_sites=other_sites,
    ),
    st.booleans(),
    st.booleans(),
    st.booleans(),
    st.booleans(),
    st.booleans(),
)


# --- valid input --------------------------------------------------------------------------------------


@FAST
@given(test=valid_inputs(), guideline_settings=SETTINGS)
def test_valid_input_always_gives_a_status_by_the_decision_tables(
    test: Her2TestInput, guideline_settings: GuidelineSettings
) -> None:
    result = interpret(test, guideline_settings)

    # Either errors or a status, never both and never neither; valid input has no errors.
    assert result.errors == (), result.errors
    assert result.status is not None
    assert result.next_step in NEXT_STEPS[result.status]
    assert result.guideline
    assert result.trail

    assert test.site is not None
    breast = test.criteria is ScoringCriteria.BREAST
    if breast:
        assert result.status is spec_breast_status(test)
        assert result.descriptor is spec_breast_descriptor(test, result.status, guideline_settings)
    else:
        assert result.status is spec_gastroesophageal_status(test, guideline_settings)
        assert result.descriptor is None

    # A descriptor only ever qualifies a negative result.
    if result.descriptor is not None:
        assert result.status is Status.NEGATIVE

    # ISH groups exist only for breast dual-probe ISH, and are the groups of §1.3.
    if breast and test.ish is IshProbe.DUAL:
        assert test.her2 is not None
        assert test.cep17 is not None
        assert result.ish_group == spec_group(test.her2, test.cep17)
    else:
        assert result.ish_group is None
        assert result.recount_group is None

    # The ratio is mean HER2 / mean CEP17 rounded half-up to 2 decimals; no CEP17, no ratio.
    if test.ish is IshProbe.DUAL:
        assert test.her2 is not None
        assert test.cep17 is not None
        assert result.ratio == half_up(test.her2 / test.cep17)
        assert result.ratio is not None
        assert result.ratio.as_tuple().exponent == -2
    else:
        assert result.ratio is None


@FAST
@given(test=valid_inputs())
def test_json_object_keeps_the_contract(test: Her2TestInput) -> None:
    data = json.loads(json.dumps(interpret(test).as_dict()))
    assert set(data) == CONTRACT_KEYS
    assert data["status"] in {s.value for s in Status}
    assert data["next_step"] in {n.value for n in NextStep}
    assert data["descriptor"] in {None, *(d.value for d in Descriptor)}
    assert data["ish_group"] in {None, 1, 2, 3, 4, 5}
    assert data["ratio"] is None or isinstance(data["ratio"], float)
    for key in ("comments", "warnings", "trail"):
        assert all(isinstance(item, str) and item for item in data[key])
    assert data["errors"] == []
    assert isinstance(data["guideline"], str)
    assert data["guideline"]
    assert data["rules_version"].startswith("her2desk-rules-1+")


# --- invalid input: one bad field among valid ones ------------------------------------------------------


@st.composite
def one_invalid_field(draw: st.DrawFn) -> tuple[Her2TestInput, str]:
    """A valid input with exactly one thing wrong, and the field the error must name."""
    t = draw(valid_inputs())
    assert t.site is not None
    assert t.procedure is not None
    options: list[tuple[str, dict[str, Any]]] = [
        ("site", {"site": None}),
        ("procedure", {"procedure": None}),
        ("stained_pct", {"stained_pct": draw(pct("-1000", "-0.1") | pct("100.1", "1000"))}),
        # Two decimals whose second decimal is not 0 (so it cannot be read as one decimal).
        ("stained_pct", {"stained_pct": draw(st.integers(0, 9999).filter(lambda n: n % 10).map(D)) / 100}),
        ("cluster_cells", {"cluster_cells": draw(st.integers(-10_000, -1))}),
    ]
    if t.site.has_site_specific_guideline:  # its own guideline decides: criteria are refused
        options.append(
            ("scoring_criteria", {"scoring_criteria": draw(st.sampled_from(list(ScoringCriteria)))})
        )
    else:  # no guideline of its own and no criteria chosen: nothing is assumed
        options.append(("scoring_criteria", {"scoring_criteria": None}))
    ihc = t.ihc
    breast = t.criteria is ScoringCriteria.BREAST
    if breast and ihc in (IhcScore.ONE_PLUS, IhcScore.THREE_PLUS):
        options.append(("stained_pct", {"stained_pct": draw(pct("0", "10"))}))
    if breast and ihc is IhcScore.ZERO:
        options.append(("stained_pct", {"stained_pct": draw(pct("10.1", "100"))}))
    if breast and ihc is IhcScore.TWO_PLUS:
        options.append(("stained_pct", {"stained_pct": D(0)}))
    if not breast and ihc not in (None, IhcScore.INDETERMINATE):
        if t.procedure.is_resection:
            bad = pct("10", "100") if ihc is IhcScore.ZERO else pct("0", "9.9")
            options.append(("stained_pct", {"stained_pct": draw(bad)}))
        else:
            bad_cluster = st.integers(5, 10_000) if ihc is IhcScore.ZERO else st.integers(0, 4)
            options.append(("cluster_cells", {"cluster_cells": draw(bad_cluster)}))
    if t.ish is None:
        options.append(("ish", {"her2": draw(SIGNALS), "cells": draw(CELLS)}))
        options.append(("ihc", {"ihc": None}))  # nothing left to interpret
    else:
        non_positive = st.decimals(min_value=D("-100"), max_value=D("0"), places=2)
        options += [
            ("her2", {"her2": draw(non_positive)}),
            ("her2", {"her2": None}),
            ("cells", {"cells": draw(st.integers(-100, 19))}),
            ("cells", {"cells": None}),
        ]
        if t.ish is IshProbe.DUAL:
            options += [("cep17", {"cep17": draw(non_positive)}), ("cep17", {"cep17": None})]
        else:
            options.append(("cep17", {"cep17": draw(CEP17)}))
        if not breast:
            options.append(("ish", {"ish": IshProbe.SINGLE, "cep17": None, "recount_cep17": None}))
        if t.recount_her2 is not None:
            options += [
                ("recount_her2", {"recount_her2": draw(non_positive)}),
                ("recount_her2", {"recount_her2": None}),
                ("recount_cells", {"recount_cells": draw(st.integers(-100, 19))}),
                ("recount_cells", {"recount_cells": None}),
            ]
            if t.ish is IshProbe.DUAL:
                options += [("recount_cep17", {"recount_cep17": None})]
    field, changes = draw(st.sampled_from(options))
    return t.with_changes(**changes), field


@FAST
@given(case=one_invalid_field())
def test_invalid_input_always_names_the_field(case: tuple[Her2TestInput, str]) -> None:
    test, field = case
    result = interpret(test)
    assert result.errors, "an invalid input must give errors"
    assert result.status is None
    assert result.descriptor is None
    assert field in [e.field for e in result.errors], result.errors
    for error in result.errors:
        assert error.field in INPUT_FIELDS
        assert error.message.strip()
    data = result.as_dict()
    assert data["status"] is None
    assert field in [e["field"] for e in data["errors"]]


# --- arbitrary text -------------------------------------------------------------------------------------

NUMBERISH = st.from_regex(r"\A[ +\-]{0,3}[0-9٣_]{0,8}([.,][0-9]{0,8})?([eE][+\-]?[0-9]{1,12})?[ %]?\Z")
WORDS = st.sampled_from(
    [w.value for e in (Site, Procedure, IhcScore, IshProbe, ScoringCriteria) for w in e]
    + ["", " ", "nan", "-inf", "Infinity"]
)
TEXT = st.none() | st.text(max_size=30) | NUMBERISH | WORDS


@FAST
@given(raw=st.dictionaries(st.sampled_from(INPUT_FIELDS), TEXT))
def test_parse_and_interpret_never_raise_on_arbitrary_text(raw: dict[str, str | None]) -> None:
    test, problems = parse_test_input(raw)
    for problem in problems:
        assert problem.field in raw
        assert problem.message.strip()
    result = interpret(test)
    assert isinstance(result, Interpretation)
    assert (result.status is None) is bool(result.errors)
    json.dumps(result.as_dict())


@FAST
@given(test=valid_inputs())
def test_text_round_trip(test: Her2TestInput) -> None:
    """What a person can type for a valid input parses back to the same input, with no problems."""
    raw = {name: (None if getattr(test, name) is None else str(getattr(test, name))) for name in INPUT_FIELDS}
    parsed, problems = parse_test_input(raw)
    assert problems == []
    assert parsed == test
