"""Report comments the guideline requires, as configurable text.

These are for the pathology report, not for the patient (patient text lives in resources/handout/).
The group comments paraphrase ASCO/CAP 2018 Figures 4-6 [S]; the 2023 comment is a paraphrase because
the verbatim table of JCO 41:3867 was not available [K] (her2-reporting-rules.md §2.1). The ultralow
comment says that IHC 0 *with membrane staining* was studied in DESTINY-Breast06, so it stands beside
the 2023 comment's "IHC 0 results were not included in the trial (DESTINY-Breast04)" without
contradicting it (§2.3). A laboratory replaces them with its exact wording through `ReportComments`.
"""

from __future__ import annotations

from dataclasses import dataclass

GROUP_2 = (
    "Group 2 (ratio >= 2.0, average HER2 < 4.0 signals/cell): evidence is limited on the efficacy of "
    "HER2-targeted therapy in this small subset. In the first-generation adjuvant trastuzumab trials, "
    "patients in this subgroup randomised to trastuzumab did not appear to derive an improvement in "
    "disease-free or overall survival, but there were too few cases for definitive conclusions. IHC "
    "expression should complement ISH to define HER2 status. If the IHC result is not 3+ positive, the "
    "specimen should be considered HER2 negative because of the low HER2 copy number by ISH and the lack "
    "of protein overexpression."
)
GROUP_3 = (
    "Group 3 (ratio < 2.0, average HER2 >= 6.0 signals/cell): there are insufficient data on the "
    "efficacy of HER2-targeted therapy in cases with a ratio < 2.0 in the absence of protein "
    "overexpression, because such patients were not eligible for the first-generation adjuvant "
    "trastuzumab trials. When concurrent IHC results are negative (0-1+), the specimen should be "
    "considered HER2 negative."
)
GROUP_4 = (
    "Group 4 (ratio < 2.0, average HER2 >= 4.0 and < 6.0 signals/cell): it is uncertain whether patients "
    "with these results benefit from HER2-targeted therapy in the absence of protein overexpression (IHC "
    "3+). If the result is close to the ISH ratio threshold for positive, repeat testing has a higher "
    "chance of giving a different result by chance alone. Therefore, when IHC is not 3+, the sample should "
    "be considered HER2 negative without additional testing on the same specimen."
)
HER2_LOW_2023 = (
    "HER2-negative results with IHC 1+ or IHC 2+/ISH-not-amplified ('HER2-low') may make a patient with "
    "metastatic breast cancer eligible for treatment with trastuzumab deruxtecan. IHC 0 results were not "
    "included in the trial (DESTINY-Breast04) that led to that approval."
)
HER2_ULTRALOW = (
    "HER2-ultralow is IHC 0 with membrane staining: faint, incomplete membrane staining in more than 0% "
    "and at most 10% of tumour cells. IHC 0 with membrane staining was studied in a later trial "
    "(DESTINY-Breast06): HER2-ultralow, when determined by an FDA-approved test, may make a patient "
    "with hormone-receptor-positive metastatic breast cancer that has progressed on endocrine therapy "
    "eligible for trastuzumab deruxtecan."
)
# On a breast negative without a scored IHC (IHC indeterminate, or ISH without IHC), in place of the
# 2023 comment: HER2-low is defined by the IHC score (rules §2.2), so it cannot be judged here [K wording].
HER2_LOW_NEEDS_SCORED_IHC = (
    "This HER2-negative result has no scored IHC (0, 1+ or 2+). A scored IHC is needed to tell IHC 0 "
    "from IHC 1+, and so to judge whether the cancer is HER2-low (which may make a patient with "
    "metastatic breast cancer eligible for trastuzumab deruxtecan)."
)
SINGLE_PROBE_IHC_REVIEW = (
    "Concomitant IHC review is recommended as part of interpreting all single-probe ISH results."
)
# A site without a guideline of its own, scored with the criteria chosen for the case.
NO_SITE_GUIDELINE = (
    "No site-specific HER2 guideline exists for this site; scored with the CAP/ASCP/ASCO 2016 "
    "gastroesophageal criteria, as chosen for this case (as in DESTINY-PanTumor02). Interpret with caution."
)
NO_SITE_GUIDELINE_BREAST = (
    "No site-specific HER2 guideline exists for this site; scored with the ASCO/CAP 2018 breast "
    "criteria, as chosen for this case. Those criteria, their ISH groups and the HER2-low and "
    "HER2-ultralow descriptors were defined for breast cancer. Interpret with caution."
)


@dataclass(frozen=True)
class ReportComments:
    group_2: str = GROUP_2
    group_3: str = GROUP_3
    group_4: str = GROUP_4
    her2_low_2023: str = HER2_LOW_2023
    her2_ultralow: str = HER2_ULTRALOW
    her2_low_needs_scored_ihc: str = HER2_LOW_NEEDS_SCORED_IHC
    single_probe_ihc_review: str = SINGLE_PROBE_IHC_REVIEW
    no_site_guideline: str = NO_SITE_GUIDELINE
    no_site_guideline_breast: str = NO_SITE_GUIDELINE_BREAST

    def for_group(self, group: int) -> str:
        return {2: self.group_2, 3: self.group_3, 4: self.group_4}[group]
