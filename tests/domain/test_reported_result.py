"""The reported result: the adjudicated status when there is one, else the engine's; its descriptor
follows from the IHC as an engine result's would; final only once signed out."""

from __future__ import annotations

from decimal import Decimal

import pytest

from her2desk.domain.engine import interpret
from her2desk.domain.guideline_settings import GuidelineSettings
from her2desk.domain.inputs import Her2TestInput
from her2desk.domain.interpretation import Interpretation
from her2desk.domain.reported_result import (
    Adjudication,
    negative_descriptor,
    report,
    reported_descriptor,
    reported_status,
)
from her2desk.domain.vocabulary import Descriptor, IhcScore, IshProbe, NextStep, Procedure, Site, Status

ADJUDICABLE = (Status.POSITIVE, Status.NEGATIVE, Status.INDETERMINATE)
OPEN = (Status.EQUIVOCAL, Status.PENDING, Status.ADJUDICATION)


def _engine(status: Status | None, descriptor: Descriptor | None = None) -> Interpretation:
    return Interpretation(status=status, next_step=NextStep.NONE, guideline="test", descriptor=descriptor)


@pytest.mark.parametrize("engine", [*Status, None])
@pytest.mark.parametrize("adjudicated", [*ADJUDICABLE, None])
@pytest.mark.parametrize("signed_out", [False, True])
def test_every_status_and_adjudication(
    engine: Status | None, adjudicated: Status | None, signed_out: bool
) -> None:
    adjudication = Adjudication(adjudicated, "reason given", "path1") if adjudicated else None
    result = report(
        _engine(engine),
        site=Site.BREAST,
        ihc=IhcScore.TWO_PLUS,
        stained_pct=Decimal(40),
        adjudication=adjudication,
        signed_out=signed_out,
        scoring_criteria=None,
    )
    expected = adjudicated if adjudicated is not None else engine
    assert result.status is expected
    assert result.engine_status is engine  # never overwritten
    assert result.adjudicated is (adjudicated is not None)
    assert result.is_final is (signed_out and expected is not None and expected.is_final)
    assert result.needs_action is (expected is not None and expected in OPEN)
    if adjudicated is None:
        assert result.beside_engine() == ""
    else:
        assert result.beside_engine().startswith(
            f"Guideline result: {engine.value.upper() if engine else 'NO RESULT'} — reported: "
        )
        assert "adjudicated by path1" in result.beside_engine()


def test_adjudicated_positive_is_reported_positive_beside_the_engines_adjudication() -> None:
    result = report(
        _engine(Status.ADJUDICATION),
        site=Site.BREAST,
        ihc=IhcScore.TWO_PLUS,
        stained_pct=Decimal(40),
        adjudication=Adjudication(Status.POSITIVE, "recount in group 1 reviewed", "Dr X (x1)"),
        signed_out=True,
        scoring_criteria=None,
    )
    assert result.label() == "POSITIVE"
    assert result.is_final
    assert not result.needs_action
    assert result.beside_engine() == (
        "Guideline result: ADJUDICATION — reported: POSITIVE, adjudicated by Dr X (x1)"
    )


@pytest.mark.parametrize(
    ("ihc", "pct", "expected"),
    [
        (IhcScore.ONE_PLUS, Decimal(30), Descriptor.LOW),
        (IhcScore.TWO_PLUS, Decimal(40), Descriptor.LOW),
        (IhcScore.ZERO, Decimal(0), Descriptor.NULL),
        (IhcScore.ZERO, Decimal("0.5"), Descriptor.ULTRALOW),
        (IhcScore.ZERO, Decimal(10), Descriptor.ULTRALOW),
        (IhcScore.ZERO, None, None),
        (IhcScore.INDETERMINATE, None, None),
        (None, None, None),
    ],
)
def test_adjudicated_negative_breast_descriptor_follows_the_ihc(
    ihc: IhcScore | None, pct: Decimal | None, expected: Descriptor | None
) -> None:
    result = report(
        _engine(Status.ADJUDICATION),
        site=Site.BREAST,
        ihc=ihc,
        stained_pct=pct,
        adjudication=Adjudication(Status.NEGATIVE, "reason given"),
        scoring_criteria=None,
    )
    assert result.status is Status.NEGATIVE
    assert result.descriptor is expected


def test_adjudicated_negative_descriptor_is_the_engines_for_the_same_ihc() -> None:
    """The same IHC gives the same descriptor whether the engine or the pathologist called it negative."""
    for ihc, pct in (
        (IhcScore.ONE_PLUS, Decimal(20)),
        (IhcScore.ZERO, Decimal(5)),
        (IhcScore.ZERO, Decimal(0)),
    ):
        engine = interpret(
            Her2TestInput(site=Site.BREAST, procedure=Procedure.CORE_NEEDLE_BIOPSY, ihc=ihc, stained_pct=pct)
        )
        assert engine.status is Status.NEGATIVE
        assert negative_descriptor(ihc, pct) is engine.descriptor


def test_adjudicated_negative_has_no_descriptor_outside_the_breast() -> None:
    for site in (Site.STOMACH, Site.GASTROESOPHAGEAL_JUNCTION, Site.OTHER):
        result = report(
            _engine(Status.ADJUDICATION),
            site=site,
            ihc=IhcScore.ONE_PLUS,
            stained_pct=Decimal(30),
            adjudication=Adjudication(Status.NEGATIVE, "reason given"),
            scoring_criteria=None,
        )
        assert result.descriptor is None


@pytest.mark.parametrize("adjudicated", [Status.POSITIVE, Status.INDETERMINATE])
def test_adjudicated_non_negative_has_no_descriptor(adjudicated: Status) -> None:
    assert (
        reported_descriptor(
            site=Site.BREAST,
            ihc=IhcScore.ONE_PLUS,
            stained_pct=Decimal(30),
            engine_status=Status.ADJUDICATION,
            engine_descriptor=None,
            adjudicated_status=adjudicated,
            scoring_criteria=None,
        )
        is None
    )


def test_lab_settings_that_turn_descriptors_off_apply_to_adjudicated_results() -> None:
    off = GuidelineSettings(report_her2_low=False, report_her2_ultralow=False)
    assert negative_descriptor(IhcScore.ONE_PLUS, Decimal(30), off) is None
    assert negative_descriptor(IhcScore.ZERO, Decimal(5), off) is None
    assert negative_descriptor(IhcScore.ZERO, Decimal(0), off) is Descriptor.NULL  # null is not a finding


def test_engine_result_keeps_its_own_descriptor() -> None:
    engine = interpret(
        Her2TestInput(
            site=Site.BREAST,
            procedure=Procedure.CORE_NEEDLE_BIOPSY,
            ihc=IhcScore.ONE_PLUS,
            stained_pct=Decimal(30),
            ish=IshProbe.DUAL,
            her2=Decimal("2.0"),
            cep17=Decimal("2.0"),
            cells=20,
        )
    )
    result = report(
        engine, site=Site.BREAST, ihc=IhcScore.ONE_PLUS, stained_pct=Decimal(30), scoring_criteria=None
    )
    assert (result.status, result.descriptor) == (Status.NEGATIVE, Descriptor.LOW)
    assert not result.differs_from_engine
    assert result.label() == "NEGATIVE (HER2-low)"


def test_no_result_without_status_or_adjudication() -> None:
    result = report(_engine(None), site=Site.BREAST, ihc=None, stained_pct=None, scoring_criteria=None)
    assert result.status is None
    assert result.label() == "NO RESULT"
    assert not result.is_final
    assert reported_status(None, None) is None
    assert reported_status(Status.PENDING, Status.NEGATIVE) is Status.NEGATIVE
