#!/usr/bin/env python3
"""Fill unfinished entries of a Qt `.ts` file from translations given elsewhere.

pyside6-lupdate adds new words to the `.ts` marked unfinished; a translator fills them in with Qt
Linguist, or, for a batch, with this script from a JSON file ({"Context": {"English": "Español"}}) or
from other `.ts` files (the same file on two branches: each keeps its own finished entries, so merging
the branches and filling from both gives every finished entry of either). Only unfinished entries are
touched; an entry whose translation would lose or invent a placeholder ("{limit}") is refused.

    python scripts/fill-translations.py resources/translations/her2desk_es.ts --json words.json
    python scripts/fill-translations.py resources/translations/her2desk_es.ts --ts other.ts ...
Then run scripts/update-translations.sh to compile the `.qm`.
"""

from __future__ import annotations

import argparse
import json
import string
import sys
import xml.etree.ElementTree as ET
from pathlib import Path


def _placeholders(text: str) -> set[str]:
    try:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name}
    except ValueError:  # not a format template (a stray brace): compare nothing
        return set()


def finished(path: Path) -> dict[tuple[str, str], str]:
    """(context, source) -> translation of every finished entry of a `.ts` file."""
    found: dict[tuple[str, str], str] = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is not None and translation.get("type") is None and translation.text:
                found[(name, message.findtext("source", ""))] = translation.text
    return found


def fill(path: Path, words: dict[tuple[str, str], str]) -> tuple[int, list[str]]:
    """Fill the unfinished entries of `path` that `words` has; the count filled and the refusals."""
    tree = ET.parse(path)
    filled, refused = 0, []
    for context in tree.getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            source = message.findtext("source", "")
            translation = message.find("translation")
            if translation is None or translation.get("type") != "unfinished" or (name, source) not in words:
                continue
            text = words[(name, source)]
            if _placeholders(text) != _placeholders(source):
                refused.append(f"{name}: {source!r}: the placeholders differ in {text!r}")
                continue
            translation.text = text
            del translation.attrib["type"]
            filled += 1
    if filled:
        ET.indent(tree, space="    ")
        body = ET.tostring(tree.getroot(), encoding="unicode")
        path.write_text(
            '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8"
        )
    return filled, refused


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("target", type=Path)
    parser.add_argument("--json", type=Path, action="append", default=[])
    parser.add_argument("--ts", type=Path, action="append", default=[])
    args = parser.parse_args()
    words: dict[tuple[str, str], str] = {}
    for other in args.ts:
        words.update(finished(other))
    for given in args.json:
        for context, entries in json.loads(given.read_text(encoding="utf-8")).items():
            words.update({(context, source): text for source, text in entries.items()})
    filled, refused = fill(args.target, words)
    for line in refused:
        print(line, file=sys.stderr)
    print(f"{filled} entries filled")
    return 1 if refused else 0


if __name__ == "__main__":
    sys.exit(main())
