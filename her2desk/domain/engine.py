"""The guideline engine's single entry point: validate, then dispatch to the site's rules."""

from __future__ import annotations

from dataclasses import replace

from her2desk.domain.breast import interpret_breast
from her2desk.domain.gastroesophageal import interpret_gastroesophageal
from her2desk.domain.inputs import Her2TestInput
from her2desk.domain.interpretation import Interpretation
from her2desk.domain.rule_settings import rules_version
from her2desk.domain.settings import (
    BREAST_GUIDELINE,
    DEFAULT_SETTINGS,
    GASTROESOPHAGEAL_GUIDELINE,
    OTHER_SITE_GUIDELINE,
    GuidelineSettings,
)
from her2desk.domain.validation import validate
from her2desk.domain.vocabulary import NextStep, Site


def guideline_for(site: Site | None) -> str:
    if site is None:
        return ""
    if site.is_breast:
        return BREAST_GUIDELINE
    return GASTROESOPHAGEAL_GUIDELINE if site.is_gastroesophageal else OTHER_SITE_GUIDELINE


def interpret(test: Her2TestInput, settings: GuidelineSettings = DEFAULT_SETTINGS) -> Interpretation:
    """Interpret one HER2 test. Invalid input gives errors and no status; it never raises. Every result
    carries the rules version of `settings` (which rule settings made it, see `rule_settings`)."""
    version = rules_version(settings)
    checked = validate(test, settings)
    if checked.errors:
        return Interpretation(
            status=None,
            next_step=NextStep.NONE,
            guideline=guideline_for(test.site),
            errors=tuple(checked.errors),
            warnings=tuple(checked.warnings),
            rules_version=version,
        )
    assert test.site is not None
    result = (
        interpret_breast(test, settings)
        if test.site.is_breast
        else interpret_gastroesophageal(test, settings)
    )
    merged = tuple(dict.fromkeys((*checked.warnings, *result.warnings)))
    return replace(result, warnings=merged, rules_version=version)
