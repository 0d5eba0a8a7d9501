"""How fields are named and typed numbers are echoed to people: one table for every front end.

The domain names fields by their keys ("stained_pct", "patient.mrn") and prefixes a warning about one
field with its key ("stained_pct: ..."), so a front end can place it beside that field. A person never
reads a key: the form shows these labels (its inputs' accessible names are the same words, checked by
a test), the command line names its option (--stained-pct), the CSV import its column. A number is
echoed in plain digits, never in the scientific notation Python would print for 1e308.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal
from enum import StrEnum

from her2desk.domain.phrases import Phrase, VocabularyWord
from her2desk.domain.vocabulary import AssayType, Descriptor, IhcScore, NextStep, Status

FIELD_LABELS: dict[str, str] = {
    "accession": "Accession number",
    "patient.mrn": "MRN",
    "patient.family_name": "Family name",
    "patient.given_name": "Given name",
    "patient.birth_date": "Birth date",
    "patient.sex": "Sex",
    "procedure": "Procedure",
    "site": "Site",
    "scoring_criteria": "Scoring criteria",
    "specimen.laterality": "Laterality",
    "specimen.setting": "Clinical setting",
    "specimen.metastatic_site": "Metastatic site",
    "specimen.metastatic_site_other": "Metastatic site (other)",
    "specimen.collected_on": "Collection date",
    "specimen.block": "Block",
    "specimen.fixative": "Fixative",
    "specimen.cold_ischaemia_minutes": "Cold ischaemia minutes",
    "specimen.fixation_hours": "Fixation hours",
    "specimen.fragments": "Fragments",
    "specimen.fragments_with_tumour": "Fragments with tumour",
    "ihc.clone": "Antibody clone",
    "ihc.assay_type": "Assay type",
    "ihc.controls_acceptable": "Controls",
    "ihc": "IHC score",
    "stained_pct": "Stained percent",
    "cluster_cells": "Cluster size",
    "ish": "ISH probe",
    "ish.method": "ISH method",
    "her2": "HER2 signals per cell",
    "cep17": "CEP17 signals per cell",
    "cells": "Cells counted",
    "recount_her2": "Second count HER2 signals per cell",
    "recount_cep17": "Second count CEP17 signals per cell",
    "recount_cells": "Second count cells counted",
}

NEXT_STEP_WORDS: dict[NextStep, str] = {
    NextStep.NONE: "None: the result is complete",
    NextStep.REFLEX_ISH: "Reflex ISH on the same specimen",
    NextStep.RECOUNT: "Blinded second count by another observer",
    NextStep.CONCURRENT_IHC: "Review concurrent IHC on the same tissue",
    NextStep.DUAL_PROBE_ISH: "Repeat with a dual-probe ISH assay",
    NextStep.ADJUDICATE: "Pathologist adjudication",
    NextStep.NEW_SPECIMEN: "Test a new specimen",
}


SPECIAL_WORDS: dict[object, str] = {
    AssayType.FDA_APPROVED: "FDA-approved",
    AssayType.LABORATORY_DEVELOPED: "Laboratory-developed",
}


def value_label(value: StrEnum | None) -> str:
    """The words the form shows for a vocabulary value ("Core needle biopsy" for "core-needle-biopsy");
    IHC scores keep their own notation (0, 1+, 2+, 3+). Messages naming a value use these words too,
    which the interface says in its own language (a `VocabularyWord`)."""
    if value is None:
        return ""
    return VocabularyWord(_english_label(value))


def _english_label(value: StrEnum) -> str:
    if value in SPECIAL_WORDS:
        return SPECIAL_WORDS[value]
    if isinstance(value, IhcScore) and value is not IhcScore.INDETERMINATE:
        return value.value
    if isinstance(value, Status):
        return value.value.upper()
    if isinstance(value, Descriptor):
        return value.value
    if isinstance(value, NextStep):
        return NEXT_STEP_WORDS[value]
    text = value.value.replace("-", " ")
    if text.startswith("10%") or text.isupper():
        return text
    return text[0].upper() + text[1:]


def value_labels(values: Iterable[StrEnum]) -> str:
    """Values in the form's words, as a list in a sentence: "Breast, Stomach, Gastroesophageal junction"."""
    return Phrase.listing(value_label(v) for v in values)


# Longer than this, a number is shortened: nobody reads 309 digits to learn that 1e308 is too large.
_FIELD_KEY = re.compile(r"[a-z][a-z0-9_]*(\.[a-z0-9_]+)*")
MAX_SHOWN_CHARS = 24
_KEPT_DIGITS = 12


def field_label(field: str) -> str:
    """The label of a field; an unknown key is turned into words rather than shown raw."""
    if field in FIELD_LABELS:
        return FIELD_LABELS[field]
    words = field.rsplit(".", 1)[-1].replace("_", " ").strip()
    return words[:1].upper() + words[1:]


def split_warning(text: str) -> tuple[str, str]:
    """A warning about one field reads "key: message"; ("", text) for a warning about the whole test.

    A key is lower case ("stained_pct", "specimen.block"); a sentence that opens with one capitalised
    word and a colon ("Discordance: IHC 3+ ...") is about the whole test and stays whole, so it is
    said in another language as the one sentence it is.
    """
    name, sep, message = text.partition(": ")
    if not (sep and _FIELD_KEY.fullmatch(name)):
        return ("", text)
    return (name, text.without_prefix(name + sep) if isinstance(text, Phrase) else message)


def warning_field(text: str) -> str:
    return split_warning(text)[0]


def named_warning(text: str, names: dict[str, str] | None = None) -> str:
    """A warning with its field key replaced by the name a person knows: `names` (e.g. the command
    line's options) where it has one, else the field's label."""
    field, message = split_warning(text)
    if not field:
        return text
    name = names.get(field) if names else None
    return f"{name or field_label(field)}: {message}"


def readable_warnings(texts: Iterable[str], names: dict[str, str] | None = None) -> list[str]:
    """Warnings as a person reads them: every field key replaced by its name (`named_warning`), and
    each warning once, however many checks said it (the case check repeats the engine's warnings)."""
    return list(dict.fromkeys(named_warning(text, names) for text in texts))


def plain_number(value: Decimal | int) -> str:
    """A number as digits ("0.0000001", "1000"), shortened with its size when it is absurdly long.

    Never formats a huge exponent in full: 5E70000000000 is a valid Decimal whose digits fill no memory.
    """
    if isinstance(value, int):
        try:
            text = str(value)  # as typed: 12000 stays 12000
        except ValueError:  # beyond sys.get_int_max_str_digits
            return Phrase("a number with thousands of digits")
        if len(text) <= MAX_SHOWN_CHARS:
            return text
        return Phrase(
            "{lead}... ({count} digits)", lead=text[:_KEPT_DIGITS], count=f"{len(text.lstrip('-')):,}"
        )
    if not value.is_finite():
        return str(value)
    sign, digit_tuple, exponent = value.as_tuple()
    assert isinstance(exponent, int)
    adjusted = value.adjusted()
    if -MAX_SHOWN_CHARS <= adjusted <= MAX_SHOWN_CHARS and len(digit_tuple) <= MAX_SHOWN_CHARS:
        text = format(value, "f")
        if len(text) <= MAX_SHOWN_CHARS:
            return text
    minus = "-" if sign else ""
    digits = "".join(str(d) for d in digit_tuple[:_KEPT_DIGITS])
    if adjusted >= 0:
        lead = (digits + "0" * _KEPT_DIGITS)[: min(_KEPT_DIGITS, adjusted + 1)]
        return Phrase(
            "{lead}... ({count} digits before the decimal point)",
            lead=minus + lead,
            count=f"{adjusted + 1:,}",
        )
    lead = ("0." + "0" * min(-adjusted - 1, _KEPT_DIGITS) + digits)[:_KEPT_DIGITS]
    return Phrase("{lead}... ({count} decimal places)", lead=minus + lead, count=f"{-exponent:,}")
