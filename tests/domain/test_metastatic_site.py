"""The metastatic site: a code from the list, or `other: <words>`; free text from before the list is
shown as Other and kept only when it is the value already stored."""

from __future__ import annotations

from dataclasses import replace

import pytest
from support.backends import make_entry

from her2desk.domain.case import CaseEntry
from her2desk.domain.case_checks import check_case
from her2desk.domain.labels import readable_warnings
from her2desk.domain.metastatic_site import (
    MAX_SPECIFIED,
    MetastaticSite,
    exported_value,
    from_free_text,
    parse_stored,
    site_words,
    stored_value,
)
from her2desk.domain.vocabulary import ClinicalSetting


def _metastatic(site: str | None) -> CaseEntry:
    entry = make_entry()
    specimen = replace(entry.specimen, setting=ClinicalSetting.METASTATIC, metastatic_site=site)
    return entry.with_changes(specimen=specimen)


def _errors(site: str | None, kept: str | None = None) -> list[str]:
    entry = _metastatic(site)
    check = check_case(entry, kept_metastatic_site=kept)
    return readable_warnings(str(p) for p in check.errors if "metastatic_site" in p.field)


@pytest.mark.parametrize("code", [m.value for m in MetastaticSite if m is not MetastaticSite.OTHER])
def test_every_code_is_accepted(code: str) -> None:
    assert _errors(code) == []


def test_a_value_that_is_not_a_code_is_refused_naming_the_field_and_the_choices() -> None:
    (message,) = _errors("adrenal gland")
    assert message.startswith("Metastatic site: 'adrenal gland' is not one of the sites")
    assert "liver (Liver)" in message
    assert "skin-chest-wall (Skin/chest wall)" in message
    assert "other (Other (specify))" in message


@pytest.mark.parametrize("typed", ["2024-03-15", "15/03/2024", "3.4.24"])
def test_a_date_is_refused(typed: str) -> None:
    (message,) = _errors(typed)
    assert "looks like a date" in message
    (specified,) = _errors(f"other: {typed}")
    assert specified.startswith("Metastatic site (other):")
    assert "looks like a date" in specified


def test_other_needs_the_site_in_words() -> None:
    assert _errors("other: adrenal gland") == []
    for empty in ("other", "other:", "other: ", "other:    "):
        (message,) = _errors(empty)
        assert message == "Metastatic site (other): is required when the site is Other: say which site it is"


def test_other_words_are_one_line_of_sensible_length() -> None:
    assert _errors("other: " + "a" * MAX_SPECIFIED) == []
    (long,) = _errors("other: " + "a" * (MAX_SPECIFIED + 1))
    assert f"at most {MAX_SPECIFIED} characters" in long
    (broken,) = _errors("other: adrenal\ngland")
    assert "one line" in broken
    (spaced,) = _errors("other:  adrenal")
    assert "spaces" in spaced


def test_free_text_from_before_the_list_is_kept_only_as_stored() -> None:
    assert _errors("adrenal", kept="adrenal") == []
    assert _errors("2019-01-01", kept="2019-01-01") == []  # a date typed back then still does not block
    assert _errors("adrenal", kept="other text") != []
    entry = _metastatic("adrenal")
    warnings = readable_warnings(check_case(entry, kept_metastatic_site="adrenal").warnings)
    assert "Metastatic site: 'adrenal' was typed before the list of sites; choose the site from the list" in (
        warnings
    )


def test_codes_are_shown_as_words() -> None:
    assert site_words("liver") == "Liver"
    assert site_words("lymph-node") == "Lymph node"
    assert site_words("skin-chest-wall") == "Skin/chest wall"
    assert site_words("other: adrenal gland") == "Other: adrenal gland"
    assert site_words("Adrenal (left)") == "Other: Adrenal (left)"  # free text from before the list
    assert site_words(None) == ""


def test_stored_text_round_trips() -> None:
    for code in MetastaticSite:
        specified = "adrenal gland" if code is MetastaticSite.OTHER else ""
        assert parse_stored(stored_value(code, specified)) == (code, specified)
    assert parse_stored("Adrenal") == (MetastaticSite.OTHER, "Adrenal")


def test_free_text_from_an_old_file_becomes_a_code_or_other() -> None:
    assert from_free_text("Liver") == "liver"
    assert from_free_text(" LYMPH NODE ") == "lymph-node"
    assert from_free_text("skin/chest wall") == "skin-chest-wall"
    assert from_free_text("bone") == "bone"
    assert from_free_text("adrenal gland") == "other: adrenal gland"
    assert from_free_text("Other: adrenal") == "other: adrenal"
    assert from_free_text("other: adrenal") == "other: adrenal"
    assert from_free_text("liver metastasis") == "other: liver metastasis"
    assert exported_value("adrenal") == "other: adrenal"
    assert exported_value("liver") == "liver"
    assert exported_value(None) is None
