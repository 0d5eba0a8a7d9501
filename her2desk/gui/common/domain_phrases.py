"""Every template the domain and the services say to people, for the translators (generated).

Written by `scripts/collect-domain-phrases.py` from the `Phrase("...")` calls of her2desk/domain and
her2desk/services; do not edit by hand. pyside6-lupdate finds the words here (context "Domain"), and
`gui.common.domain_text.say` translates a phrase by its template.
"""

from __future__ import annotations

from her2desk.gui.common.translation import QT_TRANSLATE_NOOP

DOMAIN_PHRASES = (
    QT_TRANSLATE_NOOP(
        "Domain",
        "the blinded second count must be entered by a second observer, not by the person who entered the first count; ask a colleague to enter it (an administrator can allow one person to enter both in Lab settings, for a one-person lab)",
    ),
    QT_TRANSLATE_NOOP(
        "Domain",
        "Both ISH counts were entered by the same person (allowed by the lab's setting for a one-person lab); the second count is not an independent observer's.",
    ),
    QT_TRANSLATE_NOOP("Domain", "IHC {score}: {staining} in {pct}% of tumour cells ({needed}) -> {category}"),
    QT_TRANSLATE_NOOP("Domain", "complete, intense membrane staining in > 10% of tumour cells"),
    QT_TRANSLATE_NOOP("Domain", "weak to moderate complete membrane staining in > 10% of tumour cells"),
    QT_TRANSLATE_NOOP("Domain", "faint, incomplete membrane staining in > 10% of tumour cells"),
    QT_TRANSLATE_NOOP(
        "Domain", "no staining, or faint, incomplete membrane staining in <= 10% of tumour cells"
    ),
    QT_TRANSLATE_NOOP("Domain", "complete, intense membrane staining"),
    QT_TRANSLATE_NOOP("Domain", "weak to moderate complete membrane staining"),
    QT_TRANSLATE_NOOP("Domain", "faint, incomplete membrane staining"),
    QT_TRANSLATE_NOOP("Domain", "IHC could not be scored (technical failure)"),
    QT_TRANSLATE_NOOP(
        "Domain", "IHC {score} as scored; no percentage entered (definition: {definition}) -> {category}"
    ),
    QT_TRANSLATE_NOOP(
        "Domain",
        "IHC 2+: an unusual pattern (staining in {pct}% of tumour cells, <= 10%), which the guideline scores 2+ -> equivocal",
    ),
    QT_TRANSLATE_NOOP("Domain", "IHC 0: no membrane staining (0% of tumour cells) -> negative"),
    QT_TRANSLATE_NOOP("Domain", "Dual-probe ISH, {cells} cells: {reading}"),
    QT_TRANSLATE_NOOP("Domain", "Blinded recount, {cells} cells: {reading}"),
    QT_TRANSLATE_NOOP(
        "Domain", "Recount confirms group {group} with IHC 2+ -> negative with the group {group} comment"
    ),
    QT_TRANSLATE_NOOP(
        "Domain", "Single-probe ISH, {cells} cells: HER2 {her2} in [4.0, 6.0) -> decided by concurrent IHC"
    ),
    QT_TRANSLATE_NOOP(
        "Domain", "No concurrent IHC -> perform IHC (and/or dual-probe ISH) on sections of the same tissue"
    ),
    QT_TRANSLATE_NOOP(
        "Domain", "Scoring criteria chosen for {site} (no site-specific guideline): {criteria}"
    ),
    QT_TRANSLATE_NOOP(
        "Domain",
        "No site-specific HER2 guideline exists for {site}; scored with the breast criteria chosen for this case, whose ISH groups and HER2-low/-ultralow descriptors were defined for breast cancer",
    ),
    QT_TRANSLATE_NOOP(
        "Domain",
        "{descriptor} describes breast cancer; it is given for {site} only because the lab enabled descriptors for sites without a guideline",
    ),
    QT_TRANSLATE_NOOP("Domain", "Descriptor HER2-low: negative with IHC {score}"),
    QT_TRANSLATE_NOOP(
        "Domain",
        "Descriptor HER2-ultralow: IHC 0 with faint, incomplete staining in {pct}% (> 0% and <= 10%)",
    ),
    QT_TRANSLATE_NOOP("Domain", "A second count was entered without ISH; it was not used"),
    QT_TRANSLATE_NOOP(
        "Domain",
        "IHC 2+ must be followed by reflex ISH on the same specimen (or a new test on a new specimen)",
    ),
    QT_TRANSLATE_NOOP("Domain", "No interpretable IHC or ISH: request a new specimen or repeat the test"),
    QT_TRANSLATE_NOOP(
        "Domain",
        "Blinded recount near a threshold ({what}): small counting differences could change the call",
    ),
    QT_TRANSLATE_NOOP(
        "Domain",
        "A second count is only needed for groups 2-4 with IHC 2+; group {group} needs none, so it was not used",
    ),
    QT_TRANSLATE_NOOP("Domain", "Group 1 -> ISH positive"),
    QT_TRANSLATE_NOOP("Domain", "Group 5 -> ISH negative"),
    QT_TRANSLATE_NOOP(
        "Domain", "Group {group} needs IHC on the same tissue, reviewed together with the ISH slide"
    ),
    QT_TRANSLATE_NOOP("Domain", "Group {group} with concurrent IHC 3+ -> positive"),
    QT_TRANSLATE_NOOP(
        "Domain", "Group {group} with concurrent IHC {score} -> negative with the group {group} comment"
    ),
    QT_TRANSLATE_NOOP(
        "Domain",
        "Group {group} with IHC 2+ -> a second observer, blinded to the first result, recounts at least 20 cells in the IHC 2+ area",
    ),
    QT_TRANSLATE_NOOP(
        "Domain",
        "Recount gives group {recount_group}, not group {group} -> adjudicate per internal procedure; the software does not derive a result",
    ),
    QT_TRANSLATE_NOOP("Domain", "Recount confirms group 3 with IHC 2+ -> positive"),
    QT_TRANSLATE_NOOP("Domain", "A second count is not part of the single-probe algorithm; it was not used"),
    QT_TRANSLATE_NOOP("Domain", "Single-probe ISH, {cells} cells: HER2 {her2} >= 6.0 -> ISH positive"),
    QT_TRANSLATE_NOOP("Domain", "Single-probe ISH, {cells} cells: HER2 {her2} < 4.0 -> ISH negative"),
    QT_TRANSLATE_NOOP("Domain", "Concurrent IHC 3+ -> positive"),
    QT_TRANSLATE_NOOP("Domain", "Concurrent IHC 2+ -> perform dual-probe ISH for the final result"),
    QT_TRANSLATE_NOOP("Domain", "Concurrent IHC {score} -> negative"),
    QT_TRANSLATE_NOOP(
        "Domain", "Concurrent IHC could not be scored -> perform dual-probe ISH on the same tissue"
    ),
    QT_TRANSLATE_NOOP(
        "Domain",
        "No HER2-low/-ultralow/-null descriptor: they describe breast cancer and are not given for {site} (the lab has not enabled them for sites without a guideline)",
    ),
    QT_TRANSLATE_NOOP(
        "Domain",
        "stained_pct: give the % of cells with faint incomplete staining (0 if none) to tell HER2-null from HER2-ultralow",
    ),
    QT_TRANSLATE_NOOP(
        "Domain",
        "give the % of cells with faint incomplete staining (0 if none) to tell HER2-null from HER2-ultralow",
    ),
    QT_TRANSLATE_NOOP("Domain", "Descriptor HER2-null: IHC 0 with no membrane staining"),
    QT_TRANSLATE_NOOP("Domain", "IHC 3+ -> positive, although ISH is group 5 (negative)"),
    QT_TRANSLATE_NOOP(
        "Domain", "A second count was entered before concurrent IHC; it will be used once IHC is 2+"
    ),
    QT_TRANSLATE_NOOP("Domain", "A second count is only needed with IHC 2+; it was not used"),
    QT_TRANSLATE_NOOP(
        "Domain",
        "Discordance: IHC {score} with single-probe HER2 {her2} >= 6.0; pathologist review recommended (consider dual-probe ISH)",
    ),
    QT_TRANSLATE_NOOP("Domain", "IHC 3+ -> positive, although single-probe ISH is negative"),
    QT_TRANSLATE_NOOP(
        "Domain", "Discordance: IHC 3+ with single-probe HER2 < 4.0; pathologist review recommended"
    ),
    QT_TRANSLATE_NOOP("Domain", "Discordance: IHC 3+ with ISH group 5; pathologist review recommended"),
    QT_TRANSLATE_NOOP("Domain", "CAP/ASCP/ASCO 2016 gastroesophageal criteria"),
    QT_TRANSLATE_NOOP("Domain", "ASCO/CAP 2018 breast criteria (affirmed 2023)"),
    QT_TRANSLATE_NOOP("Domain", "breast"),
    QT_TRANSLATE_NOOP("Domain", "stomach"),
    QT_TRANSLATE_NOOP("Domain", "gastroesophageal junction"),
    QT_TRANSLATE_NOOP("Domain", "esophagus"),
    QT_TRANSLATE_NOOP("Domain", "pancreas"),
    QT_TRANSLATE_NOOP("Domain", "bladder"),
    QT_TRANSLATE_NOOP("Domain", "ovary"),
    QT_TRANSLATE_NOOP("Domain", "another site"),
    QT_TRANSLATE_NOOP("Domain", "{criteria}, applied to {site} (no site-specific guideline)"),
    QT_TRANSLATE_NOOP("Domain", "No site-specific guideline for {site}; no scoring criteria chosen"),
    QT_TRANSLATE_NOOP("Domain", "positive"),
    QT_TRANSLATE_NOOP("Domain", "equivocal"),
    QT_TRANSLATE_NOOP("Domain", "negative"),
    QT_TRANSLATE_NOOP(
        "Domain", "Near a threshold ({what}): small counting differences could change the call"
    ),
    QT_TRANSLATE_NOOP("Domain", "ratio {ratio} and HER2 {her2}"),
    QT_TRANSLATE_NOOP("Domain", "ratio {ratio}"),
    QT_TRANSLATE_NOOP("Domain", "HER2 {her2}"),
    QT_TRANSLATE_NOOP("Domain", "no reactivity, or no membranous reactivity in any tumour cell"),
    QT_TRANSLATE_NOOP(
        "Domain",
        "IHC {score}: {staining} in {pct}% of tumour cells ({needs}; resection criteria) -> {category}",
    ),
    QT_TRANSLATE_NOOP(
        "Domain",
        "IHC {score}: {staining} in a cluster of {cluster} tumour cells (>= {need}, irrespective of percentage; biopsy criteria) -> {category}",
    ),
    QT_TRANSLATE_NOOP("Domain", "strong complete, basolateral or lateral membranous staining"),
    QT_TRANSLATE_NOOP("Domain", "weak to moderate complete, basolateral or lateral membranous staining"),
    QT_TRANSLATE_NOOP("Domain", "faint, barely perceptible membranous staining"),
    QT_TRANSLATE_NOOP(
        "Domain",
        "IHC 0: membranous reactivity in {pct}% of tumour cells ({allows}; resection criteria) -> negative",
    ),
    QT_TRANSLATE_NOOP(
        "Domain",
        "IHC {score} as scored; no percentage entered (resection criteria; definition: {staining} in {needs} of tumour cells) -> {category}",
    ),
    QT_TRANSLATE_NOOP("Domain", "IHC 0: {definition} (biopsy criteria) -> negative"),
    QT_TRANSLATE_NOOP(
        "Domain",
        "IHC {score} as scored; no cluster size entered (biopsy criteria; definition: {staining} in a cluster of >= {need} tumour cells, irrespective of percentage) -> {category}",
    ),
    QT_TRANSLATE_NOOP("Domain", "ISH ratio < 2.0 -> negative"),
    QT_TRANSLATE_NOOP(
        "Domain",
        "No site-specific HER2 guideline exists for {site}; scored with the gastroesophageal criteria chosen for this case",
    ),
    QT_TRANSLATE_NOOP("Domain", "A second count is part of the breast algorithm only; it was not used"),
    QT_TRANSLATE_NOOP("Domain", "IHC 2+ -> reflex ISH"),
    QT_TRANSLATE_NOOP(
        "Domain",
        "IHC 0 as scored; no percentage entered (resection criteria; definition: no reactivity, or membranous reactivity in {allows} of tumour cells) -> negative",
    ),
    QT_TRANSLATE_NOOP(
        "Domain", "IHC 0: no membranous reactivity (0% of tumour cells; resection criteria) -> negative"
    ),
    QT_TRANSLATE_NOOP(
        "Domain",
        "Dual-probe ISH, {cells} cells: ratio {ratio} >= 2.0 -> amplified (copy number not used; HER2 {her2})",
    ),
    QT_TRANSLATE_NOOP(
        "Domain",
        "Dual-probe ISH, {cells} cells: ratio {ratio} < 2.0 -> not amplified (copy number not used; HER2 {her2})",
    ),
    QT_TRANSLATE_NOOP("Domain", "IHC 3+ -> positive"),
    QT_TRANSLATE_NOOP("Domain", "IHC {score} and ISH not amplified -> negative"),
    QT_TRANSLATE_NOOP("Domain", "The guideline tests IHC first; this result rests on ISH alone"),
    QT_TRANSLATE_NOOP("Domain", "ISH ratio >= 2.0 -> positive"),
    QT_TRANSLATE_NOOP(
        "Domain",
        "Ratio {ratio} < 2.0 with average HER2 {her2} >= {threshold} -> pathologist adjudication (not addressed by ToGA criteria)",
    ),
    QT_TRANSLATE_NOOP(
        "Domain", "Discordance: IHC 3+ with ISH ratio {ratio} < 2.0; pathologist review recommended"
    ),
    QT_TRANSLATE_NOOP("Domain", "IHC {score} with amplified ISH is discordant -> pathologist review"),
    QT_TRANSLATE_NOOP("Domain", "Discordance: IHC {score} with ISH ratio {ratio} >= 2.0"),
    QT_TRANSLATE_NOOP("Domain", "ASCO/CAP 2018 (affirmed 2023), breast"),
    QT_TRANSLATE_NOOP("Domain", "CAP/ASCP/ASCO 2016, gastroesophageal adenocarcinoma"),
    QT_TRANSLATE_NOOP("Domain", "Group 5: ratio {ratio} < 2.0 and HER2 {her2} < 4.0"),
    QT_TRANSLATE_NOOP("Domain", "Group 2: ratio {ratio} >= 2.0 and HER2 {her2} < 4.0"),
    QT_TRANSLATE_NOOP("Domain", "Group 3: ratio {ratio} < 2.0 and HER2 {her2} >= 6.0"),
    QT_TRANSLATE_NOOP("Domain", "Group 4: ratio {ratio} < 2.0 and HER2 {her2} in [4.0, 6.0)"),
    QT_TRANSLATE_NOOP("Domain", "Group 1: ratio {ratio} >= 2.0 and HER2 {her2} >= 4.0"),
    QT_TRANSLATE_NOOP("Domain", "is required when the site is Other: say which site it is"),
    QT_TRANSLATE_NOOP("Domain", "Other: {site}"),
    QT_TRANSLATE_NOOP("Domain", "{code} ({words})"),
    QT_TRANSLATE_NOOP("Domain", "{value} is not one of the sites; choose one of: {choices}"),
    QT_TRANSLATE_NOOP("Domain", "must not start or end with spaces"),
    QT_TRANSLATE_NOOP("Domain", "must be at most {limit} characters, not {length}"),
    QT_TRANSLATE_NOOP("Domain", "must be one line of printable characters"),
    QT_TRANSLATE_NOOP("Domain", "{value} looks like a date; give the site in words"),
    QT_TRANSLATE_NOOP("Domain", "{value} looks like a date; choose the site the sample came from"),
    QT_TRANSLATE_NOOP("Domain", "required; choose one of: {choices}"),
    QT_TRANSLATE_NOOP(
        "Domain", "procedure: an endoscopic biopsy is unusual for a breast specimen; check the procedure"
    ),
    QT_TRANSLATE_NOOP("Domain", "an endoscopic biopsy is unusual for a breast specimen; check the procedure"),
)
