"""For every lab-configurable rule: a synthetic case whose interpretation that rule changes.

`RULE_CASES[name]` is (case, value, words): with the rule set to `value` (text, as an administrator types
it) the case's check says `words` where the defaults do not, or the other way round (the defaults say
them and the changed rule does not). Shared by the domain, service and command-line tests. A rule
added to `GuidelineSettings`/`ReportComments` needs a case here: `test_every_rule_setting_has_a_case`
fails until it has one.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

from her2desk.domain.case import CaseEntry, IhcDetails, IshDetails, PatientDetails, SpecimenDetails
from her2desk.domain.case_checks import CaseCheck
from her2desk.domain.inputs import IshCount
from her2desk.domain.vocabulary import (
    IhcScore,
    IshMethod,
    IshProbe,
    Laterality,
    Procedure,
    ScoringCriteria,
    Sex,
    Site,
)

PATIENT = PatientDetails("SYN-RULES-1", "Testpatient-Rules", "Synthetic", date(1970, 5, 6), Sex.FEMALE)


def breast(
    ihc: str, pct: str | None = "50", her2: str | None = None, cep17: str | None = "2.0", **specimen: object
) -> CaseEntry:
    """A breast core biopsy; dual-probe ISH (20 cells) when `her2` is given (single-probe if no CEP17)."""
    ish = IshDetails()
    if her2 is not None:
        probe = IshProbe.DUAL if cep17 is not None else IshProbe.SINGLE
        count = IshCount(Decimal(her2), Decimal(cep17) if cep17 is not None else None, 20)
        ish = IshDetails(probe=probe, method=IshMethod.FISH, first=count)
    return CaseEntry(
        accession="S26-RULE1",
        patient=PATIENT,
        specimen=replace(
            SpecimenDetails(
                procedure=Procedure.CORE_NEEDLE_BIOPSY, site=Site.BREAST, laterality=Laterality.LEFT
            ),
            **specimen,  # type: ignore[arg-type]
        ),
        ihc=IhcDetails(score=IhcScore(ihc), stained_pct=Decimal(pct) if pct is not None else None),
        ish=ish,
    )


def gastric(
    ihc: str,
    *,
    resection: bool = False,
    pct: str | None = None,
    cluster: int | None = None,
    her2: str | None = None,
    cep17: str = "4.0",
    site: Site = Site.STOMACH,
    **specimen: object,
) -> CaseEntry:
    ish = IshDetails()
    if her2 is not None:
        count = IshCount(Decimal(her2), Decimal(cep17), 20)
        ish = IshDetails(probe=IshProbe.DUAL, method=IshMethod.FISH, first=count)
    procedure = Procedure.SURGICAL_RESECTION if resection else Procedure.ENDOSCOPIC_BIOPSY
    return CaseEntry(
        accession="S26-RULE1",
        patient=PATIENT,
        specimen=replace(SpecimenDetails(procedure=procedure, site=site), **specimen),  # type: ignore[arg-type]
        ihc=IhcDetails(
            score=IhcScore(ihc), stained_pct=Decimal(pct) if pct is not None else None, cluster_cells=cluster
        ),
        ish=ish,
    )


RULE_CASES: dict[str, tuple[CaseEntry, str, str]] = {
    "rules.gastroesophageal_resection_pct_inclusive": (
        gastric("3+", resection=True, pct="50"),
        "false",
        "(> 10%; resection criteria)",
    ),
    "rules.gastroesophageal_resection_pct": (
        gastric("0", resection=True, pct="8"),
        "5",
        "resection IHC 0 allows membranous staining in less than 5%",
    ),
    "rules.gastroesophageal_biopsy_cluster_cells": (
        gastric("1+", cluster=6),
        "7",
        "needs a cluster of at least 7 stained tumour cells",
    ),
    "rules.gastroesophageal_high_copy_adjudication": (
        gastric("2+", cluster=6, her2="6.5"),
        "false",
        "-> pathologist adjudication",
    ),
    "rules.gastroesophageal_high_copy_threshold": (
        gastric("2+", cluster=6, her2="6.5"),
        "7",
        "ISH ratio < 2.0 -> negative",
    ),
    "rules.flag_breast_ihc3_group5_discordance": (
        breast("3+", her2="2.0", cep17="2.0"),
        "false",
        "Discordance: IHC 3+ with ISH group 5",
    ),
    "rules.report_her2_low": (breast("1+"), "no", "Descriptor HER2-low"),
    "rules.report_2023_comment": (breast("1+"), "false", "(DESTINY-Breast04)"),
    "rules.require_controls_for_ihc3": (breast("3+"), "true", "IHC 3+ needs a controls result"),
    "rules.require_stained_pct_for_breast_ihc3": (
        breast("3+", pct=None),
        "true",
        "IHC 3+ needs the percentage of cells with complete, intense membrane staining",
    ),
    "rules.report_her2_ultralow": (breast("0", pct="5"), "off", "Descriptor HER2-ultralow"),
    "rules.near_ratio_low": (breast("1+", her2="2.96", cep17="1.6"), "1.90", "Near a threshold (ratio 1.85)"),
    "rules.near_ratio_high": (
        breast("1+", her2="3.44", cep17="1.6"),
        "2.10",
        "Near a threshold (ratio 2.15)",
    ),
    "rules.near_copy_margin": (breast("1+", her2="4.4", cep17="4.0"), "0.5", "Near a threshold (HER2 4.40)"),
    "rules.her2_high_warning": (breast("3+", her2="25", cep17="2.0"), "20", "average HER2 above 20"),
    "rules.cep17_low_warning": (breast("3+", her2="3.6", cep17="1.2"), "1.5", "is outside 1.5-4.0"),
    "rules.cep17_high_warning": (breast("3+", her2="10", cep17="3.5"), "3.0", "is outside 1.0-3.0"),
    "rules.fixation_hours_min": (
        breast("3+", fixation_hours=Decimal(7)),
        "8",
        "fixation 7 h is outside 8-72 h",
    ),
    "rules.fixation_hours_max": (
        breast("3+", fixation_hours=Decimal(60)),
        "48",
        "fixation 60 h is outside 6-48 h",
    ),
    "rules.cold_ischaemia_max_minutes": (
        breast("3+", cold_ischaemia_minutes=45),
        "30",
        "cold ischaemia 45 min is over 30 min",
    ),
    "rules.gastroesophageal_min_fragments": (
        gastric("3+", cluster=6, fragments=6),
        "7",
        "6 biopsy fragments",
    ),
    "comments.group_2": (
        breast("1+", her2="3.0", cep17="1.2"),
        "Lab wording for group 2.",
        "Lab wording for group 2.",
    ),
    "comments.group_3": (
        breast("1+", her2="7.0", cep17="4.0"),
        "Lab wording for group 3.",
        "Lab wording for group 3.",
    ),
    "comments.group_4": (
        breast("1+", her2="5.0", cep17="3.0"),
        "Lab wording for group 4.",
        "Lab wording for group 4.",
    ),
    "comments.her2_low_2023": (
        breast("1+"),
        "Lab wording:\nHER2-low (2023).",
        "Lab wording:\nHER2-low (2023).",
    ),
    "comments.her2_low_needs_scored_ihc": (
        breast("indeterminate", pct=None, her2="2.0", cep17="2.0"),  # ISH group 5, IHC not scored
        "Lab wording: HER2-low needs a scored IHC.",
        "Lab wording: HER2-low needs a scored IHC.",
    ),
    "comments.her2_ultralow": (
        breast("0", pct="5"),
        "Lab wording for ultralow.",
        "Lab wording for ultralow.",
    ),
    "comments.single_probe_ihc_review": (
        breast("2+", her2="6.5", cep17=None),
        "Lab wording for single-probe ISH.",
        "Lab wording for single-probe ISH.",
    ),
    "comments.no_site_guideline_breast": (
        breast("1+", site=Site.OVARY, laterality=None, scoring_criteria=ScoringCriteria.BREAST),
        "Lab wording for breast criteria on other sites.",
        "Lab wording for breast criteria on other sites.",
    ),
    "rules.descriptors_on_other_sites": (
        breast("1+", site=Site.OVARY, laterality=None, scoring_criteria=ScoringCriteria.BREAST),
        "true",
        "HER2-low describes breast cancer",
    ),
    "comments.no_site_guideline": (
        gastric("3+", cluster=6, site=Site.PANCREAS, scoring_criteria=ScoringCriteria.GASTROESOPHAGEAL),
        "Lab wording for sites without a guideline.",
        "Lab wording for sites without a guideline.",
    ),
}


def check_text(check: CaseCheck) -> str:
    """Everything a check says, as one text to look for words in."""
    i = check.interpretation
    parts = [
        str(i.status),
        str(i.descriptor),
        *i.trail,
        *i.comments,
        *i.warnings,
        *check.warnings,
        *(p.message for p in check.errors),
    ]
    return "\n".join(parts)
