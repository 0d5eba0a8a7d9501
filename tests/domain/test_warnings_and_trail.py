"""Warnings and trail lines a pathologist relies on: they must describe what was actually entered."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest

from her2desk.domain import DEFAULT_SETTINGS, GuidelineSettings, Her2TestInput, interpret
from her2desk.domain.vocabulary import IhcScore, IshProbe, Procedure, Site, Status


def test_unusual_2plus_pattern_is_described_as_such_in_the_trail() -> None:
    for pct, unusual in ((Decimal(5), True), (Decimal(10), True), (Decimal("10.1"), False)):
        result = interpret(Her2TestInput(Site.BREAST, Procedure.CORE_NEEDLE_BIOPSY, IhcScore.TWO_PLUS, pct))
        assert result.status is Status.EQUIVOCAL
        assert ("unusual pattern" in result.trail[0]) is unusual
        assert f"in {pct}% of tumour cells" in result.trail[0]  # the typed percentage, shown
        assert ("(> 10%)" in result.trail[0]) is not unusual


def test_endoscopic_biopsy_of_the_breast_is_questioned_but_not_refused() -> None:
    for procedure, warned in ((Procedure.ENDOSCOPIC_BIOPSY, True), (Procedure.CORE_NEEDLE_BIOPSY, False)):
        result = interpret(Her2TestInput(Site.BREAST, procedure, IhcScore.THREE_PLUS))
        assert result.status is Status.POSITIVE
        assert any(w.startswith("procedure:") for w in result.warnings) is warned
    stomach = interpret(Her2TestInput(Site.STOMACH, Procedure.ENDOSCOPIC_BIOPSY, IhcScore.THREE_PLUS))
    assert not any(w.startswith("procedure:") for w in stomach.warnings)


def test_gastric_copy_number_near_the_adjudication_threshold_is_flagged() -> None:
    def warned(her2: str) -> bool:
        result = interpret(
            Her2TestInput(
                Site.STOMACH,
                Procedure.ENDOSCOPIC_BIOPSY,
                IhcScore.TWO_PLUS,
                cluster_cells=8,
                ish=IshProbe.DUAL,
                her2=Decimal(her2),
                cep17=Decimal("4.0"),
                cells=20,
            )
        )
        return any("Near a threshold" in w and "HER2" in w for w in result.warnings)

    assert warned("5.80")
    assert warned("6.20")
    assert not warned("5.79")
    assert not warned("6.21")


# --- the IHC line of the trail says what was entered, and the guideline's definitions exactly -----------

BREAST_SCORES = (IhcScore.ZERO, IhcScore.ONE_PLUS, IhcScore.TWO_PLUS, IhcScore.THREE_PLUS)
TYPED_PCT = {IhcScore.ZERO: "5", IhcScore.ONE_PLUS: "30", IhcScore.TWO_PLUS: "40", IhcScore.THREE_PLUS: "80"}


def _ihc_line(test: Her2TestInput, settings: GuidelineSettings = DEFAULT_SETTINGS) -> str:
    result = interpret(test, settings)
    assert result.errors == (), result.errors
    return result.trail[0]


@pytest.mark.parametrize("ihc", BREAST_SCORES)
def test_breast_trail_claims_no_percentage_nobody_entered(ihc: IhcScore) -> None:
    """Without a percentage the score stands as scored, and "> 10%" appears only inside the guideline's
    definition, labelled as such; with one, the typed percentage is shown."""
    line = _ihc_line(Her2TestInput(Site.BREAST, Procedure.CORE_NEEDLE_BIOPSY, ihc))
    assert line.startswith(f"IHC {ihc} as scored; no percentage entered (definition: "), line
    typed = TYPED_PCT[ihc]
    shown = _ihc_line(Her2TestInput(Site.BREAST, Procedure.CORE_NEEDLE_BIOPSY, ihc, Decimal(typed)))
    assert f"in {typed}% of tumour cells" in shown, shown
    assert "as scored" not in shown
    assert "definition" not in shown


def test_breast_2plus_trail_without_a_percentage() -> None:
    line = _ihc_line(Her2TestInput(Site.BREAST, Procedure.CORE_NEEDLE_BIOPSY, IhcScore.TWO_PLUS))
    assert line == (
        "IHC 2+ as scored; no percentage entered (definition: weak to moderate complete membrane "
        "staining in > 10% of tumour cells) -> equivocal"
    )
    typed = _ihc_line(
        Her2TestInput(Site.BREAST, Procedure.CORE_NEEDLE_BIOPSY, IhcScore.TWO_PLUS, Decimal(40))
    )
    assert (
        typed
        == "IHC 2+: weak to moderate complete membrane staining in 40% of tumour cells (> 10%) -> equivocal"
    )


def test_breast_ihc_0_trail_with_and_without_staining() -> None:
    none = _ihc_line(Her2TestInput(Site.BREAST, Procedure.CORE_NEEDLE_BIOPSY, IhcScore.ZERO, Decimal(0)))
    assert none == "IHC 0: no membrane staining (0% of tumour cells) -> negative"
    some = _ihc_line(Her2TestInput(Site.BREAST, Procedure.CORE_NEEDLE_BIOPSY, IhcScore.ZERO, Decimal(10)))
    assert some == "IHC 0: faint, incomplete membrane staining in 10% of tumour cells (<= 10%) -> negative"


STRICT = replace(DEFAULT_SETTINGS, gastroesophageal_resection_pct_inclusive=False)


def _resection(ihc: IhcScore, pct: str | None) -> Her2TestInput:
    return Her2TestInput(
        Site.STOMACH, Procedure.SURGICAL_RESECTION, ihc, None if pct is None else Decimal(pct)
    )


@pytest.mark.parametrize(
    ("settings", "needs", "zero_allows"), [(DEFAULT_SETTINGS, ">= 10%", "< 10%"), (STRICT, "> 10%", "<= 10%")]
)
def test_gastric_resection_ihc_0_wording_follows_the_setting(
    settings: GuidelineSettings, needs: str, zero_allows: str
) -> None:
    """With ">= 10%" for 1+ and above, resection IHC 0 is "< 10%"; with "> 10%", it is "<= 10%"."""
    defined = _ihc_line(_resection(IhcScore.ZERO, None), settings)
    assert defined == (
        "IHC 0 as scored; no percentage entered (resection criteria; definition: no reactivity, or "
        f"membranous reactivity in {zero_allows} of tumour cells) -> negative"
    )
    typed = _ihc_line(_resection(IhcScore.ZERO, "5"), settings)
    assert typed == (
        f"IHC 0: membranous reactivity in 5% of tumour cells ({zero_allows}; resection criteria) -> negative"
    )
    one = _ihc_line(_resection(IhcScore.ONE_PLUS, "30"), settings)
    assert f"in 30% of tumour cells ({needs}; resection criteria)" in one
    assert "fewer than" not in defined + typed


@pytest.mark.parametrize(
    ("settings", "allowed"), [(DEFAULT_SETTINGS, "less than 10%"), (STRICT, "at most 10%")]
)
def test_gastric_resection_ihc_0_error_follows_the_setting(settings: GuidelineSettings, allowed: str) -> None:
    pct = "10" if settings is DEFAULT_SETTINGS else "10.1"  # the first value IHC 0 no longer allows
    errors = interpret(_resection(IhcScore.ZERO, pct), settings).errors
    assert [e.field for e in errors] == ["stained_pct"]
    assert errors[0].message == (
        f"resection IHC 0 allows membranous staining in {allowed} of tumour cells ({pct}% was entered); "
        "score 1+ or higher"
    )
    assert "fewer than at least" not in errors[0].message


@pytest.mark.parametrize(
    ("settings", "pct", "message"),
    [
        (
            DEFAULT_SETTINGS,
            "9.9",
            "needs membranous staining in at least 10% of tumour cells; 9.9% is less than that",
        ),
        (
            STRICT,
            "10",
            "needs membranous staining in more than 10% of tumour cells; 10% is not more than that",
        ),
    ],
)
def test_gastric_resection_positive_scores_below_the_limit(
    settings: GuidelineSettings, pct: str, message: str
) -> None:
    errors = interpret(_resection(IhcScore.TWO_PLUS, pct), settings).errors
    assert [e.field for e in errors] == ["stained_pct"]
    assert message in errors[0].message


def test_gastric_biopsy_ihc_0_is_the_guidelines_definition() -> None:
    """Rules §3.1/A2: biopsy IHC 0 is "no reactivity, or no membranous reactivity in any tumour cell"."""
    line = _ihc_line(Her2TestInput(Site.STOMACH, Procedure.ENDOSCOPIC_BIOPSY, IhcScore.ZERO))
    assert line == (
        "IHC 0: no reactivity, or no membranous reactivity in any tumour cell (biopsy criteria) -> negative"
    )
    error = interpret(
        Her2TestInput(Site.STOMACH, Procedure.ENDOSCOPIC_BIOPSY, IhcScore.ZERO, cluster_cells=5)
    )
    assert [e.field for e in error.errors] == ["cluster_cells"]
    assert error.errors[0].message.startswith(
        "biopsy IHC 0 is no reactivity, or no membranous reactivity in any tumour cell; "
    )


def test_gastric_biopsy_trail_shows_the_cluster_only_when_typed() -> None:
    untyped = _ihc_line(Her2TestInput(Site.STOMACH, Procedure.ENDOSCOPIC_BIOPSY, IhcScore.TWO_PLUS))
    assert untyped.startswith("IHC 2+ as scored; no cluster size entered (biopsy criteria; definition: ")
    assert "a cluster of >= 5 tumour cells, irrespective of percentage" in untyped
    typed = _ihc_line(
        Her2TestInput(Site.STOMACH, Procedure.ENDOSCOPIC_BIOPSY, IhcScore.TWO_PLUS, cluster_cells=8)
    )
    assert "in a cluster of 8 tumour cells (>= 5, irrespective of percentage; biopsy criteria)" in typed
