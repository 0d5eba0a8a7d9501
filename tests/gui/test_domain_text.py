"""The domain's messages in the interface's language (`gui.common.domain_text.say`)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTranslator

from her2desk.domain.labels import value_labels
from her2desk.domain.phrases import Phrase
from her2desk.domain.vocabulary import Procedure, Site
from her2desk.gui.common.domain_text import say


def test_in_english_a_phrase_is_said_as_written() -> None:
    phrase = Phrase("required; choose one of: {choices}", choices=value_labels([Site.BREAST, Site.STOMACH]))
    assert say(phrase) == "required; choose one of: Breast, Stomach"
    assert say("any plain text") == "any plain text"


def test_in_spanish_the_template_and_the_words_within_it_are_translated(spanish) -> None:
    phrase = Phrase(
        "required; choose one of: {choices}",
        choices=value_labels([Site.BREAST, Procedure.CORE_NEEDLE_BIOPSY]),
    )
    assert say(phrase) == "obligatorio; elija uno de: Mama, Biopsia con aguja gruesa"
    assert str(phrase) == "required; choose one of: Breast, Core needle biopsy"  # the record stays English


def test_in_spanish_a_message_read_back_as_plain_text_is_found_by_its_words(spanish) -> None:
    english = "an endoscopic biopsy is unusual for a breast specimen; check the procedure"
    assert (
        say(english)
        == "una biopsia endoscópica es poco habitual en una muestra de mama; compruebe el procedimiento"
    )
    assert say("words nobody translated") == "words nobody translated"


def test_in_spanish_numbers_take_the_decimal_comma_and_typed_text_is_left_alone(spanish) -> None:
    phrase = Phrase(
        "required; choose one of: {choices}",
        choices=Phrase.listing(["2.25", "1,000,000", "1000", "H26-1.5", "x"]),
    )
    assert say(phrase) == "obligatorio; elija uno de: 2,25, 1.000.000, 1000, H26-1.5, x"


class _Broken(QTranslator):
    """A translation that lost a placeholder, as a careless translator might write it."""

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        if context == "Domain" and source == "required; choose one of: {choices}":
            return "obligatorio"
        return None


def test_a_translation_that_lost_a_placeholder_falls_back_to_english() -> None:
    broken = _Broken()
    app = QCoreApplication.instance()
    assert app is not None
    app.installTranslator(broken)
    try:
        phrase = Phrase("required; choose one of: {choices}", choices="Breast")
        assert (
            QCoreApplication.translate("Domain", phrase.template) == "obligatorio"
        )  # the translator is used
        assert say(phrase) == "required; choose one of: Breast"
    finally:
        app.removeTranslator(broken)
