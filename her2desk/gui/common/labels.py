"""Words shown to people for the domain's values, spelled once for every view.

The vocabulary's values are the CLI/CSV contract ("core-needle-biopsy"); people read "Core needle biopsy".
The English words live in the domain (`domain.labels.value_label`) so that the domain's messages and
the command line use them too; `label` gives them in the interface's language (context "Vocabulary").
Every word is listed below with `QT_TRANSLATE_NOOP`, which is how pyside6-lupdate finds words made at
run time; a test checks that the list holds the label of every vocabulary value.
"""

from __future__ import annotations

from enum import StrEnum

from her2desk.domain.labels import NEXT_STEP_WORDS, SPECIAL_WORDS, value_label
from her2desk.domain.vocabulary import Descriptor, Status
from her2desk.domain.workflow import Role
from her2desk.gui.common.translation import QT_TRANSLATE_NOOP, translate

__all__ = [
    "FIELD_WORDS",
    "NEXT_STEP_WORDS",
    "SPECIAL_WORDS",
    "STATUS_COLOURS",
    "field_name",
    "label",
    "reported_label",
    "role_label",
    "vocabulary_word",
]

VOCABULARY_WORDS = (
    # Sites
    QT_TRANSLATE_NOOP("Vocabulary", "Breast"),
    QT_TRANSLATE_NOOP("Vocabulary", "Stomach"),
    QT_TRANSLATE_NOOP("Vocabulary", "Gastroesophageal junction"),
    QT_TRANSLATE_NOOP("Vocabulary", "Esophagus"),
    QT_TRANSLATE_NOOP("Vocabulary", "Pancreas"),
    QT_TRANSLATE_NOOP("Vocabulary", "Bladder"),
    QT_TRANSLATE_NOOP("Vocabulary", "Ovary"),
    QT_TRANSLATE_NOOP("Vocabulary", "Other"),
    # Procedures
    QT_TRANSLATE_NOOP("Vocabulary", "Fine needle aspiration"),
    QT_TRANSLATE_NOOP("Vocabulary", "Core needle biopsy"),
    QT_TRANSLATE_NOOP("Vocabulary", "Incisional biopsy"),
    QT_TRANSLATE_NOOP("Vocabulary", "Excisional biopsy"),
    QT_TRANSLATE_NOOP("Vocabulary", "Endoscopic biopsy"),
    QT_TRANSLATE_NOOP("Vocabulary", "Surgical resection"),
    # Statuses and descriptors
    QT_TRANSLATE_NOOP("Vocabulary", "POSITIVE"),
    QT_TRANSLATE_NOOP("Vocabulary", "NEGATIVE"),
    QT_TRANSLATE_NOOP("Vocabulary", "EQUIVOCAL"),
    QT_TRANSLATE_NOOP("Vocabulary", "PENDING"),
    QT_TRANSLATE_NOOP("Vocabulary", "ADJUDICATION"),
    QT_TRANSLATE_NOOP("Vocabulary", "INDETERMINATE"),
    QT_TRANSLATE_NOOP("Vocabulary", "HER2-low"),
    QT_TRANSLATE_NOOP("Vocabulary", "HER2-ultralow"),
    QT_TRANSLATE_NOOP("Vocabulary", "HER2-null"),
    # IHC, ISH
    QT_TRANSLATE_NOOP("Vocabulary", "Indeterminate"),
    QT_TRANSLATE_NOOP("Vocabulary", "Dual"),
    QT_TRANSLATE_NOOP("Vocabulary", "Single"),
    QT_TRANSLATE_NOOP("Vocabulary", "FDA-approved"),
    QT_TRANSLATE_NOOP("Vocabulary", "Laboratory-developed"),
    # Specimen and patient
    QT_TRANSLATE_NOOP("Vocabulary", "Primary"),
    QT_TRANSLATE_NOOP("Vocabulary", "Metastatic"),
    QT_TRANSLATE_NOOP("Vocabulary", "Recurrent"),
    QT_TRANSLATE_NOOP("Vocabulary", "10% neutral buffered formalin"),
    QT_TRANSLATE_NOOP("Vocabulary", "Unknown"),
    QT_TRANSLATE_NOOP("Vocabulary", "Left"),
    QT_TRANSLATE_NOOP("Vocabulary", "Right"),
    QT_TRANSLATE_NOOP("Vocabulary", "Bilateral"),
    QT_TRANSLATE_NOOP("Vocabulary", "Female"),
    QT_TRANSLATE_NOOP("Vocabulary", "Male"),
    # Sign-out states
    QT_TRANSLATE_NOOP("Vocabulary", "Draft"),
    QT_TRANSLATE_NOOP("Vocabulary", "Entered"),
    QT_TRANSLATE_NOOP("Vocabulary", "Signed out"),
    QT_TRANSLATE_NOOP("Vocabulary", "Amended"),
    # Next steps
    QT_TRANSLATE_NOOP("Vocabulary", "None: the result is complete"),
    QT_TRANSLATE_NOOP("Vocabulary", "Reflex ISH on the same specimen"),
    QT_TRANSLATE_NOOP("Vocabulary", "Blinded second count by another observer"),
    QT_TRANSLATE_NOOP("Vocabulary", "Review concurrent IHC on the same tissue"),
    QT_TRANSLATE_NOOP("Vocabulary", "Repeat with a dual-probe ISH assay"),
    QT_TRANSLATE_NOOP("Vocabulary", "Pathologist adjudication"),
    QT_TRANSLATE_NOOP("Vocabulary", "Test a new specimen"),
    # Scoring systems and criteria
    QT_TRANSLATE_NOOP("Vocabulary", "Breast (ASCO/CAP 2018, affirmed 2023)"),
    QT_TRANSLATE_NOOP("Vocabulary", "Gastroesophageal biopsy (CAP/ASCP/ASCO 2016)"),
    QT_TRANSLATE_NOOP("Vocabulary", "Gastroesophageal resection (CAP/ASCP/ASCO 2016)"),
    QT_TRANSLATE_NOOP("Vocabulary", "Gastroesophageal"),
    QT_TRANSLATE_NOOP("Vocabulary", "Gastroesophageal criteria (CAP/ASCP/ASCO 2016)"),
    QT_TRANSLATE_NOOP("Vocabulary", "Breast criteria (ASCO/CAP 2018)"),
    # Metastatic sites
    QT_TRANSLATE_NOOP("Vocabulary", "Lymph node"),
    QT_TRANSLATE_NOOP("Vocabulary", "Liver"),
    QT_TRANSLATE_NOOP("Vocabulary", "Lung"),
    QT_TRANSLATE_NOOP("Vocabulary", "Bone"),
    QT_TRANSLATE_NOOP("Vocabulary", "Brain"),
    QT_TRANSLATE_NOOP("Vocabulary", "Skin/chest wall"),
    QT_TRANSLATE_NOOP("Vocabulary", "Pleura"),
    QT_TRANSLATE_NOOP("Vocabulary", "Peritoneum"),
    QT_TRANSLATE_NOOP("Vocabulary", "Other (specify)"),
)
# The fields' names (`domain.labels.FIELD_LABELS`), as a problem line names its field ("Stained percent:
# ..."). The form's inputs keep these English words as their accessible names (screen-reader scripts and
# tests find them so); a line a person reads names the field in the interface's language.
FIELD_WORDS = (
    QT_TRANSLATE_NOOP("Fields", "Accession number"),
    QT_TRANSLATE_NOOP("Fields", "MRN"),
    QT_TRANSLATE_NOOP("Fields", "Family name"),
    QT_TRANSLATE_NOOP("Fields", "Given name"),
    QT_TRANSLATE_NOOP("Fields", "Birth date"),
    QT_TRANSLATE_NOOP("Fields", "Sex"),
    QT_TRANSLATE_NOOP("Fields", "Procedure"),
    QT_TRANSLATE_NOOP("Fields", "Site"),
    QT_TRANSLATE_NOOP("Fields", "Scoring criteria"),
    QT_TRANSLATE_NOOP("Fields", "Laterality"),
    QT_TRANSLATE_NOOP("Fields", "Clinical setting"),
    QT_TRANSLATE_NOOP("Fields", "Metastatic site"),
    QT_TRANSLATE_NOOP("Fields", "Metastatic site (other)"),
    QT_TRANSLATE_NOOP("Fields", "Collection date"),
    QT_TRANSLATE_NOOP("Fields", "Block"),
    QT_TRANSLATE_NOOP("Fields", "Fixative"),
    QT_TRANSLATE_NOOP("Fields", "Cold ischaemia minutes"),
    QT_TRANSLATE_NOOP("Fields", "Fixation hours"),
    QT_TRANSLATE_NOOP("Fields", "Fragments"),
    QT_TRANSLATE_NOOP("Fields", "Fragments with tumour"),
    QT_TRANSLATE_NOOP("Fields", "Antibody clone"),
    QT_TRANSLATE_NOOP("Fields", "Assay type"),
    QT_TRANSLATE_NOOP("Fields", "Controls"),
    QT_TRANSLATE_NOOP("Fields", "IHC score"),
    QT_TRANSLATE_NOOP("Fields", "Stained percent"),
    QT_TRANSLATE_NOOP("Fields", "Cluster size"),
    QT_TRANSLATE_NOOP("Fields", "ISH probe"),
    QT_TRANSLATE_NOOP("Fields", "ISH method"),
    QT_TRANSLATE_NOOP("Fields", "HER2 signals per cell"),
    QT_TRANSLATE_NOOP("Fields", "CEP17 signals per cell"),
    QT_TRANSLATE_NOOP("Fields", "Cells counted"),
    QT_TRANSLATE_NOOP("Fields", "Second count HER2 signals per cell"),
    QT_TRANSLATE_NOOP("Fields", "Second count CEP17 signals per cell"),
    QT_TRANSLATE_NOOP("Fields", "Second count cells counted"),
)
ROLE_WORDS = (
    QT_TRANSLATE_NOOP("Roles", "technologist"),
    QT_TRANSLATE_NOOP("Roles", "pathologist"),
    QT_TRANSLATE_NOOP("Roles", "administrator"),
)


def vocabulary_word(english: str) -> str:
    """A vocabulary word of `VOCABULARY_WORDS` (English, as the domain spells it) in the interface's
    language; a word not in the list, or a notation ("2+", "FISH"), as it is."""
    return translate("Vocabulary", english) if english else english


def label(value: StrEnum | None) -> str:
    """The words a view shows for a vocabulary value, in the interface's language."""
    return vocabulary_word(value_label(value))


def field_name(words: str) -> str:
    """A field's name (English, one of `FIELD_WORDS`: a `FIELD_LABELS` word or an input's accessible
    name) in the interface's language; a name not in the list as it is."""
    return translate("Fields", words) if words else words


def role_label(role: Role) -> str:
    """A role as the status bar and the dialogs name it ("pathologist")."""
    return translate("Roles", role.value)


# Colours that set the statuses apart at a glance (also distinguishable in grey scale by the words).
STATUS_COLOURS: dict[Status | None, str] = {
    Status.POSITIVE: "#8e1b1b",
    Status.NEGATIVE: "#1d5e2c",
    Status.EQUIVOCAL: "#8a5a00",
    Status.PENDING: "#8a5a00",
    Status.ADJUDICATION: "#6a1b9a",
    Status.INDETERMINATE: "#444444",
    None: "#666666",
}


def reported_label(status: Status | None, descriptor: Descriptor | None, adjudicated: bool) -> str:
    """The reported result in a cell or a line: 'NEGATIVE (HER2-low)', 'POSITIVE, adjudicated'."""
    if status is None:
        return ""
    text = label(status)
    if descriptor is not None:
        text += f" ({label(descriptor)})"
    return translate("Vocabulary", "{status}, adjudicated").format(status=text) if adjudicated else text
