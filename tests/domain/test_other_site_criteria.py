"""Sites without a HER2 guideline of their own: the criteria are chosen per case, never assumed.

Rules §(c) "Required fields": for "other", the user picks the scoring system explicitly; §4: the
gastroesophageal criteria are the ones DESTINY-PanTumor02 used; (c) item 13: breast ISH groups and
HER2-low/-ultralow descriptors on a non-breast site are warned about, and the descriptors are blocked
unless the lab enables them.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from her2desk.domain import DEFAULT_SETTINGS, Her2TestInput, interpret
from her2desk.domain.case import CaseEntry, IhcDetails, PatientDetails, SpecimenDetails
from her2desk.domain.case_checks import check_case
from her2desk.domain.criteria import (
    CRITERIA_LABELS,
    SITES_WITHOUT_GUIDELINE,
    criteria_in_effect,
    guideline_for,
)
from her2desk.domain.reported_result import Adjudication, report
from her2desk.domain.vocabulary import (
    Descriptor,
    IhcScore,
    IshProbe,
    NextStep,
    Procedure,
    ScoringCriteria,
    ScoringSystem,
    Sex,
    Site,
    Status,
)

D = Decimal
OTHER_SITES = [Site.PANCREAS, Site.BLADDER, Site.OVARY, Site.OTHER]
GUIDELINE_SITES = [Site.BREAST, Site.STOMACH, Site.GASTROESOPHAGEAL_JUNCTION, Site.ESOPHAGUS]
WORDS = {Site.PANCREAS: "pancreas", Site.BLADDER: "bladder", Site.OVARY: "ovary", Site.OTHER: "another site"}
DESCRIPTORS_ON = replace(DEFAULT_SETTINGS, descriptors_on_other_sites=True)

# IHC 2+ with dual-probe ISH ratio 1.67 and HER2 5.0: breast group 4 (a blinded recount is needed);
# by the gastroesophageal criteria simply not amplified (negative). The two criteria part here.
GROUP_4 = {"ihc": IhcScore.TWO_PLUS, "ish": IshProbe.DUAL, "her2": D("5.00"), "cep17": D("3.00"), "cells": 20}


def her2_test(site: Site, criteria: ScoringCriteria | None = None, **values: object) -> Her2TestInput:
    base: dict[str, object] = {"procedure": Procedure.CORE_NEEDLE_BIOPSY, **GROUP_4}
    base.update(values)
    return Her2TestInput(site=site, scoring_criteria=criteria, **base)  # type: ignore[arg-type]


def test_the_sites_without_a_guideline() -> None:
    assert list(SITES_WITHOUT_GUIDELINE) == OTHER_SITES


# --- no criteria chosen: an error, nothing assumed -----------------------------------------------------


@pytest.mark.parametrize("site", OTHER_SITES)
def test_no_criteria_is_an_error_naming_the_choices(site: Site) -> None:
    result = interpret(her2_test(site))
    assert result.status is None
    assert result.descriptor is None
    assert [e.field for e in result.errors] == ["scoring_criteria"]
    message = result.errors[0].message
    assert message.startswith("required because")
    assert "no site-specific HER2 guideline" in message
    assert "gastroesophageal (CAP/ASCP/ASCO 2016" in message
    assert "breast (ASCO/CAP 2018" in message
    assert result.guideline == f"No site-specific guideline for {WORDS[site]}; no scoring criteria chosen"


@pytest.mark.parametrize("site", OTHER_SITES)
def test_a_case_without_criteria_cannot_be_saved(site: Site) -> None:
    entry = CaseEntry(
        accession="S26-009001",
        patient=PatientDetails("SYN-9001", "Testpatient", "Ada", date(1960, 1, 2), Sex.FEMALE),
        specimen=SpecimenDetails(procedure=Procedure.SURGICAL_RESECTION, site=site),
        ihc=IhcDetails(score=IhcScore.THREE_PLUS, stained_pct=D(80), controls_acceptable=True),
    )
    assert [e.field for e in check_case(entry, date(2026, 3, 1)).errors] == ["scoring_criteria"]
    chosen = entry.with_changes(
        specimen=replace(entry.specimen, scoring_criteria=ScoringCriteria.GASTROESOPHAGEAL)
    )
    assert chosen.test_input().scoring_criteria is ScoringCriteria.GASTROESOPHAGEAL
    checked = check_case(chosen, date(2026, 3, 1))
    assert checked.ok, checked.errors
    assert checked.interpretation.status is Status.POSITIVE


# --- gastroesophageal criteria: the gastroesophageal result ---------------------------------------------


@pytest.mark.parametrize("site", OTHER_SITES)
@pytest.mark.parametrize(
    "values",
    [
        GROUP_4,
        {"ihc": IhcScore.TWO_PLUS, "ish": None, "her2": None, "cep17": None, "cells": None},
        {
            "ihc": IhcScore.ONE_PLUS,
            "ish": None,
            "her2": None,
            "cep17": None,
            "cells": None,
            "cluster_cells": 8,
        },
        {"ihc": IhcScore.ZERO, "ish": IshProbe.DUAL, "her2": D("10.00"), "cep17": D("2.00"), "cells": 20},
    ],
    ids=["2+ ratio 1.67", "2+ no ISH", "1+ cluster 8", "0 amplified"],
)
def test_gastroesophageal_criteria_give_the_gastroesophageal_result(site: Site, values: dict) -> None:
    result = interpret(her2_test(site, ScoringCriteria.GASTROESOPHAGEAL, **values))
    stomach = interpret(her2_test(Site.STOMACH, **values))
    assert result.errors == ()
    assert (result.status, result.next_step, result.ratio) == (
        stomach.status,
        stomach.next_step,
        stomach.ratio,
    )
    assert result.ish_group is None
    assert result.descriptor is None
    assert result.scoring_system is ScoringSystem.GASTROESOPHAGEAL_BIOPSY
    assert result.guideline == (
        f"CAP/ASCP/ASCO 2016 gastroesophageal criteria, applied to {WORDS[site]} (no site-specific guideline)"
    )
    assert result.trail[0] == (
        f"Scoring criteria chosen for {WORDS[site]} (no site-specific guideline): "
        "Gastroesophageal criteria (CAP/ASCP/ASCO 2016)"
    )
    assert result.trail[1:] == stomach.trail
    assert any(
        w.startswith(f"No site-specific HER2 guideline exists for {WORDS[site]}") for w in result.warnings
    )
    assert DEFAULT_SETTINGS.comments.no_site_guideline in result.comments


def test_gastroesophageal_criteria_refuse_a_single_probe() -> None:
    single = {"ish": IshProbe.SINGLE, "cep17": None}
    message = [
        e.message
        for e in interpret(her2_test(Site.PANCREAS, ScoringCriteria.GASTROESOPHAGEAL, **single)).errors
    ]
    assert message == [
        "with the gastroesophageal criteria ISH is called on the HER2/CEP17 ratio (CAP/ASCP/ASCO 2016); "
        "single-probe ISH cannot be interpreted here, use a dual-probe assay"
    ]
    assert interpret(her2_test(Site.PANCREAS, ScoringCriteria.BREAST, **single)).errors == ()


# --- breast criteria: the breast result ----------------------------------------------------------------


@pytest.mark.parametrize("site", OTHER_SITES)
def test_breast_criteria_give_the_breast_result(site: Site) -> None:
    result = interpret(her2_test(site, ScoringCriteria.BREAST))
    breast = interpret(her2_test(Site.BREAST))
    assert result.errors == ()
    assert (result.status, result.next_step, result.ish_group) == (Status.PENDING, NextStep.RECOUNT, 4)
    assert (breast.status, breast.next_step, breast.ish_group) == (Status.PENDING, NextStep.RECOUNT, 4)
    # The gastroesophageal criteria call the same numbers negative: the choice matters.
    assert interpret(her2_test(site, ScoringCriteria.GASTROESOPHAGEAL)).status is Status.NEGATIVE
    assert result.scoring_system is ScoringSystem.BREAST
    assert result.guideline == (
        f"ASCO/CAP 2018 breast criteria (affirmed 2023), applied to {WORDS[site]} "
        "(no site-specific guideline)"
    )
    assert result.trail[0] == (
        f"Scoring criteria chosen for {WORDS[site]} (no site-specific guideline): "
        "Breast criteria (ASCO/CAP 2018)"
    )
    assert result.trail[1:] == breast.trail
    warning = next(w for w in result.warnings if w.startswith("No site-specific HER2 guideline"))
    assert f"exists for {WORDS[site]}; scored with the breast criteria chosen" in warning
    assert "defined for breast cancer" in warning
    assert DEFAULT_SETTINGS.comments.no_site_guideline_breast in result.comments
    assert DEFAULT_SETTINGS.comments.no_site_guideline not in result.comments


@pytest.mark.parametrize("site", OTHER_SITES)
def test_breast_criteria_complete_the_workup_with_the_recount(site: Site) -> None:
    recount = {"recount_her2": D("5.20"), "recount_cep17": D("3.10"), "recount_cells": 20}
    result = interpret(her2_test(site, ScoringCriteria.BREAST, **recount))
    assert (result.status, result.recount_group) == (Status.NEGATIVE, 4)
    assert DEFAULT_SETTINGS.comments.group_4 in result.comments
    assert result.descriptor is None  # IHC 2+ would be HER2-low on a breast: not here by default


def test_the_criteria_decide_how_the_stained_percentage_is_checked() -> None:
    """IHC 1+ at 10% of cells: a gastroesophageal resection scores it (>= 10%), the breast criteria
    need more than 10% and refuse it; the same on a site without a guideline, by the criteria chosen."""
    resection = {"procedure": Procedure.SURGICAL_RESECTION, "ihc": IhcScore.ONE_PLUS, "stained_pct": D(10)}
    no_ish = {"ish": None, "her2": None, "cep17": None, "cells": None}
    gastro = interpret(her2_test(Site.OVARY, ScoringCriteria.GASTROESOPHAGEAL, **resection, **no_ish))
    breast = interpret(her2_test(Site.OVARY, ScoringCriteria.BREAST, **resection, **no_ish))
    assert gastro.errors == ()
    assert gastro.status is Status.NEGATIVE
    assert [e.field for e in breast.errors] == ["stained_pct"]
    assert "more than 10%" in breast.errors[0].message


# --- breast and gastroesophageal sites: their own guideline decides ------------------------------------


@pytest.mark.parametrize("criteria", list(ScoringCriteria))
@pytest.mark.parametrize("site", GUIDELINE_SITES)
def test_a_site_with_its_own_guideline_refuses_criteria(site: Site, criteria: ScoringCriteria) -> None:
    result = interpret(her2_test(site, criteria))
    assert result.status is None
    assert [e.field for e in result.errors] == ["scoring_criteria"]
    message = result.errors[0].message
    assert message == (
        f"{site.value.replace('-', ' ')} specimens are scored by their own guideline, {guideline_for(site)}; "
        "scoring criteria are chosen only for pancreas, bladder, ovary and other sites, so leave them empty"
    )
    assert interpret(her2_test(site)).errors == ()


@pytest.mark.parametrize("site", GUIDELINE_SITES)
def test_a_site_with_its_own_guideline_keeps_its_guideline_text(site: Site) -> None:
    assert interpret(her2_test(site)).guideline == guideline_for(site)
    expected = ScoringCriteria.BREAST if site is Site.BREAST else ScoringCriteria.GASTROESOPHAGEAL
    for chosen in (None, *ScoringCriteria):
        assert criteria_in_effect(site, chosen) is expected


# --- descriptors: breast-cancer words, blocked elsewhere unless the lab enables them -------------------

IHC_ONLY = {"ish": None, "her2": None, "cep17": None, "cells": None}


@pytest.mark.parametrize("site", OTHER_SITES)
@pytest.mark.parametrize(
    ("ihc", "pct", "descriptor"),
    [
        (IhcScore.ONE_PLUS, D(30), Descriptor.LOW),
        (IhcScore.ZERO, D(5), Descriptor.ULTRALOW),
        (IhcScore.ZERO, D(0), Descriptor.NULL),
    ],
)
def test_descriptors_on_other_sites_only_where_the_lab_enables_them(
    site: Site, ihc: IhcScore, pct: Decimal, descriptor: Descriptor
) -> None:
    values = {**IHC_ONLY, "ihc": ihc, "stained_pct": pct}
    assert DEFAULT_SETTINGS.descriptors_on_other_sites is False
    off = interpret(her2_test(site, ScoringCriteria.BREAST, **values))
    on = interpret(her2_test(site, ScoringCriteria.BREAST, **values), DESCRIPTORS_ON)
    assert off.status is on.status is Status.NEGATIVE
    assert off.descriptor is None
    assert off.trail[-1].startswith("No HER2-low/-ultralow/-null descriptor: they describe breast cancer")
    assert on.descriptor is descriptor
    assert f"{descriptor.value} describes breast cancer; it is given for {WORDS[site]} only because" in (
        " ".join(on.warnings)
    )
    # The breast itself is not affected by the setting.
    assert interpret(her2_test(Site.BREAST, **values)).descriptor is descriptor
    assert interpret(her2_test(Site.BREAST, **values), DESCRIPTORS_ON).descriptor is descriptor
    # The gastroesophageal criteria never give one.
    assert (
        interpret(her2_test(site, ScoringCriteria.GASTROESOPHAGEAL, **values), DESCRIPTORS_ON).descriptor
        is None
    )


@pytest.mark.parametrize("settings", [DEFAULT_SETTINGS, DESCRIPTORS_ON])
def test_the_breast_treatment_comments_stay_on_breast_results(settings) -> None:
    """The 2023 and ultralow comments speak of breast-cancer treatment: never on another site."""
    values = {**IHC_ONLY, "ihc": IhcScore.ZERO, "stained_pct": D(5)}
    other = interpret(her2_test(Site.BLADDER, ScoringCriteria.BREAST, **values), settings)
    breast = interpret(her2_test(Site.BREAST, **values), settings)
    for comment in (settings.comments.her2_low_2023, settings.comments.her2_ultralow):
        assert comment in breast.comments
        assert comment not in other.comments


def test_criteria_labels_are_the_words_people_read() -> None:
    assert CRITERIA_LABELS == {
        ScoringCriteria.GASTROESOPHAGEAL: "Gastroesophageal criteria (CAP/ASCP/ASCO 2016)",
        ScoringCriteria.BREAST: "Breast criteria (ASCO/CAP 2018)",
    }


# --- the reported result follows the same rule -------------------------------------------------------


@pytest.mark.parametrize("settings", [DEFAULT_SETTINGS, DESCRIPTORS_ON])
@pytest.mark.parametrize("criteria", [None, *ScoringCriteria])
def test_an_adjudicated_negative_on_another_site_gets_a_descriptor_as_the_engine_would(
    settings, criteria: ScoringCriteria | None
) -> None:
    engine = interpret(
        her2_test(
            Site.PANCREAS,
            ScoringCriteria.BREAST,
            recount_her2=D("7.00"),
            recount_cep17=D("4.00"),
            recount_cells=20,
        ),
        settings,
    )
    assert engine.status is Status.ADJUDICATION  # the recount moved to group 3
    reported = report(
        engine,
        site=Site.PANCREAS,
        ihc=IhcScore.TWO_PLUS,
        stained_pct=D(40),
        adjudication=Adjudication(Status.NEGATIVE, "reviewed"),
        settings=settings,
        scoring_criteria=criteria,
    )
    expected = (
        Descriptor.LOW if criteria is ScoringCriteria.BREAST and settings.descriptors_on_other_sites else None
    )
    assert reported.status is Status.NEGATIVE
    assert reported.descriptor is expected
