"""The input checks in Spanish: every problem and warning the checks write is a phrase a Spanish
interface says in Spanish, and the case form shows them so, beside the fields and in the panel, with
the field named in Spanish too (its accessible name stays English)."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from her2desk.domain.accession_pattern import (
    ALLOWED,
    AccessionPatternError,
    _allowed,
    parse_accession_pattern,
)
from her2desk.domain.case import CaseEntry, IhcDetails, IshCount, IshDetails, PatientDetails, SpecimenDetails
from her2desk.domain.case_checks import check_case
from her2desk.domain.guideline_settings import DEFAULT_SETTINGS
from her2desk.domain.identifiers import identifier_problem
from her2desk.domain.labels import FIELD_LABELS, plain_number, split_warning
from her2desk.domain.parsing import parse_iso_date, parse_test_input
from her2desk.domain.phrases import Phrase
from her2desk.domain.problems import Problem
from her2desk.domain.validation import validate
from her2desk.domain.vocabulary import (
    ClinicalSetting,
    Fixative,
    IhcScore,
    IshProbe,
    Laterality,
    Procedure,
    ScoringCriteria,
    Sex,
    Site,
)
from her2desk.gui.case_entry.case_editor import CaseEditor
from her2desk.gui.common import translation
from her2desk.gui.common.domain_text import say
from her2desk.gui.common.labels import FIELD_WORDS, field_name
from her2desk.services.case_service import CaseService

ROOT = Path(__file__).resolve().parents[2]
# The modules whose messages are input checks (the engine's own trail and warnings are not among them).
CHECK_MODULES = (
    "her2desk/domain/validation.py",
    "her2desk/domain/case_checks.py",
    "her2desk/domain/parsing.py",
    "her2desk/domain/identifiers.py",
    "her2desk/domain/metastatic_site.py",
    "her2desk/domain/accession_pattern.py",
    "her2desk/domain/labels.py",
    "her2desk/domain/criteria.py",
)
# These also hold words the guideline engine says (guideline names, site words, "Other: ..."), which
# tests/gui/test_engine_words_translated.py meets; their check messages are still required above to be
# translated phrases, but not every template in them comes from a check.
ENGINE_SHARED_MODULES = ("her2desk/domain/metastatic_site.py", "her2desk/domain/criteria.py")


def _breast_case() -> CaseEntry:
    return CaseEntry(
        "S26-000101",
        PatientDetails("SYN-101", "Testpatient", "Synthetic", date(1970, 5, 6), Sex.FEMALE),
        SpecimenDetails(
            Procedure.CORE_NEEDLE_BIOPSY,
            Site.BREAST,
            Laterality.LEFT,
            collected_on=date(2026, 1, 5),
            fixative=Fixative.NBF,
        ),
        IhcDetails(clone="4B5", controls_acceptable=True, score=IhcScore.TWO_PLUS, stained_pct=Decimal(40)),
        IshDetails(IshProbe.DUAL, first=IshCount(Decimal("4.1"), Decimal("2.0"), 20)),
    )


def _variants() -> Iterator[CaseEntry]:
    """Cases with bad or doubtful input of every kind the checks know."""
    base = _breast_case()
    p, s, ihc, ish = base.patient, base.specimen, base.ihc, base.ish
    gastro = replace(s, site=Site.STOMACH, laterality=None, procedure=Procedure.ENDOSCOPIC_BIOPSY)
    resection = replace(gastro, procedure=Procedure.SURGICAL_RESECTION)
    count = ish.first
    assert count is not None
    patients = [
        replace(p, mrn=""),
        replace(p, mrn=" SYN-1"),
        replace(p, mrn="X" * 40),
        replace(p, mrn="SYN 1"),
        replace(p, family_name=""),
        replace(p, family_name="x" * 300),
        replace(p, given_name="a\nb"),
        replace(p, birth_date=None),
        replace(p, birth_date=date(2099, 1, 1)),
        replace(p, birth_date=date(1850, 1, 1)),
        replace(p, birth_date=date(2026, 2, 1)),  # after the collection date
    ]
    yield from (replace(base, patient=patient) for patient in patients)
    yield replace(base, accession="")
    specimens = [
        replace(s, laterality=None),
        replace(gastro, laterality=Laterality.LEFT),
        replace(s, metastatic_site="liver"),
        replace(s, setting=ClinicalSetting.METASTATIC),
        replace(s, setting=ClinicalSetting.METASTATIC, metastatic_site="other"),
        replace(s, setting=ClinicalSetting.METASTATIC, metastatic_site="other:  adrenal"),
        replace(s, setting=ClinicalSetting.METASTATIC, metastatic_site="other: " + "a" * 90),
        replace(s, setting=ClinicalSetting.METASTATIC, metastatic_site="other: a\tb"),
        replace(s, setting=ClinicalSetting.METASTATIC, metastatic_site="other: 2024-01-02"),
        replace(s, setting=ClinicalSetting.METASTATIC, metastatic_site="2024-01-02"),
        replace(s, setting=ClinicalSetting.METASTATIC, metastatic_site="adrenal gland"),
        replace(s, block="b" * 120),
        replace(s, cold_ischaemia_minutes=-1),
        replace(s, cold_ischaemia_minutes=500),
        replace(s, fixation_hours=Decimal(-1)),
        replace(s, fixation_hours=Decimal(100)),
        replace(s, fixative=Fixative.OTHER),
        replace(s, fragments=-1),
        replace(s, fragments=2, fragments_with_tumour=3),
        replace(gastro, fragments=2),
        replace(s, site=None, procedure=None),
        replace(s, scoring_criteria=ScoringCriteria.BREAST),
        replace(s, site=Site.PANCREAS, laterality=None),
        replace(s, site=Site.OTHER, laterality=None),
        replace(s, procedure=Procedure.ENDOSCOPIC_BIOPSY),
        *(
            replace(s, site=site, laterality=None, scoring_criteria=ScoringCriteria.BREAST)
            for site in (Site.STOMACH, Site.ESOPHAGUS, Site.GASTROESOPHAGEAL_JUNCTION)
        ),
    ]
    yield from (replace(base, specimen=specimen) for specimen in specimens)
    yield replace(base, specimen=replace(s, collected_on=date(2099, 1, 1)))
    ihcs = [
        (s, replace(ihc, clone="x" * 120)),
        (s, replace(ihc, controls_acceptable=False)),
        (s, replace(ihc, score=IhcScore.THREE_PLUS, controls_acceptable=None, stained_pct=None)),
        (s, replace(ihc, score=IhcScore.THREE_PLUS, stained_pct=Decimal(5))),
        (s, replace(ihc, score=IhcScore.ONE_PLUS, stained_pct=Decimal(5), clone="CB11")),
        (s, replace(ihc, score=IhcScore.ZERO, stained_pct=Decimal(50))),
        (s, replace(ihc, score=IhcScore.ZERO, stained_pct=Decimal(5), clone="CB11")),
        (s, replace(ihc, score=IhcScore.TWO_PLUS, stained_pct=Decimal(0))),
        (s, replace(ihc, score=IhcScore.TWO_PLUS, stained_pct=Decimal(5))),
        (s, replace(ihc, stained_pct=Decimal(120))),
        (s, replace(ihc, stained_pct=Decimal("12.25"))),
        (s, replace(ihc, cluster_cells=-3)),
        (s, replace(ihc, cluster_cells=4)),
        (resection, replace(ihc, score=IhcScore.ONE_PLUS, stained_pct=Decimal(5), cluster_cells=8)),
        (resection, replace(ihc, score=IhcScore.ZERO, stained_pct=Decimal(50))),
        (gastro, replace(ihc, score=IhcScore.ONE_PLUS, stained_pct=Decimal(50), cluster_cells=2)),
        (gastro, replace(ihc, score=IhcScore.ZERO, stained_pct=None, cluster_cells=9)),
    ]
    for specimen, details in ihcs:
        yield replace(base, specimen=specimen, ihc=details)
    counts = [
        IshDetails(None, first=count),
        IshDetails(IshProbe.DUAL, first=IshCount(None, None, None)),
        IshDetails(IshProbe.DUAL, first=count, second=IshCount(None, None, None)),
        IshDetails(IshProbe.SINGLE, first=count),
        IshDetails(IshProbe.DUAL, first=IshCount(Decimal(0), Decimal("1.5"), 5)),
        IshDetails(IshProbe.DUAL, first=IshCount(Decimal(150), Decimal("1.5"), 200_000)),
        IshDetails(IshProbe.DUAL, first=IshCount(Decimal("1.1234567"), Decimal("1.5"), 20)),
        IshDetails(IshProbe.DUAL, first=IshCount(Decimal(40), Decimal("0.5"), 20)),
        IshDetails(IshProbe.DUAL, first=count, second=IshCount(Decimal(40), Decimal("0.5"), 20)),
        IshDetails(IshProbe.DUAL, first=count, second=IshCount(None, Decimal(2), None)),
        IshDetails(IshProbe.DUAL, first=count, second=IshCount(Decimal(4), None, 20)),
        IshDetails(IshProbe.DUAL, first=IshCount(Decimal("1E+30"), Decimal("1E-30"), 10**30)),
    ]
    for details in counts:
        yield replace(base, ish=details)
        yield replace(base, specimen=gastro, ish=details)
    yield replace(base, ihc=replace(ihc, score=None), ish=IshDetails())
    low = replace(ihc, score=IhcScore.ONE_PLUS, stained_pct=Decimal(50), clone="CB11")  # HER2-low
    yield replace(base, ihc=low, ish=IshDetails())
    other = replace(s, site=Site.PANCREAS, laterality=None, scoring_criteria=ScoringCriteria.GASTROESOPHAGEAL)
    yield replace(base, specimen=other, ish=IshDetails(IshProbe.SINGLE, first=count))


def _check_messages() -> Iterator[str]:
    today = date(2026, 3, 1)
    strict = replace(
        DEFAULT_SETTINGS,
        require_controls_for_ihc3=True,
        require_stained_pct_for_breast_ihc3=True,
        gastroesophageal_resection_pct_inclusive=False,
    )
    for settings in (DEFAULT_SETTINGS, strict):
        for entry in _variants():
            check = check_case(entry, today, settings)
            mine = set(validate(entry.test_input(), settings).warnings)
            engine = set(check.interpretation.warnings) - mine  # the engine's own (not an input check)
            yield from (problem.message for problem in check.errors)
            yield from (w for w in check.warnings if w not in engine)
    raw = {
        "site": "lung",
        "ihc": "2+ x" * 20,
        "stained_pct": "12,5",
        "her2": "abc",
        "cells": "20.5",
        "cluster_cells": "9" * 5000,
    }
    yield from (problem.message for problem in parse_test_input(raw)[1])
    bad_date = parse_iso_date("2024-13-01", "patient.birth_date")
    assert isinstance(bad_date, Problem)
    yield bad_date.message
    for pattern in ("H{yy}-{x}", "H{yy}-{seq", "H{yy}", "{seq}{seq}", "H {seq}"):
        with pytest.raises(AccessionPatternError) as refused:
            parse_accession_pattern(pattern)
        yield refused.value.args[0]
    for value in ("", " A", "A" * 40, "A B"):
        problem = identifier_problem(value, 32)
        assert problem is not None
        yield problem
    yield plain_number(-(10**40))
    yield plain_number(10**5000)
    yield plain_number(Decimal("1E+40"))
    yield plain_number(Decimal("1E-40"))


def _templates(text: str) -> Iterator[str]:
    """The templates of a phrase and of the phrases within it."""
    if isinstance(text, Phrase):
        if text.context is not None:
            yield text.template
        for value in text.params.values():
            if isinstance(value, str):
                yield from _templates(value)


def _written_templates() -> set[str]:
    """Every `Phrase("...")` template written in the check modules."""
    found = set()
    for module in CHECK_MODULES:
        if module in ENGINE_SHARED_MODULES:
            continue
        for node in ast.walk(ast.parse((ROOT / module).read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "Phrase" and node.args:
                first = node.args[0]
                if isinstance(first, ast.Constant) and isinstance(first.value, str):
                    found.add(first.value)
    return found


def test_every_input_problem_and_warning_is_a_phrase_said_in_spanish(spanish) -> None:
    """A message of the checks written as a plain English string (an f-string added later) fails here;
    so does a template without its Spanish. Every template the check modules write is met."""
    messages = list(dict.fromkeys(_check_messages()))
    assert len(messages) > 80
    not_phrases = [m for m in messages if not isinstance(m, Phrase)]
    assert not_phrases == []
    untranslated = []
    for message in messages:
        field, text = split_warning(message)
        shown = say(text if field else message)
        if shown == (text if field else message):
            untranslated.append(message)
    assert untranslated == []
    met = {template for message in messages for template in _templates(message)}
    assert _written_templates() - met == set()


def test_the_numbers_in_a_spanish_message_use_a_decimal_comma(spanish) -> None:
    entry = _breast_case()
    entry = replace(entry, ihc=replace(entry.ihc, stained_pct=Decimal("12.25")))
    message = next(p.message for p in check_case(entry, date(2026, 3, 1)).errors if p.field == "stained_pct")
    assert message == "give the percentage with at most one decimal place, not 12.25"
    assert say(message) == "indique el porcentaje con un decimal como máximo, no 12,25"


def test_the_accession_patterns_placeholders_read_as_before() -> None:
    assert _allowed() == ALLOWED


def test_every_field_label_is_listed_for_translation() -> None:
    assert set(FIELD_LABELS.values()) <= set(FIELD_WORDS)


def test_field_names_are_english_in_english_and_spanish_in_spanish(spanish) -> None:
    untranslated = [words for words in FIELD_WORDS if field_name(words) == words and words != "MRN"]
    assert untranslated == []
    assert field_name("Stained percent") == "Porcentaje teñido"
    translation.install_translators(translation.ENGLISH)
    assert [field_name(words) for words in FIELD_WORDS] == list(FIELD_WORDS)


def test_the_case_form_shows_bad_input_in_spanish(spanish, service: CaseService, qtbot, ui) -> None:
    editor = CaseEditor(service)
    qtbot.addWidget(editor)
    editor.show()
    form, panel = editor.form, editor.panel
    ui.type(form, "Accession number", "S26-000777")
    ui.type(form, "MRN", "SYN-777")
    ui.type(form, "Family name", "Testpatient")
    ui.type(form, "Given name", "Synthetic")
    ui.type(form, "Birth date", "2999-01-01")
    ui.choose(form, "Procedure", "Biopsia con aguja gruesa")
    ui.choose(form, "IHC score", "2+")
    ui.type(form, "Stained percent", "120")
    ui.choose(form, "ISH probe", "Doble")
    ui.type(form, "HER2 signals per cell", "abc")
    ui.type(form, "CEP17 signals per cell", "2,5")  # a decimal comma is a number in Spanish
    ui.type(form, "Cells counted", "5")
    assert not editor.save()

    assert ui.message(form, "Stained percent") == "Debe ser un porcentaje de 0 a 100, no 120"
    assert ui.message(form, "HER2 signals per cell") == (
        "'abc' no es un número; use dígitos con coma decimal, p. ej., 2,15"
    )
    assert ui.message(form, "Cells counted") == (
        "Para un recuento informable se deben contar al menos 20 células, no 5"
    )
    assert ui.message(form, "Birth date").startswith("2999-01-01 es una fecha futura (hoy es ")
    assert ui.message(form, "Site") == (
        "Obligatorio; elija uno de: Mama, Estómago, Unión gastroesofágica, Esófago, Páncreas, Vejiga, "
        "Ovario, Otro"
    )
    problems = panel.errors.text()
    for line in (
        "Porcentaje teñido: debe ser un porcentaje de 0 a 100, no 120",
        "Señales HER2 por célula: 'abc' no es un número",
        "Células contadas: para un recuento informable se deben contar al menos 20 células, no 5",
        "Fecha de nacimiento: 2999-01-01 es una fecha futura",
        "Localización: obligatorio; elija uno de: Mama",
    ):
        assert line in problems, problems
    for english in ("Stained percent", "must be", "Site:", "is not a number", "signals per cell"):
        assert english not in problems
    assert ui.find(form, "Stained percent").accessibleName() == "Stained percent"  # stays English


def test_the_case_form_names_fields_in_english_in_english(service: CaseService, qtbot, ui) -> None:
    editor = CaseEditor(service)
    qtbot.addWidget(editor)
    editor.show()
    ui.type(editor.form, "Stained percent", "120")
    assert not editor.save()
    assert "Stained percent: must be a percentage from 0 to 100, not 120" in editor.panel.errors.text()
    assert ui.message(editor.form, "Stained percent") == "Must be a percentage from 0 to 100, not 120"
