"""The handout's words, checked without a PDF: gating, site wording, records box, texts per language."""

from __future__ import annotations

import re
from datetime import date

import pytest
from support.handout_cases import (
    EXPECTED_LINES,
    GROUP_SITES,
    OUTCOMES,
    dual_ish,
    engine_request,
    make_entry,
    request_for,
    synthetic,
    unadjudicated,
)

from her2desk.domain.vocabulary import Descriptor, IhcScore, Laterality, Procedure, Site, Status
from her2desk.handout import (
    HandoutRefusedError,
    HandoutRequest,
    ResultKind,
    UnknownLanguageError,
    build_content,
    result_kind,
)
from her2desk.handout.texts import LANGUAGES, load_texts

FINAL_WORDS = re.compile(r"positi|negati", re.IGNORECASE)  # positive/negative, positivo/negativo


@pytest.mark.parametrize(
    ("status", "descriptor", "kind"),
    [
        (Status.POSITIVE, None, ResultKind.POSITIVE),
        (Status.NEGATIVE, None, ResultKind.NEGATIVE),
        (Status.NEGATIVE, Descriptor.NULL, ResultKind.NEGATIVE),
        (Status.NEGATIVE, Descriptor.LOW, ResultKind.NEGATIVE_LOW),
        (Status.NEGATIVE, Descriptor.ULTRALOW, ResultKind.NEGATIVE_ULTRALOW),
        (Status.EQUIVOCAL, None, ResultKind.NOT_FINAL),
        (Status.PENDING, None, ResultKind.NOT_FINAL),
        (Status.ADJUDICATION, None, ResultKind.NOT_FINAL),
        (Status.INDETERMINATE, None, ResultKind.INDETERMINATE),
    ],
)
def test_every_status_maps_to_one_result_kind(status, descriptor, kind) -> None:
    assert result_kind(status, descriptor) is kind


def test_every_status_is_mapped() -> None:
    covered = {status for status, _ in OUTCOMES.values()}
    assert covered == set(Status)


def test_a_case_without_a_result_gets_no_handout() -> None:
    request = HandoutRequest(make_entry(), synthetic(None), reported=unadjudicated(synthetic(None)))
    with pytest.raises(HandoutRefusedError):
        build_content(request)


def test_unknown_language_is_refused() -> None:
    with pytest.raises(UnknownLanguageError):
        build_content(request_for("positive", language="fr"))


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("group", GROUP_SITES)
@pytest.mark.parametrize("outcome", OUTCOMES)
def test_result_line_for_every_status_site_and_language(outcome: str, group: str, language: str) -> None:
    content = build_content(request_for(outcome, GROUP_SITES[group], language))
    assert content.result_line == EXPECTED_LINES[(language, outcome)]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("outcome", ["equivocal", "pending", "adjudication", "indeterminate"])
@pytest.mark.parametrize("preliminary", [False, True])
@pytest.mark.parametrize("corrected_on", [None, date(2026, 4, 1)])
def test_a_result_that_is_not_final_never_says_positive_or_negative(
    outcome: str, language: str, preliminary: bool, corrected_on: date | None
) -> None:
    if not preliminary and outcome != "indeterminate":
        # Sign-out refuses an open result; a record that says otherwise gets no page at all.
        with pytest.raises(HandoutRefusedError, match="signed out but its status"):
            build_content(request_for(outcome, language=language, preliminary=False))
        return
    for site in Site:
        content = build_content(
            request_for(outcome, site, language, preliminary=preliminary, corrected_on=corrected_on)
        )
        assert not FINAL_WORDS.search(content.result_line), content.result_line
        result = next(s for s in content.sections if s.key == "result")
        meaning = next(s for s in content.sections if s.key == "meaning")
        assert not FINAL_WORDS.search(" ".join(result.paragraphs + meaning.paragraphs))


def test_pending_cases_from_the_engine_say_not_final() -> None:
    breast_2plus = make_entry(ihc=IhcScore.TWO_PLUS)
    gastric_high_copy = make_entry(Site.STOMACH, ihc=IhcScore.TWO_PLUS, ish=dual_ish("6.50", "3.40"))
    breast_group_4 = make_entry(ihc=None, ish=dual_ish("4.50", "2.60"))
    for entry, status in [
        (breast_2plus, Status.EQUIVOCAL),
        (gastric_high_copy, Status.ADJUDICATION),
        (breast_group_4, Status.PENDING),
    ]:
        request = engine_request(entry)
        assert request.interpretation.status is status
        assert build_content(request).result_line == "Your result is not final yet"


@pytest.mark.parametrize("language", LANGUAGES)
def test_not_final_explains_that_another_test_is_being_done(language: str) -> None:
    words = {"en": "second test is being done", "es": "segunda prueba"}[language]
    content = build_content(request_for("equivocal", Site.BREAST, language))
    result = next(s for s in content.sections if s.key == "result")
    assert words in result.paragraphs[0]


def test_preliminary_final_result_is_marked_early_and_not_final() -> None:
    content = build_content(request_for("positive", preliminary=True))
    assert content.result_line == "Early result, not final yet: HER2-positive"
    assert content.banners[0].title == "PRELIMINARY — NOT FINAL"
    assert content.preliminary_mark == "PRELIMINARY — NOT FINAL"


def test_corrected_result_says_so_with_the_date() -> None:
    content = build_content(request_for("negative-low", corrected_on=date(2026, 3, 20)))
    assert content.result_line == "Corrected result: HER2-negative, HER2-low"
    assert content.banners[0].title == "Corrected result — March 20, 2026"
    es = build_content(request_for("negative", language="es", corrected_on=date(2026, 3, 20)))
    assert es.banners[0].title == "Resultado corregido — 20 de marzo de 2026"


def test_an_ordinary_final_page_has_no_banner() -> None:
    content = build_content(request_for("positive"))
    assert content.banners == ()
    assert content.preliminary_mark is None


def test_low_and_ultralow_are_a_small_amount_of_her2() -> None:
    for outcome in ("negative-low", "negative-ultralow"):
        text = build_content(request_for(outcome)).main_text()
        assert "small amount of HER2" in text
        assert "not enough to be called HER2-positive" in text
    assert "small amount" not in build_content(request_for("negative")).main_text()


@pytest.mark.parametrize(
    ("site", "laterality", "phrase", "her2_sentence"),
    [
        (Site.BREAST, Laterality.LEFT, "from your left breast", "Some breast cancers make too much HER2."),
        (Site.BREAST, Laterality.BILATERAL, "from both of your breasts", "Some breast cancers"),
        (Site.STOMACH, None, "from your stomach", "Some cancers of the stomach and food pipe"),
        (
            Site.ESOPHAGUS,
            None,
            "from your food pipe (esophagus)",
            "Some cancers of the stomach and food pipe",
        ),
        (
            Site.GASTROESOPHAGEAL_JUNCTION,
            None,
            "where your food pipe (esophagus) joins your stomach",
            "Some cancers of the stomach and food pipe",
        ),
        (Site.BLADDER, None, "from your bladder", "Some cancers make too much HER2."),
        (
            Site.OTHER,
            None,
            "from the part of your body where the cancer is",
            "Some cancers make too much HER2.",
        ),
    ],
)
def test_site_wording(site: Site, laterality, phrase: str, her2_sentence: str) -> None:
    entry = make_entry(site, laterality=laterality, procedure=Procedure.ENDOSCOPIC_BIOPSY)
    text = build_content(request_for("positive", entry=entry)).main_text()
    assert f"{phrase} on March 4, 2026." in text
    assert her2_sentence in text
    assert "with a thin tube that has a camera on the end (endoscopy)" in text


def test_positive_meaning_depends_on_the_site_group() -> None:
    said = {
        group: next(s for s in build_content(request_for("positive", site)).sections if s.key == "meaning")
        for group, site in GROUP_SITES.items()
    }
    assert said["breast"].paragraphs[0].startswith("Medicines that target HER2 may be an option for you.")
    assert "along with other treatment" in said["gastro"].paragraphs[0]
    assert said["other"].paragraphs[0].startswith("For some cancers")


def test_numbers_stay_in_the_records_box() -> None:
    entry = make_entry(ihc=IhcScore.TWO_PLUS, ish=dual_ish("6.30", "2.10"))
    content = build_content(engine_request(entry))
    assert content.result_line == "Your result: HER2-positive"
    records = dict(content.records)
    assert records["HER2/CEP17 ratio"] == "3.00"
    assert records["ISH group"] == "1"
    assert records["IHC score"] == "2+"
    main = content.main_text()
    for number in ("3.00", "6.30", "2.10", "group", "ratio"):
        assert number not in main


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("outcome", OUTCOMES)
def test_three_to_five_questions(outcome: str, language: str) -> None:
    content = build_content(request_for(outcome, language=language))
    questions = next(s for s in content.sections if s.key == "questions")
    assert 3 <= len(questions.bullets) <= 5
    assert all(q.endswith("?") for q in questions.bullets)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_says_it_does_not_replace_the_care_team(language: str) -> None:
    expected = {
        "en": "This page does not replace advice from your care team.",
        "es": "Esta hoja no reemplaza los consejos de su equipo médico.",
    }[language]
    assert build_content(request_for("positive", language=language)).disclaimer == expected


def test_lab_contact_is_configurable() -> None:
    content = build_content(request_for("positive"))
    assert content.contact == "Contact Northside Demo Pathology: phone 555-0100."
    from her2desk.handout import LabContact

    bare = build_content(request_for("positive", lab=LabContact()))
    assert bare.contact == "Ask your care team."
    assert bare.lab_name == ""


def test_metastatic_and_recurrent_samples_are_explained() -> None:
    from her2desk.domain.vocabulary import ClinicalSetting

    spread = make_entry(setting=ClinicalSetting.METASTATIC)
    back = make_entry(setting=ClinicalSetting.RECURRENT)
    assert "cancer that has spread" in build_content(request_for("positive", entry=spread)).main_text()
    assert "cancer that has come back" in build_content(request_for("positive", entry=back)).main_text()


def _keys(node: dict, prefix: str = "") -> set[str]:
    keys = set()
    for key, value in node.items():
        path = f"{prefix}{key}"
        keys |= _keys(value, path + ".") if isinstance(value, dict) else {path}
    return keys


def test_every_language_has_the_same_texts() -> None:
    english = _keys(load_texts("en").data)
    for language in LANGUAGES:
        assert _keys(load_texts(language).data) == english, language


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("outcome", OUTCOMES)
def test_no_placeholder_is_left_unfilled(outcome: str, language: str) -> None:
    content = build_content(request_for(outcome, language=language, corrected_on=date(2026, 1, 2)))
    for text in content.all_text():
        assert "{" not in text, text
        assert "}" not in text, text


def test_records_box_marks_a_preliminary_result() -> None:
    records = dict(build_content(request_for("negative-low", preliminary=True)).records)
    assert records["Lab result"] == "negative (HER2-low); preliminary, not final yet"
    assert dict(build_content(request_for("negative-low")).records)["Lab result"] == "negative (HER2-low)"
    pending = dict(build_content(request_for("pending", preliminary=True)).records)
    assert pending["Lab result"] == "pending, not final"
