"""The live interpretation beside the form: what the numbers entered mean by the guideline, right now.

It only displays a `CaseCheck`; it never computes anything, so what it shows is exactly what would be
stored.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFormLayout, QFrame, QLabel, QVBoxLayout, QWidget

from her2desk.domain.case_checks import CaseCheck
from her2desk.domain.numbers import format_decimal
from her2desk.domain.reported_result import ReportedResult
from her2desk.domain.vocabulary import NextStep
from her2desk.gui.common.domain_text import number, say
from her2desk.gui.common.fields import ERROR_STYLE, WARNING_STYLE
from her2desk.gui.common.labels import STATUS_COLOURS, label, reported_label
from her2desk.gui.common.translation import translate


def _label(name: str, *, wrap: bool = True) -> QLabel:
    widget = QLabel()
    widget.setAccessibleName(name)
    widget.setWordWrap(wrap)
    widget.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return widget


def _set_text(widget: QLabel, text: str) -> None:
    if widget.text() != text:
        widget.setText(text)


def _bullets(lines: tuple[str, ...] | list[str]) -> str:
    return "\n".join(f"• {line}" for line in lines)


def _beside_engine(reported: ReportedResult) -> str:
    """The guideline's own result beside the adjudicated one the lab reports, in the interface's
    language (`ReportedResult.beside_engine` says the same in English)."""
    no_result = translate("Interpretation", "NO RESULT")
    engine = label(reported.engine_status) if reported.engine_status else no_result
    shown = reported_label(reported.status, reported.descriptor, False) or no_result
    by = reported.adjudication.by if reported.adjudication else None
    if by:
        return translate(
            "Interpretation", "Guideline result: {engine} — reported: {reported}, adjudicated by {user}"
        ).format(engine=engine, reported=shown, user=by)
    return translate(
        "Interpretation", "Guideline result: {engine} — reported: {reported}, adjudicated"
    ).format(engine=engine, reported=shown)


class InterpretationPanel(QFrame):
    """Status in large type, then the numbers, the next step, problems, comments and the rule trail."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName("Interpretation")
        self.status = _label("HER2 status", wrap=False)
        font = QFont(self.status.font())
        font.setPointSize(max(font.pointSize(), 10) * 2)
        font.setBold(True)
        self.status.setFont(font)
        self.summary_text = ""  # one-line summary, given to screen readers as the status's description
        self.guideline = _label("Guideline")
        self.rules_version = _label("Rules version")
        self.rules_version.setToolTip(
            translate("Interpretation", "The rules and lab rule settings this result is made with")
        )
        self.ish_group = _label("ISH group")
        self.ratio = _label("HER2/CEP17 ratio")
        self.her2_average = _label("Average HER2 per cell")
        self.descriptor = _label("Descriptor")
        self.next_step = _label("Next step")
        self.errors = _label("Problems")
        self.errors.setStyleSheet(ERROR_STYLE)
        self.pending = _label("Still to complete")
        self.warnings = _label("Warnings")
        self.warnings.setStyleSheet(WARNING_STYLE)
        self.comments = _label("Comments")
        self.trail = _label("Rule trail")
        self.blinded_note = _label("Blinded second count")
        self.blinded_note.setText(
            translate(
                "Interpretation",
                "Blinded second count: the first count, its ratio and the rule trail are hidden until the "
                "recount is entered.",
            )
        )
        self.blinded_note.setStyleSheet(WARNING_STYLE)
        self.blinded_note.setVisible(False)

        self._headings: dict[str, QLabel] = {}
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.guideline)
        layout.addWidget(self.rules_version)
        layout.addWidget(self.blinded_note)
        numbers = QFormLayout()
        numbers.addRow(translate("Interpretation", "ISH group:"), self.ish_group)
        numbers.addRow(translate("Interpretation", "Ratio:"), self.ratio)
        numbers.addRow(translate("Interpretation", "HER2 per cell:"), self.her2_average)
        numbers.addRow(translate("Interpretation", "Descriptor:"), self.descriptor)
        numbers.addRow(translate("Interpretation", "Next step:"), self.next_step)
        layout.addLayout(numbers)
        for title, widget in (
            (translate("Interpretation", "Problems"), self.errors),
            (translate("Interpretation", "Still to complete"), self.pending),
            (translate("Interpretation", "Warnings"), self.warnings),
            (translate("Interpretation", "Comments"), self.comments),
            (translate("Interpretation", "How the result was reached"), self.trail),
        ):
            heading = QLabel(f"<b>{title}</b>")
            self._headings[widget.accessibleName()] = heading
            layout.addWidget(heading)
            layout.addWidget(widget)
        layout.addStretch(1)
        self.show_check(None)

    def show_check(
        self,
        check: CaseCheck | None,
        errors: list[str] | None = None,
        warnings: list[str] | None = None,
        trusted: bool = True,
        blinded: bool = False,
        reported: ReportedResult | None = None,
        pending: list[str] | None = None,
    ) -> None:
        """Show a case check.

        `errors` are every message the person must fix before saving (parsing included); `warnings`
        are shown but never block. `trusted` is False when a value the guideline uses could not be
        read: then no result is shown, because the engine saw that field as empty. `blinded` hides
        every number derived from the first count while a second observer enters the recount.
        `reported` is the stored case's reported result when it differs from the guideline's (an
        adjudication) and the results on screen are the ones it judged: the headline then shows what
        the lab reports, and the guideline's own result is named beside it. `pending` names the fields
        whose problems are not shown yet (not filled in or left yet): one quiet line, not a list of red.
        """
        errors = errors or []
        interpretation = check.interpretation if check else None
        result = interpretation if interpretation and interpretation.status and trusted else None
        status = result.status if result else None
        if check is None:
            status_text = translate("Interpretation", "No case")
        elif status is None:
            status_text = translate("Interpretation", "NO RESULT")
        else:
            status_text = label(status)
        if reported is not None and reported.status is not None and not blinded:
            status, status_text = reported.status, reported_label(reported.status, reported.descriptor, False)
        _set_text(self.status, status_text)
        self._set_style(self.status, f"color: {STATUS_COLOURS.get(status, '#666666')};")
        if self.blinded_note.isVisibleTo(self) != blinded:
            self.blinded_note.setVisible(blinded)
        if blinded:
            result = None  # the status stays; the numbers that would unblind the recount do not
        summary = result.summary() if result else ""
        if summary != self.summary_text:
            self.summary_text = summary
            self.status.setAccessibleDescription(summary)
        guideline = say(interpretation.guideline) if interpretation else ""
        if reported is not None and reported.adjudicated and not blinded:
            guideline = f"{_beside_engine(reported)}\n{guideline}"
        _set_text(self.guideline, guideline)
        version = interpretation.rules_version if interpretation else ""
        _set_text(
            self.rules_version,
            translate("Interpretation", "Rules version: {version}").format(version=version)
            if version
            else "",
        )
        _set_text(self.ish_group, str(result.ish_group) if result and result.ish_group is not None else "—")
        _set_text(
            self.ratio, number(format_decimal(result.ratio)) if result and result.ratio is not None else "—"
        )
        _set_text(
            self.her2_average,
            number(format_decimal(result.her2_average))
            if result and result.her2_average is not None
            else "—",
        )
        descriptor = result.descriptor if result else None
        if reported is not None and result is not None:
            descriptor = reported.descriptor
        _set_text(self.descriptor, label(descriptor) if descriptor else "—")
        next_step = result.next_step if result else None
        _set_text(self.next_step, label(next_step) if next_step else "—")
        self._set_style(
            self.next_step, "font-weight: bold;" if next_step not in (None, NextStep.NONE) else ""
        )
        heading = (
            translate("Interpretation", "1 problem to fix before saving:")
            if len(errors) == 1
            else translate("Interpretation", "{count} problems to fix before saving:").format(
                count=len(errors)
            )
        ) + "\n"
        self._set_section(self.errors, heading + _bullets(errors) if errors else "")
        self._set_section(
            self.pending,
            translate("Interpretation", "{fields} (before saving)").format(fields=", ".join(pending))
            if pending
            else "",
        )
        self._set_section(self.warnings, _bullets(warnings or []))
        self._set_section(self.comments, _bullets(result.comments) if result else "")
        self._set_section(self.trail, _bullets([say(step) for step in result.trail]) if result else "")

    def _set_style(self, widget: QLabel, style: str) -> None:
        if widget.styleSheet() != style:
            widget.setStyleSheet(style)

    def _set_section(self, widget: QLabel, text: str) -> None:
        _set_text(widget, text)
        if widget.isVisibleTo(self) == bool(text):
            return
        widget.setVisible(bool(text))
        self._headings[widget.accessibleName()].setVisible(bool(text))
