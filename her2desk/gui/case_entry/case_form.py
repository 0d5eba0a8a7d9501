"""The case form: patient, specimen, IHC and ISH panels, turned into a `CaseEntry` as the person types.

The form is layout plus parsing: it knows which fields apply to the case as entered so far (laterality
only for breast, the scoring criteria only for a site without a guideline of its own, cluster size and
fragments only for non-breast biopsies, CEP17 only for dual-probe ISH, the second count only when
asked for) and it reads only the fields that apply, so a value left in a hidden field never reaches
the engine or the database. Judging the case is the domain's job.

A field's problems are shown only once the person has left it after typing or choosing something in it
(`touched`), or tried to save: a new case must not greet them with a page of red. Fields that do not
apply are hidden, and a hidden field takes no Tab stop; the Tab order is the order of the form,
whichever fields are shown.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from decimal import Decimal
from typing import TypeVar

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from her2desk.domain.case import CaseEntry, IhcDetails, IshDetails, PatientDetails, SpecimenDetails
from her2desk.domain.criteria import CRITERIA_LABELS
from her2desk.domain.inputs import IshCount
from her2desk.domain.metastatic_site import (
    FIELD,
    METASTATIC_SITE_WORDS,
    OTHER_FIELD,
    MetastaticSite,
    is_legacy,
    parse_stored,
    stored_value,
)
from her2desk.domain.parsing import parse_decimal, parse_integer
from her2desk.domain.problems import Problem
from her2desk.domain.vocabulary import (
    AssayType,
    ClinicalSetting,
    Fixative,
    IhcScore,
    IshMethod,
    IshProbe,
    Laterality,
    Procedure,
    ScoringCriteria,
    Sex,
    Site,
)
from her2desk.gui.common.fields import (
    LOCKED_STYLE,
    FieldRow,
    combo_field,
    enum_field,
    line_field,
    parse_date,
)
from her2desk.gui.common.labels import vocabulary_word
from her2desk.gui.common.translation import decimal_point_text, translate

COUNT_KEYS = {
    "first": ("her2", "cep17", "cells"),
    "second": ("recount_her2", "recount_cep17", "recount_cells"),
}

_Chosen = TypeVar("_Chosen")  # what a combo box holds: an enum member or a bool
_Parsed = TypeVar("_Parsed")  # what a parser makes of a line edit's text


class CaseForm(QWidget):
    """Edits one case. `changed` fires on every keystroke or choice; `find_patient_requested` on Find."""

    changed = Signal()
    field_left = Signal(str)  # the key of a field the person left after changing it (see `touched`)
    find_patient_requested = Signal(str)
    history_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # A read-only field (a signed-out case, a stored accession) must not look like one to type in.
        self.setStyleSheet(LOCKED_STYLE)
        self.rows: dict[str, FieldRow] = {}
        self._edited: set[str] = set()  # changed by the person since the case was loaded
        self.touched: set[str] = set()  # ...and left since: their problems are shown
        self._second_count_wanted = False
        self._first_count_hidden = False  # blinded second count: see set_first_count_hidden
        self._loading = False
        self._row_visible: dict[str, bool] = {}
        self._applicable: dict[str, bool] | None = None  # computed once per edit, read many times
        self._legacy_site: str | None = None  # free text stored before the list of sites, as loaded
        # Two columns in the order results are read off the request form and the slides; the tab
        # order follows it (top to bottom, left column first).
        left, right = QVBoxLayout(), QVBoxLayout()
        left.addWidget(self._case_box())
        left.addWidget(self._patient_box())
        left.addWidget(self._specimen_box())
        left.addStretch(1)
        right.addWidget(self._ihc_box())
        right.addWidget(self._ish_box())
        right.addStretch(1)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 1)
        layout.addLayout(right, 1)
        for key, row in self.rows.items():
            if isinstance(row.input, QLineEdit):
                row.input.textEdited.connect(lambda *_a, k=key: self._on_edit(k))
            else:
                row.input.currentIndexChanged.connect(lambda *_a, k=key: self._on_edit(k))
            row.input.installEventFilter(self)
        self.update_visibility()

    # -- layout ----------------------------------------------------------------------------------

    def _add(self, form: QFormLayout, row: FieldRow) -> FieldRow:
        self.rows[row.key] = row
        form.addRow(row.caption, row.container)
        return row

    def _box(self, title: str) -> tuple[QGroupBox, QFormLayout]:
        box = QGroupBox(title)
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setVerticalSpacing(2)  # each field's reserved message line already parts it from the next
        return box, form

    def _case_box(self) -> QGroupBox:
        box, form = self._box(translate("CaseForm", "Case"))
        self._add(
            form,
            line_field(
                "accession",
                translate("CaseForm", "&Accession"),
                "Accession number",
                translate("CaseForm", "e.g. S26-001234"),
            ),
        )
        return box

    def _patient_box(self) -> QGroupBox:
        box, form = self._box(translate("CaseForm", "Patient"))
        mrn = line_field(
            "patient.mrn",
            translate("CaseForm", "&MRN"),
            "MRN",
            translate("CaseForm", "medical record number"),
        )
        self.find_button = QPushButton(translate("CaseForm", "Fin&d patient"))
        self.find_button.setAccessibleName("Find patient by MRN")
        self.find_button.setToolTip(
            translate(
                "CaseForm",
                "Fill in the patient's details from an earlier case with this MRN (Alt+D, or Enter in MRN)",
            )
        )
        self.find_button.clicked.connect(
            lambda: self.find_patient_requested.emit(self.rows["patient.mrn"].text())
        )
        self.history_button = QPushButton(translate("CaseForm", "Hist&ory"))
        self.history_button.setAccessibleName("Patient history")
        self.history_button.setToolTip(
            translate("CaseForm", "Every specimen of this patient on a time line (Alt+O)")
        )
        # Tab goes from input to input; the buttons are reached by their mnemonics (Alt+D, Alt+O).
        for button in (self.find_button, self.history_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.history_button.clicked.connect(
            lambda: self.history_requested.emit(self.rows["patient.mrn"].text())
        )
        line = QWidget()
        h = QHBoxLayout(line)
        h.setContentsMargins(0, 0, 0, 0)
        h.addWidget(mrn.container, 1)
        for button in (self.find_button, self.history_button):  # beside the input, not its message line
            h.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        self.rows[mrn.key] = mrn
        form.addRow(mrn.caption, line)
        mrn.line.returnPressed.connect(self.find_button.click)
        self._add(
            form, line_field("patient.family_name", translate("CaseForm", "Famil&y name"), "Family name")
        )
        self._add(form, line_field("patient.given_name", translate("CaseForm", "&Given name"), "Given name"))
        self._add(
            form,
            line_field(
                "patient.birth_date",
                translate("CaseForm", "&Birth date"),
                "Birth date",
                translate("CaseForm", "YYYY-MM-DD"),
            ),
        )
        self._add(form, enum_field("patient.sex", translate("CaseForm", "Se&x"), "Sex", Sex))
        return box

    def _specimen_box(self) -> QGroupBox:
        box, form = self._box(translate("CaseForm", "Specimen"))
        self._add(form, enum_field("procedure", translate("CaseForm", "Proced&ure"), "Procedure", Procedure))
        self._add(form, enum_field("site", translate("CaseForm", "&Site"), "Site", Site))
        # Pancreas, bladder, ovary, other: the person chooses the criteria; blank until they do, and
        # the case cannot be saved blank (no silent default).
        # (Their own words, not `label`: a StrEnum equals its value, so "breast" would also be Site.BREAST.)
        choices = [(vocabulary_word(CRITERIA_LABELS[c]), c) for c in ScoringCriteria]
        self._add(
            form,
            combo_field(
                "scoring_criteria", translate("CaseForm", "Scoring criteria"), "Scoring criteria", choices
            ),
        )
        self._add(
            form,
            enum_field("specimen.laterality", translate("CaseForm", "&Laterality"), "Laterality", Laterality),
        )
        setting = enum_field(
            "specimen.setting", translate("CaseForm", "Clinical setting"), "Clinical setting", ClinicalSetting
        )
        setting.combo.removeItem(0)  # always given: primary unless the person says otherwise
        setting.options = setting.options[1:]
        self._add(form, setting)
        # A site from the list, stored as its code; Other asks for the site in words in the row below,
        # which is hidden (not removed) otherwise, so the Tab order never changes.
        sites = [(vocabulary_word(METASTATIC_SITE_WORDS[m]), m) for m in MetastaticSite]
        self._add(
            form, combo_field(FIELD, translate("CaseForm", "Metastatic site"), "Metastatic site", sites)
        )
        self._add(
            form,
            line_field(
                OTHER_FIELD,
                translate("CaseForm", "Other site"),
                "Metastatic site (other)",
                translate("CaseForm", "which site"),
            ),
        )
        self._add(
            form,
            line_field(
                "specimen.collected_on",
                translate("CaseForm", "Coll&ected"),
                "Collection date",
                translate("CaseForm", "YYYY-MM-DD"),
            ),
        )
        self._add(form, line_field("specimen.block", translate("CaseForm", "Bloc&k"), "Block"))
        self._add(
            form, enum_field("specimen.fixative", translate("CaseForm", "F&ixative"), "Fixative", Fixative)
        )
        self._add(
            form,
            line_field(
                "specimen.cold_ischaemia_minutes",
                translate("CaseForm", "Cold ischaemia (min)"),
                "Cold ischaemia minutes",
                translate("CaseForm", "minutes"),
            ),
        )
        self._add(
            form,
            line_field(
                "specimen.fixation_hours",
                translate("CaseForm", "Fixation time (h)"),
                "Fixation hours",
                translate("CaseForm", "hours in formalin"),
            ),
        )
        self._add(
            form,
            line_field(
                "specimen.fragments",
                translate("CaseForm", "Fragments"),
                "Fragments",
                translate("CaseForm", "biopsy fragments"),
            ),
        )
        self._add(
            form,
            line_field(
                "specimen.fragments_with_tumour",
                translate("CaseForm", "Fragments with tumour"),
                "Fragments with tumour",
                translate("CaseForm", "fragments with tumour"),
            ),
        )
        return box

    def _ihc_box(self) -> QGroupBox:
        box, form = self._box(translate("CaseForm", "Immunohistochemistry (IHC)"))
        self._add(
            form,
            line_field(
                "ihc.clone",
                translate("CaseForm", "Antibody clone"),
                "Antibody clone",
                translate("CaseForm", "e.g. 4B5"),
            ),
        )
        self._add(
            form, enum_field("ihc.assay_type", translate("CaseForm", "Assay type"), "Assay type", AssayType)
        )
        self._add(
            form,
            combo_field(
                "ihc.controls_acceptable",
                translate("CaseForm", "Controls"),
                "Controls",
                [
                    (translate("CaseForm", "Stained as expected"), True),
                    (translate("CaseForm", "Did not stain as expected"), False),
                ],
            ),
        )
        self._add(form, enum_field("ihc", translate("CaseForm", "IHC sco&re"), "IHC score", IhcScore))
        self._add(
            form,
            line_field(
                "stained_pct",
                translate("CaseForm", "Stained %"),
                "Stained percent",
                translate("CaseForm", "percent of tumour cells"),
            ),
        )
        self._add(
            form,
            line_field(
                "cluster_cells",
                translate("CaseForm", "Cluster size"),
                "Cluster size",
                translate("CaseForm", "cells in largest cluster"),
            ),
        )
        return box

    def _ish_box(self) -> QGroupBox:
        box, form = self._box(translate("CaseForm", "In situ hybridisation (ISH)"))
        self._add(form, enum_field("ish", translate("CaseForm", "ISH &probe"), "ISH probe", IshProbe))
        self._add(
            form, enum_field("ish.method", translate("CaseForm", "ISH method"), "ISH method", IshMethod)
        )
        self._add(
            form,
            line_field(
                "her2",
                translate("CaseForm", "HER&2 per cell"),
                "HER2 signals per cell",
                translate("CaseForm", "average signals"),
            ),
        )
        self._add(
            form,
            line_field(
                "cep17",
                translate("CaseForm", "CEP&17 per cell"),
                "CEP17 signals per cell",
                translate("CaseForm", "average signals"),
            ),
        )
        self._add(
            form,
            line_field(
                "cells",
                translate("CaseForm", "Cells cou&nted"),
                "Cells counted",
                translate("CaseForm", "at least 20"),
            ),
        )
        self.second_box = QGroupBox(translate("CaseForm", "Blinded second count"))
        second = QFormLayout(self.second_box)
        self._add(
            second,
            line_field(
                "recount_her2", translate("CaseForm", "HER2 per cell"), "Second count HER2 signals per cell"
            ),
        )
        self._add(
            second,
            line_field(
                "recount_cep17",
                translate("CaseForm", "CEP17 per cell"),
                "Second count CEP17 signals per cell",
            ),
        )
        self._add(
            second,
            line_field("recount_cells", translate("CaseForm", "Cells counted"), "Second count cells counted"),
        )
        form.addRow(self.second_box)
        return box

    # -- what applies ----------------------------------------------------------------------------

    def applies(self, key: str) -> bool:
        """Whether a field applies to the case as entered so far (hidden fields are never read)."""
        if self._applicable is None:
            self._applicable = {k: self._decide(k) for k in self.rows}
        return self._applicable[key]

    def _decide(self, key: str) -> bool:
        site = self.rows["site"].value()
        procedure = self.rows["procedure"].value()
        if key == "specimen.laterality":
            return site is Site.BREAST
        if key == "scoring_criteria":
            return isinstance(site, Site) and not site.has_site_specific_guideline
        if key == FIELD:
            return self.rows["specimen.setting"].value() is not ClinicalSetting.PRIMARY
        if key == OTHER_FIELD:
            return self._decide(FIELD) and self.rows[FIELD].value() is MetastaticSite.OTHER
        if key in ("specimen.fragments", "specimen.fragments_with_tumour", "cluster_cells"):
            return (
                site is not None and site is not Site.BREAST and procedure is not Procedure.SURGICAL_RESECTION
            )
        if key in ("cep17", "recount_cep17") and self.rows["ish"].value() is not IshProbe.DUAL:
            return False
        if key.startswith("recount_"):
            return self.second_count_shown()
        return True

    def second_count_shown(self) -> bool:
        entered = any(self.rows[k].text().strip() for k in COUNT_KEYS["second"])
        return self._second_count_wanted or entered

    def set_second_count_wanted(self, wanted: bool) -> None:
        """The interpretation asks for a blinded recount: show the second count."""
        if wanted != self._second_count_wanted:
            self._second_count_wanted = wanted
            self._applicable = None
            self.update_visibility()

    def set_first_count_hidden(self, hidden: bool) -> None:
        """Blind the second observer: hide the first count's rows while the recount is entered.

        Only hidden from view: the values are still read and saved (`applies` is unchanged)."""
        if hidden != self._first_count_hidden:
            self._first_count_hidden = hidden
            self.update_visibility()

    def first_count_hidden(self) -> bool:
        return self._first_count_hidden

    def update_visibility(self) -> None:
        second = self.second_count_shown()
        if self.second_box.isVisibleTo(self) != second:
            self.second_box.setVisible(second)
        for key, row in self.rows.items():
            visible = self.applies(key) and not (self._first_count_hidden and key in COUNT_KEYS["first"])
            if self._row_visible.get(key) == visible:
                continue
            self._row_visible[key] = visible
            form = _form_of(row)
            if form is not None:
                form.setRowVisible(row.caption, visible)

    # -- reading ---------------------------------------------------------------------------------

    def read(self) -> tuple[CaseEntry, list[Problem]]:
        """The case as entered, and the problems met while parsing the text typed."""
        problems: list[Problem] = []

        def text(key: str) -> str:
            return self.rows[key].text() if self.applies(key) else ""

        def optional_text(key: str) -> str | None:
            return text(key).strip() or None

        def choice(key: str, kind: type[_Chosen]) -> _Chosen | None:
            return self.rows[key].value_as(kind) if self.applies(key) else None

        def parsed(key: str, parser: Callable[[str, str], _Parsed | Problem]) -> _Parsed | None:
            raw = text(key)
            if not raw.strip():
                return None
            value = parser(raw, key)
            if isinstance(value, Problem):
                problems.append(value)
                return None
            return value

        patient = PatientDetails(
            mrn=text("patient.mrn"),
            family_name=text("patient.family_name"),
            given_name=text("patient.given_name"),
            birth_date=parsed("patient.birth_date", parse_date),
            sex=choice("patient.sex", Sex),
        )
        specimen = SpecimenDetails(
            procedure=choice("procedure", Procedure),
            site=choice("site", Site),
            laterality=choice("specimen.laterality", Laterality),
            setting=self.rows["specimen.setting"].value_as(ClinicalSetting) or ClinicalSetting.PRIMARY,
            metastatic_site=self._metastatic_site(choice(FIELD, MetastaticSite), text(OTHER_FIELD)),
            collected_on=parsed("specimen.collected_on", parse_date),
            block=optional_text("specimen.block"),
            fixative=choice("specimen.fixative", Fixative),
            cold_ischaemia_minutes=parsed("specimen.cold_ischaemia_minutes", parse_integer),
            fixation_hours=parsed("specimen.fixation_hours", _parse_decimal),
            fragments=parsed("specimen.fragments", parse_integer),
            fragments_with_tumour=parsed("specimen.fragments_with_tumour", parse_integer),
            scoring_criteria=choice("scoring_criteria", ScoringCriteria),
        )
        ihc = IhcDetails(
            clone=optional_text("ihc.clone"),
            assay_type=choice("ihc.assay_type", AssayType),
            controls_acceptable=choice("ihc.controls_acceptable", bool),
            score=choice("ihc", IhcScore),
            stained_pct=parsed("stained_pct", _parse_decimal),
            cluster_cells=parsed("cluster_cells", parse_integer),
        )

        def count(keys: tuple[str, str, str]) -> IshCount | None:
            if not any(text(k).strip() for k in keys):
                return None
            her2, cep17, cells = keys
            # A partial count is passed on as it is, so the engine names what is missing.
            return IshCount(
                parsed(her2, _parse_decimal),
                parsed(cep17, _parse_decimal),
                parsed(cells, parse_integer),
            )

        ish = IshDetails(
            probe=choice("ish", IshProbe),
            method=choice("ish.method", IshMethod),
            first=count(COUNT_KEYS["first"]),
            second=count(COUNT_KEYS["second"]),
        )
        entry = CaseEntry(text("accession"), patient, specimen, ihc, ish)
        return entry, problems

    def _metastatic_site(self, code: MetastaticSite | None, specified: str) -> str | None:
        """The stored text of the site chosen: its code, or `other: <words>`. Free text stored before
        the list is shown as Other with its words, and read back exactly as stored while the person
        leaves it so (it is never rewritten behind their back)."""
        if code is None:
            return None
        legacy = self._legacy_site
        if code is MetastaticSite.OTHER and legacy is not None and specified == parse_stored(legacy)[1]:
            return legacy
        return stored_value(code, specified)

    def raw_values(self) -> dict[str, str]:
        """Everything typed or chosen, hidden fields included: the basis of the unsaved-changes check."""
        return {key: row.text() for key, row in self.rows.items()}

    # -- writing ---------------------------------------------------------------------------------

    def load(self, entry: CaseEntry) -> None:
        """Fill every field from a stored or new case (no `changed` per field; one at the end)."""
        self._loading = True
        try:
            p, s, i, h = entry.patient, entry.specimen, entry.ihc, entry.ish
            first, second = h.first, h.second
            values: dict[str, object] = {
                "accession": entry.accession,
                "patient.mrn": p.mrn,
                "patient.family_name": p.family_name,
                "patient.given_name": p.given_name,
                "patient.birth_date": p.birth_date.isoformat() if p.birth_date else "",
                "patient.sex": p.sex,
                "procedure": s.procedure,
                "site": s.site,
                "scoring_criteria": s.scoring_criteria,
                "specimen.laterality": s.laterality,
                "specimen.setting": s.setting,
                FIELD: parse_stored(s.metastatic_site)[0] if s.metastatic_site else None,
                OTHER_FIELD: parse_stored(s.metastatic_site)[1] if s.metastatic_site else "",
                "specimen.collected_on": s.collected_on.isoformat() if s.collected_on else "",
                "specimen.block": s.block,
                "specimen.fixative": s.fixative,
                "specimen.cold_ischaemia_minutes": s.cold_ischaemia_minutes,
                "specimen.fixation_hours": s.fixation_hours,
                "specimen.fragments": s.fragments,
                "specimen.fragments_with_tumour": s.fragments_with_tumour,
                "ihc.clone": i.clone,
                "ihc.assay_type": i.assay_type,
                "ihc.controls_acceptable": i.controls_acceptable,
                "ihc": i.score,
                "stained_pct": i.stained_pct,
                "cluster_cells": i.cluster_cells,
                "ish": h.probe,
                "ish.method": h.method,
                "her2": first.her2 if first else None,
                "cep17": first.cep17 if first else None,
                "cells": first.cells if first else None,
                "recount_her2": second.her2 if second else None,
                "recount_cep17": second.cep17 if second else None,
                "recount_cells": second.cells if second else None,
            }
            for key, value in values.items():
                self.rows[key].set_value(value)
            self._legacy_site = s.metastatic_site if is_legacy(s.metastatic_site) else None
            self._second_count_wanted = False
            self._edited.clear()
            self.touched.clear()
        finally:
            self._loading = False
            self._applicable = None
        self.update_visibility()
        self.changed.emit()

    def fill_patient(self, patient: PatientDetails) -> None:
        """Copy a found patient's details into the patient fields."""
        self.rows["patient.family_name"].set_value(patient.family_name)
        self.rows["patient.given_name"].set_value(patient.given_name)
        self.rows["patient.birth_date"].set_value(
            patient.birth_date.isoformat() if patient.birth_date else ""
        )
        self.rows["patient.sex"].set_value(patient.sex)
        self.changed.emit()

    def show_problems(self, errors: dict[str, str], warnings: dict[str, str]) -> None:
        for key, row in self.rows.items():
            if key in errors:
                row.show_message(errors[key], is_error=True)
            else:
                row.show_message(warnings.get(key, ""), is_error=False)

    def first_field(self, keys: Iterable[str]) -> FieldRow | None:
        """The first of `keys` in the form's own order (top to bottom) that is shown."""
        wanted = set(keys)
        for key, row in self.rows.items():
            if key in wanted and self.applies(key):
                return row
        return None

    def _on_edit(self, key: str) -> None:
        self._applicable = None  # every edit may change which fields apply
        if not self._loading:
            self._edited.add(key)
            self.update_visibility()
            self.changed.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        """An input the person changed and then left (Tab, a click elsewhere) is `touched`. Opening a
        drop-down's list is not leaving it."""
        if (
            event.type() == QEvent.Type.FocusOut
            and isinstance(event, QFocusEvent)
            and event.reason() != Qt.FocusReason.PopupFocusReason
        ):
            key = watched.objectName()
            if key in self._edited and key not in self.touched:
                self.touched.add(key)
                self.field_left.emit(key)
        return super().eventFilter(watched, event)


def _parse_decimal(text: str, field: str) -> Decimal | Problem:
    """The domain's decimal parsing, after a decimal comma typed in a language that writes one
    (Spanish: "2,1") is read as the decimal point it means (`translation.decimal_point_text`)."""
    return parse_decimal(decimal_point_text(text), field)


def _form_of(row: FieldRow) -> QFormLayout | None:
    parent = row.caption.parentWidget()
    layout = parent.layout() if parent else None
    return layout if isinstance(layout, QFormLayout) else None
