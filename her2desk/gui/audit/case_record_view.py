"""Case ▸ Case record…: everything the database keeps about one case's report, readable.

Every report version (an amendment keeps the earlier ones: each is the snapshot frozen at its
sign-out), the electronic signatures, the handout print log (who, when, language, rules version,
report version, SHA-256 of the PDF, preliminary, superseded), the chart report prints (the same log,
shown apart so a report is never mistaken for a patient handout) and the case's audit trail.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from datetime import datetime
from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListView,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from her2desk.domain.blinded_recount import SAME_OBSERVER_NOTE
from her2desk.domain.metastatic_site import site_words
from her2desk.domain.reported_result import reported_descriptor
from her2desk.domain.vocabulary import Descriptor, IhcScore, ScoringCriteria, Site, Status
from her2desk.gui.audit.audit_view import AuditTrailPanel
from her2desk.gui.common.domain_text import say
from her2desk.gui.common.translation import QT_TRANSLATE_NOOP, translate
from her2desk.services.signout_service import CaseVersion, HandoutRecord

# English, marked for pyside6-lupdate; shown through translate("CaseRecord", ...).
SIGNATURE_HEADERS = (
    QT_TRANSLATE_NOOP("CaseRecord", "Report version"),
    QT_TRANSLATE_NOOP("CaseRecord", "User"),
    QT_TRANSLATE_NOOP("CaseRecord", "Name"),
    QT_TRANSLATE_NOOP("CaseRecord", "Signed at"),
    QT_TRANSLATE_NOOP("CaseRecord", "Meaning"),
)
HANDOUT_HEADERS = (
    QT_TRANSLATE_NOOP("CaseRecord", "Printed at"),
    QT_TRANSLATE_NOOP("CaseRecord", "By"),
    QT_TRANSLATE_NOOP("CaseRecord", "Language"),
    QT_TRANSLATE_NOOP("CaseRecord", "Rules version"),
    QT_TRANSLATE_NOOP("CaseRecord", "Report version"),
    QT_TRANSLATE_NOOP("CaseRecord", "Preliminary"),
    QT_TRANSLATE_NOOP("CaseRecord", "Superseded"),
    QT_TRANSLATE_NOOP("CaseRecord", "SHA-256 of the PDF"),
)
# A chart report is always in English (`report_service.REPORT_LANGUAGE`): no language column.
REPORT_HEADERS = tuple(h for h in HANDOUT_HEADERS if h != "Language")
STATE_WORDS = {
    "draft": QT_TRANSLATE_NOOP("CaseRecord", "draft"),
    "entered": QT_TRANSLATE_NOOP("CaseRecord", "entered, not signed out"),
    "signed-out": QT_TRANSLATE_NOOP("CaseRecord", "signed out"),
    "amended": QT_TRANSLATE_NOOP("CaseRecord", "amended, being corrected (not signed out)"),
}


def shown_time(value: datetime | None) -> str:
    return value.astimezone().strftime("%Y-%m-%d %H:%M:%S") if value is not None else ""


def _words(value: Any) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return _yes_no(value)
    return str(value).replace("-", " ") if isinstance(value, str) and value.islower() else str(value)


def _yes_no(value: bool) -> str:
    return translate("CaseRecord", "yes") if value else translate("CaseRecord", "no")


def _state(version: CaseVersion) -> str:
    words = STATE_WORDS.get(version.state.value)
    return translate("CaseRecord", words) if words else version.state.value


def _list(value: Any) -> list[str]:
    try:
        items = json.loads(value) if isinstance(value, str) else value
    except ValueError:
        return [str(value)]
    return [str(i) for i in items] if isinstance(items, list) else []


def version_heading(version: CaseVersion) -> str:
    if version.signed_out_by:
        what = translate("CaseRecord", "signed out by {user} {when}").format(
            user=version.signed_out_by, when=shown_time(version.signed_out_at)
        )
    else:
        what = _state(version)
    return translate("CaseRecord", "Report version {version} — {what}").format(
        version=version.report_version, what=what
    )


def reported_of_snapshot(snap: dict[str, Any]) -> str:
    """The reported result a frozen version holds; versions frozen before the reported result was
    stored with them are worked out from their own values by the same domain rule."""
    interp = snap.get("interpretation") or {}
    if "reported_status" in snap:
        status, descriptor = snap.get("reported_status"), snap.get("reported_descriptor")
    else:
        adjudicated = snap.get("adjudicated_status")
        status = adjudicated or interp.get("status")
        ihc = snap.get("ihc") or {}
        specimen = snap.get("specimen") or {}
        criteria = specimen.get("scoring_criteria")
        try:
            found = reported_descriptor(
                site=Site(specimen["site"]) if specimen.get("site") else None,
                ihc=IhcScore(ihc["score"]) if ihc.get("score") else None,
                stained_pct=Decimal(str(ihc["stained_pct"])) if ihc.get("stained_pct") is not None else None,
                engine_status=Status(interp["status"]) if interp.get("status") else None,
                engine_descriptor=Descriptor(interp["descriptor"]) if interp.get("descriptor") else None,
                adjudicated_status=Status(adjudicated) if adjudicated else None,
                scoring_criteria=ScoringCriteria(criteria) if criteria else None,
            )
        except (KeyError, ValueError, ArithmeticError):
            found = None
        descriptor = found.value if found else None
    if not status:
        return "—"
    text = str(status).upper() + (f" ({descriptor})" if descriptor else "")
    return (
        translate("CaseRecord", "{result}, adjudicated").format(result=text)
        if snap.get("adjudicated_status")
        else text
    )


def version_text(version: CaseVersion) -> str:
    """One report version in words: result, counts, state, amendment reason, who signed it out when."""
    snap = version.snapshot
    interp = snap.get("interpretation") or {}
    specimen = snap.get("specimen") or {}
    ihc = snap.get("ihc") or {}
    ish = snap.get("ish") or {}
    status = interp.get("status")
    lines = [
        version_heading(version),
        "",
        translate("CaseRecord", "State: {state}").format(state=_state(version)),
        (
            translate("CaseRecord", "Signed out by: {user} at {when}").format(
                user=version.signed_out_by or "—", when=shown_time(version.signed_out_at)
            )
            if version.signed_out_at
            else translate("CaseRecord", "Signed out by: {user}").format(user=version.signed_out_by or "—")
        ),
    ]
    if version.amendment_reason:
        lines.append(
            translate("CaseRecord", "Amendment reason: {reason}").format(reason=version.amendment_reason)
        )
    lines += [
        "",
        translate("CaseRecord", "Reported result: {result}").format(result=reported_of_snapshot(snap)),
        translate("CaseRecord", "HER2 status (guideline): {status}").format(
            status=str(status).upper() if status else "—"
        ),
        translate("CaseRecord", "ISH group: {group}    Ratio: {ratio}    HER2 average: {average}").format(
            group=_words(interp.get("ish_group")),
            ratio=_words(interp.get("ratio")),
            average=_words(interp.get("her2_average")),
        ),
    ]
    if interp.get("recount_group") is not None:
        lines.append(
            translate("CaseRecord", "Recount: ISH group {group}, ratio {ratio}").format(
                group=interp.get("recount_group"), ratio=_words(interp.get("recount_ratio"))
            )
        )
    if interp.get("descriptor"):
        lines.append(
            translate("CaseRecord", "Descriptor: {descriptor}").format(descriptor=interp["descriptor"])
        )
    if snap.get("adjudicated_status"):
        lines.append(
            translate("CaseRecord", "Adjudicated status: {status} — {reason}").format(
                status=str(snap["adjudicated_status"]).upper(), reason=snap.get("adjudication_reason") or ""
            )
        )
    lines.append(translate("CaseRecord", "Next step: {step}").format(step=_words(interp.get("next_step"))))
    where = f"{_words(specimen.get('procedure'))}, {_words(specimen.get('site'))}" + (
        ", " + _words(specimen.get("laterality")) if specimen.get("laterality") else ""
    )
    specimen_line = translate("CaseRecord", "Specimen: {where}; collected {collected}; block {block}").format(
        where=where, collected=_words(specimen.get("collected_on")), block=_words(specimen.get("block"))
    )
    if metastatic := specimen.get("metastatic_site"):
        specimen_line += translate("CaseRecord", "; metastatic site {site}").format(
            site=say(site_words(str(metastatic)))
        )
    lines += [
        "",
        specimen_line,
        translate("CaseRecord", "IHC: score {score}, stained {stained}%, clone {clone}").format(
            score=_words(ihc.get("score")),
            stained=_words(ihc.get("stained_pct")),
            clone=_words(ihc.get("clone")),
        ),
        translate("CaseRecord", "ISH: {probe} probe, {method}").format(
            probe=_words(ish.get("probe")), method=_words(ish.get("method"))
        ),
    ]
    counts = snap.get("ish_counts") or {}
    counted_by = snap.get("counted_by") or {}
    for observer in sorted(counts, key=str):
        count = counts[observer] or {}
        by = counted_by.get(str(observer))
        line = translate(
            "CaseRecord", "  Count {observer}: {cells} cells, HER2 {her2}, CEP17 {cep17}"
        ).format(
            observer=observer,
            cells=_words(count.get("cells")),
            her2=_words(count.get("her2")),
            cep17=_words(count.get("cep17")),
        )
        if by:
            line += translate("CaseRecord", " (entered by {user})").format(user=by)
        lines.append(line)
    first, second = counted_by.get("1"), counted_by.get("2")
    if first and first == second and interp.get("recount_group") is not None:
        lines.append(f"  {say(SAME_OBSERVER_NOTE)}")
    comments = _list(interp.get("comments"))
    if comments:
        lines += ["", translate("CaseRecord", "Comments:"), *(f"  • {c}" for c in comments)]
    lines += [
        "",
        translate("CaseRecord", "Guideline: {guideline}").format(
            guideline=say(_words(interp.get("guideline")))
        ),
        translate("CaseRecord", "Rules version: {rules}").format(rules=_words(interp.get("rules_version"))),
    ]
    return "\n".join(lines)


def _table(name: str, headers: Sequence[str], rows: Sequence[Sequence[str]]) -> QTableWidget:
    table = QTableWidget(len(rows), len(headers))
    table.setAccessibleName(name)
    table.setHorizontalHeaderLabels([translate("CaseRecord", h) for h in headers])
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.setItem(r, c, QTableWidgetItem(value))
    return table


def report_row(h: HandoutRecord) -> list[str]:
    return [
        value for header, value in zip(HANDOUT_HEADERS, handout_row(h), strict=True) if header != "Language"
    ]


def handout_row(h: HandoutRecord) -> list[str]:
    return [
        shown_time(h.printed_at),
        h.printed_by,
        h.language,
        h.rules_version,
        str(h.report_version),
        _yes_no(h.preliminary),
        _yes_no(h.superseded),
        h.sha256,
    ]


class CaseRecordDialog(QDialog):
    """Report versions, signatures, handout and report prints and audit trail of one case (read-only)."""

    def __init__(
        self,
        accession: str,
        versions: list[CaseVersion],
        signatures: list[tuple[int, str, str, datetime, str]],
        handouts: list[HandoutRecord],
        trail: list[Any],
        parent: QWidget | None = None,
        user_names: Mapping[int, str] | None = None,
        reports: Sequence[HandoutRecord] = (),
    ) -> None:
        """`user_names` (user id -> user name) lets the audit details name users instead of ids;
        `reports`: the chart report prints (`ReportService.reports`)."""
        super().__init__(parent)
        self.accession = accession
        self.versions = versions
        self.setWindowTitle(translate("CaseRecord", "Case record — {accession}").format(accession=accession))
        self.setAccessibleName("Case record")
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Case record sections")

        self.version_list = QListWidget()
        self.version_list.setAccessibleName("Report versions")
        # A heading ("... signed out by <user> <date time>") is wider than the list's third of the
        # dialog: wrap it onto as many lines as it needs, re-wrapped when the dialog is resized, rather
        # than cut it off; the list scrolls vertically when the headings outgrow it.
        self.version_list.setWordWrap(True)
        self.version_list.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.version_list.setResizeMode(QListView.ResizeMode.Adjust)
        self.version_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for version in versions:
            self.version_list.addItem(version_heading(version))
        self.version_text = QPlainTextEdit()
        self.version_text.setReadOnly(True)
        self.version_text.setAccessibleName("Report version text")
        page = QWidget()
        row = QHBoxLayout(page)
        row.addWidget(self.version_list, 1)
        row.addWidget(self.version_text, 2)
        self.version_list.currentRowChanged.connect(self._show_version)
        self.tabs.addTab(
            page, translate("CaseRecord", "Report versions ({count})").format(count=len(versions))
        )

        self.signatures = _table(
            "Electronic signatures",
            SIGNATURE_HEADERS,
            [[str(v), user, name, shown_time(at), meaning] for v, user, name, at, meaning in signatures],
        )
        self.tabs.addTab(
            self.signatures, translate("CaseRecord", "Signatures ({count})").format(count=len(signatures))
        )
        self.handouts = _table("Handout prints", HANDOUT_HEADERS, [handout_row(h) for h in handouts])
        self.tabs.addTab(
            self.handouts, translate("CaseRecord", "Handout prints ({count})").format(count=len(handouts))
        )
        self.reports = _table("Report prints", REPORT_HEADERS, [report_row(r) for r in reports])
        self.tabs.addTab(
            self.reports, translate("CaseRecord", "Report prints ({count})").format(count=len(reports))
        )
        self.trail = AuditTrailPanel("Case audit trail")
        self.trail.user_names = dict(user_names or {})
        self.trail.set_rows(trail)
        self.tabs.addTab(
            self.trail, translate("CaseRecord", "Audit trail ({count})").format(count=len(trail))
        )

        # A visible way out besides Escape (a new user looks for a button; a mouse user needs one).
        self.close_button = QPushButton(translate("CaseRecord", "&Close"))
        self.close_button.setAccessibleName("Close case record")
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.close)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(translate("CaseRecord", "<b>Case {accession}</b>").format(accession=accession))
        )
        layout.addWidget(self.tabs)
        layout.addLayout(buttons)
        self.resize(960, 640)
        if versions:
            self.version_list.setCurrentRow(len(versions) - 1)

    def _show_version(self, row: int) -> None:
        if 0 <= row < len(self.versions):
            self.version_text.setPlainText(version_text(self.versions[row]))
        else:
            self.version_text.clear()
