"""What a person reads: no warning beside an error on the same value, numbers in plain digits, labels.

From a new-user test: the CEP17 monosomy/polysomy warning was shown for a CEP17 value that was itself
refused, and 1e308 was echoed back as "1E+308".
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

import pytest

from her2desk.domain import Her2TestInput, interpret
from her2desk.domain.case import CaseEntry, IhcDetails, IshDetails, PatientDetails, SpecimenDetails
from her2desk.domain.case_checks import check_case
from her2desk.domain.inputs import INPUT_FIELDS, IshCount
from her2desk.domain.labels import FIELD_LABELS, field_label, named_warning, plain_number, split_warning
from her2desk.domain.parsing import parse_decimal, parse_integer, parse_test_input
from her2desk.domain.vocabulary import IhcScore, IshProbe, Laterality, Procedure, Sex, Site

D = Decimal


def dual(**kw: object) -> Her2TestInput:
    values: dict[str, object] = {
        "site": Site.BREAST,
        "procedure": Procedure.CORE_NEEDLE_BIOPSY,
        "ihc": IhcScore.TWO_PLUS,
        "stained_pct": D(40),
        "ish": IshProbe.DUAL,
        "her2": D("5.5"),
        "cep17": D("3.0"),
        "cells": 20,
    }
    values.update(kw)
    return Her2TestInput(**values)  # type: ignore[arg-type]


def fields_warned(warnings: tuple[str, ...] | list[str]) -> set[str]:
    return {split_warning(w)[0] for w in warnings}


def test_a_plausible_but_out_of_range_cep17_is_still_warned_about() -> None:
    result = interpret(dual(cep17=D("0.5"), her2=D("1.5")))
    assert result.status is not None
    assert "cep17" in fields_warned(result.warnings), result.warnings


@pytest.mark.parametrize("value", ["0", "-1", "0.0000001", "-0.5", "150"])
def test_no_cep17_warning_when_cep17_is_an_error(value: str) -> None:
    for field in ("cep17", "recount_cep17"):
        extra = {"recount_her2": D("5.5"), "recount_cep17": D("3.0"), "recount_cells": 20}
        result = interpret(dual(**{**extra, field: D(value)}))
        assert field in {e.field for e in result.errors}, result.errors
        assert field not in fields_warned(result.warnings), result.warnings
        assert not any("polysomy" in w for w in result.warnings), result.warnings


def test_no_high_her2_warning_when_her2_is_an_error() -> None:
    result = interpret(dual(her2=D("32.0000001"), cep17=D("3.5")))
    assert [e.field for e in result.errors] == ["her2"]
    assert "her2" not in fields_warned(result.warnings), result.warnings
    assert "her2" in fields_warned(interpret(dual(her2=D("32.5"), cep17=D("3.5"))).warnings)


def test_no_unusual_pattern_warning_when_the_percentage_is_an_error() -> None:
    result = interpret(dual(stained_pct=D("5.55"), ish=None, her2=None, cep17=None, cells=None))
    assert [e.field for e in result.errors] == ["stained_pct"]
    assert result.warnings == ()
    valid = interpret(dual(stained_pct=D("5.5"), ish=None, her2=None, cep17=None, cells=None))
    assert "stained_pct" in fields_warned(valid.warnings)


def _entry(cep17: str) -> CaseEntry:
    return CaseEntry(
        accession="S26-000001",
        patient=PatientDetails("SYN-1", "Testpatient", "Ada", date(1960, 1, 2), Sex.FEMALE),
        specimen=SpecimenDetails(Procedure.CORE_NEEDLE_BIOPSY, Site.BREAST, Laterality.LEFT),
        ihc=IhcDetails(score=IhcScore.TWO_PLUS, stained_pct=D(40)),
        ish=IshDetails(IshProbe.DUAL, first=IshCount(D("5.5"), D(cep17), 20)),
    )


def test_case_check_keeps_the_same_rule() -> None:
    check = check_case(_entry("0.0000001"), date(2026, 1, 1))
    assert [e.field for e in check.errors] == ["cep17"]
    assert "cep17" not in fields_warned(check.warnings), check.warnings
    assert "cep17" in fields_warned(check_case(_entry("0.5"), date(2026, 1, 1)).warnings)


@pytest.mark.parametrize(
    ("field", "text", "shown"),
    [
        ("her2", "1e308", "100000000000... (309 digits before the decimal point)"),
        ("cep17", "1e-7", "0.0000001"),
        ("stained_pct", "1E+3", "1000"),
        ("stained_pct", "5.55e0", "5.55"),
    ],
)
def test_numbers_are_echoed_in_plain_digits(field: str, text: str, shown: str) -> None:
    test, problems = parse_test_input(
        {"site": "breast", "procedure": "core-needle-biopsy", "ihc": "2+", "ish": "dual", "her2": "5.5",
         "cep17": "3.0", "cells": "20", field: text}
    )  # fmt: skip
    assert problems == []
    errors = interpret(test).errors
    assert [e.field for e in errors] == [field]
    assert errors[0].message.endswith(f"not {shown}"), errors[0].message
    assert not re.search(r"\dE[+-]?\d", errors[0].message)


def test_huge_whole_numbers_and_long_text_are_shortened() -> None:
    message = interpret(dual(cells=10**40)).errors[0].message
    assert message.endswith("not 100000000000... (41 digits)"), message
    problem = parse_decimal("x" * 5000, "her2")
    assert "5,000 characters" in problem.message  # type: ignore[union-attr]
    assert len(problem.message) < 150  # type: ignore[union-attr]
    problem = parse_integer("1" * 6000, "cells")
    assert "6,000 digits" in problem.message  # type: ignore[union-attr]
    assert len(problem.message) < 150  # type: ignore[union-attr]


def test_plain_number_never_uses_an_exponent() -> None:
    for value in (D("1E+2"), D("1E-6"), D("2.50"), D("-0"), D("12345678901234567890"), 12000):
        text = plain_number(value)
        assert "E" not in text
        assert Decimal(text.replace(",", "")) == value
    assert plain_number(D("2.50")) == "2.50"  # as typed: trailing zeros kept


KEYS_WITH_PUNCTUATION = [k for k in FIELD_LABELS if "_" in k or "." in k]


@pytest.mark.parametrize(
    "test",
    [
        dual(stained_pct=D(500)),
        dual(stained_pct=D("5.55"), ihc=IhcScore.THREE_PLUS),
        dual(site=Site.STOMACH, procedure=Procedure.ENDOSCOPIC_BIOPSY, cluster_cells=2, stained_pct=D(30)),
        dual(site=Site.STOMACH, procedure=Procedure.SURGICAL_RESECTION, cluster_cells=-1, stained_pct=D(3)),
        dual(ihc=IhcScore.ZERO, stained_pct=None, ish=None, her2=None, cep17=None, cells=None),
        dual(recount_her2=D(0), recount_cep17=D("1e-9"), recount_cells=5),
        dual(ish=None),
    ],
)
def test_what_a_person_reads_names_no_internal_key(test: Her2TestInput) -> None:
    result = interpret(test)
    texts = [e.message for e in result.errors] + [named_warning(w) for w in result.warnings]
    assert texts
    for text in texts:
        for key in KEYS_WITH_PUNCTUATION:
            assert not re.search(rf"(?<![\w.-]){re.escape(key)}(?![\w.])", text), (key, text)


def test_every_engine_field_has_a_label_and_unknown_keys_become_words() -> None:
    assert set(INPUT_FIELDS) <= set(FIELD_LABELS)
    assert field_label("stained_pct") == "Stained percent"
    assert field_label("specimen.fixation_hours") == "Fixation hours"
    assert field_label("specimen.storage_temperature") == "Storage temperature"
    assert named_warning("stained_pct: x") == "Stained percent: x"
    assert named_warning("stained_pct: x", {"stained_pct": "--stained-pct"}) == "--stained-pct: x"
    assert named_warning("Near a threshold (ratio 2.00): x") == "Near a threshold (ratio 2.00): x"


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("5E70000000000", "500000000000... (70,000,000,001 digits before the decimal point)"),
        ("5E-70000000000", "0.0000000000... (70,000,000,000 decimal places)"),
    ],
)
def test_an_enormous_exponent_is_described_not_written_out(text: str, shown: str) -> None:
    """Writing 5E70000000000 out in digits would need 70 GB (found by the property tests)."""
    test, problems = parse_test_input({"site": "breast", "procedure": "core-needle-biopsy", "ihc": "0",
                                       "stained_pct": text})  # fmt: skip
    assert problems == []
    assert interpret(test).errors[0].message.endswith(shown)
