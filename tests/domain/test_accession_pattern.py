"""The lab's accession pattern: what it may contain, what it gives, and the setting's messages."""

from __future__ import annotations

from datetime import date

import pytest

from her2desk.domain.accession_pattern import AccessionPatternError, parse_accession_pattern
from her2desk.domain.lab_settings import DEFAULT_LAB_SETTINGS, LabSettingError, parse_setting, with_setting

NEW_YEAR = date(2026, 1, 1)


def test_automatic_numbers_are_off_by_default_and_when_empty() -> None:
    assert DEFAULT_LAB_SETTINGS.accession_pattern == ""
    assert DEFAULT_LAB_SETTINGS.accession_numbering is None
    assert parse_accession_pattern("") is None
    assert parse_accession_pattern("   ") is None
    assert parse_setting("accession_pattern", "  ") == ""


@pytest.mark.parametrize(
    ("raw", "on", "number", "expected", "key"),
    [
        ("H{yy}-{seq:06}", date(2026, 5, 1), 1, "H26-000001", "H26-"),
        ("H{yy}-{seq:06}", date(2027, 1, 1), 42, "H27-000042", "H27-"),
        ("H{yy}-{seq:06}", date(2026, 5, 1), 1234567, "H26-1234567", "H26-"),  # outgrows its padding
        ("S{yyyy}/{seq}", date(2026, 5, 1), 7, "S2026/7", "S2026/"),
        ("{seq:01}", date(2026, 5, 1), 7, "7", ""),  # no year: one counter for ever
        ("A{seq:04}.{yy}", date(2026, 5, 1), 3, "A0003.26", "A#.26"),  # text after the counter
        ("{yy}{yyyy}-{seq:09}", date(2030, 5, 1), 1, "302030-000000001", "302030-"),
    ],
)
def test_pattern_gives_numbers_and_one_counter_per_expanded_prefix(
    raw: str, on: date, number: int, expected: str, key: str
) -> None:
    pattern = parse_accession_pattern(raw)
    assert pattern is not None
    assert pattern.accession(on, number) == expected
    assert pattern.counter_key(on) == key


def test_the_counter_key_changes_with_the_year_only_when_the_pattern_has_one() -> None:
    yearly = parse_accession_pattern("H{yy}-{seq:06}")
    plain = parse_accession_pattern("H-{seq:06}")
    assert yearly is not None
    assert plain is not None
    assert yearly.counter_key(date(2026, 12, 31)) != yearly.counter_key(date(2027, 1, 1))
    assert plain.counter_key(date(2026, 12, 31)) == plain.counter_key(date(2027, 1, 1)) == "H-"


@pytest.mark.parametrize(
    ("raw", "why"),
    [
        ("H{yy}-", "no counter"),
        ("H{yy}-{seq}{seq:04}", "2 counters"),
        ("H{y}-{seq:06}", r"\{y\} is not a placeholder"),
        ("H{YY}-{seq:06}", r"\{YY\} is not a placeholder"),
        ("H{yy}-{seq:6}", r"\{seq:6\} is not a placeholder"),
        ("H{yy}-{seq:010}", r"\{seq:010\} is not a placeholder"),  # more than 9 digits
        ("H{yy}-{seq:00}", r"\{seq:00\} is not a placeholder"),
        ("H{yy}-{number}", r"\{number\} is not a placeholder"),
        ("H{yy-{seq}", "a brace is not closed"),
        ("H}{yy}-{seq}", "a brace is not closed"),
        ("H {yy}-{seq:06}", "may contain only letters"),  # a space: not a valid accession
        ("H{yy}#{seq:06}", "may contain only letters"),
        ("Ü{yy}-{seq:06}", "may contain only letters"),
        ("H{yy}-{seq:1}", r"\{seq:1\} is not a placeholder"),  # a width needs its leading zero
        ("X" * 27 + "{seq:06}", "at most 32 characters"),
    ],
)
def test_a_bad_pattern_is_refused_saying_why_and_what_is_allowed(raw: str, why: str) -> None:
    with pytest.raises(AccessionPatternError, match=why):
        parse_accession_pattern(raw)
    with pytest.raises(LabSettingError) as refused:
        with_setting(DEFAULT_LAB_SETTINGS, "accession_pattern", raw)
    message = str(refused.value)
    assert message.startswith("accession_pattern (Automatic accession numbers): ")
    assert "leave it empty to type every accession number" in message


def test_the_longest_pattern_the_accession_rule_allows_is_accepted() -> None:
    """32 characters with the widest counter: allowed; one more: refused (the accession rule's limit)."""
    assert parse_accession_pattern("X" * 26 + "{seq:06}") is not None
    with pytest.raises(AccessionPatternError, match="at most 32 characters, not 33"):
        parse_accession_pattern("X" * 27 + "{seq:06}")
    # A plain counter is checked as if it had grown to six digits.
    assert parse_accession_pattern("X" * 26 + "{seq}") is not None
    with pytest.raises(AccessionPatternError, match="not 33"):
        parse_accession_pattern("X" * 27 + "{seq}")


def test_allowed_placeholders_are_named_in_the_message() -> None:
    with pytest.raises(LabSettingError, match=r"allowed are \{yy\}, \{yyyy\}.*\{seq\} or \{seq:0N\}"):
        parse_setting("accession_pattern", "H{month}-{seq}")


def test_a_good_pattern_is_kept_as_typed_without_surrounding_spaces() -> None:
    settings = with_setting(DEFAULT_LAB_SETTINGS, "accession_pattern", "  H{yy}-{seq:06} ")
    assert settings.accession_pattern == "H{yy}-{seq:06}"
    assert settings.accession_numbering is not None
    assert settings.accession_numbering.accession(NEW_YEAR, 1) == "H26-000001"


def test_counter_values_start_at_one() -> None:
    pattern = parse_accession_pattern("H{seq}")
    assert pattern is not None
    with pytest.raises(ValueError, match="start at 1"):
        pattern.accession(NEW_YEAR, 0)
