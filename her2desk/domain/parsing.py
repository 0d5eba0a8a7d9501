"""Turn text typed by a person (command line, CSV cell, form field) into a `Her2TestInput`.

Each field is parsed on its own and every problem is reported with the field's name and the allowed
values; nothing is guessed (a decimal comma, "2+ " with a stray letter or "20.5" cells are refused).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import Any, TypeVar

from her2desk.domain.inputs import INPUT_FIELDS, Her2TestInput
from her2desk.domain.labels import value_labels
from her2desk.domain.numbers import to_decimal
from her2desk.domain.phrases import Phrase
from her2desk.domain.problems import Problem
from her2desk.domain.vocabulary import IhcScore, IshProbe, Procedure, ScoringCriteria, Site

E = TypeVar("E", bound=StrEnum)

ENUM_FIELDS: dict[str, type[StrEnum]] = {
    "site": Site,
    "procedure": Procedure,
    "ihc": IhcScore,
    "ish": IshProbe,
    "scoring_criteria": ScoringCriteria,
}
DECIMAL_FIELDS = ("stained_pct", "her2", "cep17", "recount_her2", "recount_cep17")
INTEGER_FIELDS = ("cluster_cells", "cells", "recount_cells")
_WHOLE_NUMBER = re.compile(r"[+-]?[0-9]+")
MAX_ECHO = 40


def shown(text: str) -> str:
    """The text as typed, quoted; a very long one is cut (a pasted page must not flood the message)."""
    if len(text) <= MAX_ECHO:
        return repr(text)
    return Phrase("{start}... ({count} characters)", start=repr(text[:20]), count=f"{len(text):,}")


def parse_enum(enum_type: type[E], text: str, field: str) -> E | Problem:
    value = text.strip()
    for member in enum_type:
        if member.value == value:
            return member
    allowed = ", ".join(m.value for m in enum_type)
    return Problem(
        field, Phrase("{text} is not allowed; choose one of: {allowed}", text=shown(text), allowed=allowed)
    )


def in_codes(problem: Problem) -> Problem:
    """The problem as read where people type the vocabulary's codes (the command line, a CSV cell):
    a list of the allowed values in the form's words ("Fine needle aspiration, Core needle biopsy")
    becomes the list of codes they type ("fine-needle-aspiration, core-needle-biopsy")."""
    enum_type = ENUM_FIELDS.get(problem.field)
    words = value_labels(enum_type) if enum_type is not None else ""
    if not words or words not in problem.message:
        return problem
    assert enum_type is not None
    return Problem(problem.field, problem.message.replace(words, ", ".join(m.value for m in enum_type)))


def parse_decimal(text: str, field: str) -> Decimal | Problem:
    try:
        return to_decimal(text)
    except ValueError:
        return Problem(
            field,
            Phrase("{text} is not a number; use digits with a decimal point, e.g. 2.15", text=shown(text)),
        )


def parse_integer(text: str, field: str) -> int | Problem:
    value = text.strip()
    if not _WHOLE_NUMBER.fullmatch(value):
        return Problem(
            field, Phrase("{text} is not a whole number; use digits only, e.g. 20", text=shown(text))
        )
    try:
        return int(value)
    except ValueError:  # more digits than Python converts (sys.get_int_max_str_digits)
        return Problem(
            field,
            Phrase(
                "{start}... ({count} digits) is far too large; use digits only, e.g. 20",
                start=repr(text[:20]),
                count=f"{len(value):,}",
            ),
        )


def parse_iso_date(text: str, field: str) -> date | Problem:
    """A date typed as year-month-day (2024-03-15); anything else is refused, never guessed at."""
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        return Problem(
            field, Phrase("{text} is not a date; use year-month-day, e.g. 2024-03-15", text=repr(text))
        )


def parse_test_input(raw: Mapping[str, str | None]) -> tuple[Her2TestInput, list[Problem]]:
    """Parse the fields present in `raw`; empty or missing values mean "not given"."""
    values: dict[str, Any] = {}  # each value has its field's type: the parser is chosen by the name
    problems: list[Problem] = []
    for name in INPUT_FIELDS:
        text = raw.get(name)
        if text is None or not str(text).strip():
            continue
        text = str(text)
        parsed: object
        if name in ENUM_FIELDS:
            parsed = parse_enum(ENUM_FIELDS[name], text, name)
        elif name in DECIMAL_FIELDS:
            parsed = parse_decimal(text, name)
        else:
            parsed = parse_integer(text, name)
        if isinstance(parsed, Problem):
            problems.append(parsed)
        else:
            values[name] = parsed
    return Her2TestInput(**values), problems
