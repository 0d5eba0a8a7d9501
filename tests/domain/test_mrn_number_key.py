"""The number in an MRN, the key a search for digits alone matches exactly."""

from __future__ import annotations

import pytest

from her2desk.domain.identifiers import mrn_number_key


@pytest.mark.parametrize(
    ("mrn", "key"),
    [
        ("DEMO0000072", "72"),  # letters and leading zeros dropped
        ("MRN-00072", "72"),  # a separator too
        ("72", "72"),
        ("0072", "72"),
        ("DEMO0000720", "720"),  # trailing zeros are part of the number
        ("DEMO0000172", "172"),
        ("A1-B2/C3.D_4", "1234"),  # digits between letters and separators join up
        ("X10-05", "1005"),  # a zero after the first digit stays
        ("DEMO0000000", "0"),  # all zeros: the number 0, not nothing
        ("0", "0"),
        ("DEMO", None),  # no digits: no number
        ("MRN-", None),
        ("", None),
    ],
)
def test_the_number_is_the_digits_without_leading_zeros(mrn: str, key: str | None) -> None:
    assert mrn_number_key(mrn) == key


def test_only_ascii_digits_count() -> None:
    assert mrn_number_key("MRN-٧٢") is None  # Arabic-Indic digits are not an MRN's digits
    assert mrn_number_key("MRN-٧2") == "2"


def test_the_key_is_its_own_key() -> None:
    """Typed digits go through the same function, so a key typed back finds its MRN."""
    for mrn in ("DEMO0000072", "MRN-00072", "DEMO0000000", "A1-B2"):
        key = mrn_number_key(mrn)
        assert key is not None
        assert mrn_number_key(key) == key
