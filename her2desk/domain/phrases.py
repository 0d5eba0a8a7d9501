"""Words the domain says to people, kept in a form another language can say them in.

The domain speaks English: its messages are plain strings everywhere they go (the command line, the
CSV import's report, the database). A `Phrase` is such a string that also remembers how it was made,
its English template and the values put into it, so that the interface, in its own layer, can say
the same thing in the person's language: it translates the template and fills in the values (a number
with the language's decimal mark, a phrase within a phrase in the same language). Anything that treats
a phrase as a string sees exactly the English text, so nothing downstream changes.

Rules that keep the catalogue whole (a test checks them):
- the template is a string literal at the call, `Phrase("must be at most {limit}", limit=...)`, so
  the words can be gathered from the source for translators (`scripts/collect-domain-phrases.py`);
- a warning about one field starts with its key ("stained_pct: ..."); the part after the key is
  gathered as a template of its own, so it can be shown beside the field without its key;
- values are whatever a person should read in place: numbers already formatted the domain's way, a
  person's typed text as typed (never translated), or another `Phrase`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping


class Phrase(str):
    """English text made from a template and its values, both kept for translation."""

    # The translation context of the template: the interface looks the template up in it.
    context: str | None = "Domain"
    template: str
    params: Mapping[str, object]

    def __new__(cls, template: str, /, **params: object) -> Phrase:
        text = template.format(**params) if params else template
        made = super().__new__(cls, text)
        made.template = template
        made.params = params
        return made

    def __reduce__(self) -> tuple[object, ...]:
        return (_remake, (type(self), self.template, dict(self.params)))

    def without_prefix(self, prefix: str) -> str:
        """The text after `prefix` (a warning's "stained_pct: "), still a phrase when the template
        starts with it (the collector lists such a template's remainder too)."""
        if self.template.startswith(prefix):
            return type(self)(self.template[len(prefix) :], **self.params)
        return str(self)[len(prefix) :] if self.startswith(prefix) else str(self)

    @classmethod
    def listing(cls, items: Iterable[str], separator: str = ", ") -> Phrase:
        """Items in a row ("Breast, Stomach, Other"), each said in the person's language where it is
        a phrase; the row itself is no sentence to translate."""
        values = {f"item{index}": item for index, item in enumerate(items)}
        return _Listing(separator.join("{" + name + "}" for name in values), **values)


class VocabularyWord(Phrase):
    """A vocabulary value's label ("Core needle biopsy"): translated with the interface's other
    vocabulary words rather than among the domain's sentences."""

    context = "Vocabulary"


class _Listing(Phrase):
    context = None  # only its items are translated


def _remake(kind: type[Phrase], template: str, params: dict[str, object]) -> Phrase:
    return kind(template, **params)
