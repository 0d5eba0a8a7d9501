"""Warnings and trail lines a pathologist relies on: they must describe what was actually entered."""

from __future__ import annotations

from decimal import Decimal

from her2desk.domain import Her2TestInput, interpret
from her2desk.domain.vocabulary import IhcScore, IshProbe, Procedure, Site, Status


def test_unusual_2plus_pattern_is_described_as_such_in_the_trail() -> None:
    for pct, unusual in ((Decimal(5), True), (Decimal(10), True), (Decimal("10.1"), False)):
        result = interpret(Her2TestInput(Site.BREAST, Procedure.CORE_NEEDLE_BIOPSY, IhcScore.TWO_PLUS, pct))
        assert result.status is Status.EQUIVOCAL
        assert ("unusual pattern" in result.trail[0]) is unusual
        assert ("> 10% of cells" in result.trail[0]) is not unusual


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
