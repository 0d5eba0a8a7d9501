"""The handout's lab settings: a lab name and contact line per language, and the paper from the locale."""

from __future__ import annotations

from dataclasses import replace

import pytest

from her2desk.domain.lab_settings import (
    LETTER_TERRITORIES,
    SETTING_LABELS,
    SETTING_NAMES,
    LabLines,
    LabSettingError,
    LabSettings,
    canonical_setting_name,
    lab_lines,
    locale_territory,
    paper_for_locale,
    parse_setting,
    resolve_paper,
)

LAB = LabSettings(lab_name="Northside Demo Pathology", lab_contact="phone 555-0100")


def test_every_language_has_its_own_lab_name_and_contact_setting_with_a_label() -> None:
    for language in ("en", "es"):
        for kind in ("lab_name", "lab_contact"):
            assert f"{kind}_{language}" in SETTING_NAMES
            assert SETTING_LABELS[f"{kind}_{language}"]
    assert "paper_size" in SETTING_NAMES


def test_the_default_language_uses_the_plain_lines_without_a_warning() -> None:
    lines = lab_lines(LAB, "en")
    assert (lines.name, lines.contact, lines.warnings) == ("Northside Demo Pathology", "phone 555-0100", ())


def test_another_language_falls_back_to_the_default_lines_with_a_warning() -> None:
    lines = lab_lines(LAB, "es")
    assert (lines.name, lines.contact) == ("Northside Demo Pathology", "phone 555-0100")
    assert len(lines.warnings) == 2
    assert "no lab name in Spanish is set (lab setting lab_name_es)" in lines.warnings[0]
    assert "English" in lines.warnings[0]
    assert "'Northside Demo Pathology' is printed" in lines.warnings[0]
    assert "lab_contact_es" in lines.warnings[1]


def test_a_language_of_its_own_wins_and_warns_of_nothing() -> None:
    spanish = replace(LAB, lab_name_es="Patología Demo Norte", lab_contact_es="teléfono 555-0100")
    assert lab_lines(spanish, "es") == LabLines("Patología Demo Norte", "teléfono 555-0100", ())
    # Only the contact line set: the name falls back, and only the name is warned about.
    half = replace(LAB, lab_contact_es="teléfono 555-0100")
    lines = lab_lines(half, "es")
    assert lines.contact == "teléfono 555-0100"
    assert [w for w in lines.warnings if "lab_name_es" in w] == list(lines.warnings)


def test_nothing_set_means_nothing_to_warn_about() -> None:
    assert lab_lines(LabSettings(), "es").warnings == ()


def test_with_spanish_as_the_default_an_english_page_warns() -> None:
    spanish_lab = replace(LAB, handout_language="es")
    assert lab_lines(spanish_lab, "es").warnings == ()
    warning = lab_lines(spanish_lab, "en").warnings[0]
    assert "no lab name in English" in warning
    assert "(Spanish)" in warning


def test_dotted_names_are_the_per_language_settings() -> None:
    assert canonical_setting_name("lab_name.es") == "lab_name_es"
    assert canonical_setting_name("lab_contact.en") == "lab_contact_en"
    assert canonical_setting_name("lab_name.fr") == "lab_name.fr"  # no such language: left to be refused
    assert canonical_setting_name("rules.near_ratio_low") == "rules.near_ratio_low"


@pytest.mark.parametrize(
    ("name", "paper"),
    [
        ("en_US.UTF-8", "letter"),
        ("es_US.UTF-8", "letter"),
        ("en_CA.UTF-8", "letter"),
        ("fr_CA.UTF-8", "letter"),
        ("es_MX.UTF-8", "letter"),
        ("en_PH.UTF-8", "letter"),
        ("es_CL", "letter"),
        ("es-CO", "letter"),  # the form some systems report
        ("en_GB.UTF-8", "a4"),
        ("es_ES.UTF-8", "a4"),
        ("de_DE@euro", "a4"),
        ("en_AU.UTF-8", "a4"),
        ("C.UTF-8", "a4"),
        ("POSIX", "a4"),
        ("", "a4"),
    ],
)
def test_paper_follows_the_locale_territory(name: str, paper: str) -> None:
    assert paper_for_locale(name) == paper


def test_letter_territories_are_glibcs() -> None:
    assert {"US", "CA", "MX", "PH"} <= LETTER_TERRITORIES
    assert "GB" not in LETTER_TERRITORIES
    assert locale_territory("en_US.UTF-8") == "US"
    assert locale_territory("C") is None


def test_lc_all_beats_lc_paper_beats_lang_and_a_set_paper_beats_the_locale() -> None:
    environ = {"LANG": "en_GB.UTF-8", "LC_PAPER": "en_US.UTF-8"}
    assert resolve_paper("auto", environ) == "letter"
    assert resolve_paper("auto", {**environ, "LC_ALL": "de_DE.UTF-8"}) == "a4"
    assert resolve_paper("auto", {"LANG": "es_MX.UTF-8"}) == "letter"
    assert resolve_paper("auto", {}, fallback_locale="en_US") == "letter"
    assert resolve_paper("auto", {}, fallback_locale="") == "a4"
    assert resolve_paper("a4", {"LC_ALL": "en_US.UTF-8"}) == "a4"
    assert resolve_paper("letter", {"LC_ALL": "de_DE.UTF-8"}) == "letter"


def test_paper_size_setting_values() -> None:
    assert LabSettings().paper_size == "auto"
    assert parse_setting("paper_size", " Letter ") == "letter"
    assert parse_setting("paper_size", "a4") == "a4"
    with pytest.raises(LabSettingError, match="paper_size: 'legal' is not allowed; use a4, letter"):
        parse_setting("paper_size", "legal")
