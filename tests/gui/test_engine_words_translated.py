"""Every sentence the guideline engine writes can be said in Spanish.

The engine is driven over the guideline case tables the domain tests use (decision tables A1 and A2,
the sites without a guideline of their own) and over a grid of scores, percentages, counts near and far
from every threshold and second counts. Each step of the rule trail, each warning of the engine, the
ISH group's explanation and the guideline text must be a `Phrase` (so a new English f-string fails
here) whose Spanish, said by the interface, differs from the English (so it is really translated, and
no translation lost a placeholder, which would bring the English back).
"""

from __future__ import annotations

import importlib.util
import itertools
import sys
from collections.abc import Iterator
from dataclasses import replace
from decimal import Decimal
from pathlib import Path
from types import ModuleType

from her2desk.domain import DEFAULT_SETTINGS, Her2TestInput, interpret
from her2desk.domain.breast import interpret_breast
from her2desk.domain.gastroesophageal import interpret_gastroesophageal
from her2desk.domain.guideline_settings import GuidelineSettings
from her2desk.domain.interpretation import Interpretation
from her2desk.domain.ish_groups import read_dual_probe
from her2desk.domain.phrases import Phrase
from her2desk.domain.vocabulary import IhcScore, IshProbe, Procedure, ScoringCriteria, Site
from her2desk.gui.common.domain_text import say

D = Decimal
DOMAIN_TESTS = Path(__file__).resolve().parents[1] / "domain"


def _tables(name: str) -> ModuleType:
    """A domain test module, loaded under its own name, for its case tables."""
    spec = importlib.util.spec_from_file_location(f"engine_words_{name}", DOMAIN_TESTS / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


A1 = _tables("test_breast_table_a1")
A2 = _tables("test_gastroesophageal_table_a2")

SETTINGS = [
    DEFAULT_SETTINGS,
    replace(
        DEFAULT_SETTINGS, descriptors_on_other_sites=True, gastroesophageal_resection_pct_inclusive=False
    ),
]
# (HER2, CEP17): each dual-probe group far from the thresholds, and counts near each threshold.
COUNTS = [
    (D("10.00"), D("2.00")),
    (D("3.00"), D("1.20")),
    (D("7.00"), D("4.00")),
    (D("5.00"), D("3.00")),
    (D("2.00"), D("2.00")),
    (D("4.10"), D("2.30")),  # HER2 near 4.0
    (D("6.10"), D("3.50")),  # HER2 near 6.0
    (D("3.80"), D("1.90")),  # ratio 2.00 and HER2 near 4.0
    (D("6.00"), D("2.95")),  # ratio near 2.0 and HER2 at 6.0
]
SCORES = [None, *IhcScore]
PERCENTAGES = [None, D(0), D(5), D(30)]
RECOUNTS = [(D("4.60"), D("2.90")), (D("7.40"), D("3.90")), (D("10.00"), D("2.00"))]  # groups 4, 3, 1


def _grid() -> Iterator[Her2TestInput]:
    places = [
        (Site.BREAST, Procedure.CORE_NEEDLE_BIOPSY, None),
        (Site.STOMACH, Procedure.ENDOSCOPIC_BIOPSY, None),
        (Site.ESOPHAGUS, Procedure.SURGICAL_RESECTION, None),
        (Site.PANCREAS, Procedure.SURGICAL_RESECTION, ScoringCriteria.BREAST),
        (Site.OTHER, Procedure.CORE_NEEDLE_BIOPSY, ScoringCriteria.GASTROESOPHAGEAL),
    ]
    for (site, procedure, criteria), ihc, pct in itertools.product(places, SCORES, PERCENTAGES):
        base = Her2TestInput(
            site=site,
            procedure=procedure,
            ihc=ihc,
            stained_pct=pct if ihc is not None else None,
            cluster_cells=8 if ihc is not None and pct is not None else None,
            scoring_criteria=criteria,
        )
        yield base
        for her2, cep17 in COUNTS:
            dual = base.with_changes(ish=IshProbe.DUAL, her2=her2, cep17=cep17, cells=20)
            yield dual
            # Every recount group with IHC 2+ (where it is used); one elsewhere (where it is not).
            for recount in RECOUNTS if ihc is IhcScore.TWO_PLUS else RECOUNTS[:1]:
                yield dual.with_changes(recount_her2=recount[0], recount_cep17=recount[1], recount_cells=20)
            yield base.with_changes(ish=IshProbe.SINGLE, her2=her2, cells=20)
        yield base.with_changes(recount_her2=D("5.00"), recount_cep17=D("3.00"), recount_cells=20)


def _table_inputs() -> Iterator[tuple[Her2TestInput, GuidelineSettings]]:
    for row in A1.ROWS.values():
        yield row.test, A1.SETTINGS
    for site in (*A2.GASTROESOPHAGEAL, *A2.OTHER_SITES):
        for test, _status, _next in A2.A2_ROWS.values():
            criteria = None if site.has_site_specific_guideline else ScoringCriteria.GASTROESOPHAGEAL
            yield test.with_changes(site=site, scoring_criteria=criteria), DEFAULT_SETTINGS


def _engine_results() -> list[tuple[Her2TestInput, Interpretation]]:
    """The site engine's own result (no validation warnings) of every valid test of the tables and grid."""
    results = []
    cases = [
        *_table_inputs(),
        *(
            (test, s)
            for test in _grid()
            for s in (SETTINGS if test.site is not Site.BREAST else SETTINGS[:1])
        ),
    ]
    for test, settings in cases:
        if interpret(test, settings).errors:
            continue  # the engine runs only on valid input
        engine = interpret_breast if test.criteria is ScoringCriteria.BREAST else interpret_gastroesophageal
        results.append((test, engine(test, settings)))
    return results


RESULTS = _engine_results()


def _said_in_spanish(text: str, where: str) -> None:
    assert isinstance(text, Phrase), f"{where} is plain text, not a Phrase: {text!r}"
    spanish = say(text)
    assert spanish != str(text), f"{where} is not translated: {text!r}"


def test_the_sweep_reaches_every_kind_of_result() -> None:
    """The inputs cover many trails (so the assertions below are not vacuous)."""
    assert len(RESULTS) > 1000
    templates = {
        step.template for _test, result in RESULTS for step in result.trail if isinstance(step, Phrase)
    }
    warnings = {w.template for _test, result in RESULTS for w in result.warnings if isinstance(w, Phrase)}
    assert len(templates) >= 45
    assert len(warnings) >= 15


def test_every_trail_step_and_engine_warning_is_a_translated_phrase(spanish) -> None:
    seen: set[str] = set()
    for test, result in RESULTS:
        for step in result.trail:
            if step not in seen:
                _said_in_spanish(step, f"trail step of {test}")
                seen.add(step)
        for warning in result.warnings:
            if warning not in seen:
                _said_in_spanish(warning, f"warning of {test}")
                seen.add(warning)
        if result.guideline not in seen:
            _said_in_spanish(result.guideline, f"guideline of {test}")
            seen.add(result.guideline)


def test_every_ish_group_explanation_is_a_translated_phrase(spanish) -> None:
    for her2, cep17 in COUNTS:
        reading = read_dual_probe(her2, cep17)
        _said_in_spanish(reading.explanation, f"group {reading.group} explanation")
        assert say(reading.explanation).startswith(f"Grupo {reading.group}: razón ")


def test_the_editor_still_knows_a_first_count_warning_by_its_english_start() -> None:
    """The case editor hides first-count warnings from a blinded second observer by their English start;
    a phrase is that English text, so it still finds them."""
    from her2desk.gui.case_entry.case_editor import _about_first_count

    warnings = {w for _t, r in RESULTS for w in r.warnings}
    near = [w for w in warnings if w.template.startswith("Near a threshold (")]
    discordant = [w for w in warnings if w.template.startswith("Discordance")]
    assert near
    assert discordant
    assert all(_about_first_count(w) for w in (*near, *discordant))


def test_a_warning_that_opens_with_a_capitalised_word_is_no_field_warning(spanish) -> None:
    """ "Discordance: ..." is one sentence about the test: the editor says it whole, not as a field
    "Discordance" followed by an untranslatable remainder."""
    from her2desk.domain.labels import split_warning

    for _test, result in RESULTS:
        for warning in result.warnings:
            field, message = split_warning(warning)
            if field:
                assert field == "stained_pct", warning  # the engine's one field warning
            else:
                assert message is warning
