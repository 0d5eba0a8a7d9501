"""The guideline engine's single entry point: validate, then dispatch to the criteria that apply.

A breast or gastroesophageal site is scored by its own guideline; a site without one by the criteria
chosen for the case (`criteria.py`), never by a default.
"""

from __future__ import annotations

from dataclasses import replace

from her2desk.domain.breast import interpret_breast
from her2desk.domain.criteria import guideline_for
from her2desk.domain.gastroesophageal import interpret_gastroesophageal
from her2desk.domain.guideline_settings import DEFAULT_SETTINGS, GuidelineSettings
from her2desk.domain.inputs import Her2TestInput
from her2desk.domain.interpretation import Interpretation
from her2desk.domain.rule_settings import rules_version
from her2desk.domain.validation import validate
from her2desk.domain.vocabulary import NextStep, ScoringCriteria

__all__ = ["guideline_for", "interpret"]


def interpret(test: Her2TestInput, settings: GuidelineSettings = DEFAULT_SETTINGS) -> Interpretation:
    """Interpret one HER2 test. Invalid input gives errors and no status; it never raises. Every result
    carries the rules version of `settings` (which rule settings made it, see `rule_settings`)."""
    version = rules_version(settings)
    checked = validate(test, settings)
    if checked.errors:
        return Interpretation(
            status=None,
            next_step=NextStep.NONE,
            guideline=guideline_for(test.site, test.scoring_criteria),
            errors=tuple(checked.errors),
            warnings=tuple(checked.warnings),
            rules_version=version,
        )
    criteria = test.criteria
    assert criteria is not None  # validation refuses a site without a guideline and no criteria
    result = (
        interpret_breast(test, settings)
        if criteria is ScoringCriteria.BREAST
        else interpret_gastroesophageal(test, settings)
    )
    merged = tuple(dict.fromkeys((*checked.warnings, *result.warnings)))
    return replace(result, warnings=merged, rules_version=version)
