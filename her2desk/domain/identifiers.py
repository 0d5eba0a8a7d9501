"""The rule an identifier (accession number, MRN) is held to: required, no surrounding spaces, a length
limit, and only letters A-Z, digits and - _ / . (what labels, barcodes and file names all survive).

Apart from `case_checks` so the lab settings can hold an accession pattern to the same rule without
importing the guideline engine."""

from __future__ import annotations

MAX_ACCESSION = 32


def identifier_problem(value: str, limit: int) -> str | None:
    """Why `value` cannot be an identifier, in words that follow the field's label ("required"), or None."""
    if not value.strip():
        return "required"
    if value != value.strip():
        return "must not start or end with spaces"
    if len(value) > limit:
        return f"must be at most {limit} characters, not {len(value)}"
    if not all(ch.isalnum() or ch in "-_/." for ch in value) or not value.isascii():
        return "may contain only letters A-Z, digits and - _ / ."
    return None


def accession_problem(value: str) -> str | None:
    """Why `value` cannot be an accession number (the rule every saved case is held to), or None."""
    return identifier_problem(value, MAX_ACCESSION)
