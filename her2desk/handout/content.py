"""What the handout says, decided once, before any PDF is drawn.

The words are chosen here from the interpretation and the resource texts; `layout.py` only places
them. Keeping the choice separate from the drawing lets the tests check every status x site x language
without parsing a PDF, and lets the reading-level check read exactly the patient's text.

Gating (rules, "Handout gating" and "The reported result"): everything the page says about the
result (the bold line, its explanation, what it may mean, the questions, the records box) follows the
reported result (`request.reported`) and nothing else: the pathologist's adjudicated status when the
case was adjudicated, otherwise the engine's. A case without a status (invalid input) has no handout.
A signed-out result is final and its page never says "not final"; equivocal, pending and adjudication
say "not final yet" and are never signed out (a signed-out one is refused rather than printed); a
preliminary (not signed-out) case never reads as a final answer.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from her2desk.domain.criteria import criteria_in_effect
from her2desk.domain.metastatic_site import parse_stored
from her2desk.domain.numbers import format_decimal
from her2desk.domain.vocabulary import (
    ClinicalSetting,
    Descriptor,
    IhcScore,
    Laterality,
    ScoringCriteria,
    Site,
    Status,
)
from her2desk.handout.request import HandoutRefusedError, HandoutRequest
from her2desk.handout.texts import Texts, load_texts

# Bump when the meaning of any handout text changes; printed with the rules version in the records box.
TEMPLATE_VERSION = "handout-text-3"  # 3: the result picture, Spanish descriptor and guideline, site words
# Records rows with long values (by text key), printed across the whole box, after the others.
WIDE_RECORDS = ("records.result_label", "records.guideline", "records.version")


class ResultKind(StrEnum):
    """The handout's reading of an interpretation: what the bold result line may say."""

    POSITIVE = "positive"
    NEGATIVE = "negative"
    NEGATIVE_LOW = "negative-low"
    NEGATIVE_ULTRALOW = "negative-ultralow"
    NOT_FINAL = "not-final"
    INDETERMINATE = "indeterminate"

    @property
    def is_final_answer(self) -> bool:
        """Positive or negative: the picture marks the patient's box; otherwise the middle one."""
        return self not in (ResultKind.NOT_FINAL, ResultKind.INDETERMINATE)


class SiteGroup(StrEnum):
    """Sites that share wording: the guideline families of rules §1, §3 and §4."""

    BREAST = "breast"
    GASTRO = "gastro"
    OTHER = "other"


def result_kind(status: Status | None, descriptor: Descriptor | None) -> ResultKind:
    """The only place a reported status becomes a result line; anything unknown is refused, not guessed."""
    if status is None:
        raise HandoutRefusedError("this case has input errors and no result: no handout can be made")
    if status is Status.POSITIVE:
        return ResultKind.POSITIVE
    if status is Status.NEGATIVE:
        if descriptor is Descriptor.LOW:
            return ResultKind.NEGATIVE_LOW
        if descriptor is Descriptor.ULTRALOW:
            return ResultKind.NEGATIVE_ULTRALOW
        return ResultKind.NEGATIVE
    if status in (Status.EQUIVOCAL, Status.PENDING, Status.ADJUDICATION):
        return ResultKind.NOT_FINAL
    if status is Status.INDETERMINATE:
        return ResultKind.INDETERMINATE
    raise HandoutRefusedError(f"no handout wording for status '{status}'")


def site_group(site: Site | None) -> SiteGroup:
    if site is not None and site.is_breast:
        return SiteGroup.BREAST
    if site is not None and site.is_gastroesophageal:
        return SiteGroup.GASTRO
    return SiteGroup.OTHER


@dataclass(frozen=True)
class Section:
    """One headed block of the main text. `result_line`, when set, is printed first, in bold."""

    key: str
    heading: str
    paragraphs: tuple[str, ...] = ()
    bullets: tuple[str, ...] = ()
    result_line: str | None = None


@dataclass(frozen=True)
class Banner:
    """A boxed notice above the main text: preliminary or corrected."""

    key: str
    title: str
    text: str


@dataclass(frozen=True)
class ResultPicture:
    """The picture of the result: boxes left to right, the one `marked` is the patient's.

    `marker` ("Your result", or "Early result" on a preliminary page) is written under the marked box,
    with `note` (the HER2-low or -ultralow descriptor) after it; `description` says it all in words.
    """

    labels: tuple[str, ...]
    marked: int
    marker: str
    note: str | None
    description: str

    @property
    def marked_label(self) -> str:
        return self.labels[self.marked]


@dataclass(frozen=True)
class HandoutContent:
    language: str
    title: str
    subtitle: str
    lab_name: str
    patient_name: str
    accession: str
    identity: tuple[tuple[str, str], ...]
    banners: tuple[Banner, ...]
    sections: tuple[Section, ...]
    result_kind: ResultKind
    records_heading: str
    records_note: str
    records: tuple[tuple[str, str], ...]
    wide_records: frozenset[str]  # labels of the rows printed across the records box
    record_check: str | None
    contact_heading: str
    contact: str
    disclaimer: str
    page_label: str
    preliminary_mark: str | None
    picture: ResultPicture
    author: str  # the PDF's author: the lab (the program is only the creator)
    subject: str

    @property
    def result_line(self) -> str:
        return next(s.result_line for s in self.sections if s.result_line is not None)

    def main_text(self) -> str:
        """The running prose a patient reads (no headings, labels or record values): what FK measures."""
        parts = [b.text for b in self.banners]
        for section in self.sections:
            if section.result_line:
                parts.append(_sentence(section.result_line))
                parts.append(self.picture.description)
            parts.extend(section.paragraphs)
            parts.extend(section.bullets)
        parts.extend([self.contact, self.disclaimer])
        return "\n".join(_sentence(p) for p in parts)

    def all_text(self) -> list[str]:
        """Every string placed on the page (for the font-coverage check)."""
        texts = [self.title, self.subtitle, self.lab_name, self.accession, self.records_heading]
        texts += [self.records_note, self.contact_heading, self.contact, self.disclaimer]
        texts += [self.record_check] if self.record_check else []
        texts += [
            *self.picture.labels,
            self.picture.marker,
            self.picture.description,
            self.author,
            self.subject,
        ]
        texts += [self.picture.note] if self.picture.note else []
        texts += [v for pair in (*self.identity, *self.records) for v in pair]
        for banner in self.banners:
            texts += [banner.title, banner.text]
        for section in self.sections:
            texts += [section.heading, *section.paragraphs, *section.bullets]
            texts += [section.result_line] if section.result_line else []
        return [t for t in texts if t]


def _sentence(text: str) -> str:
    text = text.strip()
    return text if text[-1:] in ".?!" else text + "."


def build_content(request: HandoutRequest) -> HandoutContent:
    """The handout's words for one request (raises HandoutRefusedError when there is no result)."""
    texts = load_texts(request.language)
    reported = request.reported
    kind = result_kind(reported.status, reported.descriptor)
    if reported.signed_out and kind is ResultKind.NOT_FINAL:
        # Sign-out refuses an open result, so this is a damaged record: the page could only either
        # call a signed-out result "not final" or invent a final answer. Neither reaches a patient.
        raise HandoutRefusedError(
            f"the result is signed out but its status is '{reported.status}', which is not a final "
            "result: no handout can be made; amend the case and adjudicate it"
        )
    entry = request.entry
    group = site_group(entry.specimen.site)
    lab_name = request.lab.name.strip()
    final_line_key = "result.final"
    if request.preliminary:
        final_line_key = "result.preliminary"
    elif request.corrected_on is not None:
        final_line_key = "result.corrected"
    sections = (
        _tested(request, texts),
        Section(
            "her2",
            texts.text("headings.her2"),
            (" ".join([texts.text("her2.intro"), texts.text(f"her2.{group}"), texts.text("her2.purpose")]),),
        ),
        _tests_done(request, texts),
        _result(kind, request, texts, final_line_key),
        _meaning(kind, group, texts),
        Section(
            "change",
            texts.text("headings.change"),
            (" ".join(texts.text(f"change.{k}") for k in ("differ", "retest", "not_inherited")),),
        ),
        Section("questions", texts.text("headings.questions"), bullets=_questions(kind, texts)),
    )
    contact = (
        texts.text(
            "contact.with_contact",
            lab=lab_name or texts.text("labels.default_lab"),
            contact=request.lab.contact.strip(),
        )
        if request.lab.contact.strip()
        else texts.text("contact.without_contact")
    )
    return HandoutContent(
        language=texts.language,
        title=texts.text("labels.title"),
        subtitle=texts.text("labels.subtitle"),
        lab_name=lab_name,
        patient_name=entry.patient.display_name,
        accession=entry.accession,
        identity=(
            (texts.text("labels.name"), entry.patient.display_name),
            (texts.text("labels.birth_date"), texts.format_date(entry.patient.birth_date)),
            (texts.text("labels.accession"), entry.accession),
            (texts.text("labels.sample_date"), texts.format_date(entry.specimen.collected_on)),
        ),
        banners=_banners(request, texts),
        sections=sections,
        result_kind=kind,
        records_heading=texts.text("headings.records"),
        records_note=texts.text("records.note"),
        records=_records(request, texts),
        wide_records=frozenset(texts.text(key) for key in WIDE_RECORDS),
        record_check=(
            texts.text("records.record_check", digest=request.record_digest, position=request.record_position)
            if request.record_digest is not None
            else None
        ),
        contact_heading=texts.text("headings.contact"),
        contact=contact,
        disclaimer=texts.text("contact.disclaimer"),
        page_label=texts.text("labels.page", page="{page}", pages="{pages}"),
        preliminary_mark=texts.text("labels.preliminary_banner") if request.preliminary else None,
        picture=picture_for(kind, request.preliminary, texts),
        author=lab_name or texts.text("labels.default_lab"),
        subject=texts.text("meta.subject"),
    )


def picture_for(kind: ResultKind, preliminary: bool, texts: Texts) -> ResultPicture:
    """The picture's words for one result, from the same reading of it as the result line.

    A final answer shows two boxes, negative and positive, one marked: a page with a final result
    never says "not final" anywhere. A result that is not final yet (or could not be determined)
    shows that box between the two answers, marked, as a borderline test sits between them.
    """
    if kind.is_final_answer:
        boxes = ["negative", "positive"]
        marked = 1 if kind is ResultKind.POSITIVE else 0
    else:
        boxes = ["negative", "not_final" if kind is ResultKind.NOT_FINAL else "indeterminate", "positive"]
        marked = 1
    note = {
        ResultKind.NEGATIVE_LOW: texts.text("picture.low"),
        ResultKind.NEGATIVE_ULTRALOW: texts.text("picture.ultralow"),
    }.get(kind)
    labels = tuple(texts.text(f"picture.{box}") for box in boxes)
    # An early (not signed-out) answer is marked as early, as its result line says.
    marker = texts.text(
        "picture.marker_preliminary" if preliminary and kind.is_final_answer else "picture.marker"
    )
    shown = labels[marked] if note is None else f"{labels[marked]}, {note}"
    description = texts.text(
        "picture.description", negative=labels[0], positive=labels[-1], marker=marker, result=shown
    )
    return ResultPicture(labels, marked, marker, note, description)


def _decided_by_a_doctor(request: HandoutRequest) -> bool:
    """A pathologist adjudicated the reported result and it is a final status (not "not final yet")."""
    status = request.reported.status
    return request.reported.adjudicated and status is not None and status.is_final


def _banners(request: HandoutRequest, texts: Texts) -> tuple[Banner, ...]:
    banners = []
    if request.preliminary:
        # An adjudicated result was chosen by a lab doctor but nobody has signed it yet: say exactly
        # that, not that no doctor has checked it.
        key = "preliminary_text_adjudicated" if _decided_by_a_doctor(request) else "preliminary_text"
        banners.append(
            Banner("preliminary", texts.text("labels.preliminary_banner"), texts.text(f"labels.{key}"))
        )
    if request.corrected_on is not None:
        when = texts.format_date(request.corrected_on)
        banners.append(
            Banner(
                "corrected",
                texts.text("labels.corrected_banner", date=when),
                texts.text("labels.corrected_text", date=when),
            )
        )
    return tuple(banners)


def _site_key(site: Site | None, laterality: Laterality | None, texts: Texts) -> str:
    if site is None:
        return "sites.unknown"
    if laterality is not None and laterality is not Laterality.UNKNOWN:
        sided = f"sites.{site.value}-{laterality.value}"
        if texts.has(sided):
            return sided
    return f"sites.{site.value}"


def _tested(request: HandoutRequest, texts: Texts) -> Section:
    specimen = request.entry.specimen
    where = texts.text(_site_key(specimen.site, specimen.laterality, texts))
    paragraphs = [
        texts.text("tested.with_date", site=where, date=texts.format_date(specimen.collected_on))
        if specimen.collected_on
        else texts.text("tested.without_date", site=where)
    ]
    if specimen.procedure is not None:
        paragraphs.append(
            texts.text("tested.procedure", procedure=texts.text(f"procedures.{specimen.procedure.value}"))
        )
    if specimen.setting is ClinicalSetting.METASTATIC:
        paragraphs.append(texts.text("tested.metastatic"))
    elif specimen.setting is ClinicalSetting.RECURRENT:
        paragraphs.append(texts.text("tested.recurrent"))
    paragraphs.append(texts.text("tested.lab"))
    # One paragraph: these sentences describe one sample.
    return Section("tested", texts.text("headings.tested"), (" ".join(paragraphs),))


def _tests_done(request: HandoutRequest, texts: Texts) -> Section:
    entry = request.entry
    bullets = []
    if entry.ihc.score is not None:
        bullets.append(texts.text("tests.ihc"))
    if entry.ish.probe is not None:
        method = entry.ish.method.value if entry.ish.method else texts.text("tests.ish_default_method")
        bullets.append(texts.text("tests.ish", method=method))
    if not bullets:
        return Section("tests", texts.text("headings.tests"), (texts.text("tests.none"),))
    return Section("tests", texts.text("headings.tests"), bullets=tuple(bullets))


def _result(kind: ResultKind, request: HandoutRequest, texts: Texts, final_line_key: str) -> Section:
    status = request.reported.status
    if kind is ResultKind.NOT_FINAL:
        assert status is not None
        line = texts.text("result.not_final")
        explanation = texts.text(f"explain.{status.value}") + " " + texts.text("explain.wait")
    elif kind is ResultKind.INDETERMINATE:
        line = texts.text("result.indeterminate")
        explanation = texts.text("explain.indeterminate")
    else:
        line = texts.text(final_line_key, result=texts.text(f"result.{kind.value}"))
        explanation = texts.text(f"explain.{_explain_key(kind)}")
    if _decided_by_a_doctor(request) and not request.preliminary:
        # The tests alone did not settle it; a lab doctor did (the preliminary banner says so there).
        explanation = texts.text("explain.adjudicated") + " " + explanation
    return Section("result", texts.text("headings.result"), (explanation,), result_line=line)


def _explain_key(kind: ResultKind) -> str:
    return {
        ResultKind.POSITIVE: "positive",
        ResultKind.NEGATIVE: "negative",
        ResultKind.NEGATIVE_LOW: "low",
        ResultKind.NEGATIVE_ULTRALOW: "ultralow",
    }[kind]


def _meaning(kind: ResultKind, group: SiteGroup, texts: Texts) -> Section:
    if kind is ResultKind.POSITIVE:
        said = [texts.text(f"meaning.positive-{group}")]
    elif kind in (ResultKind.NEGATIVE_LOW, ResultKind.NEGATIVE_ULTRALOW):
        said = [texts.text("meaning.negative_low"), texts.text("meaning.low")]
    elif kind is ResultKind.NEGATIVE:
        said = [texts.text("meaning.negative")]
    elif kind is ResultKind.NOT_FINAL:
        said = [texts.text("meaning.not_final")]
    else:
        said = [texts.text("meaning.indeterminate")]
    said.append(texts.text("meaning.always"))
    return Section("meaning", texts.text("headings.meaning"), (" ".join(said),))


def _questions(kind: ResultKind, texts: Texts) -> tuple[str, ...]:
    """3-5 questions (rules §7.2 item 8): one general, the ones this result raises, two about the future."""
    specific = {
        ResultKind.POSITIVE: ["questions.positive"],
        ResultKind.NEGATIVE: ["questions.negative"],
        ResultKind.NEGATIVE_LOW: ["questions.negative", "questions.low"],
        ResultKind.NEGATIVE_ULTRALOW: ["questions.negative", "questions.low"],
        ResultKind.NOT_FINAL: ["questions.not_final"],
        ResultKind.INDETERMINATE: ["questions.indeterminate"],
    }[kind]
    keys = ["questions.first", *specific, "questions.other_tests", "questions.retest"]
    return tuple(texts.text(k) for k in keys)


def _records(request: HandoutRequest, texts: Texts) -> tuple[tuple[str, str], ...]:
    """The numbers and codes, kept out of the main text (rules §7.2 item 9).

    The result row states the reported result, as the result line does; the engine's interpretation
    gives only the numbers (ISH group, ratio, signals) and the guideline and rules version.
    """
    entry, result, reported = request.entry, request.interpretation, request.reported
    specimen = entry.specimen
    rows: list[tuple[str, str]] = [(texts.text("records.accession"), entry.accession)]
    rows.append((texts.text("records.collected"), texts.format_date(specimen.collected_on)))
    if specimen.site is not None:
        site = texts.text(f"records.sites.{specimen.site.value}")
        if specimen.laterality is not None and specimen.site in (Site.BREAST, Site.OVARY):
            site += ", " + texts.text(f"records.sides.{specimen.laterality.value}")
        rows.append((texts.text("records.site"), site))
    if specimen.metastatic_site:
        code, specified = parse_stored(specimen.metastatic_site)
        where = texts.text(f"records.metastatic_sites.{code.value}", site=specified)
        rows.append((texts.text("records.metastatic_site"), where))
    if specimen.procedure is not None:
        rows.append(
            (texts.text("records.procedure"), texts.text(f"records.procedures.{specimen.procedure.value}"))
        )
    if entry.ihc.score is not None:
        score = entry.ihc.score
        shown = texts.text("records.status.indeterminate") if score is IhcScore.INDETERMINATE else score.value
        rows.append((texts.text("records.ihc"), shown))
    if entry.ish.probe is not None:
        method = entry.ish.method.value if entry.ish.method else texts.text("tests.ish_default_method")
        rows.append(
            (
                texts.text("records.ish"),
                texts.text(f"records.ish_probe_{entry.ish.probe.value}", method=method),
            )
        )
    if result.ish_group is not None:
        rows.append((texts.text("records.ish_group"), str(result.ish_group)))
    if result.ratio is not None:
        rows.append((texts.text("records.ratio"), format_decimal(result.ratio)))
    if result.her2_average is not None:
        rows.append((texts.text("records.her2_average"), format_decimal(result.her2_average)))
    assert reported.status is not None
    status = texts.text(f"records.status.{reported.status.value}")
    if reported.descriptor is not None:
        descriptor = texts.text(f"records.descriptors.{reported.descriptor.name.lower()}")
        status = texts.text("records.status.with_descriptor", status=status, descriptor=descriptor)
    if request.preliminary and reported.status.is_final:
        status += "; " + texts.text("records.status.preliminary")
    rows.append((texts.text("records.result_label"), status))
    if _decided_by_a_doctor(request):
        rows.append((texts.text("records.decided_label"), texts.text("records.decided")))
    rows.append((texts.text("records.printed"), texts.format_date(request.printed_on or date.today())))
    rows.append((texts.text("records.guideline"), guideline_text(request, texts) or result.guideline))
    rows.append((texts.text("records.version"), f"{result.rules_version} / {TEMPLATE_VERSION}"))
    return tuple(rows)


def guideline_text(request: HandoutRequest, texts: Texts) -> str | None:
    """The guideline's name in the handout's language (the stored text is English), from the site and
    the criteria chosen for it; None when the site is not recorded (the stored text is printed)."""
    specimen = request.entry.specimen
    site = specimen.site
    if site is None:
        return None
    if site.is_breast:
        return texts.text("records.guidelines.breast")
    if site.is_gastroesophageal:
        return texts.text("records.guidelines.gastro")
    where = texts.text(f"records.sites.{site.value}")
    criteria = criteria_in_effect(site, specimen.scoring_criteria)
    if criteria is None:
        return texts.text("records.guidelines.none", site=where)
    key = "criteria_breast" if criteria is ScoringCriteria.BREAST else "criteria_gastro"
    return texts.text(f"records.guidelines.{key}", site=where)
