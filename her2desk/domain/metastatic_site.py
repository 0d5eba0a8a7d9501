"""Where a metastatic or recurrent specimen came from: a code from a short list, or "other" with words.

How it is stored: `SpecimenDetails.metastatic_site` keeps one text, in the database's existing text
column (no schema change), in one of two forms:

- a code: `lymph-node`, `liver`, `lung`, `bone`, `brain`, `skin-chest-wall`, `pleura`, `peritoneum`;
- `other: <the site in words>`: the code `other`, a colon and a space, then the specified text (one
  line, at most `MAX_SPECIFIED` characters, e.g. `other: adrenal gland`).

The CSV import and export use the same text. Anything else is free text from before the list (the
field was typed freely then, a date was even accepted): it still loads and is shown as "Other: <the
text>", and it is never rewritten behind anyone's back. A case that keeps it unchanged can still be
saved (see `check_metastatic_site`'s `kept`); a new value must be a code or `other: ...`.

People read words, never codes: `site_words` ("Liver", "Skin/chest wall", "Other: adrenal gland").
"""

from __future__ import annotations

import re
import unicodedata
from enum import StrEnum

from her2desk.domain.phrases import Phrase


class MetastaticSite(StrEnum):
    LYMPH_NODE = "lymph-node"
    LIVER = "liver"
    LUNG = "lung"
    BONE = "bone"
    BRAIN = "brain"
    SKIN_CHEST_WALL = "skin-chest-wall"
    PLEURA = "pleura"
    PERITONEUM = "peritoneum"
    OTHER = "other"


METASTATIC_SITE_WORDS: dict[MetastaticSite, str] = {
    MetastaticSite.LYMPH_NODE: "Lymph node",
    MetastaticSite.LIVER: "Liver",
    MetastaticSite.LUNG: "Lung",
    MetastaticSite.BONE: "Bone",
    MetastaticSite.BRAIN: "Brain",
    MetastaticSite.SKIN_CHEST_WALL: "Skin/chest wall",
    MetastaticSite.PLEURA: "Pleura",
    MetastaticSite.PERITONEUM: "Peritoneum",
    MetastaticSite.OTHER: "Other (specify)",
}

OTHER_PREFIX = "other: "
# The column holds 100 characters; the prefix takes 7. A site in words is never near 80.
MAX_SPECIFIED = 80
FIELD = "specimen.metastatic_site"
OTHER_FIELD = "specimen.metastatic_site_other"

_DATE_LIKE = re.compile(r"^\s*\d{1,4}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*\d{1,4}\s*$")


def allowed_words() -> str:
    """What may be chosen, for messages: the codes and their words."""
    return ", ".join(f"{code.value} ({METASTATIC_SITE_WORDS[code]})" for code in MetastaticSite)


def stored_value(code: MetastaticSite, specified: str = "") -> str:
    """The text stored for a choice: the code, or `other: <specified>` for other."""
    return f"{OTHER_PREFIX}{specified.strip()}" if code is MetastaticSite.OTHER else code.value


def parse_stored(text: str) -> tuple[MetastaticSite, str]:
    """A stored text as (code, specified words): ("liver", ""), ("other", "adrenal gland"); free text
    from before the list is ("other", the text as stored)."""
    if text in MetastaticSite.__members__.values() and text != MetastaticSite.OTHER:
        return MetastaticSite(text), ""
    if text.startswith(OTHER_PREFIX):
        return MetastaticSite.OTHER, text[len(OTHER_PREFIX) :]
    return MetastaticSite.OTHER, text


def is_legacy(text: str | None) -> bool:
    """Free text from before the list: neither a code nor `other: ...`."""
    if not text:
        return False
    return text == MetastaticSite.OTHER or (
        text not in MetastaticSite.__members__.values() and not text.startswith(OTHER_PREFIX)
    )


def site_words(text: str | None) -> str:
    """The site as people read it: "Liver", "Other: adrenal gland"; "" when none is given."""
    if not text:
        return ""
    code, specified = parse_stored(text)
    if code is MetastaticSite.OTHER:
        return f"Other: {specified}"
    return METASTATIC_SITE_WORDS[code]


def exported_value(text: str | None) -> str | None:
    """The text a CSV export writes: the stored code, and free text from before the list as
    `other: <the text>`, the way it is shown."""
    if text is None or not is_legacy(text):
        return text
    return OTHER_PREFIX + text


def from_free_text(text: str) -> str:
    """A CSV cell written before the list (or a code): a code when it is one or matches a code's words
    ignoring case ("Liver" -> liver, "lymph node" -> lymph-node), else `other: <the text>`."""
    value = text.strip()
    if not is_legacy(value):
        return value
    folded = value.casefold()
    if folded == "other" or folded.startswith("other:"):  # "Other: adrenal", or other with nothing said
        return OTHER_PREFIX + value[len("other:") :].strip()
    for code, words in METASTATIC_SITE_WORDS.items():
        if code is not MetastaticSite.OTHER and folded in (words.casefold(), code.value.replace("-", " ")):
            return code.value
    return OTHER_PREFIX + value


def looks_like_date(text: str) -> bool:
    return bool(_DATE_LIKE.match(text))


def check_metastatic_site(text: str | None, kept: str | None = None) -> list[tuple[str, str]]:
    """Problems with a metastatic site, as (field, message); none for no site. The message follows the
    field's label ("Metastatic site: 'x' is not one of the sites; choose one of: ..."), as every
    message of the case check does where it is shown (`labels.named_warning`, the form, the CSV).

    `kept` is the value already stored for the case: free text from before the list that is kept
    unchanged is not refused, even a date (the person has not touched it, it is never changed silently,
    and refusing it would block every other correction to the case); `check_case` warns about it.
    """
    if text is None:
        return []
    if text.strip() in ("other", "other:"):
        return [(OTHER_FIELD, Phrase("is required when the site is Other: say which site it is"))]
    if is_legacy(text):
        if kept is not None and text == kept:
            return []
        if looks_like_date(text):
            return [
                (
                    FIELD,
                    Phrase("{text} looks like a date; choose the site the sample came from", text=repr(text)),
                )
            ]
        return [
            (
                FIELD,
                Phrase(
                    "{text} is not one of the sites; choose one of: {allowed}",
                    text=repr(text),
                    allowed=allowed_words(),
                ),
            )
        ]
    code, specified = parse_stored(text)
    if code is not MetastaticSite.OTHER:
        return []
    if not specified.strip():
        return [(OTHER_FIELD, Phrase("is required when the site is Other: say which site it is"))]
    if specified != specified.strip():
        return [(OTHER_FIELD, Phrase("must not start or end with spaces"))]
    if len(specified) > MAX_SPECIFIED:
        return [
            (
                OTHER_FIELD,
                Phrase(
                    "must be at most {limit} characters, not {count}",
                    limit=MAX_SPECIFIED,
                    count=len(specified),
                ),
            )
        ]
    if any(unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Co", "Cn") for ch in specified):
        return [(OTHER_FIELD, Phrase("must be one line of printable characters"))]
    if looks_like_date(specified):
        return [
            (OTHER_FIELD, Phrase("{text} looks like a date; give the site in words", text=repr(specified)))
        ]
    return []
