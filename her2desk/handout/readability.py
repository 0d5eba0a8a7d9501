"""Flesch-Kincaid grade level, so the handout's reading level is checked on every change.

Own implementation (no dependency): FK grade = 0.39 * words/sentence + 11.8 * syllables/word - 15.59.
Syllables are counted with the usual vowel-group rules (silent final e, -le, -ed, -es); that is what
textstat and most online checkers do, to within a syllable here and there.
"""

from __future__ import annotations

import re
from functools import lru_cache

_WORD = re.compile(r"[A-Za-z0-9]+(?:['’][A-Za-z]+)?")
_SENTENCE_END = re.compile(r"[.!?]+(?=\s|$)|\n+")
_VOWEL_GROUPS = re.compile(r"[aeiouy]+")


def words(text: str) -> list[str]:
    """Words; a hyphen or slash splits ('HER2-positive' is two words, as it is read)."""
    return _WORD.findall(text)


def sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE_END.split(text) if words(s)]


# Capitalised abbreviations read as a word; every other one is spelled out, a syllable a letter.
SPOKEN_AS_WORDS = frozenset({"HER", "FISH", "CISH", "SISH", "DISH"})


@lru_cache(maxsize=4096)
def syllables(word: str) -> int:
    """Syllables of one word: vowel groups, minus a silent final e; digits count one each.

    Abbreviations (IHC, ISH, CEP17) count a syllable per letter: over-counting is the safe side.
    """
    digits = sum(c.isdigit() for c in word)
    letters_only = re.sub(r"[^A-Za-z]", "", word)
    if len(letters_only) > 1 and letters_only.isupper() and letters_only not in SPOKEN_AS_WORDS:
        return len(letters_only) + digits
    letters = re.sub(r"[^a-z]", "", word.lower())
    if not letters:
        return max(1, digits)
    count = len(_VOWEL_GROUPS.findall(letters))
    if letters.endswith("e") and not letters.endswith(("le", "ee", "ye", "ue")) and count > 1:
        count -= 1  # silent e: "tissue" keeps it (ue), "make" loses it
    silent_ending = letters.endswith(("ed", "es")) and not letters.endswith(
        ("ted", "ded", "ses", "zes", "ces", "ges")
    )
    if silent_ending and count > 1:
        count -= 1  # "changed", "makes": no extra syllable
    count += len(re.findall(r"(?<![tscgx])io", letters))  # two vowels read apart: "biopsy", not "action"
    return max(1, count) + digits


def flesch_kincaid_grade(text: str) -> float:
    found = words(text)
    if not found:
        return 0.0
    n_sentences = max(1, len(sentences(text)))
    n_syllables = sum(syllables(w) for w in found)
    return 0.39 * len(found) / n_sentences + 11.8 * n_syllables / len(found) - 15.59


# -- Spanish ----------------------------------------------------------------------------------------

_SPANISH_WORD = re.compile(r"[A-Za-zÁÉÍÓÚÜÑáéíóúüñ0-9]+")
_STRONG = set("aeoáéóíú")  # open vowels, and accented i/u, which break a diphthong
_VOWELS = set("aeiouáéíóúü")


@lru_cache(maxsize=4096)
def spanish_syllables(word: str) -> int:
    """Syllables of a Spanish word: vowel nuclei, where two open vowels (or an accented i/u) split.

    'que'/'gui': the u is silent; a final y after a vowel ('muy', 'hoy') joins it. Digits: one each.
    """
    digits = sum(c.isdigit() for c in word)
    letters = "".join(c for c in word.lower() if c.isalpha())
    count, previous = 0, ""
    for i, char in enumerate(letters):
        if char == "u" and previous in ("q", "g") and letters[i + 1 : i + 2] in ("e", "i", "é", "í"):
            continue  # silent u: 'que', 'guía' (previous stays the consonant)
        vowel = char in _VOWELS or (char == "y" and i == len(letters) - 1 and previous in _VOWELS)
        if vowel:
            joined = previous in _VOWELS and not (previous in _STRONG and char in _STRONG)
            if not joined:
                count += 1
        previous = char
    return max(1, count) + digits if letters else max(1, digits)


def fernandez_huerta(text: str) -> float:
    """Fernández-Huerta reading ease for Spanish (corrected form): higher is easier.

    206.84 - 60 * syllables/word - 1.02 * words/sentence. 80-90 easy (about grade 6), 70-80 fairly
    easy (grade 7), 60-70 standard (grades 8-9).
    """
    found = _SPANISH_WORD.findall(text)
    if not found:
        return 100.0
    n_sentences = max(1, len(sentences(text)))
    n_syllables = sum(spanish_syllables(w) for w in found)
    return 206.84 - 60 * n_syllables / len(found) - 1.02 * len(found) / n_sentences
