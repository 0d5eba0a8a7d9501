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
        "{yy}, {yyyy} (the year), and exactly one {seq} or {padded} (the counter, N from 1 to 9 digits)",
    ),
    QT_TRANSLATE_NOOP("Domain", "a brace is not closed or not opened; allowed are {allowed}"),
    QT_TRANSLATE_NOOP(
        "Domain",
        "it gives numbers such as {example}, and an accession number {problem}; write a pattern such as {sample}",
    ),
    QT_TRANSLATE_NOOP("Domain", "{placeholder} is not a placeholder; allowed are {allowed}"),
    QT_TRANSLATE_NOOP("Domain", "no counter; allowed are {allowed}"),
    QT_TRANSLATE_NOOP("Domain", "{count} counters; allowed are {allowed}"),
    QT_TRANSLATE_NOOP(
        "Domain",
        "ihc.clone: this is a {kind} result and the clone is not 4B5; the FDA-approved companion test for HER2-low and HER2-ultralow is the Ventana PATHWAY anti-HER2/neu (4B5) assay",
    ),
    QT_TRANSLATE_NOOP(
        "Domain",
        "this is a {kind} result and the clone is not 4B5; the FDA-approved companion test for HER2-low and HER2-ultralow is the Ventana PATHWAY anti-HER2/neu (4B5) assay",
    ),
    QT_TRANSLATE_NOOP("Domain", "specimen.metastatic_site: metastatic specimen without the metastatic site"),
    QT_TRANSLATE_NOOP("Domain", "metastatic specimen without the metastatic site"),
    QT_TRANSLATE_NOOP(
        "Domain",
        "specimen.metastatic_site: {text} was typed before the list of sites; choose the site from the list",
    ),
    QT_TRANSLATE_NOOP("Domain", "{text} was typed before the list of sites; choose the site from the list"),
    QT_TRANSLATE_NOOP(
        "Domain",
        "specimen.fixative: not 10% neutral buffered formalin; the guideline's requirements are not met",
    ),
    QT_TRANSLATE_NOOP(
        "Domain", "not 10% neutral buffered formalin; the guideline's requirements are not met"
    ),
    QT_TRANSLATE_NOOP(
        "Domain",
        "specimen.fragments: {count} biopsy fragments; at least {minimum} (ideally 6-8) are recommended; consider re-biopsy if negative",
    ),
    QT_TRANSLATE_NOOP(
        "Domain",
        "{count} biopsy fragments; at least {minimum} (ideally 6-8) are recommended; consider re-biopsy if negative",
    ),
    QT_TRANSLATE_NOOP("Domain", "must be at most {limit} characters, not {count}"),
    QT_TRANSLATE_NOOP("Domain", "{date} is in the future (today is {today})"),
    QT_TRANSLATE_NOOP("Domain", "required (a second patient identifier)"),
    QT_TRANSLATE_NOOP("Domain", "{date} is before the birth date {birth_date}"),
    QT_TRANSLATE_NOOP(
        "Domain",
        "a metastatic site is given for a primary tumour; choose metastatic or recurrent, or clear it",
    ),
    QT_TRANSLATE_NOOP("Domain", "{tumour} fragments with tumour is more than the {total} fragments in all"),
    QT_TRANSLATE_NOOP(
        "Domain",
        "controls did not stain as expected; the IHC cannot be reported (score it indeterminate and repeat)",
    ),
    QT_TRANSLATE_NOOP("Domain", "required"),
    QT_TRANSLATE_NOOP("Domain", "must not contain control characters or line breaks"),
    QT_TRANSLATE_NOOP("Domain", "{date} is before {year}"),
    QT_TRANSLATE_NOOP("Domain", "breast specimens need laterality: left, right, bilateral or unknown"),
    QT_TRANSLATE_NOOP("Domain", "laterality applies to breast specimens only"),
    QT_TRANSLATE_NOOP("Domain", "must be at most {limit} printable characters"),
    QT_TRANSLATE_NOOP("Domain", "must be 0 minutes or more"),
    QT_TRANSLATE_NOOP(
        "Domain",
        "specimen.cold_ischaemia_minutes: cold ischaemia {minutes} min is over {limit} min; report the exception",
    ),
    QT_TRANSLATE_NOOP("Domain", "cold ischaemia {minutes} min is over {limit} min; report the exception"),
    QT_TRANSLATE_NOOP("Domain", "must be 0 hours or more"),
    QT_TRANSLATE_NOOP(
        "Domain",
        "specimen.fixation_hours: fixation {hours} h is outside {low}-{high} h; report the exception",
    ),
    QT_TRANSLATE_NOOP("Domain", "fixation {hours} h is outside {low}-{high} h; report the exception"),
    QT_TRANSLATE_NOOP("Domain", "must be 0 or more"),
    QT_TRANSLATE_NOOP(
        "Domain",
        "ihc.controls_acceptable: IHC 3+ without a controls result; say whether the controls stained as expected",
    ),
    QT_TRANSLATE_NOOP(
        "Domain", "IHC 3+ without a controls result; say whether the controls stained as expected"
    ),
    QT_TRANSLATE_NOOP(
        "Domain",
        "IHC 3+ needs a controls result: say whether the controls stained as expected (the lab requires it)",
    ),
    QT_TRANSLATE_NOOP(
        "Domain",
        "{gastroesophageal} (CAP/ASCP/ASCO 2016 gastroesophageal criteria, as DESTINY-PanTumor02 used) or {breast} (ASCO/CAP 2018 breast criteria)",
    ),
    QT_TRANSLATE_NOOP("Domain", "must not start or end with spaces"),
    QT_TRANSLATE_NOOP("Domain", "may contain only letters A-Z, digits and - _ / ."),
    QT_TRANSLATE_NOOP("Domain", "{lead}... ({count} decimal places)"),
    QT_TRANSLATE_NOOP("Domain", "{lead}... ({count} digits)"),
    QT_TRANSLATE_NOOP("Domain", "{lead}... ({count} digits before the decimal point)"),
    QT_TRANSLATE_NOOP("Domain", "a number with thousands of digits"),
    QT_TRANSLATE_NOOP("Domain", "is required when the site is Other: say which site it is"),
    QT_TRANSLATE_NOOP("Domain", "{text} is not one of the sites; choose one of: {allowed}"),
    QT_TRANSLATE_NOOP("Domain", "must be one line of printable characters"),
    QT_TRANSLATE_NOOP("Domain", "{text} looks like a date; give the site in words"),
    QT_TRANSLATE_NOOP("Domain", "{text} looks like a date; choose the site the sample came from"),
    QT_TRANSLATE_NOOP("Domain", "{start}... ({count} characters)"),
    QT_TRANSLATE_NOOP("Domain", "{text} is not allowed; choose one of: {allowed}"),
    QT_TRANSLATE_NOOP("Domain", "{text} is not a whole number; use digits only, e.g. 20"),
    QT_TRANSLATE_NOOP("Domain", "{text} is not a number; use digits with a decimal point, e.g. 2.15"),
    QT_TRANSLATE_NOOP("Domain", "{start}... ({count} digits) is far too large; use digits only, e.g. 20"),
    QT_TRANSLATE_NOOP("Domain", "{text} is not a date; use year-month-day, e.g. 2024-03-15"),
    QT_TRANSLATE_NOOP(
        "Domain",
        "her2: average HER2 above {limit} signals per cell; check for clustered or too-numerous-to-count signals",
    ),
    QT_TRANSLATE_NOOP(
        "Domain",
        "average HER2 above {limit} signals per cell; check for clustered or too-numerous-to-count signals",
    ),
    QT_TRANSLATE_NOOP(
        "Domain",
        "cep17: average CEP17 {value} is outside {low}-{high} (possible monosomy or polysomy 17); pathologist attention",
    ),
    QT_TRANSLATE_NOOP(
        "Domain",
        "average CEP17 {value} is outside {low}-{high} (possible monosomy or polysomy 17); pathologist attention",
    ),
    QT_TRANSLATE_NOOP(
        "Domain", "the percentage of cells with complete, intense membrane staining (3+ needs more than 10%)"
    ),
    QT_TRANSLATE_NOOP("Domain", "breast"),
    QT_TRANSLATE_NOOP("Domain", "stomach"),
    QT_TRANSLATE_NOOP("Domain", "gastroesophageal junction"),
    QT_TRANSLATE_NOOP("Domain", "esophagus"),
    QT_TRANSLATE_NOOP("Domain", "pancreas"),
    QT_TRANSLATE_NOOP("Domain", "bladder"),
    QT_TRANSLATE_NOOP("Domain", "ovary"),
    QT_TRANSLATE_NOOP(
        "Domain",
        "recount_her2: average HER2 above {limit} signals per cell; check for clustered or too-numerous-to-count signals",
    ),
    QT_TRANSLATE_NOOP(
        "Domain",
        "recount_cep17: average CEP17 {value} is outside {low}-{high} (possible monosomy or polysomy 17); pathologist attention",
    ),
    QT_TRANSLATE_NOOP("Domain", "required; choose one of: {choices}"),
    QT_TRANSLATE_NOOP(
        "Domain", "nothing to interpret: enter an IHC score (0, 1+, 2+, 3+ or indeterminate) or an ISH count"
    ),
    QT_TRANSLATE_NOOP("Domain", "must be a whole number from 0 to {limit}, not {value}"),
    QT_TRANSLATE_NOOP(
        "Domain", "procedure: an endoscopic biopsy is unusual for a breast specimen; check the procedure"
    ),
    QT_TRANSLATE_NOOP("Domain", "an endoscopic biopsy is unusual for a breast specimen; check the procedure"),
    QT_TRANSLATE_NOOP("Domain", "must be a percentage from 0 to 100, not {value}"),
    QT_TRANSLATE_NOOP("Domain", "average {probe} signals per cell must be greater than 0, not {value}"),
    QT_TRANSLATE_NOOP(
        "Domain", "at least {minimum} cells must be counted for a reportable count, not {value}"
    ),
    QT_TRANSLATE_NOOP("Domain", "a single-probe assay has no CEP17 probe; leave CEP17 empty or choose dual"),
    QT_TRANSLATE_NOOP(
        "Domain", "cluster_cells: cluster size is a gastroesophageal biopsy criterion; not used for breast"
    ),
    QT_TRANSLATE_NOOP("Domain", "cluster size is a gastroesophageal biopsy criterion; not used for breast"),
    QT_TRANSLATE_NOOP(
        "Domain",
        "IHC 3+ needs complete, intense staining in more than 10% of invasive tumour cells; {pct}% is 10% or less (intense staining in 10% or less of cells is scored 2+)",
    ),
    QT_TRANSLATE_NOOP("Domain", "IHC 3+ needs {need}; the lab requires it"),
    QT_TRANSLATE_NOOP(
        "Domain", "stained_pct: IHC 3+ was entered without {need}; give it so the score can be checked"
    ),
    QT_TRANSLATE_NOOP("Domain", "IHC 3+ was entered without {need}; give it so the score can be checked"),
    QT_TRANSLATE_NOOP(
        "Domain",
        "{site} specimens are scored by their own guideline, {guideline}; scoring criteria are chosen only for {others} and other sites, so leave them empty",
    ),
    QT_TRANSLATE_NOOP("Domain", 'the site "other"'),
    QT_TRANSLATE_NOOP(
        "Domain", "required because {name} has no site-specific HER2 guideline: choose {choices}"
    ),
    QT_TRANSLATE_NOOP("Domain", "give the percentage with at most one decimal place, not {value}"),
    QT_TRANSLATE_NOOP("Domain", "average {probe} signals per cell must be at most {limit}, not {value}"),
    QT_TRANSLATE_NOOP("Domain", "must be at most {limit} cells, not {value}"),
    QT_TRANSLATE_NOOP("Domain", "the blinded second count needs the average HER2 signals per cell"),
    QT_TRANSLATE_NOOP("Domain", "the first count needs the average HER2 signals per cell"),
    QT_TRANSLATE_NOOP(
        "Domain", "the blinded second count needs the number of cells counted (at least {minimum})"
    ),
    QT_TRANSLATE_NOOP("Domain", "the first count needs the number of cells counted (at least {minimum})"),
    QT_TRANSLATE_NOOP("Domain", "a dual-probe blinded second count needs the average CEP17 signals per cell"),
    QT_TRANSLATE_NOOP("Domain", "a dual-probe first count needs the average CEP17 signals per cell"),
    QT_TRANSLATE_NOOP("Domain", "ISH counts were entered; say which assay was used: dual or single"),
    QT_TRANSLATE_NOOP(
        "Domain",
        "for this site ISH is called on the HER2/CEP17 ratio (CAP/ASCP/ASCO 2016); single-probe ISH cannot be interpreted here, use a dual-probe assay",
    ),
    QT_TRANSLATE_NOOP(
        "Domain",
        "with the gastroesophageal criteria ISH is called on the HER2/CEP17 ratio (CAP/ASCP/ASCO 2016); single-probe ISH cannot be interpreted here, use a dual-probe assay",
    ),
    QT_TRANSLATE_NOOP(
        "Domain",
        "IHC 1+ needs faint incomplete staining in more than 10% of cells; {pct}% is 10% or less, which is scored 0",
    ),
    QT_TRANSLATE_NOOP(
        "Domain",
        "cluster_cells: cluster size is a biopsy criterion; resections are scored on the percentage of stained cells",
    ),
    QT_TRANSLATE_NOOP(
        "Domain",
        "cluster size is a biopsy criterion; resections are scored on the percentage of stained cells",
    ),
    QT_TRANSLATE_NOOP(
        "Domain",
        "stained_pct: biopsies are scored on a cluster of stained cells irrespective of percentage; the percentage is recorded but not used",
    ),
    QT_TRANSLATE_NOOP(
        "Domain",
        "biopsies are scored on a cluster of stained cells irrespective of percentage; the percentage is recorded but not used",
    ),
    QT_TRANSLATE_NOOP(
        "Domain",
        "biopsy IHC {ihc} needs a cluster of at least {minimum} stained tumour cells; {value} is fewer",
    ),
    QT_TRANSLATE_NOOP("Domain", "give at most {places} decimal places, not {value}"),
    QT_TRANSLATE_NOOP(
        "Domain",
        "IHC 0 allows faint incomplete staining in at most 10% of cells; {pct}% is more than 10%, which is scored 1+",
    ),
    QT_TRANSLATE_NOOP(
        "Domain",
        "resection IHC {ihc} needs membranous staining in at least {limit}% of tumour cells; {pct}% is less than that, which is scored 0",
    ),
    QT_TRANSLATE_NOOP(
        "Domain",
        "resection IHC {ihc} needs membranous staining in more than {limit}% of tumour cells; {pct}% is not more than that, which is scored 0",
    ),
    QT_TRANSLATE_NOOP(
        "Domain",
        "biopsy IHC 0 is no reactivity, or no membranous reactivity in any tumour cell; a stained cluster of {value} cells (at least {minimum}) scores at least 1+",
    ),
    QT_TRANSLATE_NOOP(
        "Domain",
        "IHC 2+ needs stained cells: weak to moderate complete staining in more than 10% of cells, or intense complete staining in 10% or less of them (an unusual pattern); 0% means no stained cells, which is scored 0",
    ),
    QT_TRANSLATE_NOOP(
        "Domain",
        "resection IHC 0 allows membranous staining in less than {limit}% of tumour cells ({pct}% was entered); score 1+ or higher",
    ),
    QT_TRANSLATE_NOOP(
        "Domain",
        "resection IHC 0 allows membranous staining in at most {limit}% of tumour cells ({pct}% was entered); score 1+ or higher",
    ),
    QT_TRANSLATE_NOOP(
        "Domain",
        "stained_pct: IHC 2+ with staining in {pct}% of cells (10% or less) is an unusual pattern the guideline scores as 2+ equivocal; other samples may give different results",
    ),
    QT_TRANSLATE_NOOP(
        "Domain",
        "IHC 2+ with staining in {pct}% of cells (10% or less) is an unusual pattern the guideline scores as 2+ equivocal; other samples may give different results",
    ),
)
