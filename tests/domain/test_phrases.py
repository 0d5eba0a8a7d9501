"""A phrase is the domain's English text, and also the template and values it was made from."""

from __future__ import annotations

import importlib.util
import pickle
import subprocess
import sys
from pathlib import Path

from her2desk.domain.labels import split_warning, value_label, value_labels
from her2desk.domain.phrases import Phrase, VocabularyWord
from her2desk.domain.vocabulary import Procedure, Site

ROOT = Path(__file__).resolve().parents[2]


def test_a_phrase_reads_as_its_english_text_and_keeps_how_it_was_made() -> None:
    phrase = Phrase("must be at most {limit}, not {value}", limit="100", value="120")
    assert phrase == "must be at most 100, not 120"
    assert isinstance(phrase, str)
    assert phrase.template == "must be at most {limit}, not {value}"
    assert dict(phrase.params) == {"limit": "100", "value": "120"}
    assert phrase.context == "Domain"
    assert f"Stained percent: {phrase}" == "Stained percent: must be at most 100, not 120"


def test_a_phrase_without_values_is_its_template_even_with_braces() -> None:
    assert Phrase("a set {like this}") == "a set {like this}"


def test_a_phrase_survives_pickling_with_its_template() -> None:
    phrase = Phrase("required; choose one of: {choices}", choices=value_labels(Site))
    copy = pickle.loads(pickle.dumps(phrase))
    assert copy == phrase
    assert copy.template == phrase.template
    assert copy.params["choices"] == phrase.params["choices"]


def test_vocabulary_labels_are_words_of_their_own_context() -> None:
    word = value_label(Procedure.CORE_NEEDLE_BIOPSY)
    assert word == "Core needle biopsy"
    assert isinstance(word, VocabularyWord)
    assert word.context == "Vocabulary"
    assert value_label(None) == ""


def test_a_listing_joins_its_items_and_translates_only_them() -> None:
    listing = value_labels([Site.BREAST, Site.STOMACH])
    assert listing == "Breast, Stomach"
    assert isinstance(listing, Phrase)
    assert listing.context is None
    assert [type(v) for v in listing.params.values()] == [VocabularyWord, VocabularyWord]


def test_a_field_warning_splits_into_its_key_and_a_phrase_of_the_rest() -> None:
    warning = Phrase("stained_pct: {value} is unusual", value="99.5")
    field, message = split_warning(warning)
    assert field == "stained_pct"
    assert message == "99.5 is unusual"
    assert isinstance(message, Phrase)
    assert message.template == "{value} is unusual"
    # plain text (a warning read back from the database) splits as before
    assert split_warning("stained_pct: odd") == ("stained_pct", "odd")
    assert split_warning("Near a threshold: check") == ("", "Near a threshold: check")


def test_the_translators_list_holds_every_template_the_code_writes() -> None:
    """scripts/collect-domain-phrases.py --check fails when a Phrase(...) template is missing from
    gui/common/domain_phrases.py (where lupdate finds it) or is not a string literal."""
    done = subprocess.run(
        [sys.executable, "scripts/collect-domain-phrases.py", "--check"],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr


def _collected(folder: Path, source: str) -> tuple[list[str], list[str]]:
    """What scripts/collect-domain-phrases.py gathers from a domain module holding `source`."""
    spec = importlib.util.spec_from_file_location("collector", ROOT / "scripts" / "collect-domain-phrases.py")
    assert spec is not None
    assert spec.loader is not None
    collector = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(collector)
    domain = folder / "her2desk" / "domain"
    domain.mkdir(parents=True)
    (folder / "her2desk" / "services").mkdir()
    (domain / "rules.py").write_text(
        "from her2desk.domain.phrases import Phrase\n" + source, encoding="utf-8"
    )
    return collector.collect(folder)


def test_the_collector_sees_a_missing_template_and_a_template_that_is_no_literal(tmp_path: Path) -> None:
    templates, bad = _collected(tmp_path, "A = Phrase('site: too {much}', much='x')\nB = Phrase(TEMPLATE)\n")
    assert templates == ["site: too {much}", "too {much}"]
    assert bad == ["her2desk/domain/rules.py:3: the template of Phrase(...) must be a string literal"]


def test_the_collector_also_gathers_the_rest_of_a_warning_whose_key_has_digits(tmp_path: Path) -> None:
    """ "her2: ..." and "recount_cep17: ..." are shown beside their fields without the key, so their
    remainder must be gathered for translators too (a key is letters, digits and underscores)."""
    templates, bad = _collected(
        tmp_path,
        "A = Phrase('her2: above {limit}', limit=30)\nB = Phrase('recount_cep17: odd {value}', value=1)\n",
    )
    assert templates == ["her2: above {limit}", "above {limit}", "recount_cep17: odd {value}", "odd {value}"]
    assert bad == []
