"""Input validation: her2-reporting-rules.md section (c) and the checks issue 2 lists for the CLI options.

Invalid input is never guessed at: it yields errors and no status. Every error names the field and its
message says what is allowed, so each test checks the field *and* a word or number from the rule.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest

from her2desk.domain import DEFAULT_SETTINGS, GuidelineSettings, Her2TestInput, Interpretation, interpret
from her2desk.domain.labels import value_label
from her2desk.domain.parsing import parse_test_input
from her2desk.domain.vocabulary import IhcScore, IshProbe, NextStep, Procedure, ScoringCriteria, Site, Status

D = Decimal


def breast(**kw: object) -> Her2TestInput:
    values: dict[str, object] = {"site": Site.BREAST, "procedure": Procedure.CORE_NEEDLE_BIOPSY}
    values.update(kw)
    return Her2TestInput(**values)  # type: ignore[arg-type]


def stomach(procedure: Procedure = Procedure.ENDOSCOPIC_BIOPSY, **kw: object) -> Her2TestInput:
    return Her2TestInput(site=Site.STOMACH, procedure=procedure, **kw)  # type: ignore[arg-type]


DUAL = {"ish": IshProbe.DUAL, "her2": D("5.00"), "cep17": D("3.00"), "cells": 20}
SINGLE = {"ish": IshProbe.SINGLE, "her2": D("5.00"), "cells": 20}


def only_error(result: Interpretation, field: str) -> str:
    """The single error of an otherwise valid input: it must name `field`; returns its message."""
    assert result.status is None
    assert result.next_step is NextStep.NONE
    assert result.descriptor is None
    assert [e.field for e in result.errors] == [field], result.errors
    message = result.errors[0].message
    assert message.strip()
    return message


def assert_valid(result: Interpretation) -> None:
    assert result.errors == ()
    assert result.status is not None


# --- required fields ---------------------------------------------------------------------------------


def test_missing_site_lists_every_site() -> None:
    message = only_error(
        interpret(Her2TestInput(procedure=Procedure.CORE_NEEDLE_BIOPSY, ihc=IhcScore.ZERO)), "site"
    )
    for site in Site:
        assert value_label(site) in message  # in the form's words, as its drop-down shows them
    assert "gastroesophageal-junction" not in message
    assert "Gastroesophageal junction" in message


def test_missing_procedure_lists_every_procedure() -> None:
    message = only_error(interpret(Her2TestInput(site=Site.BREAST, ihc=IhcScore.ZERO)), "procedure")
    for procedure in Procedure:
        assert value_label(procedure) in message
    assert "fine-needle-aspiration" not in message
    assert "Fine needle aspiration" in message


def test_nothing_to_interpret() -> None:
    message = only_error(interpret(breast()), "ihc")
    assert "IHC" in message
    assert "ISH" in message
    for score in ("0", "1+", "2+", "3+", "indeterminate"):
        assert score in message


def test_an_empty_input_reports_every_missing_field_at_once() -> None:
    result = interpret(Her2TestInput())
    assert result.status is None
    assert {"site", "procedure", "ihc"} <= {e.field for e in result.errors}


def test_breast_score_check_does_not_wait_for_the_procedure() -> None:
    """Breast scoring is the same for every procedure, so a 3+ at 5% is reported together with the
    missing procedure, not only after the procedure has been entered (every problem at once)."""
    result = interpret(Her2TestInput(site=Site.BREAST, ihc=IhcScore.THREE_PLUS, stained_pct=D(5)))
    assert {e.field for e in result.errors} == {"procedure", "stained_pct"}


def test_gastroesophageal_score_check_needs_the_procedure() -> None:
    """Biopsy and resection criteria differ, so without a procedure the extent cannot be judged."""
    result = interpret(Her2TestInput(site=Site.STOMACH, ihc=IhcScore.THREE_PLUS, stained_pct=D(5)))
    assert [e.field for e in result.errors] == ["procedure"]


@pytest.mark.parametrize(
    "counts",
    [
        {"her2": D("5.00")},
        {"cep17": D("3.00")},
        {"cells": 20},
        {"her2": D("5.00"), "cep17": D("3.00"), "cells": 20},
        {"recount_her2": D("5.00"), "recount_cep17": D("3.00"), "recount_cells": 20},
    ],
)
def test_counts_without_an_ish_assay(counts: dict[str, object]) -> None:
    result = interpret(breast(ihc=IhcScore.TWO_PLUS, **counts))
    assert "ish" in [e.field for e in result.errors]
    assert result.status is None
    message = next(e.message for e in result.errors if e.field == "ish")
    assert "dual" in message
    assert "single" in message


@pytest.mark.parametrize("missing", ["her2", "cells"])
@pytest.mark.parametrize("probe", [DUAL, SINGLE], ids=["dual", "single"])
def test_an_ish_count_needs_her2_and_cells(probe: dict[str, object], missing: str) -> None:
    counts = {k: v for k, v in probe.items() if k != missing}
    message = only_error(interpret(breast(ihc=IhcScore.TWO_PLUS, **counts)), missing)
    if missing == "cells":
        assert "20" in message


def test_ish_assay_without_counts() -> None:
    result = interpret(breast(ihc=IhcScore.TWO_PLUS, ish=IshProbe.DUAL))
    assert result.status is None
    assert {"her2", "cep17", "cells"} <= {e.field for e in result.errors}


def test_dual_probe_needs_cep17() -> None:
    counts = {k: v for k, v in DUAL.items() if k != "cep17"}
    message = only_error(interpret(breast(ihc=IhcScore.TWO_PLUS, **counts)), "cep17")
    assert "CEP17" in message


def test_single_probe_must_not_have_cep17() -> None:
    message = only_error(interpret(breast(ihc=IhcScore.TWO_PLUS, **SINGLE, cep17=D("2.00"))), "cep17")
    assert "single" in message
    assert "dual" in message  # what is allowed: leave CEP17 empty or choose dual


@pytest.mark.parametrize("site", [s for s in Site if not s.is_breast])
def test_single_probe_is_an_error_outside_breast(site: Site) -> None:
    """§3.2: gastroesophageal ISH is called on the HER2/CEP17 ratio; a single probe has no ratio."""
    test = Her2TestInput(site=site, procedure=Procedure.ENDOSCOPIC_BIOPSY, ihc=IhcScore.TWO_PLUS, **SINGLE)
    if not site.has_site_specific_guideline:
        test = test.with_changes(scoring_criteria=ScoringCriteria.GASTROESOPHAGEAL)
    message = only_error(interpret(test), "ish")
    assert "dual" in message


def test_single_probe_is_allowed_for_breast() -> None:
    assert_valid(interpret(breast(ihc=IhcScore.TWO_PLUS, **SINGLE)))


# --- stained percentage -----------------------------------------------------------------------------


@pytest.mark.parametrize("pct", ["-0.1", "-5", "100.1", "101", "1000"])
def test_stained_pct_out_of_range(pct: str) -> None:
    message = only_error(interpret(breast(ihc=IhcScore.TWO_PLUS, stained_pct=D(pct))), "stained_pct")
    assert "0" in message
    assert "100" in message


@pytest.mark.parametrize(
    ("ihc", "pct"),
    [
        (IhcScore.ZERO, "0"),
        (IhcScore.TWO_PLUS, "100"),
        (IhcScore.TWO_PLUS, "100.0"),
        (IhcScore.TWO_PLUS, "55.5"),
    ],
)
def test_stained_pct_in_range(ihc: IhcScore, pct: str) -> None:
    assert_valid(interpret(breast(ihc=ihc, stained_pct=D(pct))))


@pytest.mark.parametrize("pct", ["12.25", "50.05", "0.01"])
def test_stained_pct_with_more_than_one_decimal(pct: str) -> None:
    message = only_error(interpret(breast(ihc=IhcScore.TWO_PLUS, stained_pct=D(pct))), "stained_pct")
    assert "one decimal" in message


# --- stained percentage and cluster size against the score (issue 2, rules (c) 1-3) ---------------------

BREAST_EXTENT = [
    # (score, %, error?)   1+ and 3+ need > 10%, 0 needs <= 10%, 2+ at <= 10% only warns, 2+ at 0% is
    # refused (2+ needs stained cells)
    (IhcScore.THREE_PLUS, "5", True),
    (IhcScore.THREE_PLUS, "10", True),
    (IhcScore.THREE_PLUS, "80", False),
    (IhcScore.ONE_PLUS, "0", True),
    (IhcScore.ONE_PLUS, "10", True),
    (IhcScore.ONE_PLUS, "30", False),
    (IhcScore.ZERO, "0", False),
    (IhcScore.ZERO, "10", False),
    (IhcScore.ZERO, "11", True),
    (IhcScore.ZERO, "100", True),
    (IhcScore.TWO_PLUS, "0", True),
    (IhcScore.TWO_PLUS, "0.1", False),
    (IhcScore.TWO_PLUS, "5", False),
    (IhcScore.TWO_PLUS, "50", False),
    (IhcScore.INDETERMINATE, "50", False),
]


@pytest.mark.parametrize(("ihc", "pct", "error"), BREAST_EXTENT)
def test_breast_stained_pct_against_the_score(ihc: IhcScore, pct: str, error: bool) -> None:
    result = interpret(breast(ihc=ihc, stained_pct=D(pct)))
    if error:
        message = only_error(result, "stained_pct")
        assert "10%" in message
        assert ("more than 10%" in message) or ("at most 10%" in message)
    else:
        assert_valid(result)


@pytest.mark.parametrize("pct", ["0.1", "5", "10"])
def test_breast_2_plus_at_10_percent_or_less_is_a_warning_not_an_error(pct: str) -> None:
    """Fig 1 note: intense staining in <= 10% of cells is an unusual pattern scored 2+ equivocal."""
    result = interpret(breast(ihc=IhcScore.TWO_PLUS, stained_pct=D(pct)))
    assert_valid(result)
    assert result.status is Status.EQUIVOCAL
    assert [w for w in result.warnings if "stained_pct" in w and "2+" in w], result.warnings


def test_breast_2_plus_with_no_stained_cells_is_an_error() -> None:
    """Fig 1: 2+ is weak to moderate staining in > 10% of cells; the unusual pattern scored 2+ is intense
    staining in <= 10% of them. Neither is 0% of cells, which is IHC 0 (like 1+/3+ at impossible %)."""
    message = only_error(interpret(breast(ihc=IhcScore.TWO_PLUS, stained_pct=D(0))), "stained_pct")
    assert message.startswith("IHC 2+ needs stained cells")
    assert "0% means no stained cells, which is scored 0" in message
    for pct in ("0.1", "1"):
        assert_valid(interpret(breast(ihc=IhcScore.TWO_PLUS, stained_pct=D(pct))))
    with_ish = interpret(breast(ihc=IhcScore.TWO_PLUS, stained_pct=D(0), **DUAL))
    assert [e.field for e in with_ish.errors] == ["stained_pct"]


def test_breast_3_plus_with_5_percent_is_an_error() -> None:
    """Issue 2's own example, and rules (c) 1."""
    message = only_error(interpret(breast(ihc=IhcScore.THREE_PLUS, stained_pct=D(5))), "stained_pct")
    assert "3+" in message


@pytest.mark.parametrize(
    ("ihc", "pct", "error"),
    [
        (IhcScore.ZERO, "0", False),
        (IhcScore.ZERO, "9.9", False),
        (IhcScore.ZERO, "10", True),
        (IhcScore.ZERO, "60", True),
        *[(i, "5", True) for i in (IhcScore.ONE_PLUS, IhcScore.TWO_PLUS, IhcScore.THREE_PLUS)],
        *[(i, "10", False) for i in (IhcScore.ONE_PLUS, IhcScore.TWO_PLUS, IhcScore.THREE_PLUS)],
        *[(i, "60", False) for i in (IhcScore.ONE_PLUS, IhcScore.TWO_PLUS, IhcScore.THREE_PLUS)],
        (IhcScore.INDETERMINATE, "60", False),
    ],
)
@pytest.mark.parametrize("site", [Site.STOMACH, Site.GASTROESOPHAGEAL_JUNCTION, Site.ESOPHAGUS, Site.OVARY])
def test_gastroesophageal_resection_pct_against_the_score(
    site: Site, ihc: IhcScore, pct: str, error: bool
) -> None:
    criteria = None if site.has_site_specific_guideline else ScoringCriteria.GASTROESOPHAGEAL
    result = interpret(
        stomach(Procedure.SURGICAL_RESECTION, ihc=ihc, stained_pct=D(pct)).with_changes(
            site=site, scoring_criteria=criteria
        )
    )
    if error:
        assert "10%" in only_error(result, "stained_pct")
    else:
        assert_valid(result)


@pytest.mark.parametrize(
    ("ihc", "cluster", "error"),
    [
        (IhcScore.ZERO, 0, False),
        *[(i, 0, True) for i in (IhcScore.ONE_PLUS, IhcScore.TWO_PLUS, IhcScore.THREE_PLUS)],
        *[(i, 4, True) for i in (IhcScore.ONE_PLUS, IhcScore.TWO_PLUS, IhcScore.THREE_PLUS)],
        *[(i, 50, False) for i in (IhcScore.ONE_PLUS, IhcScore.TWO_PLUS, IhcScore.THREE_PLUS)],
        (IhcScore.INDETERMINATE, 0, False),
    ],
)
def test_gastroesophageal_biopsy_cluster_against_the_score(ihc: IhcScore, cluster: int, error: bool) -> None:
    result = interpret(stomach(ihc=ihc, cluster_cells=cluster))
    if error:
        assert "5" in only_error(result, "cluster_cells")
    else:
        assert_valid(result)


def test_gastroesophageal_biopsy_percentage_is_recorded_not_checked() -> None:
    """Biopsies are scored 'irrespective of percentage' (§3.1): a low % never blocks a biopsy score."""
    result = interpret(stomach(ihc=IhcScore.THREE_PLUS, stained_pct=D(1)))
    assert_valid(result)
    assert result.status is Status.POSITIVE
    assert [w for w in result.warnings if "stained_pct" in w]


def test_stained_pct_and_cluster_are_optional() -> None:
    for ihc in (IhcScore.ZERO, IhcScore.ONE_PLUS, IhcScore.TWO_PLUS, IhcScore.THREE_PLUS):
        assert_valid(interpret(breast(ihc=ihc)))
        assert_valid(interpret(stomach(ihc=ihc)))
        assert_valid(interpret(stomach(Procedure.SURGICAL_RESECTION, ihc=ihc)))


# --- numbers --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("her2", D("-1")),
        ("her2", D("0")),
        ("cep17", D("-2.5")),
        ("cep17", D("0")),
        ("cells", -20),
        ("cells", 0),
        ("cells", 19),
        ("cluster_cells", -1),
        ("recount_her2", D("-1")),
        ("recount_cep17", D("-1")),
        ("recount_cells", -1),
    ],
)
def test_negative_and_zero_numbers(field: str, value: object) -> None:
    base = breast(ihc=IhcScore.TWO_PLUS, **DUAL)
    if field.startswith("recount_"):
        base = base.with_changes(recount_her2=D("5.10"), recount_cep17=D("3.00"), recount_cells=20)
    if field == "cluster_cells":
        base = stomach(ihc=IhcScore.TWO_PLUS, cluster_cells=5, **DUAL)
    message = only_error(interpret(base.with_changes(**{field: value})), field)
    if field.endswith("cells") and field != "cluster_cells":
        assert "20" in message
    elif field == "cluster_cells":
        assert "0" in message
    else:
        assert "greater than 0" in message


def test_recount_values_are_checked_like_the_first_count() -> None:
    test = breast(
        ihc=IhcScore.TWO_PLUS, **DUAL, recount_her2=D("5.1"), recount_cep17=D("3.0"), recount_cells=20
    )
    assert_valid(interpret(test))


# --- partial second count ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("given", "missing"),
    [
        ({"recount_her2": D("5.10")}, {"recount_cep17", "recount_cells"}),
        ({"recount_cep17": D("3.00")}, {"recount_her2", "recount_cells"}),
        ({"recount_cells": 20}, {"recount_her2", "recount_cep17"}),
        ({"recount_her2": D("5.10"), "recount_cep17": D("3.00")}, {"recount_cells"}),
        ({"recount_her2": D("5.10"), "recount_cells": 20}, {"recount_cep17"}),
        ({"recount_cep17": D("3.00"), "recount_cells": 20}, {"recount_her2"}),
    ],
)
def test_partial_recount_names_every_missing_value(given: dict[str, object], missing: set[str]) -> None:
    result = interpret(breast(ihc=IhcScore.TWO_PLUS, **DUAL, **given))
    assert result.status is None
    assert {e.field for e in result.errors} == missing
    for error in result.errors:
        assert error.message.strip()


def test_partial_single_probe_recount() -> None:
    result = interpret(breast(ihc=IhcScore.TWO_PLUS, **SINGLE, recount_her2=D("5.1")))
    assert {e.field for e in result.errors} == {"recount_cells"}


# --- warnings that are not errors (rules (c) numeric ranges) -----------------------------------------


@pytest.mark.parametrize(
    ("cep17", "warns"), [("0.99", True), ("1.00", False), ("4.00", False), ("4.01", True)]
)
def test_cep17_outside_1_to_4_warns(cep17: str, warns: bool) -> None:
    result = interpret(breast(ihc=IhcScore.ONE_PLUS, **{**DUAL, "cep17": D(cep17)}))
    assert_valid(result)
    assert bool([w for w in result.warnings if "cep17" in w.lower() and "monosomy" in w.lower()]) is warns


@pytest.mark.parametrize(("her2", "warns"), [("30", False), ("30.01", True)])
def test_her2_above_30_warns(her2: str, warns: bool) -> None:
    result = interpret(breast(ihc=IhcScore.ONE_PLUS, **{**DUAL, "her2": D(her2), "cep17": D("3.00")}))
    assert_valid(result)
    assert result.status is Status.POSITIVE  # ratio >= 10
    assert bool([w for w in result.warnings if w.startswith("her2") and "30" in w]) is warns


def test_warnings_of_an_invalid_input_are_kept_with_the_errors() -> None:
    result = interpret(breast(ihc=IhcScore.THREE_PLUS, stained_pct=D(5), **{**DUAL, "cep17": D("0.5")}))
    assert [e.field for e in result.errors] == ["stained_pct"]
    assert [w for w in result.warnings if "cep17" in w]


# --- parsing text --------------------------------------------------------------------------------------


def test_parse_a_complete_input() -> None:
    test, problems = parse_test_input(
        {
            "site": "breast",
            "procedure": "core-needle-biopsy",
            "ihc": "2+",
            "stained_pct": "40",
            "ish": "dual",
            "her2": "3.96",
            "cep17": "1.98",
            "cells": "20",
            "recount_her2": " 4.1 ",
            "recount_cep17": "2.0",
            "recount_cells": "40",
        }
    )
    assert problems == []
    assert test == Her2TestInput(
        site=Site.BREAST,
        procedure=Procedure.CORE_NEEDLE_BIOPSY,
        ihc=IhcScore.TWO_PLUS,
        stained_pct=D("40"),
        ish=IshProbe.DUAL,
        her2=D("3.96"),
        cep17=D("1.98"),
        cells=20,
        recount_her2=D("4.1"),
        recount_cep17=D("2.0"),
        recount_cells=40,
    )
    assert interpret(test).ratio == D("2.00")


def test_empty_or_blank_text_means_not_given() -> None:
    test, problems = parse_test_input({"site": "", "ihc": "   ", "her2": None})
    assert problems == []
    assert test == Her2TestInput()


@pytest.mark.parametrize(
    ("field", "text", "allowed"),
    [
        ("site", "brest", [s.value for s in Site]),
        ("site", "Breast", [s.value for s in Site]),
        ("procedure", "biopsy", [p.value for p in Procedure]),
        ("ihc", "2", ["0", "1+", "2+", "3+", "indeterminate"]),
        ("ihc", "4+", ["0", "1+", "2+", "3+", "indeterminate"]),
        ("ish", "fish", ["dual", "single"]),
    ],
)
def test_parse_unknown_words(field: str, text: str, allowed: list[str]) -> None:
    _, problems = parse_test_input({field: text})
    assert [p.field for p in problems] == [field]
    assert text in problems[0].message
    for word in allowed:
        assert word in problems[0].message


@pytest.mark.parametrize(
    ("field", "text"),
    [
        ("her2", "abc"),
        ("her2", "2,15"),  # a decimal comma is refused, not guessed
        ("her2", "1.234.5"),
        ("cep17", "nan"),
        ("cep17", "inf"),
        ("stained_pct", "12%"),
        ("recount_her2", "four"),
        ("cells", "20.5"),
        ("cells", "twenty"),
        ("cells", "2e1"),
        ("cluster_cells", "5.0"),
        ("recount_cells", "-"),
        ("recount_cells", "--20"),
        ("recount_cells", "+-20"),
        ("cells", "1_000"),
        ("her2", "1_0"),  # Python's Decimal reads this as 10; a person did not mean 10
        ("her2", "٣"),  # a non-ASCII digit
        ("cells", "٣٠"),
    ],
)
def test_parse_refuses_text_that_is_not_a_number(field: str, text: str) -> None:
    _, problems = parse_test_input({field: text})
    assert [p.field for p in problems] == [field]
    message = problems[0].message
    assert repr(text) in message or text in message
    assert "e.g." in message  # says what is allowed, with an example


@pytest.mark.parametrize(("text", "value"), [("-5", -5), ("+20", 20), (" 20 ", 20), ("007", 7)])
def test_parse_integers(text: str, value: int) -> None:
    test, problems = parse_test_input({"cells": text})
    assert problems == []
    assert test.cells == value


def test_parsed_negative_count_is_then_a_validation_error() -> None:
    test, problems = parse_test_input(
        {
            "site": "breast",
            "procedure": "core-needle-biopsy",
            "ihc": "1+",
            "ish": "dual",
            "her2": "-3",
            "cep17": "2",
            "cells": "20",
        }
    )
    assert problems == []
    assert "her2" in [e.field for e in interpret(test).errors]


@pytest.mark.parametrize("field", ["cells", "recount_cells", "cluster_cells", "her2", "stained_pct"])
def test_parse_a_number_with_thousands_of_digits_is_a_problem_not_a_crash(field: str) -> None:
    """Python refuses int() of more than 4300 digits by default; that must not escape as an exception."""
    test, problems = parse_test_input({field: "9" * 5000})
    if problems:
        assert [p.field for p in problems] == [field]
    else:  # parsed as a (huge) decimal: validation must then refuse it by name
        valid = breast(ihc=IhcScore.TWO_PLUS, **DUAL)
        errors = interpret(valid.with_changes(**{field: getattr(test, field)})).errors
        assert [e.field for e in errors] == [field]


# --- breast IHC 3+ without the percentage (a warning; an error when the lab requires it) ---------------

REQUIRE_PCT = replace(DEFAULT_SETTINGS, require_stained_pct_for_breast_ihc3=True)


def _pct_warnings(result: Interpretation) -> list[str]:
    return [w for w in result.warnings if w.startswith("stained_pct: IHC 3+ was entered without")]


def test_breast_3_plus_without_a_percentage_is_warned_about() -> None:
    result = interpret(breast(ihc=IhcScore.THREE_PLUS))
    assert_valid(result)
    assert result.status is Status.POSITIVE
    assert _pct_warnings(result) == [
        "stained_pct: IHC 3+ was entered without the percentage of cells with complete, intense membrane "
        "staining (3+ needs more than 10%); give it so the score can be checked"
    ]
    assert DEFAULT_SETTINGS.require_stained_pct_for_breast_ihc3 is False


@pytest.mark.parametrize("settings", [DEFAULT_SETTINGS, REQUIRE_PCT])
def test_no_percentage_warning_when_it_is_given_or_not_needed(settings: GuidelineSettings) -> None:
    assert _pct_warnings(interpret(breast(ihc=IhcScore.THREE_PLUS, stained_pct=D(80)), settings)) == []
    assert_valid(interpret(breast(ihc=IhcScore.THREE_PLUS, stained_pct=D(80)), settings))
    for ihc in (IhcScore.ZERO, IhcScore.ONE_PLUS, IhcScore.TWO_PLUS, IhcScore.INDETERMINATE):
        result = interpret(breast(ihc=ihc), settings)
        assert_valid(result)
        assert not [w for w in result.warnings if "3+" in w], result.warnings
    gastric = interpret(stomach(Procedure.SURGICAL_RESECTION, ihc=IhcScore.THREE_PLUS), settings)
    assert_valid(gastric)  # the breast percentage rule only
    assert _pct_warnings(gastric) == []


def test_breast_3_plus_without_a_percentage_is_an_error_when_the_lab_requires_it() -> None:
    message = only_error(interpret(breast(ihc=IhcScore.THREE_PLUS), REQUIRE_PCT), "stained_pct")
    assert message == (
        "IHC 3+ needs the percentage of cells with complete, intense membrane staining "
        "(3+ needs more than 10%); the lab requires it"
    )
    with_ish = interpret(breast(ihc=IhcScore.THREE_PLUS, **DUAL), REQUIRE_PCT)
    assert [e.field for e in with_ish.errors] == ["stained_pct"]
    assert _pct_warnings(with_ish) == []
