"""Case checks on the IHC beyond the score: its controls and, for HER2-low/-ultralow, the clone.

Rules §1.2 (controls must stain appropriately), §(c) required fields (control status) and warning 17
(clone not 4B5 when 0 vs 1+ matters for trastuzumab deruxtecan), §2.2-2.3 (the FDA-approved companion
test is Ventana PATHWAY 4B5). Each rule is tested on both sides, with its lab setting off and on.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from her2desk.domain.case import CaseEntry, IhcDetails, IshDetails, PatientDetails, SpecimenDetails
from her2desk.domain.case_checks import CaseCheck, check_case, is_4b5
from her2desk.domain.guideline_settings import DEFAULT_SETTINGS, GuidelineSettings
from her2desk.domain.inputs import IshCount
from her2desk.domain.vocabulary import (
    IhcScore,
    IshProbe,
    Laterality,
    Procedure,
    ScoringCriteria,
    Sex,
    Site,
    Status,
)

D = Decimal
TODAY = date(2026, 3, 1)
REQUIRE_CONTROLS = replace(DEFAULT_SETTINGS, require_controls_for_ihc3=True)
GROUP_5 = IshDetails(IshProbe.DUAL, first=IshCount(D("2.00"), D("2.00"), 20))
GROUP_1 = IshDetails(IshProbe.DUAL, first=IshCount(D("10.00"), D("2.00"), 20))


def case(
    score: IhcScore | None,
    *,
    pct: str | None = None,
    controls: bool | None = True,
    clone: str | None = "4B5",
    site: Site = Site.BREAST,
    ish: IshDetails | None = None,
) -> CaseEntry:
    breast = site is Site.BREAST
    return CaseEntry(
        accession="S26-001000",
        patient=PatientDetails("SYN-1000", "Testpatient", "Ada", date(1960, 1, 2), Sex.FEMALE),
        specimen=SpecimenDetails(
            procedure=Procedure.SURGICAL_RESECTION,
            site=site,
            laterality=Laterality.LEFT if breast else None,
            collected_on=date(2026, 2, 1),
            scoring_criteria=None if site.has_site_specific_guideline else ScoringCriteria.GASTROESOPHAGEAL,
        ),
        ihc=IhcDetails(
            clone=clone,
            controls_acceptable=controls,
            score=score,
            stained_pct=None if pct is None else D(pct),
        ),
        ish=ish or IshDetails(),
    )


def check(entry: CaseEntry, settings: GuidelineSettings = DEFAULT_SETTINGS) -> CaseCheck:
    return check_case(entry, TODAY, settings)


def about(result: CaseCheck, field: str) -> list[str]:
    return [w for w in result.warnings if w.startswith(f"{field}: ")]


def errors_on(result: CaseCheck, field: str) -> list[str]:
    return [e.message for e in result.errors if e.field == field]


# --- controls -----------------------------------------------------------------------------------------

CONTROLS_WARNING = (
    "ihc.controls_acceptable: IHC 3+ without a controls result; say whether the controls stained as expected"
)


@pytest.mark.parametrize("site", [Site.BREAST, Site.STOMACH, Site.PANCREAS])
def test_ihc_3_plus_without_a_controls_result_is_warned_about(site: Site) -> None:
    result = check(case(IhcScore.THREE_PLUS, pct="80", controls=None, site=site))
    assert result.ok, result.errors
    assert result.interpretation.status is Status.POSITIVE
    assert about(result, "ihc.controls_acceptable") == [CONTROLS_WARNING]
    assert DEFAULT_SETTINGS.require_controls_for_ihc3 is False


@pytest.mark.parametrize("settings", [DEFAULT_SETTINGS, REQUIRE_CONTROLS])
def test_no_controls_warning_with_a_result_or_below_3_plus(settings: GuidelineSettings) -> None:
    with_controls = check(case(IhcScore.THREE_PLUS, pct="80", controls=True), settings)
    assert with_controls.ok
    assert about(with_controls, "ihc.controls_acceptable") == []
    for score, pct in (
        (IhcScore.ZERO, "0"),
        (IhcScore.ONE_PLUS, "30"),
        (IhcScore.TWO_PLUS, "40"),
        (None, None),
    ):
        entry = case(score, pct=pct, controls=None, ish=GROUP_5 if score is None else None)
        result = check(entry, settings)
        assert result.ok, (score, result.errors)
        assert about(result, "ihc.controls_acceptable") == []


def test_ihc_3_plus_without_a_controls_result_is_an_error_when_the_lab_requires_one() -> None:
    result = check(case(IhcScore.THREE_PLUS, pct="80", controls=None), REQUIRE_CONTROLS)
    assert errors_on(result, "ihc.controls_acceptable") == [
        "IHC 3+ needs a controls result: say whether the controls stained as expected (the lab requires it)"
    ]
    assert about(result, "ihc.controls_acceptable") == []
    assert check(case(IhcScore.THREE_PLUS, pct="80", controls=True), REQUIRE_CONTROLS).ok


@pytest.mark.parametrize("score", [IhcScore.ZERO, IhcScore.ONE_PLUS, IhcScore.TWO_PLUS, IhcScore.THREE_PLUS])
def test_controls_that_did_not_stain_as_expected_block_any_scored_ihc(score: IhcScore) -> None:
    """Already a refusal before the lab settings existed: the IHC cannot be reported at all."""
    pct = {IhcScore.ZERO: "0", IhcScore.ONE_PLUS: "30", IhcScore.TWO_PLUS: "40", IhcScore.THREE_PLUS: "80"}
    result = check(case(score, pct=pct[score], controls=False))
    assert errors_on(result, "ihc.controls_acceptable") == [
        "controls did not stain as expected; the IHC cannot be reported (score it indeterminate and repeat)"
    ]
    indeterminate = check(case(IhcScore.INDETERMINATE, controls=False))
    assert indeterminate.ok, indeterminate.errors


# --- the companion test: 4B5 for HER2-low and HER2-ultralow ----------------------------------------------


@pytest.mark.parametrize(
    "clone",
    ["4B5", "4b5", "PATHWAY 4B5", "Ventana 4B5 (PATHWAY)", "anti-HER2/neu (4B5)", "4 B 5", " 4B5 "],
)
def test_4b5_however_it_is_typed(clone: str) -> None:
    assert is_4b5(clone)


@pytest.mark.parametrize("clone", ["CB11", "SP3", "HercepTest", "A0485", "14B5", "4B50", "", None])
def test_not_4b5(clone: str | None) -> None:
    assert not is_4b5(clone)


def clone_warnings(result: CaseCheck) -> list[str]:
    return about(result, "ihc.clone")


@pytest.mark.parametrize(
    ("entry", "kind"),
    [
        (case(IhcScore.ONE_PLUS, pct="30", clone="SP3"), "HER2-low"),
        (case(IhcScore.TWO_PLUS, pct="40", clone="CB11", ish=GROUP_5), "HER2-low"),
        (case(IhcScore.ZERO, pct="5", clone="HercepTest"), "HER2-ultralow"),
    ],
)
def test_another_clone_on_a_her2_low_or_ultralow_result_is_warned_about(entry: CaseEntry, kind: str) -> None:
    result = check(entry)
    assert result.ok, result.errors
    assert result.interpretation.status is Status.NEGATIVE
    assert clone_warnings(result) == [
        f"ihc.clone: this is a {kind} result and the clone is not 4B5; the FDA-approved companion test for "
        "HER2-low and HER2-ultralow is the Ventana PATHWAY anti-HER2/neu (4B5) assay"
    ]
    # The same result with 4B5, however typed, is not warned about.
    for clone in ("4B5", "Ventana 4B5 (PATHWAY)"):
        same = entry.with_changes(ihc=replace(entry.ihc, clone=clone))
        assert clone_warnings(check(same)) == []


@pytest.mark.parametrize(
    "entry",
    [
        case(IhcScore.ZERO, pct="0", clone="SP3"),  # HER2-null
        case(IhcScore.ZERO, clone="SP3"),  # IHC 0, null or ultralow unknown
        case(IhcScore.THREE_PLUS, pct="80", clone="SP3"),  # positive
        case(IhcScore.TWO_PLUS, pct="40", clone="SP3"),  # equivocal, awaiting ISH
        case(IhcScore.ONE_PLUS, pct="30", clone="SP3", ish=GROUP_1),  # positive by ISH
        case(None, clone="SP3", ish=GROUP_5),  # negative without IHC: neither low nor ultralow
        case(IhcScore.ONE_PLUS, clone="SP3", site=Site.STOMACH),  # no HER2-low outside breast
        case(IhcScore.ONE_PLUS, pct="30", clone=None),  # no clone recorded: nothing to compare
    ],
)
def test_no_clone_warning_where_her2_low_or_ultralow_does_not_apply(entry: CaseEntry) -> None:
    assert clone_warnings(check(entry)) == []


def test_the_clone_warning_does_not_depend_on_printing_the_descriptor() -> None:
    """A lab may not print HER2-low; the result is HER2-low all the same, and the test used matters."""
    off = replace(DEFAULT_SETTINGS, report_her2_low=False, report_her2_ultralow=False)
    low = check(case(IhcScore.ONE_PLUS, pct="30", clone="SP3"), off)
    assert low.interpretation.descriptor is None
    assert len(clone_warnings(low)) == 1
