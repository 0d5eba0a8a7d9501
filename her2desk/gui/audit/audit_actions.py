"""Tools ▸ Audit log… and Case ▸ Case record…; see `gui.shell.host`.

The audit log is the whole database's trail (sign-ins, failed sign-ins included, have no case and
appear only there). The case record is for the case open in the Case tab, else the one selected in
the worklist.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction

from her2desk.gui.common import dialogs
from her2desk.gui.common.translation import translate

if TYPE_CHECKING:
    from her2desk.gui.audit.audit_view import AuditLogDialog
    from her2desk.gui.audit.case_record_view import CaseRecordDialog
    from her2desk.gui.shell.host import FeatureHost


def install(window: FeatureHost) -> tuple[QAction, QAction]:
    """Add this feature's actions to the window's menus; return them (Audit log…, Case record…)."""
    audit_log = QAction(translate("AuditLog", "&Audit log…"), window.widget())
    audit_log.setStatusTip(
        translate("AuditLog", "Every audited event of this database: filter by user, action, date and case")
    )
    audit_log.triggered.connect(lambda _checked=False: open_audit_log(window))
    window.menus["tools"].addAction(audit_log)
    case_record = QAction(translate("CaseRecord", "Case &record…"), window.widget())
    case_record.setStatusTip(
        translate("CaseRecord", "Versions, signatures, handout and report prints, audit trail of the case")
    )
    case_record.triggered.connect(lambda _checked=False: open_case_record(window))
    window.menus["case"].addAction(case_record)
    return audit_log, case_record


def open_audit_log(window: FeatureHost) -> AuditLogDialog | None:
    """Show the audit log (non-modal: it can stay open beside the worklist); a second request brings
    the open one to the front with fresh rows."""
    from PySide6.QtCore import Qt

    from her2desk.gui.audit.audit_view import AuditLogDialog
    from her2desk.services.bundle import Services

    existing = [d for d in window.widget().findChildren(AuditLogDialog) if d.isVisible()]
    if existing:
        existing[0].apply_filters()
        existing[0].raise_()
        existing[0].activateWindow()
        return existing[0]
    dialog = AuditLogDialog(Services.of(window.service).audit, window.widget())
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    if not dialog.load():
        dialog.deleteLater()
        return None
    dialog.show()
    return dialog


def case_for_record(window: FeatureHost) -> str | None:
    """The case open in the Case tab when that tab is shown, else the first one selected in the worklist
    (else the open case)."""
    open_case = window.current_case()
    selected = window.selected_accessions()
    if open_case is not None and window.case_tab_showing():
        return open_case.entry.accession
    if selected:
        return selected[0]
    return open_case.entry.accession if open_case is not None else None


def open_case_record(window: FeatureHost) -> CaseRecordDialog | None:
    from PySide6.QtCore import Qt

    from her2desk.domain.audit_query import AuditQuery
    from her2desk.gui.audit.case_record_view import CaseRecordDialog
    from her2desk.services.bundle import Services

    accession = case_for_record(window)
    if accession is None:
        window.show_message(
            translate("CaseRecord", "Open a case or select one in the worklist to see its record")
        )
        return None
    workflow = window.workflow_service()
    services = Services.of(window.service)
    audit, reports = services.audit, services.reports

    def read() -> tuple:
        return (
            workflow.case_versions(accession),
            workflow.signatures(accession),
            workflow.handouts(accession),
            reports.reports(accession),
            list(audit.iter_all(AuditQuery(accession=accession))),
        )

    try:
        versions, signatures, handouts, report_prints, trail = read()
    except LookupError:
        window.show_message(
            translate("CaseRecord", "Case {accession} is not stored").format(accession=accession)
        )
        return None
    except Exception as error:  # unreachable or damaged database: in words, never a traceback
        window.show_message(
            translate("CaseRecord", "The record of case {accession} could not be read").format(
                accession=accession
            )
        )
        dialogs.show_error(
            window.widget(),
            translate("CaseRecord", "Database problem"),
            translate("CaseRecord", "The record of case {accession} could not be read: {reason}").format(
                accession=accession, reason=error
            ),
        )
        return None
    dialog = CaseRecordDialog(
        accession, versions, signatures, handouts, trail, window.widget(), reports=report_prints
    )
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
