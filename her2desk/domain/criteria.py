"""Which published criteria score a test, and how the result names them.

Breast is scored by the ASCO/CAP 2018 guideline (affirmed 2023) and stomach, gastroesophageal junction
and oesophagus by CAP/ASCP/ASCO 2016: their guideline decides, and nobody chooses. Pancreas, bladder,
ovary and other sites have no HER2 guideline of their own, so the person entering the case chooses the
criteria (her2-reporting-rules.md §(c) "Required fields"), and nothing is assumed when they have not:

* the gastroesophageal criteria, which DESTINY-PanTumor02 used for pan-tumour IHC 3+ (rules §4);
* the breast criteria (IHC, the dual-probe ISH groups and their workup).

The rules document also names HERACLES (colorectal) and the endometrial trial criteria; her2desk does
not implement them, so they cannot be chosen.

The result says which criteria were used and that the site has none of its own: its guideline text is
stored with the result and printed on every report.
"""

from __future__ import annotations

from her2desk.domain.guideline_settings import BREAST_GUIDELINE, GASTROESOPHAGEAL_GUIDELINE
from her2desk.domain.phrases import Phrase, VocabularyWord
from her2desk.domain.vocabulary import ScoringCriteria, Site

# What people read for each choice (the form's combo box, the report, the command line's text).
CRITERIA_LABELS: dict[ScoringCriteria, str] = {
    ScoringCriteria.GASTROESOPHAGEAL: VocabularyWord("Gastroesophageal criteria (CAP/ASCP/ASCO 2016)"),
    ScoringCriteria.BREAST: VocabularyWord("Breast criteria (ASCO/CAP 2018)"),
}
# The criteria as the guideline text names them.
_CRITERIA_GUIDELINE: dict[ScoringCriteria, Phrase] = {
    ScoringCriteria.GASTROESOPHAGEAL: Phrase("CAP/ASCP/ASCO 2016 gastroesophageal criteria"),
    ScoringCriteria.BREAST: Phrase("ASCO/CAP 2018 breast criteria (affirmed 2023)"),
}
# "applied to pancreas": each site as a sentence names it, so another language can too; "other" reads
# as "another site".
_SITE_WORDS: dict[Site, Phrase] = {
    Site.BREAST: Phrase("breast"),
    Site.STOMACH: Phrase("stomach"),
    Site.GASTROESOPHAGEAL_JUNCTION: Phrase("gastroesophageal junction"),
    Site.ESOPHAGUS: Phrase("esophagus"),
    Site.PANCREAS: Phrase("pancreas"),
    Site.BLADDER: Phrase("bladder"),
    Site.OVARY: Phrase("ovary"),
    Site.OTHER: Phrase("another site"),
}

SITES_WITHOUT_GUIDELINE: tuple[Site, ...] = tuple(s for s in Site if not s.has_site_specific_guideline)


def site_words(site: Site) -> Phrase:
    return _SITE_WORDS[site]


def criteria_in_effect(site: Site | None, chosen: ScoringCriteria | None) -> ScoringCriteria | None:
    """The criteria that score a test: the site's own guideline, else the criteria chosen for it.

    None when the site is not known, or has no guideline and no criteria were chosen.
    """
    if site is None:
        return None
    if site.is_breast:
        return ScoringCriteria.BREAST
    if site.is_gastroesophageal:
        return ScoringCriteria.GASTROESOPHAGEAL
    return chosen


def guideline_for(site: Site | None, chosen: ScoringCriteria | None = None) -> str:
    """The guideline text stored with a result and printed on the report.

    For a site without a guideline of its own it names the criteria chosen and says that the site has
    no guideline, e.g. "ASCO/CAP 2018 breast criteria (affirmed 2023), applied to pancreas (no
    site-specific guideline)".
    """
    if site is None:
        return ""
    if site.is_breast:
        return BREAST_GUIDELINE
    if site.is_gastroesophageal:
        return GASTROESOPHAGEAL_GUIDELINE
    if chosen is None:
        return Phrase(
            "No site-specific guideline for {site}; no scoring criteria chosen", site=site_words(site)
        )
    return Phrase(
        "{criteria}, applied to {site} (no site-specific guideline)",
        criteria=_CRITERIA_GUIDELINE[chosen],
        site=site_words(site),
    )


def choices_text() -> str:
    """The two choices in words, for messages on every front end (the value, then what it means)."""
    return Phrase(
        "{gastroesophageal} (CAP/ASCP/ASCO 2016 gastroesophageal criteria, as "
        "DESTINY-PanTumor02 used) or {breast} (ASCO/CAP 2018 breast criteria)",
        gastroesophageal=ScoringCriteria.GASTROESOPHAGEAL.value,
        breast=ScoringCriteria.BREAST.value,
    )
