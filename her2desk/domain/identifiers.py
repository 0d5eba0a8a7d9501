"""The rule an identifier (accession number, MRN) is held to: required, no surrounding spaces, a length
limit, and only letters A-Z, digits and - _ / . (what labels, barcodes and file names all survive).

Apart from `case_checks` so the lab settings can hold an accession pattern to the same rule without
importing the guideline engine."""

from __future__ import annotations

from her2desk.domain.phrases import Phrase

MAX_ACCESSION = 32


def identifier_problem(value: str, limit: int) -> str | None:
    """Why `value` cannot be an identifier, in words that follow the field's label ("required"), or None."""
    if not value.strip():
        return Phrase("required")
    if value != value.strip():
        return Phrase("must not start or end with spaces")
    if len(value) > limit:
        return Phrase("must be at most {limit} characters, not {count}", limit=limit, count=len(value))
    if not all(ch.isalnum() or ch in "-_/." for ch in value) or not value.isascii():
        return Phrase("may contain only letters A-Z, digits and - _ / .")
    return None


def accession_problem(value: str) -> str | None:
    """Why `value` cannot be an accession number (the rule every saved case is held to), or None."""
    return identifier_problem(value, MAX_ACCESSION)


def mrn_number_key(mrn: str) -> str | None:
    """The number in an MRN: its digits alone (letters and separators dropped), without leading zeros;
    None when it has no digits. An MRN of only zeros gives "0".

    Why: a user reading an MRN off a request form or a phone call often types just its number, "72",
    for a stored "DEMO0000072" or "MRN-00072". The worklist search matches typed digits against this key
    exactly (never as a prefix: "7" must not find every MRN containing a 7). Typed text goes through
    the same function, so both sides agree. Only ASCII digits count (an MRN holds no others).
    """
    digits = "".join(ch for ch in mrn if "0" <= ch <= "9")
    if not digits:
        return None
    return digits.lstrip("0") or "0"
