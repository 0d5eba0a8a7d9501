#!/usr/bin/env python3
"""Gather the templates of every `Phrase(...)` the domain and the services write, for translators.

pyside6-lupdate finds words only where Qt's translate functions are written, and the domain may not
import Qt. So this reads the domain's and the services' source, collects each `Phrase("template", ...)`
and writes them, marked with `QT_TRANSLATE_NOOP("Domain", ...)`, to
`her2desk/gui/common/domain_phrases.py`, where lupdate finds them (scripts/update-translations.sh runs
this first). A template must be a string literal at the call: anything else is reported, because its
words could never be translated.

    python scripts/collect-domain-phrases.py          # rewrite the list
    python scripts/collect-domain-phrases.py --check  # exit 1 if the list is out of date or a call is bad
"""

from __future__ import annotations

import argparse
import ast
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ("her2desk/domain", "her2desk/services")
TARGET = ROOT / "her2desk/gui/common/domain_phrases.py"
# Calls gathered: Phrase(...) in the domain's sentences. VocabularyWord(...) labels are listed with the
# interface's vocabulary (gui/common/labels.py), and Phrase.listing only joins other phrases.
PHRASE_NAMES = frozenset({"Phrase"})
DEFINED_IN = "her2desk/domain/phrases.py"
FIELD_PREFIX = re.compile(r"^([a-z_][a-z0-9_]*(?:\.[a-z_][a-z0-9_]*)*): (.+)$", re.DOTALL)

HEADER = '''"""Every template the domain and the services say to people, for the translators (generated).

Written by `scripts/collect-domain-phrases.py` from the `Phrase("...")` calls of her2desk/domain and
her2desk/services; do not edit by hand. pyside6-lupdate finds the words here (context "Domain"), and
`gui.common.domain_text.say` translates a phrase by its template.
"""

from __future__ import annotations

from her2desk.gui.common.translation import QT_TRANSLATE_NOOP

DOMAIN_PHRASES = (
'''


def _called_name(node: ast.Call) -> str | None:
    if isinstance(node.func, ast.Name):
        return node.func.id
    if isinstance(node.func, ast.Attribute):
        return node.func.attr
    return None


def collect(root: Path = ROOT) -> tuple[list[str], list[str]]:
    """The templates in source order (first use wins), and the calls whose template is no literal."""
    templates: dict[str, None] = {}
    bad: list[str] = []
    for folder in SOURCES:
        for path in sorted((root / folder).rglob("*.py")):
            relative = path.relative_to(root).as_posix()
            if relative == DEFINED_IN:
                continue
            tree = ast.parse(path.read_text(encoding="utf-8"), filename=relative)
            for node in ast.walk(tree):
                if not isinstance(node, ast.Call) or _called_name(node) not in PHRASE_NAMES:
                    continue
                first = node.args[0] if node.args else None
                if isinstance(first, ast.Constant) and isinstance(first.value, str):
                    templates.setdefault(first.value, None)
                    # "stained_pct: ..." is also shown beside its field without the key
                    prefixed = FIELD_PREFIX.match(first.value)
                    if prefixed:
                        templates.setdefault(prefixed.group(2), None)
                else:
                    bad.append(
                        f"{relative}:{node.lineno}: the template of Phrase(...) must be a string literal"
                    )
    return list(templates), bad


def render(templates: list[str]) -> str:
    lines = [
        f'    QT_TRANSLATE_NOOP("Domain", {json.dumps(template, ensure_ascii=False)}),\n'
        for template in templates
    ]
    return HEADER + "".join(lines) + ")\n"


def listed(path: Path = TARGET) -> list[str]:
    """The templates the generated module lists now (read from its source: formatting does not matter)."""
    if not path.exists():
        return []
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [
        node.args[1].value
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and _called_name(node) == "QT_TRANSLATE_NOOP"
        and len(node.args) == 2
        and isinstance(node.args[1], ast.Constant)
        and isinstance(node.args[1].value, str)
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="only check the list is up to date")
    args = parser.parse_args()
    templates, bad = collect()
    for line in bad:
        print(line, file=sys.stderr)
    if args.check:
        if listed() != templates:
            print(
                f"{TARGET.relative_to(ROOT)} is out of date: run scripts/collect-domain-phrases.py",
                file=sys.stderr,
            )
            return 1
        return 1 if bad else 0
    TARGET.write_text(render(templates), encoding="utf-8")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
