"""The guideline engine's own words in a Spanish interface: the rule trail, the warnings and the guideline.

Real cases are saved in a real lab database and opened in the real case editor with the Spanish
translators installed: the interpretation panel must say how the result was reached in Spanish (numbers
with a decimal comma), and no step of the engine's English trail may be left on screen.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from support.lab import Lab, open_lab

from her2desk.domain.case import CaseEntry, IhcDetails, IshDetails, PatientDetails, SpecimenDetails
from her2desk.domain.inputs import IshCount
from her2desk.domain.vocabulary import (
    AssayType,
    IhcScore,
    IshMethod,
    IshProbe,
    Laterality,
    Procedure,
    Sex,
    Site,
    Status,
)
from her2desk.gui.case_entry.case_editor import CaseEditor
from her2desk.services.case_service import StoredCase

D = Decimal


@pytest.fixture
def lab(tmp_path: Path) -> Iterator[Lab]:
    opened = open_lab(str(tmp_path / "lab.sqlite3"))
    yield opened
    opened.database.close()


def _case(
    accession: str,
    site: Site,
    procedure: Procedure,
    ihc: IhcDetails,
    ish: IshDetails,
) -> CaseEntry:
    return CaseEntry(
        accession,
        PatientDetails(
            "SYN-" + accession[-3:], "Testpatient-Engine", "Synthetic", date(1970, 5, 6), Sex.FEMALE
        ),
        SpecimenDetails(
            procedure=procedure,
            site=site,
            laterality=Laterality.LEFT if site is Site.BREAST else None,
            collected_on=date(2026, 3, 2),
            block="A1",
        ),
        ihc,
        ish,
    )


def _ihc(score: IhcScore, **kw: object) -> IhcDetails:
    return IhcDetails(
        clone="4B5", assay_type=AssayType.FDA_APPROVED, controls_acceptable=True, score=score, **kw
    )  # type: ignore[arg-type]


def _opened(lab: Lab, stored: StoredCase, qtbot) -> CaseEditor:
    editor = CaseEditor(lab.cases(lab.tech))
    qtbot.addWidget(editor)
    editor.open_case(stored)
    return editor


def _no_english_step_left(editor: CaseEditor, stored: StoredCase) -> None:
    shown = editor.panel.trail.text() + "\n" + editor.panel.warnings.text()
    for english in (*stored.interpretation.trail, *stored.interpretation.warnings):
        assert english not in shown, english
    assert editor.panel.trail.isVisibleTo(editor.panel)


def test_breast_group_4_with_ihc_2_plus_and_its_recount_is_explained_in_spanish(
    spanish, lab: Lab, qtbot
) -> None:
    first = IshDetails(IshProbe.DUAL, IshMethod.FISH, IshCount(D("4.10"), D("2.30"), 20))
    entry = _case(
        "S26-000801",
        Site.BREAST,
        Procedure.CORE_NEEDLE_BIOPSY,
        _ihc(IhcScore.TWO_PLUS, stained_pct=D(30)),
        first,
    )
    stored = lab.cases(lab.tech).save(entry, None)
    # The blinded second count, entered by a second observer, confirms group 4.
    second = IshDetails(IshProbe.DUAL, IshMethod.FISH, first.first, IshCount(D("5.00"), D("3.00"), 20))
    stored = lab.cases(lab.path).save(
        CaseEntry(entry.accession, entry.patient, entry.specimen, entry.ihc, second), stored.version
    )
    assert stored.interpretation.status is Status.NEGATIVE
    editor = _opened(lab, stored, qtbot)
    trail = editor.panel.trail.text().splitlines()
    assert trail == [
        "• IHC 2+: tinción de membrana completa débil a moderada en el 30% de las células tumorales (> 10%) "
        "-> equívoco",
        "• ISH de sonda doble, 20 células: Grupo 4: razón 1,78 < 2,0 y HER2 4,10 en [4,0, 6,0)",
        "• Recuento ciego, 20 células: Grupo 4: razón 1,67 < 2,0 y HER2 5,00 en [4,0, 6,0)",
        "• El recuento confirma el grupo 4 con IHC 2+ -> negativo con el comentario del grupo 4",
        "• Descriptor HER2-low: negativo con IHC 2+",
    ]
    warnings = editor.panel.warnings.text()
    assert (
        "Cerca de un umbral (HER2 4,10): pequeñas diferencias de recuento podrían cambiar el resultado"
        in warnings
    )
    assert editor.panel.guideline.text() == "ASCO/CAP 2018 (ratificada en 2023), mama"
    # the panel's numbers take the same decimal comma as the sentences around them
    assert editor.panel.ratio.text() == "1,78"
    assert editor.panel.her2_average.text() == "4,10"
    _no_english_step_left(editor, stored)


def test_breast_group_3_with_ihc_2_plus_waiting_for_its_recount_says_so_in_spanish(
    spanish, lab: Lab, qtbot
) -> None:
    ish = IshDetails(IshProbe.DUAL, IshMethod.FISH, IshCount(D("7.00"), D("4.00"), 20))
    entry = _case(
        "S26-000802",
        Site.BREAST,
        Procedure.SURGICAL_RESECTION,
        _ihc(IhcScore.TWO_PLUS, stained_pct=D(5)),
        ish,
    )
    stored = lab.cases(lab.tech).save(entry, None)
    editor = _opened(lab, stored, qtbot)  # opened by the first observer: nothing is hidden
    assert editor.panel.trail.text().splitlines() == [
        "• IHC 2+: un patrón inusual (tinción en el 5% de las células tumorales, <= 10%), que la guía "
        "valora como 2+ -> equívoco",
        "• ISH de sonda doble, 20 células: Grupo 3: razón 1,75 < 2,0 y HER2 7,00 >= 6,0",
        "• Grupo 3 con IHC 2+ -> un segundo observador, ciego al primer resultado, vuelve a contar al "
        "menos 20 células en el área IHC 2+",
    ]
    _no_english_step_left(editor, stored)


def test_a_single_probe_discordance_is_warned_in_spanish(spanish, lab: Lab, qtbot) -> None:
    ish = IshDetails(IshProbe.SINGLE, IshMethod.SISH, IshCount(D("6.50"), None, 20))
    entry = _case(
        "S26-000803",
        Site.BREAST,
        Procedure.CORE_NEEDLE_BIOPSY,
        _ihc(IhcScore.ONE_PLUS, stained_pct=D(40)),
        ish,
    )
    stored = lab.cases(lab.tech).save(entry, None)
    assert stored.interpretation.status is Status.POSITIVE
    editor = _opened(lab, stored, qtbot)
    trail = editor.panel.trail.text()
    assert "• ISH de sonda única, 20 células: HER2 6,50 >= 6,0 -> ISH positiva" in trail
    assert (
        "Discordancia: IHC 1+ con HER2 de sonda única 6,50 >= 6,0; se recomienda revisión por el "
        "patólogo/a (valore ISH de sonda doble)" in editor.panel.warnings.text()
    )
    _no_english_step_left(editor, stored)


def test_a_gastric_biopsy_is_explained_in_spanish(spanish, lab: Lab, qtbot) -> None:
    ish = IshDetails(IshProbe.DUAL, IshMethod.FISH, IshCount(D("8.00"), D("2.00"), 20))
    entry = _case(
        "S26-000804", Site.STOMACH, Procedure.ENDOSCOPIC_BIOPSY, _ihc(IhcScore.TWO_PLUS, cluster_cells=8), ish
    )
    stored = lab.cases(lab.tech).save(entry, None)
    assert stored.interpretation.status is Status.POSITIVE
    editor = _opened(lab, stored, qtbot)
    assert editor.panel.trail.text().splitlines() == [
        "• IHC 2+: tinción de membrana débil a moderada completa, basolateral o lateral en un grupo de 8 "
        "células tumorales (>= 5, con independencia del porcentaje; criterios de biopsia) -> equívoco",
        "• ISH de sonda doble, 20 células: razón 4,00 >= 2,0 -> amplificado (no se usa el número de "
        "copias; HER2 8,00)",
        "• Razón ISH >= 2,0 -> positivo",
    ]
    assert editor.panel.guideline.text() == "CAP/ASCP/ASCO 2016, adenocarcinoma gastroesofágico"
    _no_english_step_left(editor, stored)
