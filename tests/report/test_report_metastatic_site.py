"""The synoptic report and the patient handout name the metastatic site in words, never by its code."""

from __future__ import annotations

from dataclasses import replace

import pytest
from support import handout_cases, report_cases

from her2desk.domain.case import CaseEntry
from her2desk.domain.vocabulary import ClinicalSetting
from her2desk.handout import build_content
from her2desk.report.content import build_report_content


def _metastatic(entry: CaseEntry, site: str) -> CaseEntry:
    specimen = replace(entry.specimen, setting=ClinicalSetting.METASTATIC, metastatic_site=site)
    return entry.with_changes(specimen=specimen)


def _tumour_tested(site: str) -> str:
    entry = _metastatic(report_cases.entry_for("breast", "positive"), site)
    content = build_report_content(report_cases.request_for("breast", "positive", entry=entry))
    rows = dict(row for block in content.blocks for row in block.rows)
    return rows["Tumour tested"]


@pytest.mark.parametrize(
    ("stored", "shown"),
    [
        ("lymph-node", "Metastatic (Lymph node)"),
        ("skin-chest-wall", "Metastatic (Skin/chest wall)"),
        ("other: adrenal gland", "Metastatic (Other: adrenal gland)"),
        ("adrenal", "Metastatic (Other: adrenal)"),  # free text stored before the list
    ],
)
def test_report_shows_the_site_in_words(stored: str, shown: str) -> None:
    assert _tumour_tested(stored) == shown


def _handout_site(site: str, language: str) -> str:
    entry = _metastatic(handout_cases.make_entry(), site)
    content = build_content(handout_cases.request_for("positive", language=language, entry=entry))
    label = {"en": "Where the sample came from", "es": "De dónde vino la muestra"}[language]
    return dict(content.records)[label]


def test_handout_shows_the_site_in_words_of_its_language() -> None:
    assert _handout_site("lymph-node", "en") == "lymph node"
    assert _handout_site("lymph-node", "es") == "ganglio linfático"
    assert _handout_site("other: adrenal gland", "en") == "other: adrenal gland"
    assert _handout_site("other: suprarrenal", "es") == "otro: suprarrenal"
    assert _handout_site("adrenal", "en") == "other: adrenal"
