"""The rule settings her2desk shipped before labs could change them (rules version `her2desk-rules-1`).

Every result stored with the bare rules version `her2desk-rules-1` was computed with exactly these
values: nothing could change them then. They are frozen here, copied once, so later changes to the
defaults in `settings.py` or `report_comments.py` never change what an old result is re-derived with
(`rule_settings.settings_for_legacy_version`). Do not edit.
"""

from __future__ import annotations

LEGACY_VALUES: dict[str, str] = {
    "comments.group_2": (
        "Group 2 (ratio >= 2.0, average HER2 < 4.0 signals/cell): evidence is limited on the "
        "efficacy of HER2-targeted therapy in this small subset. In the first-generation adjuvant "
        "trastuzumab trials, patients in this subgroup randomised to trastuzumab did not appear to "
        "derive an improvement in disease-free or overall survival, but there were too few cases "
        "for definitive conclusions. IHC expression should complement ISH to define HER2 status. If"
        " the IHC result is not 3+ positive, the specimen should be considered HER2 negative "
        "because of the low HER2 copy number by ISH and the lack of protein overexpression."
    ),
    "comments.group_3": (
        "Group 3 (ratio < 2.0, average HER2 >= 6.0 signals/cell): there are insufficient data on "
        "the efficacy of HER2-targeted therapy in cases with a ratio < 2.0 in the absence of "
        "protein overexpression, because such patients were not eligible for the first-generation "
        "adjuvant trastuzumab trials. When concurrent IHC results are negative (0-1+), the specimen"
        " should be considered HER2 negative."
    ),
    "comments.group_4": (
        "Group 4 (ratio < 2.0, average HER2 >= 4.0 and < 6.0 signals/cell): it is uncertain whether"
        " patients with these results benefit from HER2-targeted therapy in the absence of protein "
        "overexpression (IHC 3+). If the result is close to the ISH ratio threshold for positive, "
        "repeat testing has a higher chance of giving a different result by chance alone. "
        "Therefore, when IHC is not 3+, the sample should be considered HER2 negative without "
        "additional testing on the same specimen."
    ),
    "comments.her2_low_2023": (
        "HER2-negative results with IHC 1+ or IHC 2+/ISH-not-amplified ('HER2-low') may make a "
        "patient with metastatic breast cancer eligible for treatment with trastuzumab deruxtecan. "
        "IHC 0 results were not included in the trial (DESTINY-Breast04) that led to that approval."
    ),
    "comments.her2_ultralow": (
        "IHC 0 with faint, incomplete membrane staining in > 0% and <= 10% of tumour cells "
        "('HER2-ultralow') may make a patient with hormone-receptor-positive metastatic breast "
        "cancer eligible for trastuzumab deruxtecan when determined by an FDA-approved test "
        "(DESTINY-Breast06)."
    ),
    "comments.no_site_guideline": (
        "No site-specific HER2 guideline exists for this site; scored with the CAP/ASCP/ASCO 2016 "
        "gastroesophageal criteria (as in DESTINY-PanTumor02). Interpret with caution."
    ),
    "comments.single_probe_ihc_review": (
        "Concomitant IHC review is recommended as part of interpreting all single-probe ISH results."
    ),
    "rules.cep17_high_warning": "4.0",
    "rules.cep17_low_warning": "1.0",
    "rules.cold_ischaemia_max_minutes": "60",
    "rules.fixation_hours_max": "72",
    "rules.fixation_hours_min": "6",
    "rules.flag_breast_ihc3_group5_discordance": "true",
    "rules.gastroesophageal_biopsy_cluster_cells": "5",
    "rules.gastroesophageal_high_copy_adjudication": "true",
    "rules.gastroesophageal_high_copy_threshold": "6",
    "rules.gastroesophageal_min_fragments": "5",
    "rules.gastroesophageal_resection_pct": "10",
    "rules.gastroesophageal_resection_pct_inclusive": "true",
    "rules.her2_high_warning": "30",
    "rules.near_copy_margin": "0.2",
    "rules.near_ratio_high": "2.20",
    "rules.near_ratio_low": "1.80",
    "rules.report_her2_low": "true",
    "rules.report_her2_ultralow": "true",
}
LEGACY_FINGERPRINT = "1ec60070916c"  # of these values (a test checks it)
