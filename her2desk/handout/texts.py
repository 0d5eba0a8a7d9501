"""The handout's words for one language, read from `resources/handout/<lang>.toml`.

Texts are data, not code, so a translator or a lab can change wording without touching Python, and
the reading-level test reads exactly what patients read. A missing key raises instead of printing a
blank: a handout with a hole in it must never reach a patient.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any

from her2desk.domain.lab_settings import LANGUAGES  # one list for the settings, the CLI and the texts
from her2desk.handout.resources import handout_text_path


class UnknownLanguageError(ValueError):
    """The handout has no texts for this language."""


@dataclass(frozen=True)
class Texts:
    """One language's texts; `get("result.final")` walks the TOML tables by dotted key."""

    language: str
    data: dict[str, Any]

    def get(self, key: str) -> Any:
        node: Any = self.data
        for part in key.split("."):
            if not isinstance(node, dict) or part not in node:
                raise KeyError(f"handout text '{key}' is missing for language '{self.language}'")
            node = node[part]
        return node

    def text(self, key: str, **values: object) -> str:
        """The text at `key` with its {placeholders} filled in."""
        template = self.get(key)
        if not isinstance(template, str):
            raise KeyError(f"handout text '{key}' is not a text in language '{self.language}'")
        return template.format(**values) if values else template

    def has(self, key: str) -> bool:
        try:
            self.get(key)
        except KeyError:
            return False
        return True

    def format_date(self, value: date | None) -> str:
        """A date the way people write it in this language (never the ISO form in the main text)."""
        if value is None:
            return self.text("labels.not_recorded")
        month = self.get("meta.months")[value.month - 1]
        return self.text("meta.date_pattern", day=value.day, month=month, year=value.year)


@cache
def load_texts(language: str) -> Texts:
    if language not in LANGUAGES:
        raise UnknownLanguageError(
            f"no handout texts for language '{language}' (have: {', '.join(LANGUAGES)})"
        )
    with handout_text_path(language).open("rb") as file:
        return Texts(language, tomllib.load(file))
