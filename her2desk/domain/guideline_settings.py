"""Rules a laboratory may configure, with the defaults her2desk ships.

Anything tagged [K] in her2-reporting-rules.md (background knowledge, not checked against a source)
that changes a result or a message is a field here, so a lab director can change it without a code
change. The guideline's own [S] thresholds (breast >10%, ratio 2.0, copy number 4.0/6.0, 20 cells)
are not settings: they are the guideline.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from her2desk.domain import report_comments
from her2desk.domain.phrases import Phrase

BREAST_GUIDELINE = Phrase("ASCO/CAP 2018 (affirmed 2023), breast")
GASTROESOPHAGEAL_GUIDELINE = Phrase("CAP/ASCP/ASCO 2016, gastroesophageal adenocarcinoma")
# Sites without a guideline of their own: the criteria chosen per case (the result names them, see
# `criteria.guideline_for`); this line describes the choice, e.g. in the About box.
OTHER_SITE_GUIDELINE = (
    "Pancreas, bladder, ovary and other sites (no site-specific guideline): the criteria chosen for "
    "each case, gastroesophageal (CAP/ASCP/ASCO 2016) or breast (ASCO/CAP 2018)"
)
RULES_VERSION = "her2desk-rules-1"


@dataclass(frozen=True)
class GuidelineSettings:
    # Gastroesophageal resection: the Hofmann criteria and the HercepTest gastric label use >= 10%;
    # some secondary tables print > 10% ([S*], rules §3.1). Default inclusive; configurable.
    gastroesophageal_resection_pct_inclusive: bool = True
    gastroesophageal_resection_pct: Decimal = Decimal(10)
    gastroesophageal_biopsy_cluster_cells: int = 5  # "cluster of >= 5 cohesive tumour cells" [S*]
    # Ratio < 2.0 with average HER2 >= 6.0 in gastroesophageal cancer: not addressed by ToGA [K];
    # default sends it to the pathologist instead of calling it.
    gastroesophageal_high_copy_adjudication: bool = True
    gastroesophageal_high_copy_threshold: Decimal = Decimal(6)
    # IHC 3+ with ISH group 5 (breast): positive with a discordance flag [K].
    flag_breast_ihc3_group5_discordance: bool = True
    # Descriptors of negative breast results (2023: descriptors only, never categories).
    report_her2_low: bool = True
    report_her2_ultralow: bool = True
    # HER2-low/-ultralow/-null describe breast cancer (ASCO/CAP 2023). A site without a guideline of its
    # own scored with the breast criteria gets none of them, with a warning, unless the lab enables
    # them for such sites (rules §(c) item 13: "block the descriptors unless the lab enables them").
    descriptors_on_other_sites: bool = False
    # The 2023 reporting comment on IHC 0 vs 1+ (and, on a negative without a scored IHC, the comment
    # that one is needed to judge HER2-low) is a lab choice: the 2023 update offers it [S, rules §2.1],
    # a lab may state it elsewhere in its reports and turn it off here.
    report_2023_comment: bool = True
    # Lab choices [K]: IHC 3+ (any site) without a controls result, and breast IHC 3+ without the
    # percentage of stained cells, are warnings by default; a lab may make either an error that blocks
    # saving (rules §(c) "Required fields": control status; CAP template "% ... report for 2+, 3+").
    require_controls_for_ihc3: bool = False
    require_stained_pct_for_breast_ihc3: bool = False
    # Near-threshold banner (design decision, rules §(c) "Rounding").
    near_ratio_low: Decimal = Decimal("1.80")
    near_ratio_high: Decimal = Decimal("2.20")
    near_copy_margin: Decimal = Decimal("0.2")
    # Plausibility warnings (rules §(c) numeric ranges) [K].
    her2_high_warning: Decimal = Decimal(30)
    cep17_low_warning: Decimal = Decimal("1.0")
    cep17_high_warning: Decimal = Decimal("4.0")
    # Pre-analytic warnings (rules §1.7; §3.3 [K]).
    fixation_hours_min: Decimal = Decimal(6)
    fixation_hours_max: Decimal = Decimal(72)
    cold_ischaemia_max_minutes: int = 60
    gastroesophageal_min_fragments: int = 5
    # Texts of report comments; the lab's exact wording replaces these paraphrases.
    comments: report_comments.ReportComments = field(default_factory=report_comments.ReportComments)


DEFAULT_SETTINGS = GuidelineSettings()
