"""Input validation for one HER2 test (her2-reporting-rules.md section (c)).

Errors block interpretation; each names the field and says what is wrong and what is allowed.
Warnings never block; they are shown beside the result. Nothing is corrected or guessed here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from her2desk.domain.criteria import SITES_WITHOUT_GUIDELINE, choices_text, guideline_for, site_words
from her2desk.domain.guideline_settings import GuidelineSettings
from her2desk.domain.inputs import Her2TestInput
from her2desk.domain.labels import plain_number, value_labels, warning_field
from her2desk.domain.numbers import decimal_places, format_decimal
from her2desk.domain.phrases import Phrase
from her2desk.domain.problems import Problem
from her2desk.domain.vocabulary import IhcScore, IshProbe, Procedure, ScoringCriteria, Site

MIN_CELLS = 20  # ASCO/CAP 2018 Figs 4-6: "counting at least 20 cells" [S]
MAX_CELLS = 100_000
MAX_SIGNALS = Decimal(100)
MAX_SIGNAL_PLACES = 6
MAX_CLUSTER_CELLS = 1_000_000
BREAST_PCT = Decimal(10)  # ASCO/CAP 2018: strictly > 10% for 1+, 2+, 3+ [S]


@dataclass
class ValidationResult:
    errors: list[Problem] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def error(self, field_name: str, message: str) -> None:
        self.errors.append(Problem(field_name, message))

    def warn(self, message: str) -> None:
        if message not in self.warnings:
            self.warnings.append(message)

    def drop_warnings_on_errors(self) -> None:
        """A value that is wrong gets its error, not also a plausibility warning about the same value
        (CEP17 0.0000001 is refused for its decimal places; calling it possible monosomy is noise)."""
        wrong = {problem.field for problem in self.errors}
        self.warnings = [w for w in self.warnings if warning_field(w) not in wrong]


def validate(test: Her2TestInput, settings: GuidelineSettings) -> ValidationResult:
    result = ValidationResult()
    if test.site is None:
        result.error("site", Phrase("required; choose one of: {choices}", choices=value_labels(Site)))
    if test.procedure is None:
        result.error(
            "procedure", Phrase("required; choose one of: {choices}", choices=value_labels(Procedure))
        )
    _check_criteria(test, result)
    if test.ihc is None and test.ish is None and not test.has_ish_values:
        result.error(
            "ihc",
            Phrase(
                "nothing to interpret: enter an IHC score (0, 1+, 2+, 3+ or indeterminate) or an ISH count"
            ),
        )
    _check_stained_pct(test, result)
    if test.cluster_cells is not None and not 0 <= test.cluster_cells <= MAX_CLUSTER_CELLS:
        result.error(
            "cluster_cells",
            Phrase(
                "must be a whole number from 0 to {limit}, not {value}",
                limit=f"{MAX_CLUSTER_CELLS:,}",
                value=plain_number(test.cluster_cells),
            ),
        )
    _check_ish(test, result, settings)
    if test.site is Site.BREAST and test.procedure is Procedure.ENDOSCOPIC_BIOPSY:
        result.warn(
            Phrase("procedure: an endoscopic biopsy is unusual for a breast specimen; check the procedure")
        )
    if test.ihc is not None:
        # Breast criteria are the same for every procedure; gastroesophageal ones depend on it. With
        # no criteria (a site without a guideline, none chosen) the extent cannot be judged yet.
        if test.criteria is ScoringCriteria.BREAST:
            _check_breast_extent(test, result, settings)
        elif test.criteria is ScoringCriteria.GASTROESOPHAGEAL and test.procedure is not None:
            _check_gastroesophageal_extent(test, result, settings)
    result.drop_warnings_on_errors()
    return result


def _check_criteria(test: Her2TestInput, result: ValidationResult) -> None:
    """Criteria are chosen for a site without a guideline of its own, and only for such a site.

    Nothing is assumed when none were chosen. A breast or gastroesophageal site is scored by its own
    guideline, so criteria sent for one (e.g. from the command line) are refused rather than ignored:
    a person who typed them expected them to matter.
    """
    site, chosen = test.site, test.scoring_criteria
    if site is None:
        return
    if site.has_site_specific_guideline:
        if chosen is not None:
            others = Phrase.listing(site_words(s) for s in SITES_WITHOUT_GUIDELINE if s is not Site.OTHER)
            result.error(
                "scoring_criteria",
                Phrase(
                    "{site} specimens are scored by their own guideline, {guideline}; "
                    "scoring criteria are chosen only for {others} and other sites, so leave them empty",
                    site=site_words(site),
                    guideline=guideline_for(site),
                    others=others,
                ),
            )
    elif chosen is None:
        name = Phrase('the site "other"') if site is Site.OTHER else site_words(site)
        result.error(
            "scoring_criteria",
            Phrase(
                "required because {name} has no site-specific HER2 guideline: choose {choices}",
                name=name,
                choices=choices_text(),
            ),
        )


def _check_stained_pct(test: Her2TestInput, result: ValidationResult) -> None:
    pct = test.stained_pct
    if pct is None:
        return
    if not Decimal(0) <= pct <= Decimal(100):
        result.error(
            "stained_pct", Phrase("must be a percentage from 0 to 100, not {value}", value=plain_number(pct))
        )
    elif decimal_places(pct) > 1:
        result.error(
            "stained_pct",
            Phrase(
                "give the percentage with at most one decimal place, not {value}", value=plain_number(pct)
            ),
        )


def _check_signals(result: ValidationResult, name: str, value: Decimal | None, label: str) -> None:
    if value is None:
        return
    if value <= 0:
        result.error(
            name,
            Phrase(
                "average {probe} signals per cell must be greater than 0, not {value}",
                probe=label,
                value=plain_number(value),
            ),
        )
    elif value > MAX_SIGNALS:
        result.error(
            name,
            Phrase(
                "average {probe} signals per cell must be at most {limit}, not {value}",
                probe=label,
                limit=MAX_SIGNALS,
                value=plain_number(value),
            ),
        )
    elif decimal_places(value) > MAX_SIGNAL_PLACES:
        result.error(
            name,
            Phrase(
                "give at most {places} decimal places, not {value}",
                places=MAX_SIGNAL_PLACES,
                value=plain_number(value),
            ),
        )


def _check_cells(result: ValidationResult, name: str, value: int | None) -> None:
    if value is None:
        return
    if value < MIN_CELLS:
        result.error(
            name,
            Phrase(
                "at least {minimum} cells must be counted for a reportable count, not {value}",
                minimum=MIN_CELLS,
                value=plain_number(value),
            ),
        )
    elif value > MAX_CELLS:
        result.error(
            name,
            Phrase(
                "must be at most {limit} cells, not {value}",
                limit=f"{MAX_CELLS:,}",
                value=plain_number(value),
            ),
        )


def _check_count(
    test: Her2TestInput,
    result: ValidationResult,
    names: tuple[str, str, str],
    values: tuple[Decimal | None, Decimal | None, int | None],
    second: bool,
) -> None:
    her2_name, cep17_name, cells_name = names
    her2, cep17, cells = values
    if her2 is None:
        result.error(
            her2_name,
            Phrase("the blinded second count needs the average HER2 signals per cell")
            if second
            else Phrase("the first count needs the average HER2 signals per cell"),
        )
    if cells is None:
        result.error(
            cells_name,
            Phrase(
                "the blinded second count needs the number of cells counted (at least {minimum})",
                minimum=MIN_CELLS,
            )
            if second
            else Phrase(
                "the first count needs the number of cells counted (at least {minimum})", minimum=MIN_CELLS
            ),
        )
    if test.ish is IshProbe.DUAL and cep17 is None:
        result.error(
            cep17_name,
            Phrase("a dual-probe blinded second count needs the average CEP17 signals per cell")
            if second
            else Phrase("a dual-probe first count needs the average CEP17 signals per cell"),
        )
    if test.ish is IshProbe.SINGLE and cep17 is not None:
        result.error(
            cep17_name, Phrase("a single-probe assay has no CEP17 probe; leave CEP17 empty or choose dual")
        )
    _check_signals(result, her2_name, her2, "HER2")
    _check_signals(result, cep17_name, cep17, "CEP17")
    _check_cells(result, cells_name, cells)


def _check_ish(test: Her2TestInput, result: ValidationResult, settings: GuidelineSettings) -> None:
    if test.ish is None:
        if test.has_ish_values or test.has_recount_values:
            result.error("ish", Phrase("ISH counts were entered; say which assay was used: dual or single"))
        return
    if test.criteria is ScoringCriteria.GASTROESOPHAGEAL and test.ish is IshProbe.SINGLE:
        assert test.site is not None
        result.error(
            "ish",
            Phrase(
                "for this site ISH is called on the HER2/CEP17 ratio (CAP/ASCP/ASCO 2016); "
                "single-probe ISH cannot be interpreted here, use a dual-probe assay"
            )
            if test.site.is_gastroesophageal
            else Phrase(
                "with the gastroesophageal criteria ISH is called on the HER2/CEP17 ratio "
                "(CAP/ASCP/ASCO 2016); single-probe ISH cannot be interpreted here, use a dual-probe assay"
            ),
        )
    _check_count(test, result, ("her2", "cep17", "cells"), (test.her2, test.cep17, test.cells), False)
    if test.has_recount_values:
        _check_count(
            test,
            result,
            ("recount_her2", "recount_cep17", "recount_cells"),
            (test.recount_her2, test.recount_cep17, test.recount_cells),
            True,
        )
    for value, name in ((test.her2, "her2"), (test.recount_her2, "recount_her2")):
        if value is not None and MAX_SIGNALS >= value > settings.her2_high_warning:
            result.warn(_her2_high_warning(name, settings.her2_high_warning))
    if test.ish is IshProbe.DUAL:
        for value, name in ((test.cep17, "cep17"), (test.recount_cep17, "recount_cep17")):
            if (
                value is not None
                and 0 < value <= MAX_SIGNALS
                and not (settings.cep17_low_warning <= value <= settings.cep17_high_warning)
            ):
                result.warn(
                    _cep17_warning(
                        name, plain_number(value), settings.cep17_low_warning, settings.cep17_high_warning
                    )
                )


def _her2_high_warning(name: str, limit: Decimal) -> Phrase:
    """The warning on a high HER2 count, with its field's key (each key's template written out, so the
    collector gathers it and its text without the key)."""
    if name == "recount_her2":
        return Phrase(
            "recount_her2: average HER2 above {limit} signals per cell; "
            "check for clustered or too-numerous-to-count signals",
            limit=limit,
        )
    return Phrase(
        "her2: average HER2 above {limit} signals per cell; "
        "check for clustered or too-numerous-to-count signals",
        limit=limit,
    )


def _cep17_warning(name: str, value: str, low: Decimal, high: Decimal) -> Phrase:
    """The warning on an unusual CEP17 count, with its field's key (see `_her2_high_warning`)."""
    if name == "recount_cep17":
        return Phrase(
            "recount_cep17: average CEP17 {value} is outside {low}-{high} (possible monosomy or "
            "polysomy 17); pathologist attention",
            value=value,
            low=low,
            high=high,
        )
    return Phrase(
        "cep17: average CEP17 {value} is outside {low}-{high} (possible monosomy or polysomy 17); "
        "pathologist attention",
        value=value,
        low=low,
        high=high,
    )


def _check_breast_extent(test: Her2TestInput, result: ValidationResult, settings: GuidelineSettings) -> None:
    pct, ihc = test.stained_pct, test.ihc
    if test.cluster_cells is not None:
        result.warn(
            Phrase("cluster_cells: cluster size is a gastroesophageal biopsy criterion; not used for breast")
        )
    if pct is None:
        if ihc is IhcScore.THREE_PLUS:
            _breast_3plus_without_pct(result, settings)
        return
    if not Decimal(0) <= pct <= Decimal(100):
        return
    shown = plain_number(pct)
    if ihc is IhcScore.THREE_PLUS and pct <= BREAST_PCT:
        result.error(
            "stained_pct",
            Phrase(
                "IHC 3+ needs complete, intense staining in more than 10% of invasive "
                "tumour cells; {pct}% is 10% or less (intense staining in 10% or less "
                "of cells is scored 2+)",
                pct=shown,
            ),
        )
    elif ihc is IhcScore.ONE_PLUS and pct <= BREAST_PCT:
        result.error(
            "stained_pct",
            Phrase(
                "IHC 1+ needs faint incomplete staining in more than 10% of cells; "
                "{pct}% is 10% or less, which is scored 0",
                pct=shown,
            ),
        )
    elif ihc is IhcScore.ZERO and pct > BREAST_PCT:
        result.error(
            "stained_pct",
            Phrase(
                "IHC 0 allows faint incomplete staining in at most 10% of cells; "
                "{pct}% is more than 10%, which is scored 1+",
                pct=shown,
            ),
        )
    elif ihc is IhcScore.TWO_PLUS and pct == 0:
        # Fig 1: 2+ is staining in more than 10% of cells; the unusual pattern scored 2+ is intense
        # staining in 10% or less of them. Both need stained cells; none is IHC 0.
        result.error(
            "stained_pct",
            Phrase(
                "IHC 2+ needs stained cells: weak to moderate complete staining in more than 10% of cells, "
                "or intense complete staining in 10% or less of them (an unusual pattern); 0% means no "
                "stained cells, which is scored 0"
            ),
        )
    elif ihc is IhcScore.TWO_PLUS and pct <= BREAST_PCT:
        result.warn(
            Phrase(
                "stained_pct: IHC 2+ with staining in {pct}% of cells (10% or less) is an unusual "
                "pattern the guideline scores as 2+ equivocal; other samples may give different results",
                pct=shown,
            )
        )


def _breast_3plus_without_pct(result: ValidationResult, settings: GuidelineSettings) -> None:
    """Breast 3+ needs more than 10% of cells (Fig 1); without the percentage nobody can check it."""
    need = Phrase("the percentage of cells with complete, intense membrane staining (3+ needs more than 10%)")
    if settings.require_stained_pct_for_breast_ihc3:
        result.error("stained_pct", Phrase("IHC 3+ needs {need}; the lab requires it", need=need))
    else:
        result.warn(
            Phrase(
                "stained_pct: IHC 3+ was entered without {need}; give it so the score can be checked",
                need=need,
            )
        )


def _check_gastroesophageal_extent(
    test: Her2TestInput, result: ValidationResult, settings: GuidelineSettings
) -> None:
    ihc = test.ihc
    assert test.procedure is not None
    if ihc is IhcScore.INDETERMINATE:
        return
    if test.procedure.is_resection:
        if test.cluster_cells is not None:
            result.warn(
                Phrase(
                    "cluster_cells: cluster size is a biopsy criterion; resections are scored on the "
                    "percentage of stained cells"
                )
            )
        pct = test.stained_pct
        if pct is None or not Decimal(0) <= pct <= Decimal(100):
            return
        limit = settings.gastroesophageal_resection_pct
        inclusive = settings.gastroesophageal_resection_pct_inclusive
        reaches = pct >= limit if inclusive else pct > limit
        shown_limit = format_decimal(limit, 0)
        if ihc is not IhcScore.ZERO and not reaches:
            assert ihc is not None
            result.error(
                "stained_pct",
                Phrase(
                    "resection IHC {ihc} needs membranous staining in at least {limit}% of tumour cells; "
                    "{pct}% is less than that, which is scored 0",
                    ihc=ihc.value,
                    limit=shown_limit,
                    pct=plain_number(pct),
                )
                if inclusive
                else Phrase(
                    "resection IHC {ihc} needs membranous staining in more than {limit}% of tumour cells; "
                    "{pct}% is not more than that, which is scored 0",
                    ihc=ihc.value,
                    limit=shown_limit,
                    pct=plain_number(pct),
                ),
            )
        elif ihc is IhcScore.ZERO and reaches:
            # With ">= 10%" for 1+ and above, IHC 0 is "< 10%"; with "> 10%" it is "<= 10%".
            result.error(
                "stained_pct",
                Phrase(
                    "resection IHC 0 allows membranous staining in less than {limit}% of tumour cells "
                    "({pct}% was entered); score 1+ or higher",
                    limit=shown_limit,
                    pct=plain_number(pct),
                )
                if inclusive
                else Phrase(
                    "resection IHC 0 allows membranous staining in at most {limit}% of tumour cells "
                    "({pct}% was entered); score 1+ or higher",
                    limit=shown_limit,
                    pct=plain_number(pct),
                ),
            )
    else:
        if test.stained_pct is not None:
            result.warn(
                Phrase(
                    "stained_pct: biopsies are scored on a cluster of stained cells irrespective of "
                    "percentage; the percentage is recorded but not used"
                )
            )
        cluster = test.cluster_cells
        minimum = settings.gastroesophageal_biopsy_cluster_cells
        if cluster is None or cluster < 0:
            return
        if ihc is not IhcScore.ZERO and cluster < minimum:
            result.error(
                "cluster_cells",
                Phrase(
                    "biopsy IHC {ihc} needs a cluster of at least {minimum} stained "
                    "tumour cells; {value} is fewer",
                    ihc=ihc.value if ihc is not None else "",
                    minimum=minimum,
                    value=plain_number(cluster),
                ),
            )
        elif ihc is IhcScore.ZERO and cluster >= minimum:
            result.error(
                "cluster_cells",
                Phrase(
                    "biopsy IHC 0 is no reactivity, or no membranous reactivity in any tumour cell; a "
                    "stained cluster of {value} cells (at least {minimum}) scores at least 1+",
                    value=plain_number(cluster),
                    minimum=minimum,
                ),
            )
