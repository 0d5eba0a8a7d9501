"""Automatic accession numbers: the lab's pattern (a lab setting), e.g. ``H{yy}-{seq:06}`` → H26-000001.

Placeholders: ``{yy}`` and ``{yyyy}`` are the year of the save (two or four digits); ``{seq}`` is the
counter, ``{seq:0N}`` the counter zero-padded to N digits (1-9). Exactly one counter; everything else
is literal text. The counter belongs to the pattern's text around it once the year is put in (the
"counter key": "H26-" for ``H{yy}-{seq:06}``), so a pattern with a year starts again at 1 each year,
and one without a year never restarts. Every number a pattern can give must be a valid accession by
the rule every saved case is held to (`case_checks.accession_problem`): a pattern is checked with its
widest counter when it is set, so a lab cannot save a pattern that would later make unsavable cases.
The counter itself lives in the database (`store.accession_counters`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from her2desk.domain.identifiers import accession_problem
from her2desk.domain.phrases import Phrase

ALLOWED = "{yy}, {yyyy} (the year), and exactly one {seq} or {seq:0N} (the counter, N from 1 to 9 digits)"
UNPADDED_CHECK_DIGITS = 6  # a plain {seq} is checked as if it had grown to six digits
_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")
_SEQ = re.compile(r"seq(?::0([1-9]))?")
SAMPLE_YEAR = 2026


class AccessionPatternError(ValueError):
    """The pattern cannot be used; the message says why and what is allowed."""


@dataclass(frozen=True)
class AccessionPattern:
    text: str  # as the lab wrote it
    before: str  # the text before the counter, year placeholders still in it
    after: str  # the text after the counter
    width: int  # zero-padding of the counter; 0: none

    def counter_key(self, on: date) -> str:
        """Which counter a save on `on` draws from: the text around the counter with the year put in
        ('#' stands for the counter when text follows it: '#' is never part of an accession)."""
        before, after = _with_year(self.before, on), _with_year(self.after, on)
        return f"{before}#{after}" if after else before

    def accession(self, on: date, number: int) -> str:
        if number < 1:
            raise ValueError(f"counter values start at 1, not {number}")
        digits = f"{number:0{self.width}d}" if self.width else str(number)
        return f"{_with_year(self.before, on)}{digits}{_with_year(self.after, on)}"


def _allowed() -> Phrase:
    """`ALLOWED`, the placeholders a pattern may hold, as a phrase (its braces are values: a template's
    braces are its placeholders)."""
    return Phrase(
        "{yy}, {yyyy} (the year), and exactly one {seq} or {padded} (the counter, N from 1 to 9 digits)",
        yy="{yy}",
        yyyy="{yyyy}",
        seq="{seq}",
        padded="{seq:0N}",
    )


def _with_year(text: str, on: date) -> str:
    return text.replace("{yyyy}", f"{on.year:04d}").replace("{yy}", f"{on.year % 100:02d}")


def parse_accession_pattern(raw: str) -> AccessionPattern | None:
    """The pattern in `raw` (None when empty: automatic numbers are off), or AccessionPatternError."""
    text = raw.strip()
    if not text:
        return None
    counters: list[re.Match[str]] = []
    for match in _PLACEHOLDER.finditer(text):
        name = match.group(1)
        if name in ("yy", "yyyy"):
            continue
        if _SEQ.fullmatch(name) is None:
            raise AccessionPatternError(
                Phrase(
                    "{placeholder} is not a placeholder; allowed are {allowed}",
                    placeholder=match.group(0),
                    allowed=_allowed(),
                )
            )
        counters.append(match)
    if "{" in _PLACEHOLDER.sub("", text) or "}" in _PLACEHOLDER.sub("", text):
        raise AccessionPatternError(
            Phrase("a brace is not closed or not opened; allowed are {allowed}", allowed=_allowed())
        )
    if len(counters) != 1:
        raise AccessionPatternError(
            Phrase("no counter; allowed are {allowed}", allowed=_allowed())
            if not counters
            else Phrase("{count} counters; allowed are {allowed}", count=len(counters), allowed=_allowed())
        )
    seq = counters[0]
    padding = _SEQ.fullmatch(seq.group(1))
    assert padding is not None
    width = int(padding.group(1) or 0)
    pattern = AccessionPattern(text, text[: seq.start()], text[seq.end() :], width)
    widest = 10 ** (width or UNPADDED_CHECK_DIGITS) - 1
    example = pattern.accession(date(SAMPLE_YEAR, 1, 1), widest)
    problem = accession_problem(example)
    if problem is not None:
        raise AccessionPatternError(
            Phrase(
                "it gives numbers such as {example}, and an accession number {problem}; "
                "write a pattern such as {sample}",
                example=repr(example),
                problem=problem,
                sample="H{yy}-{seq:06}",
            )
        )
    return pattern
