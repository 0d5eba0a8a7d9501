"""The Spanish translation's files: complete, covering every word the code marks, and compiled.

`resources/translations/her2desk_es.ts` is the source (pyside6-lupdate's format); `her2desk_es.qm`, its
compilation, is committed so every installation carries it without a build step: these tests fail
when a new marked word has no translation, when a translation is unfinished or empty, when the `.qm`
is older than the `.ts`, and when a vocabulary value has no entry in the list lupdate reads.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from enum import StrEnum
from pathlib import Path

import pytest

from her2desk.domain import vocabulary
from her2desk.domain.criteria import CRITERIA_LABELS
from her2desk.domain.labels import value_label
from her2desk.domain.metastatic_site import METASTATIC_SITE_WORDS
from her2desk.domain.records import SignOutState
from her2desk.domain.workflow import Role
from her2desk.gui.common.labels import ROLE_WORDS, VOCABULARY_WORDS

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "her2desk_es.ts"
QM = ROOT / "resources" / "translations" / "her2desk_es.qm"
BIN = Path(sys.executable).parent


def messages(path: Path) -> list[tuple[str, str, ET.Element]]:
    """(context, source, translation element) of every message of a .ts file."""
    found = []
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            found.append((name, message.findtext("source") or "", translation))
    return found


def tool(name: str) -> str:
    path = BIN / name
    if path.exists():
        return str(path)
    found = shutil.which(name)
    if found is None:
        pytest.skip(f"{name} is not installed")
    return found


def test_every_message_is_translated() -> None:
    found = messages(TS)
    assert len(found) > 150
    unfinished = [(c, s) for c, s, t in found if t.get("type") in ("unfinished", "vanished", "obsolete")]
    empty = [(c, s) for c, s, t in found if not (t.text or "").strip()]
    assert unfinished == []
    assert empty == []


def test_placeholders_survive_translation() -> None:
    """A `{name}` the code fills in must be in the translation too (else .format fails or drops it)."""
    import re

    for context, source, translation in messages(TS):
        wanted = sorted(re.findall(r"\{\w*\}", source))
        assert sorted(re.findall(r"\{\w*\}", translation.text or "")) == wanted, (context, source)


def test_lupdate_finds_no_word_missing_from_the_committed_file(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.ts"
    subprocess.run(
        [tool("pyside6-lupdate"), "-extensions", "py", "-locations", "none", "-no-obsolete", "her2desk",
         "-ts", str(fresh)],
        cwd=ROOT, check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    extracted = {(c, s) for c, s, _t in messages(fresh)}
    committed = {(c, s) for c, s, _t in messages(TS)}
    assert len(extracted) > 150
    assert sorted(extracted - committed) == []  # a new word: run scripts/update-translations.sh
    assert sorted(committed - extracted) == []  # a word no longer in the code: the same


def test_the_committed_qm_is_the_compilation_of_the_ts(tmp_path: Path) -> None:
    compiled = tmp_path / "her2desk_es.qm"
    subprocess.run(
        [tool("pyside6-lrelease"), "-silent", str(TS), "-qm", str(compiled)],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    assert compiled.read_bytes() == QM.read_bytes(), "run scripts/update-translations.sh"


def test_every_vocabulary_word_is_marked_for_translation() -> None:
    """The views show the domain's words through `labels.label`; lupdate only finds the ones listed."""
    words: set[str] = set()
    for name in dir(vocabulary):
        kind = getattr(vocabulary, name)
        if isinstance(kind, type) and issubclass(kind, StrEnum) and kind is not StrEnum:
            words |= {value_label(member) for member in kind}
    words |= {value_label(state) for state in SignOutState}
    words |= set(METASTATIC_SITE_WORDS.values()) | set(CRITERIA_LABELS.values())
    notation = {w for w in words if w[:1].isdigit() or (w.isupper() and len(w) <= 4)}  # 0, 1+, FISH, CISH
    assert sorted(words - notation - set(VOCABULARY_WORDS)) == []
    assert set(ROLE_WORDS) == {role.value for role in Role}
