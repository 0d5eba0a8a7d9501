"""The family-name search key: accent-folded for Latin letters, case-folded, stable under re-folding."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from her2desk.store.mapping import name_key


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Demo-Ångström", "demo-angstrom"),
        ("Łukasiewicz", "lukasiewicz"),
        ("Nguyễn", "nguyen"),  # Vietnamese is Latin: both stacked marks go
        ("Đặng", "dang"),
        ("Straße", "strasse"),
        ("Søren", "soren"),
        ("Þórðarson", "thordarson"),
        ("Ærø", "aero"),
        ("Œuvray", "oeuvray"),
        ("İnönü", "inonu"),
        ("Işık", "isik"),
        ("ＭÜLLER", "muller"),  # full-width letters: compatibility-normalised
        ("ﬁscher", "fischer"),
        ("王芳", "王芳"),
        ("O'Brien", "o'brien"),
    ],
)
def test_latin_accents_and_case_are_folded(name: str, key: str) -> None:
    assert name_key(name) == key


@pytest.mark.parametrize("name", ["शर्मा", "כֹּהֵן", "مُحَمَّد", "Ελένη"])
def test_marks_of_other_scripts_are_kept(name: str) -> None:
    """Devanagari vowel signs, Hebrew points and Arabic harakat are part of the letter, not an accent."""
    import unicodedata

    key = name_key(name)
    assert [c for c in unicodedata.normalize("NFD", key) if unicodedata.combining(c)] == [
        c for c in unicodedata.normalize("NFD", name.casefold()) if unicodedata.combining(c)
    ]
    assert key != ""


def test_greek_tonos_is_kept_but_case_folded() -> None:
    assert name_key("ΕΛΈΝΗ") == name_key("ελένη") != name_key("ελενη")


@given(st.text(min_size=1, max_size=20))
def test_the_key_of_a_key_is_itself(name: str) -> None:
    """Typed text goes through name_key too, so a stored key must not change when folded again."""
    assert name_key(name_key(name)) == name_key(name)


latin = st.text(alphabet=st.characters(min_codepoint=0x20, max_codepoint=0x24F), min_size=1, max_size=15)


@given(latin, latin)
def test_a_prefix_of_a_latin_name_gives_a_prefix_of_its_key(head: str, tail: str) -> None:
    """What the search relies on: typing the start of a name finds it (precomposed letters)."""
    import unicodedata

    head, tail = unicodedata.normalize("NFC", head), unicodedata.normalize("NFC", tail)
    if unicodedata.combining(tail[0]):
        return  # a mark on the typed prefix's last letter: not a prefix in characters either
    assert name_key(head + tail).startswith(name_key(head))
