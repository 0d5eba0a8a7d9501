"""The domain's messages in the interface's language.

The domain writes English (`domain.phrases.Phrase`); a view that shows one of its messages (a field's
problem, a warning, a step of the rule trail, a refusal) passes it through `say`. A phrase's template
is translated in its context and its values are filled in: a phrase within it is said the same way, a
number gets the language's decimal mark, and anything else (what someone typed, an accession number) is
shown exactly as it is. A plain string, as a message read back from the database is, is looked up as a
whole; words without a translation, and a translation whose placeholders do not match its template,
come out in English rather than half-translated.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterable

from her2desk.domain.phrases import Phrase
from her2desk.gui.common.translation import translate, uses_decimal_comma

DOMAIN = "Domain"
_NUMBER = re.compile(r"-?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?")
_SWAP_MARKS = str.maketrans({",": ".", ".": ","})
_FIELDS = string.Formatter()


def say(text: str) -> str:
    """`text`, a message of the domain, in the interface's language."""
    if isinstance(text, Phrase):
        return _phrase(text)
    return translate(DOMAIN, text) if text else text


def _phrase(phrase: Phrase) -> str:
    template = translate(phrase.context, phrase.template) if phrase.context else phrase.template
    if not phrase.params:
        return template
    if template != phrase.template and placeholders(template) != placeholders(phrase.template):
        return str(phrase)  # a broken translation: the English, never a garbled sentence
    values = {name: _value(value) for name, value in phrase.params.items()}
    return template.format(**values)


def _value(value: object) -> str:
    if isinstance(value, Phrase):
        return _phrase(value)
    return number(str(value))


def number(text: str) -> str:
    """A number the domain wrote ("1.16", "1,000,000") with the interface language's marks ("1,16",
    "1.000.000" in Spanish); any other text as it is."""
    if uses_decimal_comma() and _NUMBER.fullmatch(text):
        # 1,000,000.5 -> 1.000.000,5: the grouping and the decimal mark trade places
        return text.translate(_SWAP_MARKS)
    return text


def placeholders(template: str) -> set[str]:
    """The names a template fills in ("{limit}" -> "limit")."""
    return {name for _, name, _, _ in _FIELDS.parse(template) if name}


def say_all(reasons: Iterable[str], separator: str = "; ") -> str:
    """Several domain messages (a refusal's reasons) in the interface's language, in a row."""
    return separator.join(say(reason) for reason in reasons)


def say_error(error: BaseException) -> str:
    """What a refused or failed call of the domain or a service says, in the interface's language: a
    refusal's reasons (`WorkflowError.reasons`) each said, a message that is a phrase said, anything
    else (a database's own error) as it is."""
    reasons = getattr(error, "reasons", None)
    if isinstance(reasons, list) and reasons and all(isinstance(r, str) for r in reasons):
        return say_all(reasons)
    if len(error.args) == 1 and isinstance(error.args[0], Phrase):
        return say(error.args[0])
    return str(error)
